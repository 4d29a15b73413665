import { describe, expect, it } from 'vitest';
import { isCapitalised, shortShape, splitSentences, tokenize, wordShape } from './tokens.js';

const words = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('keeps hyphenated names and dotted abbreviations whole, splits the possessive', () => {
    expect(words('Shin Won-sik told U.S. officials North Korea’s troops (about 10,000) left.')).toEqual([
      'Shin',
      'Won-sik',
      'told',
      'U.S.',
      'officials',
      'North',
      'Korea',
      '’s',
      'troops',
      '(',
      'about',
      '10,000',
      ')',
      'left',
      '.',
    ]);
  });

  it('keeps offsets into the source text', () => {
    const text = 'Mr. Park said: "Yes."';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(words(text)).toEqual(['Mr.', 'Park', 'said', ':', '"', 'Yes', '.', '"']);
  });

  it('splits dashes and plural possessives', () => {
    expect(words('Seoul—Tokyo talks; officials’ view')).toEqual([
      'Seoul',
      '—',
      'Tokyo',
      'talks',
      ';',
      'officials',
      '’',
      'view',
    ]);
  });
});

describe('splitSentences', () => {
  it('breaks after a full stop before a capital, not after abbreviations', () => {
    const text = 'Mr. Kim met U.S. envoys. They left on Monday. "We agreed," he said.';
    const toks = tokenize(text);
    const sents = splitSentences(toks, text).map(([a, b]) =>
      toks
        .slice(a, b)
        .map((t) => t.text)
        .join(' '),
    );
    expect(sents).toEqual([
      'Mr. Kim met U.S. envoys .',
      'They left on Monday .',
      '" We agreed , " he said .',
    ]);
  });
});

describe('shapes', () => {
  it('describes case, digits and punctuation', () => {
    expect(wordShape('Won-sik')).toBe('Xxx-xxx');
    expect(wordShape('U.S.')).toBe('X.X.');
    expect(wordShape('1996-08-22')).toBe('dddd-dd-dd');
    expect(shortShape('McCain')).toBe('XxXx');
    expect(isCapitalised('Élysée')).toBe(true);
    expect(isCapitalised('said')).toBe(false);
  });
});
