import type { Span, TimeExpression, TimeType } from '../../core/types.js';
import { type Anchor, parseAnchor, ZONE_OFFSETS } from './anchor.js';
import { fmtDay, toDays } from './calendar.js';
import { chronoFallback } from './chrono-fallback.js';
import { splitDayLists } from './day-list.js';
import { PART_OF_DAY } from './lexicon.js';
import type { ResolveContext } from './resolve.js';
import { type Candidate, runRules, SOME_DAY } from './rules.js';
import { isModalFuture, type Marker, nearMarker, type Tense, tenseAt, tenseMarkers } from './tense.js';

/** A time expression with the evidence of how it was found and resolved (added fields of the format). */
export interface TimeResult extends TimeExpression {
  /** Rule (or refiner) that produced the expression. */
  rule: string;
  /** What the value counts from: `dct` (publication day), `ref` (a date in the story), `event`, `none`. */
  anchor?: 'dct' | 'ref' | 'event' | 'none';
  /** TIMEX3 `mod` (START, MID, END, APPROX …). */
  mod?: string;
  /** Zone the story names for a clock time or a day ("GMT", "Korea time"). */
  zone?: string;
}

/** Inputs of {@link extractTimes}. */
export interface ExtractTimesOptions {
  /** Publication date (ISO date or date-time) or null when unknown: relative values then stay null. */
  published: string | null;
  /** Dateline ("SEOUL"), which gives the local zone of a date-time publication stamp. */
  dateline?: string | null;
  /** Publisher; Yonhap implies Korea time. */
  source?: string | null;
  /** Sentence spans (tense is read per sentence); a simple split is used when absent. */
  sentences?: readonly Span[];
  /** Run chrono-node over sentences with numeric dates our rules did not cover (default true). */
  chrono?: boolean;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}/;

function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const base = m.index;
    const para = m[0];
    const br = /[.!?]["”’)]?\s+(?=["“‘(]?[A-Z])/g;
    let s = 0;
    for (let b = br.exec(para); b; b = br.exec(para)) {
      // Do not split after abbreviations such as "Nov." or "U.S." followed by a capitalised word.
      // The last 200 characters are enough to see the word before the break (and keep each test linear).
      const upTo = b.index + b[0].length;
      const prev =
        /(?<![A-Za-z.])([A-Za-z.]+)[.!?]["”’)]?\s+$/.exec(para.slice(Math.max(0, upTo - 200), upTo))?.[1] ??
        '';
      if (
        /^(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Sen|Rep|Gov|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|St|No|Vol|Inc|Corp|Co|Ltd|U\.S|U\.N|[A-Z]\.[A-Z])$/.test(
          prev,
        )
      )
        continue;
      out.push({ start: base + s, end: base + b.index + 1 });
      s = b.index + b[0].length;
    }
    out.push({ start: base + s, end: base + para.length });
  }
  return out;
}

/** Longest match wins; between equal lengths the earlier rule wins. */
function removeOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = cands
    .slice()
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const WRAP_RE =
  /(?:\b(?:the|its|their)\s+)?\b(?<w>end|beginning|start|middle|turn|close|first half|second half|first quarter|second quarter|third quarter|fourth quarter|early part|latter part|eve|morning|afternoon|evening)\s+of\s+(?:the\s+)?$/i;
const EDGE_RE = /\b(?<w>early|late|mid-|mid)\s*$/i;

/**
 * Refiner: widens a date with the words that modify it, TimeML style: "the end of this year" (END),
 * "the first half of next year" (H1), "the eve of Christmas" (the day before), "mid-2025" (MID).
 */
