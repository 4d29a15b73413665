import { NewsintelError } from '../core/errors.js';
import { readInput } from '../ingest/read-input.js';
import { packAnalysis, unpackText } from '../storage/codec.js';
import { type ArticleStore, annotationRows } from '../storage/store.js';
import { analyzeDocument, toAnalysis } from './analyze.js';
import { linkStoredArticle } from './corpus.js';
import { pipelineVersion } from './corpus-version.js';

const CURSOR = 'reanalyze.cursor';

/** The corpus tables `reanalyze` clears before re-linking (article rows and blocks first). */
const CORPUS_TABLES = [
  'corpus_blocks',
  'corpus_links',
  'corpus_pending',
  'corpus_actor_facts',
  'corpus_actor_aliases',
  'corpus_actors',
  'corpus_event_keys',
  'corpus_events',
  'corpus_event_mentions',
  'corpus_claims',
  'corpus_articles',
] as const;

export interface ReanalyzeOptions {
  /** Articles per page (default 100). */
  pageSize?: number;
  /** Stop after this many pages (the run can be resumed later); default: until done. */
  maxPages?: number;
  /** Start over even when an earlier run was interrupted. */
  restart?: boolean;
  onProgress?: (p: { done: number; resumedFrom: string | null }) => void;
}

export interface ReanalyzeResult {
  reanalyzed: number;
  failed: { id: string; reason: string }[];
  /** False when it stopped at `maxPages`; run again to resume. */
  finished: boolean;
  resumed: boolean;
  pipelineVersion: string;
}

/**
 * Re-runs every stored raw input with the current pipeline, replaces the stored analysis and annotations, and
 * rebuilds the corpus links, in pages keyed by article id. The cursor is kept in `corpus_state`, so an
 * interrupted run resumes where it stopped; each article is one transaction for its analysis and one for its
 * links, so a crash never leaves a half-made story.
 */
export async function reanalyze(
  store: ArticleStore,
  options: ReanalyzeOptions = {},
): Promise<ReanalyzeResult> {
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10_000) {
    throw new NewsintelError('E_OPTIONS', `reanalyze: page size must be 1–10000, got ${pageSize}`);
  }
  const db = store.db;
  const version = pipelineVersion();
  const state = await db
    .selectFrom('corpus_state')
    .select('value')
    .where('state_key', '=', CURSOR)
    .executeTakeFirst();
  let cursor = state && !options.restart ? state.value : null;
  const resumed = cursor !== null;
  if (cursor === null) {
    await db.transaction().execute(async (trx) => {
      for (const t of CORPUS_TABLES) await trx.deleteFrom(t).execute();
      await trx.deleteFrom('corpus_state').where('state_key', '=', CURSOR).execute();
      await trx.insertInto('corpus_state').values({ state_key: CURSOR, value: '' }).execute();
    });
    cursor = '';
  }
  const result: ReanalyzeResult = {
    reanalyzed: 0,
    failed: [],
    finished: false,
    resumed,
    pipelineVersion: version,
  };
  for (let pages = 0; options.maxPages === undefined || pages < options.maxPages; pages++) {
    const rows = await db
      .selectFrom('articles')
      .select(['id', 'raw_z', 'seq', 'origin'])
      .where('id', '>', cursor)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) {
      await db.deleteFrom('corpus_state').where('state_key', '=', CURSOR).execute();
      result.finished = true;
      return result;
    }
    for (const row of rows) {
      try {
        const filename = row.origin && row.origin !== 'api' ? row.origin.replace(/#\d+$/, '') : undefined;
        const raw = row.raw_z ? unpackText(row.raw_z) : '';
        const source = readInput(raw, { filename }).sources[0];
        if (!source)
          throw new NewsintelError('E_INPUT_FORMAT', 'the stored raw input no longer reads as an article');
        const analysis = toAnalysis(analyzeDocument(source));
        analysis.article.id = row.id;
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('analyses')
            .set({ body: packAnalysis(analysis), created_at: new Date().toISOString() })
            .where('article_id', '=', row.id)
            .execute();
          await trx.deleteFrom('annotation_rows').where('article_seq', '=', row.seq).execute();
          const ann = annotationRows(analysis, row.seq);
          for (let i = 0; i < ann.length; i += 400)
            await trx
              .insertInto('annotation_rows')
              .values(ann.slice(i, i + 400))
              .execute();
        });
        await linkStoredArticle(store, analysis);
        result.reanalyzed++;
      } catch (e) {
        result.failed.push({ id: row.id, reason: e instanceof Error ? e.message : String(e) });
      }
      cursor = row.id;
    }
    await db.updateTable('corpus_state').set('value', cursor).where('state_key', '=', CURSOR).execute();
    options.onProgress?.({ done: result.reanalyzed, resumedFrom: resumed ? (state?.value ?? null) : null });
  }
  return result;
}
