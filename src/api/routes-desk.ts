import type { ServerResponse } from 'node:http';
import { sql } from 'kysely';
import { NewsintelError } from '../core/errors.js';
import type { ArticleStore } from '../storage/index.js';
import { articleSummary, SUMMARY_COLUMNS } from '../storage/store.js';
import type {
  ActiveActor,
  DeskHomeResponse,
  DeskSearchResponse,
  FacetCount,
  NewCluster,
  SearchHit,
} from './desk-types.js';
import { HttpError, sendJson } from './errors.js';

/**
 * Thin read-only routes the analyst's desk needs and the corpus API does not give: the home page's
 * "new since your last visit" digest and search with facets. They read the generic annotations table, so
 * they work on any store without corpus processing.
 */

const ACTOR_TYPES = ['PERSON', 'ORG', 'GPE', 'NORP'];
/** How many ranked hits search facets are computed over (the store caps a page at 1000). */
const FACET_SCAN = 200;
/** The home digest never looks at more than this many recent articles. */
const DIGEST_WINDOW = 150;
/** Stories on the home page's "latest" list. */
const LATEST_COUNT = 20;

function isoParam(url: URL, name: string): string | null {
  const v = url.searchParams.get(name);
  if (v === null || v === '') return null;
  if (!/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+Z?)?)?)?$/.test(v)) {
    throw new NewsintelError(
      'E_USAGE',
      `api: ${name} must be an ISO date (YYYY, YYYY-MM, YYYY-MM-DD or a date-time)`,
    );
  }
  return v;
}

function textParam(url: URL, name: string): string | null {
  const v = url.searchParams.get(name);
  return v === null || v.trim() === '' ? null : v.trim();
}

function limitParam(url: URL, name: string, fallback: number, max: number): number {
  const v = url.searchParams.get(name);
  if (v === null || v === '') return fallback;
  if (!/^\d+$/.test(v) || Number(v) > max) {
    throw new NewsintelError('E_USAGE', `api: ${name} must be an integer from 0 to ${max}`);
  }
  return Number(v);
}

/**
 * Event clusters (corpus) whose first article arrived in the window: a cluster touched by the window's
 * articles is new when none of its articles was linked before `since` (on a first visit: all of them).
 */
async function newClusters(store: ArticleStore, ids: string[], since: string | null): Promise<NewCluster[]> {
  if (ids.length === 0) return [];
  const rows = (
    await sql<{
      cluster_id: string;
      first: string;
      articles: number;
      sources: number;
      first_article: string;
    }>`
      SELECT c.cluster_id, min(c.linked_at) AS first, count(*) AS articles, count(DISTINCT c.agency) AS sources,
             min(c.article_id) AS first_article
      FROM corpus_articles c
      WHERE c.cluster_id IN (SELECT w.cluster_id FROM corpus_articles w WHERE w.article_id IN (${sql.join(ids)}))
      GROUP BY c.cluster_id
      ${since ? sql`HAVING min(c.linked_at) > ${since}` : sql``}
      ORDER BY count(*) DESC, min(c.linked_at) DESC, c.cluster_id
      LIMIT 10`.execute(store.db)
  ).rows;
  const heads = rows.length
    ? await store.db
        .selectFrom('articles')
        .select(['id', 'headline'])
        .where(
          'id',
          'in',
          rows.map((r) => r.first_article),
        )
        .execute()
    : [];
  const headline = new Map(heads.map((h) => [h.id, h.headline]));
  return rows.map((r) => ({
    id: r.cluster_id,
    headline: headline.get(r.first_article) ?? null,
    articleId: r.first_article,
    articles: Number(r.articles),
    sources: Number(r.sources),
  }));
}

type SummaryRow = {
  id: string;
  headline: string | null;
  source: string | null;
  published: string | null;
  dateline: string | null;
  version_tag: string | null;
  version_number: number | null;
  origin: string | null;
  ingested_at: string;
};

/**
 * The digest window: articles ingested after `since`, newest first, at most `digestWindow` (on a first
 * visit, the last 100), and how many there are in all. Both read the `articles_ingested` index (migration
 * 0050): the window is a short index walk and the count an index range, never a pass over the big rows.
 */
