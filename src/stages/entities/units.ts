import type { Token } from '../../core/document.js';
import type { Span } from '../../core/types.js';

/** A word unit: one or more adjacent tokens the entities stage treats as one word ("U.S.", "Won-sik"). */
export interface Unit {
  start: number;
  end: number;
  text: string;
  sentence: number;
}

const ABBREVIATIONS = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'dr',
    'gen',
    'lt',
    'col',
    'sen',
    'rep',
    'gov',
    'st',
    'jr',
    'sr',
    'prof',
    'maj',
    'capt',
    'sgt',
    'adm',
    'brig',
    'cmdr',
    'rev',
    'amb',
    'pres',
    'gens',
    'mt',
    'ft',
    'corp',
    'inc',
    'ltd',
    'co',
    'no',
  ].map((s) => s),
);

const WORD = /^[\p{L}\p{N}]+$/u;
const LETTER_DOTS = /^(?:\p{L}\.)+$/u;
const LETTER_DOTS_LETTER = /^(?:\p{L}\.)*\p{L}$/u;

/** Can `next` (contiguous) extend `cur` into one word unit? */
function joins(cur: string, next: string, after: string | undefined, afterContiguous: boolean): number {
  // Hyphenated words: "Won" "-" "sik", "Indo" "-" "Pacific".
  if ((next === '-' || next === '‐') && after !== undefined && afterContiguous && WORD.test(after)) {
    if (/[\p{L}\p{N}]$/u.test(cur)) return 2;
  }
  // Initialisms: "U" "." "S" "." → "U.S."
  if (next === '.' && LETTER_DOTS_LETTER.test(cur) && (cur.length > 1 || /\p{Lu}/u.test(cur))) return 1;
  if (LETTER_DOTS.test(cur) && /^\p{L}$/u.test(next)) return 1;
  // Courtesy and rank abbreviations: "Mr" "." → "Mr."
  if (next === '.' && ABBREVIATIONS.has(cur.toLowerCase())) return 1;
  // Elided particles: "d" "'" "Orsay", "O" "’" "Brien".
  if (/^[dDlLoO]$/.test(cur) && (next === "'" || next === '’') && after !== undefined && afterContiguous) {
    if (/^\p{Lu}/u.test(after)) return 2;
  }
  // Possessive split by the tokeniser as "’" "s".
  return 0;
}

/**
 * Regroups the sentence stage's tokens into word units, whatever its tokenisation: contiguous pieces of
 * initialisms and hyphenated words are joined, and a possessive `’s` stays (or becomes) its own unit. Units
 * never cross a sentence boundary. Returns one array of units per sentence.
 */
export function buildUnits(text: string, tokens: readonly Token[], sentences: readonly Span[]): Unit[][] {
  const out: Unit[][] = sentences.map(() => []);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const sent = t.sentence;
    let start = t.start;
    let end = t.end;
    let j = i + 1;
    for (;;) {
      const next = tokens[j];
      if (!next || next.sentence !== sent || next.start !== end) break;
      const after = tokens[j + 1];
      const n = joins(
        text.slice(start, end),
        next.text,
        after && after.sentence === sent ? after.text : undefined,
        !!after && after.start === next.end,
      );
      if (n === 0) break;
      end = tokens[j + n - 1]!.end;
      j += n;
    }
    // Possessive "’" + "s" as separate tokens → one unit.
    const cur = text.slice(start, end);
    if (!out[sent]) out[sent] = [];
    const bucket = out[sent]!;
    if ((cur === '’' || cur === "'") && tokens[j] && tokens[j]!.start === end && tokens[j]!.text === 's') {
      end = tokens[j]!.end;
      j++;
      bucket.push({ start, end, text: text.slice(start, end), sentence: sent });
    } else {
      const m = /^(.+?)([’']s)$/u.exec(cur);
      if (m && m[1]!.length > 0 && /\p{L}$/u.test(m[1]!)) {
        const cut = start + m[1]!.length;
        bucket.push({ start, end: cut, text: m[1]!, sentence: sent });
        bucket.push({ start: cut, end, text: m[2]!, sentence: sent });
      } else bucket.push({ start, end, text: cur, sentence: sent });
    }
    start = end;
    i = j;
  }
  return out;
}
