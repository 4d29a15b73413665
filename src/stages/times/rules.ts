import type { TimeType } from '../../core/types.js';
import { ARTICLES, POSSESSIVE_DETERMINERS, union } from '../../knowledge/english/index.js';
import { ZONE_ABBREVIATIONS, ZONE_NAMES } from '../../knowledge/regional.js';
import { fmtDay, fmtMonth, fmtYear, fromDays, isoWeekday, toDays } from './calendar.js';
import {
  durationValue,
  MONTH_RE,
  monthNumber,
  NUM_RE,
  numberValue,
  ORDINAL_WORDS,
  ORDINALS,
  ordinalWordValue,
  PART_OF_DAY,
  SEASONS,
  UNIT_RE,
  unitInfo,
  WEEKDAY_RE,
  weekdayNumber,
} from './lexicon.js';
import {
  dateValue,
  type Gran,
  monthDayYear,
  monthYear,
  offsetDate,
  type ResolveContext,
  SEASON_CODES,
  seasonOf,
  shiftPeriod,
  twoDigitYear,
  weekdayDays,
} from './resolve.js';

/** One extracted time expression before overlap removal and resolution. */
export interface Candidate {
  start: number;
  end: number;
  type: TimeType;
  /** Name of the rule that produced it (kept in the output as `rule`). */
  rule: string;
  /** Index of the rule in {@link RULES}: the earlier rule wins between equally long overlapping matches. */
  priority: number;
  /** Computes the TIMEX3 value; called once, in document order. */
  resolve: (ctx: ResolveContext) => string | null;
  /** What else later refiners need. */
  kind?: 'clock' | 'event-anchored' | 'date';
  /** Clock time (minutes after midnight) of a `clock` candidate. */
  clock?: number;
  /** Seconds of a clock time printed with them ("10:30:34 a.m."). */
  second?: number;
  /** Zone named after a clock time or a day ("Korea time", "GMT"). */
  zone?: string;
  /** Head noun of the event an `event-anchored` expression counts from ("talks"), and its day offset. */
  event?: { head: string; offset: number };
  /** TIMEX3 `mod` (START, MID, END, APPROX, MORE_THAN, LESS_THAN …). */
  mod?: string;
  /** Resolver of the day a merged clock time ("10 a.m. Friday") lies on. */
  dayFrom?: (ctx: ResolveContext) => string | null;
  /** A weekday named without "last"/"next" (day of week 1–7), and whether words at it fixed its direction. */
  weekday?: { dow: number; cued: boolean };
}

type Groups = Record<string, string | undefined>;

interface Made {
  type: TimeType;
  resolve: (ctx: ResolveContext) => string | null;
  start?: number;
  end?: number;
  kind?: Candidate['kind'];
  clock?: number;
  second?: number;
  zone?: string;
  event?: { head: string; offset: number };
  mod?: string;
  /** Overrides the rule name in the output when one rule reads a distinct sub-pattern. */
  ruleName?: string;
  weekday?: Candidate['weekday'];
}

interface Rule {
  name: string;
  /**
   * Cheap test on the whole text; the rule's full pattern runs only when it passes. Like `needs`, it must
   * be implied by every match the rule can accept, or output changes.
   */
  trigger?: RegExp;
  /**
   * Lower-case strings of which the lower-cased text must contain one for the rule to run: a pre-check
   * much cheaper than a regex scan (the rules pass over every article).
   */
  needs?: readonly string[];
  /**
   * Where the rule can match: every match `make` accepts contains an occurrence of `key.spec` with at most
   * `key.lead` characters (not counting whitespace or digits) between the match start and the key. The
   * pattern is then tried only at the positions that allows instead of at every position of the text.
   */
  key?: { spec: KeySpec; lead: number };
  re: RegExp;
  make(g: Groups, m: RegExpExecArray, text: string): Made | null;
}

/**
 * A token every accepted match of some rules contains (a capitalised month name, a unit word). Its
 * occurrences are found once per text and shared by the rules that use it.
 */
interface KeySpec {
  /** Global pattern whose match index is an occurrence, or the key whose occurrences are filtered. */
  find: RegExp | KeySpec;
  /** Sticky pattern that must match at the occurrence. */
  confirm?: RegExp;
  /** Keep only occurrences whose first letter is in lower case (the rule rejects capitalised ones). */
  lowerFirst?: boolean;
  /** Character class the character before the occurrence must belong to. */
  after?: RegExp;
}

/** Months as the rules accept them: the name must start with a capital (`cap`), any case after. */
const MONTH_KEY: KeySpec = { find: /[JFMASOND](?=[A-Za-z])/g, confirm: new RegExp(MONTH_RE, 'iy') };
/** The parts of the day a preposition and "the" may lead to ("in the afternoon"). */
const PART_OF_DAY_KEY: KeySpec = { find: /morning|afternoon|evening/gi };
/** Weekdays as the rules accept them (capitalised). */
const WEEKDAY_KEY: KeySpec = { find: /[MTWFS](?=[A-Za-z])/g, confirm: new RegExp(WEEKDAY_RE, 'iy') };
/**
 * Unit words at the start of a word, any case; a global scan cannot hide one inside another (a match is
 * letters only and each starts after a non-word character). The unit keys below filter these.
 */
const UNIT_WORDS: KeySpec = {
  find: /\b(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)/gi,
};
/** A unit word right after a space or hyphen ("three years", "five-day"). */
const UNIT_KEY: KeySpec = { find: UNIT_WORDS, after: /[- ]/, confirm: new RegExp(UNIT_RE, 'iy') };
/** The same, for rules that reject a capitalised unit ("Five Years" as a title). */
const UNIT_KEY_LOWER: KeySpec = { find: UNIT_KEY, lowerFirst: true };
/** Plural unit words ("years", "weeks"), any case. */
const PLURAL_UNIT_KEY: KeySpec = {
  find: UNIT_WORDS,
  confirm: /years|months|weeks|days|decades|hours|minutes|centuries/iy,
};
/** Calendar unit words ("year-end", "end of the month"), any case. */
const CAL_WORD_KEY: KeySpec = { find: UNIT_WORDS, confirm: /week|month|year|decade|century|quarter/iy };
/** Calendar units after whitespace ("last week", "this year"), lower-case first letter. */
const CAL_UNIT_KEY: KeySpec = {
  find: UNIT_WORDS,
  after: /\s/,
  lowerFirst: true,
  confirm: /(?:week|weekend|month|year|decade|century|quarter)(?![\w-])/iy,
};

/** "eve" followed by each character JavaScript's `\s` matches. */
const EVE_SPACES = [
  ...'\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
].map((c) => `eve${c}`);

/**
 * TIMEX3's "some day" (`XXXX-XX-XX`): the prefix of a clock time or part of day whose calendar day is
 * unknown (no publication date), so the value keeps what the text says without inventing a day.
 */
export const SOME_DAY = 'XXXX-XX-XX';

const cap = (s: string | undefined): boolean => s !== undefined && /^[A-Z]/.test(s);
const constant = (v: string | null) => (): string | null => v;

const DAY = '(?<day>[0-3]?\\d)(?:st|nd|rd|th)?(?!\\d)';
const YEAR = '(?<year>[12]\\d{3})(?![\\d])';
const REL_YEAR = '(?<rel>this|last|next|the previous|the following|the same)\\s+year';
const PODS = 'morning|afternoon|evening|night|noon|midnight';
/** Zone names and abbreviations after a clock time (data: `src/knowledge/regional.ts`). */
const ZONE_ABBR = ZONE_ABBREVIATIONS.join('|');
const ZONES = `${ZONE_NAMES.join('|')}|${ZONE_ABBR}`;

const DURATION_LEFT =
  // "over the past five months": before a determiner, "over" is a preposition, not "more than".
  /(?:\b(?<q>about|some|nearly|almost|more than|less than|over|around|roughly|at least|at most|up to|only|just|barely|exactly|another|an additional|a further|under)\s+(?!(?:the|its|their|his|her)\s))?(?:\b(?<the>the|a|its|their|his|her)\s+)?(?:\b(?<rel>past|last|next|coming|first|final|previous|remaining|following|latest|recent|preceding|initial|full)\s+)?$/i;

function re(src: string, flags = 'gi'): RegExp {
  return new RegExp(src, flags);
}

function relYearOffset(rel: string | undefined): number {
  const r = (rel ?? '').toLowerCase();
  if (r === 'last' || r === 'the previous') return -1;
  if (r === 'next' || r === 'the following') return 1;
  return 0;
}

function modOf(word: string | undefined): string | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase().replace(/(?<![\s-])[\s-]+$/, '');
  if (w === 'early' || w === 'beginning' || w === 'start') return 'START';
  if (w === 'late' || w === 'end' || w === 'close') return 'END';
  if (w === 'mid' || w === 'middle') return 'MID';
  if (w === 'about' || w === 'some' || w === 'around' || w === 'roughly' || w === 'nearly' || w === 'almost')
    return 'APPROX';
  if (w === 'more than' || w === 'over') return 'MORE_THAN';
  if (w === 'less than' || w === 'under') return 'LESS_THAN';
  if (w === 'at least') return 'EQUAL_OR_MORE';
  if (w === 'at most' || w === 'up to') return 'EQUAL_OR_LESS';
  return undefined;
}

function granOf(unit: string): Gran | null {
  const u = unit.toLowerCase().replace(/s$/, '');
  if (u === 'day' || u === 'night') return 'day';
  if (u === 'week' || u === 'fortnight') return 'week';
  if (u === 'weekend') return 'weekend';
  if (u === 'month') return 'month';
  if (u === 'quarter') return 'quarter';
  if (u === 'year') return 'year';
  if (u === 'decade') return 'decade';
  if (u === 'century' || u === 'centurie') return 'century';
  return null;
}

/** Words after a bare four-digit number that show it is a year ("1995 election", "in 1995 and"). */
const YEAR_PREPS = new Set([
  'in',
  'since',
  'by',
  'until',
  'till',
  'from',
  'of',
  'between',
  'during',
  'before',
  'after',
  'early',
  'late',
  'mid',
  'year',
  'years',
  'fiscal',
  'and',
  'to',
  'through',
  'around',
  'circa',
  'summer',
  'spring',
  'autumn',
  'fall',
  'winter',
  'for',
  'throughout',
  'than',
  'or',
  'as',
  'at',
  'on',
  'into',
  'over',
  'mid-',
]);

/** Words that precede counts as often as years ("and 1995 people", "to 2000 troops"): not enough alone. */
const WEAK_PREPS = new Set([
  'and',
  'or',
  'to',
  'than',
  'as',
  'at',
  'on',
  'into',
  'over',
  'for',
  'around',
  'between',
  'of',
]);

/** Articles, possessives and this/that: before a four-digit number they make it a year ("the 1998 bombing"). */
const DETERMINERS = union(ARTICLES, POSSESSIVE_DETERMINERS, ['this', 'that']);

const NOT_YEAR_BEFORE =
  /\b(?:resolutions?|no|nos|number|numbers|flight|route|article|articles|room|page|pages|model|highway|code|section|rule|paragraph|bill|squad|unit|battalion|brigade|division|grade|level|platform|channel|station|ward|district|block|lot|item|nr|serial|rs|us|\$|usd|eur)\.?\s*$/i;

const FUNCTION_NEXT = new Set([
  'and',
  'or',
  'to',
  'when',
  'after',
  'before',
  'as',
  'in',
  'on',
  'at',
  'for',
  'with',
  'but',
  'the',
  'a',
  'an',
  'was',
  'were',
  'is',
  'had',
  'has',
  'have',
  'will',
  'that',
  'which',
  'where',
  'while',
  'until',
  'because',
  'through',
  'against',
  'from',
  'by',
  'during',
  'under',
  'he',
  'she',
  'it',
  'they',
  'we',
  'his',
  'her',
  'its',
  'their',
  'this',
  'election',
  'elections',
  'presidential',
  'parliamentary',
  'general',
  'budget',
  'season',
  'census',
  'summit',
  'war',
  'crisis',
  'agreement',
  'accord',
  'accords',
  'treaty',
  'talks',
  'games',
  'olympics',
  'world',
  'cup',
  'constitution',
  'coup',
  'uprising',
  'revolution',
  'earthquake',
  'invasion',
  'levels',
  'level',
  'figures',
  'target',
  'deadline',
  'plan',
  'report',
  'law',
  'act',
  'deal',
  'also',
  'alone',
  'compared',
  'onward',
  'onwards',
  'only',
  'already',
]);

