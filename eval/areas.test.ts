import { describe, expect, it } from 'vitest';
import { AREAS } from './areas.js';
import { orderAreas } from './run.js';

describe('the eval registry', () => {
  it('names every area once and says what data it needs', () => {
    const names = AREAS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const a of AREAS) {
      expect(a.needs.length, a.name).toBeGreaterThan(0);
      expect(a.description.length, a.name).toBeGreaterThan(10);
    }
  });

  it('prints blind areas before tuned ones, whatever their place in the registry', () => {
    const order = orderAreas(AREAS).map((a) => a.blindness);
    const firstTuned = order.indexOf('tuned');
    expect(order.slice(firstTuned)).not.toContain('blind');
    expect(order[0]).toBe('blind');
  });

  it('keeps the blind splits of the exhaustive and bulk corpus gold and the PolNeAR train split blind', () => {
    const blind = AREAS.filter((a) => a.blindness === 'blind').map((a) => a.name);
    expect(blind).toEqual(
      expect.arrayContaining([
        'exhaustive-wire-blind',
        'exhaustive-wire-2-blind',
        'exhaustive-wire-3-blind',
        'coref-wire-3-blind',
        'polnear-train',
        'corpus-bulk-blind',
      ]),
    );
  });
});
