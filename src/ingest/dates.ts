/**
 * Date parsing for wire layouts: the date line (`November 1, 2024`), dateline dates (`Nov. 2 , 2005`) and
 * JSON date fields. Only complete, valid calendar dates are returned, as ISO `YYYY-MM-DD`.
 */

/** Month names and wire abbreviations (`Sept.`, `Dec`), lower-cased without the dot. */
const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** A regex source matching one month name or abbreviation (optionally with a dot). */
export const MONTH_SOURCE =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

/** ISO date from parts, or null when they do not form a real date. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1800 || year > 2200) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)?';
const MDY_RE = new RegExp(
  `^${WEEKDAY}(${MONTH_SOURCE})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})\\b`,
  'i',
);
const DMY_RE = new RegExp(
  `^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_SOURCE})\\s*,?\\s+(\\d{4})\\b`,
  'i',
);
const ISO_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;

/**
 * Parses a date at the start of `s` (`November 1, 2024`, `Friday, Nov. 1, 2024`, `1 November 2024`,
 * `2024-11-01`, `2024-11-01T09:00:00Z`). Returns the ISO date and the length matched, or null.
 */
export function parseDatePrefix(s: string): { iso: string; length: number } | null {
  let m = MDY_RE.exec(s);
  if (m) {
    const iso = isoDate(Number(m[3]), monthNumber(m[1]!) ?? 0, Number(m[2]));
    return iso ? { iso, length: m[0].length } : null;
  }
  m = DMY_RE.exec(s);
  if (m) {
    const iso = isoDate(Number(m[3]), monthNumber(m[2]!) ?? 0, Number(m[1]));
    return iso ? { iso, length: m[0].length } : null;
  }
  m = ISO_RE.exec(s);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { iso, length: m[0].length } : null;
  }
  return null;
}

/**
 * A wire date line: a short line that is only a date, optionally followed by a time and zone
 * (`November 1, 2024`, `Nov. 1, 2024 10:32 KST`). Returns the ISO date or null.
 */
export function parseDateLine(line: string): string | null {
  const s = line.trim();
  if (s.length === 0 || s.length > 60 || s.includes('\n')) return null;
  const p = parseDatePrefix(s);
  if (!p) return null;
  const rest = s.slice(p.length).trim();
  if (
    rest === '' ||
    /^(?:[,-]\s*)?(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?$/.test(
      rest,
    )
  ) {
    return p.iso;
  }
  if (/^T\d{2}:\d{2}/.test(rest)) return p.iso;
  return null;
}

/**
 * Normalises a date field from structured input: ISO dates and date-times pass through (date-times are
 * kept whole), textual dates become ISO dates, anything else is null.
 */
export function normalizeDateField(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const d = new Date(value > 1e11 ? value : value * 1000);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) {
    const p = parseDatePrefix(s);
    if (!p) return null;
    return s.length === 10 ? p.iso : s.replace(' ', 'T');
  }
  const p = parseDatePrefix(s);
  if (p) return p.iso;
  const t = Date.parse(s);
  if (!Number.isNaN(t)) return new Date(t).toISOString().slice(0, 10);
  return null;
}
