import { gunzipSync, gzipSync } from 'node:zlib';
import { NewsintelError } from '../../../core/errors.js';
import { allowedLists, constraintMatrix, viterbi } from './decode.js';
import {
  contextFeatures,
  extractFeatures,
  type FeatureContext,
  NEIGHBOUR_SLOTS,
  neighbourFeatures,
  prepareSentence,
  type SentenceScratch,
  sentenceScratch,
  type TokenInfo,
  tokenInfo,
  wordFeatures,
} from './features.js';
import { Gazetteer, type GazetteerLists, tokenKey } from './gazetteer.js';
import type { TagScheme, TokenSpan } from './labels.js';

/** What `tagSentence` returns: one tag per token (scheme tags) and the decoded entity spans (token indices). */
export interface TagResult {
  labels: string[];
  spans: TokenSpan[];
}

/** The serialised model (`models/ner/*.json.gz`). */
export interface ModelFile {
  format: 'newsintel-ner';
  version: 1;
  scheme: TagScheme;
  tags: string[];
  /** Free-form provenance: training data, epochs, scores. */
  meta: Record<string, unknown>;
  /** Base64 of little-endian Uint32 feature hashes, sorted ascending. */
  keys: string;
  /** Base64 of little-endian Int16 weights, `keys.length × tags.length`, multiplied by `scale`. */
  weights: string;
  scale: number;
  transitions: number[];
  gazetteer: GazetteerLists;
  /** lower-ratio bucket (index) → words. */
  lowerRatio: string[][];
}

/**
 * A trained averaged-perceptron sequence tagger. Feature weights live in one Float32Array addressed through an
 * open-addressing table of feature hashes, so scoring a token is a handful of integer probes and adds.
 */
export class NerModel {
  readonly scheme: TagScheme;
  readonly tags: readonly string[];
  readonly meta: Record<string, unknown>;
  readonly context: FeatureContext;
  readonly lowerRatioWords: string[][];
  private readonly keys: Uint32Array;
  private readonly L: number;
  /** Open-addressing table of `[key, row]` pairs (one cache line holds both). */
  private readonly slots: Int32Array;
  private readonly tmask: number;
  private readonly weights: Float32Array;
  /** The weights quantised to Int16 as in the model file; scores are integer sums times `scale`. */
  private readonly qw: Int16Array;
  /**
   * The same weights as sparse rows (four in five are zero): row r's non-zero weights are
   * `spVal[spOff[r] .. spOff[r+1])` for tags `spTag[…]`.
   */
  private readonly spOff: Int32Array;
  private readonly spTag: Uint8Array;
  private readonly spVal: Int16Array;
  private readonly scale: number;
  /** Per-tag prefix (B, I, L, U, O) and type of each tag id, for reading spans off a tag path. */
  private readonly tagPrefix: string[];
  private readonly tagType: string[];
  /** word → its hashes and the integer scores of its word-only features (cleared when it grows large). */
  private readonly words = new Map<string, { info: TokenInfo; vec: Int32Array; nb: Int32Array }>();
  /** Neighbour-slot scores of the sentence boundary (slots 0, 1 before the start; 2, 3 after the end). */
  private boundary: Int32Array | null = null;
  private scratch: SentenceScratch = sentenceScratch(256);
  private acc: Int32Array = new Int32Array(256 * 17);
  private readonly trans: Float32Array;
  private readonly mask: Float32Array;
  private readonly endMask: Float32Array;

