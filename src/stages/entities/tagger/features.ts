import type { Gazetteer } from './gazetteer.js';
import { tokenKey } from './gazetteer.js';
import { hashSlice, hashString, mix } from './hash.js';
import { shortShape, wordShape } from './tokens.js';

/**
 * Token features as 32-bit hashes. Every string is hashed once per token (word, lower case, shapes, affixes);
 * window and conjunction features are integer mixes of those hashes with a template seed, so the per-feature
 * cost in the hot loop is a couple of multiplications.
 */

/** Word statistics learnt from the training text and shipped in the model file. */
export interface WordStats {
  /**
   * lower-cased word key → bucket of how often the word is written in lower case in running text (1 = never,
   * …, 5 = almost always). A capitalised word that is usually lower case (`Police`, `Some`) is rarely a name.
   */
  lowerRatio: Map<number, number>;
  /**
   * lower-cased word key → its word class at each granularity (coarse to fine), learnt from unlabelled news by
   * `npm run train:clusters` (`clusters.ts`). A word the labelled data never had still shares evidence with
   * the words of its class. Absent in models trained without classes.
   */
  clusters?: Map<number, readonly number[]>;
}

export interface FeatureContext {
  gazetteer: Gazetteer;
  stats: WordStats;
}

/** Features of one sentence: token i's features are `feats[offsets[i] .. offsets[i+1])`. */
export interface SentenceFeatures {
  feats: Uint32Array;
  offsets: Int32Array;
}

const T = (name: string): number => hashString(name, 0x5eed);
const T_BIAS = T('bias');
const T_W = T('w');
const T_L = T('l');
const T_SH = T('sh');
const T_SS = T('ss');
const T_PRE = [T('p1'), T('p2'), T('p3'), T('p4')];
const T_SUF = [T('s1'), T('s2'), T('s3'), T('s4')];
const T_LM1 = T('l-1');
const T_LP1 = T('l+1');
const T_LM2 = T('l-2');
const T_LP2 = T('l+2');
const T_WM1 = T('w-1');
const T_WP1 = T('w+1');
const T_SSM1 = T('ss-1');
const T_SSP1 = T('ss+1');
const T_BI_L = T('l-1|l');
const T_BI_R = T('l|l+1');
const T_SS3 = T('ss-1|ss|ss+1');
const T_SS_L = T('ss-1|ss');
const T_SS_R = T('ss|ss+1');
const T_FIRST = T('first|ss');
const T_FIRST_LR = T('first|lr');
const T_UPPER = T('uppersent');
const T_UPPER_L = T('uppersent|l');
const T_LR = T('lr|ss');
const T_LR_L1 = T('lr|l-1');
const T_GAZ = T('gaz');
const T_GAZM1 = T('gaz-1');
const T_GAZP1 = T('gaz+1');
const T_HYP0 = T('hyp0');
const T_HYP1 = T('hyp1');
const T_HYPG = T('hypgaz');
const T_SSM2SS = T('ss-2|ss-1|ss');
const T_SSSSP2 = T('ss|ss+1|ss+2');
const T_LSS_M1 = T('l-1|ss');
const T_SS_LP1 = T('ss|l+1');
const T_CL = [T('cl0'), T('cl1'), T('cl2'), T('cl3')];
const T_CL_SS = T('cl|ss');
const T_CLM1 = [T('cl0-1'), T('cl1-1')];
const T_CLP1 = [T('cl0+1'), T('cl1+1')];
/** Class value of a word with no class (rare or unseen in the unlabelled text). */
const NO_CLASS = 0;

const BOS = hashString('<s>', 1);
const EOS = hashString('</s>', 1);

/**
 * The word-class features of a word itself: its class at each granularity and its finest class with its short
 * shape. Only for models that have classes (`clusters` set), so older model files keep their features.
 */
function classFeatures(cl: readonly number[] | null, ss: number, push: (h: number) => void): void {
  if (cl === null) {
    push(mix(T_CL[0]!, NO_CLASS));
    return;
  }
  for (let g = 0; g < cl.length && g < T_CL.length; g++) push(mix(T_CL[g]!, cl[g]! + 1));
  push(mix(T_CL_SS, mix(cl[cl.length - 1]! + 1, ss)));
}

