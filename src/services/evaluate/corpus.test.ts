import { describe, expect, it } from 'vitest';
import { type CorpusGold, scoreCorpus, splitHalves } from './corpus.js';

const gold: CorpusGold = {
  stories: ['a', 'b', 'c', 'd', 'e', 'f'],
  versionPairs: [
    { earlier: 'a', later: 'b' },
    { earlier: 'b', later: 'c' },
  ],
  negativePairs: [{ a: 'd', b: 'e' }],
  clusters: [['a', 'b', 'c']],
};

describe('corpus scoring', () => {
  it('scores consecutive version pairs and ignores non-consecutive links on one chain', () => {
    const story = new Map([
      ['a', 's'],
      ['b', 's'],
      ['c', 's'],
    ]);
    const s = scoreCorpus(
      gold,
      new Set(gold.stories),
      [
        ['a', 'b'],
        ['a', 'c'],
      ],
      story,
      story,
    );
    expect(s.version).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(s.negativesLinked).toBe(0);
    expect(s.cluster.f).toBeCloseTo(1);
  });

  it('counts a linked hard negative and lowers cluster precision for a wrong merge', () => {
    const story = new Map([
      ['d', 's'],
      ['e', 's'],
    ]);
    const cluster = new Map([
      ['a', 'k'],
      ['b', 'k'],
      ['c', 'k'],
      ['d', 'k'],
    ]);
    const s = scoreCorpus(gold, new Set(gold.stories), [['d', 'e']], story, cluster);
    expect(s.version.fp).toBe(1);
    expect(s.negativesLinked).toBe(1);
    expect(s.cluster.p).toBeLessThan(1);
    expect(s.cluster.r).toBeCloseTo(1);
  });

  it('splits into two halves that keep every gold group whole', () => {
    const { a, b } = splitHalves(gold);
    expect(a.size + b.size).toBe(6);
    const side = (x: string) => (a.has(x) ? 'a' : 'b');
    expect(new Set(['a', 'b', 'c'].map(side)).size).toBe(1);
    expect(side('d')).toBe(side('e'));
  });
});
