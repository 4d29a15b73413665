import { type ArticleStore, openStore } from '../storage/index.js';

export type { ArticleStore, ArticleSummary, PageOptions, SaveResult, SearchHit } from '../storage/index.js';
export { openStore };

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
