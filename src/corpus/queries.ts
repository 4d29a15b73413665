import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { NewsintelError } from '../core/errors.js';
import type { Analysis } from '../core/types.js';
import { unpackAnalysis } from '../storage/codec.js';
import { NO_DAY } from '../storage/migrations.js';
import type { Database } from '../storage/schema.js';
import { versionDiff } from './diff.js';
import type { EventMentionPayload } from './facts.js';
import { dayOf } from './features.js';
import type {
  ActorMention,
  ActorQuote,
  ActorRef,
  ActorResponse,
  ActorSummary,
  ClaimPoint,
  ClaimSeries,
  ClaimSeriesResponse,
  ClusterResponse,
  CorpusEvent,
  CorpusEventDetail,
  EventsResponse,
  MetActor,
  NetworkEdge,
  NetworkResponse,
  Page,
  StoryResponse,
  StoryVersion,
  TimelinePoint,
  VersionLink,
} from './types.js';

type Db = Kysely<Database>;

/** PostgreSQL or SQLite: the prefix search and a few orderings are written per engine. */
function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * A case-folded prefix match that an index can serve: SQLite's LIKE ignores ASCII case and so cannot use a
 * plain index, while GLOB (case-sensitive, on an already lower-cased column) can; PostgreSQL's LIKE uses the
 * `text_pattern_ops` indexes of migration 0050.
 */
