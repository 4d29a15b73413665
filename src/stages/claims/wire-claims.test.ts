import { describe, expect, it } from 'vitest';
import { analyze } from '../../services/analyze.js';
import { testDoc } from '../events/test-doc.js';
import { extractClaims } from './index.js';

/** Claims in wire-story constructions, on sentences we wrote. */
function claims(text: string) {
  return extractClaims(testDoc(text, { published: '2024-11-01' }));
}

describe('claims on wire-story constructions', () => {
  it('never reads an age after "would have been" or "turned" as a claim', () => {
    expect(claims('The late leader would have been 85 on April 15.')).toHaveLength(0);
    expect(claims('The minister turned 60 last week.')).toHaveLength(0);
    expect(claims('Losses would have been 85 million dollars.')[0]).toMatchObject({
      value: 85e6,
      unit: 'dollars',
    });
  });

  it('keeps "around"/"about" after a verb as prepositions, not hedges', () => {
    expect(claims('Help will be based around three pillars.')[0]).toMatchObject({
      value: 3,
      qualifier: 'exact',
    });
    expect(claims('The force includes around 3,000 troops.')[0]).toMatchObject({
      value: 3000,
      qualifier: 'approx',
    });
  });

  it('takes the head noun after modifiers in "-ing"/"-ed" and never a verb as the unit', () => {
    expect(claims('At least 40 large fishing ships have headed south.')[0]).toMatchObject({
      value: 40,
      qualifier: 'at least',
      unit: 'ships',
    });
    expect(claims('Some 300 displaced people were flown home.')[0]).toMatchObject({ unit: 'people' });
    const [fled] = claims('More than two million fled their homes.');
    expect(fled).toMatchObject({ value: 2e6, qualifier: 'more than', unit: null });
    expect(claims('The 80,000 refugees near the border are ill.')[0]).toMatchObject({ unit: 'refugees' });
  });

  it('ends the unit phrase at "percent", at "worth" and at an irregular past verb', () => {
    expect(claims('The economy will grow 10 percent every year.')[0]).toMatchObject({
      value: 10,
      unit: 'percent',
    });
    expect(claims('China bought 150 mid-range planes worth 10 billion dollars.')[0]).toMatchObject({
      value: 150,
      unit: 'planes',
    });
    expect(claims('Some 60 angry students threw rocks at the embassy.')[0]).toMatchObject({
      value: 60,
      unit: 'students',
    });
  });

  it('never takes the subject of a passive "is expected to" as the source (whole pipeline)', () => {
    const a = analyze(
      'ROME, April 2, 1997 (AFP) Talks went on. Italy is expected to send up to 700 troops, officials said. Ekeus was expected at the talks with 30 inspectors.',
    );
    const troops = a.claims.find((c) => c.value === 700);
    expect(troops?.sourceName).toBe('officials');
    const inspectors = a.claims.find((c) => c.value === 30);
    expect(inspectors).toBeDefined();
    expect(inspectors?.source ?? null).toBeNull();
  });
});
