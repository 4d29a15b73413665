/**
 * Figures that are not claims, as data (read by \`../refine.ts\`): sports scores and tallies, and distances
 * given in passing to place something. Written by the newsintel project.
 */

/** Heads of sports tallies ("25 points", "two goals"). */
export const SPORTS_UNITS: readonly string[] = [
  'points',
  'goals',
  'runs',
  'wickets',
  'strokes',
  'laps',
  'sets',
  'rebounds',
  'assists',
  'touchdowns',
  'yards',
  'innings',
  'overs',
  'birdies',
  'bogeys',
  'pars',
  'saves',
  'tries',
  'baskets',
  'medals',
  'titles',
  'caps',
  'seeds',
  'shots',
];

/** Words that make the context a sports result. */
export const SPORTS_WORDS: readonly string[] = [
  'win',
  'won',
  'wins',
  'beat',
  'beats',
  'defeat',
  'defeated',
  'defeats',
  'lost',
  'lose',
  'loses',
  'drew',
  'draw',
  'draws',
  'victory',
  'defeat',
  'match',
  'game',
  'final',
  'semi-final',
  'semifinal',
  'quarter-final',
  'score',
  'scored',
  'lead',
  'led',
  'trailed',
  'tie',
  'tied',
  'round',
  'set',
  'half',
  'league',
  'cup',
  'championship',
  'tournament',
  'season',
  'innings',
];

/** Units of distance. */
export const DISTANCE_UNITS: readonly string[] = [
  'km',
  'kms',
  'kilometres',
  'kilometers',
  'kilometre',
  'kilometer',
  'miles',
  'mile',
  'metres',
  'meters',
  'metre',
  'meter',
  'm',
  'feet',
  'ft',
  'yards',
  'nautical',
];

/** Words after a distance that show it only places something ("50 km north of …"). */
export const PLACE_WORDS: readonly string[] = [
  'north',
  'south',
  'east',
  'west',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
  'north-east',
  'north-west',
  'south-east',
  'south-west',
  'northern',
  'southern',
  'eastern',
  'western',
  'off',
  'outside',
  'from',
  'away',
  'inland',
  'offshore',
  'upstream',
  'downstream',
  'short',
];

/**
 * Entity types whose names may hold a number that names rather than counts ("Seven Party Alliance", "Group of
 * Eight", "Two Sons of Francisco"): a number inside a mention of one of these is no claim.
 */
export const NAME_TYPES: readonly string[] = [
  'PERSON',
  'ORG',
  'GPE',
  'LOC',
  'FAC',
  'EVENT',
  'LAW',
  'PRODUCT',
  'WORK_OF_ART',
];

/** Lower-case words that join the parts of one name ("UN Office on Drugs and Crime", "Ministry of Defence"). */
export const NAME_LINKS: readonly string[] = ['of', 'on', 'for', 'and', 'de', 'du', 'des', 'la', 'el', 'al'];

/**
 * Heads a number's parse can point at that are no counted noun: the unit stays what the token rules read
 * ("up 59 percent from last year" is a percentage however "year" attaches).
 */
export const NOT_UNIT_HEADS: readonly string[] = [
  'percent',
  'per',
  'cent',
  'pct',
  'worth',
  'total',
  'number',
];

/** Prepositions whose object does not give the figure ("the murder of X", "charges against X"). */
export const NOT_SOURCE_CASES: readonly string[] = [
  'of',
  'against',
  'with',
  'in',
  'on',
  'at',
  'into',
  'for',
  'about',
];

/**
 * Counted nouns that make a figure a duration ("two extra years", "the last 12 seasons"): durations in passing
 * are no claims. Read on the parse, so modifiers between the number and the noun do not hide it.
 */
export const DURATION_NOUNS: readonly string[] = [
  'year',
  'month',
  'week',
  'day',
  'hour',
  'minute',
  'decade',
  'century',
  'season',
  'fortnight',
];

/**
 * Words that mark a whole story as a sports report (counted over the story: several different ones must occur).
 * Only words that are rare in other news: "won", "lead" or "round" are not among them.
 */
export const SPORTS_STORY_WORDS: readonly string[] = [
  'league',
  'tournament',
  'championship',
  'cup',
  'striker',
  'midfielder',
  'defender',
  'goalkeeper',
  'coach',
  'stadium',
  'players',
  'player',
  'club',
  'scored',
  'goals',
  'goal',
  'birdie',
  'birdies',
  'bogey',
  'par',
  'under-par',
  'innings',
  'wicket',
  'wickets',
  'inning',
  'pitcher',
  'quarterback',
  'touchdown',
  'semi-final',
  'semifinal',
  'quarter-final',
  'medal',
  'medals',
  'olympic',
  'champion',
  'champions',
  'title',
  'season',
  'match',
  'matches',
  'fixture',
  'seeded',
  'tennis',
  'golf',
  'football',
  'soccer',
  'basketball',
  'baseball',
  'cricket',
  'rugby',
];

/** Counted nouns that in a sports story are results, not claims ("two wins in ten matches"). */
export const SPORTS_COUNTS: readonly string[] = [
  'wins',
  'win',
  'victories',
  'defeats',
  'losses',
  'draws',
  'matches',
  'games',
  'contests',
  'starts',
  'appearances',
  'strikeouts',
  'holes',
  'league',
  'era',
  'iron',
];
