/**
 * Pure proleptic-Gregorian calendar arithmetic for TIMEX3 values. Everything is done on plain numbers (days
 * since 1970-01-01) so that no value can ever depend on the machine's clock or time zone.
 */

/** A calendar day. `m` is 1–12. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm; valid for any year). */
export function toDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (inverse of {@link toDays}). */
export function fromDays(z: number): Ymd {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True for a real calendar day (rejects February 30, month 13 …). */
export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(days: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** ISO week-numbering year and week of a day number. */
export function isoWeek(days: number): { year: number; week: number } {
  const thursday = days - isoWeekday(days) + 4;
  const { y } = fromDays(thursday);
  const week = Math.floor((thursday - toDays(y, 1, 1)) / 7) + 1;
  return { year: y, week };
}

const pad = (n: number, w = 2): string => {
  const s = String(Math.abs(n)).padStart(w, '0');
  return n < 0 ? `-${s}` : s;
};

export function fmtYear(y: number): string {
  return pad(y, 4);
}

export function fmtMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

export function fmtDay(days: number): string {
  const { y, m, d } = fromDays(days);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function fmtYmd(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function fmtWeek(days: number): string {
  const { year, week } = isoWeek(days);
  return `${pad(year, 4)}-W${pad(week)}`;
}

export function fmtClock(h: number, min: number): string {
  return `${pad(h)}:${pad(min)}`;
}

/** Adds `n` months to a year/month pair. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const idx = y * 12 + (m - 1) + n;
  return { y: Math.floor(idx / 12), m: (((idx % 12) + 12) % 12) + 1 };
}

/** Same day `n` months later, clamped to the month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsToDay(days: number, n: number): number {
  const { y, m, d } = fromDays(days);
  const t = addMonths(y, m, n);
  return toDays(t.y, t.m, Math.min(d, daysInMonth(t.y, t.m)));
}
