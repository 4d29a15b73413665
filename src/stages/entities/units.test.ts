import { describe, expect, it } from 'vitest';
import type { Token } from '../../core/document.js';
import { buildUnits } from './units.js';

function tokens(text: string, re: RegExp): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(re))
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], sentence: 0 });
  return out;
}

describe('buildUnits', () => {
  const text = 'U.S. envoy Shin Won-sik met Korea’s Kim in Quai d’Orsay.';
  const sentences = [{ start: 0, end: text.length }];

  it('joins initialisms, hyphenated words and elided particles split by a fine tokeniser', () => {
    const units = buildUnits(text, tokens(text, /\w+|[^\s\w]/g), sentences)[0]!.map((u) => u.text);
    expect(units).toEqual([
      'U.S.',
      'envoy',
      'Shin',
      'Won-sik',
      'met',
      'Korea',
      '’s',
      'Kim',
      'in',
      'Quai',
      'd’Orsay',
      '.',
    ]);
  });

  it('splits a possessive off a whole-word token and keeps offsets exact', () => {
    const units = buildUnits(text, tokens(text, /[^\s.]+(?:\.[^\s.]+)*\.?|\./g), sentences)[0]!;
    const korea = units.find((u) => u.text === 'Korea')!;
    expect(text.slice(korea.start, korea.end)).toBe('Korea');
    expect(units.some((u) => u.text === '’s')).toBe(true);
  });

  it('never joins across sentences', () => {
    const t = 'It is U. S. Army';
    const toks = tokens(t, /\w+|[^\s\w]/g).map((k) => ({ ...k, sentence: k.start >= 8 ? 1 : 0 }));
    const units = buildUnits(t, toks, [
      { start: 0, end: 8 },
      { start: 8, end: t.length },
    ]);
    expect(
      units.flat().every((u) => toks.some((k) => k.start === u.start && k.sentence === u.sentence)),
    ).toBe(true);
  });
});
