import { gunzipSync, gzipSync } from 'node:zlib';
import { NewsintelError } from '../../../core/errors.js';
import { allowedLists, compileViterbi, constraintMatrix, viterbi } from './decode.js';
import { documentFeatures } from './doc-features.js';
import {
  BOUNDARY_END,
  BOUNDARY_START,
  extractFeatures,
  type FeatureContext,
  leftPairFeatures,
  NEIGHBOUR_SLOTS,
  neighbourFeatures,
  positionFeatures,
  prepareSentence,
  rightPairFeatures,
  type SentenceScratch,
  sentenceScratch,
  shapeWindowFeatures,
  type TokenInfo,
  tokenInfo,
  wordFeatures,
} from './features.js';
import { Gazetteer, type GazetteerLists, tokenKey } from './gazetteer.js';
import type { TagScheme, TokenSpan } from './labels.js';
import { VectorCache } from './vector-cache.js';

/** What the tagger keeps per distinct word (see `NerModel.emissions`). */
interface WordEntry {
  info: TokenInfo;
  /** Integer scores of the word-only features. */
  vec: Int32Array;
  /** Integer scores the word gives its neighbours, by slot (`neighbourFeatures`). */
  nb: Int32Array;
  /** Id of the word while it stays in the cache (0 and 1 stand for the sentence start and end). */
  id: number;
  /** Id of its short shape (`SHAPE_IDS` or more: not cached). */
  sid: number;
}

/** Shape ids below this are packed three to a 30-bit key of the shape-window cache. */
const SHAPE_IDS = 1024;
/** Words the tagger remembers before starting over. */
const MAX_WORDS = 100_000;

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
  /** Word classes used as features (absent in models trained without them). */
  clusters?: WordClassTable;
  /** Weights of the document pass's features (`doc-features.ts`), absent in single-pass models. */
  docLayer?: DocLayer;
}

/**
 * The second, document-level pass: feature hashes and their weights (`keys.length × tags.length`, in the units
 * of the emission scores), added to the first pass's scores before decoding again.
 */
export interface DocLayer {
  keys: number[];
  weights: number[];
}

/**
 * Word classes as the model file keeps them: lower-cased words and, per granularity (coarse to fine), each
 * word's class. Built by `npm run train:clusters`, embedded by `npm run train:ner`.
 */
export interface WordClassTable {
  words: string[];
  sizes: number[];
  ids: number[][];
}

