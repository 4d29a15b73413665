import type { EntityType } from '../core/types.js';

/**
 * What a gazetteer phrase names. `title` phrases are roles ("foreign minister"), not entities; `gov` are
 * government bodies with a country; `org` are international organisations and other non-state bodies.
 */
export type GazetteerKind =
  | 'country'
  | 'capital'
  | 'city'
  | 'demonym'
  | 'org'
  | 'gov'
  | 'title'
  | 'region'
  | 'fac'
  | 'event'
  | 'law';

/** One knowledge-base entry a phrase resolves to. */
export interface KbEntry {
  /** Stable id: `country:PRK`, `org:un-security-council`, `gov:USA:white-house`, `title:foreign-minister`. */
  kb: string;
  kind: GazetteerKind;
  /** Canonical display name ("North Korea", "White House", "Foreign Minister"). */
  name: string;
  /** Output entity type for this phrase (titles: null, they are not entities). */
  type: EntityType | null;
  /** ISO3 country the phrase belongs to (identity for GPEs, affiliation for bodies), else null. */
  country: string | null;
  /**
   * True for bodies whose country depends on context ("the Foreign Ministry", "the presidential office"):
   * the entities stage fills the country from a preceding country word or the story's home country.
   */
  contextual?: boolean;
  /** True when the phrase is only a body when a country word precedes it ("Iraqi government"). */
  needsCountry?: boolean;
  /**
   * For a demonym that fits several states ("Congolese", "Korean"): their ISO3 codes. `country` stays null;
   * the entities stage picks one from the rest of the story.
   */
  candidates?: readonly string[];
}

/** A phrase found in a token array: `[start, end)` token indices. */
export interface GazetteerMatch {
  start: number;
  end: number;
  kb: string;
  kind: GazetteerKind;
  entry: KbEntry;
}
