/**
 * Token helpers for the tagger: word shapes, and a small offset-keeping tokeniser and sentence splitter with the
 * same conventions as the CoNLL-2003 training data (hyphenated words and `U.S.` stay one token, `Korea's`
 * becomes `Korea` + `'s`). The pipeline's sentences stage does its own tokenisation; these are used by the
 * evaluators on raw-text gold sets (re3d) and by callers that only have a string.
 */

/** A token with its half-open UTF-16 span in the source text. */
export interface OffsetToken {
  text: string;
  start: number;
  end: number;
}

/** Full shape: `Won-sik` → `Xxx-xxx`, `1996` → `dddd`, `U.S.` → `X.X.`. Long runs are capped at 4. */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    let s: string;
    if (c >= 65 && c <= 90) s = 'X';
    else if (c >= 97 && c <= 122) s = 'x';
    else if (c >= 48 && c <= 57) s = 'd';
    else if (c > 127) {
      const ch = w[i]!;
      s = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    } else s = w[i]!;
    if (s === last) {
      run++;
      if (run > 4) continue;
    } else {
      run = 1;
      last = s;
    }
    out += s;
  }
  return out;
}

/** Short shape: runs collapsed, `Won-sik` → `Xx-x`, `McCain` → `XxXx`. */
export function shortShape(w: string): string {
  const full = wordShape(w);
  let out = '';
  for (let i = 0; i < full.length; i++) {
    const ch = full[i]!;
    if (ch !== out[out.length - 1]) out += ch;
  }
  return out;
}

/** True when the first character is an upper-case letter (any script with case). */
export function isCapitalised(w: string): boolean {
  const ch = w[0];
  if (ch === undefined) return false;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

const OPENERS = new Set(['"', "'", '“', '‘', '(', '[', '{', '«', '`']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '}', '»', ',', ';', ':', '!', '?', '.', '…']);
const DASHES = /[—–]|--/;

/** Abbreviations whose final period belongs to the word (titles, months, company suffixes). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr gov sen rep rev st mt ft jr sr inc corp co ltd ' +
    'no vs etc jan feb mar apr jun jul aug sep sept oct nov dec dept univ assn bros messrs pres supt insp'
  ).split(' '),
);

function isAbbreviation(word: string): boolean {
  // word ends with '.'
  const core = word.slice(0, -1);
  if (/^(?:\p{L}\.)+\p{L}$/u.test(core)) return true; // U.S. / U.N. / e.g.
  if (/^\p{Lu}$/u.test(core)) return true; // initials: "George W. Bush"
  return ABBREVIATIONS.has(core.toLowerCase());
}

/**
 * Splits text into tokens with offsets. Hyphenated words, numbers with `,`/`.`, and dotted abbreviations are
 * kept whole; leading/trailing punctuation, dashes and the possessive clitic are split off.
 */
export function tokenize(text: string): OffsetToken[] {
  const out: OffsetToken[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    splitChunk(m[0], m.index, out);
  }
  return out;
}

function splitChunk(chunk: string, offset: number, out: OffsetToken[]): void {
  // Dashes between words separate tokens: "Seoul—Tokyo", "war--and".
  const dash = DASHES.exec(chunk);
  if (dash && chunk.length > dash[0].length) {
    const i = dash.index;
    if (i > 0) splitChunk(chunk.slice(0, i), offset, out);
    out.push({ text: dash[0], start: offset + i, end: offset + i + dash[0].length });
    const rest = chunk.slice(i + dash[0].length);
    if (rest) splitChunk(rest, offset + i + dash[0].length, out);
    return;
  }
  let s = 0;
  let e = chunk.length;
  const lead: OffsetToken[] = [];
  while (s < e - 1 && OPENERS.has(chunk[s]!)) {
    lead.push({ text: chunk[s]!, start: offset + s, end: offset + s + 1 });
    s++;
  }
  const trail: OffsetToken[] = [];
  while (e - s > 1 && CLOSERS.has(chunk[e - 1]!)) {
    const ch = chunk[e - 1]!;
    if (ch === '.' && e - s > 1) {
      const word = chunk.slice(s, e);
      // Keep the period on abbreviations, unless more closers sit before it ("U.S.)." is handled by the loop).
      if (isAbbreviation(word)) break;
    }
    // `...` stays together
    if (ch === '.' && chunk[e - 2] === '.') {
      let k = e - 1;
      while (k > s && chunk[k - 1] === '.') k--;
      if (k > s) {
        trail.unshift({ text: chunk.slice(k, e), start: offset + k, end: offset + e });
        e = k;
        continue;
      }
      break;
    }
    trail.unshift({ text: ch, start: offset + e - 1, end: offset + e });
    e--;
  }
  out.push(...lead);
  if (e > s) {
    const word = chunk.slice(s, e);
    const poss = /^(.+?)(['’][sS]|n['’]t|['’](?:re|ve|ll|d|m))$/.exec(word);
    if (poss && /\p{L}/u.test(poss[1]!) && !/^\p{L}['’]/u.test(word)) {
      const cut = poss[1]!.length;
      out.push({ text: word.slice(0, cut), start: offset + s, end: offset + s + cut });
      out.push({ text: word.slice(cut), start: offset + s + cut, end: offset + e });
    } else if (/^\p{L}+['’]$/u.test(word) && /s['’]$/i.test(word)) {
      // plural possessive: "officials'" → "officials" + "'"
      out.push({ text: word.slice(0, -1), start: offset + s, end: offset + e - 1 });
      out.push({ text: word.slice(-1), start: offset + e - 1, end: offset + e });
    } else {
      out.push({ text: word, start: offset + s, end: offset + e });
    }
  }
  out.push(...trail);
}

const SENTENCE_END = new Set(['.', '!', '?', '...', '…']);
const AFTER_END = new Set(['"', "'", '”', '’', ')', ']']);

/**
 * Groups tokens into sentences: a break follows `.`/`!`/`?` (and any closing quotes) when the next token starts
 * with an upper-case letter, a digit or an opening quote, and at any blank line. Abbreviations keep their
 * period inside the token, so `Mr. Park` and `U.S. officials` are not split.
 */
export function splitSentences(tokens: readonly OffsetToken[], text?: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    if (text !== undefined && /\n\s*\n/.test(text.slice(t.end, next.start))) {
      out.push([start, i + 1]);
      start = i + 1;
      continue;
    }
    if (!SENTENCE_END.has(t.text)) continue;
    let j = i + 1;
    // Closing quotes/brackets glued to the stop belong to this sentence; a straight quote after a space opens
    // the next one.
    while (j < tokens.length && AFTER_END.has(tokens[j]!.text) && tokens[j]!.start === tokens[j - 1]!.end)
      j++;
    const after = tokens[j];
    if (!after) break;
    if (/^[\p{Lu}\d"“‘'(]/u.test(after.text)) {
      out.push([start, j]);
      start = j;
      i = j - 1;
    }
  }
  if (start < tokens.length) out.push([start, tokens.length]);
  return out;
}
