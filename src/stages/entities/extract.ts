import { FAMILY_GROUP_NOUNS, inflect } from '../../knowledge/english/index.js';
import {
  contextualKb,
  countryByIso3,
  type GazetteerMatch,
  genericBodySlug,
  givenNameGender,
  isHonorific,
  isTemporalTitleWord,
  isTitleWord,
  type KbEntry,
  kbEntry,
  lookupPlace,
  matchGazetteer,
  normToken,
  titleCountry,
  titleGender,
} from '../../knowledge/index.js';
import { EAST_ASIAN_SURNAMES, HYPHENATED_GIVEN_NAME } from '../../knowledge/surnames.js';
import { getLexicon } from '../repair/lexicon.js';
import { CAPITALISED_STOPWORDS, type NerSpan, type NerTagger } from './fallback-tagger.js';
import { type Mention, REPORTING_VERBS, SPEAKER_GAP } from './mention.js';
import {
  hasWordChar,
  isAllCapsSentence,
  isForeignScript,
  joinNameParts,
  NAME_PARTICLES,
  trimPunctuation,
  truecase,
} from './names.js';
import { isGroupWord, refineType } from './tagger/refine.js';
import type { Unit } from './units.js';

/** What one sentence yields before coreference. */
export interface SentenceAnalysis {
  units: Unit[];
  toks: string[];
  gaz: GazetteerMatch[];
  titles: GazetteerMatch[];
  mentions: Mention[];
}

const COUNTRYISH = new Set(['country', 'capital', 'city', 'demonym']);
const LAW_HEADS = new Set([
  'Convention',
  'Treaty',
  'Charter',
  'Protocol',
  'Accord',
  'Accords',
  'Act',
  'Agreement',
]);
const EVENT_HEADS = new Set(['War', 'Olympics', 'Games', 'Cup', 'Revolution', 'Uprising', 'Intifada']);
/** Last words that make a name a publication or company, not a person ("Sankei Shimbun"). */
const ORG_HEADS = new Set([
  'Shimbun',
  'Ilbo',
  'Times',
  'Post',
  'Daily',
  'News',
  'Press',
  'Herald',
  'Journal',
  'Agency',
  'Television',
  'TV',
  'Radio',
  'Inc.',
  'Corp.',
  'Ltd.',
  'Group',
  // "Clinton Foundation", "Brookings Institution": a surname before one of these names a body
  'Foundation',
  'Institute',
  'Institution',
  'Fund',
  'Trust',
  'Corporation',
  'Company',
  'University',
  'College',
  'Association',
  'Society',
  'Campaign',
  'Coalition',
]);
/** Last words that make a capitalised name a body whatever the tagger typed it ("the Brandt Foundation"). */
const BODY_NAME_ENDS = new Set(
  (
    'Foundation Institute Institution Fund Trust Corporation Company University College Association ' +
    'Society'
  ).split(' '),
);
const NOT_NAME_END = new Set(['said', 'says', 'told', 'added', 'noted', "'s", 'and', 'of', 'the']);

/** True for a word that can be part of a proper name. */
export function isNameWord(t: string): boolean {
  // Fast paths (this runs for every token, many times): an ASCII capital is a letter, and an ASCII word
  // with no hyphen and no capital first matches neither rule below.
  const c = t.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128 && !t.includes('-')) return false;
  if (/^(?:al|el|bin|ibn|abu|van|von|de|di|da|du|le|la)-\p{Lu}/u.test(t)) return true;
  return /^\p{Lu}/u.test(t) && /\p{L}/u.test(t);
}

function lower(t: string | undefined): string {
  return t === undefined ? '' : normToken(t).toLowerCase();
}

function mkMention(
  units: Unit[],
  s: number,
  e: number,
  fields: Partial<Mention> & { type: string; rule: string },
): Mention {
  const first = units[s]!;
  const last = units[e - 1]!;
  const words: string[] = [];
  // a bracket inside a name ("Jacques ) Chirac", see `bracketed-given-name`) is no word of it
  for (let k = s; k < e; k++) if (units[k]!.text !== ')') words.push(units[k]!.text);
  // One property order for every mention (here, `bareWords`, the Korea rule): objects of one shape keep
  // the property reads of the later passes fast.
  return {
    sentence: first.sentence,
    s,
    e,
    start: first.start,
    end: last.end,
    text: '',
    type: fields.type,
    kb: fields.kb ?? null,
    country: fields.country ?? null,
    role: fields.role ?? null,
    kind: fields.kind ?? 'name',
    rule: fields.rule,
    gender: fields.gender ?? null,
    speaker: fields.speaker ?? false,
    inQuote: fields.inQuote ?? false,
    subject: fields.subject ?? false,
    entry: fields.entry ?? null,
    words,
    key: fields.key ?? null,
    lead: false,
  };
}

/**
 * The country a contextual body or a person gets from the words just before it: a country, capital or
 * demonym, optionally possessive and with up to two adjectives between ("Seoul's top intelligence agency",
 * "the Chinese Foreign Ministry", "South Korea's National Security Advisor").
 */
function countryBefore(
  toks: string[],
  gaz: GazetteerMatch[],
  at: number,
  adjectives: number,
  countryOf: (g: GazetteerMatch) => string | null = (g) => g.entry.country,
): string | null {
  let q = at - 1;
  let skipped = 0;
  while (
    q >= 0 &&
    skipped < adjectives &&
    /^\p{Ll}[\p{Ll}-]*$/u.test(toks[q]!) &&
    !/^(?:the|a|an|and|of|its|their|his|her)$/.test(toks[q]!)
  ) {
    q--;
    skipped++;
  }
  if (q >= 0 && lower(toks[q]) === "'s") q--;
  if (q < 0) return null;
  const m = gaz.find((g) => g.end === q + 1);
  if (!m) return null;
  // "pro-Syrian President Emile Lahoud", "anti-US parliament": the country is a stance, not an affiliation
  if (m.start > 0 && toks[m.start - 1] === '-') return null;
  if (COUNTRYISH.has(m.kind) || m.kind === 'gov') return countryOf(m);
  return null;
}

/** A title in apposition after token `e`: "X, secretary general of …", "X, a senior official". */
function appositiveTitle(toks: string[], titles: GazetteerMatch[], e: number): boolean {
  if (toks[e] !== ',') return false;
  let p = e + 1;
  if (/^(?:the|a|an)$/i.test(toks[p] ?? '')) p++;
  for (let k = 0; k < 3 && p < toks.length; k++, p++) {
    if (titles.some((t) => t.start === p)) return true;
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(toks[p]!)) return false;
  }
  return false;
}

/** Is the span at `[s, e)` next to a reporting verb, as its subject or after it? */
function speakerAt(toks: string[], s: number, e: number): boolean {
  let p = e;
  let gap = 0;
  while (p < toks.length && gap < 3 && SPEAKER_GAP.has(lower(toks[p]))) {
    p++;
    gap++;
  }
  // "the White House said in a readout", "Shin said", ", it added"
  if (p < toks.length && REPORTING_VERBS.has(lower(toks[p]))) return true;
  // "said Kirby", "according to Kirby"
  if (s > 0 && REPORTING_VERBS.has(lower(toks[s - 1])) && lower(toks[s - 1]) !== 'called') return true;
  if (s > 1 && lower(toks[s - 2]) === 'according' && lower(toks[s - 1]) === 'to') return true;
  return false;
}

