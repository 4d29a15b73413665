import { describe, expect, it } from 'vitest';
import { lookupPerson } from './persons.js';

describe('lookupPerson', () => {
  it('finds persons of the Phoenix dictionaries by their full name', () => {
    expect(lookupPerson('Vladimir Putin')?.country).toBe('RUS');
    expect(lookupPerson('Vladimir Putin')?.sector).toBe('GOV');
    expect(lookupPerson('Robert Mugabe')?.country).toBe('ZWE');
    expect(lookupPerson('Omar al-Bashir')?.country).toBe('SDN');
    expect(lookupPerson('Jacques Chirac')?.country).toBe('FRA');
  });

  it('keeps the hand-written and leader rows ahead of the Phoenix ones', () => {
    expect(lookupPerson('Kofi Annan')).toMatchObject({ country: 'GHA', role: 'UN Secretary-General' });
  });

  it('matches a spelling with other particles or middle names by first and last name in one country', () => {
    expect(lookupPerson('Omar El Bashir')?.country).toBe('SDN');
    expect(lookupPerson('Omar Hassan al-Bashir')?.kb).toBe(lookupPerson('Omar al-Bashir')?.kb);
  });

  it('never matches a surname-first name by its first and last syllable', () => {
    // "Kim Kwang-min" and "Kim Jong Min" share first and last word but not the given name
    expect(lookupPerson('Kim Kwang-min')).toBeNull();
    expect(lookupPerson('Kim Jong Min')?.country).toBe('KOR');
    expect(lookupPerson('Nguyen Tan Dung')?.role).toBe('Prime Minister');
  });

  it('gives a bare surname the country its listed bearers share, and the person when they are one', () => {
    expect(lookupPerson('Putin')).toMatchObject({ kb: 'person:vladimir-putin', country: 'RUS' });
    expect(lookupPerson('Mugabe')).toMatchObject({ kb: 'person:robert-mugabe', country: 'ZWE' });
  });

  it('leaves a bare surname alone when it is a given name, rare, or shared across countries', () => {
    // a given name as well ("Sharon", "Jordan")
    expect(lookupPerson('Sharon')).toBeNull();
    // bearers in several countries with no leader among them to decide
    expect(lookupPerson('Smith')).toBeNull();
    expect(lookupPerson('Khan')).toBeNull();
    expect(lookupPerson('Zebulon Quarnsworthy')).toBeNull();
  });
});
