import { gunzipSync, gzipSync } from 'node:zlib';
import { NewsintelError } from '../../../core/errors.js';
import { constraintMatrix, viterbi } from './decode.js';
import { extractFeatures, type FeatureContext } from './features.js';
import { Gazetteer, type GazetteerLists, tokenKey } from './gazetteer.js';
import { spansFromIob, type TagScheme, type TokenSpan } from './labels.js';

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
  private readonly table: Uint32Array;
  private readonly rows: Int32Array;
  private readonly tmask: number;
  private readonly weights: Float32Array;
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
    this.table = new Uint32Array(size);
    this.rows = new Int32Array(size);
    this.tmask = size - 1;
    for (let r = 0; r < args.keys.length; r++) {
      const k = args.keys[r]!;
      let h = k & this.tmask;
      while (this.table[h] !== 0) h = (h + 1) & this.tmask;
      this.table[h] = k;
      this.rows[h] = r;
    }
  }

  /** Row of a feature hash, or -1 when the model has no weight for it. */
  row(key: number): number {
    let h = key & this.tmask;
    for (;;) {
      const k = this.table[h]!;
      if (k === key) return this.rows[h]!;
      if (k === 0) return -1;
      h = (h + 1) & this.tmask;
    }
  }

  /**
   * Tags one tokenised sentence (tokens as the sentences stage makes them: hyphenated words and `U.S.` whole,
   * `'s` split off). Empty input gives empty output.
   */
  tagSentence(tokens: readonly string[]): TagResult {
    const n = tokens.length;
    if (n === 0) return { labels: [], spans: [] };
    const L = this.L;
    const em = this.emissions(tokens);
    const path = viterbi(em, n, L, this.trans, this.mask, this.endMask, new Int32Array(n));
    const labels = Array.from(path, (y) => this.tags[y]!);
    const spans = spansFromIob(labels);
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
   * Posterior probability of each decoded tag (forward-backward over the same scores Viterbi uses, read as
   * log-potentials). A span's score is the smallest posterior among its tokens.
   */
  private marginals(em: Float32Array, n: number, path: ArrayLike<number>): Float64Array {
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
    const start = L * L;
    let z = 0;
    for (let y = 0; y < L; y++) z += a[y] = e[y]! * expT[start + y]!;
    for (let y = 0; y < L; y++) a[y]! /= z || 1;
    for (let i = 1; i < n; i++) {
      z = 0;
      for (let y = 0; y < L; y++) {
        let s = 0;
        for (let p = 0; p < L; p++) s += a[(i - 1) * L + p]! * expT[p * L + y]!;
        z += a[i * L + y] = s * e[i * L + y]!;
      }
      for (let y = 0; y < L; y++) a[i * L + y]! /= z || 1;
    }
    for (let y = 0; y < L; y++) b[(n - 1) * L + y] = this.endMask[y]! < 0 ? 0 : 1;
    for (let i = n - 2; i >= 0; i--) {
      z = 0;
      for (let p = 0; p < L; p++) {
        let s = 0;
        for (let y = 0; y < L; y++) s += expT[p * L + y]! * e[(i + 1) * L + y]! * b[(i + 1) * L + y]!;
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

  private emissions(tokens: readonly string[]): Float32Array {
    const n = tokens.length;
    const L = this.L;
    const { feats, offsets } = extractFeatures(tokens, this.context);
    const em = new Float32Array(n * L);
    const W = this.weights;
    for (let i = 0; i < n; i++) {
      const base = i * L;
      for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
        const r = this.row(feats[f]!);
        if (r < 0) continue;
        const wb = r * L;
        for (let y = 0; y < L; y++) em[base + y]! += W[wb + y]!;
      }
    }
    return em;
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
