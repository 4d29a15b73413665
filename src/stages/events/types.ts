import type { Modality, NewsEvent, PloverType, TextSpan } from '../../core/types.js';
import type { LexEntry } from './lexicon.js';
import type { Anaphor } from './participants.js';

/** Options of the events stage. */
export interface EventsOptions {
  /** Keep events that have neither actors nor targets (default false: they say nothing about who did what). */
  keepUnattached?: boolean;
  /** Longest subject or object search window, in tokens (bounds the work per trigger). */
  window?: number;
}

/**
 * An actor named only by a description ("rebels", "pro-government forces", "a Burmese dissident group"). PLOVER
 * and CAMEO code such actors by sector (REB, MIL, COP, GOV, OPP, CVL, …) and, when the phrase carries one, a
 * country; dropping the event instead loses who did what. An added output field: `actors` still lists only
 * entity ids.
 */
export interface GenericActor {
  /** The describing phrase as written ("pro-government forces"). */
  text: string;
  /** CAMEO agent/sector code of its head noun. */
  sector: string;
  /** ISO code of a country named inside the phrase ("Somali troops"), if any. */
  country: string | null;
  start: number;
  end: number;
}

/** One side of an event with the country it stands for there (an added output field of events). */
export interface EventParticipant {
  /** Entity id, as listed in `actors` or `targets`. */
  id: string;
  role: 'actor' | 'target';
  /** ISO code: the entity's own country, else one named in the participant's phrase; null when neither. */
  country: string | null;
  /**
   * Where the country came from (`entity`, `phrase`, or `person` for a name the recogniser took for a place
   * it could not locate that the knowledge base lists as one person's: "Putin offered …"), null when none.
   */
  countryFrom: 'entity' | 'phrase' | 'person' | null;
}

/** An event with provenance: the lexicon rule that fired. `rule` is an allowed added field. */
export interface RuledEvent extends NewsEvent {
  rule: string;
  /** Set only when `actors` is empty and the clause names its actor by a description. */
  genericActor?: GenericActor;
  /** The actors then the targets, each with its country in this event (set last, after merging). */
  participants?: EventParticipant[];
}

export const COOPERATIVE: ReadonlySet<PloverType> = new Set([
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'COOPERATE',
  'AID',
  'CONCEDE',
  'RETREAT',
  'INVESTIGATE',
]);

export const CONFLICT_MATERIAL: ReadonlySet<PloverType> = new Set([
  'COERCE',
  'SANCTION',
  'ASSAULT',
  'FIGHT',
  'MOBILIZE',
  'PROTEST',
  'CRIME',
]);

export interface Trigger {
  entry: LexEntry;
  /** Trigger token range (the verb, its particle, or the noun phrase). */
  start: number;
  end: number;
  /** Tokens consumed by the match (object noun included), so nouns are not read twice. */
  consumedEnd: number;
  type: PloverType;
  cameo: string | null;
  mode: string | null;
  rule: string;
  absorbed: boolean;
  /** The first event of a governed complement ("offered to meet Kabila"): its object is the target. */
  inner: Trigger | null;
  /** Start of an explicit target phrase (governed complements). */
  actors: string[];
  targets: string[];
  location: string | null;
  modality: Modality;
}

/** A further mention of the same event, kept as evidence on the merged event. */
export interface EventMention extends TextSpan {
  sentence: number;
}

/** An event with provenance and the other triggers that report the same event. */
export interface MergedEvent extends RuledEvent {
  /** Other triggers in this article that report the same event (an added field). */
  evidence?: EventMention[];
}

export interface SubjectRegion {
  /** First token of the subject (after a leading adverbial). */
  start: number;
  /** First token of the clause (before a leading adverbial), for time linking. */
  clause: number;
  entities: string[];
  inherit: string[] | null;
  empty: boolean;
  pronoun: boolean;
  /** A first-person subject ("we", "I"): the speaker of the quote. */
  firstPerson: boolean;
  /** A group anaphor as subject ("they", "the two sides", "the three countries"). */
  anaphor: Anaphor | null;
  /** The region holds only auxiliaries and adverbs after "but"/"and" (an elliptical subject). */
  auxOnly: boolean;
  /** A participial adjunct (", calling for …"): the subject is the main clause's. */
  adjunct: boolean;
  /** The antecedent of a relative clause subject ("X, who has threatened …"). */
  antecedent: string[] | null;
  /** An unnamed armed subject ("pro-government forces seized Jowhar"): the event still says who was hit. */
  armed: boolean;
  /** A singular anaphoric subject: "he"/"the president" (person) or "it"/"the group" (organisation). */
  singular: 'person' | 'org' | null;
}
