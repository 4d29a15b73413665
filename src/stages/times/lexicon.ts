import { CARDINALS, TENS } from '../claims/numbers.js';

/**
 * Words of English time expressions and the regular-expression pieces built from them. Kept apart from
 * the rules so that every rule spells months, weekdays, numbers and units the same way.
 */

/**
 * Month names and wire abbreviations ("Sept.", "Nov."). Only an abbreviation takes the period: after a full
 * name it ends the sentence and stays outside the span. The day may follow the period unspaced ("Nov.13",
 * as Xinhua prints it); a letter may not ("Jan.Feb"). Capitalisation is checked by the rules.
 */
export const MONTH_RE =
  '(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![\\w])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\\.(?![A-Za-z])|(?![\\w])))';

export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![\\w])';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Month number of a month token, or null. */
export function monthNumber(token: string): number | null {
  return MONTHS[token.slice(0, 3).toLowerCase()] ?? null;
}

const WEEKDAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** ISO weekday (Monday = 1) of a weekday token, or null. */
export function weekdayNumber(token: string): number | null {
  return WEEKDAYS[token.slice(0, 3).toLowerCase()] ?? null;
}

const SMALL: Record<string, number> = {
  a: 1,
  an: 1,
  ...CARDINALS,
  ...TENS,
  hundred: 100,
  dozen: 12,
  half: 0.5,
};

/** Number words of durations; vague quantities ("several", "a few") give X in the TIMEX3 value. */
export const NUM_RE =
  '(?:(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\\s+|-)and(?:\\s+|-)a(?:\\s+|-)half|\\d{1,3}(?:\\s+|-)1/2|\\d{1,4}(?:\\.\\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|one hundred|a dozen|half a|half an|an|a|several|a few|few|many|some|a couple of|a couple|couple of|dozens of|hundreds of|a number of)';

/** Value of a number phrase; null for vague quantities. */
export function numberValue(phrase: string): number | null {
  const p = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  const frac = /^(\d+)[\s-]+1\/2$/.exec(p);
  if (frac) return Number(frac[1]) + 0.5;
  // "three-and-a-half years", "2 and a half hours".
  const andHalf = /^(.+?)[\s-]+and[\s-]+a[\s-]+half$/.exec(p);
  if (andHalf) {
    const whole = numberValue(andHalf[1]!);
    return whole === null ? null : whole + 0.5;
  }
  if (/^\d/.test(p)) {
    const n = Number(p);
    return Number.isFinite(n) ? n : null;
  }
  if (p === 'half a' || p === 'half an') return 0.5;
  if (p === 'a couple' || p === 'a couple of' || p === 'couple of') return 2;
  if (p === 'a hundred' || p === 'one hundred') return 100;
  if (p === 'a dozen') return 12;
  const parts = p.split(/[- ]/);
  let total = 0;
  for (const w of parts) {
    const v = SMALL[w];
    if (v === undefined) return null;
    total += v;
  }
  return total;
}

/** Units and their TIMEX3 designators; `time` units go after the `T`. */
export const UNIT_RE =
  '(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|centuries|century)(?![\\w])';

export interface UnitInfo {
  /** Designator: S, M (minutes, time part), H, D, W, M, Q, Y, DE, CE. */
  code: string;
  time: boolean;
  /** Multiplier applied to the count (decade = 10 years, fortnight = 2 weeks). */
  factor: number;
}

/** Unit of a unit word; decades and centuries become years so `two decades` = `P20Y`. */
export function unitInfo(word: string): UnitInfo | null {
  const w = word.toLowerCase().replace(/s$/, '').replace(/ie$/, 'y');
  switch (w) {
    case 'second':
      return { code: 'S', time: true, factor: 1 };
    case 'minute':
      return { code: 'M', time: true, factor: 1 };
    case 'hour':
      return { code: 'H', time: true, factor: 1 };
    case 'day':
    case 'night':
      return { code: 'D', time: false, factor: 1 };
    case 'weekend':
      return { code: 'WE', time: false, factor: 1 };
    case 'week':
      return { code: 'W', time: false, factor: 1 };
    case 'fortnight':
      return { code: 'W', time: false, factor: 2 };
    case 'month':
      return { code: 'M', time: false, factor: 1 };
    case 'quarter':
      return { code: 'Q', time: false, factor: 1 };
    case 'year':
      return { code: 'Y', time: false, factor: 1 };
    case 'decade':
      return { code: 'Y', time: false, factor: 10 };
    case 'century':
    case 'centurie':
      return { code: 'Y', time: false, factor: 100 };
    default:
      return null;
  }
}

