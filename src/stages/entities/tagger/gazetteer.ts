import { hashString, mix } from './hash.js';
import { tokenize } from './tokens.js';

/**
 * Name lists used as tagger features. Multi-word entries are matched over lower-cased token sequences by
 * rolling hashes (no string joins at tagging time); a match must start with a capitalised token so that
 * `turkey` or `us` in running text never fire. Categories are bits in a mask.
 */
/**
 * `country`: country names and spellings; `city`: capitals, major cities and first-level regions (GPEs below
 * country level); `region`: geographic features; `demonym`: nationality adjectives/nouns; `person`: full names
 * of officials; `given`/`family`: first and last tokens of those names; `org`: international organisations.
 */
export const GAZETTEER_CATEGORIES = [
  'country',
  'city',
  'region',
  'demonym',
  'person',
  'given',
  'family',
  'org',
] as const;
export type GazetteerCategory = (typeof GAZETTEER_CATEGORIES)[number];

/** Lists as stored in the model file: category → phrases (any case; matched lower-cased). */
export type GazetteerLists = Partial<Record<GazetteerCategory, string[]>>;

export const MAX_PHRASE_TOKENS = 6;

/** Hash of a lower-cased token, the unit of phrase matching. */
export function tokenKey(lower: string): number {
  return hashString(lower, 0x6a7);
}

export class Gazetteer {
  /** phrase hash → category mask (built in a map, then frozen into the typed table below) */
  private readonly phrases = new Map<number, number>();
  /**
   * The same as an open-addressing table of `[hash, mask]` pairs (hash 0 marks an empty slot; a phrase whose
   * hash is 0 is kept in `zeroMask`): matching probes it for every capitalised token and its followers, and
   * typed arrays avoid boxing 32-bit keys.
   */
  private readonly table: Int32Array;
  private readonly tmask: number;
  private readonly zeroMask: number;
  /** Longest phrase length in tokens. */
  readonly maxLen: number;
  readonly lists: GazetteerLists;

  constructor(lists: GazetteerLists) {
    this.lists = lists;
    let maxLen = 1;
    GAZETTEER_CATEGORIES.forEach((cat, bit) => {
      for (const phrase of lists[cat] ?? []) {
        const toks = tokenize(phrase).map((t) => t.text.toLowerCase());
        if (toks.length === 0 || toks.length > MAX_PHRASE_TOKENS) continue;
        let h = tokenKey(toks[0]!);
        for (let i = 1; i < toks.length; i++) h = mix(h, tokenKey(toks[i]!));
        this.phrases.set(h, (this.phrases.get(h) ?? 0) | (1 << bit));
        if (toks.length > maxLen) maxLen = toks.length;
      }
    });
    this.maxLen = maxLen;
    let size = 1024;
    while (size < this.phrases.size * 2) size <<= 1;
    this.table = new Int32Array(size * 2);
    this.tmask = size - 1;
    let zero = 0;
    for (const [h, m] of this.phrases) {
      const k = h | 0;
      if (k === 0) {
        zero = m;
        continue;
      }
      let at = k & this.tmask;
      while (this.table[at * 2] !== 0) at = (at + 1) & this.tmask;
      this.table[at * 2] = k;
      this.table[at * 2 + 1] = m;
    }
    this.zeroMask = zero;
  }

  /** Category mask of a phrase hash, 0 when it is no listed phrase. */
  private maskOf(hash: number): number {
    const k = hash | 0;
    if (k === 0) return this.zeroMask;
    const t = this.table;
    let at = k & this.tmask;
    for (;;) {
      const sk = t[at * 2]!;
      if (sk === k) return t[at * 2 + 1]!;
      if (sk === 0) return 0;
      at = (at + 1) & this.tmask;
    }
  }

  /** Category mask of a phrase given as text (for refinement and tests). */
  lookup(phrase: string): number {
    const toks = tokenize(phrase).map((t) => t.text.toLowerCase());
    if (toks.length === 0) return 0;
    let h = tokenKey(toks[0]!);
    for (let i = 1; i < toks.length; i++) h = mix(h, tokenKey(toks[i]!));
    return this.phrases.get(h) ?? 0;
  }

  has(phrase: string, cat: GazetteerCategory): boolean {
    return (this.lookup(phrase) & (1 << GAZETTEER_CATEGORIES.indexOf(cat))) !== 0;
  }

  /**
   * All matches in a sentence: calls `onMatch(start, end, mask)` for each token range found. `keys` are the
   * token keys (`tokenKey(lower)`), `cap[i]` whether token i is capitalised.
   */
  matchAll(
    keys: ArrayLike<number>,
    cap: ArrayLike<number>,
    onMatch: (start: number, end: number, mask: number) => void,
  ): void {
    const n = keys.length;
    for (let i = 0; i < n; i++) {
      if (!cap[i]) continue;
      let h = keys[i]!;
      const lim = Math.min(n, i + this.maxLen);
      for (let j = i; j < lim; j++) {
        if (j > i) h = mix(h, keys[j]!);
        const m = this.maskOf(h);
        if (m !== 0) onMatch(i, j + 1, m);
      }
    }
  }
}
