import { createHash } from 'node:crypto';
import type { Analysis, Entity, Span, TextSpan } from '../core/types.js';
import { HEDGES } from './data/lexicon.js';
import { actorKey, words } from './features.js';
import type {
  ActorMention,
  ActorQuote,
  ActorRef,
  ClaimPoint,
  CorpusEventDetail,
  EventMention,
  ReportRef,
} from './types.js';

/** A short stable id from a string (16 hex digits of SHA-256). */
export function shortHash(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 16);
}

/** The corpus actor id of an actor key: deterministic, so linking never needs a lookup to name an actor. */
export function actorIdOf(key: string): string {
  return `actor:${shortHash(key)}`;
}

/** Entity types that become corpus actors (dates, laws and named events do not act). */
export const ACTOR_TYPES: ReadonlySet<string> = new Set(['PERSON', 'ORG', 'GPE', 'NORP', 'FAC', 'LOC']);

/** The report (article) a fact comes from. */
export function reportOf(a: Analysis): ReportRef {
  return {
    articleId: a.article.id,
    headline: a.article.headline,
    source: a.article.source,
    published: a.article.published,
  };
}

/** Entities by analysis id with their corpus actor refs. */
export function actorRefs(a: Analysis): Map<string, { ref: ActorRef; entity: Entity; key: string }> {
  const out = new Map<string, { ref: ActorRef; entity: Entity; key: string }>();
  for (const e of a.entities) {
    const key = actorKey(e);
    const isActor = ACTOR_TYPES.has(e.type);
    out.set(e.id, {
      ref: { id: isActor ? actorIdOf(key) : null, name: e.name, country: e.country },
      entity: e,
      key,
    });
  }
  return out;
}

function sentenceAt(a: Analysis, index: number): TextSpan | null {
  const s = a.sentences[index];
  return s ? { start: s.start, end: s.end, text: a.article.text.slice(s.start, s.end) } : null;
}

function sentenceOf(a: Analysis, span: Span): TextSpan | null {
  const i = a.sentences.findIndex((s) => s.start <= span.start && span.start < s.end);
  return i >= 0 ? sentenceAt(a, i) : null;
}

/**
 * The calendar part of a TIMEX3 value ("2006-11-22TNI" → "2006-11-22", "2024-11" stays, "2006-W47" → "2006",
 * "PRESENT_REF" → null): corpus dates are compared as strings in `from`/`to` filters and shown as dates, so a
 * part of the day must not make a Wednesday-night event fall outside `to=<that Wednesday>`.
 */
export function calendarDate(value: string | null | undefined): string | null {
  const m = value ? /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(value) : null;
  return m ? m[0] : null;
}

/** What the linker stores per event item: enough to deduplicate and to show the mention. */
export interface EventMentionPayload extends EventMention {
  type: string;
  mode: string | null;
  cameo: string | null;
  actors: ActorRef[];
  targets: ActorRef[];
  location: string | null;
  locationCountry: string | null;
  /** Calendar date (YYYY, YYYY-MM or YYYY-MM-DD) of the event's time, or null. */
  date: string | null;
  /** The event's full TIMEX3 value as the analysis gives it ("2006-11-22TNI"). */
  timeValue?: string | null;
}

/** The event mentions of one article, actors resolved to corpus actors. */
export function eventMentions(a: Analysis): EventMentionPayload[] {
  const refs = actorRefs(a);
  const ref = (id: string): ActorRef => refs.get(id)?.ref ?? { id: null, name: id, country: null };
  return a.events.map((v) => {
    const loc = v.location ? refs.get(v.location) : undefined;
    return {
      ...reportOf(a),
      annId: v.id,
      trigger: v.trigger,
      modality: v.modality,
      sentence: sentenceAt(a, v.sentence) ?? sentenceOf(a, v.trigger),
      type: v.type,
      mode: v.mode,
      cameo: v.cameo,
      actors: v.actors.map(ref),
      targets: v.targets.map(ref),
      location: loc ? loc.entity.name : v.location,
      locationCountry: loc ? loc.entity.country : null,
      date: calendarDate(v.date),
      timeValue: v.date,
    };
  });
}

