import type { ConlluSentence } from './conllu.js';
import { END, type EncodedSentence, encodeSentence, START, type TagSet, UPOS } from './encode.js';
import { f1, f2, f3, seededRandom } from './hash.js';
import { AveragedPerceptron, type CompactModel, type Scorer } from './perceptron.js';

/** Most features a tagger position produces. */
const MAX_FEATS = 32;
const TAG_NONE = 99;

/**
 * Features of position `i` given the two previous predicted tags (Collins 2002 / Honnibal's perceptron
 * tagger): the word, its affixes and shape, the neighbouring words and suffixes, and the tag history.
 */
export function taggerFeatures(
  e: EncodedSentence,
  i: number,
  t1: number,
  t2: number,
  out: Uint32Array,
): number {
  const n = e.n;
  const w = e.lower[i]!;
  const wm1 = i > 0 ? e.lower[i - 1]! : START;
  const wm2 = i > 1 ? e.lower[i - 2]! : START;
  const wp1 = i + 1 < n ? e.lower[i + 1]! : END;
  const wp2 = i + 2 < n ? e.lower[i + 2]! : END;
  let k = 0;
  out[k++] = f1(100, 0);
  out[k++] = f1(101, w);
  out[k++] = f1(102, e.suf3[i]!);
  out[k++] = f1(103, e.pre1[i]!);
  out[k++] = f1(104, t1);
  out[k++] = f1(105, t2);
  out[k++] = f2(106, t1, t2);
  out[k++] = f2(107, w, t1);
  out[k++] = f1(108, wm1);
  out[k++] = f1(109, i > 0 ? e.suf3[i - 1]! : START);
  out[k++] = f1(110, wm2);
  out[k++] = f1(111, wp1);
  out[k++] = f1(112, i + 1 < n ? e.suf3[i + 1]! : END);
  out[k++] = f1(113, wp2);
  out[k++] = f1(114, e.shape[i]!);
  out[k++] = f1(115, e.suf2[i]!);
  out[k++] = f1(116, e.suf4[i]!);
  out[k++] = f1(117, e.form[i]!);
  out[k++] = f2(118, e.shape[i]!, t1);
  out[k++] = f2(119, w, wp1);
  out[k++] = f2(120, wm1, w);
  out[k++] = f1(121, e.suf1[i]!);
  out[k++] = f2(122, t1, wp1);
  out[k++] = f2(123, i === 0 ? 1 : 0, e.shape[i]!);
  out[k++] = f1(124, e.pre3[i]!);
  out[k++] = f3(125, t1, w, wp1);
  out[k++] = f2(126, wm1, t1);
  out[k++] = f2(127, i + 1 < n ? e.shape[i + 1]! : END, e.shape[i]!);
  return k;
}

/**
 * The features of {@link taggerFeatures} that depend on a word and a tag or on two words, for the inference
 * path of {@link UposTagger.tagIds}: the ones that depend on one word only are summed once per word form into a
 * {@link WordRows} entry, and the bias and the tag-history features once per pair of previous tags. Same
 * templates and values as {@link taggerFeatures}, which training uses (a test checks that both give the same
 * tags).
 */
function contextFeatures(e: EncodedSentence, i: number, t1: number, out: Uint32Array): number {
  const n = e.n;
  const w = e.lower[i]!;
  const wm1 = i > 0 ? e.lower[i - 1]! : START;
  const wp1 = i + 1 < n ? e.lower[i + 1]! : END;
  const shape = e.shape[i]!;
  let k = 0;
  out[k++] = f2(107, w, t1);
  out[k++] = f2(118, shape, t1);
  out[k++] = f2(119, w, wp1);
  out[k++] = f2(120, wm1, w);
  out[k++] = f2(122, t1, wp1);
  out[k++] = f3(125, t1, w, wp1);
  out[k++] = f2(126, wm1, t1);
  out[k++] = f2(127, i + 1 < n ? e.shape[i + 1]! : END, shape);
  return k;
}

