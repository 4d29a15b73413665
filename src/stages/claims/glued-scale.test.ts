import { describe, expect, it } from 'vitest';
import { testDoc } from '../events/test-doc.js';
import { extractClaims } from './index.js';

/** "a 22 billion-dollar project": a spaced number followed by a scale glued to its currency (our sentence). */
describe('claims with a glued scale and currency', () => {
  it('reads the whole amount and its currency', () => {
    const cs = extractClaims(testDoc('Japan buys gas from the 22 billion-dollar project off the coast.'));
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ value: 22e9, unit: 'dollars' });
  });
});
