import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../src/core/types.js';
import { analyze } from '../src/services/analyze.js';
import { budgetMs, checkOne, pipelineProperty, violations, warmUp } from './fuzz-lib.js';

describe('pipeline fuzzing', () => {
  beforeAll(warmUp);

  it('keeps every span inside the text and every text field equal to its slice, for generated inputs', () => {
    fc.assert(pipelineProperty, { numRuns: 300 });
  });

  it('reports a span outside the text, a text that is not its slice and a raw offset outside the input', () => {
    const a = analyze('The council met in Vienna on Monday, the mayor said.');
    expect(violations('x'.repeat(200), a)).toEqual([]);
    const broken = structuredClone(a) as Analysis;
    broken.sentences.push({ start: 0, end: a.article.text.length + 1 });
    const e = broken.entities[0]!;
    e.mentions[0] = { ...e.mentions[0]!, text: 'not the slice' };
    broken.repairs.push({
      kind: 'nbsp',
      start: 0,
      end: 0,
      raw: { start: 0, end: 999 },
      before: '',
      after: '',
    });
    const v = violations('short', broken);
    expect(v.join('\n')).toMatch(/sentence 1: span/);
    expect(v.join('\n')).toMatch(/is not its slice/);
    expect(v.join('\n')).toMatch(/repair \d+ raw: span \[0, 999\) outside \[0, 5\]/);
  });

  it('gives each input 1 s per 10 KB, at least 1 s', () => {
    expect(budgetMs('x')).toBe(1000);
    expect(budgetMs('x'.repeat(102_400))).toBe(10_000);
    expect(() => checkOne('The mayor said the bridge would reopen on Friday.', 'wire')).not.toThrow();
  });
});
