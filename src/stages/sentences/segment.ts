import type { Token } from '../../core/document.js';
import type { Span } from '../../core/types.js';
import {
  FINAL_ABBREVIATIONS,
  MONTH_ABBREVIATIONS,
  NON_FINAL_ABBREVIATIONS,
  SENTENCE_STARTERS,
  WEEKDAYS,
} from './abbreviations.js';
import { isSpaceCode, type ScannedToken, scanTokens } from './tokenize.js';

/** Paragraphs, sentences and tokens of one text. */
export interface Segmentation {
  paragraphs: Span[];
  sentences: Span[];
  tokens: Token[];
}

/**
 * Paragraph spans: maximal runs of text separated by a blank line (two or more line breaks with only
 * whitespace between, or U+2029). Single line breaks inside a paragraph count as spaces. Spans are trimmed.
 */
export function findParagraphs(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let i = 0;
  let paraStart = -1;
  let lastNonSpace = -1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c)) {
      if (paraStart < 0) paraStart = i;
      lastNonSpace = i;
      i++;
      continue;
    }
    // a whitespace run: count its line breaks
    let breaks = 0;
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (!isSpaceCode(d)) break;
      if (d === 10 || d === 0x2028) breaks++;
      else if (d === 0x2029) breaks += 2;
      else if (d === 13 && (j + 1 >= n || text.charCodeAt(j + 1) !== 10)) breaks++;
      j++;
    }
    if (breaks >= 2 && paraStart >= 0) {
      out.push({ start: paraStart, end: lastNonSpace + 1 });
      paraStart = -1;
    }
    i = j;
  }
  if (paraStart >= 0) out.push({ start: paraStart, end: lastNonSpace + 1 });
  return out;
}

function firstCode(text: string, t: ScannedToken): number {
  return text.charCodeAt(t.start);
}

