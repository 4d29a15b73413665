import type { NerSpan } from './fallback-tagger.js';

/**
 * Span-level repairs on the tagger's output that concern how a name is written, not what it names: whole
 * particle names ("Hamad bin Jassim al-Thani", "Hans van der Broek"), no punctuation at a span's edge, no
 * spans in other scripts, and ALL-CAPS headlines read in ordinary case.
 */

/** Lower-case particles inside a person's name ("bin", "ibn", "van der", "de la", "dos", "al"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  'de del della der den van von da das dos di du la le bin bint ibn ben al el abu ter ten y zu'.split(' '),
);

/** An Arabic article or patronymic joined by a hyphen ("al-Khatib", "el-Beshir", "bin-Laden"). */
const HYPHEN_PARTICLE = /^(?:al|el|Al|El|ad|ed|as|ash|at|az|an|ar|bin|Bin|ibn|Ibn|abu|Abu|ould|Ould)-\p{L}/u;

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/** True for a token with a letter or digit (not a quote mark, dash or other punctuation). */
export function hasWordChar(t: string): boolean {
  // ASCII letters and digits first (most tokens), the Unicode classes for the rest.
  const c = t.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  return HAS_WORD_CHAR.test(t);
}

/**
 * Moves `[s, e)` inward past tokens with no letter or digit (quote marks, dashes, brackets), so that a span
 * never starts or ends on punctuation (`” Sarandon` → `Sarandon`). Returns the new bounds (e ≤ s: nothing left).
 */
export function trimPunctuation(toks: readonly string[], s: number, e: number): [number, number] {
  while (s < e && !hasWordChar(toks[s]!)) s++;
  while (e > s && !hasWordChar(toks[e - 1]!)) e--;
  return [s, e];
}

/**
 * True when a word holds a letter outside the Latin script (Hangul, Cyrillic, Arabic, Han): the model reads
 * English copy only, and what it makes of other scripts is noise.
 */
export function isForeignScript(word: string): boolean {
  for (const ch of word) {
    const c = ch.codePointAt(0)!;
    // ASCII and Latin-1/Latin Extended (up to U+024F) and Latin Extended Additional are Latin.
    if (c < 0x250 || (c >= 0x1e00 && c <= 0x1eff)) continue;
    if (/\p{L}/u.test(ch)) return true;
  }
  return false;
}

function isCapsWord(t: string): boolean {
  let letters = 0;
  for (const ch of t) {
    if (/\p{Ll}/u.test(ch)) return false;
    if (/\p{Lu}/u.test(ch)) letters++;
  }
  return letters >= 2;
}

/**
 * True for an ALL-CAPS line ("US SAYS NORTH KOREA MUST RETURN TO TALKS"): at least three words, and no
 * word of two letters or more in lower case.
 */
export function isAllCapsSentence(toks: readonly string[]): boolean {
  let caps = 0;
  for (const t of toks) {
    if (!/\p{L}/u.test(t)) continue;
    if (isCapsWord(t)) caps++;
    else if (/\p{Ll}{2}/u.test(t)) return false;
  }
  return caps >= 3;
}

/**
 * The tokens of an ALL-CAPS line in the case ordinary copy would use, for the tagger only (its features are
 * case-driven, so a headline in capitals reads as one long name): a word `isLower` says is usually written
 * in lower case goes to lower case, any other word to capitalised ("ABE URGES CALM" → "Abe urges calm");
 * words with dots ("U.S.") and words `keepCaps` says are written in capitals ("UN", "NATO") keep their case.
 */
export function truecase(
  toks: readonly string[],
  isLower: (lower: string, capitalised: string) => boolean,
  keepCaps: (word: string) => boolean,
): string[] {
  return toks.map((t) => {
    if (!isCapsWord(t) || t.includes('.') || keepCaps(t)) return t;
    const lower = t.toLowerCase();
    const cap = lower.replace(/(^|[-'’])(\p{Ll})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
    return isLower(lower, cap) ? lower : cap;
  });
}

/**
 * Joins a person span with the name parts the tagger left outside it: a hyphenated Arabic article or
 * patronymic right after it ("Abu Musab" + "al-Zarqawi"), and lower-case particles followed by a capitalised
 * word or span ("Sheikh Hamad" + "bin" + "Jassim al-Thani", "Hans" + "van der" + "Broek"). Other spans are
 * returned as they are; the result is sorted and never overlapping.
 */
export function joinNameParts(toks: readonly string[], spans: readonly NerSpan[]): NerSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: NerSpan[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    if (a.type.toUpperCase() !== 'PER' && a.type.toUpperCase() !== 'PERSON') {
      out.push(a);
      continue;
    }
    let end = a.end;
    for (;;) {
      let k = end;
      while (k < toks.length && k - end < 3 && NAME_PARTICLES.has(toks[k]!)) k++;
      const next = sorted[i + 1];
      const word = toks[k];
      if (word === undefined) break;
      const particles = k > end;
      const capital = /^\p{Lu}/u.test(word) && /\p{Ll}/u.test(word);
      if (
        next &&
        next.start === k &&
        (particles || HYPHEN_PARTICLE.test(word)) &&
        next.end - next.start <= 3
      ) {
        // "Abu Musab" + "al-Zarqawi", "Sheikh Hamad" + "bin" + "Jassim al-Thani"
        end = next.end;
        i++;
        continue;
      }
      if (next && next.start < k + 1) break;
      if ((particles && capital) || (!particles && HYPHEN_PARTICLE.test(word) && /\p{Ll}$/u.test(word))) {
        // "Hans" + "van der" + "Broek", "Ahmed" + "al-Tayeb"
        end = k + 1;
        continue;
      }
      break;
    }
    out.push(end === a.end ? a : { ...a, end });
  }
  return out;
}
