import { MONTH_RE, monthNumber } from './lexicon.js';
import { dateValue, monthDayYear, type ResolveContext } from './resolve.js';
import { type Candidate, nearYear } from './rules.js';

const DAY = '[0-3]?\\d(?:st|nd|rd|th)?(?!\\d)';
const LINK = '\\s*(?:,\\s*)?(?:and|or|&|to|through|till|until|-|–)\\s*';
const YEAR = '(?<year>[12]\\d{3})(?!\\d)';
/**
 * What must follow the last day of a list joined by a word: punctuation, a year or a function word. A noun
 * there makes the number a quantity ("on April 10 and 11 soldiers died", "March 3 and 4 percent"), not a
 * day. A hyphenated range ("the Nov. 18-19 summit") may be followed by anything but a percentage.
 */
const DAY_END =
  '(?:(?<=[-–]\\s*[0-3]?\\d(?:st|nd|rd|th)?)(?!\\d|[.,:]\\d|\\s*(?:%|percent\\b|per\\b))|(?![.,:]\\d)(?=\\s*(?:$|[.,;:!?)"”’\'—–-]|[12]\\d{3}(?!\\d)|(?:in|at|on|to|for|with|when|while|after|before|and|or|but|respectively|as|during|from|this|last|next|that|the|was|were|is|are|will|would|has|have|had)\\b)))';

/** "August 6 and 9, 1945", "March 3, 4 and 5", "between May 1 and 5". */
const MONTH_FIRST = new RegExp(
  `(?<mon>${MONTH_RE})\\s*(?<days>${DAY}(?:\\s*,\\s*${DAY})*${LINK}${DAY})${DAY_END}(?:\\s*,?\\s*${YEAR})?`,
  'g',
);
/** "6 and 9 August 1945", "3 or 4 March". */
const DAY_FIRST = new RegExp(
  `(?<![\\d.,$])(?<days>${DAY}(?:\\s*,\\s*${DAY})*${LINK})(?=${DAY}\\s+(?:of\\s+)?(?<mon>${MONTH_RE})(?:\\s*,?\\s*${YEAR})?)`,
  'g',
);
const DAY_TOKEN = /[0-3]?\d(?:st|nd|rd|th)?(?!\d)/g;

/** Year of the list: the printed one, else the year the first day would get on its own. */
function listYear(ctx: ResolveContext, year: number | null, mon: number, firstDay: number): number | null {
  if (year !== null) return year;
  if (ctx.sentenceDays != null) {
    const y = nearYear(ctx.sentenceDays, mon, firstDay);
    if (y !== null) return y;
  }
  if (!ctx.anchor) return null;
  return monthDayYear(ctx.anchor, mon, firstDay, ctx.tense());
}

