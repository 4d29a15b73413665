import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type Insertable, Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import { NewsintelError, wrapError } from '../core/errors.js';
import type { ArticleSummary, SearchHit } from '../core/summaries.js';
import { ANALYSIS_FORMAT, type Analysis, type Span } from '../core/types.js';
import { packAnalysis, packText, unpackAnalysis, unpackText } from './codec.js';
import { migrate } from './migrate.js';
import type { Dialect } from './migrations.js';
import type { AnnotationRowsTable, Database } from './schema.js';
import { checkQueryBounds, isEmptyQuery, parseSearchQuery, toFts5, toTsQuery } from './search-query.js';

export type { ArticleSummary, SearchHit } from '../core/summaries.js';

/** The `articles` columns an article list reads (never the text, raw input or analysis). */
export const SUMMARY_COLUMNS = [
  'id',
  'headline',
  'source',
  'published',
  'dateline',
  'version_tag',
  'version_number',
  'origin',
  'ingested_at',
] as const;

/** A row of `SUMMARY_COLUMNS` as the list shape the API and the desk show. */
export function articleSummary(r: {
  id: string;
  headline: string | null;
  source: string | null;
  published: string | null;
  dateline: string | null;
  version_tag: string | null;
  version_number: number | null;
  origin: string | null;
  ingested_at: string;
}): ArticleSummary {
  return {
    id: r.id,
    headline: r.headline,
    source: r.source,
    published: r.published,
    dateline: r.dateline,
    version: r.version_tag === null ? null : { tag: r.version_tag, number: r.version_number },
    origin: r.origin,
    ingestedAt: r.ingested_at,
  };
}

