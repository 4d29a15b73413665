import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../core/types.js';
import { type ArticleStore, openStore } from '../storage/index.js';
import { type Backend, sqliteBackend } from '../storage/test-backends.js';
import { analyze } from './analyze.js';
import { ArticleWriter } from './article-writer.js';

/** Short fictional wire items written for this test. */
const TEXTS = [
  'The port authority of Valdoria said on Monday that grain exports rose by a tenth in October.',
  'Ostrava will reopen two border crossings next week, the interior ministry said on Tuesday.',
  'A court in Valdoria City fined a shipping firm for dumping waste near the harbour.',
];

describe('article writer (group commit)', () => {
  let b: Backend;
  let store: ArticleStore;
  beforeAll(async () => {
    b = await sqliteBackend('newsintel-writer-');
    store = await openStore(b.location);
  });
  afterAll(async () => {
    await store?.close();
    await b?.cleanup();
  });

  it('commits articles that arrive together in one batch, each saved and linked', async () => {
    const writer = new ArticleWriter(store);
    const analyses = TEXTS.map((t) => analyze(t, { source: 'Test Wire' }));
    const saved = await Promise.all(
      analyses.map((a, i) => writer.write({ analysis: a, raw: TEXTS[i]!, origin: `w/${i}.txt` })),
    );
    expect(saved.map((s) => s.status)).toEqual(['stored', 'stored', 'stored']);
    expect(writer.stats).toEqual({ batches: 1, articles: 3 });
    const linked = await store.db.selectFrom('corpus_articles').select('article_id').execute();
    expect(linked.map((r) => r.article_id).sort()).toEqual(analyses.map((a) => a.article.id).sort());
  });

  it('rejects only the article that fails, and stores the others of its batch', async () => {
    const writer = new ArticleWriter(store, 2);
    const text = 'Valdoria named a new envoy to Ostrava on Wednesday, the foreign ministry said.';
    const good = analyze(text, { source: 'Test Wire' });
    const dup = { id: 'e1', type: 'ORG', name: 'X', kb: null, country: null, role: null, mentions: [] };
    const bad: Analysis = {
      ...analyze('A fictional item whose entity ids repeat.', {}),
      entities: [dup, dup] as Analysis['entities'],
    };
    const [r1, r2, r3] = await Promise.allSettled([
      writer.write({ analysis: bad, raw: 'bad', origin: 'w/bad.txt' }),
      writer.write({ analysis: good, raw: text, origin: 'w/good.txt' }),
      writer.write({ analysis: good, raw: text, origin: 'w/good-again.txt' }),
    ]);
    expect(r1).toMatchObject({ status: 'rejected', reason: { code: 'E_STORAGE' } });
    expect(r2).toMatchObject({ status: 'fulfilled', value: { status: 'stored' } });
    expect(r3).toMatchObject({ status: 'fulfilled', value: { status: 'already stored' } });
    // at most two per batch: three articles take two commits
    expect(writer.stats).toEqual({ batches: 2, articles: 3 });
  });
});