/** Verbs of speech a person uses, not a newspaper ("reported", "wrote") nor a body ("announced"). */
const PERSON_SPEECH = new Set([
  ...['say', 'tell', 'add'].flatMap((v) => [inflect(v).s, inflect(v).past]),
  ...'stress insist explain note warn argue reply recall acknowledge admit concede deny urge ask'
    .split(' ')
    .map((v) => inflect(v).past),
]);

/** "Kanafani said", "said Kanafani": a lone name that speaks the way people do. */
function personSpeaker(toks: string[], s: number, e: number): boolean {
  let p = e;
  while (p < toks.length && p - e < 3 && SPEAKER_GAP.has(lower(toks[p]))) p++;
  if (p < toks.length && PERSON_SPEECH.has(lower(toks[p]))) return true;
  return (
    s > 0 &&
    /^(?:said|says)$/.test(lower(toks[s - 1])) &&
    (s + 1 >= toks.length || e === toks.length || /^[.,]$/.test(toks[e]!))
  );
}

interface PersonContext {
  role: string | null;
  country: string | null;
  gender: 'm' | 'f' | null;
}

/** Lower-case nouns for what a person is, not an office ("astronaut", "journalist"): not titles, no role. */
const PERSON_NOUNS = new Set(
  (
    'journalist reporter correspondent astronaut cosmonaut activist dissident lawyer businessman businesswoman ' +
    'tycoon billionaire writer author novelist poet scientist researcher economist analyst academic scholar ' +
    'historian professor doctor surgeon athlete player boxer runner swimmer cyclist skier singer musician ' +
    'actor actress artist painter filmmaker photographer blogger cleric imam priest monk soldier pilot ' +
    'climber mountaineer hostage detainee prisoner student teacher banker investor entrepreneur'
  ).split(' '),
);

/** Role, country and gender from the title words before a name (and an appositive after it). */
function personContext(
  toks: string[],
  gaz: GazetteerMatch[],
  titles: GazetteerMatch[],
  s: number,
  e: number,
  countryOf: (g: GazetteerMatch) => string | null = (g) => g.entry.country,
  named?: ReadonlyMap<string, number>,
): PersonContext {
  const ctx: PersonContext = { role: null, country: null, gender: null };
  let pos = s;
  // "US Ambassador to China Clark Randt": the country after "to" is the posting, not the person's own
  const posting = gaz.find((g) => g.end === s && COUNTRYISH.has(g.kind));
  if (posting) {
    let q = posting.start;
    if (lower(toks[q - 1]) === 'the') q--;
    const t = lower(toks[q - 1]) === 'to' ? titles.find((m) => m.end === q - 1) : undefined;
    if (t) {
      ctx.role = t.entry.name;
      pos = t.end;
    }
  }
  while (pos > 0) {
    const t = titles.find((m) => m.end === pos);
    if (t) {
      ctx.role ??= t.entry.name;
      for (let k = t.start; k < t.end; k++) ctx.gender ??= titleGender(toks[k]!);
      if (/^(?:Mr|Mrs|Ms|Miss|Dr)\.?$/.test(t.entry.name)) ctx.role = null;
      pos = t.start;
      continue;
    }
    const prev = toks[pos - 1]!;
    if (isHonorific(prev) || isTemporalTitleWord(prev)) {
      ctx.gender ??= titleGender(prev);
      pos--;
      continue;
    }
    break;
  }
  if (pos < s || (pos > 0 && (lower(toks[pos - 1]) === "'s" || gaz.some((g) => g.end === pos)))) {
    ctx.country = countryBefore(toks, gaz, pos, 0, countryOf);
  }
  // "Britain's UN Ambassador X": an international body between the country and the title
  if (!ctx.country && pos < s) {
    const org = gaz.find((g) => g.end === pos && g.kind === 'org' && !g.entry.country);
    if (org) ctx.country = countryBefore(toks, gaz, org.start, 0, countryOf);
  }
  // "China's astronaut Yang Liwei", "Zairean journalist X": a person noun between the country and the name
  if (!ctx.country && pos === s && s > 1 && PERSON_NOUNS.has(lower(toks[s - 1]))) {
    ctx.country = countryBefore(toks, gaz, s - 1, 0, countryOf);
  }
  if (!ctx.country && ctx.role) {
    const c = titleCountry(ctx.role);
    if (c && named?.has(c)) ctx.country = c;
  }
  // Appositive: "Kim Jong-gyu, North Korea's vice foreign minister," / "X, the foreign minister of Iraq,"
  if (toks[e] === ',') {
    let p = e + 1;
    if (/^(?:the|a|an)$/i.test(toks[p] ?? '')) p++;
    let country: string | null = null;
    const g = gaz.find(
      (m) => m.start === p && (COUNTRYISH.has(m.kind) || m.kind === 'gov' || m.kind === 'org'),
    );
    if (g) {
      country = g.entry.country;
      p = g.end;
      if (lower(toks[p]) === "'s") p++;
    }
    const t = titles.find((m) => m.start === p);
    if (t && !isNameWord(toks[t.end] ?? '')) {
      ctx.role ??= t.entry.name;
      p = t.end;
      if (!country && lower(toks[p]) === 'of') {
        const h = gaz.find((m) => m.start === p + 1 || (m.start === p + 2 && lower(toks[p + 1]) === 'the'));
        // "the president of the Peruvian subsidiary of Matsushita": a demonym before a business says where
        // the business is, not whose national the person is
        if (h && !(h.kind === 'demonym' && BUSINESS_NOUNS.has(lower(toks[h.end])))) country = countryOf(h);
      }
      ctx.country ??= country;
    }
  }
  return ctx;
}

/** Nouns for a business or one of its parts: a country word before them places it, not its staff. */
const BUSINESS_NOUNS = new Set([
  'subsidiary',
  'branch',
  'affiliate',
  'unit',
  'arm',
  'division',
  'company',
  'firm',
  'operations',
  'plant',
  'factory',
  'bank',
  'franchise',
  'venture',
]);

/** Per-document facts the sentence pass needs. */
export interface DocContext {
  /** ISO3 of the story's home country (dateline, publisher), for "the presidential office". */
  home: string | null;
  /** Unit is inside a quotation. */
  quoted: (start: number) => boolean;
  tagger: NerTagger | null;
  fallback: NerTagger;
  /**
   * What the shipped model knows of single words, when it is loaded: whether a word is a listed place (and
   * not a listed personal name), and how often it is written in lower case (1 never … 5 almost always).
   */
  words?: WordKnowledge | null;
  /** Countries the story names, with how often. */
  named?: ReadonlyMap<string, number>;
  /** Of several states a demonym fits, the one the story is about, or null. */
  demonymCountry?: (candidates: readonly string[]) => string | null;
}

/** Word-level facts from the tagger's name lists and training statistics. */
export interface WordKnowledge {
  isPlace(word: string): boolean;
  lowerRatio(word: string): number;
  /** Listed as a given name, family name or part of a known person's name. */
  isPersonName?(word: string): boolean;
  /** Listed as a given name and not as a family name. */
  isGivenName?(word: string): boolean;
}

/**
 * First words that make a capitalised name a named event rather than a person or a body: storms and military
 * operations ("Typhoon Kestrel", "Operation Iron Dome"). Data, one word per entry.
 */
export const NAMED_EVENT_FIRST_WORDS: ReadonlySet<string> = new Set(
  'Typhoon Hurricane Cyclone Superstorm Operation'.split(' '),
);

