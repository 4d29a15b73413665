import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../services/analyze.js';
import { linkStoredArticle } from '../services/corpus.js';
import { type ArticleStore, openStore } from '../storage/index.js';
import { createApiServer, listen } from './server.js';

/** Fictional wire stories written for this test: a first version and its LEAD. */
const FIRST =
  'March 2, 2026\n\nPort of Kelvane reopens after storm\n\nKELVANE, March 2 (Newsintel Wire) -- The Port of Kelvane reopened on Monday after a storm closed it for two days, harbour master Ilse Varga said.\n\nAbout 40 ships had waited offshore, the harbour authority said.\n';
const LEAD =
  'March 2, 2026\n\n(LEAD) Port of Kelvane reopens after storm\n\nKELVANE, March 2 (Newsintel Wire) -- The Port of Kelvane reopened on Monday after a storm closed it for two days, harbour master Ilse Varga said.\n\nAbout 60 ships had waited offshore, the harbour authority said.\n\n"We cleared the channel overnight," Varga told reporters.\n';

describe('corpus routes', () => {
  let dir: string;
  let store: ArticleStore;
  let server: Server;
  let base: string;
  let leadId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-corpus-api-'));
    store = await openStore(path.join(dir, 'api.db'));
    for (const raw of [LEAD, FIRST]) {
      const a = analyze(raw);
      await store.saveArticle(a, raw, 'fixture');
      await linkStoredArticle(store, a);
      if (raw === LEAD) leadId = a.article.id;
    }
    server = createApiServer({ store, webRoot: null });
    base = await listen(server, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await new Promise<void>((r) => server?.close(() => r()));
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (p: string) => {
    const r = await fetch(`${base}${p}`);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  it('serves a story with its ordered versions and per-step diffs', async () => {
    const { status, body } = await get(`/api/stories/${encodeURIComponent(leadId)}`);
    expect(status).toBe(200);
    const versions = body.versions as { articleId: string }[];
    expect(versions).toHaveLength(2);
    expect(versions[1]!.articleId).toBe(leadId);
    expect((body.diffs as unknown[]).length).toBe(1);
  });

  it('answers actor search, actor pages, events, network and claims, paged', async () => {
    const actors = await get('/api/actors?q=varga&limit=5');
    expect(actors.status).toBe(200);
    const items = actors.body.items as { id: string; name: string }[];
    expect(items[0]?.name).toMatch(/Varga/);
    const page = await get(`/api/actors/${encodeURIComponent(items[0]!.id)}`);
    expect(page.status).toBe(200);
    expect(page.body.articleCount).toBe(2);
    const events = await get('/api/events?from=2026-03-01&to=2026-03-31&limit=10');
    expect(events.status).toBe(200);
    expect(events.body.limit).toBe(10);
    expect((await get('/api/network')).status).toBe(200);
    expect((await get('/api/claims/series?subject=ships')).status).toBe(200);
  });

  it('refuses bad parameters and unknown ids with coded errors', async () => {
    expect((await get('/api/events?from=yesterday')).status).toBe(400);
    expect((await get('/api/actors')).status).toBe(400);
    expect((await get('/api/stories/sha256%3Anope')).status).toBe(404);
    expect((await get('/api/clusters/cluster%3Anope')).status).toBe(404);
  });
});
