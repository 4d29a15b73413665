/**
 * The storage schema as Kysely table types, shared by the SQLite and PostgreSQL dialects. Columns use only
 * types both engines round-trip unchanged (text, integer, double), so repositories never branch on the
 * dialect except for full-text search. JSON is kept as text: PostgreSQL `jsonb` would reorder keys, and the
 * stored analysis must come back exactly as the public format emitted it.
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
  /** The decoded raw input, so analyses can be re-run later with a newer pipeline. */
  raw: string;
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
  /** The full analysis object as JSON text. */
  json: string;
  created_at: string;
}

/** Which analysis layer an annotation row comes from. */
export type AnnotationLayer = 'entity' | 'quote' | 'time' | 'claim' | 'event' | 'sentence' | 'repair';

/**
 * One row per annotation, generic across layers so later views (actor pages, timelines, claim tracking) can
 * query across articles without parsing analysis JSON. The full item is in `payload`.
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
  payload: string;
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

export interface Database {
  articles: ArticlesTable;
  article_origins: ArticleOriginsTable;
  feeds: FeedsTable;
  feed_items: FeedItemsTable;
  analyses: AnalysesTable;
  annotations: AnnotationsTable;
  newsintel_migrations: MigrationsTable;
}
