import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NewsintelError } from '../core/errors.js';
import { analyze } from '../services/analyze.js';
import { type ArticleStore, openStore } from '../storage/index.js';
import { statusFor } from './errors.js';
import { createApiServer, listen } from './server.js';
import { ensureWebBuilt } from './web-test-harness.js';

const STORY =
  'June 3, 2025\n\nRail freight volumes rise 7 percent\n\nVIENNA, June 3 (Newsintel Wire) -- Rail freight volumes rose 7 percent in May as grain shipments recovered, the operator said.\n\nSource: Newsintel Test Desk\n';

describe('HTTP API', () => {
  let dir: string;
  let store: ArticleStore;
  let server: Server;
  let base: string;
  let storedId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-api-'));
    store = await openStore(path.join(dir, 'api.db'));
    const a = analyze('Customs officers seized 300 kilograms of counterfeit medicine at the airport.', {
      headline: 'Counterfeit medicine seized',
      published: '2025-06-01',
      source: 'Test Desk',
    });
    storedId = a.article.id;
    await store.saveArticle(a, 'raw', 'fixture');
    await store.saveArticle(
      analyze('The council approved a new bus route linking the two hospitals.', {
        headline: 'New bus route',
      }),
      'raw2',
    );
    server = createApiServer({ store, webRoot: await ensureWebBuilt(), maxBytes: 2000 });
    base = await listen(server, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (p: string) => {
    const res = await fetch(base + p);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
  };
  const post = async (p: string, body: string | Blob, type = 'text/plain') => {
    const res = await fetch(base + p, { method: 'POST', body, headers: { 'content-type': type } });
    return { status: res.status, headers: res.headers, json: await res.json() };
  };

  it('lists stored articles with a total', async () => {
    const r = await get('/api/articles?limit=1');
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.total).toBe(2);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ id: storedId, headline: 'Counterfeit medicine seized' });
    expect((await get('/api/articles?limit=abc')).status).toBe(400);
    expect((await get('/api/articles?limit=5000')).status).toBe(400);
  });

  it('returns one analysis, or a 404 JSON error', async () => {
    const ok = await get(`/api/articles/${encodeURIComponent(storedId)}`);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).article.id).toBe(storedId);
    const missing = await get('/api/articles/sha256%3Anope');
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/application\/json/);
    expect(JSON.parse(missing.body).error).toMatchObject({ code: 'E_NOT_FOUND' });
  });

  it('searches, and needs q', async () => {
    const r = JSON.parse((await get('/api/search?q=medicines')).body);
    expect(r.hits.map((h: { id: string }) => h.id)).toEqual([storedId]);
    const bad = await get('/api/search');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('E_USAGE');
    expect((await get('/api/search?q=%22AND%20OR')).status).toBe(200);
  });

  it('analyses raw text and JSON bodies', async () => {
    const raw = await post('/api/analyze', STORY);
    expect(raw.status).toBe(200);
    expect(raw.json.format).toBe('newsintel.analysis/1');
    expect(raw.json.article.text).toContain('grain shipments recovered');
    const json = await post(
      '/api/analyze',
      JSON.stringify({
        text: 'Bakers in the region raised bread prices by 5 percent.',
        title: 'Bread dearer',
        published: '2025-06-02',
        source: 'Desk',
      }),
      'application/json',
    );
    expect(json.status).toBe(200);
    expect(json.json.article).toMatchObject({
      headline: 'Bread dearer',
      published: '2025-06-02',
      source: 'Desk',
    });
    expect(await store.countArticles()).toBe(2); // not stored without ?store=1
  });

  it('stores with ?store=1, once', async () => {
    const body = JSON.stringify({ text: STORY });
    const first = await post('/api/analyze?store=1', body, 'application/json');
    expect(first.status).toBe(201);
    expect(first.headers.get('x-newsintel-store')).toBe('stored');
    const again = await post('/api/analyze?store=1', body, 'application/json');
    expect(again.status).toBe(200);
    expect(again.headers.get('x-newsintel-store')).toBe('already stored');
    expect((await get(`/api/articles/${encodeURIComponent(first.json.article.id)}`)).status).toBe(200);
  });

  it('rejects bad bodies with coded JSON errors', async () => {
    const badJson = await post('/api/analyze', '{"text": ', 'application/json');
    expect(badJson.status).toBe(400);
    expect(badJson.json.error.code).toBe('E_INPUT_FORMAT');
    const noText = await post('/api/analyze', '{"title": "x"}', 'application/json');
    expect(noText.status).toBe(400);
    const big = await post('/api/analyze', 'x'.repeat(5000));
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe('E_INPUT_TOO_LARGE');
    const empty = await post('/api/analyze', '');
    expect(empty.status).toBe(400);
    expect(empty.json.error.code).toBe('E_INPUT_EMPTY');
    const binary = await post(
      '/api/analyze',
      new Blob([new Uint8Array([0, 1, 2, 0, 0, 0, 7, 8, 0, 0])]),
      'application/octet-stream',
    );
    expect(binary.status).toBe(415);
    const wrongMethod = await fetch(`${base}/api/analyze`);
    expect(wrongMethod.status).toBe(405);
    expect((await get('/api/nothing')).status).toBe(404);
  });

  it('serves the web UI and nothing outside it', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.type).toMatch(/text\/html/);
    const bundle = index.body.match(/src="\.\/(assets\/[\w.-]+\.js)"/)?.[1];
    expect(bundle).toBeTruthy();
    expect((await get(`/${bundle}`)).type).toMatch(/javascript/);
    expect((await get('/../package.json')).status).toBe(404);
    expect((await get('/%2e%2e/package.json')).status).toBe(404);
    expect((await get('/nope.html')).status).toBe(404);
  });

  it('maps error codes to statuses only at the edge', () => {
    expect(statusFor(new NewsintelError('E_NOT_FOUND', 'x'))).toBe(404);
    expect(statusFor(new NewsintelError('E_INPUT_TOO_LARGE', 'x'))).toBe(413);
    expect(statusFor(new Error('boom'))).toBe(500);
  });
});