function dayResolver(year: number | null, mon: number, firstDay: number, day: number) {
  return (ctx: ResolveContext): string | null => {
    if (day < 1 || day > 31) return null;
    const y = listYear(ctx, year, mon, firstDay);
    if (y === null) {
      return dateValue(2000, mon, day)
        ? `XXXX-${String(mon).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        : null;
    }
    return dateValue(y, mon, day);
  };
}

function dayCandidate(
  start: number,
  end: number,
  resolve: (ctx: ResolveContext) => string | null,
  priority: number,
): Candidate {
  return { start, end, type: 'DATE', rule: 'date-list', priority, resolve, kind: 'date' };
}

/**
 * Refiner: coordinated days share the month and the year printed once for all of them. "August 6 and 9,
 * 1945" names two days of 1945, not August 6 of the publication year plus "9, 1945"; "on March 3 and 4"
 * gives the second day March's month; "6 and 9 August 1945" gives the first day the month and year after
 * the last. Each day becomes its own DATE (TimeML marks each day of a list), and the pieces the rules found
 * inside the list (a lone "1945", a yearless "August 6") are replaced.
 */
export function splitDayLists(text: string, cands: Candidate[]): Candidate[] {
  if (!/\d\s*(?:,\s*)?(?:and|or|&|to|through|till|until|-|–)\s*\d/.test(text))
    return shareListYears(text, cands.slice());
  const made: Candidate[] = [];
  const priority = cands.reduce((p, c) => Math.min(p, c.priority), 0);
  MONTH_FIRST.lastIndex = 0;
  for (let m = MONTH_FIRST.exec(text); m; m = MONTH_FIRST.exec(text)) {
    const g = m.groups!;
    if (!/^[A-Z]/.test(g.mon!)) continue;
    const mon = monthNumber(g.mon!)!;
    const year = g.year ? Number(g.year) : null;
    const daysAt = m.index + m[0].indexOf(g.days!, g.mon!.length);
    const days = [...g.days!.matchAll(DAY_TOKEN)];
    const first = Number.parseInt(days[0]![0], 10);
    days.forEach((d, i) => {
      const day = Number.parseInt(d[0], 10);
      const start = i === 0 ? m!.index : daysAt + d.index!;
      const end = i === days.length - 1 ? m!.index + m![0].length : daysAt + d.index! + d[0].length;
      made.push(dayCandidate(start, end, dayResolver(year, mon, first, day), priority));
    });
  }
  DAY_FIRST.lastIndex = 0;
  for (let m = DAY_FIRST.exec(text); m; m = DAY_FIRST.exec(text)) {
    const g = m.groups!;
    if (!/^[A-Z]/.test(g.mon!)) continue;
    const mon = monthNumber(g.mon!)!;
    const year = g.year ? Number(g.year) : null;
    const days = [...g.days!.matchAll(DAY_TOKEN)];
    const first = Number.parseInt(days[0]![0], 10);
    for (const d of days) {
      const start = m.index + d.index!;
      made.push(
        dayCandidate(
          start,
          start + d[0].length,
          dayResolver(year, mon, first, Number.parseInt(d[0], 10)),
          priority,
        ),
      );
    }
  }
  const out = made.length
    ? cands.filter((c) => !made.some((k) => k.start < c.end && c.start < k.end) || c.kind === 'clock')
    : cands.slice();
  for (const k of made) {
    if (!out.some((c) => c.start < k.end && k.start < c.end)) out.push(k);
  }
  out.sort((a, b) => a.start - b.start);
  return shareListYears(text, out);
}

const MD_RE = new RegExp(`^(?<mon>${MONTH_RE})\\s*(?<day>[0-3]?\\d)(?:st|nd|rd|th)?$`);
const YEAR_END_RE = /(?:^|\D)([12]\d{3})$/;
const REL_YEAR_END_RE = /\b(?:this|last|next|that|the same|the previous|the following)\s+year$/i;
const MONTH_START_RE = new RegExp(`^(?:(?:early|late|mid-?)\\s*)?${MONTH_RE}`);
const MONTH_ONLY_RE = new RegExp(`^(?:(?:early|late|mid-?)\\s*)?(?<mon>${MONTH_RE})$`);

/**
 * "August 6 and August 9, 1945": a yearless month-day right before (joined by "and", "or", a comma or
 * "to") a dated one takes that date's year.
 */
function shareListYears(text: string, cands: Candidate[]): Candidate[] {
  for (let i = cands.length - 2; i >= 0; i--) {
    const c = cands[i]!;
    const next = cands[i + 1]!;
    if (c.type !== 'DATE' || next.type !== 'DATE' || c.kind === 'event-anchored') continue;
    const own = text.slice(c.start, c.end);
    const md = MD_RE.exec(own);
    // "in May and June 2011", "May/June 2011": a bare month before a dated one shares its year.
    const mo = md ? null : MONTH_ONLY_RE.exec(own);
    if (!md && !mo) continue;
    const nextText = text.slice(next.start, next.end);
    const y = YEAR_END_RE.exec(nextText);
    const gap = text.slice(c.end, next.start);
    if (!/^\s*(?:,\s*)?(?:(?:and|or|&|to|through|until|till|-|–|\/)\s*)?$/.test(gap)) continue;
    if (gap.trim() === '') continue;
    if (mo && !y && REL_YEAR_END_RE.test(nextText) && MONTH_START_RE.test(nextText)) {
      // "in August and December last year": the year the last month gets, once resolved.
      const mm = String(monthNumber(mo.groups!.mon!)!).padStart(2, '0');
      const inner = next.resolve;
      cands[i] = {
        ...c,
        resolve: (ctx) => {
          const v = inner(ctx);
          return v && /^\d{4}-\d{2}$/.test(v) ? `${v.slice(0, 4)}-${mm}` : null;
        },
        rule: `${c.rule}+list`,
      };
      continue;
    }
    if (!y) continue;
    if (mo) {
      const value = `${y[1]}-${String(monthNumber(mo.groups!.mon!)!).padStart(2, '0')}`;
      cands[i] = { ...c, resolve: () => value, rule: `${c.rule}+list` };
      continue;
    }
    const value = dateValue(Number(y[1]), monthNumber(md!.groups!.mon!)!, Number(md!.groups!.day));
    cands[i] = { ...c, resolve: () => value, rule: `${c.rule}+list` };
  }
  return cands;
}
