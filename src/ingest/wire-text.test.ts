import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWireText } from './wire-text.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(repoRoot, '../shared');
const example = path.join(shared, 'examples/yonhap-2024-11-01-nk-troops-3rd-ld.txt');
const newsDir = path.join(shared, 'eval/news/te3-silver-geopolitics');

const body = (raw: string) => {
  const s = readWireText(raw);
  return raw.slice(s.body.start, s.body.end);
};

describe('readWireText: synthetic layouts', () => {
  it('reads an AFP-style story with a standalone dateline and a Source line', () => {
    const raw = [
      'March 3, 2021',
      'Harbour talks end without a deal by Ana Lima',
      'PORTO, March 3 , 2021 (AFP)',
      'Negotiators left the harbour office on Wednesday without a deal.',
      'A second round is planned for next week.',
      'Source: Agence France-Presse',
      '',
    ].join('\n\n');
    const s = readWireText(raw);
    expect(s.meta).toEqual({
      source: 'Agence France-Presse',
      url: null,
      published: '2021-03-03',
      headline: 'Harbour talks end without a deal',
      byline: 'Ana Lima',
      dateline: 'PORTO',
      version: null,
    });
    expect(body(raw)).toBe(
      'Negotiators left the harbour office on Wednesday without a deal.\n\nA second round is planned for next week.',
    );
    expect(s.warnings).toEqual([]);
  });

  it('keeps the region of a dateline, ignores the duplicated year and falls back to the dateline date', () => {
    const raw =
      'Ferry link reopens\n\nKIRKWALL, Scotland, Dec 11 , 2006, 2006\n\nThe ferry sailed again on Monday.\n\nSource: Agence France-Presse\n';
    const s = readWireText(raw);
    expect(s.meta.dateline).toBe('KIRKWALL, Scotland');
    expect(s.meta.published).toBe('2006-12-11');
    expect(s.meta.headline).toBe('Ferry link reopens');
    expect(body(raw)).toBe('The ferry sailed again on Monday.');
  });

  it('strips an inline dateline with no agency only when it is clearly one', () => {
    const cases: [string, string | null, string][] = [
      ['WASHINGTON — The bill passed.', 'WASHINGTON', 'The bill passed.'],
      ['KYIV, Ukraine - Talks resumed.', 'KYIV, Ukraine', 'Talks resumed.'],
      ['BRUSSELS, Dec 3 -- Ministers met.', 'BRUSSELS', 'Ministers met.'],
      ['Seoul, Dec. 3 (Yonhap) -- Ministers met.', 'Seoul', 'Ministers met.'],
      // an organisation, not a place: the text stays whole
      ['NATO - The alliance met.', null, 'NATO - The alliance met.'],
      ['ZORBLAND - Something happened.', null, 'ZORBLAND - Something happened.'],
    ];
    for (const [raw, place, text] of cases) {
      expect(readWireText(raw).meta.dateline, raw).toBe(place);
      expect(body(raw), raw).toBe(text);
    }
  });

  it('strips a Yonhap inline dateline, the (END) marker and an e-mail sign-off', () => {
    const raw = [
      'May 2, 2023',
      '(LEAD) City opens new bridge',
      'BUSAN, May 2 (Yonhap) -- The city opened a new bridge on Tuesday.',
      'Traffic is expected to ease.',
      'reporter@example.com',
      '(END)',
    ].join('\n\n');
    const s = readWireText(raw);
    expect(s.meta.dateline).toBe('BUSAN');
    expect(s.meta.source).toBe('Yonhap News Agency');
    expect(s.meta.version).toEqual({ tag: 'LEAD', number: 1 });
    expect(body(raw)).toBe('The city opened a new bridge on Tuesday.\n\nTraffic is expected to ease.');
  });

  it('removes a truncated standfirst that repeats the first paragraph, as a recorded repair', () => {
    const first =
      'The council approved the new budget on Monday after a long debate over school funding and roads.';
    const stand = 'The council approved the new budget on Monday after a long debate over sch…';
    const raw = `June 5, 2023\n\n(2nd LD) Council passes budget\n\n${stand}\n\n\n${first}\n\nSource: Yonhap News Agency`;
    const s = readWireText(raw);
    expect(body(raw)).toBe(first);
    expect(s.repairs).toHaveLength(1);
    expect(s.repairs[0]).toMatchObject({
      kind: 'removed-truncated-standfirst',
      start: 0,
      end: 0,
      before: stand,
      after: '',
    });
    expect(raw.slice(s.repairs[0]!.raw.start, s.repairs[0]!.raw.end)).toBe(stand);
    expect(s.meta.version).toEqual({ tag: '2nd LD', number: 2 });
  });

  it('takes a byline paragraph and the inline dateline over the desk dateline', () => {
    const raw =
      'November 4, 2006\n\nRoundup: Rivers rise in the north\n\nPARIS, Nov. 4 , 2006 (Xinhua)\n\nby Wei Lan\n\nHANOI, Nov. 4 (Xinhua) -- Rivers rose on Saturday.\n\nSource: Xinhua News Agency';
    const s = readWireText(raw);
    expect(s.meta.byline).toBe('Wei Lan');
    expect(s.meta.dateline).toBe('HANOI');
    expect(body(raw)).toBe('Rivers rose on Saturday.');
  });

  it('reads a title slot holding only an update slug as a version with no headline', () => {
    const raw =
      'December 2, 2006\n\nATTENTION - ADDS quotes from the mayor ///\n\nOSLO, Dec 2 , 2006, 2006\n\nThe mayor spoke.\n\nSource: Agence France-Presse';
    const s = readWireText(raw);
    expect(s.meta.headline).toBeNull();
    expect(s.meta.version).toEqual({ tag: 'ATTENTION - ADDS quotes from the mayor', number: null });
  });

  it('degrades on unknown layouts: whole text as body, metadata null, a warning', () => {
    const raw = 'Just some notes.\nNothing like a wire story here.\n';
    const s = readWireText(raw);
    expect(body(raw)).toBe('Just some notes.\nNothing like a wire story here.');
    expect(s.meta.published).toBeNull();
    expect(s.meta.headline).toBeNull();
    expect(s.warnings.join(' ')).toMatch(/unknown layout/);
  });

  it('reads e-mail runs after a dateline line in linear time (`a@b.cccc` × 17 froze the server)', () => {
    const head =
      'November 1, 2024\n\nPort strike ends\n\nSEOUL, Nov. 1 (Yonhap) -- Dock workers went back on Monday.\n\n';
    for (const n of [17, 40, 5_000]) {
      for (const tail of ['', '!', ' x', '\u0000']) {
        const raw = head + 'a@b.cccc'.repeat(n) + tail;
        const s = readWireText(raw);
        expect(s.body.end).toBeLessThanOrEqual(raw.length);
        expect(body(raw)).toContain('Dock workers went back on Monday.');
      }
    }
    // Sign-offs separated by whitespace are still furniture; a run of addresses glued together is text.
    expect(body(`${head}desk@example.org  night@example.org\n`)).not.toContain('@');
    expect(body(`${head}desk@example.org (END)\n`)).not.toContain('@');
    expect(body(`${head}-- END --\n`)).not.toContain('END');
  }, 20_000);

  it('never throws and always returns a body span inside the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (raw) => {
        const s = readWireText(raw);
        expect(s.body.start).toBeGreaterThanOrEqual(0);
        expect(s.body.end).toBeLessThanOrEqual(raw.length);
        expect(s.body.start).toBeLessThanOrEqual(s.body.end);
      }),
      { numRuns: 300 },
    );
    const fragments = [
      'November 1, 2024',
      '(LEAD)',
      'SEOUL, Nov. 1 (Yonhap) --',
      '///',
      'Source:',
      '\n\n',
      '…',
      'by X',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments, 'word', ' '), { maxLength: 30 }), (parts) => {
        const raw = parts.join('');
        const s = readWireText(raw);
        expect(s.body.end).toBeLessThanOrEqual(raw.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe.skipIf(!existsSync(example))('readWireText: the example article (needs ../shared)', () => {
  it('reads date, source, version, headline and removes the truncated standfirst', () => {
    const raw = readFileSync(example, 'utf8');
    const s = readWireText(raw);
    expect(s.meta.published).toBe('2024-11-01');
    expect(s.meta.source).toContain('Yonhap');
    expect(s.meta.version).toEqual({ tag: '3rd LD', number: 3 });
    expect(s.meta.headline?.startsWith('Top S. Korean, U.S., Japanese security officials')).toBe(true);
    expect(s.repairs.map((r) => r.kind)).toEqual(['removed-truncated-standfirst']);
    const b = raw.slice(s.body.start, s.body.end);
    expect(b.startsWith('The national security advisors')).toBe(true);
    expect(b).not.toContain('…');
    expect(b).not.toContain('Source:');
  });
});

interface Rec {
  id: string;
  source: string;
  dct: string;
  dateline: string;
  title: string;
  text: string;
}

describe.skipIf(!existsSync(path.join(newsDir, 'txt')))(
  'readWireText: 150 AFP/Xinhua stories (needs ../shared)',
  () => {
    const recs = existsSync(path.join(newsDir, 'articles.jsonl'))
      ? readFileSync(path.join(newsDir, 'articles.jsonl'), 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Rec)
      : [];

    it('matches the records on date, source, dateline, title and body', () => {
      expect(recs.length).toBe(150);
      expect(readdirSync(path.join(newsDir, 'txt')).length).toBe(150);
      let sameBody = 0;
      for (const r of recs) {
        const raw = readFileSync(path.join(newsDir, 'txt', `${r.id}.txt`), 'utf8');
        const s = readWireText(raw);
        expect(s.meta.published, r.id).toBe(r.dct);
        expect(s.meta.source, r.id).toBe(r.source === 'AFP' ? 'Agence France-Presse' : 'Xinhua News Agency');
        // The dateline is the record's dateline place, or the body's own inline dateline (Xinhua roundups).
        expect(s.meta.dateline, r.id).not.toBeNull();
        const inline = /^(?:by [^\n]+\n\n)?(?:[^\n]+\n\n)?([A-Z][A-Z ]+), \w+\.? \d+ \(Xinhua\) --/.exec(
          r.text,
        )?.[1];
        expect(r.dateline.startsWith(`${s.meta.dateline!},`) || s.meta.dateline === inline, r.id).toBe(true);
        // Headline or version filled whenever the title slot holds something meaningful.
        const title = r.title;
        if (s.meta.headline !== null) expect(title, r.id).toContain(s.meta.headline.slice(0, 20));
        if (/\/\/\/|PICTURE|\d(?:st|nd|rd|th) Ld/.test(title) && /[A-Z]{4}|PICTURE|Ld/.test(title)) {
          if (!/^(?:position )?\/\/\/$/.test(title) && title !== 'position ///') {
            expect(s.meta.version, r.id).not.toBeNull();
          }
        }
        if (/^[A-Z][a-z]+ \w+ \w+/.test(title) && !/^(?:by|By) /.test(title) && !/\/\/\//.test(title)) {
          expect(s.meta.headline, r.id).not.toBeNull();
        }
        if (/ by [A-Z][a-z]+ [A-Z][a-z-]+$|^[Bb]y [A-Z]/.test(title))
          expect(s.meta.byline, r.id).not.toBeNull();
        const b = raw.slice(s.body.start, s.body.end);
        expect(b, r.id).not.toMatch(/^Source:|\nSource: /);
        if (b === r.text.trim()) sameBody++;
        else expect(r.text.trim().endsWith(b), r.id).toBe(true); // we strip more leading furniture, never text
      }
      expect(sameBody).toBeGreaterThanOrEqual(148);
    });
  },
);
