import type { ConllSentence } from './conll-data.js';
import { constraintMatrix, viterbi } from './decode.js';
import { extractFeatures, type FeatureContext, lowerRatioBucket } from './features.js';
import { Gazetteer, type GazetteerLists, tokenKey } from './gazetteer.js';
import { seededRandom } from './hash.js';
import { schemeTags, spansFromIob, type TagScheme, tagsFromSpans } from './labels.js';
import { classMap, NerModel, type WordClassTable } from './model.js';

/**
 * Averaged structured perceptron (Collins 2002) over first-order Viterbi. Training is deterministic: the only
 * randomness is the sentence order, drawn from a seeded PRNG.
 */
export interface TrainOptions {
  scheme: TagScheme;
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in training are dropped. */
  minCount: number;
  /** After averaging, feature rows whose largest absolute weight is below this are dropped. */
  prune: number;
  /** Called after each epoch with the averaged model (for dev scoring); return value is ignored. */
  onEpoch?: (epoch: number, model: NerModel, errors: number) => void;
  log?: (msg: string) => void;
}

export const DEFAULT_TRAIN_OPTIONS: Readonly<TrainOptions> = Object.freeze({
  scheme: 'BILOU',
  epochs: 16,
  seed: 20240601,
  minCount: 1,
  prune: 0.05,
});

/**
 * Word statistics from unlabeled use of the training text: how often each word is written in lower case, with
 * capitalised occurrences counted only away from sentence starts and outside all-caps headlines.
 */
export function computeLowerRatioWords(sentences: readonly { tokens: readonly string[] }[]): string[][] {
  const lower = new Map<string, number>();
  const total = new Map<string, number>();
  for (const s of sentences) {
    const allCaps = s.tokens.every((t) => t === t.toUpperCase());
    if (allCaps) continue;
    s.tokens.forEach((t, i) => {
      if (!/^\p{L}/u.test(t)) return;
      const lw = t.toLowerCase();
      if (t === lw) {
        lower.set(lw, (lower.get(lw) ?? 0) + 1);
        total.set(lw, (total.get(lw) ?? 0) + 1);
      } else if (i > 0) {
        total.set(lw, (total.get(lw) ?? 0) + 1);
      }
    });
  }
  const buckets: string[][] = [[], [], [], [], [], []];
  for (const [w, t] of [...total.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const b = lowerRatioBucket(lower.get(w) ?? 0, t);
    if (b > 0) buckets[b]!.push(w);
  }
  return buckets;
}

export function trainTagger(
  train: readonly ConllSentence[],
  gazetteerLists: GazetteerLists,
  opts: TrainOptions,
  meta: Record<string, unknown> = {},
  clusters: WordClassTable | null = null,
): NerModel {
  const log = opts.log ?? (() => {});
  const tags = schemeTags(opts.scheme);
  const L = tags.length;
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const lowerRatioWords = computeLowerRatioWords(train);
  const lowerRatio = new Map<number, number>();
  lowerRatioWords.forEach((ws, b) => {
    for (const w of ws) lowerRatio.set(tokenKey(w), b);
  });
  const ctx: FeatureContext = {
    gazetteer: new Gazetteer(gazetteerLists),
    stats: { lowerRatio, ...(clusters ? { clusters: classMap(clusters) } : {}) },
  };

  // 1. features and gold tags
  const t0 = Date.now();
  const feats: Uint32Array[] = [];
  const offs: Int32Array[] = [];
  const gold: Int32Array[] = [];
  const counts = new Map<number, number>();
  for (const s of train) {
    const f = extractFeatures(s.tokens, ctx);
    feats.push(f.feats);
    offs.push(f.offsets);
    const g = tagsFromSpans(spansFromIob(s.labels), s.tokens.length, opts.scheme);
    gold.push(Int32Array.from(g, (t) => tagIndex.get(t) ?? 0));
    for (const k of f.feats) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const index = new Map<number, number>();
  const sortedKeys = [...counts.entries()]
    .filter(([, c]) => c >= opts.minCount)
    .map(([k]) => k)
    .sort((a, b) => a - b);
  for (let i = 0; i < sortedKeys.length; i++) index.set(sortedKeys[i]!, i);
  const rowsOf: Int32Array[] = feats.map((f) => {
    const r = new Int32Array(f.length);
    for (let i = 0; i < f.length; i++) r[i] = index.get(f[i]!) ?? -1;
    return r;
  });
  const F = sortedKeys.length;
  log(`features: ${F} (of ${counts.size}) from ${train.length} sentences in ${Date.now() - t0} ms`);

  // 2. perceptron
  const W = new Float32Array(F * L);
  const U = new Float64Array(F * L);
  const TR = new Float64Array((L + 1) * L);
  const TU = new Float64Array((L + 1) * L);
  const { trans: mask, end: endMask } = constraintMatrix(tags, opts.scheme);
  const rand = seededRandom(opts.seed);
  const order = Array.from(train, (_, i) => i);
  let c = 1;
  let maxN = 0;
  for (const g of gold) maxN = Math.max(maxN, g.length);
  const em = new Float64Array(maxN * L);
  const pred = new Int32Array(maxN);

  const averaged = (): NerModel => {
    const w = new Float32Array(F * L);
    for (let i = 0; i < w.length; i++) w[i] = W[i]! - U[i]! / c;
    const tr = new Float32Array(TR.length);
    for (let i = 0; i < tr.length; i++) tr[i] = TR[i]! - TU[i]! / c;
    // prune rows whose weights are all small
    const keep: number[] = [];
    for (let r = 0; r < F; r++) {
      let m = 0;
      for (let y = 0; y < L; y++) m = Math.max(m, Math.abs(w[r * L + y]!));
      if (m >= opts.prune) keep.push(r);
    }
    const keys = new Uint32Array(keep.length);
    const pw = new Float32Array(keep.length * L);
    keep.forEach((r, i) => {
      keys[i] = sortedKeys[r]!;
      pw.set(w.subarray(r * L, r * L + L), i * L);
    });
    return new NerModel({
      scheme: opts.scheme,
      tags,
      keys,
      weights: pw,
      transitions: tr,
      lowerRatioWords,
      gazetteerLists,
      clusters,
      meta: { ...meta, features: keep.length, epochs: opts.epochs, seed: opts.seed },
    });
  };

  let model: NerModel | null = null;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const te = Date.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    let errors = 0;
    for (const si of order) {
      const g = gold[si]!;
      const rows = rowsOf[si]!;
      const off = offs[si]!;
      const n = g.length;
      em.fill(0, 0, n * L);
      for (let i = 0; i < n; i++) {
        const base = i * L;
        for (let f = off[i]!; f < off[i + 1]!; f++) {
          const r = rows[f]!;
          if (r < 0) continue;
          const wb = r * L;
          for (let y = 0; y < L; y++) em[base + y]! += W[wb + y]!;
        }
      }
      viterbi(em, n, L, TR, mask, endMask, pred);
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const gy = g[i]!;
        const py = pred[i]!;
        const gp = i > 0 ? g[i - 1]! : L;
        const pp = i > 0 ? pred[i - 1]! : L;
        if (gy !== py) {
          wrong = true;
          for (let f = off[i]!; f < off[i + 1]!; f++) {
            const r = rows[f]!;
            if (r < 0) continue;
            W[r * L + gy]! += 1;
            U[r * L + gy]! += c;
            W[r * L + py]! -= 1;
            U[r * L + py]! -= c;
          }
        }
        if (gy !== py || gp !== pp) {
          TR[gp * L + gy]! += 1;
          TU[gp * L + gy]! += c;
          TR[pp * L + py]! -= 1;
          TU[pp * L + py]! -= c;
        }
      }
      if (wrong) errors++;
      c++;
    }
    log(`epoch ${epoch}: ${errors} sentences wrong, ${Date.now() - te} ms`);
    if (opts.onEpoch) {
      model = averaged();
      opts.onEpoch(epoch, model, errors);
    }
  }
  return model ?? averaged();
}

