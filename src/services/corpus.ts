import type { Transaction } from 'kysely';
import type { Analysis } from '../core/types.js';
import { type LinkResult, linkArticle, linkArticleIn } from '../corpus/linker.js';
import type { LinkThresholds } from '../corpus/score.js';
import type { ArticleStore, Database } from '../storage/index.js';
import type { Dialect } from '../storage/migrations.js';
import { pipelineVersion } from './corpus-version.js';

export type { LinkResult } from '../corpus/linker.js';

/**
 * Links one stored article into the corpus (story versions, clusters, actors, events, claims) in its own
 * transaction. Called by ingest after each save, also for `already stored` articles, so an article whose
 * linking was interrupted is linked on the next ingest; linking a linked article changes nothing.
 */
export async function linkStoredArticle(
  store: ArticleStore,
  analysis: Analysis,
  thresholds?: Readonly<LinkThresholds>,
): Promise<LinkResult> {
  return linkArticle(store.db, store.dialect, analysis, { pipelineVersion: pipelineVersion(), thresholds });
}

/**
 * `linkStoredArticle` inside the transaction that saved the article (ingest: one transaction per article, and
 * one commit per batch of articles).
 */
export async function linkStoredArticleIn(
  trx: Transaction<Database>,
  dialect: Dialect,
  analysis: Analysis,
  thresholds?: Readonly<LinkThresholds>,
): Promise<LinkResult> {
  return linkArticleIn(trx, dialect, analysis, { pipelineVersion: pipelineVersion(), thresholds });
}

export {
  claimSeries,
  type EventFilters,
  getActor,
  getCluster,
  getStory,
  network,
  type PageOptions as CorpusPageOptions,
  queryEvents,
  searchActors,
} from '../corpus/queries.js';
