import { describe, expect, it } from 'vitest';
import { analyze } from '../../services/analyze.js';

/** Claim values of a text through the full default pipeline (parser included). Our own sentences. */
const values = (text: string) => analyze(text).claims.map((c) => c.value);

describe('figures that are not claims', () => {
  it('leaves out match scores and sports tallies', () => {
    expect(values('The home side won the cup final 3-1 on Sunday.')).toEqual([]);
    expect(values('Ortega scored 25 points as his team beat the visitors.')).toEqual([]);
  });

  it('leaves out distances that only place something', () => {
    expect(values('The village lies 50 km north of the capital.')).toEqual([]);
  });

  it('leaves out numbers that name a thing after its noun', () => {
    expect(values('The plant enriches uranium 235 for its reactors.')).toEqual([]);
  });

  it('keeps counts, amounts and a thousands group split by a stray space', () => {
    expect(values('Officials said 3,000 people fled the fighting.')).toEqual([3000]);
    expect(values('The crop covered 165, 000 hectares this year, officials said.')).toEqual([165000]);
    expect(values('The bridge cost 50 million dollars.')).toEqual([50e6]);
  });
});
