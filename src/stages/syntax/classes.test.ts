import { describe, expect, it } from 'vitest';
import { WordClasses } from './classes.js';
import { encodeSentence } from './encode.js';

/** A made-up table: two coarse classes, three middle, four fine. */
const table = new WordClasses({
  sizes: [2, 3, 4],
  words: ['the', 'Park', 'park', 'garden', 'said'],
  ids: [
    [0, 1, 1, 1, 0],
    [0, 1, 2, 2, 0],
    [0, 1, 2, 3, 0],
  ],
});

describe('word classes for the syntax models', () => {
  it('looks a word up as written, so a name and a noun of the same letters keep their own classes', () => {
    expect(table.classOf('Park')).toEqual([2, 2, 2]);
    expect(table.classOf('park')).toEqual([2, 3, 3]);
  });

  it('takes the title-case form of a word in capitals and the lower-case form of a sentence-first word', () => {
    expect(table.classOf('PARK')).toEqual([2, 2, 2]);
    expect(table.classOf('Garden')).toEqual([2, 3, 4]);
    expect(table.classOf('The')).toEqual([1, 1, 1]);
  });

  it('gives 0 at every granularity to a word the table does not have', () => {
    expect(table.classOf('meadow')).toEqual([0, 0, 0]);
    const c = table.of(encodeSentence(['The', 'meadow', 'said']));
    expect(Array.from(c.c2)).toEqual([1, 0, 1]);
  });

  it('computes the classes of an encoded sentence once (the tagger and the parser share them)', () => {
    const e = encodeSentence(['the', 'garden']);
    expect(table.of(e)).toBe(table.of(e));
  });
});
