import type { Span } from '../../core/types.js';
import { FINAL_ABBREVIATIONS, MONTH_ABBREVIATIONS, NON_FINAL_ABBREVIATIONS } from './abbreviations.js';

/** What kind of token the scanner produced; the sentence splitter decides boundaries from it. */
export type TokenKind =
  /** letters/digits, possibly hyphenated, with internal apostrophes ("Won-sik", "don't") */
  | 'word'
  /** a number with separators ("10,000", "1.5") */
  | 'number'
  /** an abbreviation including its period ("U.S.", "a.m.", "Gen.", "W.") */
  | 'abbrev'
  /** the possessive clitic "'s" / "’s" */
  | 'possessive'
  /** any other single symbol, or "--" / "..." */
  | 'punct';

/** A scanned token: a span of the text and its kind. */
export interface ScannedToken extends Span {
  kind: TokenKind;
}

const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;
const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;

/** True for a letter, digit or combining mark (one UTF-16 unit; astral characters count as symbols). */
export function isWordCode(c: number): boolean {
  if (c < 128) return ASCII_WORD[c] === 1;
  if (c < 0xc0 || (c >= 0xd800 && c <= 0xdfff)) return c === 0xaa || c === 0xb5 || c === 0xba;
  return NON_ASCII_WORD.test(String.fromCharCode(c));
}

/** True for whitespace, including no-break and other Unicode spaces. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetterCode(c: number): boolean {
  return isWordCode(c) && !isDigit(c);
}

const HYPHENS = new Set([0x2d, 0x2010, 0x2011]);
const APOSTROPHES = new Set([0x27, 0x2019]);

/**
 * Scans `text[start, end)` into tokens in one linear pass (no regular expressions over the text), so the
 * tokenizer runs at several hundred thousand words per second. Every non-space character ends up in exactly
 * one token. Rules: hyphenated words are one token; dotted acronyms ("U.S.", "a.m."), listed abbreviations
 * ("Gen.", "Nov.") and initials ("W.") keep their period; the possessive "'s" is split off; numbers keep
 * their thousands separators and decimals; every other symbol is its own token except "--" and "...".
 */
export function scanTokens(text: string, start = 0, end = text.length): ScannedToken[] {
  const out: ScannedToken[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if (isWordCode(c)) {
      i = scanWord(text, i, end, out);
      continue;
    }
    // multi-character punctuation: "--" and "..."
    if (c === 0x2d && i + 1 < end && text.charCodeAt(i + 1) === 0x2d) {
      let j = i + 2;
      while (j < end && text.charCodeAt(j) === 0x2d) j++;
      out.push({ start: i, end: j, kind: 'punct' });
      i = j;
      continue;
    }
    if (c === 0x2e && i + 1 < end && text.charCodeAt(i + 1) === 0x2e) {
      let j = i + 2;
      while (j < end && text.charCodeAt(j) === 0x2e) j++;
      out.push({ start: i, end: j, kind: 'punct' });
      i = j;
      continue;
    }
    // possessive after a closing quote or parenthesis is rare; a leading apostrophe + s + non-letter is "'s"
    if (
      APOSTROPHES.has(c) &&
      out.length > 0 &&
      out[out.length - 1]!.end === i &&
      isPossessiveAt(text, i, end)
    ) {
      out.push({ start: i, end: i + 2, kind: 'possessive' });
      i += 2;
      continue;
    }
    // astral characters (emoji) stay whole
    const len = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
    out.push({ start: i, end: i + len, kind: 'punct' });
    i += len;
  }
  return out;
}

/** True when text[i] is an apostrophe followed by "s" and then a non-letter (the possessive clitic). */
function isPossessiveAt(text: string, i: number, end: number): boolean {
  if (i + 1 >= end) return false;
  const s = text.charCodeAt(i + 1);
  if (s !== 0x73 && s !== 0x53) return false;
  return i + 2 >= end || !isWordCode(text.charCodeAt(i + 2));
}

function scanWord(text: string, i: number, end: number, out: ScannedToken[]): number {
  const start = i;
  // dotted acronym: single letters each followed by a period (U.S., a.m., U.S.A.), or "U.S" without the last
  let j = i;
  let units = 0;
  while (j + 1 < end && isLetterCode(text.charCodeAt(j)) && text.charCodeAt(j + 1) === 0x2e) {
    units++;
    j += 2;
  }
  if (units >= 1 && j < end && isSingleLetterAt(text, j, end)) {
    // "U.S" without the final period
    units++;
    j++;
  }
  if (units >= 2) {
    out.push({ start, end: j, kind: 'abbrev' });
    return j;
  }
  let numeric = true;
  let hasLetter = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isWordCode(c)) {
      if (!isDigit(c)) {
        numeric = false;
        hasLetter = true;
      }
      i++;
      continue;
    }
    const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
    const prev = text.charCodeAt(i - 1);
    if (HYPHENS.has(c) && next >= 0 && isWordCode(next)) {
      numeric = false;
      i++;
      continue;
    }
    if ((c === 0x2c || c === 0x2e) && numeric && isDigit(prev) && next >= 0 && isDigit(next)) {
      i++;
      continue;
    }
    if (APOSTROPHES.has(c) && hasLetter && next >= 0 && isLetterCode(next)) {
      if (isPossessiveAt(text, i, end)) break;
      numeric = false;
      i++;
      continue;
    }
    break;
  }
  // a word followed by a period: keep it for abbreviations and initials
  if (i < end && text.charCodeAt(i) === 0x2e && !(i + 1 < end && text.charCodeAt(i + 1) === 0x2e)) {
    const word = text.slice(start, i);
    if (isAbbreviation(word, text, i + 1, end)) {
      out.push({ start, end: i + 1, kind: 'abbrev' });
      return i + 1;
    }
  }
  out.push({ start, end: i, kind: numeric ? 'number' : 'word' });
  return i;
}

/** True when a lone letter stands at `j` (a letter not followed by another word character). */
function isSingleLetterAt(text: string, j: number, end: number): boolean {
  return isLetterCode(text.charCodeAt(j)) && (j + 1 >= end || !isWordCode(text.charCodeAt(j + 1)));
}

function isAbbreviation(word: string, text: string, after: number, end: number): boolean {
  if (word.length === 1) {
    // an initial ("George W. Bush", "S. Korean"); lowercase single letters are not
    const c = word.charCodeAt(0);
    return c >= 65 && c <= 90;
  }
  if (NON_FINAL_ABBREVIATIONS.has(word) || FINAL_ABBREVIATIONS.has(word) || MONTH_ABBREVIATIONS.has(word)) {
    // the period must not be followed directly by a letter ("Co.uk" is not an abbreviation)
    return after >= end || !isWordCode(text.charCodeAt(after));
  }
  if (word === 'No' || word === 'no' || word === 'Nr') {
    // "No. 2": only before a number
    let k = after;
    while (k < end && text.charCodeAt(k) === 32) k++;
    return k < end && k > after && isDigit(text.charCodeAt(k));
  }
  return false;
}