/**
 * Last words that make a capitalised name after "the" a newspaper or magazine ("the Observer", "the Sunday
 * Express", "the Washington Post"). Data, one word per entry.
 */
export const PUBLICATION_HEADS: ReadonlySet<string> = new Set(
  (
    'Observer Express Times Post Herald Tribune Guardian Telegraph Gazette Mail Chronicle Inquirer Journal ' +
    'Monitor Courier Bulletin Examiner Dispatch Mercury Statesman Economist Spectator Izvestia Pravda'
  ).split(' '),
);

/** A single capital and a full stop ("B."), as a list writes a given name. */
const INITIAL = /^\p{Lu}\.$/u;
/** A capitalised name word of at least two letters ("Jankovic"). */
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u;

/** The spans with `[s, e)` added in place of the spans it overlaps, in token order. */
function replaceSpans(spans: NerSpan[], add: NerSpan): NerSpan[] {
  const out = spans.filter((x) => x.end <= add.start || x.start >= add.end);
  out.push(add);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Named refiners over the tagger's spans of one sentence, applied in order; each returns the spans it keeps,
 * and a span it makes or retypes names it in `rule` (`ner:<refiner>`).
 * - `named-event`: a span starting with, or right after, a named-event word is MISC (typed EVENT later),
 *   never a person or a place ("Hurricane Katrina" where the tagger read only "Katrina");
 * - `list-initial`: a person span right after a lone initial that no span holds takes it ("B. Jankovic");
 * - `joined-names`: four name words that read as two given + family pairs ("Dragan Jankovic Goran Markovic",
 *   "B. Jankovic C. Markovic": a list with a comma missing) are two persons, not one;
 * - `bracketed-given-name`: a person span closed by a bracket and followed by a name ("(French President
 *   Jacques) Chirac") is one person with the name after the bracket;
 * - `common-noun-start`: a lone plural word opening the sentence that is usually written in lower case
 *   (`usuallyLower`: "Employers said ...") is no name;
 * - `publication-title`: capitalised words after "the" ending in a publication word ("the Sunday Express")
 *   are one body (a publication), whatever the tagger read inside;
 * - `east-asian-name`: a listed East Asian surname followed by a hyphenated two-syllable given name
 *   ("Wang Jia-rui", "Ban Ki-moon") is a person, whatever the tagger read or missed there.
 */
/** Capitalised words that open a sentence and never end a name ("Group A" and "Plan B" do end in a letter). */
const SENTENCE_START_WORDS: ReadonlySet<string> = new Set(
  'The This These Those He She It They We His Her Its Their'.split(' '),
);

export const NER_SPAN_REFINERS: readonly {
  name: string;
  refine(toks: readonly string[], spans: NerSpan[], words: WordKnowledge | null | undefined): NerSpan[];
}[] = [
  {
    name: 'named-event',
    refine: (toks, spans) =>
      spans.map((x) => {
        if (x.end - x.start >= 2 && NAMED_EVENT_FIRST_WORDS.has(toks[x.start]!))
          return { ...x, type: 'MISC', rule: 'ner:named-event' };
        if (
          x.start > 0 &&
          NAMED_EVENT_FIRST_WORDS.has(toks[x.start - 1]!) &&
          !spans.some((y) => y.end === x.start)
        )
          return { start: x.start - 1, end: x.end, type: 'MISC', rule: 'ner:named-event' };
        return x;
      }),
  },
  {
    // "spoke against Ortega The Organization of American States …": copy that lost a full stop runs a name
    // into the next sentence; a capitalised determiner or pronoun inside a person's name ends it there
    name: 'sentence-start-tail',
    refine: (toks, spans) =>
      spans.map((x) => {
        if (x.type !== 'PER') return x;
        for (let k = x.start + 1; k < x.end; k++) {
          if (SENTENCE_START_WORDS.has(toks[k]!)) return { ...x, end: k, rule: 'ner:sentence-start-tail' };
        }
        return x;
      }),
  },
  {
    name: 'list-initial',
    refine: (toks, spans) =>
      spans.map((x) =>
        x.type === 'PER' &&
        x.start > 0 &&
        INITIAL.test(toks[x.start - 1]!) &&
        NAME_WORD.test(toks[x.start]!) &&
        !spans.some((y) => y.end === x.start)
          ? { start: x.start - 1, end: x.end, type: 'PER', rule: 'ner:list-initial' }
          : x,
      ),
  },
  {
    name: 'joined-names',
    refine: (toks, spans, words) => {
      const given = words?.isGivenName;
      const name = (w: string) => /^\p{Lu}\p{Ll}+$/u.test(w);
      return spans.flatMap((x) => {
        if (x.type !== 'PER' || x.end - x.start !== 4) return [x];
        const [a, b, c, d] = toks.slice(x.start, x.end) as [string, string, string, string];
        const initials = INITIAL.test(a) && NAME_WORD.test(b) && INITIAL.test(c) && NAME_WORD.test(d);
        const full =
          given !== undefined &&
          name(a) &&
          name(b) &&
          name(c) &&
          name(d) &&
          given(a) &&
          given(c) &&
          !given(b) &&
          !given(d);
        if (!initials && !full) return [x];
        return [
          { start: x.start, end: x.start + 2, type: 'PER', rule: 'ner:joined-names' },
          { start: x.start + 2, end: x.end, type: 'PER', rule: 'ner:joined-names' },
        ];
      });
    },
  },
  {
    name: 'bracketed-given-name',
    refine: (toks, spans) => {
      let out = spans;
      const opened = (from: number) => {
        for (let k = from - 1; k >= 0; k--) {
          if (toks[k] === ')') return false;
          if (toks[k] === '(') return true;
        }
        return false;
      };
      for (const x of spans) {
        if (x.type !== 'PER') continue;
        // the tagger may already read across the bracket ("Andrei ) Lupascu")
        const inner = toks.indexOf(')', x.start);
        if (inner > x.start && inner < x.end - 1) {
          if (opened(x.start) && NAME_WORD.test(toks[inner + 1]!))
            out = replaceSpans(out, { ...x, rule: 'ner:bracketed-given-name' });
          continue;
        }
        if (toks[x.end] !== ')' || !NAME_WORD.test(toks[x.end + 1] ?? '') || !opened(x.start)) continue;
        // the name after the bracket: the span that starts there, else the run of name words
        const next = spans.find((y) => y.start === x.end + 1);
        let end = next ? next.end : x.end + 1;
        while (!next && end < toks.length && NAME_WORD.test(toks[end]!) && end - x.end < 3) end++;
        out = replaceSpans(out, { start: x.start, end, type: 'PER', rule: 'ner:bracketed-given-name' });
      }
      return out;
    },
  },
  {
    name: 'common-noun-start',
    refine: (toks, spans, words) => {
      if (!words) return spans;
      return spans.filter((x) => {
        if (x.end - x.start !== 1) return true;
        const w = toks[x.start]!;
        const first = x.start === 0 || (x.start === 1 && /^["“'‘(]$/u.test(toks[0]!));
        return !(first && /^\p{Lu}\p{Ll}+s$/u.test(w) && usuallyLower(w.toLowerCase(), w, words));
      });
    },
  },
  {
    name: 'publication-title',
    refine: (toks, spans) => {
      let out = spans;
      for (let k = 1; k < toks.length; k++) {
        if (!PUBLICATION_HEADS.has(toks[k]!)) continue;
        if (/^\p{Lu}/u.test(toks[k + 1] ?? '')) continue;
        let s = k;
        while (s > 0 && k - s < 3 && NAME_WORD.test(toks[s - 1]!) && toks[s - 1] !== 'The') s--;
        if (s === 0 || (toks[s - 1] !== 'the' && toks[s - 1] !== 'The')) continue;
        out = replaceSpans(out, { start: s, end: k + 1, type: 'ORG', rule: 'ner:publication-title' });
      }
      return out;
    },
  },
  {
    name: 'east-asian-name',
    refine: (toks, spans) => {
      let out = spans;
      for (let k = 0; k + 1 < toks.length; k++) {
        if (!EAST_ASIAN_SURNAMES.has(toks[k]!) || !HYPHENATED_GIVEN_NAME.test(toks[k + 1]!)) continue;
        const inside = spans.filter((x) => x.start < k + 2 && x.end > k);
        // a longer span the name sits in ("the Ban Ki-moon Centre") or the whole name as a person already: keep
        // it; a person span on only one half ("Park" alone) is the tagger cutting the name short
        if (
          inside.some(
            (x) => x.start < k || x.end > k + 2 || (x.type === 'PER' && x.start === k && x.end === k + 2),
          )
        )
          continue;
        out = replaceSpans(out, { start: k, end: k + 2, type: 'PER', rule: 'ner:east-asian-name' });
      }
      return out;
    },
  },
];

/** Last words that make a capitalised name a building or site, not a person ("Yasukuni Shrine"). */
const FAC_HEADS = new Set(
  (
    'Theater Theatre Shrine Temple Mosque Church Cathedral Palace Hotel Stadium Airport Bridge Square ' +
    'Hospital Museum Tower Base Camp Prison Embassy Consulate Building Center Centre Hall Dam Port'
  ).split(' '),
);
/** Words before a name that make it a publication ("the daily Kommersant", "newspaper An-Nahar"). */
const PUBLICATION_NOUNS = new Set(
  'daily newspaper paper weekly magazine journal tabloid broadsheet channel broadcaster website'.split(' '),
);
/** Capitalised words that are beliefs, holidays or deities, never a person's name. */
const NOT_PERSON_WORDS = new Set(
  'God Allah Islam Christianity Judaism Buddhism Hinduism Christmas Easter Ramadan Eid Hanukkah Lent Sharia'.split(
    ' ',
  ),
);
/** Holidays and feasts: events, whatever the tagger guessed ("Ramadan" looks like a demonym). */
const HOLIDAYS = new Set(
  'Christmas Easter Ramadan Eid Hanukkah Lent Passover Diwali Nowruz Thanksgiving Yom Kippur Tet Hajj'.split(
    ' ',
  ),
);
/** Last words that make a capitalised name an administrative area or a natural place, not a person. */
const PLACE_HEADS = new Set(
  (
    'Prefecture Province Region District County Governorate Oblast Territory Dependency Harbour Harbor ' +
    'Island Islands Bay Valley Peninsula Strait River Lake Mountains Desert Sea'
  ).split(' '),
);
/** Words that make a part of a country a place of its own ("Inner Mongolia", "Greater Syria"). */
const REGION_PREFIXES = new Set([
  'Inner',
  'Outer',
  'Upper',
  'Lower',
  'Greater',
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Central',
]);
/**
 * "the daily Kommersant", "the Izvestia daily", "Vedomosti business daily": a publication noun right before the
 * name, or after it past at most one lower-case word (unless the name is a listed place), makes it a
 * publication.
 */
function publicationAround(
  toks: readonly string[],
  s: number,
  e: number,
  know: WordKnowledge | null | undefined,
): boolean {
  if (s > 0 && PUBLICATION_NOUNS.has(lower(toks[s - 1]))) return true;
  if (
    s > 0 &&
    lower(toks[s - 1]) === 'the' &&
    PUBLICATION_HEADS.has(toks[e - 1]!) &&
    !/^\p{Lu}/u.test(toks[e] ?? '')
  )
    return true;
  const next = lower(toks[e]);
  const after =
    (PUBLICATION_NOUNS.has(next) && next !== 'channel' && next !== 'website') ||
    (/^\p{Ll}+$/u.test(toks[e] ?? '') && lower(toks[e + 1]) === 'daily');
  if (!after) return false;
  // "a Nagoya newspaper": a place before the noun is where the paper is, not its name
  const name = toks.slice(s, e).join(' ');
  return !(know?.isPlace(name) || lookupPlace(name));
}

/** Words before a sentence's first name that make it no lead subject ("were his wife X", "met with X"). */
const NOT_LEAD_BEFORE = new Set(['was', 'were', 'is', 'are', 'with', 'including', 'among', 'by', 'to']);

/** Verbs of newspapers and agencies, not of people ("Kommersant reported", "Interfax quoted"). */
const PUBLICATION_VERBS = new Set(['reported', 'reports', 'quoted', 'quotes']);

/** Is a publication verb next after token `e` (past "also", "has", "on Monday"-style gap words)? */
function reportsAfter(toks: readonly string[], e: number): boolean {
  let p = e;
  while (p < toks.length && p - e < 3 && SPEAKER_GAP.has(lower(toks[p]))) p++;
  return PUBLICATION_VERBS.has(lower(toks[p]));
}

/** Lower-case particles that can open a surname written alone ("bin Laden", "van der Broek", "de la Rua"). */
const LEADING_PARTICLES = new Set(
  'bin ibn van von der den de del della la da dos das di du le al el'.split(' '),
);
/** Month names that end a name span only when a day number follows ("… Council March 28"). */
const DATE_TAIL = new Set(
  'January February March April May June July August September October November December Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sept. Sep. Oct. Nov. Dec.'.split(
    ' ',
  ),
);
/** Words before a person's name that are dates, not names ("Saturday Semashko"). */
const DATE_WORDS = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tomorrow Yesterday Tonight'.split(' '),
);

/**
 * Second thoughts on a tagger PER span from its words and the word before it: a religion, holiday or group
 * word (NORP or MISC), a building (FAC), a publication (ORG), a listed place (GPE), or a lone word that is
 * usually written in lower case ("Technically", "Chapter"): not a person. Returns the new type, or null to
 * keep PER.
 */
function retypePerson(
  words: readonly string[],
  before: string | undefined,
  titled: boolean,
  know: WordKnowledge | null | undefined,
  apposed = false,
  speaker = false,
): string | null {
  const last = words[words.length - 1]!;
  if (words.every((w) => HOLIDAYS.has(w))) return 'EVENT';
  if (words.every((w) => NOT_PERSON_WORDS.has(w))) return 'MISC';
  if (!titled && isGroupWord(words)) return 'NORP';
  if (words.length >= 2 && FAC_HEADS.has(last)) return 'FAC';
  if (words.length >= 2 && PLACE_HEADS.has(last)) return 'LOC';
  if (before && PUBLICATION_NOUNS.has(before.toLowerCase())) return 'ORG';
  if (!know) return null;
  const named = (w: string) => know.isPersonName?.(w) ?? true;
  if (words.length === 1) {
    if (!titled && know.isPlace(last)) return 'GPE';
    // "CEO Summit", "General Assembly": a title word before a common noun
    if (titled) return know.lowerRatio(last) >= 4 && !named(last) ? 'BARE' : null;
    if (know.lowerRatio(last) >= 4) return 'UNK';
    // A lone unlisted word with no title ("Boeing", "Kisangani") is a person only if it turns out to be
    // part of a name met elsewhere in the story, or if it speaks ("…,” Sarandon said).
    if (!named(last) && !apposed) return speaker ? 'UNK' : 'BARE';
    return null;
  }
  // "Bogor Goals", "Ministerial Meeting": a common noun at the end is no surname
  if (!titled && know.lowerRatio(last) >= 4 && !named(last) && !named(words[0]!)) return 'MISC';
  return null;
}

/**
 * Is this word (seen in capitals) usually written in lower case? The tagger's own statistics decide when
 * they are clear (more often lower case: yes; almost never: no); otherwise an unseen listed name or place is
 * not, and a common English word (the lexicon's first tier, which also holds common first names) is.
 */
function usuallyLower(lower: string, capitalised: string, know: WordKnowledge): boolean {
  const r = know.lowerRatio(lower);
  if (r >= 4) return true;
  if (r === 1 || r === 2) return false;
  // r = 3 (sometimes lower case, "Rock") or unseen: a common English word unless a listed name or place
  if (r === 0 && (know.isPersonName?.(capitalised) || know.isPlace(capitalised))) return false;
  return getLexicon().tier(lower) === 1;
}

/**
 * The listed place (with its country) a tagger span names: any span read as a place (GPE, LOC), and a person
 * span with no title whose whole text is a listed place and whose words are no listed personal names
 * ("Mbuji Mayi"). Null otherwise: the place table holds surnames and common words too.
 */
function placeFor(
  type: string,
  words: readonly string[],
  text: string,
  titled: boolean,
  know: WordKnowledge | null | undefined,
  before?: string,
): KbEntry | null {
  if (type === 'GPE' || type === 'LOC') return lookupPlace(text);
  // "Baidoa", "Tikrit" read as a body: a listed place with no body or publication word in it
  if (type === 'ORG') {
    if (words.some((w) => BODY_HEADS.has(w) || ORG_HEADS.has(w) || FAC_HEADS.has(w))) return null;
    return lookupPlace(text);
  }
  if (type !== 'PER' || titled || !know?.isPersonName) return null;
  // "in Mbuji Mayi": after a locative preposition a listed place wins over a listed given name
  if (!LOCATIVE.has(lower(before)) && words.some((w) => know.isPersonName!(w))) return null;
  return lookupPlace(text);
}

/** Prepositions before a place name, not a person's ("in", "near", "outside"). */
const LOCATIVE = new Set(['in', 'near', 'outside', 'around', 'across', 'inside', 'towards', 'toward']);

/**
 * "Douglas Alexander", "Victoria Nuland": a one-word city or capital at the head of a person span that is also
 * a listed given name, followed by another name word (not "'s"), is the person's given name.
 */
function cityAsGivenName(
  g: GazetteerMatch,
  toks: readonly string[],
  e: number,
  know: WordKnowledge | null | undefined,
): boolean {
  if ((g.kind !== 'capital' && g.kind !== 'city') || g.end - g.start !== 1 || g.end >= e) return false;
  const next = toks[g.end]!;
  if (!isNameWord(next) || lower(next) === "'s") return false;
  return know?.isPersonName?.(toks[g.start]!) === true;
}

/**
 * "the chairman of the Nobel Committee Ole Mjoes": a body or group span whose head word ("Committee",
 * "Ministry") is followed inside the span by one to three name words starting with a listed given name is a
 * body then a person; the span is split in two.
 */
function splitBodyPerson(
  toks: readonly string[],
  spans: NerSpan[],
  know: WordKnowledge | null | undefined,
): NerSpan[] {
  if (!know?.isPersonName) return spans;
  const out: NerSpan[] = [];
  for (const sp of spans) {
    const t = sp.type.toUpperCase();
    if (t !== 'ORG' && t !== 'MISC') {
      out.push(sp);
      continue;
    }
    let cut = -1;
    for (let k = sp.start + 1; k < sp.end - 1; k++) {
      if (!BODY_HEADS.has(toks[k]!)) continue;
      const rest = toks.slice(k + 1, sp.end);
      if (
        rest.length <= 3 &&
        rest.every((w) => isNameWord(w) && !CAPITALISED_STOPWORDS.has(w) && !BODY_HEADS.has(w)) &&
        know.isPersonName(rest[0]!)
      ) {
        cut = k + 1;
        break;
      }
    }
    if (cut < 0) out.push(sp);
    else out.push({ ...sp, end: cut, type: 'ORG' }, { start: cut, end: sp.end, type: 'PER' });
  }
  return out;
}

/** Particles from `k` on ("van der", "bin") lead to a capitalised name word before `e`. */
function particleBridge(toks: readonly string[], k: number, e: number): boolean {
  let p = k;
  while (p < e && NAME_PARTICLES.has(toks[p]!)) p++;
  return p < e && p - k <= 3 && isNameWord(toks[p]!);
}

/** Gazetteer pass for one sentence (run first for every sentence: the Korea test needs them all). */
export function gazetteerPass(units: Unit[]): Pick<SentenceAnalysis, 'units' | 'toks' | 'gaz' | 'titles'> {
  const toks = units.map((u) => u.text);
  const all = foreignBodies(toks, widenToPlaces(toks, matchGazetteer(toks)));
  return {
    units,
    toks,
    gaz: all.filter((m) => m.kind !== 'title'),
    titles: all.filter((m) => m.kind === 'title'),
  };
}

/**
 * "The Peruvian Congress", "Iranian Supreme National Security Council": a fixed body with a generic name (one
 * that defaults to the United States) after another country's word, with at most two capitalised words
 * between, is that country's body. Without this the person titled by it takes the wrong country too.
 */
function foreignBodies(toks: string[], matches: GazetteerMatch[]): GazetteerMatch[] {
  let out: GazetteerMatch[] | null = null;
  for (let i = 0; i < matches.length; i++) {
    const g = matches[i]!;
    if (g.kind !== 'gov' || !g.entry.country || g.entry.contextual) continue;
    const slug = genericBodySlug(g.kb);
    if (!slug) continue;
    let q = g.start;
    for (let k = 0; k < 2 && q > 0 && /^\p{Lu}\p{Ll}+$/u.test(toks[q - 1]!); k++) {
      if (matches.some((m) => m.end === q)) break;
      q--;
    }
    const c = matches.find((m) => m.end === q && COUNTRYISH.has(m.kind) && m.entry.country);
    const iso = c?.entry.country;
    if (!iso || iso === g.entry.country) continue;
    const place = countryByIso3(iso);
    const adj = place?.demonyms[0] ?? place?.name ?? iso;
    const kb = contextualKb(slug, iso);
    const entry: KbEntry = Object.freeze({
      kb,
      kind: 'gov',
      name: `${adj} ${g.entry.name}`,
      type: 'ORG',
      country: iso,
    });
    out ??= matches.slice();
    out[i] = { ...g, kb, entry };
  }
  return out ?? matches;
}

/**
 * The tagger's spans over one sentence (the rules when no tagger is set or it fails), with the tokens it was
 * given: an ALL-CAPS line goes to the tagger in ordinary case (`truecase`). The spans are fresh objects the
 * caller may edit (the document pass does).
 */
export function nerSpans(
  base: Pick<SentenceAnalysis, 'toks' | 'gaz'>,
  doc: DocContext,
): { input: string[]; spans: NerSpan[] } {
  const { toks, gaz } = base;
  const know = doc.words;
  const input =
    doc.tagger && know && isAllCapsSentence(toks)
      ? truecase(
          toks,
          (w, cap) => usuallyLower(w, cap, know),
          (w) => w.length <= 4 && gaz.some((g) => g.end - g.start === 1 && toks[g.start] === w),
        )
      : toks.slice();
  let spans: NerSpan[];
  try {
    spans = (doc.tagger ?? doc.fallback)(input.slice());
  } catch {
    spans = doc.fallback(toks.slice());
  }
  let out: NerSpan[] = spans.map((x) => ({ start: x.start, end: x.end, type: x.type }));
  for (const r of NER_SPAN_REFINERS) out = r.refine(input, out, know);
  return { input, spans: out };
}

/**
 * "New Jersey", "New Mexico", "New South Wales", "Inner Mongolia": a country or city phrase with one or two
 * capitalised words before it that together name a listed place is that place (with its own country), not the
 * country or city inside it.
 */
function widenToPlaces(toks: readonly string[], matches: GazetteerMatch[]): GazetteerMatch[] {
  let out: GazetteerMatch[] | null = null;
  for (let i = 0; i < matches.length; i++) {
    const g = matches[i]!;
    if (g.kind !== 'country' && g.kind !== 'capital' && g.kind !== 'city') continue;
    const prev = i > 0 ? matches[i - 1]!.end : 0;
    for (let k = g.start - 1; k >= Math.max(prev, g.start - 2); k--) {
      if (!/^\p{Lu}\p{Ll}/u.test(toks[k]!) || CAPITALISED_STOPWORDS.has(toks[k]!)) break;
      const place = lookupPlace(toks.slice(k, g.end).join(' '));
      if (!place) continue;
      out ??= matches.slice();
      out[i] = { start: k, end: g.end, kb: place.kb, kind: 'city', entry: place };
      break;
    }
  }
  return out ?? matches;
}

/**
 * Mentions of one sentence: gazetteer phrases (countries, capitals, demonyms, bodies with their country),
 * NER spans refined against them (titles stripped off person names and kept as roles, reporting verbs cut,
 * spans that are really places or bodies given the gazetteer's type), laws and events by their head words.
 */
export function sentenceMentions(
  base: Pick<SentenceAnalysis, 'units' | 'toks' | 'gaz' | 'titles'>,
  doc: DocContext,
  tagged?: NerSpan[],
): SentenceAnalysis {
  const { units, toks, titles } = base;
  let gaz = base.gaz;
  const mentions: Mention[] = [];
  if (units.length === 0) return { ...base, mentions };

  // Contextual bodies: the country from the words before, or the story's home country.
  const bodies = new Map<GazetteerMatch, { country: string | null; kb: string }>();
  gaz = gaz.filter((m) => {
    if (!m.entry.contextual) return true;
    const country = countryBefore(toks, base.gaz, m.start, 2) ?? (m.entry.needsCountry ? null : doc.home);
    if (m.entry.needsCountry && !country) return false;
    const slug = m.kb.replace(/^gov:/, '');
    bodies.set(m, { country, kb: country ? contextualKb(slug, country) : m.kb });
    return true;
  });

  const bodyCountry = (g: GazetteerMatch) => bodies.get(g)?.country ?? g.entry.country;

  // NER spans.
  let spans: NerSpan[] = tagged ?? nerSpans(base, doc).spans;
  spans = splitBodyPerson(toks, joinNameParts(toks, spans), doc.words);
  const laws = [...lawSpans(toks), ...bodySpans(toks, spans)];
  if (laws.length > 0) {
    spans = [...laws, ...spans.filter((x) => !laws.some((l) => x.start < l.end && l.start < x.end))];
  }
  const drop = new Set<GazetteerMatch>();
  const covered = (k: number) =>
    gaz.some((g) => g.start <= k && k < g.end) || titles.some((t) => t.start <= k && k < t.end);
  const ner: {
    s: number;
    e: number;
    type: string;
    country: string | null;
    place: KbEntry | null;
    publication?: boolean;
    rule?: string | undefined;
  }[] = [];
  for (const span of spans) {
    let [s, e] = trimPunctuation(toks, Math.max(0, span.start), Math.min(units.length, span.end));
    if (e <= s) continue;
    // Other scripts (Hangul, Cyrillic): the model reads English copy only.
    if (toks.slice(s, e).some(isForeignScript)) continue;
    let type = span.type.toUpperCase();
    if (type === 'PERSON') type = 'PER';
    // "the Williams sisters", "the Kennedy family": a family's name (checked after the story-wide tagging
    // pass, which copies one reading of a name to its other places), not a mention of one member
    if ((type === 'PER' || type === 'MISC') && FAMILY_GROUP_NOUNS.has(lower(toks[e]))) continue;
    // "China-Africa Cooperation Summit": the units keep the states of a hyphen pair apart; a body or event
    // named after the pair keeps both
    if (
      type !== 'PER' &&
      s > 1 &&
      toks[s - 1] === '-' &&
      isNameWord(toks[s - 2]!) &&
      units[s - 1]!.start === units[s - 2]!.end
    )
      s -= 2;
    // "bin Laden", "von der Leyen", "de Villepin": lower-case particles the tagger left before a surname
    if (type === 'PER') {
      let p = s;
      while (p > 0 && s - p < 3 && LEADING_PARTICLES.has(toks[p - 1]!)) p--;
      if (p < s && !(p > 0 && isNameWord(toks[p - 1]!))) s = p;
    }
    // Leading titles, honorifics, "then", country words, "the".
    let titled = false;
    // a publication's title keeps its words ("the Sunday Express")
    for (; span.rule !== 'ner:publication-title'; ) {
      if (s >= e) break;
      if (!hasWordChar(toks[s]!)) {
        s++;
        continue;
      }
      // "anti-Fujimori", "pro-Syrian": the stance prefix is no part of the name
      if (toks[s + 1] === '-' && /^\p{Ll}+$/u.test(toks[s]!) && s + 2 < e) {
        s += 2;
        continue;
      }
      const t = titles.find((m) => m.start <= s && m.end > s);
      if (t) {
        s = t.end;
        titled = true;
        continue;
      }
      if (
        isHonorific(toks[s]!) ||
        isTemporalTitleWord(toks[s]!) ||
        (type === 'PER' && isTitleWord(toks[s]!))
      ) {
        titled ||= isHonorific(toks[s]!) || isTitleWord(toks[s]!);
        s++;
        continue;
      }
      if (
        /^the$/i.test(toks[s]!) ||
        (CAPITALISED_STOPWORDS.has(toks[s]!) && (type !== 'PER' || (DATE_WORDS.has(toks[s]!) && e - s > 1)))
      ) {
        s++;
        continue;
      }
      const g = gaz.find((m) => m.start === s && COUNTRYISH.has(m.kind));
      if (type === 'PER' && g && cityAsGivenName(g, toks, e, doc.words)) break;
      if (
        g &&
        g.end < e &&
        (type === 'PER' || lower(toks[g.end]) === "'s" || titles.some((t) => t.start === g.end))
      ) {
        s = g.end;
        if (lower(toks[s]) === "'s") s++;
        continue;
      }
      break;
    }
    while (
      e > s &&
      (NOT_NAME_END.has(normToken(toks[e - 1]!)) ||
        REPORTING_VERBS.has(toks[e - 1]!) ||
        !hasWordChar(toks[e - 1]!) ||
        // "approved by the UN Security Council March 28": a date after a name is no part of it
        (type !== 'PER' && e - s > 1 && DATE_TAIL.has(toks[e - 1]!) && /^\d/.test(toks[e] ?? '')))
    )
      e--;
    if (type === 'PER' || (type === 'UNK' && titled)) {
      // "Foreign Minister Jane Doe of Chile": the name ends at the first lower-case word.
      const cut = toks.slice(s, e).findIndex(
        (t, k) =>
          !isNameWord(t) &&
          !(k > 0 && NAME_PARTICLES.has(t) && particleBridge(toks, s + k, e)) &&
          // "(… Jacques) Chirac": the bracket the refiner joined across
          !(t === ')' && span.rule === 'ner:bracketed-given-name'),
      );
      if (cut > 0) e = s + cut;
    }
    if (type === 'PER' || type === 'UNK') {
      while (e > s && (!isNameWord(toks[e - 1]!) || CAPITALISED_STOPWORDS.has(toks[e - 1]!))) e--;
      if (e > s && ORG_HEADS.has(toks[e - 1]!) && e - s >= 2) type = 'ORG';
    }
    if (e <= s || toks.slice(s, e).every((t) => CAPITALISED_STOPWORDS.has(t) || !/\p{L}/u.test(t))) continue;
    if (titled && (type === 'UNK' || type === 'MISC' || type === 'PER' || type === 'ORG')) {
      if (e - s <= 4 && toks.slice(s, e).every(isNameWord)) type = 'PER';
    }
    if (type === 'PER' && !toks.slice(s, e).some((t) => isNameWord(t) && !CAPITALISED_STOPWORDS.has(t)))
      continue;
    // Against the gazetteer.
    const inside = gaz.find((g) => g.start <= s && e <= g.end);
    if (inside) continue;
    const contained = gaz.filter((g) => s <= g.start && g.end <= e);
    const crossing = gaz.filter((g) => g.start < e && s < g.end && !(s <= g.start && g.end <= e));
    for (const g of crossing) {
      if (g.start <= s) s = g.end;
      else e = g.start;
    }
    [s, e] = trimPunctuation(toks, s, e);
    if (e <= s) continue;
    const words = toks.slice(s, e);
    const isLaw = words.some((w) => LAW_HEADS.has(w)) && e - s >= 2;
    const isEvent = words.some((w) => EVENT_HEADS.has(w)) && e - s >= 2;
    let country: string | null = null;
    if (contained.length > 0) {
      if (type === 'PER') {
        const head = contained[0]!;
        if (head.start === s && COUNTRYISH.has(head.kind) && !cityAsGivenName(head, toks, e, doc.words))
          continue;
        // "Christian Ethiopia", "Neighboring China": no person's name holds a country's, unless a title
        // vouches for a given name before a surname that happens to be one ("Rep. Jim Jordan")
        if (
          contained.some((g) => g.kind === 'country') &&
          !titledSurnameCountry(
            toks,
            s,
            e,
            contained,
            titled || titles.some((t) => t.end === s),
            doc.words ?? null,
          )
        )
          continue;
        for (const g of contained) drop.add(g);
      } else if (!isLaw && !isEvent) {
        // "Stalinist North Korea", "Nazi Germany": an epithet before a country is no new place
        const tail = contained[contained.length - 1]!;
        if (
          type !== 'ORG' &&
          tail.end === e &&
          tail.kind === 'country' &&
          tail.start > s &&
          !REGION_PREFIXES.has(toks[tail.start - 1]!)
        )
          continue;
        let all = true;
        for (let k = s; k < e && all; k++) {
          all = covered(k) || lower(toks[k]) === "'s" || /^(?:of|the|and)$/.test(lower(toks[k]));
        }
        if (all) continue;
        for (const g of contained) {
          country ??= g.entry.country;
          drop.add(g);
        }
      } else {
        for (const g of contained) drop.add(g);
      }
    }
    const apposed = appositiveTitle(toks, titles, e);
    if (
      apposed &&
      (type === 'ORG' || type === 'MISC') &&
      e - s >= 2 &&
      e - s <= 4 &&
      contained.length === 0 &&
      words.every((w) => isNameWord(w) && !ORG_HEADS.has(w) && !BODY_HEADS.has(w) && !FAC_HEADS.has(w))
    ) {
      // "Yoshio Utsumi, secretary general of the ITU": a name with a title in apposition is a person
      type = 'PER';
    }
    if (type === 'PER')
      type = retypePerson(words, toks[s - 1], titled, doc.words, apposed, personSpeaker(toks, s, e)) ?? type;
    if (isLaw) type = 'LAW';
    else if (isEvent || words.every((w) => HOLIDAYS.has(w))) type = 'EVENT';
    else if ((type === 'LOC' || type === 'MISC') && e - s >= 2 && FAC_HEADS.has(words[words.length - 1]!))
      type = 'FAC';
    else if (type === 'MISC' && e - s >= 2 && BODY_NAME_ENDS.has(words[words.length - 1]!)) type = 'ORG';
    else if (type === 'MISC' || type === 'LOC') type = refineType(type, words);
    let publication = false;
    if (type !== 'LAW' && type !== 'EVENT' && e - s <= 3 && publicationAround(toks, s, e, doc.words)) {
      type = 'ORG';
      publication = true;
    } else if (
      (type === 'PER' || type === 'UNK' || type === 'BARE' || type === 'ORG') &&
      !titled &&
      !apposed &&
      e - s <= 2 &&
      reportsAfter(toks, e) &&
      !words.some((w) => doc.words?.isPersonName?.(w))
    ) {
      // "Kommersant reported", "Haaretz quoted a source": a short name, no listed personal name, that
      // reports the way newspapers do
      type = 'ORG';
      publication = true;
    }
    const place = placeFor(type, words, unitsText(units, s, e), titled || apposed, doc.words, toks[s - 1]);
    if (place && (type === 'PER' || type === 'ORG')) type = 'GPE';
    ner.push({ s, e, type, country: place?.country ?? country, place, publication, rule: span.rule });
  }
  gaz = gaz.filter((g) => !drop.has(g));

  for (const g of gaz) {
    const body = bodies.get(g);
    if (g.entry.candidates) {
      // "Congolese" in a story that names only one of the Congos
      const iso = doc.demonymCountry?.(g.entry.candidates) ?? null;
      const known = iso ? kbEntry(`norp:${iso}`) : null;
      mentions.push(
        mkMention(units, g.start, g.end, {
          type: 'NORP',
          kb: known ? known.kb : g.kb,
          country: iso,
          rule: iso ? 'gazetteer:demonym-context' : 'gazetteer:demonym',
          entry: known ?? g.entry,
        }),
      );
      continue;
    }
    const entry = body ? (kbEntry(body.kb) ?? g.entry) : g.entry;
    mentions.push(
      mkMention(units, g.start, g.end, {
        type: g.entry.type ?? 'MISC',
        kb: body ? body.kb : g.kb,
        country: body ? body.country : g.entry.country,
        rule: body ? 'gazetteer:contextual' : `gazetteer:${g.kind}`,
        entry,
      }),
    );
  }
  for (const n of ner) {
    const type = n.type === 'PER' ? 'PERSON' : n.type;
    const m = mkMention(units, n.s, n.e, {
      type,
      country: n.country,
      rule: n.place
        ? 'ner:place'
        : n.publication && type === 'ORG'
          ? 'ner:publication'
          : (n.rule ?? (doc.tagger ? 'ner' : 'ner:fallback')),
      ...(n.place ? { kb: n.place.kb, entry: n.place } : {}),
    });
    if (type === 'PERSON' || type === 'UNK') {
      const ctx = personContext(toks, base.gaz, titles, n.s, n.e, bodyCountry, doc.named);
      m.role = ctx.role;
      m.country = ctx.country;
      m.gender = ctx.gender;
      if (type === 'UNK' && (ctx.role || ctx.gender)) m.type = 'PERSON';
    } else if (type === 'BARE') {
      // "Mrs. Marsh": an undecided surname keeps the gender its courtesy title gives, for coreference
      m.gender = personContext(toks, base.gaz, titles, n.s, n.e, bodyCountry, doc.named).gender;
    }
    mentions.push(m);
  }

  mentions.sort((a, b) => a.s - b.s || b.e - a.e);
  let subjectSeen = false;
  for (const m of mentions) {
    m.text = unitsText(units, m.s, m.e);
    m.inQuote = doc.quoted(m.start);
    m.speaker = speakerAt(toks, m.s, m.e);
    if (!subjectSeen && !m.inQuote && m.type !== 'NORP') {
      m.subject = true;
      subjectSeen = true;
      let lead = true;
      for (let k = 0; k < m.s && lead; k++) lead = !NOT_LEAD_BEFORE.has(lower(toks[k]));
      m.lead = lead;
    }
  }
  counterparts(toks, mentions);
  // (the fields spelled out: an object spread per sentence costs more than the literal)
  return { units, toks, gaz, titles, mentions };
}

/**
 * "Rep. Jim Jordan", "Sen. Chuck Grassley": a titled person span whose last word alone is a country, the words
 * before it all given names. The title makes it a person; the country is then the surname.
 */
function titledSurnameCountry(
  toks: readonly string[],
  s: number,
  e: number,
  contained: readonly GazetteerMatch[],
  titled: boolean,
  know: WordKnowledge | null,
): boolean {
  if (!titled || contained.length !== 1) return false;
  const g = contained[0]!;
  if (g.kind !== 'country' || g.end !== e || g.start !== e - 1 || g.start <= s) return false;
  for (let k = s; k < g.start; k++) {
    if (!givenNameGender(toks[k]!) && !know?.isPersonName?.(toks[k]!)) return false;
  }
  return true;
}

const LAW_CONNECTORS = new Set(['on', 'of', 'the', 'for', 'and', 'against']);

/** Last words that make a capitalised run a body ("Disaster Management Ministry"). */
export const BODY_HEADS = new Set(
  (
    'Ministry Department Agency Commission Council Authority Bureau Committee Office Directorate Service ' +
    'Administration Secretariat Tribunal Court Parliament Assembly Party Front Movement Federation Union'
  ).split(' '),
);

/**
 * Bodies by their head word ("the Disaster Management Ministry", "Port Authority") when the tagger found
 * no span there: two or more capitalised words ending in a body head. Returned as ORG spans.
 */
function bodySpans(toks: string[], tagged: readonly NerSpan[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (let i = 1; i < toks.length; i++) {
    // every head is capitalised ASCII: skip other words before the set lookup
    const c = toks[i]!.charCodeAt(0);
    if (c < 65 || c > 90 || !BODY_HEADS.has(toks[i]!)) continue;
    if (tagged.some((t) => t.start <= i && i < t.end)) continue;
    let s = i;
    while (s > 0 && isNameWord(toks[s - 1]!) && !CAPITALISED_STOPWORDS.has(toks[s - 1]!)) s--;
    if (i - s >= 1) out.push({ start: s, end: i + 1, type: 'ORG' });
  }
  return out;
}

/**
 * Named laws and events by their head word ("U.N. Convention on the Law of the Sea", "Nuclear
 * Non-Proliferation Treaty", "World War II"), whatever the tagger split them into.
 */
function lawSpans(toks: string[]): NerSpan[] {
  const out: NerSpan[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // every head is capitalised ASCII: skip other words before the set lookups
    const c = t.charCodeAt(0);
    if (c < 65 || c > 90) continue;
    const law = LAW_HEADS.has(t);
    if (!law && !EVENT_HEADS.has(t)) continue;
    let s = i;
    for (;;) {
      if (s > 0 && isNameWord(toks[s - 1]!) && !CAPITALISED_STOPWORDS.has(toks[s - 1]!)) s--;
      // "Iran-Iraq War": a hyphen between two name words (the units keep states apart)
      else if (s > 1 && s < i + 1 && toks[s - 1] === '-' && isNameWord(toks[s - 2]!)) s -= 2;
      else break;
    }
    let e = i + 1;
    for (;;) {
      let k = e;
      while (k < toks.length && LAW_CONNECTORS.has(toks[k]!) && k - e < 2) k++;
      if (k < toks.length && (isNameWord(toks[k]!) || /^(?:I{1,3}|IV|\d+)$/.test(toks[k]!))) {
        if (k > e && !/^(?:I{1,3}|IV|\d+)$/.test(toks[k]!) && !isNameWord(toks[k]!)) break;
        e = k + 1;
      } else break;
    }
    if (e - s >= 2) {
      out.push({ start: s, end: e, type: 'MISC' });
      i = e - 1;
    }
  }
  return out;
}

/** The source text of units `[s, e)`. */
export function unitsText(units: Unit[], s: number, e: number): string {
  // Units keep their own offsets; callers slice the document text for exact spans.
  let out = '';
  for (let k = s; k < e; k++) {
    const u = units[k]!;
    if (k > s) out += u.start > units[k - 1]!.end ? ' ' : '';
    out += u.text;
  }
  return out;
}

/**
 * "X and his U.S. and Japanese counterparts, A and B, respectively": A and B get the countries in order and
 * X's role.
 */
function counterparts(toks: string[], mentions: Mention[]): void {
  for (let i = 0; i < toks.length; i++) {
    const len = toks[i]!.length;
    if (len !== 11 && len !== 12) continue;
    const w = lower(toks[i]);
    if (w !== 'counterparts' && w !== 'counterpart') continue;
    let q = i - 1;
    const countries: string[] = [];
    while (q >= 0 && i - q <= 8) {
      const t = lower(toks[q]);
      if (t === 'his' || t === 'her' || t === 'their' || t === 'its') break;
      const m = mentions.find((x) => x.e === q + 1 && x.s <= q && x.country && x.type !== 'PERSON');
      if (m) {
        countries.unshift(m.country!);
        q = m.s - 1;
        continue;
      }
      if (t === 'and' || t === ',') {
        q--;
        continue;
      }
      break;
    }
    if (countries.length === 0) continue;
    const owner = [...mentions].reverse().find((x) => x.type === 'PERSON' && x.e <= q);
    const people = mentions.filter((x) => x.s > i && (x.type === 'PERSON' || x.type === 'UNK'));
    const stop = toks.findIndex((t, k) => k > i && lower(t) === 'respectively');
    const list = people.filter((x) => stop < 0 || x.s < stop).slice(0, countries.length);
    list.forEach((p, k) => {
      p.type = 'PERSON';
      p.country ??= countries[k] ?? null;
      p.role ??= owner?.role ?? null;
    });
  }
}

/** Country name for display ("North Korea"), or the code. */
export function countryName(iso3: string): string {
  return countryByIso3(iso3)?.name ?? iso3;
}
