import { NewsintelError } from '../core/errors.js';
import type { Analysis } from '../core/types.js';
import type { ArticleStore, ArticleSummary, PageOptions, SearchHit } from '../storage/index.js';
import { checkQueryBounds } from '../storage/search-query.js';

/**
 * Full-text search shared by the CLI and the API. A blank query is a usage error (the edge turns it into
 * exit code 2 or HTTP 400); any other text is searched, never rejected for its syntax.
 */
export async function search(
  store: ArticleStore,
  query: string,
  options?: PageOptions,
): Promise<SearchHit[]> {
  if (typeof query !== 'string' || query.trim() === '') {
    throw new NewsintelError('E_USAGE', 'search: the query is empty');
  }
  // Bounded work: a query's cost grows with its distinct items, so over-long queries are refused up front.
  const tooCostly = checkQueryBounds(query);
  if (tooCostly) throw new NewsintelError('E_USAGE', `search: ${tooCostly}`);
  return store.search(query, options);
}

/** One stored analysis, or null when the id is unknown. */
export async function getArticle(store: ArticleStore, id: string): Promise<Analysis | null> {
  return store.getArticle(id);
}

/** Stored articles, newest first, with the total for paging. */
export async function listArticles(
  store: ArticleStore,
  options?: PageOptions,
): Promise<{ items: ArticleSummary[]; total: number }> {
  const [items, total] = await Promise.all([store.listArticles(options), store.countArticles()]);
  return { items, total };
}
