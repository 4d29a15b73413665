/**
 * What the quote extractor's parts share: the public quote types, the internal candidate and speaker types,
 * and the word lists and small helpers the direct, indirect, partial and speaker parts all read.
 */
import type { Token } from '../../core/document.js';
import type { Entity, Quote, QuoteKind, Span, TextSpan } from '../../core/types.js';
import {
  CLOSE_KIN,
  PRONOUNS as ENGLISH_PRONOUNS,
  SUBJECT_PRONOUNS as ENGLISH_SUBJECT_PRONOUNS,
  NEGATORS,
  POSSESSIVE_DETERMINERS,
} from '../../knowledge/english/index.js';
import type { QuoteRegion } from './marks.js';
/** A quote as the stage emits it: the public fields plus the rule and the speaker phrase (added fields). */
export interface ExtractedQuote extends Quote {
  /** Which extractor produced it. */
  rule: string;
  /** The speaker phrase in the text ("he", "the White House official"), or null. */
  speakerSpan: TextSpan | null;
}

/** Input of the extractor: the layers the quotes stage reads. */
export interface QuoteInput {
  text: string;
  paragraphs: readonly Span[];
  sentences: readonly Span[];
  tokens: readonly Token[];
  entities: readonly Entity[];
}

export interface Mention {
  start: number;
  end: number;
  entity: Entity;
}

/** A resolved speaker: an entity id, a nominal name without an entity, and whether it is a person (null: unknown). */
export interface SpeakerRef {
  speaker: string | null;
  name: string | null;
  person: boolean | null;
}

/** A found attribution before speaker resolution; token ranges are half-open. */
export interface Candidate {
  kind: QuoteKind;
  rule: string;
  content: Span; // characters
  cue: [number, number] | null; // tokens
  source: [number, number] | null; // tokens
  paragraph: number;
  /** Token index where the candidate sits in reading order. */
  anchor: number;
  /** For direct quotes without a cue: inherit from an adjacent quote. */
  inherit: boolean;
  region: QuoteRegion | null;
  speaker: string | null;
  speakerName: string | null;
  speakerSpan: [number, number] | null;
  person: boolean | null;
  /** Participle cues take the speaker of the main clause in the same sentence. */
  sentence: number;
  participle: boolean;
}

/**
 * A wire dateline standing alone before a colon or dash ("BAGHDAD, Dec 3, 2006 (AFP)", "KABUL, Afghanistan,
 * Nov. 2, 2005"): place and date of filing, so nothing in it can be a speaker.
 */
export const DATELINE_LEAD =
  /^\s*[A-Z][A-Za-z .'-]*,(?:\s*[A-Z][A-Za-z .'-]*,)?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*\d{1,2}\s*(?:,\s*\d{4}\s*)*(?:\([A-Za-z -]+\)\s*)?[-\u2013\u2014]*\s*$/;

