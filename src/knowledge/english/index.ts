/**
 * The English word-class and morphology module: closed classes (determiners, pronouns with person, number
 * and gender, auxiliaries, modals, negators, kin nouns), speech verbs generated from VerbNet
 * (`npm run build:english`) with speech nouns, and one `inflect` / `verbLemma` pair. Every stage reads its
 * word lists from here, so a fix reaches all of them (the events stage is switching over too).
 */
export { formIndex, inflect, type VerbFormKind, type VerbForms, verbForms, verbLemma } from './morphology.js';
export {
  isSpeechLemma,
  SPEECH_NOUNS,
  SPEECH_VERBS,
  type SpeechGroup,
  type SpeechVerbEntry,
  speechVerb,
} from './speech.js';
export {
  ARTICLES,
  AUXILIARIES,
  CLOSE_KIN,
  DEMONSTRATIVES,
  FAMILY_GROUP_NOUNS,
  KIN_NOUNS,
  MODALS,
  NEGATORS,
  POSSESSIVE_DETERMINERS,
  PRONOUNS,
  type PronounInfo,
  QUANTIFIER_DETERMINERS,
  RANK_QUALIFIERS,
  RELATIVE_PRONOUNS,
  SUBJECT_PRONOUNS,
  UNNAMED_SPEAKER_NOUNS,
  union,
} from './word-classes.js';
