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

  it('never matches a bare surname or an unknown name', () => {
    expect(lookupPerson('Putin')).toBeNull();
    expect(lookupPerson('Zebulon Quarnsworthy')).toBeNull();
  });
});
