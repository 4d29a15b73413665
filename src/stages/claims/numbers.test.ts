import { describe, expect, it } from 'vitest';
import { parseDigits, readNumberWords, wordValue } from './numbers.js';

describe('parseDigits', () => {
  it('reads comma groups and decimals', () => {
    expect(parseDigits('10,000')).toBe(10000);
    expect(parseDigits('1,500,000.5')).toBe(1500000.5);
    expect(parseDigits('1.5')).toBe(1.5);
    expect(parseDigits('42')).toBe(42);
  });
  it('refuses malformed and ambiguous strings', () => {
    expect(parseDigits('1,2,3')).toBeNull();
    expect(parseDigits('12,34')).toBeNull();
    expect(parseDigits('10.000')).toBeNull();
    expect(parseDigits('1.000.000')).toBeNull();
    expect(parseDigits('12345678901234567890')).toBeNull();
  });
});

describe('number words', () => {
  it('reads single words and compounds', () => {
    expect(wordValue('three')).toBe(3);
    expect(wordValue('twenty-five')).toBe(25);
    expect(wordValue('troops')).toBeNull();
    expect(readNumberWords(['three', 'hundred', 'thousand', 'troops'])).toEqual({ value: 300000, used: 3 });
    expect(readNumberWords(['six', 'or', 'seven'])).toEqual({ value: 6, used: 1 });
  });
});
