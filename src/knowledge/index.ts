/**
 * The actor knowledge base: countries (names, short forms, demonyms, capitals, cities), international
 * organisations, government bodies, news agencies, regions, facilities, titles and known leaders, with a
 * fast phrase matcher over token arrays that the entities stage and the NER tagger share.
 */
export {
  AMBIGUOUS_DEMONYM_COUNTRIES,
  COUNTRIES,
  type Country,
  countryByIso3,
  isUnsafeCountryName,
  pluralDemonym,
} from './countries.js';
export { kbEntry, matchGazetteer, normToken, phraseTokens } from './gazetteer.js';
export { firstNameGender, givenNameGender, isGivenName } from './given-names.js';
export { contextualKb, genericBodySlug, isArmedGroup } from './organisations.js';
export { type KnownPerson, lookupPerson, personKb } from './persons.js';
export { lookupPlace } from './places.js';
export {
  findTitles,
  formatRole,
  isHonorific,
  isTemporalTitleWord,
  isTitleHead,
  isTitleWord,
  titleCountry,
  titleGender,
} from './titles.js';
export type { GazetteerKind, GazetteerMatch, KbEntry } from './types.js';
