import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, type DocumentSource, emptyMeta } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { readWireText } from '../../ingest/wire-text.js';
import { repairStage, repairText } from './index.js';
import { shouldJoin } from './layout.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = path.resolve(repoRoot, '../shared');
const example = path.join(shared, 'examples/yonhap-2024-11-01-nk-troops-3rd-ld.txt');
const txtDir = path.join(shared, 'eval/news/te3-silver-geopolitics/txt');

const fix = (s: string) => repairText(s).text;
const kinds = (s: string) => repairText(s).repairs.map((r) => r.kind);

describe('repair: line breaks inside paragraphs', () => {
  it('joins words split by a stray line break', () => {
    expect(fix('They met at th\ne harbour.')).toBe('They met at the harbour.');
    expect(fix('Guards patrol the bo\nrder every night.')).toBe('Guards patrol the border every night.');
    expect(fix('Fri\nday’s vote was close.')).toBe('Friday’s vote was close.');
    expect(fix('The gover\nnment said no.')).toBe('The government said no.');
    expect(kinds('at th\ne harbour')).toEqual(['joined-split-word']);
  });

  it('turns breaks at word boundaries into spaces', () => {
    expect(fix('Boats rested on the\nshore.')).toBe('Boats rested on the shore.');
    expect(fix('in the strongest possible\nterms')).toBe('in the strongest possible terms');
    expect(fix('a trilateral\nmeeting')).toBe('a trilateral meeting');
    expect(fix('She said,\n“We agree.”')).toBe('She said, “We agree.”');
    expect(fix('the new\nSouth Korean envoy')).toBe('the new South Korean envoy');
    expect(kinds('the\nshore')).toEqual(['line-break-to-space']);
  });

  it('decides by the lexicon, not by length', () => {
    expect(shouldJoin('a', 'bout')).toBe(true);
    expect(shouldJoin('of', 'ten')).toBe(true);
    expect(shouldJoin('may', 'be')).toBe(false);
    expect(shouldJoin('ocean', 'liner')).toBe(false);
    expect(shouldJoin('Kirby', 'said')).toBe(false);
    expect(shouldJoin('Pyong', 'yang')).toBe(true);
  });

  it('joins digits and thousands separators split across lines', () => {
    expect(fix('some 10,\n000 people')).toBe('some 10,000 people');
  });

  it('keeps paragraph breaks, normalised to one blank line', () => {
    expect(fix('First para.\n\n\n\nSecond para.')).toBe('First para.\n\nSecond para.');
    expect(fix('First para.  \r\n \r\nSecond para.')).toBe('First para.\n\nSecond para.');
    expect(fix('One.\r\nTwo.')).toBe('One. Two.');
  });
});