/** A sparse score row: the classes a group of features gives weight to, and the summed weights. */
interface SparseRow {
  cls: Uint8Array;
  val: Float64Array;
}

/** Summed weights, dense (one per class) when most classes have one, sparse otherwise (rare words). */
type Row = Float64Array | SparseRow;

/** A row with more non-zero classes than this fraction of the classes is kept dense. */
const DENSE_SHARE = 0.25;

/**
 * The summed weights of the one-word features of a word form, in each role it plays for a position: the word
 * itself (form, affixes, shape; `first` when it opens the sentence, `self` otherwise), the word before it
 * (108, 109), two before (110), after (111, 112) and two after (113).
 */
interface WordRows {
  /** The form's tag in the tag dictionary, -1 when it has none (the model tags it). */
  dict: number;
  self: Float64Array;
  first: Float64Array | null;
  prev1: Row;
  prev2: Row;
  next1: Row;
  next2: Row;
}

/**
 * Distinct word forms whose rows a tagger keeps; the cache is emptied when full. A form costs about 2 KB with the
 * shipped model (17 MB for the 8,300 forms of the 150 bench stories), so this bounds it near 35 MB.
 */
const ROW_CACHE_LIMIT = 16_000;

/**
 * Greedy left-to-right averaged-perceptron tagger over a {@link TagSet} (UPOS, or UPOS paired with the
 * treebank's fine tag). Frequent unambiguous words (by the training data) are looked up in a tag dictionary
 * and skip the model.
 *
 * Speed: scoring is bound by cache misses in the weight table, one per feature. Most features depend on one
 * word only, so their weights are summed once per word form ({@link WordRows}, a bounded cache), the bias and
 * tag-history features once per pair of previous tags, and each position probes the table only for the 8
 * features that pair a word with a tag or with another word: about half the weight additions of a plain score. The sums are
 * exact (the weights are 16-bit multiples of one scale, far from the 53 bits of a double), so the scores, and
 * the tags, are bit-identical to scoring all {@link taggerFeatures} at once. The model must not change once the
 * tagger holds it.
 */
export class UposTagger {
  readonly model: Scorer;
  readonly tagset: TagSet;
  /** Exact form → tag id, for words whose tag was constant in training. */
  readonly tagDict: ReadonlyMap<string, number>;
  private readonly feats = new Uint32Array(MAX_FEATS);
  private readonly scores: Float64Array;
  /** Scratch space of {@link sum}. */
  private readonly rowFeats = new Uint32Array(MAX_FEATS);
  private readonly rowScores: Float64Array;
  private readonly rows = new Map<string, WordRows>();
  /** Rows of the sentence boundaries (START before the first word, END after the last). */
  private readonly boundary: WordRows;
  /** All zeros: stands for a sparse row in the dense sum (the sparse row is added on its own). */
  private readonly zero: Float64Array;
  /** Bias and tag-history rows (100, 104, 105, 106) by `t1 * 256 + t2`, dense (they fill most classes). */
  private readonly history = new Map<number, Float64Array>();

  constructor(model: Scorer, tagset: TagSet, tagDict: ReadonlyMap<string, number>) {
    this.model = model;
    this.tagset = tagset;
    this.tagDict = tagDict;
    this.scores = new Float64Array(model.classes);
    this.rowScores = new Float64Array(model.classes);
    const none = new Float64Array(model.classes);
    this.zero = none;
    this.boundary = {
      dict: -1,
      self: none,
      first: none,
      prev1: this.rowOf([f1(108, START), f1(109, START)]),
      prev2: this.rowOf([f1(110, START)]),
      next1: this.rowOf([f1(111, END), f1(112, END)]),
      next2: this.rowOf([f1(113, END)]),
    };
  }

