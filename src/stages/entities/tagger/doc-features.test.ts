import { describe, expect, it } from 'vitest';
import { documentFeatures } from './doc-features.js';
import { schemeTags } from './labels.js';

const tags = schemeTags('BILOU');
const id = (t: string) => tags.indexOf(t);
const O = id('O');

describe('documentFeatures', () => {
  it('gives a capitalised word features from how its other occurrences were tagged, and lower-case words none', () => {
    const sentences = [
      ['President', 'Petra', 'Ivanova', 'arrived'],
      ['IVANOVA', 'SAYS', 'talks', 'go', 'on'],
      ['Ivanova', 'left', 'early'],
    ];
    const paths = [
      [O, id('B-PER'), id('L-PER'), O],
      [O, O, O, O, O],
      [O, O, O],
    ];
    const f = documentFeatures(sentences, paths, tags);
    const count = (s: number, i: number) => f[s]!.offsets[i + 1]! - f[s]!.offsets[i]!;
    // the headline's IVANOVA learns from "Petra Ivanova" (and from the O of the third sentence)
    expect(count(1, 0)).toBeGreaterThan(0);
    // "talks" is lower case: nothing
    expect(count(1, 2)).toBe(0);
    // the two readings differ by what the other occurrences were: the L-PER reading is among IVANOVA's
    // features, not among those of the first sentence's "Ivanova" (whose others are both O)
    const set = (s: number, i: number) =>
      new Set(f[s]!.feats.subarray(f[s]!.offsets[i]!, f[s]!.offsets[i + 1]!));
    const headline = set(1, 0);
    const first = set(0, 2);
    expect([...headline].some((h) => !first.has(h))).toBe(true);
  });

  it('does not count a token as its own evidence', () => {
    const f = documentFeatures([['Varna', 'hosted', 'talks']], [[id('U-LOC'), O, O]], tags);
    const g = documentFeatures([['Varna', 'hosted', 'talks']], [[O, O, O]], tags);
    expect([...f[0]!.feats]).toEqual([...g[0]!.feats]);
  });
});
