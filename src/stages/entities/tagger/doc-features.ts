import { hashString, mix } from './hash.js';

/**
 * Non-local features for a second tagging pass over a document ("extended prediction history", Ratinov and
 * Roth 2009): a story names the same actor many times, and a name read plainly in one sentence ("President
 * Bill Clinton") tells how to read it in another ("CLINTON SAYS ..." in a capitals headline, "Clinton" at a
 * sentence start). The first pass tags every sentence alone; each capitalised token then gets features from
 * the tags the first pass gave the other capitalised occurrences of the same word (case-insensitive) in the
 * document: which types, how often (none / some / most / all), and the most frequent tag with its position
 * (B, I, L, U). The second pass adds these features' learnt weights to the first pass's scores and decodes again.
 */

const T = (name: string): number => hashString(name, 0xd0c);
const T_TYPE = T('eph-type');
const T_TYPE_UP = T('eph-type|upper');
const T_O_ALL = T('eph-O-all');
const T_O_SOME = T('eph-O-some');
const T_TAG = T('eph-tag');
const T_TAG_UP = T('eph-tag|upper');
const T_NONE = T('eph-none');
const T_PREV_TAG = T('eph-tag-1');
const T_NEXT_TAG = T('eph-tag+1');

/** Per-token feature lists of one sentence: token i's features are `feats[offsets[i] .. offsets[i+1])`. */
export interface DocSentenceFeatures {
  feats: Uint32Array;
  offsets: Int32Array;
}

function isCapitalised(w: string): boolean {
  const c = w.codePointAt(0);
  if (c === undefined) return false;
  const ch = String.fromCodePoint(c);
  return ch !== ch.toLowerCase();
}

function isUpperSentence(tokens: readonly string[]): boolean {
  let letters = 0;
  for (const t of tokens) {
    if (t !== t.toUpperCase()) return false;
    if (t !== t.toLowerCase()) letters++;
  }
  return letters >= 2;
}

/**
 * The document features of every token of a document's sentences, given the first pass's tag ids (`paths`,
 * indices into `tags`, which are scheme tags such as `B-PER` or `O`). Tokens that are not capitalised get none.
 */
export function documentFeatures(
  sentences: readonly (readonly string[])[],
  paths: readonly ArrayLike<number>[],
  tags: readonly string[],
): DocSentenceFeatures[] {
  const L = tags.length;
  const typeOf = tags.map((t) => (t === 'O' ? -1 : ['PER', 'ORG', 'LOC', 'MISC'].indexOf(t.slice(2))));
  const counts = new Map<string, Int32Array>();
  const keys: (string | null)[][] = sentences.map((toks, s) =>
    toks.map((w, i) => {
      if (!isCapitalised(w)) return null;
      const k = w.toLowerCase();
      let c = counts.get(k);
      if (!c) {
        c = new Int32Array(L);
        counts.set(k, c);
      }
      c[paths[s]![i]!]! += 1;
      return k;
    }),
  );
  const out: DocSentenceFeatures[] = [];
  const byType = new Int32Array(4);
  // The most frequent tag of each token's other occurrences (-1: none, or only O), for neighbour features.
  const best = sentences.map((toks) => new Int32Array(toks.length).fill(-1));
  const feats: number[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const toks = sentences[s]!;
    const n = toks.length;
    const upper = isUpperSentence(toks);
    const offsets = new Int32Array(n + 1);
    feats.length = 0;
    const own = paths[s]!;
    const perToken: number[][] = [];
    for (let i = 0; i < n; i++) {
      const here: number[] = [];
      perToken.push(here);
      const k = keys[s]![i];
      if (k == null) continue;
      const c = counts.get(k)!;
      byType.fill(0);
      let total = 0;
      let nO = 0;
      let top = -1;
      let topN = 0;
      for (let y = 0; y < L; y++) {
        const m = c[y]! - (own[i] === y ? 1 : 0);
        if (m === 0) continue;
        total += m;
        const t = typeOf[y]!;
        if (t < 0) nO += m;
        else {
          byType[t]! += m;
          if (m > topN) {
            topN = m;
            top = y;
          }
        }
      }
      if (total === 0) {
        here.push(T_NONE);
        continue;
      }
      for (let t = 0; t < 4; t++) {
        const m = byType[t]!;
        if (m === 0) continue;
        const bucket = m === total ? 3 : 2 * m >= total ? 2 : 1;
        here.push(mix(T_TYPE, t * 4 + bucket));
        if (upper) here.push(mix(T_TYPE_UP, t * 4 + bucket));
      }
      if (nO === total) here.push(T_O_ALL);
      else if (nO > 0) here.push(T_O_SOME);
      if (top >= 0) {
        here.push(mix(T_TAG, top));
        if (upper) here.push(mix(T_TAG_UP, top));
        best[s]![i] = top;
      }
    }
    for (let i = 0; i < n; i++) {
      offsets[i] = feats.length;
      for (const f of perToken[i]!) feats.push(f);
      if (i > 0 && best[s]![i - 1]! >= 0) feats.push(mix(T_PREV_TAG, best[s]![i - 1]!));
      if (i + 1 < n && best[s]![i + 1]! >= 0) feats.push(mix(T_NEXT_TAG, best[s]![i + 1]!));
    }
    offsets[n] = feats.length;
    out.push({ feats: Uint32Array.from(feats), offsets });
  }
  return out;
}
