/** Storage: one Kysely schema over SQLite and PostgreSQL, append-only migrations, the article repository. */

export { MIGRATIONS, type Migration, migrationChecksum } from './migrations.js';
export type { AnnotationLayer, Database } from './schema.js';
export { parseSearchQuery, toFts5, toTsQuery } from './search-query.js';
export {
  type AfterSave,
  type ArticleOrigin,
  type ArticleStore,
  type ArticleSummary,
  type BatchOutcome,
  isPostgresUrl,
  openStore,
  type PackedArticle,
  type PageOptions,
  type SaveItem,
  type SaveResult,
  type SearchHit,
  type SearchOptions,
} from './store.js';
