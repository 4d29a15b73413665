import { describe, expect, it } from 'vitest';
import { testDoc } from '../events/test-doc.js';
import { claimsStage, extractClaims } from './index.js';

const agency = {
  type: 'ORG',
  name: 'National Intelligence Service',
  country: 'KOR',
  mentions: ['spy agency'],
};
const wh = { type: 'ORG', name: 'White House', country: 'USA', mentions: ['White House'] };

function claims(text: string, opts: Parameters<typeof testDoc>[1] = {}) {
  return extractClaims(testDoc(text, opts));
}

describe('claims stage', () => {
  it('declares its contract', () => {
    const s = claimsStage();
    expect(s.assigns).toEqual(['claims']);
    expect(s.requires).toContain('quotes');
    expect(() => claimsStage({ minValue: -1 })).toThrow(/minValue/);
  });

  it('reads hedged figures with unit, source from the reporting verb, and time', () => {
    const text =
      'The spy agency has confirmed that the army is expected to send some 10,000 troops to the front by the end of this year, including around 3,000 troops already dispatched. The White House has also said that at least 3,000 soldiers were moved.';
    const cs = claims(text, {
      entities: [agency, wh],
      times: [{ text: 'by the end of this year', value: '2024' }],
    });
    expect(cs).toHaveLength(3);
    expect(cs[0]).toMatchObject({
      text: 'some 10,000 troops',
      value: 10000,
      qualifier: 'approx',
      unit: 'troops',
      source: 'e1',
      sourceName: 'spy agency',
      time: 't1',
    });
    expect(cs[1]).toMatchObject({
      value: 3000,
      qualifier: 'approx',
      subject: 'troops already dispatched',
      source: 'e1',
    });
    expect(cs[2]).toMatchObject({
      value: 3000,
      qualifier: 'at least',
      unit: 'soldiers',
      source: 'e2',
      sourceName: 'White House',
    });
  });

  it('keeps a named place in the counted subject but not the day the figure is about', () => {
    const text = 'Floods killed 40 people on Monday. The army sent 2,000 soldiers to Russia.';
    const cs = claims(text, { times: [{ text: 'Monday', value: '2006-11-20' }] });
    expect(cs.map((c) => c.subject)).toEqual(['people', 'soldiers to Russia']);
  });

  it('maps hedges to qualifiers', () => {
    const q = (t: string) => claims(t)[0]?.qualifier;
    expect(q('Officials counted more than 500 people.')).toBe('more than');
    expect(q('Officials counted up to 500 people.')).toBe('up to');
    expect(q('Officials counted fewer than 500 people.')).toBe('less than');
    expect(q('Officials counted nearly 500 people.')).toBe('at most');
    expect(q('Officials counted an estimated 500 people.')).toBe('approx');
    expect(q('Officials counted 500 people.')).toBe('exact');
  });

  it('reads ranges, words, scales, currencies and vague plurals', () => {
    const [r] = claims('Between 2,000 and 3,000 people fled.');
    expect(r).toMatchObject({ value: null, low: 2000, high: 3000, qualifier: 'range', unit: 'people' });
    const [w] = claims('Police said six or seven officers were hurt.');
    expect(w).toMatchObject({ low: 6, high: 7, qualifier: 'range', unit: 'officers' });
    const [m] = claims('The bank lent 1.5 million dollars to farmers.');
    expect(m).toMatchObject({ value: 1500000, unit: 'dollars' });
    const [d] = claims('Donors sent $50,000 worth of goods.');
    expect(d).toMatchObject({ value: 50000, unit: 'dollars', subject: 'goods' });
    const [p] = claims('Prices rose 10 percent in the capital.');
    expect(p).toMatchObject({ value: 10, unit: 'percent' });
    const [t] = claims('Tens of thousands of people rallied.');
    expect(t).toMatchObject({ value: null, low: 20000, qualifier: 'approx', unit: 'people' });
    const [z] = claims('A dozen soldiers died.');
    expect(z).toMatchObject({ value: 12, unit: 'soldiers' });
  });

  it('skips dates, years, ages, ordinals, labels and referential counts', () => {
    const text =
      'The 61-year-old leader, 70, met on November 1 in 2024 after Resolution 1718 for the second meeting and the 60th anniversary. The three countries agreed. One of them left at 10:30.';
    expect(claims(text, { times: [{ text: 'November 1', value: '2024-11-01' }] })).toEqual([]);
  });

  it('reads "or more" and keeps prepositions before spelled counts apart from hedges', () => {
    expect(claims('It will leave 70,000 or more trainers.')[0]).toMatchObject({
      value: 70000,
      qualifier: 'at least',
      unit: 'trainers',
    });
    expect(claims('He served under three governments.')[0]).toMatchObject({ value: 3, qualifier: 'exact' });
  });

  it('never produces wrong huge values from malformed numbers', () => {
    expect(claims('The values 1,2,3 and 10.000 appeared.').map((c) => c.value)).toEqual([]);
  });

  it('stays bounded on pathological input', () => {
    const many = `${Array.from({ length: 10000 }, (_, i) => String(i + 1)).join(' ')} troops.`;
    const cs = claims(many);
    expect(cs.length).toBeGreaterThan(0);
    expect(cs.every((c) => c.value === null || c.value <= 10000)).toBe(true);
    const long = `${'word '.repeat(5000)}some 40 troops.`;
    expect(claims(long)[0]).toMatchObject({ value: 40, qualifier: 'approx' });
  });

  it('reads figures after a determiner but not days of a date list or second ages', () => {
    const cs = claims('Around 27,000 of the 47,000 US troops stay. The bombs fell on August 6 and 9, 1945.');
    expect(cs.map((c) => c.value)).toEqual([27000, 47000]);
    expect(claims('His daughters, aged 27 and 24, met him.')).toEqual([]);
    expect(claims('The two sides met.')).toEqual([]);
  });

  it('reads numbers glued to what they measure, and keeps durations and named bodies out', () => {
    const cs = claims(
      'He ordered the 650,000-strong military to stand by. It is a one-billion-dollar plant and a 10-member panel. The 15-member council met for a four-day session.',
    );
    expect(cs.map((c) => [c.value, c.unit])).toEqual([
      [650000, 'military'],
      [1e9, 'dollars'],
      [10, 'member'],
    ]);
  });

  it('keeps scaled decimals exact and takes a currency or cubic measure as the unit', () => {
    const cs = claims(
      'The fund raised about 8.2 million US dollars for a 1.2 billion dollar pipeline project. Gas costs 100 dollars per 1,000 cubic meters.',
    );
    expect(cs.map((c) => [c.value, c.qualifier, c.unit])).toEqual([
      [8200000, 'approx', 'dollars'],
      [1200000000, 'exact', 'dollar'],
      [100, 'exact', 'dollars'],
      [1000, 'exact', 'cubic meters'],
    ]);
  });

  it('does not take the hedge "an estimated" for a reporting verb, nor an irregular past verb for a unit', () => {
    const cs = claims('An estimated 2,500 people fled. Around a dozen boats sank.');
    expect(cs.map((c) => [c.value, c.qualifier, c.unit, c.sourceName])).toEqual([
      [2500, 'approx', 'people', null],
      [12, 'approx', 'boats', null],
    ]);
  });
});
