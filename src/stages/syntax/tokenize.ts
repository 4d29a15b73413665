import type { Token } from '../../core/document.js';
import type { TextSpan } from '../../core/types.js';

/** One word of the UD tokenisation: a span of the text and its sentence index. */
export interface SyntaxToken extends TextSpan {
  sentence: number;
}

/** English clitics UD splits off their host (UD English guidelines), longest first. */
const CLITICS = ["n't", "'re", "'ve", "'ll", "'d", "'m", "'s"];
/** Fused forms UD English splits into two words (host, clitic). */
const FUSED: Readonly<Record<string, number>> = { cannot: 3, gonna: 3, wanna: 3, gotta: 3 };

function isLetter(c: string): boolean {
  return c.toLowerCase() !== c.toUpperCase();
}

function isWordChar(c: string): boolean {
  return isLetter(c) || (c >= '0' && c <= '9');
}

/** Options of the UD tokeniser. */
export interface UdTokenizeOptions {
  /** Lower-cased first parts that keep a hyphenated word whole ("e" in "e-mail", "co", "pre"). */
  hyphenPrefixes: ReadonlySet<string>;
}

/**
 * Re-tokenises the `tokens` layer the UD English way so that the parser sees the words it was trained on:
 * clitics are split off ("don't" → "do" + "n't", "they're" → "they" + "'re", "cannot" → "can" + "not"),
 * hyphenated words are split at the hyphen unless their first part is a prefix the treebank keeps whole
 * ("e-mail", "co-workers"), and everything else (abbreviations like "U.S.", numbers like "3,000") stays as the
 * sentence stage scanned it.
 */
export function udTokenize(
  text: string,
  tokens: readonly Token[],
  options: UdTokenizeOptions,
): SyntaxToken[] {
  const out: SyntaxToken[] = [];
  const push = (start: number, end: number, sentence: number) => {
    if (end > start) out.push({ start, end, text: text.slice(start, end), sentence });
  };
  for (const t of tokens) {
    const s = t.text;
    if (s.length < 2 || !isWordChar(s[0]!)) {
      push(t.start, t.end, t.sentence);
      continue;
    }
    // only a word with an apostrophe can end in a clitic, and the fused forms have 5 or 6 letters
    if (s.length !== 5 && s.length !== 6 && !s.includes("'") && !s.includes('\u2019')) {
      splitHyphens(text, t.start, t.end, t.sentence, options, push);
      continue;
    }
    const norm = s.replace(/\u2019/g, "'").toLowerCase();
    // clitics at the end of a word
    let cut = -1;
    for (const c of CLITICS) {
      if (norm.length > c.length && norm.endsWith(c) && isLetter(norm[norm.length - c.length - 1]!)) {
        cut = norm.length - c.length;
        break;
      }
    }
    if (cut < 0 && FUSED[norm] !== undefined) cut = FUSED[norm]!;
    if (cut > 0) {
      splitHyphens(text, t.start, t.start + cut, t.sentence, options, push);
      push(t.start + cut, t.end, t.sentence);
      continue;
    }
    splitHyphens(text, t.start, t.end, t.sentence, options, push);
  }
  return out;
}

function splitHyphens(
  text: string,
  start: number,
  end: number,
  sentence: number,
  options: UdTokenizeOptions,
  push: (s: number, e: number, sentence: number) => void,
): void {
  let from = start;
  for (let i = start + 1; i < end - 1; i++) {
    const c = text[i]!;
    if (c !== '-' && c !== '\u2010' && c !== '\u2011') continue;
    if (!isWordChar(text[i - 1]!) || !isWordChar(text[i + 1]!)) continue;
    const part = text.slice(from, i);
    // numbers and ranges with a hyphen ("1-0", "2010-11") are split too, as in the treebank
    if (from === start && options.hyphenPrefixes.has(part.toLowerCase())) continue;
    push(from, i, sentence);
    push(i, i + 1, sentence);
    from = i + 1;
  }
  push(from, end, sentence);
}