export interface PageOptions {
  /** 1–1000, default 20. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

/** Search paging, and whether to make snippets (ranking without them is much cheaper on SQLite). */
export interface SearchOptions extends PageOptions {
  /** Default true; false gives every hit an empty snippet (fill the shown ones with `snippets`). */
  snippets?: boolean;
}

export interface SaveResult {
  /** The stored article's id: for a duplicate, the id of the article already stored with the same text. */
  id: string;
  status: 'stored' | 'already stored';
}

/**
 * The compressed columns of an article, made where the analysis was made (a pool worker), so that the single
 * writer does not spend its time on brotli. They must be `packText(raw)` and `packAnalysis(analysis)`.
 */
export interface PackedArticle {
  raw: Uint8Array;
  analysis: Uint8Array;
}

/** One article for `saveBatch`. */
export interface SaveItem {
  analysis: Analysis;
  raw: string;
  origin?: string | null;
  packed?: PackedArticle;
}

/** What became of one article of a batch: saved (and maybe a failed `after` step), or not saved at all. */
export type BatchOutcome =
  | { ok: true; saved: SaveResult; afterError?: unknown }
  | { ok: false; error: unknown };

/**
 * Work that belongs in the same transaction as an article's save (corpus linking), given the transaction. It
 * runs in its own savepoint: when it throws, only its own writes are undone and the article stays saved.
 */
export type AfterSave = (trx: Transaction<Database>, item: SaveItem, saved: SaveResult) => Promise<void>;

/** One input an article came from (see `article_origins`). */
export interface ArticleOrigin {
  origin: string;
  firstSeen: string;
}

/**
 * The article store: the same repository API over SQLite and PostgreSQL. Every save is one transaction
 * (article + analysis + annotations + search index), so a failing article never leaves partial rows and
 * never touches what is already stored.
 */
export interface ArticleStore {
  readonly dialect: Dialect;
  /** The Kysely handle, for views that query annotations directly. */
  readonly db: Kysely<Database>;
  /**
   * Stores one analysed article. Idempotent by content: when an article with the same repaired text (same
   * `content_hash`) or the same id is stored, nothing is written except `origin`, which is recorded for the
   * stored article, and the result is `already stored` with the stored article's id.
   */
  saveArticle(analysis: Analysis, raw: string, origin?: string | null): Promise<SaveResult>;
  /**
   * Saves several articles in one transaction, so the batch costs one commit (one disk sync) instead of one
   * or two per article: the single writer of an ingest spent most of its time waiting for syncs. Each article
   * is saved in its own savepoint, then `after` (corpus linking) runs in a nested one, so a failing article is
   * rolled back alone and is reported in its outcome (in input order), as `saveArticle` would throw for it;
   * nothing of it is half-written. Only a failing commit fails every article of the batch (then none is
   * stored). Same dedup rules as `saveArticle`.
   */
  saveBatch(items: readonly SaveItem[], after?: AfterSave): Promise<BatchOutcome[]>;
  /** Every input the article came from, oldest first. */
  listOrigins(id: string): Promise<ArticleOrigin[]>;
  /** The stored analysis object, or null. */
  getArticle(id: string): Promise<Analysis | null>;
  /** The stored raw input of an article (to re-run a newer pipeline), or null. */
  getRaw(id: string): Promise<string | null>;
  /** Newest first (by published date, then ingestion time). */
  listArticles(options?: PageOptions): Promise<ArticleSummary[]>;
  /** Ranked full-text search over headline and text; free text, never a syntax error. */
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /**
   * The snippets (with highlights) `search` would give these articles for `query`, by article id; articles
   * the query does not match are absent. Lets a caller rank many hits cheaply and make snippets for one page.
   */
  snippets(
    query: string,
    ids: readonly string[],
  ): Promise<Map<string, Pick<SearchHit, 'snippet' | 'highlights'>>>;
  countArticles(): Promise<number>;
  close(): Promise<void>;
}

/** True for a `postgres://` or `postgresql://` URL; anything else is a SQLite file path. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens (creating if needed) the store at `location` and applies pending migrations. A PostgreSQL URL selects
 * PostgreSQL; anything else is a SQLite file (`:memory:` for a throwaway one).
 */
export async function openStore(location: string): Promise<ArticleStore> {
  let db: Kysely<Database>;
  let dialect: Dialect;
  if (isPostgresUrl(location)) {
    dialect = 'postgres';
    // Loaded only for PostgreSQL, so SQLite commands do not pay for it at start-up.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: location, max: 4 });
    // Idle-client errors (server restart) must not crash the process; the next query reports them.
    pool.on('error', () => {});
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    dialect = 'sqlite';
    if (location !== ':memory:') {
      const dir = path.dirname(path.resolve(location));
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new NewsintelError('E_STORAGE', `storage: folder ${dir} does not exist (database ${location})`);
      }
    }
    let handle: SqliteDatabase.Database;
    try {
      handle = new SqliteDatabase(location);
      handle.pragma('journal_mode = WAL');
      handle.pragma('foreign_keys = ON');
      handle.pragma('busy_timeout = 5000');
    } catch (e) {
      throw wrapError(`storage: cannot open ${location}`, e);
    }
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(handle) }) });
  }
  try {
    await migrate(db, dialect);
  } catch (e) {
    await db.destroy().catch(() => {});
    throw wrapError('storage', e);
  }
  return new KyselyArticleStore(db, dialect);
}

/** Statements kept per SQLite connection (an ingest uses a few dozen distinct ones). */
const STATEMENT_CACHE = 256;

/**
 * The SQLite handle Kysely sees, with prepared statements kept by their SQL text. Kysely prepares every query
 * afresh, and compiling the statement was a large part of each small insert during an ingest (the same few
 * dozen statements, thousands of times). A statement still running (an open iterator) is never handed out
 * twice: a fresh one is prepared instead. The cache is bounded (oldest first out).
 */
export function cachedStatements(handle: SqliteDatabase.Database): {
  prepare(sql: string): SqliteDatabase.Statement;
  close(): void;
} {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    prepare(text: string): SqliteDatabase.Statement {
      const hit = cache.get(text);
      if (hit && !hit.busy) return hit;
      const stmt = handle.prepare(text);
      if (!hit) {
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
        cache.set(text, stmt);
      }
      return stmt;
    },
    close(): void {
      cache.clear();
      handle.close();
    },
  };
}

const MARK_START = '\u0002';
const MARK_END = '\u0003';