function prefixMatch(db: Db, column: string, needle: string) {
  if (isPostgres(db)) {
    const like = `${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return sql<boolean>`${sql.ref(column)} LIKE ${like} ESCAPE '\\'`;
  }
  const glob = `${needle.replace(/[*?[]/g, (c) => `[${c}]`)}*`;
  return sql<boolean>`${sql.ref(column)} GLOB ${glob}`;
}

/** Paging of corpus lists, validated once: limit 1–1000 (default 20), offset ≥ 0. */
export interface PageOptions {
  limit?: number;
  offset?: number;
}

function page(o: PageOptions = {}): { limit: number; offset: number } {
  const limit = o.limit ?? 20;
  const offset = o.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new NewsintelError('E_OPTIONS', `corpus: limit must be an integer from 1 to 1000, got ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new NewsintelError('E_OPTIONS', `corpus: offset must be a non-negative integer, got ${offset}`);
  }
  return { limit, offset };
}

/** A date filter: `YYYY-MM-DD` (or a longer ISO string), else a clear error. */
export function parseDay(v: string | null | undefined, name: string): number | null {
  if (v === null || v === undefined || v === '') return null;
  const d = /^\d{4}-\d{2}-\d{2}/.test(v) ? dayOf(v) : null;
  if (d === null)
    throw new NewsintelError('E_USAGE', `corpus: ${name} must be a date like 2024-11-01, got '${v}'`);
  return d;
}

async function analysisOf(db: Db, id: string): Promise<Analysis | null> {
  const r = await db
    .selectFrom('analyses')
    .innerJoin('articles', 'articles.id', 'analyses.article_id')
    .select(['analyses.body', 'articles.text'])
    .where('analyses.article_id', '=', id)
    .executeTakeFirst();
  return r ? unpackAnalysis(r.body, r.text) : null;
}

/** Resolves an article id, a unique article-id prefix, or a story id to a linked article. */
async function resolveArticle(
  db: Db,
  idOrStory: string,
): Promise<{ article_id: string; story_id: string } | null> {
  const direct = await db
    .selectFrom('corpus_articles')
    .select(['article_id', 'story_id'])
    .where((eb) => eb.or([eb('article_id', '=', idOrStory), eb('story_id', '=', idOrStory)]))
    .orderBy('day')
    .executeTakeFirst();
  return direct ?? null;
}

/**
 * A story: its versions oldest first, the version links, and one diff (text and facts) per link. Accepts any
 * version's article id or the story id; null when unknown.
 */
export async function getStory(db: Db, idOrStory: string): Promise<StoryResponse | null> {
  const hit = await resolveArticle(db, idOrStory);
  if (!hit) return null;
  const rows = await db
    .selectFrom('corpus_articles as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select([
      'c.article_id',
      'c.cluster_id',
      'c.pipeline_version',
      'c.version_number',
      'c.day',
      'a.headline',
      'a.source',
      'a.published',
      'a.version_tag',
      'a.version_number as tag_number',
      'a.ingested_at',
    ])
    .where('c.story_id', '=', hit.story_id)
    .execute();
  const ids = rows.map((r) => r.article_id);
  const links = await db
    .selectFrom('corpus_links')
    .selectAll()
    .where('kind', '=', 'version')
    .where('article_a', 'in', ids)
    .execute();
  // Topological order over the links, ties by date then version number.
  const rank = (r: (typeof rows)[number]) =>
    [r.published ?? '', r.version_number ?? 0, r.ingested_at] as const;
  const sorted = [...rows].sort((x, y) => {
    const a = rank(x);
    const b = rank(y);
    return a[0].localeCompare(b[0]) || a[1] - b[1] || a[2].localeCompare(b[2]);
  });
  const indeg = new Map(ids.map((i) => [i, 0]));
  for (const l of links) indeg.set(l.article_b, (indeg.get(l.article_b) ?? 0) + 1);
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < sorted.length) {
    const next =
      sorted.find((r) => !done.has(r.article_id) && (indeg.get(r.article_id) ?? 0) === 0) ??
      sorted.find((r) => !done.has(r.article_id))!;
    done.add(next.article_id);
    order.push(next.article_id);
    for (const l of links)
      if (l.article_a === next.article_id) indeg.set(l.article_b, (indeg.get(l.article_b) ?? 1) - 1);
  }
  const byId = new Map(rows.map((r) => [r.article_id, r]));
  const versions: StoryVersion[] = order.map((id, position) => {
    const r = byId.get(id)!;
    return {
      articleId: id,
      headline: r.headline,
      source: r.source,
      published: r.published,
      position,
      version: r.version_tag === null ? null : { tag: r.version_tag, number: r.tag_number },
      ingestedAt: r.ingested_at,
      pipelineVersion: r.pipeline_version,
    };
  });
  const pos = new Map(order.map((id, i) => [id, i]));
  const vlinks: VersionLink[] = links
    .map((l) => ({
      earlier: l.article_a,
      later: l.article_b,
      score: l.score,
      signals: JSON.parse(l.signals) as string[],
    }))
    .sort((x, y) => pos.get(x.later)! - pos.get(y.later)! || pos.get(x.earlier)! - pos.get(y.earlier)!);
  const cache = new Map<string, Analysis | null>();
  const load = async (id: string) => {
    if (!cache.has(id)) cache.set(id, await analysisOf(db, id));
    return cache.get(id)!;
  };
  const diffs = [];
  for (let i = 0; i + 1 < order.length; i++) {
    const a = await load(order[i]!);
    const b = await load(order[i + 1]!);
    if (a && b) diffs.push(versionDiff(a, b));
  }
  const pending = await db
    .selectFrom('corpus_pending')
    .select(['article_id', 'reason'])
    .where('article_id', 'in', ids)
    .execute();
  const first = byId.get(order[0]!)!;
  return {
    id: hit.story_id,
    requested: idOrStory,
    clusterId: first.cluster_id,
    headline: versions.map((v) => v.headline).find((h) => h) ?? null,
    versions,
    links: vlinks,
    diffs,
    pendingPredecessors: pending.map((p) => ({ articleId: p.article_id, reason: p.reason })),
  };
}

function eventOf(payload: string): CorpusEvent {
  return JSON.parse(payload) as CorpusEvent;
}

