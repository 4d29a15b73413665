import { describe, expect, it } from 'vitest';
import { allowedTransition, schemeTags, spansFromIob, tagsFromSpans } from './labels.js';

describe('spansFromIob', () => {
  it('reads IOB1 the way conlleval does', () => {
    // I- starts a chunk after O or another type; B- separates two adjacent chunks of one type.
    const labels = ['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'I-ORG', 'I-MISC', 'I-MISC'];
    expect(spansFromIob(labels)).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 5, type: 'LOC' },
      { start: 5, end: 6, type: 'ORG' },
      { start: 6, end: 8, type: 'MISC' },
    ]);
  });

  it('reads BILOU', () => {
    expect(spansFromIob(['U-PER', 'U-PER', 'B-ORG', 'I-ORG', 'L-ORG', 'O'])).toEqual([
      { start: 0, end: 1, type: 'PER' },
      { start: 1, end: 2, type: 'PER' },
      { start: 2, end: 5, type: 'ORG' },
    ]);
  });
});

describe('tagsFromSpans', () => {
  it('round-trips spans through BIO and BILOU', () => {
    const spans = [
      { start: 0, end: 1, type: 'PER' },
      { start: 1, end: 4, type: 'ORG' },
      { start: 5, end: 6, type: 'LOC' },
    ];
    expect(tagsFromSpans(spans, 6, 'BILOU')).toEqual(['U-PER', 'B-ORG', 'I-ORG', 'L-ORG', 'O', 'U-LOC']);
    expect(spansFromIob(tagsFromSpans(spans, 6, 'BIO'))).toEqual(spans);
    expect(spansFromIob(tagsFromSpans(spans, 6, 'BILOU'))).toEqual(spans);
  });

  it('lists tags and forbids ill-formed transitions', () => {
    expect(schemeTags('BIO')).toHaveLength(9);
    expect(schemeTags('BILOU')).toHaveLength(17);
    expect(allowedTransition('O', 'I-PER', 'BIO')).toBe(false);
    expect(allowedTransition('B-PER', 'I-PER', 'BIO')).toBe(true);
    expect(allowedTransition('B-PER', 'O', 'BILOU')).toBe(false);
    expect(allowedTransition('L-PER', 'U-ORG', 'BILOU')).toBe(true);
  });
});
