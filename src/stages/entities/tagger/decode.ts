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
  const delta = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  const start = L * L;
  for (let y = 0; y < L; y++) delta[y] = em[y]! + trans[start + y]! + mask[start + y]!;
  for (let i = 1; i < n; i++) {
    const base = i * L;
    const prev = base - L;
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        const s = delta[prev + p]! + trans[p * L + y]! + mask[p * L + y]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      delta[base + y] = best + em[base + y]!;
      back[base + y] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * L;
  for (let y = 0; y < L; y++) {
    const s = delta[last + y]! + endMask[y]!;
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) {
    arg = back[i * L + arg]!;
    out[i - 1] = arg;
  }
  return out;
}