/** One training sentence of a document layer: the first pass's scores and the document features. */
export interface DocLayerItem {
  em: Float64Array;
  feats: Uint32Array;
  offsets: Int32Array;
  gold: Int32Array;
}

/**
 * Trains the weights of the document features (`doc-features.ts`) on top of fixed first-pass scores: an
 * averaged perceptron whose emissions are `em` plus the document features' rows, decoded with the first
 * model's transitions. The items' scores and first-pass tags must come from models that did not see the item's
 * document (cross-fitting), or the layer learns to trust an over-fitted first pass.
 */
export function trainDocLayer(
  items: readonly DocLayerItem[],
  tables: { trans: Float32Array; mask: Float32Array; endMask: Float32Array },
  L: number,
  epochs: number,
  seed: number,
): { keys: number[]; weights: number[] } {
  const index = new Map<number, number>();
  for (const it of items) for (const k of it.feats) if (!index.has(k)) index.set(k, index.size);
  const F = index.size;
  const W = new Float64Array(F * L);
  const U = new Float64Array(F * L);
  const rows = items.map((it) => Int32Array.from(it.feats, (k) => index.get(k)!));
  let maxN = 0;
  for (const it of items) maxN = Math.max(maxN, it.gold.length);
  const em = new Float64Array(maxN * L);
  const pred = new Int32Array(maxN);
  const rand = seededRandom(seed);
  const order = Array.from(items, (_, i) => i);
  let c = 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    for (const si of order) {
      const it = items[si]!;
      const r = rows[si]!;
      const n = it.gold.length;
      for (let i = 0; i < n; i++) {
        for (let y = 0; y < L; y++) em[i * L + y] = it.em[i * L + y]!;
        for (let f = it.offsets[i]!; f < it.offsets[i + 1]!; f++) {
          const b = r[f]! * L;
          for (let y = 0; y < L; y++) em[i * L + y]! += W[b + y]!;
        }
      }
      viterbi(em, n, L, tables.trans, tables.mask, tables.endMask, pred);
      for (let i = 0; i < n; i++) {
        const gy = it.gold[i]!;
        const py = pred[i]!;
        if (gy === py) continue;
        for (let f = it.offsets[i]!; f < it.offsets[i + 1]!; f++) {
          const b = r[f]! * L;
          W[b + gy]! += 1;
          U[b + gy]! += c;
          W[b + py]! -= 1;
          U[b + py]! -= c;
        }
      }
      c++;
    }
  }
  const keys: number[] = [];
  const weights: number[] = [];
  const sorted = [...index.entries()].sort((a, b) => a[0] - b[0]);
  for (const [k, r] of sorted) {
    let any = false;
    const row: number[] = [];
    for (let y = 0; y < L; y++) {
      const v = W[r * L + y]! - U[r * L + y]! / c;
      row.push(Math.round(v * 1000) / 1000);
      if (row[y] !== 0) any = true;
    }
    if (!any) continue;
    keys.push(k);
    weights.push(...row);
  }
  return { keys, weights };
}