function looksLikeYear(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  if (NOT_YEAR_BEFORE.test(before)) return false;
  const prevWord = /(?<![A-Za-z-])([A-Za-z-]+)\s*$/.exec(before)?.[1]?.toLowerCase();
  if (prevWord !== undefined && YEAR_PREPS.has(prevWord) && !WEAK_PREPS.has(prevWord)) return true;
  // "the 1998 bombing", "the company's 1989 results": a determiner before a four-digit number is a year.
  if (prevWord !== undefined && DETERMINERS.has(prevWord)) return true;
  if (/\w['’]s\s*$/.test(before)) return true;
  const after = text.slice(end, end + 30);
  if (/^\s*(?:$|[.,;:!?)\]"”’'])/.test(after)) return true;
  const next = /^\s+([A-Za-z]+)/.exec(after)?.[1];
  if (next === undefined) return /^\s*[-–—(]/.test(after);
  if (/^[A-Z]/.test(next)) return true;
  return FUNCTION_NEXT.has(next.toLowerCase());
}

function clockValue(h: number, mi: number, ap: string | undefined): number | null {
  let hh = h;
  if (ap) {
    const p = ap.toLowerCase().startsWith('p');
    if (hh < 1 || hh > 12) return null;
    if (p && hh < 12) hh += 12;
    if (!p && hh === 12) hh = 0;
  }
  if (hh > 24 || mi > 59) return null;
  return hh * 60 + mi;
}

/** Words before a weekday (possibly across a clock time) that put it ahead of the publication day. */
const UNTIL_BEFORE =
  /\b(?:until|till|as early as|as soon as|no later than|ahead of)\s+(?:(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?\s?m\.?|noon|midnight)\s*(?:[A-Z]{3,4}\s*)?,?\s*(?:on\s+)?)?$/i;

/** Words that may stand right before a bare quarter code ("In Q3", "for Q1", "than Q2"), capitalised or not. */
const QUARTER_LEAD = new Set([
  'in',
  'for',
  'during',
  'by',
  'since',
  'through',
  'after',
  'before',
  'from',
  'until',
  'of',
  'and',
  'or',
  'to',
  'than',
  'vs',
  'versus',
  'last',
  'this',
  'next',
]);

/** Capitalised words that may open a sentence right before a month ("Last March", "Since June"). */
const MONTH_LEAD_WORDS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'that',
  'in',
  'on',
  'by',
  'since',
  'until',
  'till',
  'from',
  'last',
  'this',
  'next',
  'early',
  'late',
  'mid',
  'during',
  'through',
  'before',
  'after',
  'and',
  'or',
  'but',
  'each',
  'every',
  'of',
  'for',
  'between',
  'throughout',
]);

/** Words that may follow a spelled day ("on March eighth in Geneva"); any other word makes it an adverb. */
const ORDINAL_DAY_NEXT = new Set([
  'in',
  'at',
  'on',
  'to',
  'for',
  'and',
  'or',
  'when',
  'the',
  'this',
  'next',
  'last',
  'of',
  'was',
  'will',
  'is',
  'with',
  'after',
  'before',
]);

/** "… and June", "/June": another month right after, as in a list of months. */
const MONTH_LIST_NEXT = new RegExp(`^\\s*(?:,|and|or|/|-|–|to)\\s*${MONTH_RE}`);

/** "postponed to January", "pushed back until March": a new date, which lies ahead of the report. */
const RESCHEDULED_TO =
  /\b(?:postponed|delayed|deferred|pushed back|put off|rescheduled|moved|extended|adjourned)\b(?:\s+[\w'’-]+){0,4}?\s+(?:to|until|till|into)\s+(?:(?:early|late|mid-?)\s*)?$/i;

/** A printed date right before a clock time ("Dec. 29, 2004 00:28", "29 Dec 2004, 00:28"). */
const DATE_BEFORE_CLOCK = new RegExp(
  `(?:${MONTH_RE}\\s*\\d{1,2},?\\s*[12]\\d{3}|[0-3]?\\d\\s+${MONTH_RE}\\s*,?\\s*[12]\\d{3}),?\\s*$`,
);

/** Words ending in "s" that may follow "the past" as a noun ("the past is", "the past has shown"). */
const PAST_NOUN_VERBS = new Set([
  'is',
  'was',
  'has',
  'does',
  'as',
  'this',
  'its',
  'his',
  'us',
  'thus',
  'seems',
]);

/** A weekday naming the event's own day inside an event-anchored phrase ("last Tuesday's hearing"). */
const EVENT_WEEKDAY =
  /\b(?:(?<rel>last|next|this)\s+)?(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’]s\b/;

/** Day number of Easter Sunday (Gregorian computus, the anonymous algorithm). */
export function easterDays(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toDays(y, month, day);
}

/** "… ended Sept. 30", "… ending March 31, 2024" right after a quarter. */
const QUARTER_ENDED = new RegExp(
  `^\\s*,?\\s*(?:that\\s+|which\\s+)?(?:ended|ending|ends|to)\\s+(?<mon>${MONTH_RE})\\s*(?<day>[0-3]?\\d)(?!\\d)(?:\\s*,\\s*(?<y>[12]\\d{3})(?!\\d))?`,
);

/**
 * The calendar quarter a reporting period ending on that day covers: the quarter holding the day, or the
 * one before when the day falls in the first week of a quarter (retail quarters end "Oct. 1").
 */
export function quarterEndingOn(y: number, mon: number, day: number): string {
  let q = Math.floor((mon - 1) / 3) + 1;
  let yy = y;
  if ((mon - 1) % 3 === 0 && day <= 7) {
    q -= 1;
    if (q === 0) {
      q = 4;
      yy -= 1;
    }
  }
  return `${fmtYear(yy)}-Q${q}`;
}

/** Resolves a weekday plus an optional part of day against the anchor and the clause tense. */
function weekdayResolver(dow: number, rel: string | undefined, pod: string | undefined) {
  return (ctx: ResolveContext): string | null => {
    if (!ctx.anchor) {
      // No publication day: the part of the day is all the text pins down ("Monday night" = some night).
      const code = pod ? PART_OF_DAY[pod.toLowerCase()] : undefined;
      return code ? `${SOME_DAY}T${code === 'MI' ? '12:00' : code}` : null;
    }
    const r = (rel ?? '').toLowerCase();
    let days: number;
    if (r === 'last' || r === 'past') days = weekdayDays(ctx.anchor.days, dow, 'past', true);
    else if (r === 'next' || r === 'coming') days = weekdayDays(ctx.anchor.days, dow, 'future', true);
    else if (r === 'the previous' || r === 'the preceding')
      days = weekdayDays(ctx.refDays ?? ctx.anchor.days, dow, 'past', true);
    else if (r === 'the following') days = weekdayDays(ctx.refDays ?? ctx.anchor.days, dow, 'future', true);
    else if (r === 'last-poss') days = weekdayDays(ctx.anchor.days, dow, 'past');
    else if (r === 'next-poss') days = weekdayDays(ctx.anchor.days, dow, 'future');
    else days = weekdayDays(ctx.anchor.days, dow, ctx.tense());
    const code = pod ? PART_OF_DAY[pod.toLowerCase()] : undefined;
    return fmtDay(days) + (code && code !== 'MI' ? `T${code}` : code === 'MI' ? 'T12:00' : '');
  };
}

function monthDayResolver(mon: number, day: number, dir?: 'past' | 'future') {
  return (ctx: ResolveContext): string | null => {
    if (day < 1 || day > 31) return null;
    if (!ctx.anchor)
      return dateValue(2000, mon, day)
        ? `XXXX-${fmtMonth(0, mon).slice(5)}-${String(day).padStart(2, '0')}`
        : null;
    if (!dir && ctx.sentenceDays != null) {
      const y = nearYear(ctx.sentenceDays, mon, day);
      if (y !== null) return dateValue(y, mon, day);
    }
    return dateValue(monthDayYear(ctx.anchor, mon, day, dir ?? ctx.tense()), mon, day);
  };
}

/**
 * Year of a yearless month-day named in the same sentence as a dated day ("on April 12, 2001, and results
 * came on April 14"): the year that puts it within 120 days of that day, else null.
 */
export function nearYear(refDays: number, mon: number, day: number): number | null {
  const { y } = fromDays(refDays);
  for (const yy of [y, y - 1, y + 1]) {
    if (!dateValue(yy, mon, day)) continue;
    if (Math.abs(toDays(yy, mon, day) - refDays) <= 120) return yy;
  }
  return null;
}

/** Two years joined by a dash or slash ("1990-91", "1850-58", "1940/1941"). */
const YEAR_RANGE_RE = re(
  `(?<![\\w$£€¥.,:/-]|\\d[.,])(?<y1>1[5-9]\\d\\d|20\\d\\d)\\s*[-–/]\\s*(?<y2>1[5-9]\\d\\d|20\\d\\d|\\d\\d)(?![\\w%°]|[.,:/-]\\d|\\s*(?:%|percent))`,
);

/**
 * One year of a year range, each its own expression as TimeML annotates them: part 1 the first year,
 * part 2 the second, whose century comes from the first ("1990-91" is 1990 and 1991). "2008-09" is read
 * as a season or fiscal range, but "1998-08" (ten years on) as nothing: that is a printed month.
 */
function yearRangePart(g: Groups, m: RegExpExecArray, text: string, part: 1 | 2): Made | null {
  const y1 = Number(g.y1);
  const short = g.y2!.length === 2;
  let y2 = short ? Math.floor(y1 / 100) * 100 + Number(g.y2) : Number(g.y2);
  if (short && y2 <= y1) y2 += 100;
  if (y2 <= y1 || y2 - y1 > 100) return null;
  if (short && g.y2!.startsWith('0') && y2 !== y1 + 1) return null;
  if (!looksLikeYear(text, m.index, m.index + m[0].length)) return null;
  if (part === 1) return { type: 'DATE', end: m.index + g.y1!.length, resolve: constant(g.y1!) };
  return { type: 'DATE', start: m.index + m[0].length - g.y2!.length, resolve: constant(fmtYear(y2)) };
}

/**
 * The ordered rules. Order matters only between equally long overlapping matches (the earlier wins);
 * otherwise the longest match wins, so "April 1 , 1997" beats "April 1" and "1997".
 */
export const RULES: Rule[] = [
  {
    name: 'date-mdy',
    key: { spec: MONTH_KEY, lead: 12 },
    re: re(`(?:(?<wd>${WEEKDAY_RE})\\s*,?\\s+)?(?<mon>${MONTH_RE})\\s*${DAY}(?:\\s*,\\s*|\\s+)${YEAR}`),
    make(g) {
      if (!cap(g.mon)) return null;
      const v = dateValue(Number(g.year), monthNumber(g.mon!)!, Number(g.day));
      return { type: 'DATE', resolve: constant(v), kind: 'date' };
    },
  },
  {
    name: 'date-dmy',
    key: { spec: MONTH_KEY, lead: 16 },
    re: re(
      `(?:(?<wd>${WEEKDAY_RE})\\s*,?\\s+)?(?<![\\d.,])${DAY}\\s+(?:of\\s+)?(?<mon>${MONTH_RE})\\s*,?\\s*${YEAR}`,
    ),
    make(g) {
      if (!cap(g.mon)) return null;
      const v = dateValue(Number(g.year), monthNumber(g.mon!)!, Number(g.day));
      return { type: 'DATE', resolve: constant(v), kind: 'date' };
    },
  },
  {
    name: 'date-md-relyear',
    key: { spec: MONTH_KEY, lead: 2 },
    re: re(`(?<mon>${MONTH_RE})\\s*${DAY}\\s*,?\\s+(?:of\\s+)?${REL_YEAR}`),
    make(g) {
      if (!cap(g.mon)) return null;
      const mon = monthNumber(g.mon!)!;
      const day = Number(g.day);
      const off = relYearOffset(g.rel);
      return {
        type: 'DATE',
        kind: 'date',
        resolve: (ctx) => (ctx.anchor ? dateValue(ctx.anchor.y + off, mon, day) : null),
      };
    },
  },
  {
    name: 'date-iso',
    trigger: /\d{4}-\d\d-\d\d/,
    re: re(
      '(?<![\\w.-])(?<y>[12]\\d{3})-(?<mo>[01]\\d)-(?<d>[0-3]\\d)(?:[T ](?<hh>[01]\\d|2[0-3]):(?<mm>[0-5]\\d)(?::(?<ss>[0-5]\\d))?)?(?![\\w-]|:\\d)',
    ),
    make(g) {
      const day = dateValue(Number(g.y), Number(g.mo), Number(g.d));
      if (g.hh !== undefined) {
        // A machine time stamp ("2009-12-19T17:00"): the clock as printed, no zone conversion.
        const t = day ? `${day}T${g.hh}:${g.mm}${g.ss === undefined ? '' : `:${g.ss}`}` : null;
        return { type: 'TIME', resolve: constant(t) };
      }
      return {
        type: 'DATE',
        kind: 'date',
        resolve: constant(day),
      };
    },
  },
  {
    name: 'week-of',
    needs: ['week of'],
    re: re(
      `\\bthe\\s+week\\s+of\\s+(?<mon>${MONTH_RE})\\s*${DAY}(?:(?:\\s*,\\s*|\\s+)${YEAR})?(?!\\d|:\\d|[.,]\\d)`,
    ),
    make(g) {
      if (!cap(g.mon)) return null;
      const mon = monthNumber(g.mon!)!;
      const day = Number(g.day);
      const day0 = monthDayResolver(mon, day);
      return {
        type: 'DATE',
        kind: 'date',
        // "a hearing the week of March 6": the ISO week holding that day.
        resolve: (ctx) => {
          const v = g.year ? dateValue(Number(g.year), mon, day) : day0(ctx);
          const mm = v ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
          return mm ? shiftPeriod(toDays(Number(mm[1]), Number(mm[2]), Number(mm[3])), 'week', 0) : null;
        },
      };
    },
  },
  {
    name: 'date-md',
    key: { spec: MONTH_KEY, lead: 18 },
    re: re(
      `(?:(?<wd>${WEEKDAY_RE})\\s*,?\\s+)?(?:(?<rel>last|this|next|past|coming)\\s+)?(?<mon>${MONTH_RE})\\s*${DAY}(?!\\d|:\\d|[.,]\\d|\\s*(?:%|percent|million|billion|per|-\\s*\\d|to\\s+\\d))`,
    ),
    make(g) {
      if (!cap(g.mon)) return null;
      const day = Number(g.day);
      if (day < 1 || day > 31) return null;
      const rel = g.rel?.toLowerCase();
      const dir =
        rel === 'last' || rel === 'past' ? 'past' : rel === 'next' || rel === 'coming' ? 'future' : undefined;
      return { type: 'DATE', kind: 'date', resolve: monthDayResolver(monthNumber(g.mon!)!, day, dir) };
    },
  },
  {
    name: 'date-md-words',
    key: { spec: MONTH_KEY, lead: 21 },
    re: re(
      `(?:(?<mon>${MONTH_RE})\\s+(?:the\\s+)?(?<ow>${ORDINAL_WORDS})|\\bthe\\s+(?<ow2>${ORDINAL_WORDS})\\s+of\\s+(?<mon2>${MONTH_RE}))(?:\\s*,?\\s+${YEAR})?`,
    ),
    make(g, m, text) {
      // "January nineteenth", "the fourth of July", "March eighth, 1998": spelled days. A verb after the
      // ordinal makes it an adverb ("in March first reported").
      const mon = g.mon ?? g.mon2;
      if (!cap(mon)) return null;
      if (g.ow && !g.year) {
        const next = /^\s+([a-z]+)/.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 20))?.[1];
        if (next !== undefined && !ORDINAL_DAY_NEXT.has(next)) return null;
      }
      const day = ordinalWordValue(g.ow ?? g.ow2!);
      if (day === null || day > 31) return null;
      const mo = monthNumber(mon!)!;
      if (g.year)
        return { type: 'DATE', kind: 'date', resolve: constant(dateValue(Number(g.year), mo, day)) };
      return { type: 'DATE', kind: 'date', resolve: monthDayResolver(mo, day) };
    },
  },
  {
    name: 'date-dm',
    key: { spec: MONTH_KEY, lead: 16 },
    re: re(`(?:(?<wd>${WEEKDAY_RE})\\s*,?\\s+)?(?<![\\d.,$])${DAY}\\s+(?:of\\s+)?(?<mon>${MONTH_RE})`),
    make(g) {
      if (!cap(g.mon)) return null;
      const day = Number(g.day);
      if (day < 1 || day > 31) return null;
      return { type: 'DATE', kind: 'date', resolve: monthDayResolver(monthNumber(g.mon!)!, day) };
    },
  },
  {
    name: 'month-year',
    key: { spec: MONTH_KEY, lead: 16 },
    re: re(
      `(?:(?<pre>early|late|mid-|mid|the beginning of|the end of|the middle of|the start of)\\s*)?(?<mon>${MONTH_RE})\\s*,?\\s+(?:of\\s+)?${YEAR}`,
    ),
    make(g) {
      if (!cap(g.mon)) return null;
      const v = fmtMonth(Number(g.year), monthNumber(g.mon!)!);
      return { type: 'DATE', resolve: constant(v), mod: modOf(g.pre?.split(' ').at(-2) ?? g.pre) };
    },
  },
  {
    name: 'month-relyear',
    key: { spec: MONTH_KEY, lead: 7 },
    re: re(
      `(?:(?<pre>early|late|mid-|mid)\\s*)?(?<mon>${MONTH_RE})\\s+(?:of\\s+)?(?<rel>this|last|next|the previous|the following|that|the same)\\s+year`,
    ),
    make(g) {
      if (!cap(g.mon)) return null;
      const mon = monthNumber(g.mon!)!;
      const rel = g.rel!.toLowerCase();
      // "In September that year": the year the story last named, which may be decades back.
      const told = rel === 'that' || rel === 'the same';
      const off = told ? 0 : relYearOffset(g.rel);
      return {
        type: 'DATE',
        resolve: (ctx) => {
          if (told && ctx.refYear !== null) return fmtMonth(ctx.refYear, mon);
          return ctx.anchor ? fmtMonth(ctx.anchor.y + off, mon) : `XXXX-${fmtMonth(0, mon).slice(5)}`;
        },
        mod: modOf(g.pre),
      };
    },
  },
  {
    name: 'rel-month',
    key: { spec: MONTH_KEY, lead: 8 },
    re: re(`\\b(?<rel>last|next|this|past|coming)\\s+(?<mon>${MONTH_RE})(?![.\\s]*\\d)`),
    make(g) {
      if (!cap(g.mon)) return null;
      const mon = monthNumber(g.mon!)!;
      const r = g.rel!.toLowerCase();
      return {
        type: 'DATE',
        resolve: (ctx) => {
          const a = ctx.anchor;
          if (!a) return null;
          // The month just gone would be "last month": "last February" written in March is a year back.
          if (r === 'last' || r === 'past') return fmtMonth(mon < a.m - 1 ? a.y : a.y - 1, mon);
          if (r === 'next' || r === 'coming') return fmtMonth(mon > a.m ? a.y : a.y + 1, mon);
          return fmtMonth(a.y, mon);
        },
      };
    },
  },
  {
    name: 'month',
    key: { spec: MONTH_KEY, lead: 17 },
    re: re(
      `(?:\\b(?<prep>in|since|by|until|till|through|during|from|to|of|and|before|after|between|for|on|last|this|next|or|throughout)\\s+)?(?:(?<pre>early|late|mid-|mid)\\s*)?(?<mon>${MONTH_RE})(?![.\\s]*\\d)`,
    ),
    make(g, m, text) {
      if (!cap(g.mon)) return null;
      const isPlain =
        /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/.test(
          g.mon!,
        );
      // Bare abbreviations without a period ("Jan Kavan") are names, not months.
      if (!isPlain && !/\.$/.test(g.mon!)) return null;
      // "the annual March for Life", "the March of the Mothers": a capitalised name.
      const before = text.slice(Math.max(0, m.index - 12), m.index + m[0].length - g.mon!.length);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
      if (/\b(?:the|a|an|annual)\s+(?:``|["“'‘])?$/i.test(before) && /^\s+(?:for|of)\b/i.test(after))
        return null;
      // "the Long March rocket", "Operation Desert June": a capitalised word before the month makes a name.
      const prevWord = /([A-Z][a-z]+)\s+$/.exec(text.slice(Math.max(0, m.index - 20), m.index))?.[1];
      if (!g.prep && !g.pre && prevWord !== undefined && !MONTH_LEAD_WORDS.has(prevWord.toLowerCase()))
        return null;
      // A bare "May" is the verb unless a list makes it a month ("May and June 2011").
      if (
        g.mon === 'May' &&
        !g.prep &&
        !g.pre &&
        !MONTH_LIST_NEXT.test(after + text.slice(m.index + m[0].length + 6, m.index + m[0].length + 20))
      )
        return null;
      const mon = monthNumber(g.mon!)!;
      const start = g.pre
        ? m.index + m[0].indexOf(g.pre, g.prep ? g.prep.length : 0)
        : m.index + m[0].lastIndexOf(g.mon!);
      // "the June elections", "a March deadline": a month naming an event is the nearest such month; the
      // clause verb tells about the event, not about which year's June.
      const attributive =
        /\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start)) &&
        /^\s+[a-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
      // "loans through January", "until mid-November": a deadline lies ahead whatever the verb's tense,
      // unless the clause looks back from it ("until March, it had …").
      const ahead =
        (/^(?:until|till|through)$/i.test(g.prep ?? '') ||
          /\b(?:as early as|as soon as|no later than|no earlier than|ahead of)\s+$/i.test(
            text.slice(Math.max(0, start - 20), start),
          ) ||
          RESCHEDULED_TO.test(text.slice(Math.max(0, start - 50), start))) &&
        !/^[^.;]{0,40}\bhad\b/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 50));
      return {
        type: 'DATE',
        start,
        mod: modOf(g.pre),
        resolve: (ctx) =>
          ctx.anchor
            ? fmtMonth(
                monthYear(
                  ctx.anchor,
                  mon,
                  ahead ? 'future' : ctx.tense(),
                  attributive ? 4 : 1,
                  ahead ? 'future' : (ctx.tenseNear?.() ?? null),
                  !ahead && (ctx.modalNear?.() ?? false),
                ),
                mon,
              )
            : `XXXX-${fmtMonth(0, mon).slice(5)}`,
      };
    },
  },
  {
    name: 'season',
    needs: ['spring', 'summer', 'autumn', 'fall', 'winter'],
    re: re(
      `\\b(?:(?<det>this|last|next|the|early|late|in|during|mid-|mid|past|coming)\\s*)?(?<s>spring|summer|autumn|fall|winter)(?:\\s+(?:of\\s+)?(?:(?<year>[12]\\d{3})(?!\\d)|'(?<yy>\\d\\d)(?!\\d)|(?<yy2>\\d\\d)(?![\\d\\w])))?\\b`,
    ),
    make(g, m, text) {
      const det = g.det?.toLowerCase();
      const hasYear = g.year !== undefined || g.yy !== undefined || g.yy2 !== undefined;
      if (!det && !hasYear) return null;
      if (
        det === 'the' &&
        !hasYear &&
        /^\s+of\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 5))
      )
        return null;
      const code = SEASONS[g.s!.toLowerCase()]!;
      const idx = SEASON_CODES.indexOf(code as (typeof SEASON_CODES)[number]);
      const start =
        det === 'in' || det === 'during'
          ? m.index + m[0].search(/spring|summer|autumn|fall|winter/i)
          : m.index;
      return {
        type: 'DATE',
        start,
        resolve: (ctx) => {
          if (g.year) return `${g.year}-${code}`;
          if (g.yy || g.yy2) {
            const y = twoDigitYear(Number(g.yy ?? g.yy2), ctx.anchor);
            return y === null ? null : `${fmtYear(y)}-${code}`;
          }
          const a = ctx.anchor;
          if (!a) return `XXXX-${code}`;
          const cur = seasonOf(a.y, a.m);
          let y = cur.y;
          if (det === 'last' || det === 'past') y = idx < cur.idx ? cur.y : cur.y - 1;
          else if (det === 'next' || det === 'coming') y = idx > cur.idx ? cur.y : cur.y + 1;
          else if (det !== 'this') {
            const t = ctx.tense();
            if (t === 'past' && idx > cur.idx) y = cur.y - 1;
            if (t === 'future' && idx < cur.idx) y = cur.y + 1;
          }
          return `${fmtYear(y)}-${code}`;
        },
      };
    },
  },
  {
    name: 'quarter',
    needs: ['quarter'],
    re: re(
      `\\b(?:(?<the>the|its|their|this year's|last year's|next year's)\\s+)?(?:(?:fiscal\\s+(?:year\\s+)?)?(?<y0>[12]\\d{3})\\s+)?(?:(?<rel>year-earlier|year-ago|year earlier|latest|last|past|current|this|next|previous|coming|most recent|same)\\s+)?(?:fiscal\\s+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[- ]quarters?(?![\\w-])(?:\\s+of\\s+(?:the\\s+)?(?:(?:fiscal\\s+(?:year\\s+)?)?(?<y>[12]\\d{3})(?!\\d)|(?<yrel>this|last|next|current|previous|same)\\s+(?:fiscal\\s+)?year))?`,
    ),
    make(g, m) {
      const q = ORDINALS[g.ord!.toLowerCase()]!;
      const rel = (g.rel ?? '').toLowerCase();
      const the = (g.the ?? '').toLowerCase();
      // "in the second and fourth quarters": those quarters of every year.
      if (/quarters$/i.test(m[0])) return { type: 'SET', resolve: constant(`XXXX-Q${q}`) };
      return {
        type: 'DATE',
        resolve: (ctx) => {
          const year = g.y ?? g.y0;
          if (year) return `${year}-Q${q}`;
          const a = ctx.anchor;
          if (!a) return `XXXX-Q${q}`;
          let y = a.y;
          if (g.yrel) y += relYearOffset(g.yrel === 'previous' ? 'last' : g.yrel);
          else if (the.startsWith('last')) y -= 1;
          else if (the.startsWith('next')) y += 1;
          else if (rel.startsWith('year')) y -= 1;
          else if (!the.startsWith('this')) {
            // Quarters are named when reported: the most recent quarter with that number.
            const cq = Math.floor((a.m - 1) / 3) + 1;
            if (q > cq) y -= 1;
          }
          return `${fmtYear(y)}-Q${q}`;
        },
      };
    },
  },
  {
    name: 'quarter-abbrev',
    trigger: /[1-4][QH]|[QH][1-4]/,
    re: re(
      `(?<![\\w-])(?:(?<fy0>FY\\s?)?(?<y0>[12]\\d{3})\\s*)?(?:(?<p>[QH])(?<n>[1-4])|(?<n2>[1-4])(?<p2>[QH])(?<yy3>\\d\\d)?)(?:(?:\\s+|\\s*[-/]\\s*|\\s+of\\s+)(?:FY\\s?)?(?<y>[12]\\d{3})(?!\\d)|\\s*['’](?<yy>\\d\\d)(?!\\d)|\\s+FY\\s?(?<yy2>\\d\\d)(?!\\d))?(?![\\w-])`,
      'g',
    ),
    make(g, m, text) {
      // "Q3", "Q3 2023", "2Q24", "FY2024 Q1", "H1 2025": quarters and halves as company reports print them.
      const half = (g.p ?? g.p2) === 'H';
      const n = Number(g.n ?? g.n2);
      const yy = g.yy ?? g.yy2 ?? g.yy3;
      const year = g.y ?? g.y0;
      // "H2" alone is as often hydrogen as a half year: halves need their year.
      if (half && (n > 2 || (year === undefined && yy === undefined))) return null;
      // A bare "Q3" after "the" or a name ("the Q3", "Audi Q3") is a model, not a quarter.
      if (year === undefined && yy === undefined && g.fy0 === undefined) {
        const prev = /(?<![\p{L}-])([\p{L}-]+)\s+$/u.exec(
          text.slice(Math.max(0, m.index - 24), m.index),
        )?.[1];
        if (prev && !QUARTER_LEAD.has(prev.toLowerCase()) && (prev === 'the' || /^\p{Lu}/u.test(prev)))
          return null;
      }
      const code = half ? `H${n}` : `Q${n}`;
      return {
        type: 'DATE',
        resolve: (ctx) => {
          if (year !== undefined) return `${year}-${code}`;
          if (yy !== undefined) {
            const y = twoDigitYear(Number(yy), ctx.anchor);
            return y === null ? null : `${fmtYear(y)}-${code}`;
          }
          const a = ctx.anchor;
          if (!a) return `XXXX-${code}`;
          // Periods are named when reported: the most recent one with that number.
          const cur = half ? (a.m <= 6 ? 1 : 2) : Math.floor((a.m - 1) / 3) + 1;
          return `${fmtYear(n > cur ? a.y - 1 : a.y)}-${code}`;
        },
      };
    },
  },
  {
    name: 'quarter-rel',
    needs: ['quarter', 'period'],
    re: re(
      `\\b(?:the\\s+)?(?<rel>latest|last|past|current|this|next|previous|coming|most recent|year-earlier|year-ago|same)\\s+(?:fiscal\\s+)?(?<u>quarter|period)\\b|\\b(?:the|that)\\s+(?<bare>quarter)\\b`,
    ),
    make(g, m, text) {
      const rel = (g.rel ?? 'latest').toLowerCase();
      const ended = QUARTER_ENDED.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 40));
      if (ended && !/^year|^same/.test(rel)) {
        // "the quarter ended Sept. 30": the calendar quarter that closes on (or just before) that day.
        const mon = monthNumber(ended.groups!.mon!)!;
        const day = Number(ended.groups!.day);
        return {
          type: 'DATE',
          ruleName: 'quarter-ended',
          resolve: (ctx) => {
            const y = ended.groups!.y
              ? Number(ended.groups!.y)
              : ctx.anchor
                ? monthDayYear(ctx.anchor, mon, Math.min(day, 28), 'past')
                : null;
            return y === null ? null : quarterEndingOn(y, mon, day);
          },
        };
      }
      if (g.u?.toLowerCase() === 'period' && !/latest|year-|most recent|same/.test(rel)) return null;
      if (g.u?.toLowerCase() === 'period' && rel === 'same') return null;
      return {
        type: 'DATE',
        resolve: (ctx) => {
          const a = ctx.anchor;
          if (!a) return null;
          if (rel === 'current' || rel === 'this') return shiftPeriod(a.days, 'quarter', 0);
          if (rel === 'next' || rel === 'coming') return shiftPeriod(a.days, 'quarter', 1);
          if (rel.startsWith('year') || rel === 'same') {
            if (ctx.refQuarter) return `${Number(ctx.refQuarter.slice(0, 4)) - 1}${ctx.refQuarter.slice(4)}`;
            return shiftPeriod(a.days, 'quarter', -5);
          }
          // "the quarter", "the latest period" in an earnings report: the quarter it has named.
          if (ctx.refQuarter) return ctx.refQuarter;
          return shiftPeriod(a.days, 'quarter', -1);
        },
      };
    },
  },
  {
    name: 'quarter-year-ago',
    needs: ['quarter', 'period'],
    re: re(
      `\\b(?:(?:last|the previous)\\s+year['’]s\\s+(?:(?:same|corresponding|comparable|fiscal)\\s+)?(?:quarter|period)|the\\s+(?:same|corresponding|comparable|year-ago|year-earlier)\\s+(?:quarter|period)\\s+(?:of\\s+|in\\s+)?(?:last\\s+year|the\\s+previous\\s+year|a\\s+year\\s+(?:ago|earlier))|the\\s+(?:quarter|period)\\s+a\\s+year\\s+(?:ago|earlier))\\b`,
    ),
    make() {
      return {
        type: 'DATE',
        resolve: (ctx) => {
          // Earnings reports compare with the same quarter a year before the one they just named.
          if (ctx.refQuarter) return `${Number(ctx.refQuarter.slice(0, 4)) - 1}${ctx.refQuarter.slice(4)}`;
          return ctx.anchor ? shiftPeriod(ctx.anchor.days, 'quarter', -5) : null;
        },
      };
    },
  },
  {
    name: 'year-period',
    needs: ['quarter', 'period'],
    trigger: /\d{4}\s+(?:quarter|period)/i,
    re: re(`\\bthe\\s+(?<y>[12]\\d{3})\\s+(?:fiscal\\s+)?(?:quarter|period)\\b`),
    make(g) {
      return {
        type: 'DATE',
        // "the 1988 period" in an earnings report is the quarter last named, in that year.
        resolve: (ctx) => (ctx.refQuarter ? `${g.y}${ctx.refQuarter.slice(4)}` : g.y!),
      };
    },
  },
  {
    name: 'half',
    needs: ['half'],
    re: re(
      `\\b(?:the\\s+)?(?:(?<yr>year-earlier|year-ago)\\s+)?(?<ord>first|second|1st|2nd|latter|last)[- ]half(?![- ]?(?:hour|an?|dozen|century|decade|point|percent|million|billion|mile)\\b)(?!\\s+of\\s+(?!(?:the\\s+)?(?:[12]\\d{3}|this|last|next|current|previous|year)\\b))(?:\\s+of\\s+(?:the\\s+)?(?:(?<y>[12]\\d{3})(?!\\d)|(?<yrel>this|last|next|current|previous)\\s+year|(?<theyear>year)\\b))?`,
    ),
    make(g) {
      const h = ORDINALS[g.ord!.toLowerCase()] === 1 ? 1 : 2;
      return {
        type: 'DATE',
        resolve: (ctx) => {
          if (g.y) return `${g.y}-H${h}`;
          const a = ctx.anchor;
          if (!a) return `XXXX-H${h}`;
          let y = a.y;
          if (g.yrel) y += relYearOffset(g.yrel === 'previous' ? 'last' : g.yrel);
          else if (g.yr) y -= 1;
          else if (!g.theyear) {
            const ch = a.m <= 6 ? 1 : 2;
            const t = ctx.tense();
            if (t !== 'future' && h > ch) y -= 1;
          }
          return `${fmtYear(y)}-H${h}`;
        },
      };
    },
  },
  {
    name: 'decade',
    needs: ['0s', "0's", '0’s'],
    re: re(
      `\\b(?:(?<the>the)\\s+)?(?:(?<pre>early|late|mid-|mid)\\s*)?(?:(?<c>1\\d|20)(?<d>\\d)0|['’](?<d2>\\d)0|(?<d3>\\d)0)['’]?s\\b`,
    ),
    make(g) {
      if (g.d3 !== undefined && !g.the) return null;
      return {
        type: 'DATE',
        mod: modOf(g.pre),
        resolve: (ctx) => {
          if (g.c) return `${g.c}${g.d}`;
          const d = Number(g.d2 ?? g.d3);
          // No publication date: "the 90s" is the 1990s for any story written since; "the 20s" is unclear.
          if (!ctx.anchor) return d >= 3 ? `19${d}` : null;
          const c = Math.floor(ctx.anchor.y / 100);
          const ad = Math.floor((ctx.anchor.y % 100) / 10);
          return `${d <= ad ? c : c - 1}${d}`;
        },
      };
    },
  },
  {
    name: 'century',
    needs: ['centur'],
    re: re(
      `\\b(?:the\\s+)?(?:(?<pre>early|late|mid-|mid)\\s*)?(?:(?<n>\\d{1,2})(?:st|nd|rd|th)|(?<w>${ORDINAL_WORDS}))[- ]century\\b(?:\\s+(?<bc>BC|B\\.C\\.|BCE)(?![\\w]))?`,
    ),
    make(g) {
      const n = g.n ? Number(g.n) : ordinalWordValue(g.w!);
      const bc = g.bc !== undefined && /^B/.test(g.bc);
      if (n === null || n < 1 || (n > 21 && !bc)) return null;
      // TIMEX3 writes years before Christ with a "BC" prefix: "the 2nd century BC" is BC01.
      const v = String(n - 1).padStart(2, '0');
      return { type: 'DATE', mod: modOf(g.pre), resolve: constant(bc ? `BC${v}` : v) };
    },
  },
  {
    name: 'fiscal-year',
    needs: ['fiscal'],
    re: re(`\\bfiscal(?:\\s+year)?\\s+(?:(?<y>[12]\\d{3})(?!\\d)|['’]?(?<yy>\\d{2})(?![\\d\\w]))`),
    make(g) {
      return {
        type: 'DATE',
        resolve: (ctx) => {
          if (g.y) return g.y;
          const y = twoDigitYear(Number(g.yy), ctx.anchor);
          return y === null ? null : fmtYear(y);
        },
      };
    },
  },
  {
    name: 'year-prefixed',
    needs: ['mid-', 'post-', 'pre-'],
    re: re(`\\b(?<pre>mid|post|pre)-(?<y>1[5-9]\\d\\d|20\\d\\d)(?![\\w%]|[.,]\\d)`),
    make(g) {
      return {
        type: 'DATE',
        mod: g.pre!.toLowerCase() === 'mid' ? 'MID' : undefined,
        resolve: constant(g.y!),
      };
    },
  },
  {
    name: 'year-spoken',
    needs: ['nineteen', 'thousand'],
    re: re(
      `\\b(?:(?:the\\s+)?year\\s+)?(?:nineteen[- ](?<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?<ones>one|two|three|four|five|six|seven|eight|nine))?|nineteen[- ](?<teen>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?<=\\byear\\s+)two[- ]thousand(?:(?:\\s+and)?[- ](?<ones2>one|two|three|four|five|six|seven|eight|nine|ten))?)(?![\\w-])`,
    ),
    make(g) {
      let y: number | null;
      if (g.tens) y = 1900 + numberValue(g.tens)! + (g.ones ? numberValue(g.ones)! : 0);
      else if (g.teen) y = 1900 + numberValue(g.teen)!;
      else y = 2000 + (g.ones2 ? numberValue(g.ones2)! : 0);
      return { type: 'DATE', resolve: constant(fmtYear(y)) };
    },
  },
  {
    name: 'decade-words',
    needs: ['ties'],
    re: re(
      `\\bthe\\s+(?:(?<pre>early|late|mid-|mid)\\s*)?(?:nineteen[- ])?(?<d>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b`,
    ),
    make(g, m) {
      const d =
        [
          'twenties',
          'thirties',
          'forties',
          'fifties',
          'sixties',
          'seventies',
          'eighties',
          'nineties',
        ].indexOf(g.d!.toLowerCase()) + 2;
      const nineteen = /nineteen/i.test(m[0]);
      return {
        type: 'DATE',
        mod: modOf(g.pre),
        resolve: (ctx) => {
          if (nineteen) return `19${d}`;
          if (!ctx.anchor) return d >= 3 ? `19${d}` : null;
          const c = Math.floor(ctx.anchor.y / 100);
          const ad = Math.floor((ctx.anchor.y % 100) / 10);
          return `${d <= ad ? c : c - 1}${d}`;
        },
      };
    },
  },
  {
    name: 'the-weekend',
    needs: ['weekend'],
    re: re(`\\bthe\\s+(?:(?<rel>past|coming|previous|following)\\s+)?weekend\\b(?!\\s+of\\b)`),
    make(g) {
      const rel = g.rel?.toLowerCase();
      return {
        type: 'DATE',
        resolve: (ctx) => {
          const a = ctx.anchor;
          if (!a) return null;
          const dow = isoWeekday(a.days);
          const t =
            rel === 'past' || rel === 'previous'
              ? 'past'
              : rel === 'coming' || rel === 'following'
                ? 'future'
                : ctx.tense();
          let week = 0;
          if (t === 'future') week = dow >= 6 ? 1 : 0;
          else week = dow >= 6 ? 0 : -1;
          return shiftPeriod(a.days, 'weekend', week);
        },
      };
    },
  },
  {
    name: 'year-earlier-adj',
    needs: ['year-earlier', 'year earlier', 'year-ago', 'year ago'],
    re: re(
      `\\b(?:the\\s+)?(?<w>year-earlier|year-ago|year earlier)(?:\\s+(?<num>${NUM_RE})\\s+(?<unit>months|weeks))?\\b`,
    ),
    make(g) {
      if (g.unit) {
        // "the year-earlier nine months": the length of the period compared, as TimeBank annotates it.
        const n = numberValue(g.num!);
        const unit = unitInfo(g.unit);
        if (n === null || !unit) return null;
        return { type: 'DURATION', resolve: constant(durationValue(n, unit)) };
      }
      return { type: 'DATE', resolve: (ctx) => (ctx.anchor ? fmtYear(ctx.anchor.y - 1) : null) };
    },
  },
  {
    name: 'period-edge',
    key: { spec: CAL_WORD_KEY, lead: 26 },
    re: re(
      `\\b(?:(?<by>by|at|around|since|until|before|after|through|toward|towards)\\s+)?(?:(?<w>(?:the\\s+)?(?:end|beginning|start|middle|rest|remainder|close|turn)\\s+of\\s+the\\s+(?<unit>week|month|year|decade|century|quarter))|(?<ye>year-end|year end|year['’]s end|end-year|end of year|the year-end))\\b`,
    ),
    make(g, m) {
      const unit = (g.unit ?? 'year').toLowerCase();
      const gran = granOf(unit)!;
      const word = g.w
        ? /(end|beginning|start|middle|rest|remainder|close|turn)/i.exec(g.w)![1]!.toLowerCase()
        : 'end';
      const since = g.by?.toLowerCase() === 'since';
      const start = g.by ? m.index + g.by.length + 1 : m.index;
      return {
        type: 'DATE',
        start,
        mod: modOf(word === 'rest' || word === 'remainder' ? 'end' : word === 'turn' ? 'start' : word),
        resolve: (ctx) => {
          if (!ctx.anchor) return null;
          // "since year-end" is the end of last year; "since the beginning of the year" is this year's start.
          return shiftPeriod(ctx.anchor.days, gran, since && gran === 'year' && word === 'end' ? -1 : 0);
        },
      };
    },
  },
  {
    name: 'in-the-unit',
    needs: ['in the week', 'in the month', 'in the year', 'in the day'],
    re: re(`\\b(?<pre>earlier|later|early|late)\\s+in\\s+the\\s+(?<unit>week|month|year|day)\\b`),
    make(g) {
      const gran = granOf(g.unit!)!;
      return {
        type: 'DATE',
        mod: modOf(g.pre),
        resolve: (ctx) => (ctx.anchor ? shiftPeriod(ctx.anchor.days, gran, 0) : null),
      };
    },
  },
  {
    name: 'the-year',
    re: re(
      `\\b(?<pre>for|in|throughout|during|of)\\s+(?<w>the\\s+(?:(?:full|fiscal|whole|entire|current)\\s+)*year)\\b(?!['’-])`,
    ),
    make(g, m, text) {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      const start = m.index + m[0].indexOf(g.w!);
      if (/^\s+(?:ended|ending|to|through)\b/i.test(after))
        return { type: 'DURATION', start, resolve: constant('P1Y') };
      return { type: 'DATE', start, resolve: (ctx) => (ctx.anchor ? fmtYear(ctx.anchor.y) : null) };
    },
  },
  {
    name: 'year',
    re: re(
      `(?<![\\w$£€¥.,:/-]|\\d[.,])(?<y>1[5-9]\\d\\d|20\\d\\d)(?![\\w%°]|[.,:/]\\d|-\\d|\\s*(?:%|percent))`,
    ),
    make(g, m, text) {
      if (!looksLikeYear(text, m.index, m.index + m[0].length)) return null;
      return { type: 'DATE', resolve: constant(g.y!) };
    },
  },
  {
    name: 'date-bc',
    trigger: /B\.?C/,
    re: re(
      `(?:\\b[Tt]he\\s+)?(?:(?<d1>[0-3]?\\d)(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?(?:(?<mon>${MONTH_RE})|(?<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter))(?:\\s+(?<d2>[0-3]?\\d)(?:st|nd|rd|th)?(?!\\d)\\s*,?)?\\s+(?:of\\s+)?(?<y>\\d{1,4})\\s*(?:BC|B\\.C\\.|BCE)(?![\\w])`,
      'g',
    ),
    make(g) {
      // "March 29, 190 BC", "the summer of 44 BC": ancient dates keep the precision the text gives.
      const day = g.d1 ?? g.d2;
      if (g.d1 !== undefined && g.d2 !== undefined) return null;
      const y = `BC${g.y!.padStart(4, '0')}`;
      if (g.s)
        return day === undefined
          ? { type: 'DATE', resolve: constant(`${y}-${SEASONS[g.s.toLowerCase()]}`) }
          : null;
      const mon = String(monthNumber(g.mon!)).padStart(2, '0');
      const d = day === undefined ? null : Number(day);
      if (d !== null && (d < 1 || d > 31)) return null;
      return {
        type: 'DATE',
        resolve: constant(d === null ? `${y}-${mon}` : `${y}-${mon}-${String(d).padStart(2, '0')}`),
      };
    },
  },
  {
    name: 'year-bc',
    trigger: /B\.?C|A\.?D/,
    re: re(
      `(?<![\\w.,])(?:(?<y>\\d{1,4}|\\d{1,2},\\d{3})\\s*(?<e>BC|B\\.C\\.|BCE|AD|A\\.D\\.)|(?<e2>BC|B\\.C\\.|AD|A\\.D\\.)\\s*(?<y2>\\d{1,4})(?![\\d,.]\\d))(?![\\w])`,
      'g',
    ),
    make(g) {
      // "190 BC", "AD 70": a year of an era, as TIMEX3 writes it (BC0190, 0070).
      const y = Number((g.y ?? g.y2)!.replace(',', ''));
      if (y < 1 || y > 9999) return null;
      const bc = (g.e ?? g.e2)!.startsWith('B');
      return { type: 'DATE', resolve: constant(`${bc ? 'BC' : ''}${String(y).padStart(4, '0')}`) };
    },
  },
  {
    name: 'decade-bc',
    trigger: /B\.?C/,
    re: re(`(?:\\b[Tt]he\\s+)?(?<![\\w.,])(?<d>\\d{1,3})0s\\s+(?:BC|B\\.C\\.|BCE)(?![\\w])`, 'g'),
    make(g) {
      return { type: 'DATE', resolve: constant(`BC${g.d!.padStart(3, '0')}`) };
    },
  },
  {
    name: 'year-range',
    trigger: /\d\s*[-–/]\s*\d/,
    re: YEAR_RANGE_RE,
    make: (g, m, text) => yearRangePart(g, m, text, 1),
  },
  {
    name: 'year-range-end',
    trigger: /\d\s*[-–/]\s*\d/,
    re: YEAR_RANGE_RE,
    make: (g, m, text) => yearRangePart(g, m, text, 2),
  },
  {
    name: 'year-two-digit',
    needs: [
      "'0",
      "'1",
      "'2",
      "'3",
      "'4",
      "'5",
      "'6",
      "'7",
      "'8",
      "'9",
      '’0',
      '’1',
      '’2',
      '’3',
      '’4',
      '’5',
      '’6',
      '’7',
      '’8',
      '’9',
    ],
    re: re(`\\b(?:in|of|since|by|until|from|Christmas)\\s+(?<ap>['’])(?<yy>\\d{2})(?![\\w'’])`),
    make(g, m) {
      const start = m.index + m[0].indexOf(g.ap!);
      return {
        type: 'DATE',
        start,
        resolve: (ctx) => {
          const y = twoDigitYear(Number(g.yy), ctx.anchor);
          return y === null ? null : fmtYear(y);
        },
      };
    },
  },
  {
    name: 'rel-day',
    needs: ['today', 'tonight', 'yesterday', 'tomorrow'],
    re: re(
      `\\b(?<w>the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow)(?:['’]s)?(?:\\s+(?<pod>morning|afternoon|evening|night))?\\b`,
    ),
    make(g, m, text) {
      const w = g.w!.toLowerCase();
      if (g.w === 'Today' && /[A-Za-z]\s+$/.test(text.slice(Math.max(0, m.index - 3), m.index))) return null;
      // "today's youth", "in today's world": the present age, not the publication day.
      if (
        w === 'today' &&
        /^['’]s\s+(?:[a-z]+\s+)?(?:youth|young|world|society|generations?|children|kids|teenagers|standards|terms|dollars|technology|culture|families|consumers|computers)\b/i.test(
          text.slice(m.index + g.w!.length, m.index + g.w!.length + 40),
        )
      )
        return null;
      const off = w.startsWith('the day before')
        ? -2
        : w.startsWith('the day after')
          ? 2
          : w === 'yesterday'
            ? -1
            : w === 'tomorrow'
              ? 1
              : 0;
      const pod = w === 'tonight' ? 'NI' : g.pod ? PART_OF_DAY[g.pod.toLowerCase()] : undefined;
      const end = g.pod ? m.index + m[0].length : m.index + m[0].indexOf(g.w!) + g.w!.length;
      return {
        type: pod ? 'TIME' : 'DATE',
        kind: 'date',
        end,
        resolve: (ctx) =>
          ctx.anchor
            ? fmtDay(ctx.anchor.days + off) + (pod ? `T${pod}` : '')
            : pod
              ? `${SOME_DAY}T${pod}`
              : null,
      };
    },
  },
  {
    name: 'edge-pod',
    needs: ['morning', 'afternoon', 'evening'],
    re: re(
      `\\b(?:early|late|mid)[- ]?(?<pod>morning|afternoon|evening)(?:\\s+(?<rel>yesterday|today|tomorrow))?\\b(?![-'’])`,
    ),
    make(g, m, text) {
      // "the early morning hours", "late-afternoon trading": an adjective before a noun is left alone.
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (
        !g.rel &&
        /^\s+(?:hours?|trading|session|light|sun|news|show|edition|raid|attack|prayers?)\b/i.test(after)
      )
        return null;
      const pod = PART_OF_DAY[g.pod!.toLowerCase()]!;
      const rel = g.rel?.toLowerCase();
      const off = rel === 'yesterday' ? -1 : rel === 'tomorrow' ? 1 : 0;
      return {
        type: 'TIME',
        // "By mid afternoon, …": that part of the day the story is about.
        resolve: (ctx) => {
          const base = rel ? (ctx.anchor?.days ?? null) : (ctx.refDays ?? ctx.anchor?.days ?? null);
          return base === null ? `${SOME_DAY}T${pod}` : `${fmtDay(base + off)}T${pod}`;
        },
      };
    },
  },
  {
    name: 'this-pod',
    needs: ['morning', 'afternoon', 'evening', 'night'],
    re: re(
      `\\b(?<rel>this|last|(?:early|late|later|earlier)\\s+(?:this|last))\\s+(?<pod>morning|afternoon|evening|night)\\b`,
    ),
    make(g) {
      const off = /last$/i.test(g.rel!) ? -1 : 0;
      const pod = PART_OF_DAY[g.pod!.toLowerCase()]!;
      return {
        type: 'TIME',
        resolve: (ctx) => (ctx.anchor ? `${fmtDay(ctx.anchor.days + off)}T${pod}` : `${SOME_DAY}T${pod}`),
      };
    },
  },
  {
    // "talks began Thursday morning … would take up the issue in the afternoon", "before the afternoon
    // session": a part of the day the story is about, the day it last named (else the report's own).
    // "the morning of May 5" is left to the wrapper that widens the date, "4 in the morning" is a clock
    // time; "the night" is too often generic or an event's own night ("the night of the attack") to date.
    name: 'the-pod',
    needs: ['morning', 'afternoon', 'evening'],
    key: { spec: PART_OF_DAY_KEY, lead: 14 },
    re: re(
      `(?<!\\d\\s{0,3})\\b(?:in|during|before|after|until|by|through|throughout)\\s+(?<t>the\\s+(?<pod>morning|afternoon|evening))\\b(?!\\s+(?:of|after|before|hours|paper|prayers?)\\b|-)`,
    ),
    make(g, m) {
      const pod = PART_OF_DAY[g.pod!.toLowerCase()]!;
      return {
        type: 'TIME',
        start: m.index + m[0].length - g.t!.length,
        resolve: (ctx) => {
          const days = ctx.sentenceDays ?? (ctx.refCoarse ? null : ctx.refDays) ?? ctx.anchor?.days;
          return days == null ? `${SOME_DAY}T${pod}` : `${fmtDay(days)}T${pod}`;
        },
      };
    },
  },
  {
    name: 'weekday-set',
    needs: ['days', 'mornings', 'afternoons', 'evenings', 'nights'],
    re: re(
      `\\b(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:s\\b|\\s+(?<pod>mornings|afternoons|evenings|nights)\\b)`,
    ),
    make(g) {
      // "on Fridays", "Monday afternoons": every such day, a SET.
      if (!cap(g.wd)) return null;
      const dow = weekdayNumber(g.wd!)!;
      const code = g.pod ? PART_OF_DAY[g.pod.toLowerCase().replace(/s$/, '')] : undefined;
      return { type: 'SET', resolve: constant(`XXXX-WXX-${dow}${code ? `T${code}` : ''}`) };
    },
  },
  {
    name: 'weekday',
    key: { spec: WEEKDAY_KEY, lead: 14 },
    re: re(
      `\\b(?:(?<rel>last|next|this|coming|past|early|late|earlier|later|the previous|the following|the preceding)\\s+)?(?<wd>${WEEKDAY_RE})(?:\\s+(?<pod>${PODS}))?(?:\\s*\\((?<zone>${ZONES})\\))?`,
    ),
    make(g, m, text) {
      if (!cap(g.wd)) return null;
      const dow = weekdayNumber(g.wd!)!;
      const rel = g.rel?.toLowerCase();
      const start = rel === 'earlier' || rel === 'later' ? m.index + m[0].indexOf(g.wd!) : m.index;
      // "Wednesday's ruling": a possessive names an event already reported unless it is announced as ahead.
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
      let r = rel;
      const lead = text.slice(Math.max(0, m.index - 40), m.index);
      const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 50);
      if (!r && UNTIL_BEFORE.test(lead) && !/^[^.;]*\bhad\b/.test(rest)) {
        // "until Tuesday", "until 9 a.m. Tuesday", "as early as Monday": a deadline or a date ahead, whatever
        // the tense of the verb ("postponed until Tuesday morning"); "until Thursday, they had not" looks back.
        r = 'next-poss';
      } else if (!r && /^['’]s/.test(after)) {
        const before = text.slice(Math.max(0, m.index - 25), m.index);
        r = /\b(?:ahead of|until|upcoming|awaiting|await|prepare for|preparing for)\s+$/i.test(before)
          ? 'next-poss'
          : 'last-poss';
      }
      return {
        type: g.pod ? 'TIME' : 'DATE',
        kind: 'date',
        start,
        zone: g.zone,
        resolve: weekdayResolver(dow, r, g.pod),
        // A bare weekday ("Tuesday") names one day throughout a story; `cued` when the words right at it
        // ("until", a possessive) already fixed its direction.
        ...(rel === undefined ? { weekday: { dow, cued: r !== undefined } } : {}),
      };
    },
  },
  {
    name: 'rel-unit',
    key: { spec: CAL_UNIT_KEY, lead: 28 },
    re: re(
      `\\b(?:(?<pre>earlier|later|early|late|so far|the end of|the beginning of|the start of|the middle of|the rest of|the remainder of)\\s+)?(?<the>the\\s+)?(?<rel>this|last|next|past|coming|previous|current|present|following|preceding)\\s+(?<unit>week|weekend|month|year|decade|century|quarter)(?![\\w-])`,
    ),
    make(g, m) {
      const rel = g.rel!.toLowerCase();
      const unit = g.unit!.toLowerCase();
      const gran = granOf(unit)!;
      // "This Week" (a programme): a capitalised unit is a title.
      if (/^[A-Z]/.test(g.unit!)) return null;
      const hasThe = g.the !== undefined;
      const pre = g.pre?.toLowerCase();
      const start = pre === 'so far' ? m.index + m[0].indexOf(g.rel!) - (hasThe ? 4 : 0) : m.index;
      if (hasThe && (rel === 'past' || rel === 'last') && !pre && gran !== 'century') {
        // "over the past year", "in the last decade": TimeBank dates these as the period just before
        // publication ("the past year" = last year); "the last week" is the week the story closes.
        return {
          type: 'DATE',
          start,
          resolve: (ctx) => {
            const a = ctx.anchor;
            if (!a) return null;
            if (gran === 'week' || gran === 'weekend')
              return shiftPeriod(a.days, 'week', isoWeekday(a.days) >= 4 ? 0 : -1);
            return shiftPeriod(a.days, gran, -1);
          },
        };
      }
      if (hasThe && (rel === 'previous' || rel === 'preceding' || gran === 'century') && !pre) {
        return { type: 'DURATION', start, resolve: constant(durationValue(1, unitInfo(unit)!)) };
      }
      const off =
        rel === 'last' || rel === 'past' || rel === 'previous' || rel === 'preceding'
          ? -1
          : rel === 'next' || rel === 'coming' || rel === 'following'
            ? 1
            : 0;
      const useRef = rel === 'following' || rel === 'preceding';
      return {
        type: 'DATE',
        start,
        mod: modOf(pre?.replace(/^the /, '').replace(/ of$/, '')),
        resolve: (ctx) => {
          if (useRef && ctx.refCoarse) {
            // "In March … The following month": count from the month or year last named.
            if (gran === 'month' && ctx.refMonthDays != null)
              return shiftPeriod(ctx.refMonthDays, 'month', off);
            if (gran === 'year' && ctx.refYear !== null) return fmtYear(ctx.refYear + off);
          }
          const base = useRef ? (ctx.refDays ?? ctx.anchor?.days ?? null) : (ctx.anchor?.days ?? null);
          if (base === null) return null;
          return shiftPeriod(base, gran, off);
        },
      };
    },
  },
  {
    name: 'ago',
    key: { spec: UNIT_KEY, lead: 24 },
    re: re(
      `\\b(?:(?<q>about|some|nearly|almost|more than|less than|over|around|roughly|at least|only|just|barely|exactly)\\s+)?(?<![\\d.,])(?<num>${NUM_RE})[- ](?<unit>${UNIT_RE})(?<orso>\\s+or\\s+so)?\\s+(?<dir>ago|earlier|before|later|after|from now|hence|previously|back)(?![\\w-])`,
    ),
    make(g, m, text) {
      const dir = g.dir!.toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if ((dir === 'before' || dir === 'after') && !/^\s*(?:$|[.,;:)"”])/.test(after)) return null;
      const n = numberValue(g.num!);
      const unit = unitInfo(g.unit!);
      if (!unit) return null;
      const gran = granOf(g.unit!);
      const back =
        dir === 'ago' || dir === 'earlier' || dir === 'before' || dir === 'previously' || dir === 'back';
      const fromAnchor = dir === 'ago' || dir === 'from now' || dir === 'hence' || dir === 'back';
      if (gran === null && !fromAnchor) {
        // "an hour later", "20 minutes earlier": no calendar date to give, so TimeML's reading, the
        // length, which the direction word only relates to another event.
        return {
          type: 'DURATION',
          mod: modOf(g.q),
          end: m.index + m[0].length - g.dir!.length,
          resolve: constant(durationValue(n, unit)),
        };
      }
      return {
        type: 'DATE',
        mod: modOf(g.q) ?? (g.orso ? 'APPROX' : undefined),
        resolve: (ctx) => {
          if (n === null) return back ? 'PAST_REF' : 'FUTURE_REF';
          const base = fromAnchor ? (ctx.anchor?.days ?? null) : (ctx.refDays ?? ctx.anchor?.days ?? null);
          if (base === null || gran === null) return null;
          const k = n * unit.factor * (back ? -1 : 1);
          if (!Number.isInteger(k)) return null;
          // "in 1995 … a year later": count from the year last named, not from an older day.
          if (
            !fromAnchor &&
            ctx.refCoarse &&
            ctx.refYear !== null &&
            (gran === 'year' || gran === 'decade' || gran === 'century')
          )
            return fmtYear(ctx.refYear + k);
          // "Dec. 29 … a week later": counted from a day the story named, the result is a day too.
          if (!fromAnchor && gran === 'week' && ctx.refDays !== null && !ctx.refCoarse)
            return offsetDate(base, 'day', 7 * k);
          if (gran === 'decade') return offsetDate(base, 'year', k);
          if (gran === 'century') return offsetDate(base, 'year', k);
          return offsetDate(base, gran, k);
        },
      };
    },
  },
  {
    name: 'duration',
    key: { spec: UNIT_KEY_LOWER, lead: 42 },
    re: re(
      `(?<![\\w.,$])(?<num>${NUM_RE})(?:\\s+(?:or|to)\\s+(?:${NUM_RE}))?(?:\\s+(?:more|additional|further|straight|consecutive|full))?(?<sep>[- ])(?<unit>${UNIT_RE})(?:[\\s-]+(?<tail>long|old))?(?![\\w-])`,
    ),
    make(g0, m, text) {
      // Modifiers are read leftwards from the number: a pattern that starts with optional words would be
      // tried at every position of the text.
      const left = DURATION_LEFT.exec(text.slice(Math.max(0, m.index - 60), m.index));
      const g: Groups = { ...g0, ...(left?.groups ?? {}) };
      const mStart = m.index - (left ? left[0].length : 0);
      const unit = unitInfo(g.unit!);
      if (!unit) return null;
      if (/^[A-Z]/.test(g.unit!)) return null;
      const n = numberValue(g.num!);
      if (n !== null && n >= 1000 && !/s$/i.test(g.unit!)) return null;
      const num = g.num!.toLowerCase();
      if ((num === 'a' || num === 'an') && g.the) return null;
      // "a decades-long silence", "a years-long feud": the article goes with the noun; the plural unit is a
      // vague length the plural-units rule reads (PXDE, PXY).
      if ((num === 'a' || num === 'an') && /s$/i.test(g.unit!)) return null;
      // "killed in a weekend attack": the weekend just past, named as a modifier, not a length.
      if (
        (num === 'a' || num === 'an') &&
        /^weekend$/i.test(g.unit!) &&
        !g.q &&
        !g.rel &&
        /^\s+(?!of\b)[a-z]+/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))
      ) {
        return {
          type: 'DATE',
          start: m.index + m[0].toLowerCase().lastIndexOf('weekend'),
          resolve: (ctx) => {
            const a = ctx.anchor;
            if (!a) return null;
            return shiftPeriod(a.days, 'weekend', isoWeekday(a.days) >= 6 ? 0 : -1);
          },
        };
      }
      // "a day" alone is too vague; "a year" and "a week" are kept (durations in TimeBank).
      if ((num === 'a' || num === 'an') && /^(?:day|night|second)$/i.test(g.unit!) && !g.q && !g.rel)
        return null;
      // Ages ("52 years old", "a 50-year-old man") are not time expressions of the story.
      if (g.tail?.toLowerCase() === 'old' && unit.code === 'Y') return null;
      // Fractions ("three-quarters of its food") are not quarters of a year.
      if (unit.code === 'Q' && g.sep === '-') return null;
      // "more than a quarter of the market": a share, unless of a span of time ("a quarter of a century").
      if (
        unit.code === 'Q' &&
        /^\s+of\b(?!\s+(?:a|the|this|last)\s+(?:century|year|decade))/i.test(
          text.slice(m.index + m[0].length, m.index + m[0].length + 30),
        )
      )
        return null;
      // "Islam will one day be …": some day ahead, not a length of one day.
      if (
        num === 'one' &&
        /^day$/i.test(g.unit!) &&
        !g.q &&
        !g.the &&
        /\b(?:will|would|could|might|may|can|should|shall|must)\s+$/i.test(
          text.slice(Math.max(0, mStart - 10), mStart),
        )
      )
        return { type: 'DATE', resolve: constant('FUTURE_REF') };
      // Rates ("700 seats a week", "$2 million a year") are not durations.
      if ((num === 'a' || num === 'an' || num === 'per') && !g.q && !g.rel) {
        const before = text.slice(Math.max(0, mStart - 30), mStart);
        if (
          /(?:\d[\d,.]*%?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion)s?)(?:\s+[a-z]+)?\s*$/i.test(
            before,
          )
        )
          return null;
      }
      // "a minute and a half", "two years and a half": half a unit more (PT1M30S).
      const half = !g.tail
        ? /^\s+and\s+a\s+half\b/i.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 16))
        : null;
      if (half && n !== null) {
        return {
          type: 'DURATION',
          start: mStart,
          end: m.index + m[0].length + half[0].length,
          mod: modOf(g.q),
          resolve: constant(durationValue(n + 0.5, unit)),
        };
      }
      let start = mStart;
      if (g.the && (/^(?:a|its|their|his|her)$/i.test(g.the) || g.sep === '-') && !g.q) {
        // "the 34-day war", "a three-year period": the determiner belongs to the noun, not to the length.
        // "a three-year period", "its first nine months": the article or possessive stays outside.
        const rel = left?.groups?.rel;
        start = rel && left ? mStart + left[0].indexOf(rel) : m.index;
      }
      return { type: 'DURATION', start, mod: modOf(g.q), resolve: constant(durationValue(n, unit)) };
    },
  },
  {
    name: 'plural-units',
    key: { spec: PLURAL_UNIT_KEY, lead: 17 },
    re: re(
      `\\b(?:(?<pre>for|in|over|within|after|from|during)\\s+)?(?<x>(?:recent|the coming|the next|the past|the last|coming|upcoming|past|the|the early|the later|the first)\\s+)?(?<unit>years|months|weeks|days|decades|hours|minutes|centuries)(?<tc>\\s+to\\s+come|\\s+ahead)?(?!\\s+(?:ago|earlier|later|old)\\b)(?![\\w-])|\\b(?<adj>decades|years|months|weeks|days|hours)-(?<tail>long|old)\\b`,
    ),
    make(g, m, text) {
      if (g.adj) {
        const u = unitInfo(g.adj)!;
        return {
          type: 'DURATION',
          resolve: constant(/decade/i.test(g.adj) ? 'PXDE' : durationValue(null, u)),
        };
      }
      const unit = unitInfo(g.unit!)!;
      const x = g.x?.trim().toLowerCase();
      // "the first hours of the ground war": the opening stretch of an event; "years of talks" is left alone.
      if (/^\s+of\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4)) && x !== 'the first')
        return null;
      if (!g.pre && !x) return null;
      if (x && /^the( early| later| first)?$/.test(x) && !g.pre) return null;
      const start = x ? m.index + m[0].toLowerCase().indexOf(x) : m.index + g.pre!.length + 1;
      // "recent years", "the coming weeks", "years to come": vague durations (PXY), TimeBank practice.
      if (g.pre?.toLowerCase() === 'from' && !g.tc) return null;
      return {
        type: 'DURATION',
        start,
        resolve: constant(
          /decade/i.test(g.unit!) ? 'PXDE' : /centur/i.test(g.unit!) ? 'PXCE' : durationValue(null, unit),
        ),
      };
    },
  },
  {
    name: 'set-every',
    needs: ['every', 'each'],
    re: re(
      `\\b(?<q>every|each)\\s+(?:(?<other>other)\\s+)?(?:(?<num>${NUM_RE})\\s+)?(?<unit>${UNIT_RE}|${WEEKDAY_RE}|${MONTH_RE}|morning|afternoon|evening|night|spring|summer|autumn|fall|winter)(?![\\w-])`,
    ),
    make(g) {
      const season = SEASONS[g.unit!.toLowerCase()];
      if (season && !g.num && !g.other) return { type: 'SET', resolve: constant(`XXXX-${season}`) };
      const mon = /^[A-Z]/.test(g.unit!) && !g.num && !g.other ? monthNumber(g.unit!) : null;
      // "each July": every July of every year.
      if (mon !== null && weekdayNumber(g.unit!) === null)
        return { type: 'SET', resolve: constant(`XXXX-${String(mon).padStart(2, '0')}`) };
      const dow = weekdayNumber(g.unit!);
      if (dow !== null && /^[A-Z]/.test(g.unit!))
        return { type: 'SET', resolve: constant(`XXXX-WXX-${dow}`) };
      const pod = PART_OF_DAY[g.unit!.toLowerCase()];
      if (pod) return { type: 'SET', resolve: constant(`TXX${pod}`.replace('TXX', 'T')) };
      const unit = unitInfo(g.unit!);
      if (!unit) return null;
      const n = g.num ? numberValue(g.num) : 1;
      return { type: 'SET', resolve: constant(durationValue(g.other ? 2 * (n ?? 1) : n, unit)) };
    },
  },
  {
    name: 'set-adverb',
    needs: [
      'daily',
      'weekly',
      'monthly',
      'yearly',
      'annually',
      'hourly',
      'nightly',
      'quarterly',
      'biennially',
    ],
    re: re(`\\b(?<w>daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|biannually|biennially)\\b`),
    make(g, m, text) {
      const map: Record<string, string> = {
        daily: 'P1D',
        weekly: 'P1W',
        monthly: 'P1M',
        yearly: 'P1Y',
        annually: 'P1Y',
        hourly: 'PT1H',
        nightly: 'TNI',
        quarterly: 'P3M',
        biannually: 'P6M',
        biennially: 'P2Y',
      };
      const w = g.w!.toLowerCase();
      const end = m.index + m[0].length;
      // "the Communist Party daily Granma", "the weekly Der Spiegel": a newspaper, not a frequency.
      if (
        /^\s+[A-Z]/.test(text.slice(end, end + 3)) &&
        /[a-z]\s+$/.test(text.slice(Math.max(0, m.index - 2), m.index))
      )
        return null;
      // "The Kommersant daily cited officials": a paper's name before it.
      if (/[a-z]\s+[A-Z][\w-]*\s+$/.test(text.slice(Math.max(0, m.index - 40), m.index))) return null;
      if (w === 'quarterly') {
        // "daily volume", "its quarterly dividend", "the Communist Party daily Granma": adjectives and nouns.
        const next = /^\s+([A-Za-z]+)/.exec(
          text.slice(m.index + m[0].length, m.index + m[0].length + 20),
        )?.[1];
        if (next !== undefined && (/^[A-Z]/.test(next) || !FUNCTION_NEXT.has(next.toLowerCase())))
          return null;
        const prev = /(?<![A-Za-z])([A-Za-z]+)\s*$/
          .exec(text.slice(Math.max(0, m.index - 15), m.index))?.[1]
          ?.toLowerCase();
        if (prev !== undefined && DETERMINERS.has(prev)) return null;
      }
      return { type: 'SET', resolve: constant(map[w]!) };
    },
  },
  {
    name: 'set-frequency',
    needs: ['once', 'twice', 'thrice', 'times'],
    key: { spec: { find: /once|twice|thrice|times/gi }, lead: 15 },
    re: re(`\\b(?<f>once|twice|thrice|${NUM_RE}\\s+times)\\s+(?:a|an|per|each|every)\\s+(?<unit>${UNIT_RE})`),
    make(g) {
      const unit = unitInfo(g.unit!);
      if (!unit) return null;
      return { type: 'SET', resolve: constant(durationValue(1, unit)) };
    },
  },
  {
    name: 'present-ref',
    needs: ['now', 'current', 'present', 'moment', 'these days', 'at this time'],
    re: re(
      `\\b(?:(?<w>currently|presently|nowadays|at present|at the moment|these days|at this time|the present|current|this (?:[a-z]+\\s+)?moment)|(?<now>now))\\b(?![-’']\\w)`,
    ),
    make(g, m, text) {
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (g.w?.toLowerCase() === 'current' && /^\s+accounts?\b/i.test(after)) return null;
      if (g.w?.toLowerCase() === 'the present' && /^\s+(?:day|time|government|situation)\b/i.test(after)) {
        // "the present day" is still the present; keep it.
      }
      return { type: 'DATE', resolve: constant('PRESENT_REF') };
    },
  },
  {
    name: 'past-ref',
    needs: ['recently', 'lately', 'the past', 'earlier times', 'the time'],
    re: re(
      `\\b(?:in\\s+)?(?<w>recently|lately|the past|earlier times|(?<=\\bat\\s+)the time(?!\\s+(?:of|when|that|being|frame|needed)\\b))\\b(?!\\s*(?:-|,\\s*present))`,
    ),
    make(g, m, text) {
      const w = g.w!.toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
      if (
        w === 'the past' &&
        /^\s+(?:\w+\s+)?(?:\w+[- ])?(?:years?|months?|weeks?|weekends?|days?|nights?|decades?|centuries|hours?|minutes?|century|quarters?|summers?|winters?|springs?|autumns?|falls?|seasons?)\b/i.test(
          after,
        )
      )
        return null;
      // "compensation for the past problems", "the past mistakes": an adjective before a plural noun.
      const next = /^\s+([a-z]+s)\b/.exec(after)?.[1];
      if (w === 'the past' && next && !PAST_NOUN_VERBS.has(next)) return null;
      const start = m.index + m[0].toLowerCase().lastIndexOf(w);
      return { type: 'DATE', start, resolve: constant('PAST_REF') };
    },
  },
  {
    name: 'future-ref',
    needs: ['future', 'soon', 'shortly', 'term', 'ahead'],
    key: { spec: { find: /future|soon|shortly|term|ahead/gi }, lead: 16 },
    re: re(
      `(?<![\\w-])(?:(?<the>the)\\s+)?(?<w>(?:near|distant|foreseeable|immediate)\\s+future|future|soon|shortly|as soon as possible|(?<=\\bthe\\s+)(?:near|short|long|medium) term|in the years ahead|the days ahead|the weeks ahead|the months ahead)\\b(?!-)`,
    ),
    make(g, m, text) {
      const before = text.slice(Math.max(0, m.index - 4), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
      const w = g.w!.toLowerCase();
      if (w === 'future' && !g.the) return null;
      if (/term$/.test(w) && !g.the) return null;
      if (w === 'soon' && (/as\s*$/i.test(before) || /^\s+as\b/i.test(after) || /^\s+after\b/i.test(after)))
        return null;
      // "a trickle that soon became a flood", "he was soon released": soon after a past event, not ahead.
      if (
        w === 'soon' &&
        (/\b(?:was|were|had|been)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index)) ||
          /^\s+(?:became|began|got|went|came|left|found|fell|rose|grew|took|gave|saw|made|[a-z]+ed)\b/.test(
            text.slice(m.index + m[0].length, m.index + m[0].length + 20),
          ))
      )
        return null;
      if (w === 'shortly' && /^\s+(?:after|before)\b/i.test(after)) return null;
      return { type: 'DATE', resolve: constant('FUTURE_REF') };
    },
  },
  {
    name: 'clock-ampm',
    trigger: /\d\s*(?:a\.?\s?m|p\.?\s?m)/i,
    re: re(
      `(?<![\\d:.])(?<h>[01]?\\d)(?:[:.](?<mi>[0-5]\\d)(?::(?<se>[0-5]\\d))?)?\\s*(?<ap>a\\.\\s?m\\.?|p\\.\\s?m\\.?|am\\b|pm\\b)(?:\\s+(?<zone>${ZONES})\\b)?`,
    ),
    make(g) {
      const c = clockValue(Number(g.h), Number(g.mi ?? 0), g.ap);
      if (c === null) return null;
      const second = g.se === undefined ? undefined : Number(g.se);
      return { type: 'TIME', kind: 'clock', clock: c, second, zone: g.zone, resolve: constant(null) };
    },
  },
  {
    name: 'clock-24h',
    trigger: /\d:\d/,
    re: re(
      `(?<prep>\\b(?:at|by|from|until|till|around|about|before|after|since|to)\\s+)?(?<![\\d:.])(?<h>[01]?\\d|2[0-4]):(?<mi>[0-5]\\d)(?::(?<se>[0-5]\\d))?(?![\\d:])(?:\\s*(?<suffix>hours|hrs|h\\b))?(?:\\s+(?<zone>${ZONES})\\b)?`,
    ),
    make(g, m, text) {
      // A clock right after a printed date ("Dec. 29, 2004 00:28") is a time stamp even without "at".
      const dated = DATE_BEFORE_CLOCK.test(text.slice(Math.max(0, m.index - 24), m.index));
      if (!g.prep && !g.zone && !g.suffix && !dated) return null;
      const c = clockValue(Number(g.h), Number(g.mi), undefined);
      if (c === null) return null;
      const start = g.prep ? m.index + g.prep.length : m.index;
      const second = g.se === undefined ? undefined : Number(g.se);
      return { type: 'TIME', kind: 'clock', start, clock: c, second, zone: g.zone, resolve: constant(null) };
    },
  },
  {
    name: 'clock-zone',
    trigger: new RegExp(`\\d{4}\\s*(?:${ZONE_ABBR}|hours)`),
    re: re(`(?<![\\d:.])(?<hm>[0-2]\\d[0-5]\\d)\\s*(?<zone>${ZONE_ABBR}|hours\\s+(?:GMT|local))\\b`),
    make(g) {
      const h = Number(g.hm!.slice(0, 2));
      const mi = Number(g.hm!.slice(2));
      const c = clockValue(h, mi, undefined);
      if (c === null) return null;
      const zone = g.zone!.replace(/^hours\s+/i, '');
      return { type: 'TIME', kind: 'clock', clock: c, zone, resolve: constant(null) };
    },
  },
  {
    name: 'clock-word',
    needs: ['noon', 'midday', 'midnight'],
    re: re(`\\b(?<w>noon|midday|midnight)\\b`),
    make(g, m, text) {
      const w = g.w!.toLowerCase();
      if (/\bhigh\s+$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) return null;
      return { type: 'TIME', kind: 'clock', clock: w === 'midnight' ? 1440 : 720, resolve: constant(null) };
    },
  },
  {
    name: 'holiday',
    needs: [
      'christmas',
      'new year',
      'thanksgiving',
      'independence day',
      'election day',
      'easter',
      'good friday',
    ],
    re: re(
      `\\b(?<h>Christmas(?: Day| Eve)?|New Year['’]?s?(?: Day| Eve)|Thanksgiving(?: Day)?|Independence Day|Election Day|Easter(?: Sunday| Monday| Day)?|Good Friday)(?![\\w-])(?:\\s+(?:(?<y>[12]\\d{3})(?!\\d)|['’](?<yy>\\d\\d)(?!\\d)))?`,
    ),
    make(g) {
      if (!cap(g.h)) return null;
      const h = g.h!.toLowerCase();
      return {
        type: 'DATE',
        kind: 'date',
        resolve: (ctx) => {
          const a = ctx.anchor;
          let year: number | null = g.y ? Number(g.y) : g.yy ? twoDigitYear(Number(g.yy), a) : null;
          const md = (y: number): [number, number] => {
            if (h.startsWith('christmas')) return [12, h.endsWith('eve') ? 24 : 25];
            if (h.startsWith('new year')) return h.endsWith('eve') ? [12, 31] : [1, 1];
            if (h.startsWith('independence')) return [7, 4];
            if (h.startsWith('easter') || h === 'good friday') {
              const t = fromDays(easterDays(y) + (h === 'good friday' ? -2 : h.endsWith('monday') ? 1 : 0));
              return [t.m, t.d];
            }
            if (h.startsWith('election')) {
              // U.S. Election Day: the Tuesday after the first Monday of November.
              const first = toDays(y, 11, 1);
              const firstMon = first + ((1 - isoWeekday(first) + 7) % 7);
              return [11, fromDays(firstMon + 1).d];
            }
            // Fourth Thursday of November.
            const first = toDays(y, 11, 1);
            const firstThu = first + ((4 - isoWeekday(first) + 7) % 7);
            return [11, fromDays(firstThu + 21).d];
          };
          if (year === null) {
            if (!a) {
              if (
                h.startsWith('thanksgiving') ||
                h.startsWith('election') ||
                h.startsWith('easter') ||
                h === 'good friday'
              )
                return null;
              const [mo, d] = md(2000);
              return `XXXX-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
            }
            const [mo, d] = md(a.y);
            year = ctx.tense() === null ? a.y : (monthDayYear(a, mo, d, ctx.tense()) ?? a.y);
          }
          const [mo, d] = md(year);
          return dateValue(year, mo, d);
        },
      };
    },
  },
  {
    name: 'event-eve',
    // "eve" only before whitespace, every kind the pattern's \s+ accepts ("even", "every" do not count).
    needs: ['day before', 'day after', 'morning of', 'night of', ...EVE_SPACES],
    re: re(
      `\\b(?:the\\s+)?(?<rel>eve|day before|day after|morning of|night of|eve)\\s+(?:of\\s+)?(?:(?:the|a|an|this|next|last|its|their|his|her|this week's|next week's|[A-Z][\\w.-]*['’]s)\\s+)?(?:[\\w’'-]+\\s+){0,4}?(?<head>talks|meeting|meetings|summit|visit|election|elections|vote|polls|referendum|conference|session|ceremony|anniversary|trip|tour|games|olympics|congress|forum|negotiations|deadline|trial|hearing|inauguration|celebrations?|holiday|festival|parade|launch|funeral|wedding|gathering|consultations|dialogue|assembly|plenum|convention|opening|deployment|attack|strike|invasion|war|handover|signing|arrival|departure)(?![\\w-])`,
    ),
    make(g, m) {
      const rel = g.rel!.toLowerCase();
      const offset = rel === 'eve' || rel === 'day before' ? -1 : rel === 'day after' ? 1 : 0;
      const pod = rel === 'morning of' ? 'MO' : rel === 'night of' ? 'NI' : undefined;
      // "the day before last Tuesday's hearing", "the eve of Friday's talks": the event's own day is named.
      const own = EVENT_WEEKDAY.exec(m[0]);
      if (own) {
        const day = weekdayResolver(weekdayNumber(own.groups!.wd!)!, own.groups!.rel, undefined);
        return {
          type: pod ? 'TIME' : 'DATE',
          kind: 'date',
          resolve: (ctx) => {
            const v = day(ctx);
            const d = v ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
            if (!d) return null;
            return fmtDay(toDays(Number(d[1]), Number(d[2]), Number(d[3])) + offset) + (pod ? `T${pod}` : '');
          },
        };
      }
      return {
        type: pod ? 'TIME' : 'DATE',
        kind: 'event-anchored',
        event: { head: g.head!.toLowerCase(), offset },
        zone: pod,
        resolve: constant(null),
      };
    },
  },
  {
    name: 'ref-day',
    trigger: /\b(?:that|same|next|following|previous|preceding|day)\b/i,
    re: re(
      `\\b(?:(?<pre>later|earlier|late|early)\\s+)?(?<w>that (?:day|night|morning|evening|afternoon|week|month|year)|the same (?:day|week|month|year)|the (?:next|following|previous|preceding) (?:day|morning|evening|night)|the (?:following|preceding) (?:week|month|year)|a day (?:earlier|later)|the day before|the day after)\\b`,
    ),
    make(g, m, text) {
      const w = g.w!.toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
      if ((w === 'the day before' || w === 'the day after') && !/^\s*(?:$|[.,;:)"”])/.test(after))
        return null;
      const unit = /day|night|morning|evening|afternoon/.test(w)
        ? 'day'
        : /week/.test(w)
          ? 'week'
          : /month/.test(w)
            ? 'month'
            : 'year';
      const off = /next|following|after|later/.test(w)
        ? 1
        : /previous|preceding|before|earlier/.test(w)
          ? -1
          : 0;
      const podWord = /(night|morning|evening|afternoon)$/.exec(w)?.[1];
      const pod = podWord ? PART_OF_DAY[podWord] : undefined;
      const start = g.pre && /^(?:later|earlier)$/i.test(g.pre) ? m.index + m[0].indexOf(g.w!) : m.index;
      return {
        type: pod ? 'TIME' : 'DATE',
        start,
        resolve: (ctx) => {
          const base = ctx.refDays ?? ctx.anchor?.days ?? null;
          if (base === null) return null;
          if (unit === 'day') return fmtDay(base + off) + (pod ? `T${pod}` : '');
          // "later that year" after "in June 1998": the year last named, even if a day was named before it.
          if (unit === 'year' && ctx.refYear !== null) return fmtYear(ctx.refYear + off);
          if (unit === 'month' && ctx.refCoarse && ctx.refMonthDays != null)
            return shiftPeriod(ctx.refMonthDays, 'month', off);
          return shiftPeriod(base, unit as Gran, off);
        },
      };
    },
  },
];

/** Occurrences of a key in `text`, in order (cached per text in `cache`). */
function keyPositions(text: string, spec: KeySpec, cache: Map<KeySpec, number[]>): number[] {
  const known = cache.get(spec);
  if (known) return known;
  let base: number[];
  if (spec.find instanceof RegExp) {
    base = [];
    const f = spec.find;
    f.lastIndex = 0;
    for (let m = f.exec(text); m; m = f.exec(text)) {
      if (m[0].length === 0) f.lastIndex++;
      base.push(m.index);
    }
  } else base = keyPositions(text, spec.find, cache);
  const out =
    spec.confirm || spec.lowerFirst || spec.after
      ? base.filter((k) => {
          if (spec.lowerFirst) {
            const c = text.charCodeAt(k);
            if (c >= 65 && c <= 90) return false;
          }
          if (spec.after && (k === 0 || !spec.after.test(text[k - 1]!))) return false;
          if (spec.confirm) {
            spec.confirm.lastIndex = k;
            if (!spec.confirm.test(text)) return false;
          }
          return true;
        })
      : base;
  cache.set(spec, out);
  return out;
}

/** Whitespace and digits: free in a key's lead (patterns allow runs of any length of them). */
function isFree(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)))
  );
}

/** First position from which at most `lead` non-free characters precede `k`. */
function leadStart(text: string, k: number, lead: number): number {
  let s = k;
  let n = 0;
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    if (!isFree(c)) {
      if (n === lead) break;
      n++;
    }
    s--;
  }
  return s;
}

/** Sticky twins of keyed rules' patterns, tried at single positions. */
const STICKY = new Map<Rule, RegExp>();

/**
 * All rules' `needs` in one pattern, longest first, tried at every position of the lower-cased text: the
 * longest needle found at a position also shows every needle that is a prefix of it.
 */
const NEEDLES = (() => {
  const all = [...new Set(RULES.flatMap((r) => r.needs ?? []))].sort((a, b) => b.length - a.length);
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const prefixes = new Map(all.map((w) => [w, all.filter((p) => w.startsWith(p))]));
  return { re: new RegExp(all.map(esc).join('|'), 'g'), prefixes };
})();

/** The needles that occur in `lower` (one scan for all rules). */
function foundNeedles(lower: string): Set<string> {
  const found = new Set<string>();
  const re = NEEDLES.re;
  re.lastIndex = 0;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    re.lastIndex = m.index + 1;
    const w = m[0];
    if (found.has(w)) continue;
    for (const p of NEEDLES.prefixes.get(w)!) found.add(p);
  }
  return found;
}

/**
 * Runs every rule over `text` and returns all candidates (overlapping ones included). `exhaustive` skips
 * the pre-checks (`needs`, `trigger`, `key`) and scans every position with every rule: the reference the
 * tests hold the fast path to, since a pre-check that drops a match would silently lose an expression.
 */
export function runRules(text: string, exhaustive = false): Candidate[] {
  const out: Candidate[] = [];
  const found = exhaustive ? null : foundNeedles(text.toLowerCase());
  const keys = new Map<KeySpec, number[]>();
  RULES.forEach((rule, priority) => {
    if (found && rule.needs && !rule.needs.some((w) => found.has(w))) return;
    if (!exhaustive && rule.trigger && !rule.trigger.test(text)) return;
    // Handles the match `m`; returns where the search goes on (the pattern's own global semantics).
    const take = (m: RegExpExecArray): number => {
      const made = rule.make((m.groups ?? {}) as Groups, m, text);
      // Retry one character later so a rejected long match does not hide a shorter one inside it.
      if (!made) return m.index + 1;
      const next = m.index + m[0].length;
      let start = made.start ?? m.index;
      let end = made.end ?? next;
      // Never keep trailing or leading whitespace in a span.
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      while (start < end && /\s/.test(text[start]!)) start++;
      if (end <= start) return next;
      const c: Candidate = {
        start,
        end,
        type: made.type,
        rule: made.ruleName ?? rule.name,
        priority,
        resolve: made.resolve,
      };
      if (made.kind) c.kind = made.kind;
      if (made.clock !== undefined) c.clock = made.clock;
      if (made.second !== undefined) c.second = made.second;
      if (made.zone) c.zone = made.zone;
      if (made.event) c.event = made.event;
      if (made.mod) c.mod = made.mod;
      if (made.weekday) c.weekday = made.weekday;
      out.push(c);
      return next;
    };
    if (rule.key && !exhaustive) {
      // Same positions, same order as a global scan, minus those too far from any key to start a match.
      const { spec, lead } = rule.key;
      const ks = keyPositions(text, spec, keys);
      let y = STICKY.get(rule);
      if (!y) {
        y = new RegExp(rule.re.source, rule.re.flags.replace('g', '') + 'y');
        STICKY.set(rule, y);
      }
      let pos = 0;
      for (const k of ks) {
        if (k < pos) continue;
        let s = Math.max(pos, leadStart(text, k, lead));
        while (s <= k) {
          y.lastIndex = s;
          const m = y.exec(text);
          if (!m || m[0].length === 0) {
            s++;
            continue;
          }
          s = take(m);
        }
        pos = s;
      }
      return;
    }
    const r = rule.re;
    r.lastIndex = 0;
    for (let m = r.exec(text); m; m = r.exec(text)) {
      if (m[0].length === 0) {
        r.lastIndex++;
        continue;
      }
      r.lastIndex = take(m);
    }
  });
  return out;
}
