import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED } from '../area.js';
import {
  openingCheck,
  readWire2Gold,
  toScorePyGold,
  WIRE2_GOLD,
  WIRE3_GOLD,
  type Wire2Quote,
  type Wire2Story,
} from './exhaustive-wire-2.js';

const PLOVER = new Set([
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'INVESTIGATE',
  'DEMAND',
  'DISAPPROVE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'MOBILIZE',
  'SANCTION',
  'COERCE',
  'ASSAULT',
  'FIGHT',
  'CRIME',
]);

const allQuotes = (s: Wire2Story): Wire2Quote[] => [...s.quotes, ...s.quotes_optional];

/** Story files that earlier gold already annotated (a new blind story must be new to every gold set). */
function earlierGoldFiles(goldFile: string): Set<string> {
  const ids = new Set<string>();
  const grab = (text: string) => {
    for (const m of text.matchAll(/(?:AFP|XIN)_ENG_\d{8}\.\d{4}/g)) ids.add(m[0]);
  };
  grab(readFileSync(path.join(ROOT, 'eval/gold/exhaustive-wire.json'), 'utf8'));
  grab(readFileSync(path.join(ROOT, 'eval/gold/coref-wire.json'), 'utf8'));
  if (goldFile !== WIRE2_GOLD) grab(readFileSync(path.join(ROOT, WIRE2_GOLD), 'utf8'));
  const events = path.join(ROOT, 'src/stages/events/fixtures/exhaustive');
  for (const f of readdirSync(events)) grab(f);
  return ids;
}

