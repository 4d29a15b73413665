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

export interface Database {
  articles: ArticlesTable;
  analyses: AnalysesTable;
  annotations: AnnotationsTable;
  annotation_rows: AnnotationRowsTable;
  newsintel_migrations: MigrationsTable;
}
