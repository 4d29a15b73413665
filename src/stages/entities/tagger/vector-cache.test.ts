import { describe, expect, it } from 'vitest';
import { VectorCache } from './vector-cache.js';

describe('VectorCache', () => {
  it('finds the rows it added, by both keys', () => {
    const c = new VectorCache(3, 100);
    expect(c.find(1, 2)).toBe(-1);
    const at = c.add(1, 2);
    c.pool.set([7, 8, 9], at);
    const other = c.add(2, 1);
    c.pool.set([1, 1, 1], other);
    expect(c.find(1, 2)).toBe(at);
    expect(Array.from(c.pool.subarray(c.find(1, 2), c.find(1, 2) + 3))).toEqual([7, 8, 9]);
    expect(c.find(2, 1)).toBe(other);
    expect(c.find(2, 2)).toBe(-1);
    expect(c.size).toBe(2);
  });

  it('keeps offsets valid across a reserve, and starts over when full', () => {
    const c = new VectorCache(2, 5000);
    const offsets: number[] = [];
    c.reserve(5000);
    for (let k = 0; k < 5000; k++) {
      const at = c.add(k, -k);
      c.pool[at] = k;
      offsets.push(at);
    }
    // every row is still where add put it (the pool did not move within the reservation)
    expect(offsets.every((at, k) => c.find(k, -k) === at && c.pool[at] === k)).toBe(true);
    c.reserve(1);
    expect(c.size).toBe(0);
    expect(c.find(3, -3)).toBe(-1);
    const at = c.add(3, -3);
    expect(Array.from(c.pool.subarray(at, at + 2))).toEqual([0, 0]);
  });
});