describe.each([
  { goldFile: WIRE2_GOLD, stories: 8, blind: 8 },
  { goldFile: WIRE3_GOLD, stories: 16, blind: 8 },
])('exhaustive gold file $goldFile', ({ goldFile, stories, blind }) => {
  const gold = readWire2Gold(goldFile);
  it('has distinct stories that no earlier gold used, half from each agency, the blind split as planned', () => {
    const ids = gold.stories.map((s) => path.basename(s.file, '.txt'));
    expect(ids).toHaveLength(stories);
    expect(new Set(ids).size).toBe(stories);
    expect(gold.stories.filter((s) => s.split === 'blind')).toHaveLength(blind);
    expect(gold.stories.every((s) => s.split === 'blind' || s.split === 'dev')).toBe(true);
    const earlier = earlierGoldFiles(goldFile);
    expect(ids.filter((id) => earlier.has(id))).toEqual([]);
    expect(ids.filter((id) => id.startsWith('AFP')).length).toBe(stories / 2);
    for (const split of ['dev', 'blind']) {
      const inSplit = gold.stories.filter((s) => s.split === split).map((s) => path.basename(s.file));
      if (inSplit.length) expect(inSplit.filter((f) => f.startsWith('AFP')).length).toBe(inSplit.length / 2);
    }
  });

  it('gives every quote a kind, an offset, a speaker and a fingerprint, never both required and optional', () => {
    for (const s of gold.stories) {
      for (const q of allQuotes(s)) {
        expect(['direct', 'indirect', 'partial'], s.file).toContain(q.kind);
        expect(Number.isInteger(q.at) && q.at >= 0, `${s.file}@${q.at}`).toBe(true);
        expect(q.speaker.length, `${s.file}@${q.at}`).toBeGreaterThan(0);
        expect(q.check, `${s.file}@${q.at}`).toMatch(/^[0-9a-f]{8}$/);
      }
      const required = new Set(s.quotes.map((q) => q.at));
      expect(s.quotes_optional.filter((q) => required.has(q.at)).map((q) => q.at)).toEqual([]);
    }
  });

  it('types every event with PLOVER and names who takes part', () => {
    for (const s of gold.stories) {
      for (const e of [...s.events, ...s.events_optional]) {
        expect(e.types.length, e.name).toBeGreaterThan(0);
        expect(
          e.types.filter((t) => !PLOVER.has(t)),
          e.name,
        ).toEqual([]);
        expect(Boolean(e.actor || e.target || e.participants_any_of), e.name).toBe(true);
      }
    }
  });

  it('keeps no article text: only the about is longer than a short phrase, and event names are our own summaries', () => {
    const strings: string[] = [];
    const walk = (v: unknown, key = ''): void => {
      if (typeof v === 'string') {
        if (key !== 'name') strings.push(v);
      } else if (Array.isArray(v)) for (const x of v) walk(x);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(gold.stories);
    expect(strings.filter((s) => s.length > 80)).toEqual([]);
    const names = gold.stories.flatMap((s) => [...s.events, ...s.events_optional].map((e) => e.name));
    expect(names.filter((n) => n.length > 120)).toEqual([]);
  });
});

const haveStories = existsSync(path.join(SHARED, 'eval/news/te3-silver-bulk/txt'));
if (!haveStories)
  console.warn('exhaustive-wire-2 and -3 offset checks skipped: ../shared/eval/news/te3-silver-bulk absent');

describe.skipIf(!haveStories).each([WIRE2_GOLD, WIRE3_GOLD])(
  'exhaustive gold %s against the stories (needs ../shared)',
  (goldFile) => {
    const gold = readWire2Gold(goldFile);
    const raw = (file: string) => readFileSync(path.join(SHARED, file), 'utf8');

    it('points every quote offset at the words it was written for, inside the story body', () => {
      for (const s of gold.stories) {
        const text = raw(s.file);
        // the body follows the date, headline and dateline lines; only optional quotes may sit in the headline
        const lines = [...text.matchAll(/[^\n]+/g)];
        const bodyStart = lines[3]!.index!;
        const headline = [lines[1]!.index!, lines[1]!.index! + lines[1]![0].length];
        const optional = new Set(s.quotes_optional);
        const bodyEnd = text.lastIndexOf('\nSource:');
        for (const q of allQuotes(s)) {
          const where = `${path.basename(s.file)}@${q.at}`;
          expect(openingCheck(text, q.at), where).toBe(q.check);
          const inHeadline = optional.has(q) && q.at >= headline[0]! && q.at < headline[1]!;
          expect((q.at >= bodyStart && q.at < bodyEnd) || inHeadline, where).toBe(true);
          expect(text[q.at], where).toMatch(/[A-Za-z0-9(]/);
          const before = text.slice(0, q.at).trimEnd().at(-1);
          if (q.kind === 'indirect') expect(text[q.at - 1], where).toMatch(/\s/);
          else expect(before, where).toBe('"');
        }
      }
    });

    it('names only persons and non-persons that the story spells out', () => {
      for (const s of gold.stories) {
        const text = raw(s.file);
        for (const p of s.persons) {
          expect(text.includes(p), `${s.file}: ${p}`).toBe(true);
        }
        for (const p of s.not_persons) expect(text.toLowerCase().includes(p.toLowerCase()), p).toBe(true);
      }
    });

    it('gives person coreference whose mentions are names or personal pronouns, each held by one person', () => {
      for (const s of gold.stories) {
        if (!s.coref) continue;
        const text = raw(s.file);
        const seen = new Set<string>();
        for (const p of s.coref) {
          for (const [a, b] of p.mentions) {
            const m = text.slice(a, b);
            const where = `${path.basename(s.file)}@${a}: ${p.name}`;
            expect(
              /^(?:he|she|his|her|him|hers|himself|herself)$/i.test(m) || /^\p{Lu}/u.test(m),
              where,
            ).toBe(true);
            expect(seen.has(`${a}:${b}`), where).toBe(false);
            seen.add(`${a}:${b}`);
          }
        }
      }
    });

    it('writes event names that are no sentence of the story', () => {
      for (const s of gold.stories) {
        const text = raw(s.file).replace(/\s+/g, ' ');
        for (const e of [...s.events, ...s.events_optional]) {
          if (e.name.length > 40) expect(text.includes(e.name), e.name).toBe(false);
        }
      }
    });

    it('gives claim values that the story states, in digits or as a number word', () => {
      const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
      for (const s of gold.stories) {
        const text = raw(s.file).toLowerCase();
        for (const c of [...s.claims, ...s.claims_optional]) {
          if (c.value === null) continue;
          const digits = c.value.toLocaleString('en-US');
          const word = words[c.value];
          const said =
            new RegExp(`(^|[^\\d,.])${digits.replace(/[.,]/g, '\\$&')}(?![\\d,])`).test(text) ||
            (word !== undefined && new RegExp(`\\b${word}\\b`).test(text)) ||
            // "tens of thousands" is given as 10,000 and "thousands" as 1,000 (any hedge accepted)
            (c.value === 10000 && /\btens of thousands\b/.test(text)) ||
            (c.value === 1000 && /\bthousands\b/.test(text)) ||
            // "11.5 billion", "2.3 million"
            [
              [1e9, 'billion'],
              [1e6, 'million'],
            ].some(
              ([k, w]) =>
                c.value! % (k as number) !== c.value && text.includes(`${c.value! / (k as number)} ${w}`),
            );
          expect(said, `${s.file}: ${c.value}`).toBe(true);
        }
      }
    });

    it('turns each story into score.py gold whose quotes open with real words', () => {
      for (const s of gold.stories) {
        const g = toScorePyGold(s, raw(s.file)) as { quotes: { starts: string }[]; exhaustive: string[] };
        expect(g.exhaustive).toEqual(['quotes', 'claims', 'events']);
        for (const q of g.quotes) expect(q.starts.split(' ').length, s.file).toBeGreaterThanOrEqual(1);
        const direct = toScorePyGold(s, raw(s.file), true) as { quotes: unknown[]; exhaustive?: unknown };
        expect(direct.exhaustive).toBeUndefined();
        expect(direct.quotes).toHaveLength(s.quotes.filter((q) => q.kind === 'direct').length);
      }
    });
  },
);
