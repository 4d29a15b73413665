/**
 * Region-specific knowledge as data, so that the stages hold mechanisms only: the time zones a wire story
 * names after a clock time, and the countries a story may call "the North" and "the South".
 */

/** Time zones named in words after a clock time or a day ("10 a.m. Korea time", "Tuesday (local time)"). */
export const ZONE_NAMES: readonly string[] = [
  'Korea time',
  'Seoul time',
  'Japan time',
  'Tokyo time',
  'Beijing time',
  'local time',
];

/** Time-zone abbreviations wire copy prints after a clock time ("0900 GMT", "3 p.m. EST"). */
export const ZONE_ABBREVIATIONS: readonly string[] = [
  'KST',
  'JST',
  'GMT',
  'UTC',
  'EST',
  'EDT',
  'PST',
  'PDT',
  'CET',
  'CEST',
  'BST',
  'MSK',
];

/**
 * A country divided into a north and a south that copy names as "the North" / "the South" and together as
 * "the two <plural>": ISO codes and the plural. The entities stage links the phrases to these countries.
 */
export interface DividedCountry {
  north: string;
  south: string;
  /** "Koreas" in "the two Koreas"; null when copy has no such plural. */
  plural: string | null;
}

/** Divided countries whose halves wire copy calls "the North" and "the South". */
export const DIVIDED_COUNTRIES: readonly DividedCountry[] = [
  { north: 'PRK', south: 'KOR', plural: 'Koreas' },
];