function isUpperStart(text: string, t: ScannedToken): boolean {
  const c = firstCode(text, t);
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  const ch = text[t.start]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigitStart(text: string, t: ScannedToken): boolean {
  const c = firstCode(text, t);
  return c >= 48 && c <= 57;
}

/** An opening quote mark or bracket that can begin a sentence. */
function isOpener(text: string, t: ScannedToken, prev: ScannedToken): boolean {
  if (t.end - t.start !== 1) return false;
  const c = firstCode(text, t);
  if (c === 0x201c || c === 0x2018 || c === 0xab) return true;
  // a straight quote opens when whitespace precedes it
  if (c === 0x22 || c === 0x27) return t.start > prev.end;
  return c === 0x28 || c === 0x5b;
}

/** A closing mark that belongs to the sentence its period ends: `."`, `.”`, `.’`, `.)`. */
function isCloser(text: string, t: ScannedToken, prev: ScannedToken): boolean {
  if (t.start !== prev.end || t.end - t.start !== 1) return false;
  const c = firstCode(text, t);
  return c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x29 || c === 0x5d;
}

function isAllCaps(s: string): boolean {
  return s.length >= 2 && s === s.toUpperCase() && s !== s.toLowerCase();
}

/** Kind of end a token can make: none, a plain terminator, or an abbreviation whose period may end it. */
enum End {
  None = 0,
  Terminal = 1,
  Abbrev = 2,
}

function endKind(text: string, t: ScannedToken): End {
  const len = t.end - t.start;
  const c = firstCode(text, t);
  if (t.kind === 'punct') {
    if (len === 1 && (c === 0x2e || c === 0x3f || c === 0x21 || c === 0x2026)) return End.Terminal;
    if (c === 0x2e) return End.Terminal; // "..."
    return End.None;
  }
  if (t.kind === 'abbrev' && text.charCodeAt(t.end - 1) === 0x2e) return End.Abbrev;
  return End.None;
}

/**
 * Decides whether an abbreviation's period also ends the sentence, from the abbreviation class and the next
 * token: titles and initials never do; "a.m."/"p.m." do before a capitalised word that is not a time zone or
 * weekday; "U.S.", "Inc.", "Nov." and the like only before a typical sentence opener ("... with the U.S. The
 * talks" splits, "U.S. President" does not).
 */
function abbrevEnds(text: string, t: ScannedToken, next: ScannedToken): boolean {
  const word = text.slice(t.start, t.end - 1);
  if (word.length === 1 || NON_FINAL_ABBREVIATIONS.has(word) || word === 'No' || word === 'no') return false;
  const nextText = text.slice(next.start, next.end);
  if (isOpener(text, next, t) && (firstCode(text, next) === 0x22 || firstCode(text, next) === 0x201c))
    return true;
  if (!isUpperStart(text, next)) return false;
  const lower = word.toLowerCase();
  if (lower === 'a.m' || lower === 'p.m') {
    return !isAllCaps(nextText) && !WEEKDAYS.has(nextText);
  }
  if (FINAL_ABBREVIATIONS.has(word) || MONTH_ABBREVIATIONS.has(word) || word.includes('.')) {
    return SENTENCE_STARTERS.has(nextText);
  }
  return false;
}

/**
 * Splits one paragraph's tokens into sentences; returns the index (exclusive) of each sentence's last token.
 * Never splits inside matched parentheses; a closing quote or bracket right after the terminator stays with
 * the sentence it closes.
 */
function splitParagraph(text: string, toks: ScannedToken[]): number[] {
  const n = toks.length;
  // matched parentheses: for each "(" the index of its ")"
  const closeAt = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  for (let k = 0; k < n; k++) {
    const t = toks[k]!;
    if (t.end - t.start !== 1) continue;
    const c = firstCode(text, t);
    if (c === 0x28) stack.push(k);
    else if (c === 0x29 && stack.length > 0) closeAt[stack.pop()!] = k;
  }
  const ends: number[] = [];
  let parenUntil = -1;
  for (let k = 0; k < n; k++) {
    const t = toks[k]!;
    if (closeAt[k]! > parenUntil) parenUntil = closeAt[k]!;
    const kind = endKind(text, t);
    if (kind === End.None) continue;
    let m = k + 1;
    while (m < n && isCloser(text, toks[m]!, toks[m - 1]!)) m++;
    const last = m - 1;
    if (m >= n) break; // the paragraph end closes the sentence
    if (parenUntil > last) continue;
    const next = toks[m]!;
    let split: boolean;
    if (kind === End.Abbrev && m === k + 1) split = abbrevEnds(text, t, next);
    else split = isUpperStart(text, next) || isDigitStart(text, next) || isOpener(text, next, toks[last]!);
    if (split) {
      ends.push(m);
      k = last;
    }
  }
  ends.push(n);
  return ends;
}

/**
 * Segments a text into paragraphs, sentences and tokens in linear time. Paragraph breaks always end a
 * sentence; inside a paragraph a sentence ends at ".", "?", "!" or "..." (plus any closing quote or bracket
 * glued to it) when the next token can start a sentence, and abbreviations are resolved by class.
 */
export function segment(text: string): Segmentation {
  const paragraphs = findParagraphs(text);
  const sentences: Span[] = [];
  const tokens: Token[] = [];
  for (const p of paragraphs) {
    const toks = scanTokens(text, p.start, p.end);
    if (toks.length === 0) continue;
    const ends = splitParagraph(text, toks);
    let from = 0;
    for (const to of ends) {
      if (to <= from) continue;
      const si = sentences.length;
      sentences.push({ start: toks[from]!.start, end: toks[to - 1]!.end });
      for (let k = from; k < to; k++) {
        const t = toks[k]!;
        tokens.push({ start: t.start, end: t.end, text: text.slice(t.start, t.end), sentence: si });
      }
      from = to;
    }
  }
  return { paragraphs, sentences, tokens };
}
