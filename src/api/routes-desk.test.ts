import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../services/analyze.js';
import { linkStoredArticle } from '../services/corpus.js';
import { type ArticleStore, openStore } from '../storage/index.js';
import type { DeskHomeResponse, DeskSearchResponse } from './desk-types.js';
import { recentArticles } from './routes-desk.js';
import { createApiServer, listen } from './server.js';

describe('desk routes', () => {
  let dir: string;
  let store: ArticleStore;
  let server: Server;
  let base: string;
  let between = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-desk-routes-'));
    store = await openStore(path.join(dir, 'd.db'));
    const save = async (text: string, headline: string, source: string, published: string, tag?: string) => {
      const a = analyze(text, { headline, source, published });
      const withTag = tag
        ? { ...a, article: { ...a.article, version: { tag, number: Number(tag[0]) || 1 } } }
        : a;
      const saved = await store.saveArticle(withTag, text);
      // Linked into the corpus as ingest does (the order matters: clusters remember when they were first seen).
      await linkStoredArticle(store, withTag);
      return saved;
    };
    await save(
      'Prime Minister Anna Holm met President Karl Berg in Oslo on Monday to discuss fishing quotas.',
      'Holm meets Berg on quotas',
      'Wire A',
      '2025-03-03',
    );
    await new Promise((r) => setTimeout(r, 15));
    between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 15));
    await save(
      'Prime Minister Anna Holm met President Karl Berg in Oslo on Monday and agreed to raise fishing quotas by 5 percent.',
      'Holm and Berg agree on quotas',
      'Wire A',
      '2025-03-04',
      '2nd LD',
    );
    await save(
      'Fishing crews in Tromso protested on Tuesday against the new quotas, police said.',
      'Crews protest quotas',
      'Wire B',
      '2025-04-01',
    );
    server = createApiServer({ store, webRoot: null });
    base = await listen(server, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async <T>(p: string) => {
    const res = await fetch(base + p);
    return { status: res.status, body: (await res.json()) as T };
  };

  it('home digest separates new stories from updates since a time, and ranks active actors', async () => {
    const { body } = await get<DeskHomeResponse>(`/api/desk/home?since=${encodeURIComponent(between)}`);
    expect(body.total).toBe(3);
    expect(body.newArticles).toBe(2);
    expect(body.updatedStories.map((a) => a.headline)).toEqual(['Holm and Berg agree on quotas']);
    expect(body.newStories.map((a) => a.headline)).toEqual(['Crews protest quotas']);
    expect(body.activeActors.length).toBeGreaterThan(0);
    // The protest story is a new cluster; the quota talks were first seen before `since`, so their cluster
    // is not new even though an update arrived.
    const clusters = body.newClusters.map((c) => c.headline);
    expect(clusters).toContain('Crews protest quotas');
    expect(clusters.some((h) => h?.startsWith('Holm'))).toBe(false);
    const first = await get<DeskHomeResponse>('/api/desk/home');
    expect(first.body.since).toBeNull();
    expect(first.body.latest).toHaveLength(3);
    // The home list is the store's list, in the same order.
    expect(first.body.latest).toEqual(await store.listArticles({ limit: 20 }));
  });

  it('counts new articles past the digest window exactly', async () => {
    const small = await recentArticles(store, between, 1);
    expect(small.rows.map((r) => r.headline)).toEqual(['Crews protest quotas']);
    expect(small.newCount).toBe(2);
    const none = await recentArticles(store, new Date(Date.now() + 60_000).toISOString(), 1);
    expect(none).toEqual({ rows: [], newCount: 0 });
    const all = await recentArticles(store, '2000-01-01', 2);
    expect(all.newCount).toBe(3);
  });

  it('search facets count sources and months, and filters narrow the hits', async () => {
    const all = await get<DeskSearchResponse>('/api/desk/search?q=quotas');
    expect(all.body.total).toBe(3);
    expect(all.body.facets.source).toEqual([
      { value: 'Wire A', count: 2 },
      { value: 'Wire B', count: 1 },
    ]);
    expect(all.body.facets.month.map((m) => m.value)).toEqual(['2025-04', '2025-03']);
    // Snippets with the matched words marked, as the store's search makes them.
    const hit = all.body.hits[0]!;
    expect(hit.highlights.length).toBeGreaterThan(0);
    expect(hit.snippet.slice(hit.highlights[0]!.start, hit.highlights[0]!.end).toLowerCase()).toMatch(
      /^quota/,
    );
    const bySource = await get<DeskSearchResponse>('/api/desk/search?q=quotas&source=Wire%20B');
    expect(bySource.body.hits.map((h) => h.headline)).toEqual(['Crews protest quotas']);
    const byMonth = await get<DeskSearchResponse>('/api/desk/search?q=quotas&from=2025-03&to=2025-03');
    expect(byMonth.body.total).toBe(2);
  });

  it('rejects a malformed date and a missing query with 400', async () => {
    expect((await get('/api/desk/home?since=yesterday')).status).toBe(400);
    expect((await get('/api/desk/search')).status).toBe(400);
    const post = await fetch(`${base}/api/desk/home`, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});