  /** Tag ids (indices into the tag set) of an encoded sentence. */
  tagIds(e: EncodedSentence): Uint8Array {
    const n = e.n;
    const out = new Uint8Array(n);
    const rows: WordRows[] = new Array(n);
    for (let i = 0; i < n; i++) rows[i] = this.wordRows(e, i);
    const { feats, scores, model, boundary, zero } = this;
    const K = model.classes;
    let t1 = TAG_NONE;
    let t2 = TAG_NONE;
    for (let i = 0; i < n; i++) {
      let t = rows[i]!.dict;
      if (t < 0) {
        const k = contextFeatures(e, i, t1, feats);
        model.score(feats, k, scores);
        const history = this.historyRow(t1, t2);
        const self = i === 0 ? this.firstRow(e, rows[0]!) : rows[i]!.self;
        const p1 = dense(scores, i > 0 ? rows[i - 1]!.prev1 : boundary.prev1, zero);
        const p2 = dense(scores, i > 1 ? rows[i - 2]!.prev2 : boundary.prev2, zero);
        const n1 = dense(scores, i + 1 < n ? rows[i + 1]!.next1 : boundary.next1, zero);
        const n2 = dense(scores, i + 2 < n ? rows[i + 2]!.next2 : boundary.next2, zero);
        for (let c = 0; c < K; c++) {
          scores[c]! += history[c]! + self[c]! + (p1[c]! + p2[c]!) + (n1[c]! + n2[c]!);
        }
        t = argmax(scores, K);
      }
      out[i] = t;
      t2 = t1;
      t1 = t;
    }
    return out;
  }

  /** UPOS tags of a tokenised sentence. */
  tag(forms: readonly string[]): string[] {
    return Array.from(this.tagIds(encodeSentence(forms)), (t) => UPOS[this.tagset.upos[t]!]!);
  }

  private historyRow(t1: number, t2: number): Float64Array {
    const key = t1 * 256 + t2;
    let r = this.history.get(key);
    if (r === undefined) {
      r = this.denseOf([f1(100, 0), f1(104, t1), f1(105, t2), f2(106, t1, t2)]);
      this.history.set(key, r);
    }
    return r;
  }

  /** The `self` row of a sentence's first word (template 123 reads "first position"). */
  private firstRow(e: EncodedSentence, r: WordRows): Float64Array {
    r.first ??= this.denseOf([...this.selfKeys(e, 0), f2(123, 1, e.shape[0]!)]);
    return r.first;
  }

  private selfKeys(e: EncodedSentence, i: number): number[] {
    return [
      f1(101, e.lower[i]!),
      f1(102, e.suf3[i]!),
      f1(103, e.pre1[i]!),
      f1(114, e.shape[i]!),
      f1(115, e.suf2[i]!),
      f1(116, e.suf4[i]!),
      f1(117, e.form[i]!),
      f1(121, e.suf1[i]!),
      f1(124, e.pre3[i]!),
    ];
  }

  private wordRows(e: EncodedSentence, i: number): WordRows {
    const form = e.forms[i]!;
    let r = this.rows.get(form);
    if (r !== undefined) return r;
    const w = e.lower[i]!;
    const suf3 = e.suf3[i]!;
    r = {
      dict: this.tagDict.get(form) ?? -1,
      self: this.denseOf([...this.selfKeys(e, i), f2(123, 0, e.shape[i]!)]),
      first: null,
      prev1: this.rowOf([f1(108, w), f1(109, suf3)]),
      prev2: this.rowOf([f1(110, w)]),
      next1: this.rowOf([f1(111, w), f1(112, suf3)]),
      next2: this.rowOf([f1(113, w)]),
    };
    if (this.rows.size >= ROW_CACHE_LIMIT) this.rows.clear();
    this.rows.set(form, r);
    return r;
  }

  /** The summed weights of some features, one per class. */
  private denseOf(keys: number[]): Float64Array {
    return this.sum(keys).slice();
  }

  /** The summed weights of some features: dense when most classes have one, else sparse (less memory). */
  private rowOf(keys: number[]): Row {
    const dense = this.sum(keys);
    let len = 0;
    for (let c = 0; c < dense.length; c++) if (dense[c] !== 0) len++;
    if (len > dense.length * DENSE_SHARE) return dense.slice();
    const row = this.sparse(len);
    let j = 0;
    for (let c = 0; c < dense.length; c++) {
      if (dense[c] === 0) continue;
      row.cls[j] = c;
      row.val[j++] = dense[c]!;
    }
    return row;
  }