/** The class features a word gives its neighbour (slot 0: it is the previous token; 2: the next). */
function neighbourClassFeatures(cl: readonly number[] | null, slot: number, push: (h: number) => void): void {
  const T_ = slot === 0 ? T_CLM1 : T_CLP1;
  for (let g = 0; g < T_.length; g++)
    push(mix(T_[g]!, cl === null ? NO_CLASS : cl[Math.min(g, cl.length - 1)]! + 1));
}

/** Boundary class value (before the start / after the end of a sentence). */
const BOUNDARY_CLASS: readonly number[] = [0xfffe, 0xfffe, 0xfffe];
const BOUNDARY_BEFORE: readonly number[] = BOUNDARY_CLASS.map((v) => v - 1);
const BOUNDARY_AFTER: readonly number[] = BOUNDARY_CLASS.map((v) => v - 2);

/**
 * The classes of a word as the class table keeps it: the word as written ("Park", a name, is not "park", a
 * noun), else, for a word in capitals ("PARK"), its title-case form, else its lower-case form (a sentence's first
 * word, and every word of tables learnt from lower-cased text). `lower` is the tokenKey of the lower-cased word.
 */
export function wordClassOf(
  w: string,
  lower: number,
  clusters: Map<number, readonly number[]>,
): readonly number[] | null {
  const asWritten = clusters.get(tokenKey(w));
  if (asWritten) return asWritten;
  if (w.length > 1 && !hasLowerLetter(w) && w !== w.toLowerCase()) {
    const title = clusters.get(tokenKey(w[0]! + w.slice(1).toLowerCase()));
    if (title) return title;
  }
  return clusters.get(lower) ?? null;
}

/** Bucket of the share of lower-case occurrences (`lower / total`) of a word. */
export function lowerRatioBucket(lower: number, total: number): number {
  if (total < 2) return 0;
  const r = lower / total;
  if (r === 0) return 1;
  if (r < 0.1) return 2;
  if (r < 0.5) return 3;
  if (r < 0.9) return 4;
  return 5;
}

function hasLowerLetter(w: string): boolean {
  return w !== w.toUpperCase();
}

/** Reusable scratch buffers so that tagging allocates little per sentence. */
class Buffer32 {
  data = new Uint32Array(4096);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

export function extractFeatures(tokens: readonly string[], ctx: FeatureContext): SentenceFeatures {
  const n = tokens.length;
  const wH = new Uint32Array(n);
  const lH = new Uint32Array(n);
  const shH = new Uint32Array(n);
  const ssH = new Uint32Array(n);
  const cap = new Uint8Array(n);
  const lr = new Uint8Array(n);
  // gazetteer: per token, per position (B/I/L/U), a category mask
  const gaz = new Int32Array(n * 4);
  const gazAny = new Int32Array(n);
  let anyLower = false;
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const w = tokens[i]!;
    const lower = w.toLowerCase();
    wH[i] = hashString(w, 11);
    lH[i] = tokenKey(lower);
    shH[i] = hashString(wordShape(w), 13);
    ssH[i] = hashString(shortShape(w), 17);
    const c0 = w[0]!;
    cap[i] = c0 !== c0.toLowerCase() ? 1 : 0;
    if (/\p{L}/u.test(w)) {
      letters++;
      if (hasLowerLetter(w)) anyLower = true;
    }
    lr[i] = ctx.stats.lowerRatio.get(lH[i]!) ?? 0;
  }
  const upperSentence = !anyLower && letters >= 2;
  ctx.gazetteer.matchAll(lH, cap, (s, e, mask) => {
    if (e - s === 1) {
      gaz[s * 4 + 3]! |= mask;
    } else {
      gaz[s * 4]! |= mask;
      for (let k = s + 1; k < e - 1; k++) gaz[k * 4 + 1]! |= mask;
      gaz[(e - 1) * 4 + 2]! |= mask;
    }
    for (let k = s; k < e; k++) gazAny[k]! |= mask;
  });