function timeline(items: { date: string | null; reports: number; articles: string[] }[]): TimelinePoint[] {
  const byDay = new Map<string, { events: number; reports: number; articles: Set<string> }>();
  for (const it of items) {
    if (!it.date) continue;
    const d = it.date.slice(0, 10);
    const cur = byDay.get(d) ?? { events: 0, reports: 0, articles: new Set<string>() };
    cur.events++;
    cur.reports += it.reports;
    for (const a of it.articles) cur.articles.add(a);
    byDay.set(d, cur);
  }
  return [...byDay]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([date, v]) => ({ date, events: v.events, reports: v.reports, articles: v.articles.size }));
}

/** A same-event cluster: its articles, stories, deduplicated events with mentions, first report and timeline. */
export async function getCluster(db: Db, id: string): Promise<ClusterResponse | null> {
  let clusterId = id;
  if (!id.startsWith('cluster:')) {
    const r = await db
      .selectFrom('corpus_articles')
      .select('cluster_id')
      .where('article_id', '=', id)
      .executeTakeFirst();
    if (!r) return null;
    clusterId = r.cluster_id;
  }
  const rows = await db
    .selectFrom('corpus_articles as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select([
      'c.article_id',
      'c.story_id',
      'a.headline',
      'a.source',
      'a.published',
      'a.version_tag',
      'a.version_number',
    ])
    .where('c.cluster_id', '=', clusterId)
    .orderBy('a.published')
    .orderBy('c.article_id')
    .execute();
  if (rows.length === 0) return null;
  const evRows = await db
    .selectFrom('corpus_events')
    .select('payload')
    .where('cluster_id', '=', clusterId)
    .execute();
  const mentionRows = await db
    .selectFrom('corpus_event_mentions')
    .select(['event_id', 'payload'])
    .where('cluster_id', '=', clusterId)
    .execute();
  const byEvent = new Map<string, EventMentionPayload[]>();
  for (const m of mentionRows) {
    if (!m.event_id) continue;
    byEvent.set(m.event_id, [
      ...(byEvent.get(m.event_id) ?? []),
      JSON.parse(m.payload) as EventMentionPayload,
    ]);
  }
  const events: CorpusEventDetail[] = evRows
    .map((r) => eventOf(r.payload))
    .map((e) => ({
      ...e,
      mentions: (byEvent.get(e.id) ?? []).map((m) => ({
        articleId: m.articleId,
        headline: m.headline,
        source: m.source,
        published: m.published,
        annId: m.annId,
        trigger: m.trigger,
        modality: m.modality,
        sentence: m.sentence,
      })),
    }))
    .sort(
      (a, b) =>
        b.reportCount - a.reportCount ||
        (a.date ?? '').localeCompare(b.date ?? '') ||
        a.id.localeCompare(b.id),
    );
  const articles = rows.map((r) => ({
    articleId: r.article_id,
    headline: r.headline,
    source: r.source,
    published: r.published,
    storyId: r.story_id,
    version: r.version_tag === null ? null : { tag: r.version_tag, number: r.version_number },
  }));
  const first = articles[0]!;
  const dates = articles.map((a) => a.published).filter((d): d is string => !!d);
  return {
    id: clusterId,
    headline: articles.map((a) => a.headline).find((h) => h) ?? null,
    articles,
    storyIds: [...new Set(rows.map((r) => r.story_id))],
    events,
    reportCount: events.reduce((n, e) => n + e.reportCount, 0),
    articleCount: articles.length,
    firstReport: {
      articleId: first.articleId,
      headline: first.headline,
      source: first.source,
      published: first.published,
    },
    sources: [...new Set(articles.map((a) => a.source).filter((s): s is string => !!s))],
    firstSeen: dates[0] ?? null,
    lastSeen: dates[dates.length - 1] ?? null,
    timeline: timeline(
      events.map((e) => ({
        date: e.date ?? e.firstReport.published,
        reports: e.reportCount,
        articles: e.articleIds,
      })),
    ),
  };
}

type ActorRow = Database['corpus_actors'];

