import { allowedEnd, allowedTransition, type TagScheme } from './labels.js';

/**
 * First-order Viterbi decoding shared by training and tagging. Transition scores are a `(L+1) × L` matrix
 * whose last row is the sentence start; forbidden transitions (e.g. `O → I-PER`) carry a large negative
 * constant, so every decoded sequence is well formed.
 */

export const FORBIDDEN = -1e9;

/** Constraint matrix for a tag set: 0 where allowed, FORBIDDEN where not; `end[y]` likewise. */
export function constraintMatrix(
  tags: readonly string[],
  scheme: TagScheme,
): { trans: Float32Array; end: Float32Array } {
  const L = tags.length;
  const trans = new Float32Array((L + 1) * L);
  for (let p = 0; p <= L; p++) {
    for (let y = 0; y < L; y++) {
      const from = p === L ? null : tags[p]!;
      trans[p * L + y] = allowedTransition(from, tags[y]!, scheme) ? 0 : FORBIDDEN;
    }
  }
  const end = new Float32Array(L);
  for (let y = 0; y < L; y++) end[y] = allowedEnd(tags[y]!, scheme) ? 0 : FORBIDDEN;
  return { trans, end };
}

/**
 * Best tag sequence for emission scores `em` (n × L, row-major) under `trans` (learnt) plus `mask`
 * (constraints). Writes into and returns `out`.
 */
export function viterbi(
  em: Float32Array | Float64Array,
  n: number,
  L: number,
  trans: Float32Array | Float64Array,
  mask: Float32Array,
  endMask: Float32Array,
  out: Int32Array,
): Int32Array {
  if (n === 0) return out;
  const { preds, predOff } = allowedLists(mask, L);
  if (delta.length < n * L) {
    delta = new Float64Array(n * L * 2);
    back = new Int32Array(n * L * 2);
  }
  const d = delta;
  const bk = back;
  const start = L * L;
  for (let y = 0; y < L; y++) d[y] = em[y]! + trans[start + y]! + mask[start + y]!;
  for (let i = 1; i < n; i++) {
    const base = i * L;
    const prev = base - L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      // Only the allowed predecessors (about a third of L × L under BILOU); in ascending order, so ties break
      // as in the dense loop.
      for (let k = predOff[y]!, end = predOff[y + 1]!; k < end; k++) {
        const p = preds[k]!;
        const s = d[prev + p]! + trans[p * L + y]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      d[base + y] = best + em[base + y]!;
      bk[base + y] = arg;
    }
  }
  return backtrack(d, bk, endMask, n, L, out);
}

/**
 * The last step of both decoders: the best final tag under the end constraints, then the back pointers to the
 * start. One function for both so they cannot drift apart (ties break to the lowest tag); both pass the same
 * array kinds (the end constraints as the model's Float32Array) so it stays monomorphic, and it allocates nothing.
 */
function backtrack(
  d: Float64Array,
  bk: Int32Array,
  endMask: Float32Array,
  n: number,
  L: number,
  out: Int32Array,
): Int32Array {
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * L;
  for (let y = 0; y < L; y++) {
    const s = d[last + y]! + endMask[y]!;
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) {
    arg = bk[i * L + arg]!;
    out[i - 1] = arg;
  }
  return out;
}

let delta = new Float64Array(1024);
let back = new Int32Array(1024);

/** Allowed transitions of a constraint matrix as adjacency lists (predecessors of y, successors of p). */
export interface AllowedLists {
  /** `preds[predOff[y] .. predOff[y+1])`: tags p (not the start row) that may precede y, ascending. */
  preds: Int32Array;
  predOff: Int32Array;
  /** `succs[succOff[p] .. succOff[p+1])`: tags y that may follow p, ascending. */
  succs: Int32Array;
  succOff: Int32Array;
}

const listsCache = new WeakMap<Float32Array, AllowedLists>();

