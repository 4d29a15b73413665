import { ARTICLES, SPEECH_VERBS, verbForms } from '../../knowledge/english/index.js';

/**
 * Reporting-verb and attribution lexicon. A cue's class decides which patterns it may anchor: `strong` verbs
 * ("said", "told") introduce reported speech with or without "that"; `that` verbs ("warned", "noted",
 * "believes") only before "that" / ":" / a quotation, or in a clause-final cue ("…, he warned."), because on
 * their own they are often ordinary verbs ("added troops", "noted for").
 */
export type CueClass = 'strong' | 'that' | 'final' | 'object';

/** All forms of a verb, from the shared English morphology (`inflect`). */
const forms = verbForms;

/**
 * Verbs whose cue forms are restricted (a form that is far more often something else is left out: "thinking",
 * "holding", the noun "answer") or that need forms the regular rules do not give.
 */
const IRREGULAR: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'writing', 'written'],
  think: ['think', 'thinks', 'thought'],
  tweet: ['tweet', 'tweets', 'tweeted', 'tweeting'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  predict: ['predict', 'predicts', 'predicted', 'predicting'],
  feel: ['feel', 'feels', 'felt'],
  know: ['know', 'knows', 'knew'],
  hold: ['holds', 'held'],
  // "the letter reads/read": clause-final only (`"…," the letter read.`), never before its content
  read: ['reads', 'read'],
  add: ['add', 'adds', 'added', 'adding'],
  testify: ['testify', 'testifies', 'testified', 'testifying'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  // "answered that …": the noun "answer" is far more frequent than the present tense
  answer: ['answered', 'answers'],
  deny: ['deny', 'denies', 'denied', 'denying'],
  signal: ['signal', 'signals', 'signaled', 'signalled', 'signaling', 'signalling'],
  see: ['see', 'sees', 'saw'],
  seem: ['seem', 'seems', 'seemed'],
  doubt: ['doubt', 'doubts', 'doubted'],
  challenge: ['challenges', 'challenged'],
  request: ['requested'],
  offer: ['offered'],
  view: ['views', 'viewed'],
  push: ['pushed', 'pushing'],
};

const STRONG = ['say', 'tell'];
const THAT = [
  'add',
  'stress',
  'warn',
  'note',
  'announce',
  'confirm',
  'insist',
  'argue',
  'claim',
  'believe',
  'think',
  'report',
  'explain',
  'acknowledge',
  'admit',
  'declare',
  'state',
  'suggest',
  'predict',
  'vow',
  'pledge',
  'promise',
  'deny',
  'reveal',
  'indicate',
  'emphasize',
  'emphasise',
  'assert',
  'maintain',
  'mention',
  'complain',
  'allege',
  'hope',
  'fear',
  'estimate',
  'write',
  'tweet',
  'reply',
  'answer',
  'respond',
  'recall',
  'concede',
  'conclude',
  'caution',
  'reiterate',
  'affirm',
  'observe',
  'remark',
  'comment',
  'disclose',
  'hint',
  'signal',
  'contend',
  'charge',
  'assure',
  'inform',
  'remind',
  'agree',
  'feel',
  'know',
  'testify',
  'underline',
  'underscore',
  'point out',
  'expect',
  'show',
  'find',
  'accuse',
  'urge',
];
/**
 * Verbs of stance and intention whose object is the attributed content ("X wants a recount", "Y criticized
 * the deal"): attribution corpora such as PolNeAR annotate them, so they anchor a verb-first attribution
 * with the rest of the clause as content.
 */
const OBJECT = [
  'want',
  'call',
  'support',
  'criticize',
  'criticise',
  'announce',
  'ask',
  'describe',
  'back',
  'praise',
  'thank',
  'refuse',
  'prefer',
  'plan',
  'mock',
  'dismiss',
  'discuss',
  'propose',
  'cite',
  'endorse',
  'accuse',
  'seek',
  'defend',
  'oppose',
  'reject',
  'blame',
  'question',
  'condemn',
  'demand',
  'welcome',
  'decline',
  'threaten',
  'slam',
  'attack',
  'denounce',
  'insist',
  'ask',
  'offer',
  'see',
  'consider',
  'express',
  'view',
  'push',
  'blast',
  'decide',
  'favor',
  'favour',
  'tout',
  'challenge',
  'remember',
  'request',
  'worry',
  'seem',
  'celebrate',
  'applaud',
  'embrace',
  'advocate',
  'champion',
  'recommend',
  'dispute',
  'doubt',
  'deride',
  'ridicule',
  'lambaste',
  'fault',
  'scold',
  'hail',
  'laud',
  'assail',
  'decry',
  'lament',
  'regret',
  'envision',
  'imagine',
  'intend',
  'vow',
  'pledge',
];
const FINAL_ONLY = ['continue', 'quip', 'joke', 'shout', 'recount', 'read', 'yell', 'scream', 'exclaim'];

const CUES = new Map<string, CueClass>();
for (const v of FINAL_ONLY) for (const f of IRREGULAR[v] ?? forms(v)) CUES.set(f, 'final');
for (const v of THAT) {
  if (v.includes(' ')) continue;
  for (const f of IRREGULAR[v] ?? forms(v)) CUES.set(f, 'that');
}
for (const v of OBJECT) {
  for (const f of IRREGULAR[v] ?? forms(v)) if (!CUES.has(f)) CUES.set(f, 'object');
}
CUES.set('sought', 'object');
// VerbNet's manners of speaking ("quipped", "muttered", "scoffed"), past and third-person forms: a cue only
// in a clause-final report, mostly right after a quotation (`"…," he quipped.`). The other speech verbs of
// the shared lexicon are not added: a verb the classes above do not list anchors too many false reports
// ("…, Senator X proclaimed a goal") until cues are checked on the sentence's structure.
for (const [lemma, entry] of SPEECH_VERBS) {
  if (lemma.includes(' ') || !entry.groups.includes('manner')) continue;
  const f = forms(lemma);
  for (const form of [f[1]!, f[2]!]) if (!CUES.has(form)) CUES.set(form, 'final');
}
for (const v of STRONG) for (const f of IRREGULAR[v]!) CUES.set(f, 'strong');
// "found"/"shows" as cues need a that-clause; the irregular past of "find" is not generated
CUES.set('found', 'that');
CUES.delete('finding');
// "swing states", "the United States": the noun is far more frequent than the verb
CUES.delete('state');
CUES.delete('states');
CUES.delete('showing');
CUES.delete('expecting');
CUES.delete('holding');

/** The class of a single-word cue (lowercase), or undefined. */
export function cueClass(lower: string): CueClass | undefined {
  return CUES.get(lower);
}

/** "-ing" participle cues ("…, saying the move was illegal") attach to the main clause's subject. */
export function isParticiple(lower: string): boolean {
  return lower.endsWith('ing') && CUES.has(lower);
}

/**
 * Nouns after "according to" that name a rule, plan or measure rather than a source: "according to the plan",
 * "according to the constitution", "according to his body mass index" state what something prescribes or
 * how it is measured, not what anyone said. ("report", "data", "figures", "statement" are sources.)
 */
export const NOT_SOURCES: ReadonlySet<string> = new Set([
  'plan',
  'schedule',
  'timetable',
  'calendar',
  'law',
  'constitution',
  'rule',
  'regulation',
  'agreement',
  'accord',
  'deal',
  'treaty',
  'charter',
  'protocol',
  'procedure',
  'guideline',
  'tradition',
  'custom',
  'formula',
  'index',
  'scale',
  'standard',
  'criterion',
  'definition',
  'term',
  'program',
  'programme',
  'roadmap',
  'blueprint',
  'script',
  'design',
  'budget',
  'contract',
]);

/**
 * Verbs that report a statement with a that-clause but an agreement, decision or wish with an infinitive:
 * "agreed to retain the seats", "hopes to ban donations" say nothing; "agreed that …" reports.
 */
export const INFINITIVE_NOT_SPEECH: ReadonlySet<string> = new Set([
  'agree',
  'decide',
  'refuse',
  'hope',
  'want',
  'plan',
  'expect',
  'intend',
  'wish',
  'seek',
  'try',
]);

/** Verbs whose object (a listener) sits between the cue and the content: "told reporters (that) …". */
/**
 * Speech verbs with a second, non-speech sense when their object is a noun phrase rather than a clause: "the
 * index added 0.66 percent", "she claimed a place in the final", "banks charging a fee". With such an object
 * right after them they report nothing. ("call" is not one: "X called the plan a disaster" is a judgment said.)
 */
export const OBJECT_SENSE_NOT_SPEECH: ReadonlySet<string> = new Set(['add', 'claim', 'charge']);

/**
 * Means of speaking that follow a cue with "by" ("said by telephone", "told AFP by phone"): a "by" before one of
 * them is no passive agent, so the cue still reports its speaker's words.
 */
export const SPEECH_MEANS: ReadonlySet<string> = new Set([
  'telephone',
  'phone',
  'satellite',
  'cellphone',
  'mobile',
  'e-mail',
  'email',
  'fax',
  'text',
  'letter',
  'video',
  'videolink',
  'radio',
  'telex',
]);

export const OBJECT_VERBS: ReadonlySet<string> = new Set([
  'told',
  'tell',
  'tells',
  'telling',
  'assured',
  'assures',
  'informed',
  'informs',
  'reminded',
  'reminds',
  'warned',
  'warns',
  'urged',
  'urges',
  'accused',
  'accuses',
]);

/** Auxiliaries and adverbs that may sit between a speaker and the cue ("has also said"). */
export const CUE_PREFIX: ReadonlySet<string> = new Set([
  'has',
  'have',
  'had',
  'also',
  'is',
  'was',
  'were',
  'are',
  'will',
  'would',
  'could',
  'may',
  'might',
  'did',
  'does',
  'do',
  'later',
  'previously',
  'again',
  'repeatedly',
  'recently',
  'reportedly',
  'publicly',
  'privately',
  'once',
  'then',
  'further',
  'already',
  'often',
  'earlier',
  'first',
  'clearly',
  'separately',
  'similarly',
  'flatly',
  'frequently',
  'still',
  'initially',
  'only',
  'even',
  'just',
  'simply',
  'has been',
  'been',
  'being',
  'widely',
  'strongly',
  'openly',
  'explicitly',
  'firmly',
  'since',
  'himself',
  'herself',
  'itself',
  'themselves',
]);

/** Words that end a speaker phrase when walking back from a cue. */
export const SUBJECT_STOP: ReadonlySet<string> = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'when',
  'while',
  'because',
  'as',
  'but',
  'if',
  'after',
  'before',
  'where',
  'so',
  'although',
  'though',
  'than',
  'whether',
  'until',
  'unless',
  'since',
  'and',
  'or',
  'nor',
  'yet',
  'what',
  'how',
  'why',
]);