function applyWrappers(text: string, cands: Candidate[]): Candidate[] {
  return cands.map((c, i) => {
    // "the end of the current Iranian year": "current" there qualifies a noun, not the present moment.
    if (c.type !== 'DATE' || c.kind === 'event-anchored' || c.rule === 'present-ref') return c;
    const prevEnd = i > 0 ? cands[i - 1]!.end : 0;
    const from = Math.max(prevEnd, c.start - 40);
    const before = text.slice(from, c.start);
    const w = WRAP_RE.exec(before);
    // "at the end of the 1991 Gulf war": "the" before a bare year makes the year a modifier of the noun
    // after it, so the edge belongs to the war, not to the year.
    const attributiveYear = c.rule === 'year' && w !== null && /\bthe\s+$/i.test(w[0]);
    if (w && !attributiveYear) {
      const word = w.groups!.w!.toLowerCase();
      const start = from + w.index;
      const inner = c.resolve;
      let resolve = inner;
      let mod = c.mod;
      if (word === 'end' || word === 'close' || word === 'latter part') mod = 'END';
      else if (word === 'beginning' || word === 'start' || word === 'early part') mod = 'START';
      else if (word === 'middle') mod = 'MID';
      else if (word === 'turn') mod = 'START';
      else if (word.endsWith('half')) {
        const h = word.startsWith('first') ? 1 : 2;
        resolve = (ctx) => {
          const v = inner(ctx);
          return v && /^\d{4}$/.test(v) ? `${v}-H${h}` : null;
        };
      } else if (word.endsWith('quarter')) {
        const q = ['first', 'second', 'third', 'fourth'].indexOf(word.split(' ')[0]!) + 1;
        resolve = (ctx) => {
          const v = inner(ctx);
          return v && /^\d{4}$/.test(v) ? `${v}-Q${q}` : null;
        };
      } else if (PART_OF_DAY[word] && c.kind === 'date') {
        // "the morning of April 18": that part of that day (a TIME).
        const code = PART_OF_DAY[word]!;
        resolve = (ctx) => {
          const v = inner(ctx);
          return v && /^(?:\d{4}|XXXX)-\d{2}-\d{2}$/.test(v) ? `${v}T${code}` : null;
        };
        const out: Candidate = { ...c, start, resolve, type: 'TIME', rule: `${c.rule}+pod` };
        return out;
      } else if (word === 'eve') {
        resolve = (ctx) => {
          const v = inner(ctx);
          const m = v ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
          return m ? fmtDay(toDays(Number(m[1]), Number(m[2]), Number(m[3])) - 1) : null;
        };
      }
      const out: Candidate = { ...c, start, resolve, rule: `${c.rule}+wrap` };
      if (mod) out.mod = mod;
      return out;
    }
    const e = EDGE_RE.exec(before);
    if (e && c.rule !== 'weekday') {
      const word = e.groups!.w!.toLowerCase();
      const out: Candidate = { ...c, start: from + e.index, rule: `${c.rule}+edge` };
      out.mod = word === 'early' ? 'START' : word === 'late' ? 'END' : 'MID';
      return out;
    }
    return c;
  });
}

/**
 * Refiner: joins a clock time and the day right after it ("10 a.m. Friday", "midnight Friday", "5 p.m.
 * EST, Nov. 6") into one TIME expression, as TimeML annotates them.
 */
function mergeClockDays(text: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    const next = cands[i + 1];
    if (
      c.kind === 'clock' &&
      next &&
      next.kind === 'date' &&
      /^\s*(?:,\s*)?(?:on\s+)?$/.test(text.slice(c.end, next.start)) &&
      next.start - c.end <= 6
    ) {
      out.push({ ...c, end: next.end, rule: `${c.rule}+day`, dayFrom: next.resolve });
      i++;
      continue;
    }
    if (
      c.kind === 'date' &&
      next?.kind === 'clock' &&
      /^\s*(?:,\s*)?$/.test(text.slice(c.end, next.start)) &&
      next.start - c.end <= 3 &&
      /\d/.test(text.slice(c.start, c.end))
    ) {
      // A time stamp printed after its date ("Nov. 24, 2011 1535 GMT", "29 Dec 2004 00:28:16").
      out.push({ ...next, start: c.start, rule: `${next.rule}+day`, dayFrom: c.resolve });
      i++;
      continue;
    }
    out.push(c);
  }
  return out;
}

const MEETING_WORDS = new Set([
  'talks',
  'meeting',
  'meetings',
  'summit',
  'gathering',
  'session',
  'conference',
  'negotiations',
  'consultations',
  'dialogue',
  'forum',
]);

function headAlternatives(head: string): string {
  const heads = MEETING_WORDS.has(head) ? [...MEETING_WORDS] : [head];
  return heads.join('|');
}

/**
 * Refiner: dates an expression counted from an event ("the eve of the three-way talks") from another time
 * expression the story ties to the same event: "Friday's talks", "the talks on Friday", "talks held
 * Friday"; failing that, the lead's date when the lead paragraph reports that kind of event. Without such
 * evidence the value stays null: the day before publication is never assumed.
 */