describe('repair: hyphens, markers and characters', () => {
  it('joins space-after-hyphen artefacts but keeps suspended hyphens', () => {
    expect(fix('the Indo- Pacific region')).toBe('the Indo-Pacific region');
    expect(fix('a well- documented case')).toBe('a well-documented case');
    expect(fix('pro- and anti-government rallies')).toBe('pro- and anti-government rallies');
    expect(fix('short- and long-term plans')).toBe('short- and long-term plans');
    expect(fix('a two- or three-day visit')).toBe('a two- or three-day visit');
    expect(fix('a two- to three-day visit')).toBe('a two- to three-day visit');
    expect(kinds('well- documented')).toEqual(['joined-hyphen-space']);
  });

  it('joins end-of-line hyphenation', () => {
    expect(fix('a well-\nknown case')).toBe('a well-known case');
  });

  it('removes wire slugs that close a paragraph', () => {
    expect(fix('The port reopened. (Port-Reopen-2nd Lead)\n\nNext story.')).toBe(
      'The port reopened.\n\nNext story.',
    );
    expect(fix('Ships sailed. (SHIPS-PORT- TRADE)')).toBe('Ships sailed.');
    expect(fix('Last line.\n\n(END)')).toBe('Last line.');
    expect(fix('Talks with the Shin-Bet (Israel) went on.')).toBe(
      'Talks with the Shin-Bet (Israel) went on.',
    );
    expect(kinds('Done. (Port-Reopen)')).toEqual(['removed-marker']);
  });

  it('fixes mojibake, no-break spaces, control characters and space runs', () => {
    expect(fix('the cityâ€™s mayor')).toBe('the city’s mayor');
    expect(fix('â€œYesâ€\u009d, she said')).toBe('“Yes”, she said');
    expect(fix('â€œYesâ€ she said')).toBe('“Yes” she said');
    expect(fix('cafÃ© owners')).toBe('café owners');
    expect(fix('10\u00a0km away')).toBe('10 km away');
    expect(fix('bad\u0007bell')).toBe('badbell');
    expect(fix('too   many\t\tspaces ')).toBe('too many spaces');
    expect(fix('Curly “quotes” and ‘single’ stay.')).toBe('Curly “quotes” and ‘single’ stay.');
    expect(fix('café and naïve stay as written')).toBe('café and naïve stay as written');
    expect(kinds('a\u00a0b')).toEqual(['nbsp']);
    expect(kinds('a\u0001b')).toEqual(['control-character']);
    expect(kinds('a  b')).toEqual(['collapsed-whitespace']);
    expect(kinds('itâ€™s')).toEqual(['mojibake']);
  });

  it('records each repair with text and raw spans that point at before and after', () => {
    const raw = 'Xx at th\ne bo\nrder, the Indo- Pacific and cityâ€™s\u00a0port.';
    const r = repairText(raw, 100);
    expect(r.repairs.length).toBe(5);
    for (const rep of r.repairs) {
      expect(r.text.slice(rep.start, rep.end)).toBe(rep.after);
      expect(raw.slice(rep.raw.start - 100, rep.raw.end - 100)).toBe(rep.before);
    }
  });
});

/** Every text character outside repaired blocks maps to the same character of the raw input. */
function checkAlignment(raw: string, rawOffset: number, body: string): void {
  const r = repairText(body, rawOffset);
  for (let i = 0; i < r.text.length; i++) {
    if (r.offsetMap.touchesRepair({ start: i, end: i + 1 })) continue;
    expect(raw[r.offsetMap.toRaw(i)]).toBe(r.text[i]);
  }
}

