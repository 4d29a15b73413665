import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../core/types.js';
import { linkStoredArticle } from '../services/corpus.js';
import { exportCorpus } from '../services/corpus-export.js';
import { reanalyze } from '../services/corpus-reanalyze.js';
import { type ArticleStore, openStore } from '../storage/index.js';
import { type Backend, postgresBackend, sqliteBackend } from '../storage/test-backends.js';
import {
  claimSeries,
  getActor,
  getCluster,
  getStory,
  network,
  queryEvents,
  searchActors,
} from './queries.js';
import { corpusRows, make, other, P1, P2, P3, P4, P5, RAW, v1, v2, v3 } from './test-stories.js';

/**
 * The corpus contract on both engines: a temp SQLite file always, PostgreSQL when NEWSINTEL_PG_URL is set.
 * All texts are fictional and written for these tests (`test-stories.ts`).
 */

const PG_URL = process.env.NEWSINTEL_PG_URL;

async function put(store: ArticleStore, a: Analysis): Promise<void> {
  await store.saveArticle(a, RAW.get(a.article.id)!, null);
  await linkStoredArticle(store, a);
}

async function counts(store: ArticleStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [
    'corpus_articles',
    'corpus_links',
    'corpus_blocks',
    'corpus_actors',
    'corpus_actor_facts',
    'corpus_events',
    'corpus_event_mentions',
    'corpus_claims',
    'corpus_pending',
  ] as const) {
    const r = await store.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

function contract(label: string, backend: () => Promise<Backend>): void {
  describe(`corpus contract (${label})`, () => {
    let b: Backend;
    let store: ArticleStore;
    beforeAll(async () => {
      b = await backend();
      store = await openStore(b.location);
      // Out of order: the 2nd LD first, then the unrelated story, then LEAD, then the first version.
      for (const a of [v3, other, v2, v1]) await put(store, a);
    });
    afterAll(async () => {
      await store?.close();
      await b?.cleanup();
    });

    it('links the versions into one ordered story whatever the ingest order', async () => {
      const s = await getStory(store.db, v3.article.id);
      expect(s?.versions.map((v) => v.articleId)).toEqual([v1.article.id, v2.article.id, v3.article.id]);
      expect(s?.pendingPredecessors).toEqual([]);
      const o = await getStory(store.db, other.article.id);
      expect(o?.versions).toHaveLength(1);
      expect(o?.clusterId).not.toBe(s?.clusterId);
    });

    it('diffs successive versions: paragraphs added and rewritten, the changed troop figure', async () => {
      const s = (await getStory(store.db, v1.article.id))!;
      const d12 = s.diffs.find((d) => d.from === v1.article.id && d.to === v2.article.id)!;
      expect(d12.stats.paragraphsAdded).toBe(2);
      expect(d12.text.filter((c) => c.kind === 'added').map((c) => c.after?.text)).toContain(P4);
      const d23 = s.diffs.find((d) => d.to === v3.article.id)!;
      const rewritten = d23.text.find((c) => c.kind === 'rewritten')!;
      expect(rewritten.before?.text).toBe(P5);
      expect(rewritten.afterChanged?.map((sp) => v3.article.text.slice(sp.start, sp.end))).toContain(
        '10,000',
      );
      const troop = d23.facts.find((f) => f.layer === 'claim' && f.change === 'changed');
      expect(troop?.summary).toMatch(/3,000.*→.*10,000/);
    });

    it('re-linking the same article changes nothing', async () => {
      const before = await counts(store);
      const r = await linkStoredArticle(store, v2);
      expect(r.status).toBe('already linked');
      expect(await counts(store)).toEqual(before);
    });

    it.runIf(label === 'postgres')(
      'links from several connections at once into the same stories as one at a time',
      async () => {
        const serial = await counts(store);
        const serialRows = await corpusRows(store);
        const b2 = await backend();
        const stores = await Promise.all([0, 1, 2, 3].map(() => openStore(b2.location)));
        try {
          for (const a of [v3, other, v2, v1]) await stores[0]!.saveArticle(a, RAW.get(a.article.id)!, null);
          // Every article in its own process-like connection pool, all at once (no global lock any more).
          await Promise.all([v3, other, v2, v1].map((a, i) => linkStoredArticle(stores[i]!, a)));
          const s = await getStory(stores[0]!.db, v3.article.id);
          expect(s?.versions.map((v) => v.articleId)).toEqual([v1.article.id, v2.article.id, v3.article.id]);
          const o = await getStory(stores[0]!.db, other.article.id);
          expect(o?.versions).toHaveLength(1);
          expect(await counts(stores[0]!)).toEqual(serial);
          // Not only as many rows: the same rows (links, story and cluster ids, events, actors).
          const rows = await corpusRows(stores[0]!);
          for (const [table, lines] of Object.entries(rows)) expect(lines, table).toEqual(serialRows[table]);
        } finally {
          await Promise.all(stores.map((x) => x.close()));
          await b2.cleanup();
        }
      },
    );

    it('keeps an update whose predecessor is missing as pending, and links it when it arrives', async () => {
      const b2 = await backend();
      const s2 = await openStore(b2.location);
      try {
        await put(s2, v2);
        const s = await getStory(s2.db, v2.article.id);
        expect(s?.pendingPredecessors.map((p) => p.articleId)).toEqual([v2.article.id]);
        await put(s2, v1);
        const after = await getStory(s2.db, v2.article.id);
        expect(after?.versions.map((v) => v.articleId)).toEqual([v1.article.id, v2.article.id]);
        expect(after?.pendingPredecessors).toEqual([]);
      } finally {
        await s2.close();
        await b2.cleanup();
      }
    });

    it('rolls back a link that fails half way: no half-made story', async () => {
      const before = await counts(store);
      const broken = make('Valdoria, Ostrava ministers meet again', null, [P1, P2, P3, P4], 5);
      await store.saveArticle(broken, RAW.get(broken.article.id)!, null);
      const poisoned = {
        ...broken,
        get claims(): never {
          throw new Error('crash while linking');
        },
      } as Analysis;
      await expect(linkStoredArticle(store, poisoned)).rejects.toThrow(/crash while linking/);
      expect(await counts(store)).toEqual(before);
      await linkStoredArticle(store, broken);
      expect((await counts(store)).corpus_articles).toBe(before.corpus_articles! + 1);
    });

    it('keeps one actor per knowledge-base id or name, with aliases, quotes and meetings', async () => {
      const hits = await searchActors(store.db, 'lindq');
      expect(hits.items[0]?.name).toMatch(/Lindqvist/);
      const a = (await getActor(store.db, hits.items[0]!.id))!;
      expect(a.articleCount).toBeGreaterThanOrEqual(3);
      expect(a.aliases.length).toBeGreaterThan(0);
      expect(a.quotes.items.some((q) => q.quote.text.includes('settlement this year'))).toBe(true);
      expect(a.firstSeen).toBe('2026-11-04');
    });

    it('deduplicates events across the cluster: dedup counts beside report counts', async () => {
      const r = await queryEvents(store.db, { from: '2026-11-01', to: '2026-11-30' });
      expect(r.counts.events).toBeGreaterThan(0);
      expect(r.counts.reports).toBeGreaterThan(r.counts.events);
      const s = (await getStory(store.db, v1.article.id))!;
      const c = (await getCluster(store.db, s.clusterId!))!;
      expect(c.articles.map((x) => x.articleId)).toEqual(
        expect.arrayContaining([v1.article.id, v3.article.id]),
      );
      expect(c.events.some((e) => e.reportCount >= 3 && e.mentions.length === e.reportCount)).toBe(true);
      await expect(queryEvents(store.db, { type: 'MEETING' })).rejects.toThrow(/unknown event type/);
      const none = await queryEvents(store.db, { from: '2027-01-01' });
      expect(none.counts).toEqual({ events: 0, reports: 0 });
    });

    it('builds claim series and exports the tables', async () => {
      const series = await claimSeries(store.db, 'troops');
      const values = series.items.flatMap((s) => s.points.map((p) => p.value));
      expect(values).toEqual(expect.arrayContaining([3000, 10000]));
      const p = series.items[0]!.points[0]!;
      expect(p.evidence.text.length).toBeGreaterThan(0);
      const chunks: string[] = [];
      const out = new (await import('node:stream')).Writable({
        write(c, _e, cb) {
          chunks.push(String(c));
          cb();
        },
      });
      const n = await exportCorpus(store, 'events-csv', out);
      expect(chunks.join('').trim().split('\n')).toHaveLength(n + 1);
      const net = await network(store.db, {});
      expect(net.total).toBe(net.items.length);
    });

    it('reanalyze re-runs the stored inputs in pages, resumes, and rebuilds the same links', async () => {
      const before = await getStory(store.db, v1.article.id);
      const first = await reanalyze(store, { pageSize: 2, maxPages: 1, restart: true });
      expect(first.finished).toBe(false);
      const rest = await reanalyze(store, { pageSize: 2 });
      expect(rest.resumed).toBe(true);
      expect(rest.finished).toBe(true);
      expect(first.reanalyzed + rest.reanalyzed).toBe(await store.countArticles());
      const after = await getStory(store.db, v1.article.id);
      expect(after?.versions.map((v) => v.articleId)).toEqual(before?.versions.map((v) => v.articleId));
    });
  });
}

contract('sqlite', sqliteBackend);
if (PG_URL) contract('postgres', () => postgresBackend(PG_URL));
else describe.skip('corpus contract (postgres): set NEWSINTEL_PG_URL to run', () => it('skipped', () => {}));
