import type { Token } from '../../core/document.js';
import type { Span } from '../../core/types.js';

/** A region between quotation marks, in token indices. */
export interface QuoteRegion {
  /** Index of the opening mark's first token. */
  open: number;
  /** Index of the closing mark's last token, or -1 when the quote runs to the paragraph end unclosed. */
  close: number;
  /** First content token (after the opening mark, which may be two glued apostrophes). */
  from: number;
  /** Content end (exclusive token index): the closing mark's first token. */
  to: number;
  paragraph: number;
  /** True for ‘single’ quotes (only paired outside double quotes). */
  single: boolean;
}

const DOUBLE_OPEN = new Set(['“', '«', '„']);
const DOUBLE_CLOSE = new Set(['”', '»']);
/** Longest single-quoted span we accept: a lone ‘ is more often a stray apostrophe than a long quote. */
const MAX_SINGLE_TOKENS = 40;

/** True for any quotation-mark token. */
export function isQuoteMark(t: string): boolean {
  return t === '"' || t === '“' || t === '”' || t === '‘' || t === '’' || t === '«' || t === '»' || t === '„';
}

/**
 * Pairs quotation marks paragraph by paragraph in one pass. Curly marks say which way they face; a straight
 * `"` is read from its spacing (space before: opens; space after: closes) and the current state. An opener
 * met while a quote is open restarts the quote (the earlier mark was stray), a closer with nothing open is
 * ignored, and a quote still open at the paragraph end runs to that end (the newspaper convention for
 * quotes that continue in the next paragraph). Single quotes pair only outside double quotes, and only over
 * a short distance.
 */
export function findQuoteRegions(tokens: readonly Token[], paragraphs: readonly Span[]): QuoteRegion[] {
  const out: QuoteRegion[] = [];
  let k = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    while (k < tokens.length && tokens[k]!.start < para.start) k++;
    const first = k;
    while (k < tokens.length && tokens[k]!.end <= para.end) k++;
    const last = k; // exclusive
    let open = -1;
    let from = -1;
    let sOpen = -1;
    for (let i = first; i < last; i++) {
      const t = tokens[i]!;
      let s = t.text;
      // two glued apostrophes are a straight double mark (`''Yes,'' he said`, a newspaper convention)
      const pair = s === "'" && i + 1 < last && tokens[i + 1]!.text === "'" && tokens[i + 1]!.start === t.end;
      if (pair) s = '"';
      if (s === '"' || DOUBLE_OPEN.has(s) || DOUBLE_CLOSE.has(s)) {
        sOpen = -1; // a double mark cancels a pending single quote
        const j = pair ? i + 1 : i; // the mark's last token
        let opens: boolean;
        if (DOUBLE_OPEN.has(s)) opens = true;
        else if (DOUBLE_CLOSE.has(s)) opens = false;
        else {
          const spaceBefore = i === first || tokens[i - 1]!.end < t.start;
          const spaceAfter = j + 1 >= last || tokens[j + 1]!.start > tokens[j]!.end;
          if (open < 0) opens = !(spaceAfter && !spaceBefore);
          else opens = spaceBefore && !spaceAfter && i > from && looksLikeRestart(tokens, i);
        }
        if (opens) {
          open = i;
          from = j + 1;
        } else if (open >= 0) {
          if (i > from) out.push({ open, close: j, from, to: i, paragraph: p, single: false });
          open = -1;
        } else if (s === '"' && !(j + 1 >= last || tokens[j + 1]!.start > tokens[j]!.end)) {
          open = i; // a straight mark glued to the next word opens after all
          from = j + 1;
        }
        i = j;
        continue;
      }
      if (open >= 0) continue;
      if (s === '‘') {
        sOpen = i;
      } else if (s === '’' && sOpen >= 0) {
        if (i > sOpen + 1)
          out.push({ open: sOpen, close: i, from: sOpen + 1, to: i, paragraph: p, single: true });
        sOpen = -1;
      } else if (sOpen >= 0 && i - sOpen > MAX_SINGLE_TOKENS) {
        sOpen = -1;
      }
    }
    if (open >= 0 && last > from) {
      out.push({ open, close: -1, from, to: last, paragraph: p, single: false });
    }
  }
  return out;
}

/**
 * A straight mark with a space before and none after, while a quote is open: it is a new opener (the earlier
 * one was never closed) only when the open quote already ended a sentence before it.
 */
function looksLikeRestart(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1]!.text;
  return prev === '.' || prev === '?' || prev === '!' || prev === ':';
}