  const cls = ctx.stats.clusters;
  const wcl = cls ? tokens.map((w, i) => wordClassOf(w, lH[i]!, cls)) : null;
  const buf = new Buffer32();
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = buf.length;
    const w = tokens[i]!;
    const lower = w.toLowerCase();
    const l = lH[i]!;
    const ss = ssH[i]!;
    const lm1 = i > 0 ? lH[i - 1]! : BOS;
    const lp1 = i + 1 < n ? lH[i + 1]! : EOS;
    const lm2 = i > 1 ? lH[i - 2]! : BOS;
    const lp2 = i + 2 < n ? lH[i + 2]! : EOS;
    const ssm1 = i > 0 ? ssH[i - 1]! : BOS;
    const ssp1 = i + 1 < n ? ssH[i + 1]! : EOS;
    const ssm2 = i > 1 ? ssH[i - 2]! : BOS;
    const ssp2 = i + 2 < n ? ssH[i + 2]! : EOS;
    buf.push(T_BIAS);
    if (wcl) {
      const push = (h: number) => buf.push(h);
      classFeatures(wcl[i]!, ss, push);
      neighbourClassFeatures(i > 0 ? wcl[i - 1]! : BOUNDARY_BEFORE, 0, push);
      neighbourClassFeatures(i + 1 < n ? wcl[i + 1]! : BOUNDARY_AFTER, 2, push);
    }
    buf.push(mix(T_W, wH[i]!));
    buf.push(mix(T_L, l));
    buf.push(mix(T_SH, shH[i]!));
    buf.push(mix(T_SS, ss));
    const len = w.length;
    for (let k = 1; k <= 4 && k <= len; k++) {
      buf.push(mix(T_PRE[k - 1]!, hashSlice(w, 0, k)));
      buf.push(mix(T_SUF[k - 1]!, hashSlice(lower, len - k, len)));
    }
    buf.push(mix(T_LM1, lm1));
    buf.push(mix(T_LP1, lp1));
    buf.push(mix(T_LM2, lm2));
    buf.push(mix(T_LP2, lp2));
    buf.push(mix(T_WM1, i > 0 ? wH[i - 1]! : BOS));
    buf.push(mix(T_WP1, i + 1 < n ? wH[i + 1]! : EOS));
    buf.push(mix(T_SSM1, ssm1));
    buf.push(mix(T_SSP1, ssp1));
    buf.push(mix(mix(T_BI_L, lm1), l));
    buf.push(mix(mix(T_BI_R, l), lp1));
    buf.push(mix(mix(mix(T_SS3, ssm1), ss), ssp1));
    buf.push(mix(mix(T_SS_L, ssm1), ss));
    buf.push(mix(mix(T_SS_R, ss), ssp1));
    buf.push(mix(mix(mix(T_SSM2SS, ssm2), ssm1), ss));
    buf.push(mix(mix(mix(T_SSSSP2, ss), ssp1), ssp2));
    buf.push(mix(mix(T_LSS_M1, lm1), ss));
    buf.push(mix(mix(T_SS_LP1, ss), lp1));
    const lrb = lr[i]! + (cap[i] ? 8 : 0);
    buf.push(mix(T_LR, mix(lrb, ss)));
    buf.push(mix(T_LR_L1, mix(lrb, lm1)));
    if (i === 0) {
      buf.push(mix(T_FIRST, ss));
      buf.push(mix(T_FIRST_LR, lrb));
    }
    if (upperSentence) {
      buf.push(T_UPPER);
      buf.push(mix(T_UPPER_L, l));
    }
    for (let p = 0; p < 4; p++) {
      const m = gaz[i * 4 + p]!;
      if (m === 0) continue;
      for (let b = 0; m >> b; b++) if ((m >> b) & 1) buf.push(mix(T_GAZ, b * 4 + p));
    }
    if (i > 0 && gazAny[i - 1]) {
      const m = gazAny[i - 1]!;
      for (let b = 0; m >> b; b++) if ((m >> b) & 1) buf.push(mix(T_GAZM1, b));
    }
    if (i + 1 < n && gazAny[i + 1]) {
      const m = gazAny[i + 1]!;
      for (let b = 0; m >> b; b++) if ((m >> b) & 1) buf.push(mix(T_GAZP1, b));
    }
    const hy = lower.indexOf('-');
    if (hy > 0 && hy < len - 1) {
      const last = lower.lastIndexOf('-');
      buf.push(mix(T_HYP0, hashSlice(lower, 0, hy)));
      buf.push(mix(T_HYP1, hashSlice(lower, last + 1, len)));
      // Parts of hyphenated names (`Teng-hui`, `Won-sik`) looked up as single given/family name tokens.
      const m0 = ctx.gazetteer.lookup(w.slice(0, hy));
      const m1 = ctx.gazetteer.lookup(w.slice(last + 1));
      if (m0) buf.push(mix(T_HYPG, m0));
      if (m1) buf.push(mix(T_HYPG, m1 + 1024));
    }
  }
  offsets[n] = buf.length;
  return { feats: buf.data.slice(0, buf.length), offsets };
}

