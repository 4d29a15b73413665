import type { Anchor } from './anchor.js';
import {
  addMonths,
  addMonthsToDay,
  daysInMonth,
  fmtDay,
  fmtMonth,
  fmtWeek,
  fmtYear,
  fmtYmd,
  fromDays,
  isoWeekday,
  isValidDate,
  toDays,
} from './calendar.js';
import type { Tense } from './tense.js';

/**
 * What a rule's resolver may look at: the anchor (publication day), the clause tense, and the reference
 * time (the last date the story itself mentioned, which "the next day" or "a year earlier" count from).
 */
export interface ResolveContext {
  anchor: Anchor | null;
  tense(): Tense | null;
  /** Last day-precision date mentioned before this expression (day number), else null. */
  refDays: number | null;
  /** Last year mentioned before this expression, else null. */
  refYear: number | null;
  /** True when the last date mentioned named only a year or a month ("in June 1998"), so `refYear` is newer than `refDays`. */
  refCoarse?: boolean;
  /** First day (day number) of the last month the story named at month precision or finer, else null. */
  refMonthDays?: number | null;
  /**
   * Day number of the last date with a printed year earlier in the same sentence ("on April 12, 2001, and
   * results came on April 14"), which a yearless month-day close to it shares its year with.
   */
  sentenceDays?: number | null;
  /**
   * Tense of a verb right next to the expression in its own clause (see `nearMarker`), or null; optional so
   * callers that build a context by hand need not supply it.
   */
  tenseNear?: () => Tense | null;
  /** Whether that verb is a future modal itself ("will travel in May"; see `Marker.modal`). */
  modalNear?: () => boolean;
  /** Last calendar quarter the story named (`1989-Q3`), which "the year-ago quarter" counts back from. */
  refQuarter?: string | null;
}

/** Relative granularities of "this/last/next <unit>" and "<n> <unit>s ago". */
export type Gran = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'half' | 'year' | 'decade' | 'century';

/** The period `n` units away from `days`, formatted at the unit's precision. */
export function shiftPeriod(days: number, gran: Gran, n: number): string {
  const { y, m } = fromDays(days);
  switch (gran) {
    case 'day':
      return fmtDay(days + n);
    case 'week':
      return fmtWeek(days + 7 * n);
    case 'weekend':
      return `${fmtWeek(days + 7 * n)}-WE`;
    case 'month': {
      const t = addMonths(y, m, n);
      return fmtMonth(t.y, t.m);
    }
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) + n;
      const yy = y + Math.floor(q / 4);
      return `${fmtYear(yy)}-Q${(((q % 4) + 4) % 4) + 1}`;
    }
    case 'half': {
      const h = Math.floor((m - 1) / 6) + n;
      const yy = y + Math.floor(h / 2);
      return `${fmtYear(yy)}-H${(((h % 2) + 2) % 2) + 1}`;
    }
    case 'year':
      return fmtYear(y + n);
    case 'decade':
      return String(Math.floor(y / 10) + n).padStart(3, '0');
    case 'century':
      return String(Math.floor(y / 100) + n).padStart(2, '0');
  }
}

/** A date `n` units (day, week, month, year …) before or after `days`, at the unit's precision. */
export function offsetDate(days: number, gran: Gran, n: number): string {
  switch (gran) {
    case 'day':
      return fmtDay(days + n);
    case 'week':
    case 'weekend':
      return fmtWeek(days + 7 * n);
    case 'month':
      return fmtMonth(fromDays(addMonthsToDay(days, n)).y, fromDays(addMonthsToDay(days, n)).m);
    case 'quarter':
      return shiftPeriod(addMonthsToDay(days, 3 * n), 'quarter', 0);
    case 'half':
      return shiftPeriod(addMonthsToDay(days, 6 * n), 'half', 0);
    case 'year':
      return fmtYear(fromDays(days).y + n);
    case 'decade':
      return fmtYear(fromDays(days).y + 10 * n);
    case 'century':
      return fmtYear(fromDays(days).y + 100 * n);
  }
}

