import { describe, expect, it } from 'vitest';
import { f3, mix, seededRandom } from './hash.js';

/** The murmur3 finaliser as an unsigned 32-bit key (the form the model files store), 0 mapped to 1. */
function unsignedMix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  h >>>= 0;
  return h === 0 ? 1 : h;
}

describe('feature hashing', () => {
  it('gives the unsigned keys of the model files as signed 32-bit integers, never 0', () => {
    const rnd = seededRandom(3);
    const keys = new Uint32Array(1);
    let negatives = 0;
    for (let i = 0; i < 10_000; i++) {
      const a = Math.floor(rnd() * 2 ** 32);
      const b = Math.floor(rnd() * 2 ** 32);
      const h = mix(a, b);
      expect(h).toBe(h | 0);
      expect(h).not.toBe(0);
      // stored in a Uint32Array (as every caller does), the key reads back as the unsigned hash
      keys[0] = h;
      expect(keys[0]).toBe(unsignedMix(a, b));
      // the arguments may be either form of the same 32 bits
      expect(mix(a | 0, b | 0)).toBe(h);
      if (h < 0) negatives++;
    }
    expect(negatives).toBeGreaterThan(4000);
    keys[0] = f3(7, 1, 2, 3);
    expect(keys[0]).toBe(unsignedMix(unsignedMix(unsignedMix(7, 1), 2), 3));
  });
});