/**
 * What tagging needs of one word, whatever sentence it is in: its hashes, its lower-ratio bucket and the
 * features that depend on the word alone. Tagging caches these per word string, so a word met before costs one
 * map lookup instead of a dozen hashes (news repeats its words).
 */
export interface TokenInfo {
  /** Hash of the word as written (`w`). */
  w: number;
  /** Token key of the lower-cased word (`l`). */
  l: number;
  /** Hash of the short shape (`ss`). */
  ss: number;
  /** Lower-ratio bucket plus 8 when capitalised. */
  lrb: number;
  /** 1 when the first character is upper case. */
  cap: number;
  /** Has a letter. */
  letter: boolean;
  /** Has a lower-case letter. */
  hasLower: boolean;
  /** Word classes (coarse to fine), or null when the model has classes but not this word; undefined: no classes. */
  cl?: readonly number[] | null;
}

/** The per-word part of `extractFeatures` (the same hashes; used by the tagging fast path). */
export function tokenInfo(w: string, ctx: FeatureContext): TokenInfo {
  const lower = w.toLowerCase();
  const l = tokenKey(lower);
  const c0 = w[0]!;
  const cap = c0 !== c0.toLowerCase() ? 1 : 0;
  return {
    w: hashString(w, 11),
    l,
    ss: hashString(shortShape(w), 17),
    lrb: (ctx.stats.lowerRatio.get(l) ?? 0) + (cap ? 8 : 0),
    cap,
    letter: /\p{L}/u.test(w),
    hasLower: hasLowerLetter(w),
    cl: ctx.stats.clusters ? wordClassOf(w, l, ctx.stats.clusters) : undefined,
  };
}

/**
 * The features of `extractFeatures` that depend on the word alone (bias, word, shapes, affixes, lower-ratio by
 * shape, hyphen parts), passed to `push`. Together with `contextFeatures` they are exactly the features
 * `extractFeatures` gives the token (a test checks it), in another order.
 */
export function wordFeatures(
  w: string,
  info: TokenInfo,
  ctx: FeatureContext,
  push: (h: number) => void,
): void {
  const lower = w.toLowerCase();
  push(T_BIAS);
  if (info.cl !== undefined) classFeatures(info.cl, info.ss, push);
  push(mix(T_W, info.w));
  push(mix(T_L, info.l));
  push(mix(T_SH, hashString(wordShape(w), 13)));
  push(mix(T_SS, info.ss));
  const len = w.length;
  for (let k = 1; k <= 4 && k <= len; k++) {
    push(mix(T_PRE[k - 1]!, hashSlice(w, 0, k)));
    push(mix(T_SUF[k - 1]!, hashSlice(lower, len - k, len)));
  }
  push(mix(T_LR, mix(info.lrb, info.ss)));
  const hy = lower.indexOf('-');
  if (hy > 0 && hy < len - 1) {
    const last = lower.lastIndexOf('-');
    push(mix(T_HYP0, hashSlice(lower, 0, hy)));
    push(mix(T_HYP1, hashSlice(lower, last + 1, len)));
    const m0 = ctx.gazetteer.lookup(w.slice(0, hy));
    const m1 = ctx.gazetteer.lookup(w.slice(last + 1));
    if (m0) push(mix(T_HYPG, m0));
    if (m1) push(mix(T_HYPG, m1 + 1024));
  }
}

/** Per-sentence arrays the context features read; reused between sentences by the caller. */
export interface SentenceScratch {
  l: Uint32Array;
  w: Uint32Array;
  ss: Uint32Array;
  cap: Uint8Array;
  /** Gazetteer category masks per token and position (B, I, L, U). */
  gaz: Int32Array;
  gazAny: Int32Array;
}

