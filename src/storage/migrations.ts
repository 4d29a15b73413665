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
 * Ingest tables, the same SQL in both dialects. `article_origins` records every input that yielded an
 * article (a `.txt` file and a `.jsonl` record with the same repaired text are one article with two
 * origins), seeded from `articles.origin`. `feeds` holds subscriptions with their conditional-GET validators
 * and error state; `feed_items` remembers which items were read, so a poll fetches only new links.
 */
const INGEST_TABLES: readonly string[] = [
  `CREATE TABLE article_origins (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        origin TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (article_id, origin)
      )`,
  'CREATE INDEX article_origins_origin ON article_origins (origin)',
  `INSERT INTO article_origins (article_id, origin, first_seen)
        SELECT id, origin, ingested_at FROM articles WHERE origin IS NOT NULL`,
  `CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        site_url TEXT,
        etag TEXT,
        last_modified TEXT,
        allow_private INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        last_checked_at TEXT,
        last_success_at TEXT,
        next_check_at TEXT,
        error_count INTEGER NOT NULL,
        last_error TEXT
      )`,
  `CREATE TABLE feed_items (
        feed_url TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        link TEXT,
        article_id TEXT,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        error TEXT,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_url, item_key)
      )`,
  'CREATE INDEX feed_items_article ON feed_items (article_id)',
];

/**
 * Corpus tables (story versions, same-event clusters, actors, deduplicated events, claim series), the same SQL
 * in both dialects except the floating-point type. Written by the corpus linker (`src/corpus/linker.ts`).
 */
function corpusTables(real: string): string[] {
  return [
    `CREATE TABLE corpus_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        agency TEXT,
        published TEXT,
        day INTEGER NOT NULL,
        version_number INTEGER,
        claims_update INTEGER NOT NULL,
        features TEXT NOT NULL,
        story_id TEXT NOT NULL,
        cluster_id TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        linker_version TEXT NOT NULL,
        linked_at TEXT NOT NULL
      )`,
    'CREATE INDEX corpus_articles_story ON corpus_articles (story_id)',
    'CREATE INDEX corpus_articles_cluster ON corpus_articles (cluster_id)',
    'CREATE INDEX corpus_articles_day ON corpus_articles (day)',
    `CREATE TABLE corpus_blocks (
        block_key TEXT NOT NULL,
        day INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (block_key, article_id)
      )`,
    'CREATE INDEX corpus_blocks_key_day ON corpus_blocks (block_key, day)',
    'CREATE INDEX corpus_blocks_article ON corpus_blocks (article_id)',
    `CREATE TABLE corpus_links (
        article_a TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        article_b TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        score ${real} NOT NULL,
        signals TEXT NOT NULL,
        PRIMARY KEY (article_a, article_b, kind)
      )`,
    'CREATE INDEX corpus_links_b ON corpus_links (article_b)',
    `CREATE TABLE corpus_pending (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        since TEXT NOT NULL
      )`,
    `CREATE TABLE corpus_actors (
        id TEXT PRIMARY KEY,
        actor_key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        name_lower TEXT NOT NULL,
        type TEXT NOT NULL,
        kb TEXT,
        country TEXT,
        role TEXT,
        first_seen TEXT,
        last_seen TEXT,
        mention_count INTEGER NOT NULL,
        article_count INTEGER NOT NULL
      )`,
    'CREATE INDEX corpus_actors_name ON corpus_actors (name_lower)',
    `CREATE TABLE corpus_actor_aliases (
        actor_id TEXT NOT NULL,
        alias TEXT NOT NULL,
        alias_lower TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (actor_id, alias)
      )`,
    'CREATE INDEX corpus_actor_aliases_lower ON corpus_actor_aliases (alias_lower)',
    `CREATE TABLE corpus_actor_facts (
        actor_id TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        layer TEXT NOT NULL,
        ann_id TEXT NOT NULL,
        published TEXT,
        payload TEXT NOT NULL,
        PRIMARY KEY (actor_id, article_id, layer, ann_id)
      )`,
    'CREATE INDEX corpus_actor_facts_actor ON corpus_actor_facts (actor_id, layer, published)',
    'CREATE INDEX corpus_actor_facts_article ON corpus_actor_facts (article_id)',
    `CREATE TABLE corpus_event_mentions (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        ann_id TEXT NOT NULL,
        cluster_id TEXT NOT NULL,
        event_id TEXT,
        payload TEXT NOT NULL,
        PRIMARY KEY (article_id, ann_id)
      )`,
    'CREATE INDEX corpus_event_mentions_cluster ON corpus_event_mentions (cluster_id)',
    'CREATE INDEX corpus_event_mentions_event ON corpus_event_mentions (event_id)',
    `CREATE TABLE corpus_events (
        id TEXT PRIMARY KEY,
        cluster_id TEXT NOT NULL,
        type TEXT NOT NULL,
        day INTEGER,
        date TEXT,
        report_count INTEGER NOT NULL,
        article_count INTEGER NOT NULL,
        payload TEXT NOT NULL
      )`,
    'CREATE INDEX corpus_events_cluster ON corpus_events (cluster_id)',
    'CREATE INDEX corpus_events_type_day ON corpus_events (type, day)',
    'CREATE INDEX corpus_events_day ON corpus_events (day)',
    `CREATE TABLE corpus_event_keys (
        event_id TEXT NOT NULL,
        event_key TEXT NOT NULL,
        day INTEGER,
        PRIMARY KEY (event_key, event_id)
      )`,
    'CREATE INDEX corpus_event_keys_event ON corpus_event_keys (event_id)',
    `CREATE TABLE corpus_claims (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        ann_id TEXT NOT NULL,
        series_id TEXT NOT NULL,
        subject_lower TEXT NOT NULL,
        published TEXT,
        payload TEXT NOT NULL,
        PRIMARY KEY (article_id, ann_id)
      )`,
    'CREATE INDEX corpus_claims_series ON corpus_claims (series_id)',
    'CREATE INDEX corpus_claims_subject ON corpus_claims (subject_lower)',
    'CREATE TABLE corpus_state (state_key TEXT PRIMARY KEY, value TEXT NOT NULL)',
  ];
}

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
  {
    id: '0010_corpus',
    description: 'corpus: story versions, same-event clusters, actors, deduplicated events, claim series',
    sqlite: corpusTables('REAL'),
    postgres: corpusTables('DOUBLE PRECISION'),
  },
  {
    id: '0030_ingest_origins_feeds',
    description: 'article origins (one article, many inputs: dedup by content), feed subscriptions and items',
    sqlite: INGEST_TABLES,
    postgres: INGEST_TABLES,
  },
]);

/** A stable checksum of a migration's content (id and both dialects' statements). */
export function migrationChecksum(m: Migration): string {
  const body = JSON.stringify({ id: m.id, sqlite: m.sqlite, postgres: m.postgres });
  return createHash('sha256').update(body, 'utf8').digest('hex');
}