  /**
   * The summed weights of some features in a scratch row that the next call overwrites (no short-lived typed
   * arrays: their memory lives outside the JS heap and would pile up until a collection).
   */
  private sum(keys: number[]): Float64Array {
    const feats = this.rowFeats;
    for (let j = 0; j < keys.length; j++) feats[j] = keys[j]!;
    this.model.score(feats, keys.length, this.rowScores);
    return this.rowScores;
  }

  private sparse(len: number): SparseRow {
    return { cls: new Uint8Array(len), val: new Float64Array(len) };
  }
}

/** A dense row as it is; a sparse row is added to `out` here and `zero` stands for it in the dense sum. */
function dense(out: Float64Array, row: Row, zero: Float64Array): Float64Array {
  if (row instanceof Float64Array) return row;
  const { cls, val } = row;
  for (let j = 0; j < cls.length; j++) out[cls[j]!]! += val[j]!;
  return zero;
}

export function argmax(a: Float64Array, n: number): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (a[i]! > a[best]!) best = i;
  return best;
}

/** The tag dictionary: forms seen at least `minCount` times with one tag at least `ratio` of the time. */
export function buildTagDict(
  sentences: readonly ConlluSentence[],
  tagOf: (w: ConlluSentence['words'][number]) => number,
  minCount = 20,
  ratio = 0.995,
): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  for (const s of sentences) {
    for (const w of s.words) {
      let m = counts.get(w.form);
      if (!m) {
        m = new Map();
        counts.set(w.form, m);
      }
      const t = tagOf(w);
      m.set(t, (m.get(t) ?? 0) + 1);
    }
  }
  const dict = new Map<string, number>();
  for (const [form, m] of counts) {
    let total = 0;
    let best = -1;
    let bestN = 0;
    for (const [t, c] of m) {
      total += c;
      if (c > bestN) {
        bestN = c;
        best = t;
      }
    }
    if (total >= minCount && bestN / total >= ratio) dict.set(form, best);
  }
  return dict;
}

/** Trains the tagger for `iterations` epochs in a seeded order; returns the compacted model. */
export function trainTagger(
  sentences: readonly ConlluSentence[],
  options: {
    iterations: number;
    seed: number;
    tagset: TagSet;
    tagOf: (w: ConlluSentence['words'][number]) => number;
    tagDict: ReadonlyMap<string, number>;
    log?: (m: string) => void;
  },
): CompactModel {
  const K = options.tagset.names.length;
  const p = new AveragedPerceptron(K, 1 << 17);
  const rng = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  const encoded = sentences.map((s) => encodeSentence(s.words.map((w) => w.form)));
  const gold = sentences.map((s) => Uint8Array.from(s.words, options.tagOf));
  const feats = new Uint32Array(MAX_FEATS);
  const scores = new Float64Array(K);
  for (let it = 0; it < options.iterations; it++) {
    shuffle(order, rng);
    let right = 0;
    let total = 0;
    for (const si of order) {
      const e = encoded[si]!;
      const g = gold[si]!;
      let t1 = TAG_NONE;
      let t2 = TAG_NONE;
      for (let i = 0; i < e.n; i++) {
        let t = options.tagDict.get(e.forms[i]!);
        if (t === undefined) {
          const k = taggerFeatures(e, i, t1, t2, feats);
          p.score(feats, k, scores);
          t = argmax(scores, K);
          p.update(feats, k, g[i]!, t);
          p.tick();
        }
        if (t === g[i]) right++;
        total++;
        t2 = t1;
        t1 = t;
      }
    }
    options.log?.(`tagger iteration ${it + 1}: train accuracy ${((100 * right) / total).toFixed(2)}`);
  }
  return p.compact();
}

/** Fisher-Yates shuffle with the given generator. */
export function shuffle<T>(a: T[], rng: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}
