import type { Generated } from 'kysely';

/**
 * The storage schema as Kysely table types, shared by the SQLite and PostgreSQL dialects. Columns use only
 * types both engines round-trip unchanged (text, integer, double, bytes: BLOB/bytea as Buffer), so repositories
 * never branch on the dialect except for full-text search. JSON is kept as (compressed) text, not `jsonb`,
 * which would reorder keys: the stored analysis must come back exactly as the public format emitted it.
 */
export interface ArticlesTable {
  /** `sha256:…` of the raw input (see `articleId`), so re-ingesting the same input is a no-op. */
  id: string;
  source: string | null;
  url: string | null;
  published: string | null;
  headline: string | null;
  byline: string | null;
  dateline: string | null;
  version_tag: string | null;
  version_number: number | null;
  /** The repaired body text (the text every span indexes into). */
  text: string;
  /**
   * The decoded raw input, brotli-compressed (`packText`/`unpackText` in `codec.ts`), so analyses can be re-run
   * later with a newer pipeline. Null only in rows written before migration 0020 finished (never after it).
   */
  raw_z: Uint8Array | null;
  /** A compact integer number per article (assigned at insert): the key of `annotation_rows`. */
  seq: Generated<number>;
  /** `sha256:…` of the repaired text: the same story read from two formats shares it (for dedup views). */
  content_hash: string;
  /** Where the article came from: a file path (with `#record` for JSONL), `api`, or null. */
  origin: string | null;
  ingested_at: string;
}

export interface AnalysesTable {
  article_id: string;
  /** The analysis format version (`newsintel.analysis/1`). */
  format: string;
  /**
   * The full analysis object, compressed, without `article.text` (which `articles.text` holds); read it with
   * `unpackAnalysis(body, text)` from `codec.ts`.
   */
  body: Uint8Array;
  created_at: string;
}

/** Which analysis layer an annotation row comes from. */
export type AnnotationLayer = 'entity' | 'quote' | 'time' | 'claim' | 'event' | 'sentence' | 'repair';

/**
 * One row per annotation, generic across layers so later views (actor pages, timelines, claim tracking) can
 * query across articles without parsing analysis JSON; the full item is in the analysis (by `ann_id`). Since
 * migration 0020 this is a view over `annotation_rows` (same columns; inserts and deletes go through triggers).
 */
export interface AnnotationsTable {
  article_id: string;
  layer: AnnotationLayer;
  /** The item's id inside the analysis (`e1`, `q2`, …; `s0`, `r0` for sentences and repairs). */
  ann_id: string;
  /** Span in the article text (first mention for entities, trigger for events). */
  start: number;
  end: number;
  /** Entity type, quote kind, time type, claim qualifier, event type, repair kind; null for sentences. */
  type: string | null;
  /** Entity name, quote/time/claim text, event trigger text, repair `after`. */
  label: string | null;
  /** Time value, claim value, event date, entity role. */
  value: string | null;
  /** Entity knowledge-base id; quote speaker / claim source entity id for joins. */
  kb: string | null;
  /** Entity country (ISO alpha-3). */
  country: string | null;
}

/** The stored annotation rows behind the `annotations` view, keyed by `articles.seq` instead of the id. */
export interface AnnotationRowsTable extends Omit<AnnotationsTable, 'article_id'> {
  article_seq: number;
}

export interface MigrationsTable {
  id: string;
  checksum: string;
  applied_at: string;
}

/** Every input that yielded an article: dedup by content keeps one article and records each origin. */
export interface ArticleOriginsTable {
  article_id: string;
  /** A file path (with `#n` for the n-th record), a URL, `api`, or `feed:<feed url>`. */
  origin: string;
  first_seen: string;
}

/** A feed subscription, with its conditional-GET validators and error state (for backoff). */
export interface FeedsTable {
  url: string;
  title: string | null;
  site_url: string | null;
  etag: string | null;
  last_modified: string | null;
  /** 1 when the SSRF guard is opened for this feed and its links (`feed add --allow-private`). */
  allow_private: number;
  added_at: string;
  last_checked_at: string | null;
  last_success_at: string | null;
  /** Not polled before this time (backoff after errors); null = due. */
  next_check_at: string | null;
  /** Consecutive failed polls; 0 after a success. */
  error_count: number;
  last_error: string | null;
}