function anchorEvents(
  text: string,
  results: TimeResult[],
  cands: Candidate[],
  sentences: readonly Span[],
): void {
  cands.forEach((c, i) => {
    if (c.kind !== 'event-anchored' || !c.event) return;
    const alts = headAlternatives(c.event.head);
    const possessive = new RegExp(`^\\s*['’]s\\s+(?:[\\w-]+\\s+){0,3}?(?:${alts})\\b`, 'i');
    const preceding = new RegExp(
      `\\b(?:${alts})\\b[^.;]{0,40}?\\b(?:on|held|scheduled for|set for|slated for|due|planned for|opened|began|ended)\\s+(?:on\\s+)?$`,
      'i',
    );
    let eventValue: string | null = null;
    for (let j = 0; j < results.length && eventValue === null; j++) {
      if (j === i) continue;
      const r = results[j]!;
      if (r.type !== 'DATE' || !r.value || !/^\d{4}/.test(r.value)) continue;
      const after = text.slice(r.end, r.end + 60);
      const before = text.slice(Math.max(0, r.start - 70), r.start);
      if (possessive.test(after) || preceding.test(before)) eventValue = r.value;
    }
    if (eventValue === null && sentences.length > 0) {
      const lead = sentences.slice(0, 2);
      const leadText = text.slice(lead[0]!.start, lead[lead.length - 1]!.end);
      if (new RegExp(`\\b(?:${alts})\\b`, 'i').test(leadText)) {
        const first = results.find(
          (r, j) =>
            j !== i &&
            r.start >= lead[0]!.start &&
            r.end <= sentences[0]!.end &&
            r.type === 'DATE' &&
            r.value &&
            FULL_DATE.test(r.value),
        );
        if (first) eventValue = first.value;
      }
    }
    const res = results[i]!;
    res.anchor = 'event';
    if (eventValue === null) {
      res.value = null;
      return;
    }
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(eventValue);
    if (m) {
      const days = toDays(Number(m[1]), Number(m[2]), Number(m[3])) + c.event.offset;
      res.value = fmtDay(days) + (c.zone ? `T${c.zone}` : '');
    } else {
      // Coarser event dates: the offset rarely leaves the month or year, so keep that precision.
      res.value = /^\d{4}(?:-\d{2})?$/.test(eventValue) ? eventValue : null;
    }
  });
}

/**
 * Refiner: gives clock times their day — the day expression right next to them ("10 a.m. Friday",
 * "Friday at 10 a.m.") or else the publication day — and moves a zone-named time that follows a local
 * one in brackets ("10:30 a.m. (0230 GMT)") to that zone's calendar day.
 */
