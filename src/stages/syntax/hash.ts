/**
 * Integer hashing for the syntax models' features. Strings are hashed once per token (FNV-1a), and feature
 * keys are built by mixing small integers (template id, word hashes, tag ids), so scoring a parser state
 * allocates no strings: this is what keeps the parser fast (hashing trick, Weinberger et al. 2009).
 */

/** FNV-1a 32-bit hash of a string (UTF-16 code units). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Mixes `b` into hash `a` (murmur3 finaliser); never returns 0, which the tables use as "empty". The 32 bits come
 * back as a signed integer: every caller stores keys in a Uint32Array (which reads them back unsigned) or mixes
 * them again (which reads them as signed anyway), and a signed 32-bit integer is a small integer to V8, whereas
 * an unsigned one of 2^31 or more is a heap-allocated number whenever the call is not inlined (the parser's
 * feature function makes too many calls to inline them all): that was a quarter of the pipeline's allocations.
 */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

/** Key of a feature template `t` with one value. */
export function f1(t: number, a: number): number {
  return mix(t, a);
}

/** Key of a feature template `t` with two values. */
export function f2(t: number, a: number, b: number): number {
  return mix(mix(t, a), b);
}

/** Key of a feature template `t` with three values. */
export function f3(t: number, a: number, b: number, c: number): number {
  return mix(mix(mix(t, a), b), c);
}

/** A small seeded pseudo-random generator (mulberry32), so training is reproducible. */
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