  constructor(args: {
    scheme: TagScheme;
    tags: readonly string[];
    keys: Uint32Array;
    weights: Float32Array;
    transitions: Float32Array;
    /** Words per lower-ratio bucket, kept so that the model can be written back out. */
    lowerRatioWords: string[][];
    gazetteerLists: GazetteerLists;
    meta?: Record<string, unknown>;
  }) {
    this.lowerRatioWords = args.lowerRatioWords;
    this.keys = args.keys;
    const lowerRatio = new Map<number, number>();
    args.lowerRatioWords.forEach((words, bucket) => {
      for (const w of words) lowerRatio.set(tokenKey(w), bucket);
    });
    this.context = { gazetteer: new Gazetteer(args.gazetteerLists), stats: { lowerRatio } };
    this.scheme = args.scheme;
    this.tags = args.tags;
    this.L = args.tags.length;
    this.meta = args.meta ?? {};
    this.weights = args.weights;
    this.trans = args.transitions;
    const { trans, end } = constraintMatrix(args.tags, args.scheme);
    this.mask = trans;
    this.endMask = end;
    let size = 1024;
    while (size < args.keys.length * 2) size <<= 1;
    this.slots = new Int32Array(size * 2);
    this.tmask = size - 1;
    for (let r = 0; r < args.keys.length; r++) {
      const k = args.keys[r]! | 0;
      let h = k & this.tmask;
      while (this.slots[h * 2] !== 0) h = (h + 1) & this.tmask;
      this.slots[h * 2] = k;
      this.slots[h * 2 + 1] = r;
    }
    let maxAbs = 0;
    for (const w of args.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
    this.scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    this.qw = new Int16Array(args.weights.length);
    for (let i = 0; i < this.qw.length; i++) this.qw[i] = Math.round(args.weights[i]! / this.scale);
    let nnz = 0;
    for (const q of this.qw) if (q !== 0) nnz++;
    this.spOff = new Int32Array(args.keys.length + 1);
    this.spTag = new Uint8Array(nnz);
    this.spVal = new Int16Array(nnz);
    let k = 0;
    for (let r = 0; r < args.keys.length; r++) {
      this.spOff[r] = k;
      for (let y = 0; y < this.L; y++) {
        const q = this.qw[r * this.L + y]!;
        if (q === 0) continue;
        this.spTag[k] = y;
        this.spVal[k++] = q;
      }
    }
    this.spOff[args.keys.length] = k;
    this.tagPrefix = args.tags.map((t) => (t === 'O' ? 'O' : t.slice(0, 1)));
    this.tagType = args.tags.map((t) => (t === 'O' ? '' : t.slice(2)));
    this.acc = new Int32Array(256 * this.L);
  }

  /** Row of a feature hash, or -1 when the model has no weight for it. */
  row(key: number): number {
    const k = key | 0;
    const slots = this.slots;
    let h = k & this.tmask;
    for (;;) {
      const sk = slots[h * 2]!;
      if (sk === k) return slots[h * 2 + 1]!;
      if (sk === 0) return -1;
      h = (h + 1) & this.tmask;
    }
  }

  /**
   * Tags one tokenised sentence (tokens as the sentences stage makes them: hyphenated words and `U.S.` whole,
   * `'s` split off). Each span carries a confidence `score` (the smallest posterior of its tokens). Empty
   * input gives empty output.
   */
  tagSentence(tokens: readonly string[]): TagResult {
    const n = tokens.length;
    if (n === 0) return { labels: [], spans: [] };
    const em = this.emissions(tokens);
    const path = viterbi(em, n, this.L, this.trans, this.mask, this.endMask, new Int32Array(n));
    const labels = Array.from(path, (y) => this.tags[y]!);
    const spans = this.spansOf(path);
    if (spans.length > 0) {
      const marg = this.marginals(em, n, path);
      for (const s of spans) {
        let m = 1;
        for (let i = s.start; i < s.end; i++) m = Math.min(m, marg[i]!);
        s.score = Math.round(m * 1000) / 1000;
      }
    }
    return { labels, spans };
  }

  /**
   * The spans of `tagSentence` without their scores (no forward-backward pass): what the entities stage
   * needs, at about two thirds of the cost.
   */
  tagSpans(tokens: readonly string[]): TokenSpan[] {
    const n = tokens.length;
    if (n === 0) return [];
    const em = this.emissions(tokens);
    return this.spansOf(viterbi(em, n, this.L, this.trans, this.mask, this.endMask, new Int32Array(n)));
  }

  /** Spans read off a well-formed BILOU/BIO tag path (the decoder never yields a broken one). */
  private spansOf(path: ArrayLike<number>): TokenSpan[] {
    const spans: TokenSpan[] = [];
    let cur: TokenSpan | null = null;
    for (let i = 0; i < path.length; i++) {
      const y = path[i]!;
      const p = this.tagPrefix[y]!;
      if (p === 'O') {
        if (cur) spans.push(cur);
        cur = null;
        continue;
      }
      const type = this.tagType[y]!;
      if (cur && cur.type === type && (p === 'I' || p === 'L')) cur.end = i + 1;
      else {
        if (cur) spans.push(cur);
        cur = { start: i, end: i + 1, type };
      }
      if (p === 'L' || p === 'U') {
        spans.push(cur);
        cur = null;
      }
    }
    if (cur) spans.push(cur);
    return spans;
  }

  /**
   * Posterior probability of each decoded tag (forward-backward over the same scores Viterbi uses, read as
   * log-potentials). A span's score is the smallest posterior among its tokens.
   */
  private marginals(em: Float64Array, n: number, path: ArrayLike<number>): Float64Array {
    const L = this.L;
    const temp = this.temperature;
    const expT = this.expTrans();
    const e = new Float64Array(n * L);
    for (let i = 0; i < n; i++) {
      let mx = -Infinity;
      for (let y = 0; y < L; y++) mx = Math.max(mx, em[i * L + y]!);
      for (let y = 0; y < L; y++) e[i * L + y] = Math.exp((em[i * L + y]! - mx) / temp);
    }
    const a = new Float64Array(n * L);
    const b = new Float64Array(n * L);
    const { preds, predOff, succs, succOff } = allowedLists(this.mask, L);
    const start = L * L;
    let z = 0;
    for (let y = 0; y < L; y++) z += a[y] = e[y]! * expT[start + y]!;
    for (let y = 0; y < L; y++) a[y]! /= z || 1;
    for (let i = 1; i < n; i++) {
      z = 0;
      const prev = (i - 1) * L;
      for (let y = 0; y < L; y++) {
        let s = 0;
        for (let k = predOff[y]!, end = predOff[y + 1]!; k < end; k++) {
          const p = preds[k]!;
          s += a[prev + p]! * expT[p * L + y]!;
        }
        z += a[i * L + y] = s * e[i * L + y]!;
      }
      for (let y = 0; y < L; y++) a[i * L + y]! /= z || 1;
    }
    for (let y = 0; y < L; y++) b[(n - 1) * L + y] = this.endMask[y]! < 0 ? 0 : 1;
    for (let i = n - 2; i >= 0; i--) {
      z = 0;
      const next = (i + 1) * L;
      for (let p = 0; p < L; p++) {
        let s = 0;
        for (let k = succOff[p]!, end = succOff[p + 1]!; k < end; k++) {
          const y = succs[k]!;
          s += expT[p * L + y]! * e[next + y]! * b[next + y]!;
        }
        z += b[i * L + p] = s;
      }
      for (let p = 0; p < L; p++) b[i * L + p]! /= z || 1;
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let tot = 0;
      for (let y = 0; y < L; y++) tot += a[i * L + y]! * b[i * L + y]!;
      out[i] = tot > 0 ? (a[i * L + path[i]!]! * b[i * L + path[i]!]!) / tot : 0;
    }
    return out;
  }

  private expT: Float64Array | null = null;

  /**
   * Softmax temperature for span scores: perceptron scores have no probabilistic scale, so training fits one
   * on the dev set (`meta.temperature`) to make the posteriors roughly calibrated.
   */
  get temperature(): number {
    const t = this.meta.temperature;
    return typeof t === 'number' && t > 0 ? t : 1;
  }

  /** Sets the temperature (used by training when fitting it). */
  setTemperature(t: number): void {
    (this.meta as Record<string, unknown>).temperature = t;
    this.expT = null;
  }

  /** Posterior probability of the given tag sequence's tags, token by token (for calibration). */
  tagPosteriors(tokens: readonly string[], tagIds: ArrayLike<number>): Float64Array {
    const em = this.emissions(tokens);
    return this.marginals(em, tokens.length, tagIds);
  }

  /**
   * Emission scores (n × L). Word-only features are summed once per distinct word and cached; the context
   * features are hashed per token. Sums are exact integers over the Int16 weights, scaled at the end, so the
   * order of features does not matter.
   */
  private emissions(tokens: readonly string[]): Float64Array {
    const n = tokens.length;
    const L = this.L;
    if (this.scratch.l.length < n) {
      this.scratch = sentenceScratch(n * 2);
      this.acc = new Int32Array(n * 2 * L);
    }
    const sc = this.scratch;
    const acc = this.acc;
    const { spOff, spTag, spVal } = this;
    const addRow = (into: Int32Array, at: number, key: number) => {
      const r = this.row(key);
      if (r < 0) return;
      for (let k = spOff[r]!, end = spOff[r + 1]!; k < end; k++) into[at + spTag[k]!]! += spVal[k]!;
    };
    const neighbourScores = (info: TokenInfo | null): Int32Array => {
      const nb = new Int32Array(NEIGHBOUR_SLOTS * L);
      for (let slot = 0; slot < NEIGHBOUR_SLOTS; slot++) {
        neighbourFeatures(info, slot, (key) => addRow(nb, slot * L, key));
      }
      return nb;
    };
    this.boundary ??= neighbourScores(null);
    const infos: TokenInfo[] = new Array(n);
    const nbs: Int32Array[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const w = tokens[i]!;
      let hit = this.words.get(w);
      if (!hit) {
        if (this.words.size >= 100_000) this.words.clear();
        const info = tokenInfo(w, this.context);
        const vec = new Int32Array(L);
        wordFeatures(w, info, this.context, (key) => addRow(vec, 0, key));
        hit = { info, vec, nb: neighbourScores(info) };
        this.words.set(w, hit);
      }
      infos[i] = hit.info;
      nbs[i] = hit.nb;
      acc.set(hit.vec, i * L);
    }
    const upper = prepareSentence(infos, this.context, sc);
    const bd = this.boundary;
    let base = 0;
    const add = (key: number) => addRow(acc, base, key);
    for (let i = 0; i < n; i++) {
      base = i * L;
      // the neighbours' own contributions: slot 0 from i-1, 1 from i-2, 2 from i+1, 3 from i+2
      const p1 = i > 0 ? nbs[i - 1]! : bd;
      const p2 = i > 1 ? nbs[i - 2]! : bd;
      const n1 = i + 1 < n ? nbs[i + 1]! : bd;
      const n2 = i + 2 < n ? nbs[i + 2]! : bd;
      for (let y = 0; y < L; y++) {
        acc[base + y]! += p1[y]! + p2[L + y]! + n1[2 * L + y]! + n2[3 * L + y]!;
      }
      contextFeatures(i, n, infos, sc, upper, add, false);
    }
    const em = new Float64Array(n * L);
    const scale = this.scale;
    for (let k = 0; k < n * L; k++) em[k] = acc[k]! * scale;
    return em;
  }

  /** Emission scores through `extractFeatures` (the training path), for checking the fast path. */
  emissionsReference(tokens: readonly string[]): Float64Array {
    const n = tokens.length;
    const L = this.L;
    const { feats, offsets } = extractFeatures(tokens, this.context);
    const em = new Float64Array(n * L);
    for (let i = 0; i < n; i++) {
      const sum = new Int32Array(L);
      for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
        const r = this.row(feats[f]!);
        if (r < 0) continue;
        for (let y = 0; y < L; y++) sum[y]! += this.qw[r * L + y]!;
      }
      for (let y = 0; y < L; y++) em[i * L + y] = sum[y]! * this.scale;
    }
    return em;
  }