/** Adjacency lists of the allowed transitions of `mask` (cached per matrix). */
export function allowedLists(mask: Float32Array, L: number): AllowedLists {
  let lists = listsCache.get(mask);
  if (lists) return lists;
  const preds: number[] = [];
  const predOff = new Int32Array(L + 1);
  for (let y = 0; y < L; y++) {
    predOff[y] = preds.length;
    for (let p = 0; p < L; p++) if (mask[p * L + y]! > FORBIDDEN / 2) preds.push(p);
  }
  predOff[L] = preds.length;
  const succs: number[] = [];
  const succOff = new Int32Array(L + 1);
  for (let p = 0; p < L; p++) {
    succOff[p] = succs.length;
    for (let y = 0; y < L; y++) if (mask[p * L + y]! > FORBIDDEN / 2) succs.push(y);
  }
  succOff[L] = succs.length;
  lists = { preds: Int32Array.from(preds), predOff, succs: Int32Array.from(succs), succOff };
  listsCache.set(mask, lists);
  return lists;
}

/**
 * `viterbi` specialised to one model's transition scores: the allowed predecessors of each tag and their
 * transition scores (as doubles, so the hot loop reads one typed array kind) are laid out once. Emissions come
 * as the tagger's integer sums and their scale (`em[k] = acc[k] * scale`, computed here, so no score array
 * is written). The arithmetic and the tie-breaking are `viterbi`'s, so the decoded path is the same (a test
 * checks it).
 */
export function compileViterbi(
  trans: Float32Array | Float64Array,
  mask: Float32Array,
  endMask: Float32Array,
  L: number,
): (acc: Int32Array, scale: number, n: number, out: Int32Array) => Int32Array {
  const { preds, predOff } = allowedLists(mask, L);
  // Tags with the same allowed predecessors form a group (under BILOU: O, B-* and U-* share O, L-*, U-*;
  // I-X and L-X share B-X, I-X): the predecessors' scores are read once per group and token.
  const groupOf = new Map<string, number[]>();
  for (let y = 0; y < L; y++) {
    const sig = Array.from(preds.subarray(predOff[y]!, predOff[y + 1]!)).join(',');
    const g = groupOf.get(sig);
    if (g) g.push(y);
    else groupOf.set(sig, [y]);
  }
  const groups = [...groupOf.values()].map((ys) => {
    const p = preds.subarray(predOff[ys[0]!]!, predOff[ys[0]! + 1]!);
    const tv = new Float64Array(ys.length * p.length);
    ys.forEach((y, j) => {
      for (let k = 0; k < p.length; k++) tv[j * p.length + k] = trans[p[k]! * L + y]!;
    });
    return { ys: Int32Array.from(ys), preds: Int32Array.from(p), tv };
  });
  const vals = new Float64Array(L);
  const start = new Float64Array(L);
  const startMask = new Float64Array(L);
  for (let y = 0; y < L; y++) {
    start[y] = trans[L * L + y]!;
    startMask[y] = mask[L * L + y]!;
  }
  let d = new Float64Array(256 * L);
  let bk = new Int32Array(256 * L);
  return (acc, scale, n, out) => {
    if (n === 0) return out;
    if (d.length < n * L) {
      d = new Float64Array(n * L * 2);
      bk = new Int32Array(n * L * 2);
    }
    for (let y = 0; y < L; y++) d[y] = acc[y]! * scale + start[y]! + startMask[y]!;
    for (let i = 1; i < n; i++) {
      const base = i * L;
      const prev = base - L;
      for (const g of groups) {
        const gp = g.preds;
        const np = gp.length;
        for (let k = 0; k < np; k++) vals[k] = d[prev + gp[k]!]!;
        const ys = g.ys;
        const tv = g.tv;
        for (let j = 0; j < ys.length; j++) {
          const y = ys[j]!;
          let best = -Infinity;
          let arg = 0;
          const row = j * np;
          // ascending predecessors and a strict comparison: ties break as in `viterbi`
          for (let k = 0; k < np; k++) {
            const s = vals[k]! + tv[row + k]!;
            if (s > best) {
              best = s;
              arg = gp[k]!;
            }
          }
          d[base + y] = best + acc[base + y]! * scale;
          bk[base + y] = arg;
        }
      }
    }
    return backtrack(d, bk, endMask, n, L, out);
  };
}
