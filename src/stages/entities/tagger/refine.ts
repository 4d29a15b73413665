import type { Gazetteer } from './gazetteer.js';
import type { ConllType } from './labels.js';

/**
 * Maps a tagger span (CoNLL type + its tokens) to an analysis-format type:
 * - PER → PERSON, ORG → ORG;
 * - LOC → LOC for natural features, continents and named regions (`Korean Peninsula`, `Middle East`,
 *   `Yellow Sea`), otherwise GPE (countries, cities, provinces: most LOC spans in wire news);
 * - MISC → NORP for nationalities, demonyms and religious/political groups (`North Korean`, `Israelis`,
 *   `Shiite`), EVENT for wars, games and summits, LAW for treaties and acts, ORG for a name of two or more
 *   words ending in the head noun of a body (`Nobel Committee`, `Press Council`), else MISC.
 * The entity stage may overrule this with the knowledge base; this is the tagger's own best guess.
 */
export function refineType(
  type: ConllType | string,
  tokens: readonly string[],
  gazetteer?: Gazetteer,
): string {
  const text = tokens.join(' ');
  const last = (tokens[tokens.length - 1] ?? '').toLowerCase();
  switch (type) {
    case 'PER':
      return 'PERSON';
    case 'ORG':
      return 'ORG';
    case 'LOC': {
      if (gazetteer && (gazetteer.has(text, 'country') || gazetteer.has(text, 'city'))) return 'GPE';
      if (LOC_HEADS.has(last) || LOC_NAMES.has(text.toLowerCase())) return 'LOC';
      if (gazetteer?.has(text, 'region')) return 'LOC';
      return 'GPE';
    }
    case 'MISC': {
      if (tokens.length <= 3) {
        if (gazetteer?.has(text, 'demonym')) return 'NORP';
        const singular = text.replace(/s$/, '');
        if (gazetteer?.has(singular, 'demonym')) return 'NORP';
        if (NORP_WORDS.has(last) || NORP_WORDS.has(last.replace(/s$/, ''))) return 'NORP';
        if (tokens.length === 1 && /^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i|ic)s?$/u.test(text)) return 'NORP';
      }
      if (EVENT_HEADS.has(last) || NAMED_EVENT_FIRST.has((tokens[0] ?? '').toLowerCase())) return 'EVENT';
      if (LAW_HEADS.has(last)) return 'LAW';
      if (tokens.length >= 2 && BODY_HEADS.has(last)) return 'ORG';
      return 'MISC';
    }
    default:
      return type;
  }
}

/**
 * True when a short span is a religious, ethnic or political group word ("Muslim", "Shiite Muslims",
 * "Sunnis"): the word list only, not the demonym-looking suffixes `refineType` also accepts, since names like
 * "Fujimori" or "Callaghan" end the same way.
 */
export function isGroupWord(tokens: readonly string[]): boolean {
  if (tokens.length === 0 || tokens.length > 2) return false;
  return tokens.every((t) => {
    const w = t.toLowerCase();
    return NORP_WORDS.has(w) || NORP_WORDS.has(w.replace(/s$/, ''));
  });
}

const LOC_HEADS = new Set(
  (
    'sea ocean river mountain mountains mount range gulf bay strait straits peninsula lake valley desert island ' +
    'islands coast plain plains basin canal channel cape delta plateau highlands lowlands region zone corridor ' +
    'strip bank heights forest glacier'
  ).split(' '),
);

const LOC_NAMES = new Set(
  (
    'europe|asia|africa|antarctica|oceania|north america|south america|latin america|central america|' +
    'middle east|mideast|near east|far east|east asia|southeast asia|south asia|central asia|the balkans|' +
    'balkans|caucasus|the caucasus|sahel|scandinavia|the gulf|west africa|east africa|horn of africa|' +
    'the arctic|arctic|the west|eurasia|asia-pacific|indo-pacific|caribbean|the caribbean|sahara|himalayas'
  ).split('|'),
);

const NORP_WORDS = new Set(
  (
    'muslim muslims moslem moslems christian christians jew jews jewish catholic catholics protestant protestants buddhist ' +
    'hindu hindus sikh sikhs shiite shiites shia sunni sunnis kurd kurds kurdish arab arabs palestinian ' +
    'democrat democrats republican republicans communist communists socialist socialists conservative ' +
    'conservatives liberal liberals islamist islamists maoist maoists orthodox evangelical'
  ).split(' '),
);

const EVENT_HEADS = new Set(
  'war games olympics olympiad cup championship championships summit conference forum festival revolution uprising'.split(
    ' ',
  ),
);

/** First words of named events: storms and operations ("Typhoon Kestrel", "Operation Iron Dome"). */
const NAMED_EVENT_FIRST = new Set('typhoon hurricane cyclone superstorm operation'.split(' '));

/** Head nouns of bodies: a MISC name ending in one names the body ("Nobel Committee", "Olympic Council"). */
const BODY_HEADS = new Set(
  (
    'committee council commission ministry department agency authority bureau office directorate secretariat ' +
    'tribunal parliament assembly federation union party association institute foundation'
  ).split(' '),
);

const LAW_HEADS = new Set(
  'act treaty accord accords convention constitution law charter protocol agreement resolution'.split(' '),
);
