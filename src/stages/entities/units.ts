import type { Token } from '../../core/document.js';
import type { Span } from '../../core/types.js';
import { matchGazetteer } from '../../knowledge/index.js';

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

/**
 * Second halves of hyphen compounds whose first half names an actor ("US-led", "Iranian-backed",
 * "Seoul-based"): the two stay separate units so that the gazetteer sees the country, capital or demonym.
 */
const COMPOUND_TAILS = new Set(
  (
    'led backed based born sponsored funded financed brokered mediated controlled dominated run owned ' +
    'allied held occupied administered ruled made built supplied drafted proposed hosted organised ' +
    'organized supported inspired linked affiliated trained armed educated bound friendly style ' +
    'leaning aligned installed appointed imposed registered flagged'
  ).split(' '),
);
/** Lower-case first halves that put an actor second ("anti-American", "pro-Western"; not "Non-Proliferation"). */
const COMPOUND_HEADS = new Set(['anti', 'pro', 'non', 'ex', 'post', 'pre', 'neo', 'all', 'trans']);

/** Can `next` (contiguous) extend `cur` into one word unit? */
function joins(cur: string, next: string, after: string | undefined, afterContiguous: boolean): number {
  // Hyphenated words: "Won" "-" "sik", "Indo" "-" "Pacific"; not "US" "-" "led" nor "anti" "-" "American".
  if ((next === '-' || next === '‐') && after !== undefined && afterContiguous && WORD.test(after)) {
    if (/^\p{Lu}/u.test(cur) && COMPOUND_TAILS.has(after)) return 0;
    if (COMPOUND_HEADS.has(cur) && /^\p{Lu}\p{Ll}/u.test(after)) return 0;
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

const STATE_KINDS = new Set(['country', 'capital', 'demonym']);

/**
 * Is `word` two names joined by a hyphen whose first half is a state (its name, capital or demonym) and which the
 * gazetteer does not know whole ("Guinea-Bissau", "Serbia-Montenegro" stay one word)?
 */
function statePair(word: string, dash: number): boolean {
  const whole = matchGazetteer([word]);
  if (whole.some((m) => m.kind !== 'title')) return false;
  return matchGazetteer([word.slice(0, dash)]).some((m) => STATE_KINDS.has(m.kind));
}

/**
 * Pushes a word as one unit, or a hyphen compound that names an actor as three ("US-led" → "US" "-" "led",
 * "anti-American" → "anti" "-" "American", "China-US" → "China" "-" "US"), with exact offsets.
 */
function pushCompound(bucket: Unit[], start: number, word: string, sentence: number): void {
  const first = word.indexOf('-');
  if (
    first > 0 &&
    /^\p{Lu}/u.test(word) &&
    /^\p{Lu}[\p{L}.]/u.test(word.slice(first + 1)) &&
    statePair(word, first)
  ) {
    // "China-US", "Lebanon-Israel", "US-South" (Korea): each state its own unit
    bucket.push({ start, end: start + first, text: word.slice(0, first), sentence });
    bucket.push({ start: start + first, end: start + first + 1, text: '-', sentence });
    pushCompound(bucket, start + first + 1, word.slice(first + 1), sentence);
    return;
  }
  const dash = word.lastIndexOf('-');
  if (dash > 0 && dash < word.length - 1) {
    const head = word.slice(0, dash);
    const tail = word.slice(dash + 1);
    const split =
      (/^\p{Lu}/u.test(head) && COMPOUND_TAILS.has(tail)) ||
      (!head.includes('-') && COMPOUND_HEADS.has(head) && /^\p{Lu}\p{Ll}/u.test(tail));
    if (split) {
      bucket.push({ start, end: start + dash, text: head, sentence });
      bucket.push({ start: start + dash, end: start + dash + 1, text: '-', sentence });
      bucket.push({ start: start + dash + 1, end: start + word.length, text: tail, sentence });
      return;
    }
  }
  bucket.push({ start, end: start + word.length, text: word, sentence });
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
      // (the regex only for a unit that ends in "'s")
      const q = cur.charCodeAt(cur.length - 2);
      const m =
        cur.length >= 3 && cur.endsWith('s') && (q === 0x27 || q === 0x2019)
          ? /^(.+?)([’']s)$/u.exec(cur)
          : null;
      if (m && m[1]!.length > 0 && /\p{L}$/u.test(m[1]!)) {
        const cut = start + m[1]!.length;
        bucket.push({ start, end: cut, text: m[1]!, sentence: sent });
        bucket.push({ start: cut, end, text: m[2]!, sentence: sent });
      } else pushCompound(bucket, start, cur, sent);
    }
    start = end;
    i = j;
  }
  return out;
}
