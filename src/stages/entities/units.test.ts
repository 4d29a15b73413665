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

describe('buildUnits on hyphen compounds', () => {
  const words = (text: string) =>
    buildUnits(text, tokens(text, /[^\s.,]+|[.,]/g), [{ start: 0, end: text.length }])[0]!.map((u) => u.text);

  it('splits an actor off "-led", "-backed", "-based" and "anti-", "pro-"', () => {
    expect(
      words('US-led and Iranian-backed groups met Seoul-based anti-American pro-Western activists'),
    ).toEqual([
      'US',
      '-',
      'led',
      'and',
      'Iranian',
      '-',
      'backed',
      'groups',
      'met',
      'Seoul',
      '-',
      'based',
      'anti',
      '-',
      'American',
      'pro',
      '-',
      'Western',
      'activists',
    ]);
  });

  it('splits pairs of states but keeps hyphenated names and listed countries whole', () => {
    expect(words('China-US and Israeli-Palestinian talks')).toEqual([
      'China',
      '-',
      'US',
      'and',
      'Israeli',
      '-',
      'Palestinian',
      'talks',
    ]);
    expect(
      words('Guinea-Bissau Serbia-Montenegro Kim Jong-Il Jean-Marc Non-Proliferation Asia-Pacific'),
    ).toEqual([
      'Guinea-Bissau',
      'Serbia-Montenegro',
      'Kim',
      'Jong-Il',
      'Jean-Marc',
      'Non-Proliferation',
      'Asia-Pacific',
    ]);
  });

  it('keeps offsets exact for split units', () => {
    const text = 'the US-led force';
    const units = buildUnits(text, tokens(text, /\S+/g), [{ start: 0, end: text.length }])[0]!;
    for (const u of units) expect(text.slice(u.start, u.end)).toBe(u.text);
  });
});
