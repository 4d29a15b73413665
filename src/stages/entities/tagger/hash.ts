/**
 * 32-bit feature hashing. Features are never built as strings in the hot loop: each token's word, shape and
 * affixes are hashed once, and a feature is the integer mix of a template seed with those hashes. Collisions
 * in 32 bits over a few million features are rare enough (hundreds) not to matter for a linear model.
 */

/** FNV-1a over a string, continued from `seed`, finished with an avalanche so that mixes stay uniform. */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Hash of a substring without allocating it. */
export function hashSlice(s: string, from: number, to: number, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Combines two 32-bit hashes (order-sensitive). Never returns 0, which the feature tables use as "empty". */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h = (h ^ (h >>> 16)) >>> 0;
  return h === 0 ? 1 : h;
}

function fmix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Deterministic PRNG (mulberry32) so that training shuffles are reproducible from a fixed seed: the shipped
 * weights must be rebuilt bit-for-bit by `npm run train:ner`.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