/** A TIMEX3 duration value: `P20Y`, `PT3H`, `PXD` when the count is vague. */
export function durationValue(count: number | null, unit: UnitInfo): string {
  if (unit.code === 'WE') return count === null ? 'PXWE' : `P${count}WE`;
  // TimeML writes quarters with their own designator (`P2Q`, `PXQ`), as TimeBank does; half a quarter
  // has no such form and falls back to months.
  if (unit.code === 'Q' && count !== null && !Number.isInteger(count))
    return durationValue(count * 3, { code: 'M', time: false, factor: unit.factor });
  const n = count === null ? 'X' : String(round(count * unit.factor));
  if (count !== null && !Number.isInteger(count * unit.factor)) {
    // Fractions: whole units plus the rest in the next smaller unit (5 1/2 hours = PT5H30M).
    const total = count * unit.factor;
    const whole = Math.floor(total);
    const smaller: Record<string, [string, boolean, number]> = {
      H: ['M', true, 60],
      D: ['H', true, 24],
      Y: ['M', false, 12],
      W: ['D', false, 7],
    };
    const s =
      unit.time && unit.code === 'M' ? (['S', true, 60] as [string, boolean, number]) : smaller[unit.code];
    if (s) {
      const rest = round((total - whole) * s[2]);
      const head = whole > 0 ? `${whole}${unit.code}` : '';
      if (unit.time) return `PT${head}${rest}${s[0]}`;
      return s[1] ? `P${head}T${rest}${s[0]}` : `P${head}${rest}${s[0]}`;
    }
  }
  return unit.time ? `PT${n}${unit.code}` : `P${n}${unit.code}`;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** TIMEX3 part-of-day codes. */
export const PART_OF_DAY: Record<string, string> = {
  morning: 'MO',
  afternoon: 'AF',
  evening: 'EV',
  night: 'NI',
  tonight: 'NI',
  overnight: 'NI',
  noon: 'MI',
  midday: 'MI',
  midnight: 'NI',
};

/** Season codes. */
export const SEASONS: Record<string, string> = {
  spring: 'SP',
  summer: 'SU',
  autumn: 'FA',
  fall: 'FA',
  winter: 'WI',
};

export const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  final: 4,
  last: 4,
  latter: 2,
};

const ORDINAL_UNITS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];

/**
 * Spelled ordinals up to thirty-first ("January nineteenth", "the seventh century"), longest first so the
 * alternation never stops inside "twenty-first".
 */
export const ORDINAL_WORDS = `(?:(?:twenty|thirty)[- ](?:${ORDINAL_UNITS.slice(0, 9).join('|')})|twentieth|thirtieth|${ORDINAL_UNITS.slice()
  .reverse()
  .join('|')})(?![\\w-])`;

/** Value of a spelled ordinal ("nineteenth" = 19, "twenty-first" = 21), or null. */
export function ordinalWordValue(word: string): number | null {
  const w = word.toLowerCase().replace(/\s+/, '-');
  const i = ORDINAL_UNITS.indexOf(w);
  if (i >= 0) return i + 1;
  if (w === 'twentieth') return 20;
  if (w === 'thirtieth') return 30;
  const m = /^(twenty|thirty)-(\w+)$/.exec(w);
  if (!m) return null;
  const u = ORDINAL_UNITS.indexOf(m[2]!);
  return u >= 0 && u < 9 ? (m[1] === 'twenty' ? 20 : 30) + u + 1 : null;
}