describe('repair: offset map property', () => {
  const piece = fc.constantFrom(
    'the',
    'bo',
    'rder',
    'th',
    'e',
    'Indo-',
    'Pacific',
    ' ',
    ' ',
    '  ',
    '\n',
    '\n\n',
    '\n\n\n',
    '\r\n',
    '\t',
    '-',
    '\u00a0',
    'â€™',
    'â€œ',
    'Ã©',
    '\u0007',
    '(END)',
    '(Port-Reopen)',
    '.',
    ',',
    '10,',
    '000',
    '’s',
    'café',
    '…',
  );
  it('maps every unrepaired character back to itself in the raw input', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.string({ maxLength: 20 }), (parts, prefix) => {
        const body = parts.join('');
        const raw = prefix + body;
        checkAlignment(raw, prefix.length, body);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary strings and keeps the text free of single line breaks', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (s) => {
        const r = repairText(s);
        expect(r.text).not.toMatch(/(^|[^\n])\n(?!\n)/);
        expect(r.text).not.toMatch(/\n{3,}/);
        for (const rep of r.repairs) {
          expect(rep.start).toBeLessThanOrEqual(rep.end);
          expect(rep.raw.start).toBeLessThanOrEqual(rep.raw.end);
          expect(r.text.slice(rep.start, rep.end)).toBe(rep.after);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('repairStage', () => {
  it('declares its contract and merges the reader repairs', () => {
    const stage = repairStage();
    expect(stage.name).toBe('repair');
    expect(stage.requires).toEqual([]);
    expect(stage.assigns).toEqual(['text', 'offsetMap', 'repairs']);
    const raw = 'HEAD\n\nTruncated…\n\nIt was th\ne end.';
    const source: DocumentSource = {
      raw,
      body: { start: 18, end: raw.length },
      meta: emptyMeta(),
      repairs: [
        {
          kind: 'removed-truncated-standfirst',
          start: 0,
          end: 0,
          raw: { start: 6, end: 16 },
          before: 'Truncated…',
          after: '',
        },
      ],
      warnings: [],
    };
    const doc = createPipeline([stage]).run(new Document('d1', source));
    expect(doc.text).toBe('It was the end.');
    expect(doc.get('repairs').map((r) => r.kind)).toEqual([
      'removed-truncated-standfirst',
      'joined-split-word',
    ]);
    expect(doc.get('offsetMap').toRaw(0)).toBe(18);
    expect(() => repairStage({ cleanCharacters: 'yes' as unknown as boolean })).toThrow(/cleanCharacters/);
  });
});

describe.skipIf(!existsSync(example))('repair: the example article (needs ../shared)', () => {
  it('repairs all the damage and nothing else', () => {
    const raw = readFileSync(example, 'utf8');
    const doc = createPipeline([repairStage()]).run(new Document('x', readWireText(raw)));
    const text = doc.text;
    for (const s of [
      'on the battlefield',
      'the strongest possible terms',
      'with the international community',
      'in border areas',
      'as well as trilateral cooperation',
      'Indo-Pacific',
      'day’s gathering is the second meeting',
    ]) {
      expect(text).toContain(s);
    }
    for (const s of ['th e international', 'bo rder', 'Fri day', 'Indo- Pacific', 'militar…'])
      expect(text).not.toContain(s);
    expect(text).not.toMatch(/[^\n]\n[^\n]/);
    const repairs = doc.get('repairs');
    expect(repairs.filter((r) => r.kind === 'joined-split-word').map((r) => r.after)).toEqual([
      'the',
      'border',
      'Friday’s',
    ]);
    expect(repairs.filter((r) => r.kind === 'line-break-to-space')).toHaveLength(3);
    for (const r of repairs) expect(raw.slice(r.raw.start, r.raw.end)).toBe(r.before);
    const body = readWireText(raw);
    checkAlignment(raw, body.body.start, raw.slice(body.body.start, body.body.end));
  });
});

describe.skipIf(!existsSync(txtDir))('repair: 150 AFP/Xinhua stories (needs ../shared)', () => {
  it('fixes hyphen artefacts, removes slugs and leaves no single line breaks', () => {
    let hyphen = 0;
    let markers = 0;
    for (const f of readdirSync(txtDir)) {
      const raw = readFileSync(path.join(txtDir, f), 'utf8');
      const src = readWireText(raw);
      const r = repairText(raw.slice(src.body.start, src.body.end), src.body.start);
      expect(r.text, f).not.toMatch(/[^\n]\n[^\n]/);
      expect(r.text, f).not.toMatch(/\b(?:well|self|anti|no|Indo|Asia|Sino)- [a-zA-Z]/);
      expect(r.text, f).not.toMatch(/\(Iraq-Saddam-Lawyers-2nd Lead\)|\(Sudan-Attack\)/);
      hyphen += r.repairs.filter((x) => x.kind === 'joined-hyphen-space').length;
      markers += r.repairs.filter((x) => x.kind === 'removed-marker').length;
      for (const x of r.repairs) expect(raw.slice(x.raw.start, x.raw.end), f).toBe(x.before);
      if (f === 'AFP_ENG_19970401.0222.txt')
        expect(r.text).toContain('widespread and well-documented human rights');
    }
    expect(hyphen).toBeGreaterThanOrEqual(25);
    expect(markers).toBeGreaterThanOrEqual(10);
  });
});