export async function recentArticles(
  store: ArticleStore,
  since: string | null,
  digestWindow = DIGEST_WINDOW,
): Promise<{ rows: SummaryRow[]; newCount: number }> {
  let recent = store.db
    .selectFrom('articles')
    .select(SUMMARY_COLUMNS)
    .orderBy('ingested_at', 'desc')
    .orderBy('id')
    .limit(since ? digestWindow : 100);
  if (since) recent = recent.where('ingested_at', '>', since);
  const rows = (await recent.execute()) as SummaryRow[];
  const newCount =
    since && rows.length === digestWindow
      ? Number(
          (
            await store.db
              .selectFrom('articles')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('ingested_at', '>', since)
              .executeTakeFirstOrThrow()
          ).n,
        )
      : since
        ? rows.length
        : 0;
  return { rows, newCount };
}

async function deskHome(store: ArticleStore, url: URL): Promise<DeskHomeResponse> {
  const since = isoParam(url, 'since');
  const [latest, total] = await Promise.all([
    // The store's own list order (dated newest first, then undated), read through its indexes (migration 0050).
    store.listArticles({ limit: LATEST_COUNT }),
    store.countArticles(),
  ]);
  const { rows, newCount } = await recentArticles(store, since);
  const ids = rows.map((r) => r.id);
  const isUpdate = (r: (typeof rows)[number]) =>
    (r.version_number !== null && r.version_number > 1) ||
    /\b(update|corrected|ld)\b/i.test(r.version_tag ?? '');
  let activeActors: ActiveActor[] = [];
  if (ids.length > 0) {
    // Articles first, then each one's entity rows by primary key (article_id, layer): CROSS JOIN keeps
    // SQLite from scanning the whole (layer, type) index, which grows with the store, not with the window.
    const found = (
      await sql<{
        label: string | null;
        type: string | null;
        country: string | null;
        articles: number;
        mentions: number;
      }>`
        SELECT a.label, a.type, max(a.country) AS country, count(DISTINCT a.article_id) AS articles,
               count(*) AS mentions
        FROM articles r CROSS JOIN annotations a
        WHERE r.id IN (${sql.join(ids)}) AND a.article_id = r.id AND a.layer = 'entity'
          AND a.type IN (${sql.join(ACTOR_TYPES)})
        GROUP BY a.label, a.type
        ORDER BY count(DISTINCT a.article_id) DESC, count(*) DESC, a.label
        LIMIT 10`.execute(store.db)
    ).rows;
    activeActors = found.map((r) => ({
      name: r.label ?? '',
      type: r.type ?? '',
      country: r.country,
      articles: Number(r.articles),
      mentions: Number(r.mentions),
    }));
  }
  return {
    latest,
    total,
    since,
    newClusters: await newClusters(store, ids, since),
    newArticles: newCount,
    newStories: rows
      .filter((r) => !isUpdate(r))
      .slice(0, 20)
      .map(articleSummary),
    updatedStories: rows.filter(isUpdate).slice(0, 20).map(articleSummary),
    activeActors,
  };
}

function count(map: Map<string, number>, key: string | null | undefined): void {
  if (!key) return;
  map.set(key, (map.get(key) ?? 0) + 1);
}

function top(map: Map<string, number>, n: number, byKey = false): FacetCount[] {
  const list = [...map].map(([value, c]) => ({ value, count: c }));
  list.sort((a, b) =>
    byKey ? b.value.localeCompare(a.value) : b.count - a.count || a.value.localeCompare(b.value),
  );
  return list.slice(0, n);
}

/**
 * The `FACET_SCAN` best hits, ranked without snippets: on SQLite a snippet re-reads and re-tokenizes the
 * article, so making 200 of them cost more than the ranking; only the shown page gets them (`withSnippets`).
 */
async function rankedHits(store: ArticleStore, q: string): Promise<SearchHit[]> {
  return store.search(q, { limit: FACET_SCAN, snippets: false });
}

