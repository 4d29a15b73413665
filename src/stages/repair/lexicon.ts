import { LEXICON_TIERS } from './data/lexicon-data.js';
import { NEWS_WORDS } from './news-words.js';

/**
 * An English word list with a coarse frequency (SCOWL size bands, see `scripts/build-lexicon.ts`), used to
 * decide whether a stray line break split one word or separated two. Built once, on first use, so that
 * importing the repair stage costs nothing until it runs.
 */
export interface Lexicon {
  /** Frequency tier of a word (1 common … 3 rare), after stripping a possessive; null when unknown. */
  tier(word: string): number | null;
  readonly size: number;
}

let cached: Lexicon | undefined;

function decodeTier(data: string, tier: number, into: Map<string, number>): void {
  let prev = '';
  let i = 0;
  const n = data.length;
  while (i < n) {
    const keep = data.charCodeAt(i) - 48;
    let j = i + 1;
    while (j < n) {
      const c = data.charCodeAt(j);
      if (c >= 48 && c <= 57) break;
      j++;
    }
    const word = prev.slice(0, keep) + data.slice(i + 1, j);
    if (!into.has(word)) into.set(word, tier);
    prev = word;
    i = j;
  }
}

/** Lower-cases, folds curly apostrophes and strips a possessive (`Korea’s` → `korea`, `countries’` → `countries`). */
export function normalizeWord(word: string): string {
  let w = word.toLowerCase();
  if (w.includes('’')) w = w.replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  return w;
}

/** The shared lexicon, decoded lazily on first call. */
export function getLexicon(): Lexicon {
  if (cached) return cached;
  const map = new Map<string, number>();
  for (const w of NEWS_WORDS) map.set(w, 1);
  for (let idx = 0; idx < LEXICON_TIERS.length; idx++) decodeTier(LEXICON_TIERS[idx]!, idx + 1, map);
  // Word as written → its tier: running text repeats its words, and a hit in this small map costs less than
  // normalising the word and probing the large one (the events stage asks about every sentence's words).
  const seen = new Map<string, number | null>();
  const lookup = (word: string): number | null => {
    const w = normalizeWord(word);
    if (w === '') return null;
    const t = map.get(w);
    if (t !== undefined) return t;
    // Words in the list appear with their inflections already; only try a plain-s plural as a fallback for
    // acronyms and the hand-written additions (`ngos`, `icbms`).
    if (w.length > 3 && w.endsWith('s')) {
      const s = map.get(w.slice(0, -1));
      if (s !== undefined) return s;
    }
    return null;
  };
  cached = Object.freeze({
    size: map.size,
    tier(word: string): number | null {
      let t = seen.get(word);
      if (t === undefined) {
        if (seen.size >= 50_000) seen.clear();
        t = lookup(word);
        seen.set(word, t);
      }
      return t;
    },
  });
  return cached;
}