/**
 * The weekday `dow` nearest the anchor in the given direction. `past` and null (news reports mostly look
 * back) take the most recent such day, the anchor day included; `future` the next one, the anchor day
 * included. `strict` excludes the anchor day ("last Friday", "next Friday").
 */
export function weekdayDays(anchorDays: number, dow: number, dir: Tense | null, strict = false): number {
  const cur = isoWeekday(anchorDays);
  if (dir === 'future') {
    let diff = (dow - cur + 7) % 7;
    if (strict && diff === 0) diff = 7;
    return anchorDays + diff;
  }
  let diff = (cur - dow + 7) % 7;
  if (strict && diff === 0) diff = 7;
  return anchorDays - diff;
}

/**
 * Year of a month named without a year (`in July`): the nearest such month, moved a year back when it lies
 * four months or more ahead of a past-tense clause, or forward when it lies four months or more behind a
 * future-tense one. A month only just ahead moves back only when a past verb governs it directly (`near`,
 * e.g. "killed Hariri in February" filed in December): a past reporting verb further off is often the
 * frame of a plan ("hoped to report sometime in May", "was looking forward to a visit in May"). `pastMin`
 * is the least distance ahead at which `near` applies (4 for a month used as a modifier: "the October
 * slaying"). `modal` says the near verb is a future modal itself ("will travel … in May"), which moves a month
 * just behind the anchor a year forward (a plan or expectation does not: "was expected in May" looks back).
 */
export function monthYear(
  anchor: Anchor,
  month: number,
  dir: Tense | null,
  pastMin = 1,
  near: Tense | null = dir,
  modal = false,
): number {
  const diff = month - anchor.m;
  let y = anchor.y;
  if (diff > 6) y = anchor.y - 1;
  else if (diff < -6) y = anchor.y + 1;
  const away = (y - anchor.y) * 12 + diff;
  if (dir === 'past' && away >= 4) return y - 1;
  if (near === 'past' && away >= pastMin) return y - 1;
  // "will travel to Seoul in May" filed in June: a future modal governing the month states what lies ahead
  if (modal && near === 'future' && away < 0) return y + 1;
  if (dir === 'future' && away <= -4) return y + 1;
  return y;
}

/**
 * Year of a month-day named without a year (`Nov. 1`, `Dec 11`): the nearest such day to the anchor,
 * moved a year back (past tense) or forward (future tense) when it lies more than 90 days on the wrong
 * side of the anchor (same reasoning as {@link monthYear}).
 */
export function monthDayYear(anchor: Anchor, month: number, day: number, dir: Tense | null): number {
  const at = (y: number): number => toDays(y, month, Math.min(day, daysInMonth(y, month)));
  let best = anchor.y;
  for (const y of [anchor.y - 1, anchor.y + 1]) {
    if (Math.abs(at(y) - anchor.days) < Math.abs(at(best) - anchor.days)) best = y;
  }
  if (dir === 'past' && at(best) > anchor.days + 90) return best - 1;
  if (dir === 'future' && at(best) < anchor.days - 90) return best + 1;
  return best;
}

/** A full date value, or null for an impossible day (February 30). */
export function dateValue(y: number, m: number, d: number): string | null {
  return isValidDate(y, m, d) ? fmtYmd(y, m, d) : null;
}

/** Century of a two-digit year nearest the anchor ('97 in 2024 = 1997); null without an anchor. */
export function twoDigitYear(yy: number, anchor: Anchor | null): number | null {
  if (!anchor) return null;
  const base = Math.floor(anchor.y / 100) * 100;
  let best = base + yy;
  for (const c of [base - 100 + yy, base + 100 + yy]) {
    if (Math.abs(c - anchor.y - 5) < Math.abs(best - anchor.y - 5)) best = c;
  }
  return best;
}

/** Season of a month (meteorological: winter = Dec–Feb, credited to the year of its December). */
export function seasonOf(y: number, m: number): { y: number; idx: number } {
  if (m === 12) return { y, idx: 3 };
  if (m <= 2) return { y: y - 1, idx: 3 };
  return { y, idx: Math.floor((m - 3) / 3) };
}

export const SEASON_CODES = ['SP', 'SU', 'FA', 'WI'] as const;