/** One item seen in a feed: stored, or failed (retried up to a limit). */
export interface FeedItemsTable {
  feed_url: string;
  /** The item's guid/id, else its link. */
  item_key: string;
  link: string | null;
  article_id: string | null;
  status: 'stored' | 'failed';
  attempts: number;
  error: string | null;
  seen_at: string;
}

/** Corpus: one row per linked article (`src/corpus/linker.ts`); `features` is the linker's JSON. */
export interface CorpusArticlesTable {
  article_id: string;
  agency: string | null;
  published: string | null;
  day: number;
  version_number: number | null;
  claims_update: number;
  features: string;
  story_id: string;
  cluster_id: string;
  pipeline_version: string;
  linker_version: string;
  linked_at: string;
}

/** Corpus blocking keys (MinHash bands, actors) by day, so linking never compares all pairs. */
export interface CorpusBlocksTable {
  block_key: string;
  day: number;
  article_id: string;
}

/** Version links (`kind` = `version`, `article_a` earlier) and same-event links (`kind` = `event`). */
export interface CorpusLinksTable {
  article_a: string;
  article_b: string;
  kind: string;
  score: number;
  signals: string;
}

/** Articles that announce an update whose predecessor is not stored yet. */
export interface CorpusPendingTable {
  article_id: string;
  reason: string;
  since: string;
}

export interface CorpusActorsTable {
  id: string;
  actor_key: string;
  name: string;
  name_lower: string;
  type: string;
  kb: string | null;
  country: string | null;
  role: string | null;
  first_seen: string | null;
  last_seen: string | null;
  mention_count: number;
  article_count: number;
}

export interface CorpusActorAliasesTable {
  actor_id: string;
  alias: string;
  alias_lower: string;
  n: number;
}

/** An actor's mentions, quotes and claims per article (`layer`), payload as JSON. */
export interface CorpusActorFactsTable {
  actor_id: string;
  article_id: string;
  layer: string;
  ann_id: string;
  published: string | null;
  payload: string;
}

export interface CorpusEventMentionsTable {
  article_id: string;
  ann_id: string;
  cluster_id: string;
  event_id: string | null;
  payload: string;
}

export interface CorpusEventsTable {
  id: string;
  cluster_id: string;
  type: string;
  day: number | null;
  date: string | null;
  report_count: number;
  article_count: number;
  payload: string;
}

/** Filter keys of a corpus event (`actor:<id>`, `country:<ISO>`), for event queries. */
export interface CorpusEventKeysTable {
  event_id: string;
  event_key: string;
  day: number | null;
}

export interface CorpusClaimsTable {
  article_id: string;
  ann_id: string;
  series_id: string;
  subject_lower: string;
  published: string | null;
  payload: string;
}

/** Small corpus bookkeeping values (the `reanalyze` cursor). */
export interface CorpusStateTable {
  state_key: string;
  value: string;
}

/** Events and reports per PLOVER type and day (`NO_DAY` for undated events), kept by triggers (0050). */
export interface CorpusEventCountsTable {
  type: string;
  day: number;
  events: number;
  reports: number;
}

/** One row per claim series: its subject and number of points, kept by triggers (0050). */
export interface CorpusClaimSeriesTable {
  series_id: string;
  subject_lower: string;
  points: number;
}

export interface Database {
  articles: ArticlesTable;
  article_origins: ArticleOriginsTable;
  feeds: FeedsTable;
  feed_items: FeedItemsTable;
  analyses: AnalysesTable;
  annotations: AnnotationsTable;
  annotation_rows: AnnotationRowsTable;
  newsintel_migrations: MigrationsTable;
  corpus_articles: CorpusArticlesTable;
  corpus_blocks: CorpusBlocksTable;
  corpus_links: CorpusLinksTable;
  corpus_pending: CorpusPendingTable;
  corpus_actors: CorpusActorsTable;
  corpus_actor_aliases: CorpusActorAliasesTable;
  corpus_actor_facts: CorpusActorFactsTable;
  corpus_event_mentions: CorpusEventMentionsTable;
  corpus_events: CorpusEventsTable;
  corpus_event_keys: CorpusEventKeysTable;
  corpus_claims: CorpusClaimsTable;
  corpus_state: CorpusStateTable;
  corpus_event_counts: CorpusEventCountsTable;
  corpus_claim_series: CorpusClaimSeriesTable;
}
