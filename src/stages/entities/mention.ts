import { inflect } from '../../knowledge/english/index.js';
import type { KbEntry } from '../../knowledge/index.js';

/** How a mention names its entity. */
export type MentionKind = 'name' | 'partial' | 'pronoun' | 'nominal';

/**
 * One mention while the stage works: its place (sentence and unit indices), what it names, and the cues
 * coreference uses (speaker position, inside a quotation, gender).
 */
export interface Mention {
  sentence: number;
  /** Unit indices `[s, e)` within the sentence. */
  s: number;
  e: number;
  start: number;
  end: number;
  text: string;
  /** PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, LAW, MISC; `UNK` and `BARE` are undecided capitalised words. */
  type: string;
  kb: string | null;
  country: string | null;
  role: string | null;
  kind: MentionKind;
  /** The rule or model that produced the mention. */
  rule: string;
  gender: 'm' | 'f' | null;
  /** Subject of a reporting verb ("Kirby said", "according to Kirby"). */
  speaker: boolean;
  /** Inside a quotation. */
  inQuote: boolean;
  /** First person or body mention of its sentence outside quotations. */
  subject: boolean;
  /**
   * The subject with nothing before it that makes it an object or an inverted subject ("were his wife X",
   * "met with X"): the person the sentence is about, for choosing among people who share a surname.
   */
  lead?: boolean;
  entry: KbEntry | null;
  /** Name tokens (persons), used by coreference. */
  words: string[];
  /** Cluster key once resolved. */
  key: string | null;
  /** For a reference to a group ("they", "the two officials"): the member entities' keys (`mentionKey`). */
  members?: string[];
}

/**
 * The key that groups mentions into one output entity: a person's cluster, a knowledge-base id (contextual
 * bodies without a country keep their wording apart), else type and text; null for mentions that make no
 * entity (undecided words, persons not clustered).
 */
export function mentionKey(m: Mention): string | null {
  if (m.type === 'UNK' || m.type === 'BARE') return null;
  if (m.members) return `group|${m.members.join('|')}`;
  // a nominal that refers to a body named before ("the ministry") carries that body's key
  if (m.type !== 'PERSON' && m.key) return m.key;
  if (m.type === 'PERSON') return m.key ? `person|${m.key}` : null;
  // a body resolved to its country ("gov:usa-air-force") keeps that key on a pronoun that carries no country
  if (m.kb)
    return m.entry?.contextual && !m.country && m.kb === m.entry.kb
      ? `${m.kb}|${m.text.toLowerCase()}`
      : m.kb;
  return `${m.type}|${m.text.replace(/[’‘`]/g, "'").toLowerCase()}`;
}

/** Verbs that introduce reported speech; a name next to one is a speaker. */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  'say',
  ...(
    'say tell add note stress state announce explain warn claim insist confirm report urge ask argue emphasize ' +
    'reiterate declare write deny'
  )
    .split(' ')
    .flatMap((v) => [inflect(v).s, inflect(v).past]),
  // the third-person forms of these are more often nouns ("his remarks", "the quotes")
  ...(
    'emphasise underscore tweet comment remark reply respond acknowledge admit suggest predict estimate quote ' +
    'cite vow pledge call'
  )
    .split(' ')
    .map((v) => inflect(v).past),
]);

/** Words that may sit between a speaker and the reporting verb ("Kirby also said", "has said"). */
export const SPEAKER_GAP: ReadonlySet<string> = new Set(
  'also has have had further later earlier then reportedly previously once again was is has quickly separately'.split(
    /\s+/,
  ),
);
