import type { ArticleStore } from '../storage/index.js';

export type { ArticleStore, ArticleSummary, PageOptions, SaveResult, SearchHit } from '../storage/index.js';

/**
 * Opens the store at `location` (see `storage/openStore`). The storage layer (Kysely, the database drivers)
 * loads on the first call, so commands that never open a store (`--help`) start without it.
 */
export async function openStore(location: string): Promise<ArticleStore> {
  const storage = await import('../storage/index.js');
  return storage.openStore(location);
}

/**
 * Opens the store at `location`, runs `f`, and closes the store even when `f` throws, so a CLI command never
 * leaves a SQLite handle or a PostgreSQL pool open (which would keep the process alive).
 */
export async function withStore<T>(location: string, f: (store: ArticleStore) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await f(store);
  } finally {
    await store.close();
  }
}