/** The snippets and highlights of the shown page of hits, in one query. */
async function withSnippets(store: ArticleStore, q: string, hits: SearchHit[]): Promise<SearchHit[]> {
  const snips = await store.snippets(
    q,
    hits.map((h) => h.id),
  );
  return hits.map((h) => ({ ...h, ...(snips.get(h.id) ?? { snippet: '', highlights: [] }) }));
}

async function deskSearch(store: ArticleStore, url: URL): Promise<DeskSearchResponse> {
  const q = url.searchParams.get('q');
  if (q === null || q.trim() === '')
    throw new NewsintelError('E_USAGE', 'api: the query parameter q is required');
  const filters = {
    source: textParam(url, 'source'),
    from: isoParam(url, 'from'),
    to: isoParam(url, 'to'),
    actor: textParam(url, 'actor'),
    type: textParam(url, 'type'),
  };
  const limit = limitParam(url, 'limit', 20, 100);
  const offset = limitParam(url, 'offset', 0, FACET_SCAN);
  const ranked = await rankedHits(store, q);
  const actorsOf = new Map<string, Set<string>>();
  const typesOf = new Map<string, Set<string>>();
  if (ranked.length > 0) {
    // Same access path as the home digest: the hits' rows by primary key, never a scan of a layer index.
    const rows = (
      await sql<{ article_id: string; layer: string; type: string | null; label: string | null }>`
        SELECT a.article_id, a.layer, a.type, a.label
        FROM articles r CROSS JOIN annotations a
        WHERE r.id IN (${sql.join(ranked.map((h) => h.id))}) AND a.article_id = r.id
          AND (a.layer = 'event' OR (a.layer = 'entity' AND a.type IN (${sql.join(ACTOR_TYPES)})))`.execute(
        store.db,
      )
    ).rows;
    for (const r of rows) {
      const target = r.layer === 'event' ? typesOf : actorsOf;
      const key = r.layer === 'event' ? r.type : r.label;
      if (!key) continue;
      const set = target.get(r.article_id) ?? new Set<string>();
      set.add(key);
      target.set(r.article_id, set);
    }
  }
  const day = (h: SearchHit) => (h.published ?? '').slice(0, 10);
  const kept = ranked.filter(
    (h) =>
      (!filters.source || h.source === filters.source) &&
      (!filters.from || (day(h) !== '' && day(h) >= filters.from)) &&
      (!filters.to || (day(h) !== '' && day(h) <= `${filters.to}\uffff`)) &&
      (!filters.actor || actorsOf.get(h.id)?.has(filters.actor)) &&
      (!filters.type || typesOf.get(h.id)?.has(filters.type)),
  );
  const source = new Map<string, number>();
  const month = new Map<string, number>();
  const actor = new Map<string, number>();
  const eventType = new Map<string, number>();
  for (const h of kept) {
    count(source, h.source);
    count(month, h.published?.slice(0, 7));
    for (const a of actorsOf.get(h.id) ?? []) count(actor, a);
    for (const t of typesOf.get(h.id) ?? []) count(eventType, t);
  }
  return {
    query: q,
    hits: await withSnippets(store, q, kept.slice(offset, offset + limit)),
    total: kept.length,
    scanned: ranked.length,
    limit,
    offset,
    facets: {
      source: top(source, 12),
      month: top(month, 24, true),
      actor: top(actor, 15),
      eventType: top(eventType, 19),
    },
    filters,
  };
}

/**
 * Handles `/api/desk/home` and `/api/desk/search`; returns false for any other route so the caller can
 * answer 404. GET only (HEAD too).
 */
export async function deskRoute(
  store: ArticleStore,
  method: string,
  route: string,
  url: URL,
  res: ServerResponse,
): Promise<boolean> {
  if (route !== '/api/desk/home' && route !== '/api/desk/search') return false;
  if (method !== 'GET' && method !== 'HEAD') {
    throw new HttpError(405, 'E_METHOD', `api: ${route} accepts GET only`);
  }
  if (route === '/api/desk/home') sendJson(res, 200, await deskHome(store, url));
  else sendJson(res, 200, await deskSearch(store, url));
  return true;
}
