import type { Analysis } from '../core/types.js';
import type { AfterSave, ArticleStore, PackedArticle, SaveItem, SaveResult } from '../storage/index.js';

/** Largest batch one commit takes (bounds the work lost to a failing commit, and the transaction's length). */
export const DEFAULT_MAX_BATCH = 64;

/** One article to save, as ingest has it after analysis. */
export interface WriteRequest {
  analysis: Analysis;
  raw: string;
  origin: string | null;
  /** Compressed columns made by a pool worker (see `PackedArticle`). */
  packed?: PackedArticle;
}

/**
 * Corpus linking of a saved article, in the transaction that saved it: an article read for the first time
 * (or stored under its own id before, so an interrupted linking is finished), not a duplicate recorded under
 * another article's id. Loaded on first use: the linker pulls in the knowledge tables.
 */
export function linkAfterSave(store: ArticleStore): AfterSave {
  return async (trx, item, saved) => {
    if (saved.id !== item.analysis.article.id) return;
    const { linkStoredArticleIn } = await import('./corpus.js');
    await linkStoredArticleIn(trx, store.dialect, item.analysis);
  };
}

/**
 * The single writer of an ingest, with group commit. Each article is saved and linked in one transaction of its
 * own (a savepoint), and the articles that arrive while a commit is under way are committed together by the
 * next one: with SQLite's synchronous commits a disk sync costs several milliseconds, and two per article
 * (save, then link) were most of the writer's time, the serial part of a parallel ingest. A batch never waits
 * for more articles: when they arrive slowly each is committed at once; when the writer is behind, batches
 * grow on their own. `write` resolves once the article's batch is committed, so a reported article is stored.
 */
export class ArticleWriter {
  private readonly queue: {
    item: SaveItem;
    resolve: (r: SaveResult) => void;
    reject: (e: unknown) => void;
  }[] = [];
  private flushing = false;
  private readonly after: AfterSave;
  /** Batches committed and articles written (for benchmarks and tests). */
  readonly stats = { batches: 0, articles: 0 };

  constructor(
    private readonly store: ArticleStore,
    private readonly maxBatch = DEFAULT_MAX_BATCH,
  ) {
    this.after = linkAfterSave(store);
  }

  /**
   * Saves and links one article; rejects with the article's own error (a failed save, or a failed linking of
   * an article that stays saved, as before). Other articles of the batch are not affected.
   */
  write(req: WriteRequest): Promise<SaveResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        item: { analysis: req.analysis, raw: req.raw, origin: req.origin, packed: req.packed },
        resolve,
        reject,
      });
      if (!this.flushing) {
        this.flushing = true;
        // After the current turn of the event loop, so that results arriving together share a commit.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        let outcomes: Awaited<ReturnType<ArticleStore['saveBatch']>>;
        try {
          outcomes = await this.store.saveBatch(
            batch.map((b) => b.item),
            this.after,
          );
        } catch (e) {
          for (const b of batch) b.reject(e);
          continue;
        }
        this.stats.batches++;
        this.stats.articles += batch.length;
        batch.forEach((b, i) => {
          const o = outcomes[i]!;
          if (!o.ok) b.reject(o.error);
          else if (o.afterError !== undefined) b.reject(o.afterError);
          else b.resolve(o.saved);
        });
      }
    } finally {
      this.flushing = false;
    }
  }
}