export const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '—', '--', '–', '[', ']']);
export const END_PUNCT = new Set(['.', '?', '!', '...', '…']);
/** Personal pronouns that may open a clause as its subject. */
/** Third-person subject pronouns. */
export const SUBJECT_PRONOUNS = new Set(
  [...ENGLISH_SUBJECT_PRONOUNS].filter((w) => ENGLISH_PRONOUNS.get(w)!.person === 3),
);
/** Verbs of `as X put it` / `as X called it` (an object pronoun follows). */
export const AS_PUT_OBJECT = new Set([
  'put',
  'puts',
  'called',
  'calls',
  'described',
  'describes',
  'termed',
  'terms',
  'dubbed',
  'phrased',
]);
/** Verbs of `as Smith wrote, "…"` (punctuation or a quotation mark follows). */
export const AS_PUT_BARE = new Set([
  'said',
  'says',
  'wrote',
  'writes',
  'noted',
  'notes',
  'tweeted',
  'remarked',
]);
/** Dashes that sign a quote with its author's name (`"…" ― Name`). */
export const DASHES = new Set(['―', '—', '–', '--', '-']);
export const ORG_TYPES = new Set(['ORG', 'GPE', 'NORP', 'FAC', 'LOC']);
export const MAX_SUBJECT = 12;
/** Prepositions that open a place or time phrase, not a speaker ("in Geneva", "at the summit"). */
export const LEADING_PREPS = new Set([
  'in',
  'at',
  'from',
  'during',
  'after',
  'near',
  'inside',
  'outside',
  'across',
  'on',
]);
/** More openers of a sentence-initial phrase before the subject ("In his speech, ElBaradei …"). */
export const SENTENCE_PREPS = new Set([
  'before',
  'with',
  'despite',
  'for',
  'following',
  'under',
  'asked',
  'later',
]);
/** Subordinators opening a clause before the main one ("Although the IMF …, it referenced …"). */
export const SUBORDINATORS = new Set([
  'although',
  'though',
  'while',
  'when',
  'as',
  'if',
  'because',
  'since',
  'after',
  'before',
  'once',
  'whereas',
]);
/** Prepositions whose object is no subject ("under president Saddam", "with Kim"). */
export const OBJECT_PREPS = new Set([
  'under',
  'of',
  'by',
  'with',
  'to',
  'for',
  'in',
  'on',
  'at',
  'from',
  'against',
  'about',
  'than',
  'like',
  'between',
]);
/** How many earlier attributions a speaker look-back visits at most (keeps resolution linear). */
export const HISTORY_REACH = 40;
/** Possessive pronouns: a mention of someone, never a sentence's subject. */
export const POSSESSIVES = POSSESSIVE_DETERMINERS;
/** Time and place adverbs that can trail a speaker phrase ("Liu Jianchao Thursday", "the minister here"). */
export const TRAILING_ADVERBS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|here|there|earlier|later|again|also)$/;
/** Negations between a subject and its cue ("he did not say"). */
/** Clause negators, but not the determiner "no" ("no official said" is a speaker, not a negated cue). */
export const NEGATIONS = new Set([...NEGATORS].filter((w) => w !== 'no'));
/** First words of a phrase before a cue that cannot open a speaker ("from saying", "for refusing"). */
export const JUNK_OPENERS = new Set([
  'from',
  'for',
  'with',
  'in',
  'of',
  'at',
  'by',
  'to',
  'on',
  'about',
  'into',
  'over',
  'without',
  'during',
  'like',
  'up',
  'together',
  'forcefully',
]);
/** Head nouns of documents that "say" things for their author ("the message said", "the report added"). */
export const DOC_NOUNS = new Set([
  'message',
  'statement',
  'report',
  'resolution',
  'paper',
  'letter',
  'communique',
  'declaration',
  'document',
  'note',
  'memo',
  'study',
  'readout',
  'text',
  'editorial',
  'commentary',
]);
/** Cue forms that are never nouns, so a possessive before them is a name's ending ("Poor's said"). */
export const VERB_ONLY = new Set(['said', 'told', 'says', 'tells', 'added']);
/** Heads of media names: "the Kommersant daily", "Libyan television", "the state news agency". */
export const MEDIA_NOUNS = new Set([
  'daily',
  'newspaper',
  'weekly',
  'agency',
  'television',
  'tv',
  'radio',
  'broadcaster',
  'channel',
  'station',
]);
/** Relatives by the sex a pronoun refers to: "his wife" may be the "she" who speaks next. */
export const KIN = CLOSE_KIN;
/** Participles naming a document's author after it ("a paper penned by X", "a statement issued by X"). */
export const AUTHOR_PARTICIPLES = new Set([
  'penned',
  'written',
  'authored',
  'signed',
  'issued',
  'released',
  'drafted',
]);
/** Person nouns that describe someone other than the story's main actor ("the witness", "a resident"). */
export const ANONYMOUS_NOUNS = new Set([
  // a spokesperson named nowhere is someone other than the person the story follows
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'source',
  'witness',
  'resident',
  'man',
  'woman',
  'soldier',
  'police',
  'policeman',
  'member',
  'expert',
  'analyst',
  'diplomat',
  'official',
  'people',
  'child',
  'boy',
  'girl',
  'victim',
  'survivor',
  'passenger',
]);
/** Phrasal cues: verb form → the particle it needs ("talked about", "referring to", "pointed to"). */
export const PHRASAL = new Map<string, string>();
for (const [forms, particle] of [
  [['talk', 'talks', 'talked', 'talking'], 'about'],
  [['refer', 'refers', 'referred', 'referring'], 'to'],
  [['point', 'pointed', 'pointing'], 'to'],
  [['appear', 'appears', 'appeared'], 'to'],
  [['spoke', 'speaks', 'speaking'], 'about'],
  [['complained', 'complains', 'complaining'], 'about'],
  [['worried', 'worries'], 'about'],
  [['vote', 'votes', 'voted', 'voting'], 'for'],
] as const)
  for (const f of forms) PHRASAL.set(f, particle);
/** Conjunctions that may open a coordinated attribution ("…, but he said …"). */
export const CONJ = new Set(['and', 'but', 'while', 'although', 'though', 'yet']);
/** First words of an appositive or relative clause after a name ("X, a spokesman, said"). */
export const APPOSITIVE_OPEN = new Set([
  'a',
  'an',
  'the',
  'who',
  'whose',
  'his',
  'her',
  'their',
  'its',
  'one',
  'now',
  'then',
  'including',
  'both',
  'former',
]);
/** A US party and state tag after a politician's name: "R-Ky.", "D-S.C.", "I-Vt.". */
export const PARTY_TAG = /^[RDI]-[A-Z][A-Za-z.]*$/;
/** Auxiliaries and modals: a phrase holding one is a clause, not a speaker. */
export const CLAUSE_VERBS = new Set([
  'is',
  'was',
  'were',
  'are',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'should',
  'can',
  'may',
  'might',
  'must',
  'did',
  'does',
  'do',
  "won't",
  "can't",
  "isn't",
  "wasn't",
]);
/** Words before a cue word that make it a noun ("a report", "his claims", "China's warning"). */
export const NOUN_BEFORE = new Set([
  'a',
  'an',
  'the',
  'this',
  'these',
  'those',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  "'s",
  '’s',
  'new',
  'no',
  'any',
  'such',
  'of',
]);

export function isCapitalised(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  return s[0] !== s[0]!.toLowerCase();
}

export function isWordToken(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

/** Whether two words differ by exactly one inserted or deleted letter ("Lehman" / "Lehmann"). */
export function oneIndelApart(x: string, y: string): boolean {
  const [s, l] = x.length < y.length ? [x, y] : [y, x];
  if (l.length - s.length !== 1) return false;
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

/**
 * Finds direct, partial and indirect quotes with cue and speaker. Runs in time linear in the number of
 * tokens: every look-around is bounded. See the stage's JSDoc for the rules.
 */
