import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ArticleStore } from '../storage/index.js';

/**
 * Writes every stored analysis to `out` as JSONL (one analysis object per line, the public format), newest
 * first, in pages so memory stays flat however large the store is. Honours backpressure. Returns the count.
 */
export async function exportJsonl(store: ArticleStore, out: Writable, pageSize = 100): Promise<number> {
  let offset = 0;
  let count = 0;
  for (;;) {
    const page = await store.listArticles({ limit: pageSize, offset });
    for (const summary of page) {
      const analysis = await store.getArticle(summary.id);
      if (!analysis) continue; // deleted between list and read
      if (!out.write(`${JSON.stringify(analysis)}\n`)) await once(out, 'drain');
      count++;
    }
    if (page.length < pageSize) return count;
    offset += pageSize;
  }
}
