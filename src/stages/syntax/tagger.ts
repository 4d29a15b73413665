import type { ClassIds, WordClasses } from './classes.js';
import type { ConlluSentence } from './conllu.js';
import { END, type EncodedSentence, encodeSentence, START, type TagSet, UPOS } from './encode.js';
import { f1, f2, f3, seededRandom } from './hash.js';
import { AveragedPerceptron, type CompactModel, type Scorer } from './perceptron.js';

/** Most features a tagger position produces. */
const MAX_FEATS = 40;
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
  cls?: ClassIds,
): number {
  const k = wordFeatures(e, i, t1, out, historyFeatures(t1, t2, out));
  return cls ? classFeatures(cls, e, i, t1, out, k) : k;
}

/**
 * Word-class features (models trained with a class table): the word's class at three granularities, the classes
 * of its neighbours, and the fine class with its suffix and with the previous tag. A word the treebank never
 * had is tagged like the words of its class.
 */
function classFeatures(
  cls: ClassIds,
  e: EncodedSentence,
  i: number,
  t1: number,
  out: Uint32Array,
  from: number,
): number {
  const n = e.n;
  const { c0, c1, c2 } = cls;
  let k = from;
  out[k++] = f1(130, c2[i]!);
  out[k++] = f1(131, c1[i]!);
  out[k++] = f1(132, c0[i]!);
  out[k++] = f1(133, i > 0 ? c1[i - 1]! : 0xfffe);
  out[k++] = f1(134, i + 1 < n ? c1[i + 1]! : 0xffff);
  out[k++] = f1(135, i + 2 < n ? c0[i + 2]! : 0xffff);
  out[k++] = f2(136, c1[i]!, t1);
  out[k++] = f2(137, c2[i]!, e.suf3[i]!);
  return k;
}

/** The bias and the tag-history features (100, 104, 105, 106) at the start of `out`; returns how many (4). */
function historyFeatures(t1: number, t2: number, out: Uint32Array): number {
  out[0] = f1(100, 0);
  out[1] = f1(104, t1);
  out[2] = f1(105, t2);
  out[3] = f2(106, t1, t2);
  return 4;
}

/**
 * The features of a position but the bias and the tag-history ones (100, 104, 105, 106), written from `from`:
 * the inference path of {@link UposTagger.tagIds} sums those four once per pair of previous tags, and
 * {@link taggerFeatures} (training) puts them before these (a test checks that both paths give the same tags).
 */
function wordFeatures(e: EncodedSentence, i: number, t1: number, out: Uint32Array, from = 0): number {
  const n = e.n;
  const w = e.lower[i]!;
  const wm1 = i > 0 ? e.lower[i - 1]! : START;
  const wm2 = i > 1 ? e.lower[i - 2]! : START;
  const wp1 = i + 1 < n ? e.lower[i + 1]! : END;
  const wp2 = i + 2 < n ? e.lower[i + 2]! : END;
  let k = from;
  out[k++] = f1(101, w);
  out[k++] = f1(102, e.suf3[i]!);
  out[k++] = f1(103, e.pre1[i]!);
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
 * Greedy left-to-right averaged-perceptron tagger over a {@link TagSet} (UPOS, or UPOS paired with the
 * treebank's fine tag). Frequent unambiguous words (by the training data) are looked up in a tag dictionary
 * and skip the model.
 *
 * Speed: the bias and the three tag-history features have weights for nearly every class (about 280 of the
 * ~960 weight additions of a position), and depend only on the two previous tags, so their sum is kept once per
 * pair of tags (a dense row; about a thousand pairs occur) and added in one pass. The sums are exact (the
 * weights are 16-bit multiples of one scale, far from the 53 bits of a double), so the scores, and the tags, are
 * bit-identical to scoring all {@link taggerFeatures} at once. The model must not change once the tagger holds
 * it.
 */
export class UposTagger {
  readonly model: Scorer;
  readonly tagset: TagSet;
  /** Exact form → tag id, for words whose tag was constant in training. */
  readonly tagDict: ReadonlyMap<string, number>;
  private readonly feats = new Uint32Array(MAX_FEATS);
  private readonly scores: Float64Array;
  /** Bias and tag-history rows (100, 104, 105, 106) by `t1 * 256 + t2`. */
  private readonly history = new Map<number, Float64Array>();
  /** The word-class table whose features the model was trained with (none: no class features). */
  readonly classes: WordClasses | undefined;

  constructor(model: Scorer, tagset: TagSet, tagDict: ReadonlyMap<string, number>, classes?: WordClasses) {
    this.model = model;
    this.tagset = tagset;
    this.tagDict = tagDict;
    this.classes = classes;
    this.scores = new Float64Array(model.classes);
  }

  /** Tag ids (indices into the tag set) of an encoded sentence. */
  tagIds(e: EncodedSentence): Uint8Array {
    const out = new Uint8Array(e.n);
    const { feats, scores, model } = this;
    const K = model.classes;
    const cls = this.classes?.of(e);
    let t1 = TAG_NONE;
    let t2 = TAG_NONE;
    for (let i = 0; i < e.n; i++) {
      let t = this.tagDict.get(e.forms[i]!);
      if (t === undefined) {
        let k = wordFeatures(e, i, t1, feats);
        if (cls) k = classFeatures(cls, e, i, t1, feats, k);
        model.score(feats, k, scores);
        const history = this.historyRow(t1, t2);
        for (let c = 0; c < K; c++) scores[c]! += history[c]!;
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
      const keys = new Uint32Array(4);
      const n = historyFeatures(t1, t2, keys);
      r = new Float64Array(this.model.classes);
      this.model.score(keys, n, r);
      this.history.set(key, r);
    }
    return r;
  }
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
    /** Word classes to read as features (the tagger that runs this model must have the same table). */
    classes?: WordClasses;
    log?: (m: string) => void;
  },
): CompactModel {
  const K = options.tagset.names.length;
  const p = new AveragedPerceptron(K, 1 << 17);
  const rng = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  const encoded = sentences.map((s) => encodeSentence(s.words.map((w) => w.form)));
  const classIds = options.classes ? encoded.map((e) => options.classes!.of(e)) : null;
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
          const k = taggerFeatures(e, i, t1, t2, feats, classIds?.[si]);
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
