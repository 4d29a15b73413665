import SqliteDatabase from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkQueryBounds,
  isEmptyQuery,
  MAX_QUERY_ITEMS,
  parseSearchQuery,
  queryItemCount,
  toFts5,
  toTsQuery,
  wordForms,
} from './search-query.js';

describe('parseSearchQuery', () => {
  it('splits words, phrases, negations, prefixes and OR groups', () => {
    expect(parseSearchQuery('troops "grave concern" -Ukraine missil* OR Kirby')).toEqual({
      groups: [
        [
          { words: ['troops'], prefix: false, negated: false },
          { words: ['grave', 'concern'], prefix: false, negated: false },
          { words: ['ukraine'], prefix: false, negated: true },
          { words: ['missil'], prefix: true, negated: false },
        ],
        [{ words: ['kirby'], prefix: false, negated: false }],
      ],
    });
  });

  it('treats operator soup and lone quotes as nothing or plain words', () => {
    expect(isEmptyQuery(parseSearchQuery('AND OR NOT'))).toBe(true);
    expect(isEmptyQuery(parseSearchQuery('-only -negations'))).toBe(true);
    expect(parseSearchQuery('"unbalanced').groups).toEqual([
      [{ words: ['unbalanced'], prefix: false, negated: false }],
    ]);
    expect(parseSearchQuery('Won-sik').groups[0]![0]!.words).toEqual(['won', 'sik']);
    // case folding must not leave a combining mark behind (found by the property test below)
    expect(parseSearchQuery('İstanbul').groups[0]![0]!.words).toEqual(['istanbul']);
    expect(parseSearchQuery('cafe\u0301').groups[0]![0]!.words).toEqual(['caf\u00e9']);
  });
});

describe('wordForms', () => {
  it('covers the inflections porter stems differently', () => {
    expect(wordForms('deploy')).toEqual(
      expect.arrayContaining(['deploy', 'deployment', 'deploying', 'deployed']),
    );
    expect(wordForms('deployment')).toEqual(expect.arrayContaining(['deploy', 'deploying']));
    expect(wordForms('agency')).toEqual(expect.arrayContaining(['agency', 'agencies']));
    expect(wordForms('1997')).toEqual(['1997']);
  });
});

describe('rendering', () => {
  const db = new SqliteDatabase(':memory:');
  db.exec("CREATE VIRTUAL TABLE f USING fts5 (h, t, tokenize = 'porter unicode61 remove_diacritics 2')");
  db.prepare('INSERT INTO f VALUES (?, ?)').run(
    'Deployment',
    'Officials said the deployment of agencies went ahead.',
  );
  const match = db.prepare('SELECT count(*) AS n FROM f WHERE f MATCH ?');

  it('renders FTS5 that matches across porter stems', () => {
    for (const q of ['deploy', 'deploying', 'agency', '"the deployment"']) {
      expect((match.get(toFts5(parseSearchQuery(q))) as { n: number }).n, q).toBe(1);
    }
  });

  it('never produces FTS5 or tsquery syntax errors, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const q = parseSearchQuery(s);
        if (isEmptyQuery(q)) return;
        expect(() => match.get(toFts5(q))).not.toThrow();
        // tsquery words are letters/digits only; operators come from the renderer.
        expect(toTsQuery(q)).toMatch(/^[\p{L}\p{N}\s()|&!<\->:*]+$/u);
      }),
      { numRuns: 300 },
    );
  });
});

describe('query bounds', () => {
  it('counts a repeated word once, so its expansion does not grow with the repeats', () => {
    const q = parseSearchQuery('china '.repeat(150));
    expect(queryItemCount(q)).toBe(1);
    expect(toFts5(q)).toBe(toFts5(parseSearchQuery('china')));
    // repeated OR groups collapse too, in any order
    expect(parseSearchQuery('a1 b2 OR b2 a1 OR a1 b2').groups).toHaveLength(1);
    // a negation and the same word are different items
    expect(queryItemCount(parseSearchQuery('troops -navy navy'))).toBe(3);
  });

  it('refuses over-long queries and too many distinct items, with the reason', () => {
    expect(checkQueryBounds('talking '.repeat(1900))).toMatch(/at most 1000/);
    expect(checkQueryBounds('china '.repeat(200))).toMatch(/characters/);
    expect(checkQueryBounds('china '.repeat(150))).toBeNull();
    const many = (n: number) => Array.from({ length: n }, (_, i) => `term${i}`).join(' ');
    expect(checkQueryBounds(many(MAX_QUERY_ITEMS))).toBeNull();
    expect(checkQueryBounds(many(MAX_QUERY_ITEMS + 1))).toMatch(/33 distinct/);
  });
});
