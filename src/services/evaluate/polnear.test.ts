import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../core/types.js';
import { isDirectContent, parsePolnearAnn, polnear, quotedRegions, scoredQuotes } from './polnear.js';

describe('parsePolnearAnn', () => {
  it('reads Source, Cue and discontinuous Content spans of each relation', () => {
    const text = 'Our mayor said the bridge opens soon, adding that tolls stay.';
    const ann = [
      'T1\tSource 0 9\tOur mayor',
      'T2\tCue 10 14\tsaid',
      'T3\tContent 15 36;49 60\tthe bridge opens soon tolls stay',
      'E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1',
      'T4\tContent 0 3\tOur',
      'E2\tAttribution-no-source:T4',
    ].join('\n');
    const g = parsePolnearAnn(ann, text);
    expect(g).toHaveLength(1);
    expect(g[0]!.source).toEqual([{ start: 0, end: 9 }]);
    expect(g[0]!.content).toEqual([
      { start: 15, end: 36 },
      { start: 49, end: 60 },
    ]);
  });
  it('converts code-point offsets to UTF-16 after astral characters', () => {
    const text = '😀 Kim said yes.';
    const g = parsePolnearAnn(
      'T1\tContent 11 14\tyes\nT2\tCue 6 10\tsaid\nE1\tAttribution:T2 Content:T1 Cue:T2',
      text,
    );
    expect(text.slice(g[0]!.content[0]!.start, g[0]!.content[0]!.end)).toBe('yes');
  });
});

describe('isDirectContent', () => {
  const span = (text: string, part: string, from = 0) => {
    const start = text.indexOf(part, from);
    if (start < 0) throw new Error(`no ${part}`);
    return { start, end: start + part.length };
  };
  const direct = (text: string, ...parts: string[]) =>
    isDirectContent(
      text,
      parts.map((p) => span(text, p)),
      quotedRegions(text),
    );

  it('takes a content that begins or ends with a straight or curly double mark as direct', () => {
    const t = 'Kim said: "We will win." Lee added that “prices rise”. She said: “Fine” ';
    expect(direct(t, '"We will win."')).toBe(true);
    expect(direct(t, 'that “prices rise”')).toBe(true);
    expect(direct(t, ' “Fine” ')).toBe(true);
  });
  it('takes a content wholly inside a quote (marks left out of the span) as direct', () => {
    const t = '"We will win," Kim said.\n“Prices will rise, and soon';
    expect(direct(t, 'We will win')).toBe(true);
    expect(direct(t, 'Prices will rise')).toBe(true);
  });
  it('takes a paraphrase, or a span that only contains a partial quote, as not direct', () => {
    const t = 'Kim said prices will "rise fast" next year. "No," Lee said.\nLee said taxes stay.';
    expect(direct(t, 'prices will "rise fast" next year')).toBe(false);
    expect(direct(t, 'taxes stay')).toBe(false);
    // the straight mark left open in the first paragraph does not leak past the line break
    expect(direct('He said "well\nthen taxes stay.', 'taxes stay')).toBe(false);
  });
  it('uses the hull of a discontinuous content', () => {
    const t = '"We will win," Kim said. "And soon."';
    expect(direct(t, '"We will win,"', '"And soon."')).toBe(true);
    expect(isDirectContent(t, [], quotedRegions(t))).toBe(false);
  });
});

describe('scoredQuotes', () => {
  it('drops partial quotes nested in another quote', () => {
    const q = (kind: Quote['kind'], start: number, end: number): Quote => ({
      id: 'q',
      kind,
      start,
      end,
      text: '',
      speaker: null,
      speakerName: null,
      cue: null,
    });
    const out = scoredQuotes([q('indirect', 0, 50), q('partial', 10, 20), q('partial', 60, 70)]);
    expect(out.map((x) => x.start)).toEqual([0, 60]);
  });
});

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dev = path.resolve(repoRoot, '../shared/eval/quotes/polnear/dev');

describe.skipIf(!existsSync(dev))('polnear evaluator on the dev split (needs ../shared/eval/quotes)', () => {
  it('scores a few articles and reports speaker accuracy', async () => {
    const r = await polnear.run(dev, { limit: 4 });
    expect(r.metric).toBe('speaker accuracy');
    expect(r.table).toMatch(/content overlap/);
    expect(r.table).toMatch(/source on direct quotes: \d+\/\d+/);
    expect((r.details as { documents: number }).documents).toBe(4);
    expect(r.value).toBeGreaterThan(0);
  });
});