/** Subject pronouns that can be speakers. */
export const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);

/** Head nouns of nominal speakers that refer to people ("the 61-year-old", "a White House official"). */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'official',
  'officials',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'minister',
  'president',
  'premier',
  'chancellor',
  'advisor',
  'adviser',
  'source',
  'sources',
  'diplomat',
  'diplomats',
  'analyst',
  'analysts',
  'officer',
  'aide',
  'envoy',
  'ambassador',
  'secretary',
  'chief',
  'leader',
  'lawmaker',
  'senator',
  'congressman',
  'congresswoman',
  'governor',
  'mayor',
  'general',
  'commander',
  'director',
  'head',
  'chairman',
  'chairwoman',
  'candidate',
  'nominee',
  'negotiator',
  'representative',
  'delegate',
  'expert',
  'professor',
  'witness',
  'resident',
  'man',
  'woman',
  'king',
  'queen',
  'prince',
  'pope',
  'prosecutor',
  'judge',
  'lawyer',
  'attorney',
  'year-old',
  'manager',
  'strategist',
  'activist',
  'researcher',
  'scientist',
  'editor',
  'correspondent',
  'reporter',
  'author',
  'member',
  'soldier',
  'police',
  'policeman',
  'counterpart',
]);

/** First-word determiners stripped from a speaker name: the articles. */
export const DETERMINERS: ReadonlySet<string> = ARTICLES;

/**
 * Head nouns of nominal speakers that refer to organisations ("the ministry said", "the company added"):
 * a definite one refers back to the organisation named earlier in the story.
 */
export const ORG_NOUNS: ReadonlySet<string> = new Set([
  'ministry',
  'government',
  'company',
  'group',
  'agency',
  'army',
  'military',
  'party',
  'office',
  'council',
  'court',
  'embassy',
  'department',
  'commission',
  'committee',
  'union',
  'bank',
  'organisation',
  'organization',
  'firm',
  'board',
  'administration',
  'foundation',
  'campaign',
  'association',
  'federation',
  'alliance',
  'coalition',
  'authority',
  'agency',
  'parliament',
  'assembly',
  'cabinet',
  'institute',
  'centre',
  'center',
  'network',
  'movement',
  'front',
  'force',
  'forces',
  'station',
  'newspaper',
  'daily',
  'broadcaster',
  'television',
  'tv',
  'radio',
  'weekly',
  'channel',
]);
