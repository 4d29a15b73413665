import { createHash } from 'node:crypto';

/** The two supported engines. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * One schema change, as plain SQL per dialect. Migrations are data (not functions) so their content can be
 * checksummed: an applied migration whose text later changed is detected at open time instead of leaving
 * two databases silently different.
 */
export interface Migration {
  id: string;
  description: string;
  sqlite: readonly string[];
  postgres: readonly string[];
}

/** Article columns both dialects share; Postgres adds its generated search vector after them. */
const ARTICLE_COLUMNS = `id TEXT PRIMARY KEY,
        source TEXT,
        url TEXT,
        published TEXT,
        headline TEXT,
        byline TEXT,
        dateline TEXT,
        version_tag TEXT,
        version_number INTEGER,
        text TEXT NOT NULL,
        raw TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        origin TEXT,
        ingested_at TEXT NOT NULL`;

const ARTICLE_INDEXES = [
  'CREATE INDEX articles_published ON articles (published)',
  'CREATE INDEX articles_content_hash ON articles (content_hash)',
];

/** The analysis and annotation tables are the same SQL in both dialects. */
const ANALYSIS_TABLES = [
  `CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        format TEXT NOT NULL,
        json TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
  `CREATE TABLE annotations (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        layer TEXT NOT NULL,
        ann_id TEXT NOT NULL,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        type TEXT,
        label TEXT,
        value TEXT,
        kb TEXT,
        country TEXT,
        payload TEXT NOT NULL,
        PRIMARY KEY (article_id, layer, ann_id)
      )`,
  'CREATE INDEX annotations_layer_type ON annotations (layer, type)',
  'CREATE INDEX annotations_kb ON annotations (kb)',
  'CREATE INDEX annotations_country ON annotations (country)',
];

/**
 * The append-only migration list. Never edit, reorder or remove an entry once released; add a new one.
 * `migrations.test.ts` pins the ids and checksums (the shared fragments above render to the same text).
 */
export const MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    id: '0001_initial',
    description: 'articles, analyses, annotations, full-text index',
    sqlite: [
      `CREATE TABLE articles (
        ${ARTICLE_COLUMNS}
      )`,
      ...ARTICLE_INDEXES,
      ...ANALYSIS_TABLES,
      // Porter stemming over unicode61 tokens; see `search-query.ts` for how queries are rendered to match.
      `CREATE VIRTUAL TABLE articles_fts USING fts5 (
        article_id UNINDEXED,
        headline,
        text,
        tokenize = 'porter unicode61 remove_diacritics 2'
      )`,
    ],
    postgres: [
      `CREATE TABLE articles (
        ${ARTICLE_COLUMNS},
        search_vector TSVECTOR GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
          setweight(to_tsvector('english', text), 'B')
        ) STORED
      )`,
      ...ARTICLE_INDEXES,
      'CREATE INDEX articles_search ON articles USING GIN (search_vector)',
      ...ANALYSIS_TABLES,
    ],
  },
]);

/** A stable checksum of a migration's content (id and both dialects' statements). */
export function migrationChecksum(m: Migration): string {
  const body = JSON.stringify({ id: m.id, sqlite: m.sqlite, postgres: m.postgres });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}