const HEDGE_PATTERNS: readonly [string, RegExp][] = HEDGES.map((h) => [
  h,
  new RegExp(`\\b${h.replace(/ /g, '\\s+')}\\b`, 'i'),
]);

/** Hedging around a claim: a hedge word in the words just before the figure, or in its sentence's attribution. */
export function hedgeOf(a: Analysis, start: number, qualifier: string): string | null {
  const text = a.article.text;
  const before = text.slice(Math.max(0, start - 40), start);
  for (const [h, re] of HEDGE_PATTERNS) if (re.test(before)) return h;
  const s = sentenceOf(a, { start, end: start });
  if (s) {
    for (const h of ['reportedly', 'according to', 'allegedly', 'estimated']) {
      if (new RegExp(`\\b${h}\\b`, 'i').test(s.text)) return h;
    }
  }
  return qualifier && qualifier !== 'exact' ? qualifier : null;
}

/** The series a claim belongs to: the same normalised subject and unit; null when the claim has no subject. */
export function seriesKey(
  subject: string | null,
  unit: string | null,
): { id: string; subject: string } | null {
  if (!subject) return null;
  const norm = words(subject).join(' ');
  if (!norm) return null;
  return { id: `series:${shortHash(`${norm}|${unit ?? ''}`)}`, subject: norm };
}

/**
 * The date a claimed figure is about: the calendar date (YYYY-MM-DD or YYYY-MM) of the time expression the
 * claim names, else the report's publication date. A claim's `time` is the id of a time expression, so its
 * value is looked up; a year alone, a week, a duration or an unresolved value says too little to place a
 * series point, and the report date stands.
 */
export function claimDate(timeValue: string | null | undefined, published: string | null): string | null {
  const m = timeValue ? /^\d{4}-\d{2}(?:-\d{2})?(?![\dW])/.exec(timeValue) : null;
  return m ? m[0] : published;
}

/** Claim points of one article (claims with a subject). */
export function claimPoints(a: Analysis): { point: ClaimPoint; subjectLower: string }[] {
  const refs = actorRefs(a);
  const timeValue = new Map((a.times ?? []).map((t) => [t.id, t.value]));
  const out: { point: ClaimPoint; subjectLower: string }[] = [];
  for (const c of a.claims) {
    const key = seriesKey(c.subject, c.unit);
    if (!key) continue;
    const src = c.source ? refs.get(c.source)?.ref : undefined;
    out.push({
      subjectLower: key.subject,
      point: {
        articleId: a.article.id,
        report: reportOf(a),
        annId: c.id,
        seriesId: key.id,
        value: c.value,
        low: c.low,
        high: c.high,
        unit: c.unit,
        qualifier: c.qualifier,
        hedge: hedgeOf(a, c.start, c.qualifier),
        source: src ?? (c.sourceName ? { id: null, name: c.sourceName, country: null } : null),
        date: claimDate(c.time ? timeValue.get(c.time) : null, a.article.published),
        evidence: { start: c.start, end: c.end, text: c.text },
      },
    });
  }
  return out;
}

/** Per-actor facts of one article: mentions, quotes (by speaker) and claims (by source). */
export function actorFacts(a: Analysis): {
  mentions: { actorId: string; key: string; entity: Entity; payload: ActorMention }[];
  quotes: { actorId: string; payload: ActorQuote }[];
  claims: { actorId: string; payload: ClaimPoint }[];
} {
  const refs = actorRefs(a);
  const report = reportOf(a);
  const mentions = [];
  for (const [id, r] of refs) {
    if (!r.ref.id) continue;
    const spans = r.entity.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text }));
    mentions.push({
      actorId: r.ref.id,
      key: r.key,
      entity: r.entity,
      payload: { ...report, annId: id, name: r.entity.mentions[0]?.text ?? r.entity.name, spans },
    });
  }
  const quotes = [];
  for (const q of a.quotes) {
    const r = q.speaker ? refs.get(q.speaker)?.ref : undefined;
    if (!r?.id) continue;
    quotes.push({
      actorId: r.id,
      payload: {
        ...report,
        annId: q.id,
        kind: q.kind,
        quote: { start: q.start, end: q.end, text: q.text },
        cue: q.cue,
      },
    });
  }
  const claims = [];
  for (const { point } of claimPoints(a)) {
    if (point.source?.id) claims.push({ actorId: point.source.id, payload: point });
  }
  return { mentions, quotes, claims };
}