/** Scratch arrays for sentences of up to `n` tokens. */
export function sentenceScratch(n: number): SentenceScratch {
  return {
    l: new Uint32Array(n),
    w: new Uint32Array(n),
    ss: new Uint32Array(n),
    cap: new Uint8Array(n),
    gaz: new Int32Array(n * 4),
    gazAny: new Int32Array(n),
  };
}

/**
 * Fills the scratch arrays for a sentence of `infos` (hashes and gazetteer matches) and reports whether the
 * sentence is written in capitals (a headline).
 */
export function prepareSentence(
  infos: readonly TokenInfo[],
  ctx: FeatureContext,
  sc: SentenceScratch,
): boolean {
  const n = infos.length;
  let anyLower = false;
  let letters = 0;
  sc.gaz.fill(0, 0, n * 4);
  sc.gazAny.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    const t = infos[i]!;
    sc.l[i] = t.l;
    sc.w[i] = t.w;
    sc.ss[i] = t.ss;
    sc.cap[i] = t.cap;
    if (t.letter) {
      letters++;
      if (t.hasLower) anyLower = true;
    }
  }
  const { gaz, gazAny } = sc;
  ctx.gazetteer.matchAll(sc.l.subarray(0, n), sc.cap, (s, e, mask) => {
    if (e - s === 1) {
      gaz[s * 4 + 3]! |= mask;
    } else {
      gaz[s * 4]! |= mask;
      for (let k = s + 1; k < e - 1; k++) gaz[k * 4 + 1]! |= mask;
      gaz[(e - 1) * 4 + 2]! |= mask;
    }
    for (let k = s; k < e; k++) gazAny[k]! |= mask;
  });
  return !anyLower && letters >= 2;
}

/**
 * The features of token `i` that depend on its neighbours, passed to `push` (see `wordFeatures`). With
 * `withNeighbours` false it leaves out the eight that name one neighbour alone (`neighbourFeatures`), which
 * the tagger sums once per word. They are the union of `leftPairFeatures`, `rightPairFeatures`,
 * `shapeWindowFeatures` and `positionFeatures`, which the tagger caches separately.
 */
export function contextFeatures(
  i: number,
  n: number,
  infos: readonly TokenInfo[],
  sc: SentenceScratch,
  upperSentence: boolean,
  push: (h: number) => void,
  withNeighbours = true,
): void {
  const { l: lH, w: wH, ss: ssH } = sc;
  const l = lH[i]!;
  const ss = ssH[i]!;
  const lm1 = i > 0 ? lH[i - 1]! : BOS;
  const lp1 = i + 1 < n ? lH[i + 1]! : EOS;
  const ssm1 = i > 0 ? ssH[i - 1]! : BOS;
  const ssp1 = i + 1 < n ? ssH[i + 1]! : EOS;
  if (withNeighbours) {
    push(mix(T_LM1, lm1));
    push(mix(T_LP1, lp1));
    push(mix(T_LM2, i > 1 ? lH[i - 2]! : BOS));
    push(mix(T_LP2, i + 2 < n ? lH[i + 2]! : EOS));
    push(mix(T_WM1, i > 0 ? wH[i - 1]! : BOS));
    push(mix(T_WP1, i + 1 < n ? wH[i + 1]! : EOS));
    push(mix(T_SSM1, ssm1));
    push(mix(T_SSP1, ssp1));
  }
  leftPairFeatures(lm1, l, ss, infos[i]!.lrb, push);
  rightPairFeatures(l, ss, lp1, push);
  shapeWindowFeatures(i > 1 ? ssH[i - 2]! : BOS, ssm1, ss, ssp1, i + 2 < n ? ssH[i + 2]! : EOS, push);
  positionFeatures(i, n, infos, sc, upperSentence, push);
}

/** Boundary value of `l`, `w` and `ss` before the sentence start (for callers that cache by neighbour). */
export const BOUNDARY_START = BOS;
/** Boundary value of `l`, `w` and `ss` after the sentence end. */
export const BOUNDARY_END = EOS;

/**
 * The context features fixed by the previous token and this one: `l-1|l`, `l-1|ss` and `lr|l-1` (`lm1` is
 * `BOUNDARY_START` for the first token). Pure in its arguments, so the tagger caches them per word pair.
 */
