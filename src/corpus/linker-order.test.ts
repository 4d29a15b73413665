import { describe, expect, it } from 'vitest';
import type { Analysis } from '../core/types.js';
import { linkStoredArticle } from '../services/corpus.js';
import { type ArticleStore, openStore } from '../storage/index.js';
import { type Backend, postgresBackend, sqliteBackend } from '../storage/test-backends.js';
import {
  type CorpusRows,
  corpusRows,
  LINKER_TABLES,
  laterTitle,
  other,
  otherWire,
  RAW,
  v1,
  v2,
  v3,
} from './test-stories.js';

/**
 * Linking is a function of the set of articles, not of the order they arrive in: every table the linker
 * writes ends up the same, row for row, for any ingest order. (The PostgreSQL contract test links from several
 * connections at once; its outcome is one of these orders, so this test guards it without concurrency.)
 */

const ARTICLES = [v1, v2, v3, other, otherWire, laterTitle];
const NAME = new Map<string, string>([
  [v1.article.id, 'v1'],
  [v2.article.id, 'v2'],
  [v3.article.id, 'v3'],
  [other.article.id, 'other'],
  [otherWire.article.id, 'otherWire'],
  [laterTitle.article.id, 'laterTitle'],
]);

async function dump(store: ArticleStore): Promise<CorpusRows> {
  return corpusRows(store, NAME);
}

async function linkInOrder(
  order: readonly Analysis[],
  backend: () => Promise<Backend> = () => sqliteBackend(),
): Promise<CorpusRows> {
  const b = await backend();
  const store = await openStore(b.location);
  try {
    for (const a of order) {
      await store.saveArticle(a, RAW.get(a.article.id)!, null);
      await linkStoredArticle(store, a);
    }
    return await dump(store);
  } finally {
    await store.close();
    await b.cleanup();
  }
}

/** A seeded shuffle (mulberry32), so a failing order can be replayed. */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const rowOf = (d: CorpusRows, table: string, name: string) =>
  JSON.parse(d[table]!.find((l) => l.includes(`"article_id":"${name}"`))!) as Record<string, unknown>;

describe('linking whatever the ingest order', () => {
  it('writes the same rows in every table for the published order, its reverse and shuffled orders', async () => {
    const reference = await linkInOrder(ARTICLES);
    // The reference is a real outcome, not an empty one: one story v1 → v2 → v3, the other wire's report of
    // the same talks in its cluster, the unrelated story apart, the minister under her latest title.
    expect(
      reference.corpus_links!.map((l) => JSON.parse(l)).map((l) => `${l.article_a}>${l.article_b}`),
    ).toEqual(['v1>v2', 'v2>v3']);
    const story = (n: string) => rowOf(reference, 'corpus_articles', n).story_id;
    const cluster = (n: string) => rowOf(reference, 'corpus_articles', n).cluster_id;
    expect(new Set([story('v1'), story('v2'), story('v3')]).size).toBe(1);
    expect(story('otherWire')).not.toBe(story('v1'));
    expect(cluster('otherWire')).toBe(cluster('v1'));
    expect(cluster('other')).not.toBe(cluster('v1'));
    expect(reference.corpus_pending).toEqual([]);
    const lindqvist = reference
      .corpus_actors!.map((l) => JSON.parse(l))
      .find((r) => r.name === 'Anna Lindqvist');
    expect(lindqvist?.role).toBe('Prime Minister');

    const orders = [
      [...ARTICLES].reverse(),
      [v3, other, v2, v1, laterTitle, otherWire],
      [laterTitle, v1, v3, otherWire, v2, other],
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((seed) => shuffled(ARTICLES, seed)),
    ];
    for (const order of orders) {
      const got = await linkInOrder(order);
      const label = order.map((a) => NAME.get(a.article.id)).join(', ');
      for (const t of LINKER_TABLES) expect(got[t], `${t} after linking ${label}`).toEqual(reference[t]);
    }
  }, 120_000);

  it('gives a late first version the place it sits in, dropping the link it now splits', async () => {
    // v1 and v3 first: v3 links from v1. Then v2 arrives between them: v1 → v2 → v3, no v1 → v3 left over.
    const d = await linkInOrder([v1, v3, v2]);
    expect(d.corpus_links!.map((l) => JSON.parse(l)).map((l) => `${l.article_a}>${l.article_b}`)).toEqual([
      'v1>v2',
      'v2>v3',
    ]);
  });

  it.runIf(Boolean(process.env.NEWSINTEL_PG_URL))(
    'PostgreSQL: six connections linking at once write the same rows as one at a time',
    async () => {
      const pg = () => postgresBackend(process.env.NEWSINTEL_PG_URL!);
      const serial = await linkInOrder(ARTICLES, pg);
      for (let round = 0; round < 3; round++) {
        const b = await pg();
        const stores = await Promise.all(ARTICLES.map(() => openStore(b.location)));
        try {
          const order = shuffled(ARTICLES, 100 + round);
          for (const a of order) await stores[0]!.saveArticle(a, RAW.get(a.article.id)!, null);
          await Promise.all(order.map((a, i) => linkStoredArticle(stores[i]!, a)));
          const got = await dump(stores[0]!);
          for (const t of LINKER_TABLES) expect(got[t], `${t}, round ${round}`).toEqual(serial[t]);
        } finally {
          await Promise.all(stores.map((x) => x.close()));
          await b.cleanup();
        }
      }
    },
    120_000,
  );
});
