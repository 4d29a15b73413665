import { fromDays, toDays } from './calendar.js';

/**
 * The reference point relative expressions are resolved against: the article's publication day in the
 * time zone of its dateline. A story filed in Seoul at 01:30 UTC was written on the Seoul calendar day,
 * so "Friday" must be counted from that day, not from the UTC one.
 */
export interface Anchor {
  /** Day number (days since 1970-01-01) of the local publication day. */
  days: number;
  y: number;
  m: number;
  d: number;
  /** Local clock time of publication when the date-time gave one. */
  hour: number | null;
  minute: number | null;
  /** UTC offset in minutes of the dateline's zone when known (standard time; DST is not modelled). */
  offset: number | null;
}

/**
 * Standard-time UTC offsets (minutes) of common datelines. Standard time only: a summer-time error of one
 * hour can move the local day only for stories filed within an hour of midnight, and the table stays a
 * short list of facts rather than a tz database.
 */
const DATELINE_OFFSETS: Record<string, number> = {
  SEOUL: 540,
  PYONGYANG: 540,
  TOKYO: 540,
  BEIJING: 480,
  SHANGHAI: 480,
  'HONG KONG': 480,
  TAIPEI: 480,
  SINGAPORE: 480,
  MANILA: 480,
  'KUALA LUMPUR': 480,
  BANGKOK: 420,
  HANOI: 420,
  JAKARTA: 420,
  'NEW DELHI': 330,
  ISLAMABAD: 300,
  KARACHI: 300,
  KABUL: 270,
  TEHRAN: 210,
  MOSCOW: 180,
  ANKARA: 180,
  RIYADH: 180,
  BAGHDAD: 180,
  JERUSALEM: 120,
  'TEL AVIV': 120,
  CAIRO: 120,
  KYIV: 120,
  KIEV: 120,
  BERLIN: 60,
  PARIS: 60,
  ROME: 60,
  BRUSSELS: 60,
  GENEVA: 60,
  VIENNA: 60,
  MADRID: 60,
  BELGRADE: 60,
  TIRANA: 60,
  LONDON: 0,
  WASHINGTON: -300,
  'NEW YORK': -300,
  'UNITED NATIONS': -300,
  CHICAGO: -360,
  'LOS ANGELES': -480,
  SYDNEY: 600,
};

/** UTC offsets (minutes) of zone names a story may print after a clock time. */
export const ZONE_OFFSETS: Record<string, number> = {
  GMT: 0,
  UTC: 0,
  KST: 540,
  'KOREA TIME': 540,
  JST: 540,
  'JAPAN TIME': 540,
  EST: -300,
  EDT: -240,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  CET: 60,
  CEST: 120,
  BST: 60,
  MSK: 180,
  HKT: 480,
  SGT: 480,
};

/** The zone of a dateline (first comma-separated part, e.g. "SEOUL, Nov. 1 (Yonhap)") or a source. */
export function datelineOffset(dateline: string | null | undefined, source?: string | null): number | null {
  if (source && /yonhap/i.test(source)) return 540;
  if (!dateline) return null;
  const place = dateline.split(/[,(]/)[0]!.trim().toUpperCase();
  const v = DATELINE_OFFSETS[place];
  return v === undefined ? null : v;
}

const ISO_RE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Parses a publication date (`2024-11-01`, `20241101`, `2024-11-01T10:30:00Z`, `…+09:00`) into an anchor.
 * A date-time with an explicit zone is moved into the dateline's zone when that zone is known. Returns
 * null for anything else (including impossible dates): an unknown anchor leaves relative expressions
 * unresolved instead of guessing.
 */
export function parseAnchor(
  published: string | null | undefined,
  dateline?: string | null,
  source?: string | null,
): Anchor | null {
  if (!published) return null;
  const m = ISO_RE.exec(published.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  let days = toDays(y, mo, d);
  if (fromDays(days).d !== d) return null;
  const offset = datelineOffset(dateline, source);
  let hour: number | null = m[4] === undefined ? null : Number(m[4]);
  let minute: number | null = m[5] === undefined ? null : Number(m[5]);
  if (hour !== null && (hour > 24 || (minute ?? 0) > 59)) return null;
  const zone = m[7];
  if (hour !== null && zone !== undefined && offset !== null) {
    let zoneMin = 0;
    if (zone !== 'Z') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      zoneMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
    }
    let total = days * 1440 + hour * 60 + (minute ?? 0) - zoneMin + offset;
    days = Math.floor(total / 1440);
    total -= days * 1440;
    hour = Math.floor(total / 60);
    minute = total % 60;
  }
  const ymd = fromDays(days);
  return { days, y: ymd.y, m: ymd.m, d: ymd.d, hour, minute, offset };
}