  /** Emission scores of the fast path (public for the equivalence test). */
  emissionsFast(tokens: readonly string[]): Float64Array {
    return this.emissions(tokens);
  }

  private expTrans(): Float64Array {
    if (!this.expT) {
      const t = new Float64Array(this.trans.length);
      for (let i = 0; i < t.length; i++)
        t[i] = this.mask[i]! < 0 ? 0 : Math.exp(this.trans[i]! / this.temperature);
      this.expT = t;
    }
    return this.expT;
  }

  /** Serialises to the gzipped JSON model file; weights are quantised to Int16. */
  toFile(): Buffer {
    const keys = this.keys;
    let maxAbs = 0;
    for (const w of this.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    const q = new Int16Array(this.weights.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.round(this.weights[i]! / scale);
    const file: ModelFile = {
      format: 'newsintel-ner',
      version: 1,
      scheme: this.scheme,
      tags: [...this.tags],
      meta: this.meta,
      keys: Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength).toString('base64'),
      weights: Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString('base64'),
      scale,
      transitions: Array.from(this.trans, (v) => Math.round(v * 1000) / 1000),
      gazetteer: this.context.gazetteer.lists,
      lowerRatio: this.lowerRatioWords,
    };
    return gzipSync(JSON.stringify(file), { level: 9 });
  }

  /** Reads a model file written by `toFile`. Throws E_INPUT_FORMAT on anything else. */
  static fromFile(buf: Buffer): NerModel {
    let file: ModelFile;
    try {
      file = JSON.parse(gunzipSync(buf).toString('utf8')) as ModelFile;
    } catch (e) {
      throw new NewsintelError('E_INPUT_FORMAT', 'ner model: not a gzipped JSON model file', { cause: e });
    }
    if (file.format !== 'newsintel-ner' || file.version !== 1) {
      throw new NewsintelError(
        'E_INPUT_FORMAT',
        `ner model: unsupported format ${file.format}/${file.version}`,
      );
    }
    const kb = Buffer.from(file.keys, 'base64');
    const keys = new Uint32Array(kb.byteLength / 4);
    for (let i = 0; i < keys.length; i++) keys[i] = kb.readUInt32LE(i * 4);
    const wb = Buffer.from(file.weights, 'base64');
    const weights = new Float32Array(wb.byteLength / 2);
    for (let i = 0; i < weights.length; i++) weights[i] = wb.readInt16LE(i * 2) * file.scale;
    if (weights.length !== keys.length * file.tags.length) {
      throw new NewsintelError('E_INPUT_FORMAT', 'ner model: weight matrix does not match keys × tags');
    }
    return new NerModel({
      scheme: file.scheme,
      tags: file.tags,
      keys,
      weights,
      transitions: Float32Array.from(file.transitions),
      lowerRatioWords: file.lowerRatio,
      gazetteerLists: file.gazetteer,
      meta: file.meta,
    });
  }
}
