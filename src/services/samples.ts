import type { ArticleStore } from '../storage/index.js';
import { samplesDir } from './assets.js';
import { type IngestResult, ingest } from './ingest.js';
import type { AnalysisPool } from './pool/analysis-pool.js';

/**
 * Loads the sample desk (fictional stories written for this project, in `samples/`) into an empty store, so
 * `newsintel serve --sample` shows something on a first look. A store that already has articles is left alone.
 */
export async function loadSampleDesk(
  store: ArticleStore,
  dir: string = samplesDir(),
  pool?: AnalysisPool,
): Promise<IngestResult | null> {
  if ((await store.countArticles()) > 0) return null;
  return ingest([dir], { db: store, pool });
}