function resolveClocks(text: string, results: TimeResult[], cands: Candidate[], anchor: Anchor | null): void {
  let prevLocal: { idx: number; day: number; clock: number } | null = null;
  cands.forEach((c, i) => {
    if (c.kind !== 'clock' || c.clock === undefined) return;
    const res = results[i]!;
    let day: number | null = null;
    if (res.value && FULL_DATE.test(res.value)) {
      // A merged "10 a.m. Friday": the day was resolved with the expression.
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(res.value)!;
      day = toDays(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    const neighbours = [i + 1, i - 1];
    // "10:35 a.m. (0735 GMT) Friday": look past the bracketed zone time for the day.
    if (cands[i + 1]?.kind === 'clock' && cands[i + 1]!.zone) neighbours.unshift(i + 2);
    for (const j of day === null ? neighbours : []) {
      const o = results[j];
      if (!o?.value || !FULL_DATE.test(o.value) || cands[j]!.kind === 'clock') continue;
      const gap = j > i ? text.slice(cands[j - 1]!.end, o.start) : text.slice(o.end, c.start);
      if (gap.length <= 12 && /^[\s,)]*(?:(?:on|at|of|local time|\(local time\))[\s,]*)?$/i.test(gap)) {
        const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(o.value)!;
        day = toDays(Number(m[1]), Number(m[2]), Number(m[3]));
        res.anchor = 'ref';
        break;
      }
    }
    if (day === null && anchor) {
      day = anchor.days;
      res.anchor = 'dct';
    }
    const zoneOff = c.zone ? ZONE_OFFSETS[c.zone.toUpperCase()] : undefined;
    if (zoneOff !== undefined && prevLocal && prevLocal.idx === i - 1) {
      const gap = text.slice(cands[i - 1]!.end, c.start);
      if (/^\s*(?:\(\s*)?$/.test(gap)) {
        let delta = prevLocal.clock - c.clock;
        while (delta <= -720) delta += 1440;
        while (delta > 840) delta -= 1440;
        const abs = prevLocal.clock - delta;
        day = prevLocal.day + Math.floor(abs / 1440);
      }
    }
    const hh = Math.floor(c.clock / 60);
    const mm = c.clock % 60;
    const hms = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}${c.second === undefined ? '' : `:${String(c.second).padStart(2, '0')}`}`;
    if (day === null) {
      // No day to give (no publication date): the clock time on some day, never a guessed one.
      res.value = `${SOME_DAY}T${hms}`;
      res.anchor = 'none';
      return;
    }
    res.value = `${fmtDay(day)}T${hms}`;
    prevLocal = { idx: i, day, clock: c.clock };
  });
}

interface RefState {
  refDays: number | null;
  refYear: number | null;
  refMonthDays: number | null;
  refCoarse: boolean;
}

function updateRef(value: string | null, ctx: RefState): void {
  if (!value) return;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return;
  ctx.refYear = Number(m[1]);
  if (m[2]) ctx.refMonthDays = toDays(Number(m[1]), Number(m[2]), 1);
  if (m[3]) ctx.refDays = toDays(Number(m[1]), Number(m[2]), Number(m[3]));
  ctx.refCoarse = !m[3];
}

/** Rules naming an absolute year or month ("in 1998", "June 1998"): later "that year" counts from them. */
const COARSE_REF_RULES = new Set([
  'month-year',
  'month',
  'year',
  'year-prefixed',
  'fiscal-year',
  'year-spoken',
]);

/**
 * Finds the time expressions of one text and resolves them to TIMEX3 values. Pure: the anchor comes only
 * from `opts.published` (never from the clock), so the same input always gives the same output. Ordered
 * rules propose candidates; refiners remove overlaps, attach modifiers ("the end of"), resolve values in
 * document order (tense per clause, the story's own reference dates), give clock times their day and date
 * event-anchored expressions ("on the eve of the talks").
 */
export function extractTimes(text: string, opts: ExtractTimesOptions): TimeResult[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const anchor = parseAnchor(opts.published, opts.dateline ?? null, opts.source ?? null);
  const sentences = opts.sentences && opts.sentences.length > 0 ? opts.sentences : splitSentences(text);
  let cands = runRules(text);
  if (opts.chrono !== false) cands = cands.concat(chronoFallback(text, sentences, cands, anchor));
  cands = mergeClockDays(text, applyWrappers(text, splitDayLists(text, removeOverlaps(cands))));

  const markerCache = new Map<number, ReturnType<typeof tenseMarkers>>();
  let si = 0;
  const ref: RefState = { refDays: null, refYear: null, refMonthDays: null, refCoarse: false };
  const results: TimeResult[] = [];
  // Earnings reports name their quarter in the lead; a different quarter named later is mostly a comparison
  // or an outlook ("after a flat second quarter", "fourth-quarter earnings will …"), so "the latest quarter",
  // "the year-ago period" or "a year earlier" in another sentence count from the lead's quarter.
  const quarters: { lead: string | null; last: { value: string; sent: number } | null } = {
    lead: null,
    last: null,
  };
  let sentDated: { sent: number; days: number } | null = null;
  const r0 = (c: Candidate): string => text.slice(c.start, c.end);
  const weekdayDay = new Map<number, string>();
  const uncued: number[] = [];
  for (const c of cands) {
    while (si < sentences.length - 1 && c.start >= sentences[si]!.end) si++;
    const sent = sentences[si];
    const sentIdx = si;
    const refQuarter: string | null =
      quarters.last && quarters.last.sent === sentIdx ? quarters.last.value : quarters.lead;
    let tenseMemo: Tense | null | undefined;
    // the sentence's tense markers (cached across its expressions) and the marker next to this one, each found once
    const markers = (): readonly Marker[] => {
      let mk = markerCache.get(sentIdx);
      if (!mk) {
        mk = tenseMarkers(text, sent!.start, sent!.end);
        markerCache.set(sentIdx, mk);
      }
      return mk;
    };
    let nearMemo: Marker | null | undefined;
    const near = (): Marker | null => {
      if (nearMemo === undefined)
        nearMemo = sent ? nearMarker(text, markers(), c.start, c.end, 40, 20) : null;
      return nearMemo;
    };
    const ctx: ResolveContext = {
      anchor,
      refDays: ref.refDays,
      refYear: ref.refYear,
      refCoarse: ref.refCoarse,
      refMonthDays: ref.refMonthDays,
      refQuarter,
      sentenceDays: sentDated && sentDated.sent === sentIdx ? sentDated.days : null,
      tense: () => {
        if (tenseMemo === undefined) tenseMemo = sent ? tenseAt(markers(), c.start, c.end) : null;
        return tenseMemo;
      },
      tenseNear: () => near()?.tense ?? null,
      modalNear: () => {
        const mk = near();
        return mk !== null && isModalFuture(text, markers(), mk);
      },
    };
    let value: string | null;
    try {
      value = c.dayFrom ? c.dayFrom(ctx) : c.resolve(ctx);
      if (
        (c.rule === 'ago' || c.rule === 'year-earlier-adj') &&
        value &&
        /^\d{4}$/.test(value) &&
        refQuarter
      ) {
        // Earnings reports: "a year earlier" after "the third quarter" is that quarter a year before.
        if (
          /^(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|(?:the\s+)?year[- ](?:earlier|ago))$/i.test(
            text.slice(c.start, c.end),
          )
        ) {
          value = `${Number(refQuarter.slice(0, 4)) - 1}${refQuarter.slice(4)}`;
        }
      }
    } catch {
      value = null;
    }
    if (
      value &&
      /^\d{4}-Q\d$/.test(value) &&
      (c.rule === 'quarter' || c.rule === 'quarter+wrap' || c.rule === 'quarter-ended') &&
      !/year[- ](?:ago|earlier)/i.test(r0(c))
    ) {
      quarters.last = { value, sent: sentIdx };
      quarters.lead ??= value;
    }
    const r: TimeResult = {
      id: '',
      type: c.type as TimeType,
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      value,
      rule: c.rule,
    };
    if (c.mod) r.mod = c.mod;
    if (c.zone && c.kind !== 'event-anchored') r.zone = c.zone;
    if (value && /^\d/.test(value) && (c.type === 'DATE' || c.type === 'TIME') && c.kind === 'date')
      updateRef(value, ref);
    else if (value && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value) && c.rule.startsWith('date'))
      updateRef(value, ref);
    else if (value && /^\d{4}(?:-\d{2})?$/.test(value) && COARSE_REF_RULES.has(c.rule.split('+', 1)[0]!))
      updateRef(value, ref);
    if (value && FULL_DATE.test(value) && /(?:^|\D)[12]\d{3}(?:\D|$)/.test(r.text)) {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)!;
      sentDated = { sent: sentIdx, days: toDays(Number(m[1]), Number(m[2]), Number(m[3])) };
    }
    if (c.weekday && c.rule === 'weekday' && value && FULL_DATE.test(value)) {
      const cued = c.weekday.cued || ctx.tenseNear?.() != null;
      const day = value.slice(0, 10);
      if (cued && !weekdayDay.has(c.weekday.dow)) weekdayDay.set(c.weekday.dow, day);
      if (!cued) uncued.push(results.length);
    }
    results.push(r);
  }
  // "Iran and the powers resume talks Tuesday … The talks Tuesday come after months of deadlock, an aide
  // said": a bare weekday names one day throughout a story, so a mention with no verb at hand (only a
  // distant reporting verb, or none) takes the day a mention with a verb right next to it gave.
  for (const i of uncued) {
    const r = results[i]!;
    const day = weekdayDay.get(cands[i]!.weekday!.dow);
    if (day && r.value && r.value.slice(0, 10) !== day) r.value = day + r.value.slice(10);
  }
  resolveClocks(text, results, cands, anchor);
  anchorEvents(text, results, cands, sentences);
  results.forEach((r, i) => {
    r.id = `t${i + 1}`;
    if (r.type === 'DATE' && r.value && /T\d\d:\d\d(?::\d\d)?$/.test(r.value)) r.type = 'TIME';
  });
  return results;
}