function keysOf(refs: readonly ActorRef[]): Set<string> {
  return new Set(refs.map((r) => r.id ?? `name:${r.name.toLowerCase()}`));
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** CAMEO root: the first two digits of a CAMEO code. */
export function cameoRoot(cameo: string | null): string | null {
  return cameo && /^\d{2}/.test(cameo) ? cameo.slice(0, 2) : null;
}

/**
 * Deduplicates the event mentions of one cluster into corpus events: two mentions are one event when they have
 * the same PLOVER type, compatible dates (equal, or one unknown), a shared actor (or both without actors)
 * and compatible targets (a shared one, or one side without). Mentions are taken oldest report first, so an
 * event's id (from its first report) stays the same as later reports join it.
 */
export function dedupEvents(
  clusterId: string,
  mentions: readonly EventMentionPayload[],
): CorpusEventDetail[] {
  const sorted = [...mentions].sort(
    (x, y) =>
      (x.published ?? '').localeCompare(y.published ?? '') ||
      x.articleId.localeCompare(y.articleId) ||
      x.annId.localeCompare(y.annId, 'en', { numeric: true }),
  );
  const groups: {
    head: EventMentionPayload;
    actors: Set<string>;
    targets: Set<string>;
    items: EventMentionPayload[];
  }[] = [];
  for (const m of sorted) {
    const actors = keysOf(m.actors);
    const targets = keysOf(m.targets);
    const g = groups.find(
      (g) =>
        g.head.type === m.type &&
        (!g.head.date || !m.date || g.head.date.slice(0, 10) === m.date.slice(0, 10)) &&
        (intersects(g.actors, actors) || (g.actors.size === 0 && actors.size === 0)) &&
        (g.targets.size === 0 || targets.size === 0 || intersects(g.targets, targets)),
    );
    if (g) {
      g.items.push(m);
      for (const x of actors) g.actors.add(x);
      for (const x of targets) g.targets.add(x);
    } else groups.push({ head: m, actors, targets, items: [m] });
  }
  return groups.map((g) => {
    const h = g.head;
    const uniq = (refs: ActorRef[]) => {
      const seen = new Map<string, ActorRef>();
      for (const r of refs) {
        const k = r.id ?? `name:${r.name.toLowerCase()}`;
        if (!seen.has(k)) seen.set(k, r);
      }
      return [...seen.values()];
    };
    const actors = uniq(g.items.flatMap((m) => m.actors));
    const targets = uniq(g.items.flatMap((m) => m.targets));
    const countries = [
      ...new Set(
        [...actors, ...targets]
          .map((r) => r.country)
          .concat(g.items.map((m) => m.locationCountry))
          .filter((c): c is string => !!c),
      ),
    ];
    const articleIds = [...new Set(g.items.map((m) => m.articleId))];
    const sources = [...new Set(g.items.map((m) => m.source).filter((s): s is string => !!s))];
    const date = g.items.find((m) => m.date)?.date ?? null;
    return {
      id: `event:${shortHash(`${h.articleId}#${h.annId}`)}`,
      clusterId,
      type: h.type as CorpusEventDetail['type'],
      mode: g.items.find((m) => m.mode)?.mode ?? null,
      cameo: h.cameo,
      cameoRoot: cameoRoot(h.cameo),
      actors,
      targets,
      countries,
      location: g.items.find((m) => m.location)?.location ?? null,
      date,
      reportCount: g.items.length,
      articleCount: articleIds.length,
      articleIds,
      firstReport: { articleId: h.articleId, headline: h.headline, source: h.source, published: h.published },
      sources,
      mentions: g.items.map((m) => ({
        articleId: m.articleId,
        headline: m.headline,
        source: m.source,
        published: m.published,
        annId: m.annId,
        trigger: m.trigger,
        modality: m.modality,
        sentence: m.sentence,
      })),
    };
  });
}
