import { describe, expect, it } from 'vitest';
import { firstNameGender, givenNameGender, isGivenName } from './given-names.js';

describe('given names', () => {
  it('reads the gender of common names beyond the hand-written lists from the birth counts', () => {
    expect(firstNameGender('Nora')).toBe('f');
    expect(firstNameGender('Luke')).toBe('m');
    expect(firstNameGender('Colleen')).toBe('f');
    // a name both sexes bear gives none
    expect(firstNameGender('Casey')).toBeNull();
  });

  it('lets the hand-written lists win where a name is of the other gender abroad', () => {
    expect(firstNameGender('Andrea')).toBe(givenNameGender('Andrea'));
    expect(firstNameGender('Nikita')).toBeNull();
    expect(firstNameGender('Ali')).toBe('m');
  });

  it('keeps "is a given name" to the hand lists: counted names are often surnames too', () => {
    expect(isGivenName('Luke')).toBe(false);
    expect(givenNameGender('Nora')).toBeNull();
  });
});
