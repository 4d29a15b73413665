import { describe, expect, it, vi } from 'vitest';
import { LINK_MODEL } from './data/link-model.js';
import { checkLinkModel, PAIR_FEATURES } from './score.js';

describe('the version model matches the pair figures', () => {
  it('accepts the shipped model: the figures pairFeatures computes, in order, each weighted', () => {
    expect(checkLinkModel(LINK_MODEL)).toBe(LINK_MODEL);
    expect(LINK_MODEL.features).toEqual([...PAIR_FEATURES]);
  });

  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return [(e as { code?: string }).code, (e as Error).message];
    }
    return null;
  };

  it('refuses a model fitted before a figure was added, naming it', () => {
    const old = { ...LINK_MODEL, features: LINK_MODEL.features.filter((f) => f !== 'figures') };
    const [c, msg] = code(() => checkLinkModel(old))!;
    expect(c).toBe('E_STAGE_CONTRACT');
    expect(msg).toMatch(/missing figures/);
  });

  it('refuses a figure pairFeatures does not compute, figures out of order, and unweighted or stray weights', () => {
    expect(
      code(() => checkLinkModel({ ...LINK_MODEL, features: [...LINK_MODEL.features, 'colour'] }))?.[1],
    ).toMatch(/unknown colour/);
    const swapped = [...LINK_MODEL.features];
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    expect(code(() => checkLinkModel({ ...LINK_MODEL, features: swapped }))?.[1]).toMatch(/order/);
    const { text: _text, ...noText } = LINK_MODEL.weights;
    expect(code(() => checkLinkModel({ ...LINK_MODEL, weights: noText }))?.[1]).toMatch(
      /no finite weight for text/,
    );
    expect(
      code(() => checkLinkModel({ ...LINK_MODEL, weights: { ...LINK_MODEL.weights, colour: 1 } }))?.[1],
    ).toMatch(/weights for unknown colour/);
    expect(code(() => checkLinkModel({ ...LINK_MODEL, threshold: 1.5 }))?.[0]).toBe('E_STAGE_CONTRACT');
  });

  it('checks the shipped model on its first use: a stale model stops version scoring', async () => {
    vi.resetModules();
    vi.doMock('./data/link-model.js', () => ({
      LINK_MODEL: { ...LINK_MODEL, features: LINK_MODEL.features.slice(1) },
    }));
    try {
      const score = await import('./score.js');
      expect(() => score.versionProbability({})).toThrow(/missing text/);
      expect(() => score.versionProbability({}, LINK_MODEL)).not.toThrow();
    } finally {
      vi.doUnmock('./data/link-model.js');
      vi.resetModules();
    }
  });
});
