/**
 * Closed English word classes, as data, in one place. Each stage used to keep its own copy ("DETERMINERS"
 * existed five times with five different contents), so a fix in one never reached the others. The sets here
 * are the grammatical classes; a stage that needs a particular mix builds it from them with `union`, which
 * keeps the mix visible where it is used.
 */

/** Builds one read-only set from several word classes (and extra words of the caller's own). */
export function union(...parts: Iterable<string>[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const p of parts) for (const w of p) out.add(w);
  return out;
}

/** The articles. */
export const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** Demonstrative determiners. */
export const DEMONSTRATIVES: ReadonlySet<string> = new Set(['this', 'that', 'these', 'those']);

/** Possessive determiners ("his" in "his wife"). */
export const POSSESSIVE_DETERMINERS: ReadonlySet<string> = new Set([
  'my',
  'your',
  'his',
  'her',
  'its',
  'our',
  'their',
]);

/** Quantifying determiners ("each", "several", "both"). */
export const QUANTIFIER_DETERMINERS: ReadonlySet<string> = new Set([
  'some',
  'any',
  'no',
  'many',
  'much',
  'more',
  'most',
  'few',
  'several',
  'each',
  'every',
  'both',
  'all',
  'either',
  'neither',
]);

/** Person, number and gender of a personal pronoun; `gender` null when the pronoun does not mark it. */
export interface PronounInfo {
  person: 1 | 2 | 3;
  number: 'sg' | 'pl';
  gender: 'm' | 'f' | 'n' | null;
  case: 'subject' | 'object' | 'possessive' | 'reflexive';
}

function p(
  person: 1 | 2 | 3,
  number: 'sg' | 'pl',
  gender: 'm' | 'f' | 'n' | null,
  c: PronounInfo['case'],
): PronounInfo {
  return Object.freeze({ person, number, gender, case: c });
}

/** Personal pronouns with person, number, gender and case ("her" is listed as the object form). */
export const PRONOUNS: ReadonlyMap<string, PronounInfo> = new Map([
  ['i', p(1, 'sg', null, 'subject')],
  ['me', p(1, 'sg', null, 'object')],
  ['myself', p(1, 'sg', null, 'reflexive')],
  ['we', p(1, 'pl', null, 'subject')],
  ['us', p(1, 'pl', null, 'object')],
  ['ourselves', p(1, 'pl', null, 'reflexive')],
  ['you', p(2, 'sg', null, 'subject')],
  ['yourself', p(2, 'sg', null, 'reflexive')],
  ['he', p(3, 'sg', 'm', 'subject')],
  ['him', p(3, 'sg', 'm', 'object')],
  ['himself', p(3, 'sg', 'm', 'reflexive')],
  ['his', p(3, 'sg', 'm', 'possessive')],
  ['she', p(3, 'sg', 'f', 'subject')],
  ['her', p(3, 'sg', 'f', 'object')],
  ['herself', p(3, 'sg', 'f', 'reflexive')],
  ['hers', p(3, 'sg', 'f', 'possessive')],
  ['it', p(3, 'sg', 'n', 'subject')],
  ['itself', p(3, 'sg', 'n', 'reflexive')],
  ['its', p(3, 'sg', 'n', 'possessive')],
  ['they', p(3, 'pl', null, 'subject')],
  ['them', p(3, 'pl', null, 'object')],
  ['themselves', p(3, 'pl', null, 'reflexive')],
  ['their', p(3, 'pl', null, 'possessive')],
]);

/** Subject-case personal pronouns. */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(
  [...PRONOUNS].filter(([, i]) => i.case === 'subject').map(([w]) => w),
);

/** Relative and interrogative pronouns that can open a clause as its subject ("who", "which"). */
export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set([
  'who',
  'whom',
  'whose',
  'which',
  'that',
  'what',
]);

/** Forms of the primary auxiliaries be, have and do. */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'be',
  'am',
  'is',
  'are',
  'was',
  'were',
  'been',
  'being',
  'have',
  'has',
  'had',
  'having',
  'do',
  'does',
  'did',
]);

/** Modal verbs. */
export const MODALS: ReadonlySet<string> = new Set([
  'will',
  'would',
  'can',
  'could',
  'may',
  'might',
  'must',
  'shall',
  'should',
  "'ll",
  "'d",
]);

/** Words that negate the clause they modify. */
export const NEGATORS: ReadonlySet<string> = new Set(['not', "n't", 'never', 'no']);

/** Kinship nouns and the gender they denote (null: either). */
export const KIN_NOUNS: ReadonlyMap<string, 'm' | 'f' | null> = new Map([
  ['wife', 'f'],
  ['husband', 'm'],
  ['son', 'm'],
  ['daughter', 'f'],
  ['brother', 'm'],
  ['sister', 'f'],
  ['mother', 'f'],
  ['father', 'm'],
  ['widow', 'f'],
  ['widower', 'm'],
  ['nephew', 'm'],
  ['niece', 'f'],
  ['uncle', 'm'],
  ['aunt', 'f'],
  ['cousin', null],
  ['grandson', 'm'],
  ['granddaughter', 'f'],
  ['stepson', 'm'],
  ['stepdaughter', 'f'],
  ['fiancee', 'f'],
  ['fiance', 'm'],
  ['girlfriend', 'f'],
  ['boyfriend', 'm'],
]);

/**
 * Plural nouns that make a surname before them the name of a family, not of one person ("the Williams
 * sisters", "the Kennedy family", "the Castro brothers").
 */
export const FAMILY_GROUP_NOUNS: ReadonlySet<string> = new Set([
  'sisters',
  'brothers',
  'family',
  'families',
  'siblings',
  'twins',
  'couple',
  'clan',
  'dynasty',
  'household',
]);

/**
 * Words that make an office a different, lower one ("vice president", "deputy minister", "assistant
 * secretary"): a person who holds it is not "the president" or "the minister" of the story.
 */
export const RANK_QUALIFIERS: ReadonlySet<string> = new Set([
  'vice',
  'deputy',
  'assistant',
  'associate',
  'under',
  'undersecretary',
  'lieutenant',
  'sub',
  'co',
  'ex',
]);

/**
 * Nouns for a person whom a story often leaves unnamed as the subject of a reporting verb ("Dunn's lawyer
 * said he would appeal", "a police spokesman said he could not comment"): a pronoun in what they said is
 * theirs more often than a named person's, so coreference leaves it unresolved. Gender where the noun has one.
 */
export const UNNAMED_SPEAKER_NOUNS: ReadonlyMap<string, 'm' | 'f' | null> = new Map([
  ['lawyer', null],
  ['attorney', null],
  ['counsel', null],
  ['spokesman', 'm'],
  ['spokeswoman', 'f'],
  ['spokesperson', null],
  ['aide', null],
  ['adviser', null],
  ['advisor', null],
  ['source', null],
  ['witness', null],
  ['doctor', null],
  ['friend', null],
  ['neighbour', null],
  ['neighbor', null],
  ['colleague', null],
  ['relative', null],
  ['agent', null],
  ['manager', null],
  ['coach', null],
  ['priest', 'm'],
]);

/** The closest relatives, whose gender decides which pronoun refers back to them ("his wife … she said"). */
export const CLOSE_KIN: ReadonlyMap<string, 'm' | 'f'> = new Map(
  ['wife', 'widow', 'mother', 'daughter', 'sister', 'husband', 'widower', 'father', 'son', 'brother'].map(
    (w) => [w, KIN_NOUNS.get(w) as 'm' | 'f'],
  ),
);