async function summaries(db: Db, rows: ActorRow[]): Promise<ActorSummary[]> {
  if (rows.length === 0) return [];
  const aliases = await db
    .selectFrom('corpus_actor_aliases')
    .select(['actor_id', 'alias', 'n'])
    .where(
      'actor_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('n', 'desc')
    .orderBy('alias')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    kb: r.kb,
    country: r.country,
    role: r.role,
    aliases: aliases.filter((a) => a.actor_id === r.id).map((a) => a.alias),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    mentionCount: Number(r.mention_count),
    articleCount: Number(r.article_count),
  }));
}

/** Actors whose name or a seen alias starts with `q` (case-insensitive), most mentioned first. */
export async function searchActors(db: Db, q: string, options?: PageOptions): Promise<Page<ActorSummary>> {
  const { limit, offset } = page(options);
  const needle = q.trim().toLowerCase();
  if (!needle) throw new NewsintelError('E_USAGE', 'corpus: the actor query is empty');
  const matching = db
    .selectFrom('corpus_actors')
    .select('id')
    .where((eb) =>
      eb.or([
        prefixMatch(db, 'name_lower', needle),
        eb(
          'id',
          'in',
          eb
            .selectFrom('corpus_actor_aliases')
            .select('actor_id')
            .where(prefixMatch(db, 'alias_lower', needle)),
        ),
        eb('id', '=', q.trim()),
        eb('kb', '=', q.trim()),
      ]),
    );
  const total = await db
    .selectFrom('corpus_actors')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('id', 'in', matching)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('corpus_actors')
    .selectAll()
    .where('id', 'in', matching)
    .orderBy('mention_count', 'desc')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { items: await summaries(db, rows), total: Number(total.n), limit, offset };
}

async function factsPage<T>(
  db: Db,
  actorId: string,
  layer: string,
  limit: number,
  offset: number,
): Promise<Page<T>> {
  const base = db.selectFrom('corpus_actor_facts').where('actor_id', '=', actorId).where('layer', '=', layer);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  // Newest first, undated last, each part read in the order of the (actor, layer, published, article, ann)
  // index rather than sorting all of a big actor's facts.
  const rows = await base
    .where('published', 'is not', null)
    .select('payload')
    .orderBy('published', 'desc')
    .orderBy('article_id')
    .orderBy('ann_id')
    .limit(limit)
    .offset(offset)
    .execute();
  if (rows.length < limit) {
    let skip = 0;
    if (rows.length === 0) {
      const dated = await base
        .where('published', 'is not', null)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      skip = Math.max(0, offset - Number(dated.n));
    }
    rows.push(
      ...(await base
        .where('published', 'is', null)
        .select('payload')
        .orderBy('article_id')
        .orderBy('ann_id')
        .limit(limit - rows.length)
        .offset(skip)
        .execute()),
    );
  }
  return { items: rows.map((r) => JSON.parse(r.payload) as T), total: Number(total.n), limit, offset };
}

/**
 * One actor's page: summary, aliases, mentions, quotes, claims and events (each paged with the same limit and
 * offset), who they met (CONSULT events) and a per-day timeline of their events.
 */
export async function getActor(
  db: Db,
  idOrName: string,
  options?: PageOptions,
): Promise<ActorResponse | null> {
  const { limit, offset } = page(options);
  let row = await db.selectFrom('corpus_actors').selectAll().where('id', '=', idOrName).executeTakeFirst();
  if (!row) {
    row = await db
      .selectFrom('corpus_actors')
      .selectAll()
      .where((eb) => eb.or([eb('kb', '=', idOrName), eb('name_lower', '=', idOrName.toLowerCase())]))
      .orderBy('mention_count', 'desc')
      .executeTakeFirst();
  }
  if (!row) return null;
  const [summary] = await summaries(db, [row]);
  const mentions = await factsPage<ActorMention>(db, row.id, 'mention', limit, offset);
  const quotes = await factsPage<ActorQuote>(db, row.id, 'quote', limit, offset);
  const claims = await factsPage<ClaimPoint>(db, row.id, 'claim', limit, offset);
  const events = await queryEvents(db, { actor: row.id }, { limit, offset });
  const met = await metActors(db, row.id);
  return {
    ...summary!,
    mentions,
    quotes,
    claims,
    events: { items: events.items, total: events.total, limit, offset },
    met,
    timeline: await actorTimeline(db, row.id),
  };
}