export function leftPairFeatures(
  lm1: number,
  l: number,
  ss: number,
  lrb: number,
  push: (h: number) => void,
): void {
  push(mix(mix(T_BI_L, lm1), l));
  push(mix(mix(T_LSS_M1, lm1), ss));
  push(mix(T_LR_L1, mix(lrb, lm1)));
}

/**
 * The context features fixed by this token and the next: `l|l+1` and `ss|l+1` (`lp1` is `BOUNDARY_END` for
 * the last token). Pure in its arguments (cached per word pair).
 */
export function rightPairFeatures(l: number, ss: number, lp1: number, push: (h: number) => void): void {
  push(mix(mix(T_BI_R, l), lp1));
  push(mix(mix(T_SS_LP1, ss), lp1));
}

/**
 * The short-shape window features of a token from the shapes two before to two after (boundary values past
 * the edges). Pure in its arguments; shapes are few, so the tagger caches them per shape window.
 */
export function shapeWindowFeatures(
  ssm2: number,
  ssm1: number,
  ss: number,
  ssp1: number,
  ssp2: number,
  push: (h: number) => void,
): void {
  push(mix(mix(mix(T_SS3, ssm1), ss), ssp1));
  push(mix(mix(T_SS_L, ssm1), ss));
  push(mix(mix(T_SS_R, ss), ssp1));
  push(mix(mix(mix(T_SSM2SS, ssm2), ssm1), ss));
  push(mix(mix(mix(T_SSSSP2, ss), ssp1), ssp2));
}

/** The context features of token `i` that depend on its place: first token, capitals sentence, name lists. */
export function positionFeatures(
  i: number,
  n: number,
  infos: readonly TokenInfo[],
  sc: SentenceScratch,
  upperSentence: boolean,
  push: (h: number) => void,
): void {
  const { gaz, gazAny } = sc;
  if (i === 0) {
    push(mix(T_FIRST, sc.ss[0]!));
    push(mix(T_FIRST_LR, infos[0]!.lrb));
  }
  if (upperSentence) {
    push(T_UPPER);
    push(mix(T_UPPER_L, sc.l[i]!));
  }
  for (let p = 0; p < 4; p++) {
    const m = gaz[i * 4 + p]!;
    if (m === 0) continue;
    for (let b = 0; m >> b; b++) if ((m >> b) & 1) push(mix(T_GAZ, b * 4 + p));
  }
  if (i > 0 && gazAny[i - 1]) {
    const m = gazAny[i - 1]!;
    for (let b = 0; m >> b; b++) if ((m >> b) & 1) push(mix(T_GAZM1, b));
  }
  if (i + 1 < n && gazAny[i + 1]) {
    const m = gazAny[i + 1]!;
    for (let b = 0; m >> b; b++) if ((m >> b) & 1) push(mix(T_GAZP1, b));
  }
}

/** Where a word stands relative to the token whose features it gives (see `neighbourFeatures`). */
export const NEIGHBOUR_SLOTS = 4;

/**
 * The features a word gives the token beside it, by slot: 0 = it is the previous token (`l-1`, `w-1`,
 * `ss-1`), 1 = two before (`l-2`), 2 = the next token (`l+1`, `w+1`, `ss+1`), 3 = two after (`l+2`). With
 * `info` null, the sentence-boundary values. These are the features `contextFeatures` leaves out when asked.
 */
export function neighbourFeatures(
  info: TokenInfo | null,
  slot: number,
  push: (h: number) => void,
  withClasses = false,
): void {
  if (withClasses && (slot === 0 || slot === 2)) {
    const boundary = BOUNDARY_CLASS.map((v) => v - (slot === 0 ? 1 : 2));
    neighbourClassFeatures(info ? (info.cl ?? null) : boundary, slot, push);
  }
  const l = info ? info.l : slot < 2 ? BOS : EOS;
  const w = info ? info.w : slot < 2 ? BOS : EOS;
  const ss = info ? info.ss : slot < 2 ? BOS : EOS;
  if (slot === 0) {
    push(mix(T_LM1, l));
    push(mix(T_WM1, w));
    push(mix(T_SSM1, ss));
  } else if (slot === 1) push(mix(T_LM2, l));
  else if (slot === 2) {
    push(mix(T_LP1, l));
    push(mix(T_WP1, w));
    push(mix(T_SSP1, ss));
  } else push(mix(T_LP2, l));
}