function sha256(s: string): string {
  return 'sha256:' + createHash('sha256').update(s, 'utf8').digest('hex');
}

/**
 * The largest page offset. Far beyond any real store, and small enough that both engines bind it as an
 * ordinary integer (a 1e23 offset used to surface as a 500 from the database driver).
 */
export const MAX_OFFSET = 1_000_000_000;

function page(options: PageOptions = {}): { limit: number; offset: number } {
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new NewsintelError('E_OPTIONS', `storage: limit must be an integer from 1 to 1000, got ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw new NewsintelError(
      'E_OPTIONS',
      `storage: offset must be an integer from 0 to ${MAX_OFFSET}, got ${offset}`,
    );
  }
  return { limit, offset };
}

/**
 * Turns engine snippet markers into plain text plus highlight spans (so no HTML ever comes from storage), with
 * whitespace runs (paragraph breaks) collapsed to one space so a snippet reads as one line.
 */
export function parseSnippet(marked: string): { snippet: string; highlights: Span[] } {
  let snippet = '';
  const highlights: Span[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_START) open = snippet.length;
    else if (ch === MARK_END) {
      if (open >= 0 && snippet.length > open) highlights.push({ start: open, end: snippet.length });
      open = -1;
    } else if (/\s/.test(ch)) {
      if (snippet.length > 0 && !snippet.endsWith(' ')) snippet += ' ';
    } else snippet += ch;
  }
  const trimmed = snippet.trimEnd();
  return {
    snippet: trimmed,
    highlights: highlights
      .map((h) => ({ start: h.start, end: Math.min(h.end, trimmed.length) }))
      .filter((h) => h.end > h.start),
  };
}

/**
 * One row per annotation, generic across layers, keyed by the article's `seq`; the full item stays in the
 * analysis (found by `ann_id`), never copied here.
 */
export function annotationRows(a: Analysis, seq: number): Insertable<AnnotationRowsTable>[] {
  const rows: Insertable<AnnotationRowsTable>[] = [];
  const base = { article_seq: seq, kb: null, country: null, value: null };
  a.sentences.forEach((s, i) => {
    rows.push({
      ...base,
      layer: 'sentence',
      ann_id: `s${i}`,
      start: s.start,
      end: s.end,
      type: null,
      label: null,
    });
  });
  a.repairs.forEach((r, i) => {
    rows.push({
      ...base,
      layer: 'repair',
      ann_id: `r${i}`,
      start: r.start,
      end: r.end,
      type: r.kind,
      label: r.after,
    });
  });
  for (const e of a.entities) {
    const first = e.mentions[0] ?? { start: 0, end: 0 };
    rows.push({
      ...base,
      layer: 'entity',
      ann_id: e.id,
      start: first.start,
      end: first.end,
      type: e.type,
      label: e.name,
      value: e.role,
      kb: e.kb,
      country: e.country,
    });
  }
  for (const q of a.quotes) {
    rows.push({
      ...base,
      layer: 'quote',
      ann_id: q.id,
      start: q.start,
      end: q.end,
      type: q.kind,
      label: q.text,
      value: q.speakerName,
      kb: q.speaker,
    });
  }
  for (const t of a.times) {
    rows.push({
      ...base,
      layer: 'time',
      ann_id: t.id,
      start: t.start,
      end: t.end,
      type: t.type,
      label: t.text,
      value: t.value,
    });
  }
  for (const c of a.claims) {
    rows.push({
      ...base,
      layer: 'claim',
      ann_id: c.id,
      start: c.start,
      end: c.end,
      type: c.qualifier,
      label: c.text,
      value: c.value === null ? null : String(c.value),
      kb: c.source,
    });
  }
  for (const v of a.events) {
    rows.push({
      ...base,
      layer: 'event',
      ann_id: v.id,
      start: v.trigger.start,
      end: v.trigger.end,
      type: v.type,
      label: v.trigger.text,
      value: v.date,
    });
  }
  return rows;
}

/** Records that `origin` yielded the article `id` (once per pair). */
async function addOrigin(trx: Kysely<Database>, id: string, origin: string, now: string): Promise<void> {
  await trx
    .insertInto('article_origins')
    .values({ article_id: id, origin, first_seen: now })
    .onConflict((oc) => oc.columns(['article_id', 'origin']).doNothing())
    .execute();
}

function checkAnalysis(analysis: Analysis): void {
  if (analysis?.format !== ANALYSIS_FORMAT || typeof analysis.article?.id !== 'string') {
    throw new NewsintelError('E_STORAGE', `storage: not a ${ANALYSIS_FORMAT} analysis object`);
  }
}

/** Runs `f` inside a savepoint of `trx`: released when it succeeds, rolled back (and rethrown) when it fails. */
async function inSavepoint<T>(trx: Transaction<Database>, name: string, f: () => Promise<T>): Promise<T> {
  await sql.raw(`SAVEPOINT ${name}`).execute(trx);
  try {
    const r = await f();
    await sql.raw(`RELEASE SAVEPOINT ${name}`).execute(trx);
    return r;
  } catch (e) {
    await sql.raw(`ROLLBACK TO SAVEPOINT ${name}`).execute(trx);
    await sql.raw(`RELEASE SAVEPOINT ${name}`).execute(trx);
    throw e;
  }
}

/**
 * Writes one article inside `trx` (article row, origin, analysis, annotation rows; SQLite's search index follows
 * by trigger), or records the origin of the article already stored with the same id or repaired text.
 */
async function saveIn(
  trx: Transaction<Database>,
  dialect: Dialect,
  item: SaveItem,
  now: string,
): Promise<SaveResult> {
  const { analysis, raw } = item;
  const origin = item.origin ?? null;
  const art = analysis.article;
  const contentHash = sha256(art.text);
  // Dedup by content: the same story read from two formats is one article with two origins. On
  // PostgreSQL a lock on the hash serialises concurrent writers of the same story (several workers).
  if (dialect === 'postgres') {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${contentHash}, 0))`.execute(trx);
  }
  const same = await trx
    .selectFrom('articles')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', art.id), eb('content_hash', '=', contentHash)]))
    .orderBy('ingested_at')
    .limit(1)
    .executeTakeFirst();
  if (same) {
    if (origin) await addOrigin(trx, same.id, origin, now);
    return { id: same.id, status: 'already stored' as const };
  }
  const values = {
    id: art.id,
    source: art.source,
    url: art.url,
    published: art.published,
    headline: art.headline,
    byline: art.byline,
    dateline: art.dateline,
    version_tag: art.version?.tag ?? null,
    version_number: art.version?.number ?? null,
    text: art.text,
    raw_z: item.packed?.raw ?? packText(raw),
    content_hash: contentHash,
    origin,
    ingested_at: now,
  };
  // PostgreSQL numbers articles with an identity column; SQLite (one writer) takes the next number.
  const inserted = await trx
    .insertInto('articles')
    .values(
      dialect === 'sqlite'
        ? { ...values, seq: sql<number>`(SELECT COALESCE(MAX(seq), 0) + 1 FROM articles)` }
        : values,
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('seq')
    .executeTakeFirst();
  if (!inserted) return { id: art.id, status: 'already stored' as const };
  if (origin) await addOrigin(trx, art.id, origin, now);
  await trx
    .insertInto('analyses')
    .values({
      article_id: art.id,
      format: analysis.format,
      body: item.packed?.analysis ?? packAnalysis(analysis),
      created_at: now,
    })
    .execute();
  const rows = annotationRows(analysis, Number(inserted.seq));
  // Stay well under SQLite's bound-parameter limit (10 columns per row).
  for (let i = 0; i < rows.length; i += 400) {
    await trx
      .insertInto('annotation_rows')
      .values(rows.slice(i, i + 400))
      .execute();
  }
  return { id: art.id, status: 'stored' as const };
}

class KyselyArticleStore implements ArticleStore {
  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {}

  async saveArticle(analysis: Analysis, raw: string, origin: string | null = null): Promise<SaveResult> {
    checkAnalysis(analysis);
    try {
      return await this.db
        .transaction()
        .execute((trx) => saveIn(trx, this.dialect, { analysis, raw, origin }, new Date().toISOString()));
    } catch (e) {
      throw wrapError(`storage: saving ${analysis.article.id}`, e);
    }
  }

  async saveBatch(items: readonly SaveItem[], after?: AfterSave): Promise<BatchOutcome[]> {
    if (items.length === 0) return [];
    const now = new Date().toISOString();
    const outcomes: BatchOutcome[] = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const item of items) {
          try {
            checkAnalysis(item.analysis);
          } catch (e) {
            outcomes.push({ ok: false, error: e });
            continue;
          }
          let saved: SaveResult;
          try {
            saved = await inSavepoint(trx, 'newsintel_save', () => saveIn(trx, this.dialect, item, now));
          } catch (e) {
            outcomes.push({ ok: false, error: wrapError(`storage: saving ${item.analysis.article.id}`, e) });
            continue;
          }
          let afterError: unknown;
          if (after) {
            try {
              await inSavepoint(trx, 'newsintel_after', () => after(trx, item, saved));
            } catch (e) {
              afterError = e;
            }
          }
          outcomes.push(afterError === undefined ? { ok: true, saved } : { ok: true, saved, afterError });
        }
      });
    } catch (e) {
      // The commit (or the transaction itself) failed: nothing of the batch is stored.
      const error = wrapError('storage: saving a batch', e);
      return items.map(() => ({ ok: false, error }));
    }
    return outcomes;
  }

  async listOrigins(id: string): Promise<ArticleOrigin[]> {
    const rows = await this.guard('listing origins', () =>
      this.db
        .selectFrom('article_origins')
        .select(['origin', 'first_seen'])
        .where('article_id', '=', id)
        .orderBy('first_seen')
        .orderBy('origin')
        .execute(),
    );
    return rows.map((r) => ({ origin: r.origin, firstSeen: r.first_seen }));
  }

  async getArticle(id: string): Promise<Analysis | null> {
    const row = await this.guard('reading an article', () =>
      this.db
        .selectFrom('analyses')
        .innerJoin('articles', 'articles.id', 'analyses.article_id')
        .select(['analyses.body', 'articles.text'])
        .where('analyses.article_id', '=', id)
        .executeTakeFirst(),
    );
    return row ? unpackAnalysis(row.body, row.text) : null;
  }

  async getRaw(id: string): Promise<string | null> {
    const row = await this.guard('reading a raw input', () =>
      this.db.selectFrom('articles').select('raw_z').where('id', '=', id).executeTakeFirst(),
    );
    return row?.raw_z ? unpackText(row.raw_z) : null;
  }

  async listArticles(options?: PageOptions): Promise<ArticleSummary[]> {
    const { limit, offset } = page(options);
    // Dated articles newest first, then undated ones, each part read in the order of its index (migration
    // 0050: `articles_list`, `articles_ingested`) instead of sorting the whole table for one page.
    const rows = await this.guard('listing articles', async () => {
      const dated = await this.db
        .selectFrom('articles')
        .select(SUMMARY_COLUMNS)
        .where('published', 'is not', null)
        .orderBy('published', 'desc')
        .orderBy('ingested_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .offset(offset)
        .execute();
      if (dated.length === limit) return dated;
      let skip = 0;
      if (dated.length === 0) {
        const n = await this.db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('published', 'is not', null)
          .executeTakeFirstOrThrow();
        skip = Math.max(0, offset - Number(n.n));
      }
      const undated = await this.db
        .selectFrom('articles')
        .select(SUMMARY_COLUMNS)
        .where('published', 'is', null)
        .orderBy('ingested_at', 'desc')
        .orderBy('id')
        .limit(limit - dated.length)
        .offset(skip)
        .execute();
      return dated.concat(undated);
    });
    return rows.map(articleSummary);
  }

  async search(query: string, options?: SearchOptions): Promise<SearchHit[]> {
    const { limit, offset } = page(options);
    const withSnippets = options?.snippets ?? true;
    const tooCostly = checkQueryBounds(query);
    if (tooCostly) throw new NewsintelError('E_USAGE', `storage: ${tooCostly}`);
    const parsed = parseSearchQuery(query);
    if (isEmptyQuery(parsed)) return [];
    type Row = {
      id: string;
      headline: string | null;
      published: string | null;
      source: string | null;
      dateline: string | null;
      version_tag: string | null;
      version_number: number | null;
      snippet: string | null;
      score: number | string;
    };
    const rows = await this.guard('searching', async () => {
      if (this.dialect === 'sqlite') {
        // bm25 weights per column (headline, text): a headline hit counts five times a body hit.
        const r = await sql<Row>`
          SELECT a.id, a.headline, a.published, a.source, a.dateline, a.version_tag, a.version_number,
                 ${withSnippets ? sql`snippet(articles_fts, 1, ${MARK_START}, ${MARK_END}, '…', 24)` : sql`NULL`} AS snippet,
                 -bm25(articles_fts, 5.0, 1.0) AS score
          FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
          WHERE articles_fts MATCH ${toFts5(parsed)}
          ORDER BY bm25(articles_fts, 5.0, 1.0), a.id
          LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
        return r.rows;
      }
      const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
      // Rank and page first, then build headlines only for the page (ts_headline re-parses the whole text).
      const r = await sql<Row>`
        SELECT a.id, a.headline, a.published, a.source, a.dateline, a.version_tag, a.version_number,
               ${withSnippets ? sql`ts_headline('english', a.text, to_tsquery('english', ${toTsQuery(parsed)}), ${options})` : sql`NULL`} AS snippet,
               hits.score
        FROM (
          SELECT id, ts_rank_cd(search_vector, to_tsquery('english', ${toTsQuery(parsed)})) AS score
          FROM articles
          WHERE search_vector @@ to_tsquery('english', ${toTsQuery(parsed)})
          ORDER BY score DESC, id
          LIMIT ${limit} OFFSET ${offset}
        ) hits JOIN articles a ON a.id = hits.id
        ORDER BY hits.score DESC, a.id`.execute(this.db);
      return r.rows;
    });
    return rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      published: r.published,
      source: r.source,
      dateline: r.dateline,
      version: r.version_tag === null ? null : { tag: r.version_tag, number: r.version_number },
      ...parseSnippet(r.snippet ?? ''),
      score: Number(r.score),
    }));
  }

  async snippets(
    query: string,
    ids: readonly string[],
  ): Promise<Map<string, Pick<SearchHit, 'snippet' | 'highlights'>>> {
    const out = new Map<string, Pick<SearchHit, 'snippet' | 'highlights'>>();
    const tooCostly = checkQueryBounds(query);
    if (tooCostly) throw new NewsintelError('E_USAGE', `storage: ${tooCostly}`);
    const parsed = parseSearchQuery(query);
    if (isEmptyQuery(parsed) || ids.length === 0) return out;
    const rows = await this.guard('making snippets', async () => {
      if (this.dialect === 'sqlite') {
        const r = await sql<{ id: string; snippet: string | null }>`
          SELECT a.id, snippet(articles_fts, 1, ${MARK_START}, ${MARK_END}, '…', 24) AS snippet
          FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
          WHERE articles_fts MATCH ${toFts5(parsed)}
            AND articles_fts.rowid IN (SELECT seq FROM articles WHERE id IN (${sql.join([...ids])}))`.execute(
          this.db,
        );
        return r.rows;
      }
      const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
      const r = await sql<{ id: string; snippet: string | null }>`
        SELECT a.id, ts_headline('english', a.text, to_tsquery('english', ${toTsQuery(parsed)}), ${options}) AS snippet
        FROM articles a
        WHERE a.id IN (${sql.join([...ids])}) AND a.search_vector @@ to_tsquery('english', ${toTsQuery(parsed)})`.execute(
        this.db,
      );
      return r.rows;
    });
    for (const r of rows) out.set(r.id, parseSnippet(r.snippet ?? ''));
    return out;
  }

  async countArticles(): Promise<number> {
    const row = await this.guard('counting articles', () =>
      this.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    );
    return Number(row.n);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  private async guard<T>(what: string, f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw wrapError(`storage: ${what}`, e);
    }
  }
}