/**
 * Per-day events, reports and distinct reporting articles of one actor's events, counted in SQL (the
 * articles through the event mentions) instead of reading every event's payload.
 */
async function actorTimeline(db: Db, actorId: string): Promise<TimelinePoint[]> {
  const key = `actor:${actorId}`;
  const day = sql<string>`substr(e.date, 1, 10)`;
  const perDay = await db
    .selectFrom('corpus_event_keys as k')
    .innerJoin('corpus_events as e', 'e.id', 'k.event_id')
    .select([
      day.as('d'),
      (eb) => eb.fn.countAll().as('n'),
      (eb) => eb.fn.sum<number>('e.report_count').as('r'),
    ])
    .where('k.event_key', '=', key)
    .where('e.date', 'is not', null)
    .where('e.date', '<>', '')
    .groupBy(day)
    .execute();
  const articles = await db
    .selectFrom('corpus_event_keys as k')
    .innerJoin('corpus_events as e', 'e.id', 'k.event_id')
    .innerJoin('corpus_event_mentions as m', 'm.event_id', 'e.id')
    .select([day.as('d'), (eb) => eb.fn.count('m.article_id').distinct().as('a')])
    .where('k.event_key', '=', key)
    .where('e.date', 'is not', null)
    .where('e.date', '<>', '')
    .groupBy(day)
    .execute();
  const byDay = new Map(articles.map((r) => [r.d, Number(r.a)]));
  return perDay
    .map((r) => ({ date: r.d, events: Number(r.n), reports: Number(r.r), articles: byDay.get(r.d) ?? 0 }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The actors one actor met (other actors of its CONSULT events), counted in SQL from the event keys. */
async function metActors(db: Db, actorId: string): Promise<MetActor[]> {
  const rows = (
    await sql<{
      other: string;
      weight: number | string;
      reports: number | string;
      first: string | null;
      last: string | null;
    }>`
      SELECT k2.event_key AS other, count(*) AS weight, sum(e.report_count) AS reports,
             min(CASE WHEN e.date <> '' THEN e.date END) AS first, max(CASE WHEN e.date <> '' THEN e.date END) AS last
      FROM corpus_event_keys k1
      JOIN corpus_events e ON e.id = k1.event_id
      JOIN corpus_event_keys k2 ON k2.event_id = k1.event_id AND k2.event_key <> k1.event_key
      WHERE k1.event_key = ${`actor:${actorId}`} AND e.type = 'CONSULT' AND k2.event_key LIKE 'actor:%'
      GROUP BY k2.event_key`.execute(db)
  ).rows;
  const ids = rows.map((r) => r.other.slice(6));
  const refs = new Map<string, ActorRef>();
  if (ids.length > 0)
    for (const a of await db
      .selectFrom('corpus_actors')
      .select(['id', 'name', 'country'])
      .where('id', 'in', ids)
      .execute())
      refs.set(a.id, { id: a.id, name: a.name, country: a.country });
  return rows
    .map((r) => ({
      actor: refs.get(r.other.slice(6)) ?? { id: r.other.slice(6), name: r.other.slice(6), country: null },
      weight: Number(r.weight),
      reports: Number(r.reports),
      firstDate: r.first,
      lastDate: r.last,
    }))
    .sort((a, b) => b.weight - a.weight || a.actor.name.localeCompare(b.actor.name));
}

/** Event query filters; all optional. `actor` is an actor id or a name (matched like the actor search). */
export interface EventFilters {
  type?: string | null;
  actor?: string | null;
  country?: string | null;
  from?: string | null;
  to?: string | null;
}

const PLOVER = new Set([
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'INVESTIGATE',
  'DEMAND',
  'DISAPPROVE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'MOBILIZE',
  'SANCTION',
  'COERCE',
  'ASSAULT',
  'FIGHT',
  'CRIME',
]);

async function actorIdFor(db: Db, actor: string): Promise<string | null> {
  if (actor.startsWith('actor:')) return actor;
  const hit = await searchActors(db, actor, { limit: 1 });
  return hit.items[0]?.id ?? null;
}

/**
 * Deduplicated corpus events filtered by PLOVER type, actor (as actor or target), country and date range,
 * newest first, with the deduplicated event count beside the report count over the whole query.
 */
export async function queryEvents(db: Db, f: EventFilters, options?: PageOptions): Promise<EventsResponse> {
  const { limit, offset } = page(options);
  const type = f.type ? f.type.toUpperCase() : null;
  if (type && !PLOVER.has(type))
    throw new NewsintelError(
      'E_USAGE',
      `corpus: unknown event type '${f.type}' (PLOVER types: ${[...PLOVER].join(', ')})`,
    );
  const country = f.country ? f.country.toUpperCase() : null;
  if (country && !/^[A-Z]{3}$/.test(country))
    throw new NewsintelError(
      'E_USAGE',
      `corpus: country must be an ISO alpha-3 code like FRA, got '${f.country}'`,
    );
  const from = parseDay(f.from, 'from');
  const to = parseDay(f.to, 'to');
  const query = { type, actor: f.actor ?? null, country, from: f.from ?? null, to: f.to ?? null };
  let actorId: string | null = null;
  if (f.actor) {
    actorId = await actorIdFor(db, f.actor);
    if (!actorId)
      return { items: [], total: 0, limit, offset, counts: { events: 0, reports: 0 }, byType: [], query };
  }
  let q = db.selectFrom('corpus_events as e');
  if (actorId)
    q = q.where('e.id', 'in', (eb) =>
      eb.selectFrom('corpus_event_keys').select('event_id').where('event_key', '=', `actor:${actorId}`),
    );
  if (country)
    q = q.where('e.id', 'in', (eb) =>
      eb.selectFrom('corpus_event_keys').select('event_id').where('event_key', '=', `country:${country}`),
    );
  if (type) q = q.where('e.type', '=', type);
  if (from !== null) q = q.where('e.day', '>=', from);
  if (to !== null) q = q.where('e.day', '<=', to);
  // Counts by type: from the per-(type, day) table the triggers keep, unless an actor or country narrows the
  // set (then the set is that key's events, read through the key index).
  const byKey = actorId !== null || country !== null;
  let byType: { type: string; n: unknown; r: unknown }[];
  if (byKey) {
    byType = await q
      .select([
        'e.type',
        (eb) => eb.fn.countAll().as('n'),
        (eb) => eb.fn.sum<number>('e.report_count').as('r'),
      ])
      .groupBy('e.type')
      .execute();
  } else {
    let c = db
      .selectFrom('corpus_event_counts')
      .select([
        'type',
        (eb) => eb.fn.sum<number>('events').as('n'),
        (eb) => eb.fn.sum<number>('reports').as('r'),
      ])
      .groupBy('type');
    if (type) c = c.where('type', '=', type);
    if (from !== null) c = c.where('day', '>=', from);
    if (to !== null) c = c.where('day', '<=', to);
    if (from !== null || to !== null) c = c.where('day', '>', NO_DAY);
    byType = await c.execute();
  }
  // Newest first, undated last: the dated events through the (type,) day, reports, id index, then the undated
  // ones, each page read in index order instead of sorting every match.
  const rows = await q
    .where('e.day', 'is not', null)
    .select('e.id')
    .orderBy('e.day', 'desc')
    .orderBy('e.report_count', 'desc')
    .orderBy('e.id')
    .limit(limit)
    .offset(offset)
    .execute();
  if (rows.length < limit && from === null && to === null) {
    // The page ran past the dated events: the rest of it comes from the undated ones.
    let skip = 0;
    if (rows.length === 0) {
      const dated = await q
        .where('e.day', 'is not', null)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      skip = Math.max(0, offset - Number(dated.n));
    }
    rows.push(
      ...(await q
        .where('e.day', 'is', null)
        .select('e.id')
        .orderBy('e.report_count', 'desc')
        .orderBy('e.id')
        .limit(limit - rows.length)
        .offset(skip)
        .execute()),
    );
  }
  // Ordered and paged on ids (small sort records), then the page's payloads by primary key.
  const payloads = new Map<string, string>();
  if (rows.length > 0)
    for (const r of await db
      .selectFrom('corpus_events')
      .select(['id', 'payload'])
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute())
      payloads.set(r.id, r.payload);
  const bt = byType
    .map((r) => ({ type: r.type as CorpusEvent['type'], events: Number(r.n), reports: Number(r.r) }))
    .sort((a, b) => b.events - a.events || a.type.localeCompare(b.type));
  const events = bt.reduce((n, r) => n + r.events, 0);
  return {
    items: rows.map((r) => eventOf(payloads.get(r.id)!)),
    total: events,
    limit,
    offset,
    counts: { events, reports: bt.reduce((n, r) => n + r.reports, 0) },
    byType: bt,
    query,
  };
}

/**
 * Who met whom: undirected edges from CONSULT events in the date range, heaviest first. The edges are counted
 * in SQL from the events' actor keys (pairs of `actor:` keys of one CONSULT event), so no event payload is
 * read; only the page's edges get their actors (named as in the corpus actor table).
 */
export async function network(
  db: Db,
  range: { from?: string | null; to?: string | null },
  options?: PageOptions,
): Promise<NetworkResponse> {
  const { limit, offset } = page(options);
  const from = parseDay(range.from, 'from');
  const to = parseDay(range.to, 'to');
  const dayFilter = sql.join(
    [
      sql`e.type = 'CONSULT'`,
      ...(from !== null ? [sql`e.day >= ${from}`] : []),
      ...(to !== null ? [sql`e.day <= ${to}`] : []),
    ],
    sql` AND `,
  );
  const pairs = sql`
    FROM corpus_events e
    JOIN corpus_event_keys k1 ON k1.event_id = e.id
    JOIN corpus_event_keys k2 ON k2.event_id = e.id AND k2.event_key > k1.event_key
    WHERE ${dayFilter} AND k1.event_key LIKE 'actor:%' AND k2.event_key LIKE 'actor:%'`;
  // Ties in weight and reports fall back to the pair's ids in code-unit order (as JavaScript compares).
  const byte = isPostgres(db) ? sql` COLLATE "C"` : sql``;
  // Each edge's event ids come with its counts (one pass over the CONSULT events, not one walk per edge).
  const concat = isPostgres(db) ? sql.raw('string_agg') : sql.raw('group_concat');
  const edgeRows = (
    await sql<{
      ka: string;
      kb: string;
      weight: number | string;
      reports: number | string;
      total: number | string;
      first: string | null;
      last: string | null;
      ids: string;
    }>`
      SELECT k1.event_key AS ka, k2.event_key AS kb, count(*) AS weight, sum(e.report_count) AS reports,
             count(*) OVER () AS total,
             min(CASE WHEN e.date <> '' THEN e.date END) AS first, max(CASE WHEN e.date <> '' THEN e.date END) AS last,
             ${concat}(e.id, ',' ORDER BY e.day, e.id) AS ids
      ${pairs}
      GROUP BY k1.event_key, k2.event_key
      ORDER BY count(*) DESC, sum(e.report_count) DESC, k1.event_key${byte}, k2.event_key${byte}
      LIMIT ${limit} OFFSET ${offset}`.execute(db)
  ).rows;
  let total = edgeRows.length > 0 ? Number(edgeRows[0]!.total) : 0;
  if (edgeRows.length === 0 && offset > 0) {
    const n = await sql<{ n: number | string }>`
      SELECT count(*) AS n FROM (SELECT k1.event_key, k2.event_key ${pairs} GROUP BY k1.event_key, k2.event_key) p`.execute(
      db,
    );
    total = Number(n.rows[0]?.n ?? 0);
  }
  const actorIds = [...new Set(edgeRows.flatMap((r) => [r.ka.slice(6), r.kb.slice(6)]))];
  const refs = new Map<string, ActorRef>();
  if (actorIds.length > 0) {
    for (const a of await db
      .selectFrom('corpus_actors')
      .select(['id', 'name', 'country'])
      .where('id', 'in', actorIds)
      .execute())
      refs.set(a.id, { id: a.id, name: a.name, country: a.country });
  }
  const ref = (key: string): ActorRef =>
    refs.get(key.slice(6)) ?? { id: key.slice(6), name: key.slice(6), country: null };
  const items: NetworkEdge[] = edgeRows.map((r) => ({
    a: ref(r.ka),
    b: ref(r.kb),
    weight: Number(r.weight),
    reports: Number(r.reports),
    firstDate: r.first,
    lastDate: r.last,
    eventIds: r.ids ? r.ids.split(',') : [],
  }));
  const nodes = new Map<string, { actor: ActorRef; weight: number; degree: number }>();
  for (const e of items) {
    for (const n of [e.a, e.b]) {
      const cur = nodes.get(n.id!) ?? { actor: n, weight: 0, degree: 0 };
      cur.weight += e.weight;
      cur.degree++;
      nodes.set(n.id!, cur);
    }
  }
  return {
    items,
    total,
    limit,
    offset,
    nodes: [...nodes.values()],
    query: { from: range.from ?? null, to: range.to ?? null },
  };
}

/** Claim series whose subject contains `subject` (case-insensitive), each with its points in date order. */
export async function claimSeries(
  db: Db,
  subject: string,
  options?: PageOptions,
): Promise<ClaimSeriesResponse> {
  const { limit, offset } = page(options);
  const needle = subject.trim().toLowerCase();
  if (!needle) throw new NewsintelError('E_USAGE', 'corpus: the claim subject is empty');
  const like = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // The distinct series (kept by triggers, migration 0050), not every claim, are matched and ranked.
  const series = db
    .selectFrom('corpus_claim_series')
    .where('subject_lower', 'like', sql<string>`${like} ESCAPE '\\'`);
  const [count, pageRows] = await Promise.all([
    series.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    series
      .select(['series_id', 'subject_lower'])
      .orderBy('points', 'desc')
      .orderBy('series_id')
      .limit(limit)
      .offset(offset)
      .execute(),
  ]);
  const pageIds = pageRows.map((r) => r.series_id);
  const subjectOf = new Map(pageRows.map((r) => [r.series_id, r.subject_lower]));
  const points =
    pageIds.length === 0
      ? []
      : await db
          .selectFrom('corpus_claims')
          .select(['series_id', 'payload'])
          .where('series_id', 'in', pageIds)
          .execute();
  const items: ClaimSeries[] = pageIds.map((id) => {
    const mine = points.filter((p) => p.series_id === id);
    const pts = mine
      .map((p) => JSON.parse(p.payload) as ClaimPoint)
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.articleId.localeCompare(b.articleId));
    const values = pts.map((p) => p.value).filter((v): v is number => v !== null);
    const dates = pts.map((p) => p.date).filter((d): d is string => !!d);
    return {
      id,
      subject: subjectOf.get(id) ?? '',
      unit: pts[0]?.unit ?? null,
      points: pts,
      min: values.length ? Math.min(...values) : null,
      max: values.length ? Math.max(...values) : null,
      firstDate: dates[0] ?? null,
      lastDate: dates[dates.length - 1] ?? null,
    };
  });
  return { items, total: Number(count.n), limit, offset, query: { subject } };
}
