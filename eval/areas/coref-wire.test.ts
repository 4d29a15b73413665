import { describe, expect, it } from 'vitest';
import { scoreCoref } from './coref-wire.js';

describe('scoreCoref', () => {
  const gold = [
    {
      mentions: [
        [0, 10],
        [50, 56],
        [80, 82],
      ] as [number, number][],
    },
    { mentions: [[20, 30]] as [number, number][] },
  ];

  it('counts links precision first and an entity holding two gold persons as a merge', () => {
    const c = scoreCoref(gold, [
      [
        [0, 10],
        [50, 56],
        [20, 30],
      ],
    ]);
    expect(c).toEqual({ sysLinks: 3, correct: 1, goldLinks: 3, merges: 1 });
  });

  it('gives full precision to kept-apart persons and leaves unmatched mentions out of the links', () => {
    const c = scoreCoref(gold, [
      [
        [0, 10],
        [81, 82],
        [100, 104],
      ],
      [[20, 30]],
    ]);
    expect(c).toEqual({ sysLinks: 1, correct: 1, goldLinks: 3, merges: 0 });
  });
});