/** Word key (as the features hash a lower-cased word) → its classes, coarse to fine. */
export function classMap(table: WordClassTable): Map<number, readonly number[]> {
  const m = new Map<number, readonly number[]>();
  table.words.forEach((w, i) => {
    m.set(
      tokenKey(w),
      table.ids.map((ids) => ids[i]!),
    );
  });
  return m;
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
  readonly clusterTable: WordClassTable | null;
  /** The document pass's weights (null: the model tags sentence by sentence only). */
  readonly docLayer: DocLayer | null;
  /** `docLayer` as integer rows in the units of `acc` (weight / scale), by feature hash. */
  private readonly docRows = new Map<number, Int32Array>();
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
   * `spPack[spOff[r] .. spOff[r+1])`, each the weight shifted left 8 bits with the tag id in the low 8 (one
   * array read per weight).
   */
  private readonly spOff: Int32Array;
  private readonly spPack: Int32Array;
  private readonly scale: number;
  /** Per-tag prefix (B, I, L, U, O) and type of each tag id, for reading spans off a tag path. */
  private readonly tagPrefix: string[];
  private readonly tagType: string[];
  /** word → its hashes and the integer scores of its word-only features (cleared when it grows large). */
  private readonly words = new Map<string, WordEntry>();
  private nextWordId = 2;
  /**
   * Word pair (ids of token i and i+1, 0 / 1 at the sentence edges) → the scores of the right-pair features
   * of token i (first L) and of the left-pair features of token i+1 (next L). Cleared with `words`.
   */
  private readonly pairs: VectorCache;
  /** Short-shape window (five shape ids) → the scores of its shape features. */
  private readonly shapes: VectorCache;
  /** short-shape hash → shape id (never cleared: shapes are few). */
  private readonly shapeIds = new Map<number, number>();
  private readonly shapeStart: number;
  private readonly shapeEnd: number;
  /** Where `push` adds the weights of a feature: `sink` from offset `sinkAt`. */
  private sink: Int32Array = new Int32Array(0);
  private sinkAt = 0;
  private readonly push = (key: number): void => this.addKey(this.sink, this.sinkAt, key);
  private ids: Int32Array = new Int32Array(256);
  private sids: Int32Array = new Int32Array(256);
  private pairAt: Int32Array = new Int32Array(257);
  private shapeAt: Int32Array = new Int32Array(256);
  private readonly zeroRow: Int32Array;
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
    clusters?: WordClassTable | null;
    docLayer?: DocLayer | null;
  }) {
    this.lowerRatioWords = args.lowerRatioWords;
    this.clusterTable = args.clusters ?? null;
    this.keys = args.keys;
    const lowerRatio = new Map<number, number>();
    args.lowerRatioWords.forEach((words, bucket) => {
      for (const w of words) lowerRatio.set(tokenKey(w), bucket);
    });
    this.context = {
      gazetteer: new Gazetteer(args.gazetteerLists),
      stats: { lowerRatio, ...(args.clusters ? { clusters: classMap(args.clusters) } : {}) },
    };
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
    this.spPack = new Int32Array(nnz);
    let k = 0;
    for (let r = 0; r < args.keys.length; r++) {
      this.spOff[r] = k;
      for (let y = 0; y < this.L; y++) {
        const q = this.qw[r * this.L + y]!;
        if (q === 0) continue;
        this.spPack[k++] = (q << 8) | y;
      }
    }
    this.spOff[args.keys.length] = k;
    this.tagPrefix = args.tags.map((t) => (t === 'O' ? 'O' : t.slice(0, 1)));
    this.tagType = args.tags.map((t) => (t === 'O' ? '' : t.slice(2)));
    this.acc = new Int32Array(256 * this.L);
    this.zeroRow = new Int32Array(this.L);
    this.pairs = new VectorCache(2 * this.L, 1 << 16);
    this.shapes = new VectorCache(this.L, 1 << 14);
    this.shapeStart = this.shapeId(BOUNDARY_START);
    this.shapeEnd = this.shapeId(BOUNDARY_END);
    this.docLayer = args.docLayer ?? null;
    if (this.docLayer) {
      const { keys, weights } = this.docLayer;
      keys.forEach((k, r) => {
        const row = new Int32Array(this.L);
        for (let y = 0; y < this.L; y++) row[y] = Math.round(weights[r * this.L + y]! / this.scale);
        this.docRows.set(k >>> 0, row);
      });
    }
  }

  /** Transition scores and constraint masks, for training a document layer on this model's scores. */
  decodeTables(): { trans: Float32Array; mask: Float32Array; endMask: Float32Array } {
    return { trans: this.trans, mask: this.mask, endMask: this.endMask };
  }

  /** A sentence's integer emission sums (a copy: callers keep it across sentences). */
  private sentenceAcc(tokens: readonly string[]): Int32Array {
    const n = tokens.length;
    if (n >= this.shapes.maxRows) {
      return Int32Array.from(this.emissionsReference(tokens), (v) => Math.round(v / this.scale));
    }
    return this.integerEmissions(tokens).slice();
  }

  /**
   * Tags a document's sentences. Models with a document layer (`docLayer`) tag each sentence alone first, then
   * add the weights of the document features (`doc-features.ts`: how the other occurrences of each capitalised
   * word were read) and decode each sentence again; other models tag sentence by sentence (`tagSpans`).
   */
  tagDocument(sentences: readonly (readonly string[])[]): TokenSpan[][] {
    if (!this.docLayer || sentences.length < 2) return sentences.map((t) => this.tagSpans(t));
    this.decode ??= compileViterbi(this.trans, this.mask, this.endMask, this.L);
    const L = this.L;
    const accs: Int32Array[] = [];
    const paths: Int32Array[] = [];
    for (const toks of sentences) {
      const n = toks.length;
      const acc = n === 0 ? new Int32Array(0) : this.sentenceAcc(toks);
      accs.push(acc);
      if (this.path.length < n) this.path = new Int32Array(n * 2);
      paths.push(n === 0 ? new Int32Array(0) : this.decode(acc, this.scale, n, this.path).slice(0, n));
    }
    const df = documentFeatures(sentences, paths, this.tags);
    const out: TokenSpan[][] = [];
    for (let s = 0; s < sentences.length; s++) {
      const n = sentences[s]!.length;
      const { feats, offsets } = df[s]!;
      let changed = false;
      const acc = accs[s]!;
      for (let i = 0; i < n; i++) {
        for (let f = offsets[i]!; f < offsets[i + 1]!; f++) {
          const row = this.docRows.get(feats[f]!);
          if (!row) continue;
          changed = true;
          const base = i * L;
          for (let y = 0; y < L; y++) acc[base + y]! += row[y]!;
        }
      }
      out.push(this.spansOf(changed ? this.decode(acc, this.scale, n, this.path).subarray(0, n) : paths[s]!));
    }
    return out;
  }

  /**
   * What a document layer is trained on: each sentence's emission scores (floats) and first-pass tag ids.
   */
  firstPass(tokens: readonly string[]): { em: Float64Array; path: Int32Array } {
    const n = tokens.length;
    const acc = this.sentenceAcc(tokens);
    const em = Float64Array.from(acc, (v) => v * this.scale);
    const path = viterbi(em, n, this.L, this.trans, this.mask, this.endMask, new Int32Array(n));
    return { em, path };
  }

  /** Id of a short-shape hash (`SHAPE_IDS` when the table is full: such windows are not cached). */
  private shapeId(ss: number): number {
    let id = this.shapeIds.get(ss);
    if (id === undefined) {
      if (this.shapeIds.size >= SHAPE_IDS) return SHAPE_IDS;
      id = this.shapeIds.size;
      this.shapeIds.set(ss, id);
    }
    return id;
  }

  /** Adds the integer weights of feature `key` (if the model has it) to `into[at .. at + L)`. */
  private addKey(into: Int32Array, at: number, key: number): void {
    const k = key | 0;
    const slots = this.slots;
    const tmask = this.tmask;
    let h = k & tmask;
    for (;;) {
      const sk = slots[h * 2]!;
      if (sk === k) break;
      if (sk === 0) return;
      h = (h + 1) & tmask;
    }
    const r = slots[h * 2 + 1]!;
    const sp = this.spPack;
    for (let j = this.spOff[r]!, end = this.spOff[r + 1]!; j < end; j++) {
      const v = sp[j]!;
      into[at + (v & 0xff)]! += v >> 8;
    }
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
    if (this.path.length < n) this.path = new Int32Array(n * 2);
    this.decode ??= compileViterbi(this.trans, this.mask, this.endMask, this.L);
    if (n >= this.shapes.maxRows) {
      // (longer than the caches hold: the training path's scores, as integers again)
      const em = this.emissionsReference(tokens);
      const acc = Int32Array.from(em, (v) => Math.round(v / this.scale));
      return this.spansOf(this.decode(acc, this.scale, n, this.path).subarray(0, n));
    }
    const acc = this.integerEmissions(tokens);
    return this.spansOf(this.decode(acc, this.scale, n, this.path).subarray(0, n));
  }

  /** `viterbi` laid out for this model's transitions (built on first use), and its output buffer. */
  private decode: ((acc: Int32Array, scale: number, n: number, out: Int32Array) => Int32Array) | null = null;
  private path = new Int32Array(256);

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
   * Emission scores (n × L). Sums are exact integers over the Int16 weights, scaled at the end, so the order
   * of features and the caches below do not change a score. Caches: per distinct word, its word-only
   * features and what it gives its neighbours (`neighbourFeatures`); per word pair, everything fixed by the
   * two words (`rightPairFeatures` of the first plus the second's neighbour scores; `leftPairFeatures` of the
   * second plus the first's neighbour scores plus the second's word-only scores); per short-shape window, its
   * shape features. A token's row is then five cached rows added up, plus its `positionFeatures`.
   * The result is a buffer the next call overwrites (see `integerEmissions`).
   */
  private emissions(tokens: readonly string[]): Float64Array {
    const n = tokens.length;
    const L = this.L;
    // Longer than a cache holds (never in prose): the training path gives the same scores.
    if (n >= this.shapes.maxRows) return this.emissionsReference(tokens);
    const acc = this.integerEmissions(tokens);
    if (this.emBuf.length < n * L) this.emBuf = new Float64Array(n * L * 2);
    const em = this.emBuf.subarray(0, n * L);
    const scale = this.scale;
    for (let k = 0; k < n * L; k++) em[k] = acc[k]! * scale;
    return em;
  }

  /**
   * The integer sums behind `emissions` (`em = acc × scale`), for fewer than `shapes.maxRows` tokens: a
   * buffer the next call overwrites.
   */
  private integerEmissions(tokens: readonly string[]): Int32Array {
    const n = tokens.length;
    const L = this.L;
    if (this.scratch.l.length < n) {
      this.scratch = sentenceScratch(n * 2);
      this.acc = new Int32Array(n * 2 * L);
      this.ids = new Int32Array(n * 2 + 1);
      this.sids = new Int32Array(n * 2 + 1);
    }
    const sc = this.scratch;
    const acc = this.acc;
    const ids = this.ids;
    const sids = this.sids;
    const push = this.push;
    const neighbourScores = (info: TokenInfo | null): Int32Array => {
      const nb = new Int32Array(NEIGHBOUR_SLOTS * L);
      this.sink = nb;
      for (let slot = 0; slot < NEIGHBOUR_SLOTS; slot++) {
        this.sinkAt = slot * L;
        neighbourFeatures(info, slot, push, this.context.stats.clusters !== undefined);
      }
      return nb;
    };
    this.boundary ??= neighbourScores(null);
    const bd = this.boundary;
    const entries: WordEntry[] = new Array(n);
    const infos: TokenInfo[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const w = tokens[i]!;
      let hit = this.words.get(w);
      if (!hit) {
        if (this.words.size >= MAX_WORDS) {
          this.words.clear();
          this.pairs.clear();
          this.nextWordId = 2;
        }
        const info = tokenInfo(w, this.context);
        const vec = new Int32Array(L);
        this.sink = vec;
        this.sinkAt = 0;
        wordFeatures(w, info, this.context, push);
        const nb = neighbourScores(info);
        hit = { info, vec, nb, id: this.nextWordId++, sid: this.shapeId(info.ss) };
        this.words.set(w, hit);
      }
      entries[i] = hit;
      infos[i] = hit.info;
      ids[i] = hit.id;
      sids[i] = hit.sid;
    }
    const upper = prepareSentence(infos, this.context, sc);
    // Word pairs: pair j joins token j-1 (or the start, id 0) and token j (or the end, id 1). Offsets into
    // the pool stay valid for the sentence: room is made first.
    const pairs = this.pairs;
    pairs.reserve(n + 1);
    if (this.pairAt.length <= n) this.pairAt = new Int32Array(n * 2 + 1);
    const pairAt = this.pairAt;
    for (let j = 0; j <= n; j++) {
      const a = j > 0 ? ids[j - 1]! : 0;
      const b = j < n ? ids[j]! : 1;
      let at = pairs.find(a, b);
      if (at < 0) {
        at = pairs.add(a, b);
        const pool = pairs.pool;
        this.sink = pool;
        if (j > 0) {
          const left = entries[j - 1]!;
          const nb = j < n ? entries[j]!.nb : bd;
          for (let y = 0; y < L; y++) pool[at + y] = nb[2 * L + y]!;
          this.sinkAt = at;
          rightPairFeatures(left.info.l, left.info.ss, j < n ? infos[j]!.l : BOUNDARY_END, push);
        }
        if (j < n) {
          const right = entries[j]!;
          const nb = j > 0 ? entries[j - 1]!.nb : bd;
          for (let y = 0; y < L; y++) pool[at + L + y] = right.vec[y]! + nb[y]!;
          this.sinkAt = at + L;
          const info = right.info;
          leftPairFeatures(j > 0 ? infos[j - 1]!.l : BOUNDARY_START, info.l, info.ss, info.lrb, push);
        }
      }
      pairAt[j] = at;
    }
    // Shape windows (a window with an uncached shape is added token by token below).
    const shapes = this.shapes;
    shapes.reserve(n);
    if (this.shapeAt.length < n) this.shapeAt = new Int32Array(n * 2);
    const shapeAt = this.shapeAt;
    const ssH = sc.ss;
    const S = SHAPE_IDS;
    for (let i = 0; i < n; i++) {
      const s0 = i > 1 ? sids[i - 2]! : this.shapeStart;
      const s1 = i > 0 ? sids[i - 1]! : this.shapeStart;
      const s2 = sids[i]!;
      const s3 = i + 1 < n ? sids[i + 1]! : this.shapeEnd;
      const s4 = i + 2 < n ? sids[i + 2]! : this.shapeEnd;
      if (s0 < S && s1 < S && s2 < S && s3 < S && s4 < S) {
        const ka = s0 | (s1 << 10) | (s2 << 20);
        const kb = s3 | (s4 << 10);
        let at = shapes.find(ka, kb);
        if (at < 0) {
          at = shapes.add(ka, kb);
          this.sink = shapes.pool;
          this.sinkAt = at;
          this.shapeWindow(ssH, i, n);
        }
        shapeAt[i] = at;
      } else shapeAt[i] = -1;
    }
    const pp = pairs.pool;
    const sp = shapes.pool;
    const zero = this.zeroRow;
    this.sink = acc;
    for (let i = 0; i < n; i++) {
      const base = i * L;
      const l = pairAt[i]! + L;
      const r = pairAt[i + 1]!;
      // slot 1 of the token two before, slot 3 of the token two after
      const p2 = i > 1 ? entries[i - 2]!.nb : bd;
      const n2 = i + 2 < n ? entries[i + 2]!.nb : bd;
      const sa = shapeAt[i]!;
      const srow = sa >= 0 ? sp : zero;
      const so = Math.max(sa, 0);
      for (let y = 0; y < L; y++) {
        acc[base + y] = pp[l + y]! + pp[r + y]! + srow[so + y]! + p2[L + y]! + n2[3 * L + y]!;
      }
      this.sinkAt = base;
      if (sa < 0) this.shapeWindow(ssH, i, n);
      positionFeatures(i, n, infos, sc, upper, push);
    }
    return acc.subarray(0, n * L);
  }

  /** The emission scores `emissions` returns: overwritten by the next call. */
  private emBuf = new Float64Array(256 * 17);

  /** Adds the shape-window features of token `i` to the sink. */
  private shapeWindow(ssH: Uint32Array, i: number, n: number): void {
    shapeWindowFeatures(
      i > 1 ? ssH[i - 2]! : BOUNDARY_START,
      i > 0 ? ssH[i - 1]! : BOUNDARY_START,
      ssH[i]!,
      i + 1 < n ? ssH[i + 1]! : BOUNDARY_END,
      i + 2 < n ? ssH[i + 2]! : BOUNDARY_END,
      this.push,
    );
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
    return this.emissions(tokens).slice();
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
      ...(this.clusterTable ? { clusters: this.clusterTable } : {}),
      ...(this.docLayer ? { docLayer: this.docLayer } : {}),
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
      clusters: file.clusters ?? null,
      docLayer: file.docLayer ?? null,
    });
  }
}
