import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArticleStore, openStore } from '../storage/index.js';
import { createApiServer, listen } from './server.js';

/**
 * `POST /api/ingest` against a local "news site" on 127.0.0.1. One API server keeps the SSRF guard closed (the
 * default), another opens it, as `serve --allow-private` does. No traffic leaves the machine.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const page = readFileSync(path.join(here, '..', 'ingest', 'fixtures', 'grain-talks.html'));

let site: Server;
let siteUrl: string;
let siteHits = 0;
let dir: string;
let store: ArticleStore;
const apis: Server[] = [];
let guarded: string;
let open: string;
let cidr: string;

beforeAll(async () => {
  site = createServer((req, res) => {
    siteHits++;
    if (req.url === '/grain') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page);
    } else if (req.url === '/to-metadata') {
      res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-api-ingest-'));
  store = await openStore(path.join(dir, 'db.sqlite'));
  const a = createApiServer({ store });
  const b = createApiServer({ store, fetch: { allowPrivate: true } });
  const c = createApiServer({ store, fetch: { allowCidrs: ['127.0.0.1/32'] } });
  apis.push(a, b, c);
  guarded = await listen(a, 0, '127.0.0.1');
  open = await listen(b, 0, '127.0.0.1');
  cidr = await listen(c, 0, '127.0.0.1');
});

afterAll(async () => {
  for (const s of [...apis, site]) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (api: string, body: unknown) =>
  fetch(`${api}/api/ingest`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /api/ingest', () => {
  it('refuses a loopback URL with 403 while the guard is closed, without fetching it', async () => {
    const before = siteHits;
    const res = await post(guarded, { url: `${siteUrl}/grain` });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('E_FETCH_BLOCKED');
    expect(siteHits).toBe(before);
  });

  it('stores a page (201), then reports it already stored (200)', async () => {
    const first = await post(open, { url: `${siteUrl}/grain` });
    expect(first.status).toBe(201);
    const body = await first.json();
    expect(body.results).toEqual([
      expect.objectContaining({
        url: `${siteUrl}/grain`,
        status: 'stored',
        headline: 'Canada and Mexico agree to extend grain quota talks by 60 days',
      }),
    ]);
    const again = await post(open, { url: `${siteUrl}/grain` });
    expect(again.status).toBe(200);
    expect((await again.json()).results[0].status).toBe('already stored');
  });

  it('refuses a redirect to the metadata address when only the site itself is allowed', async () => {
    const before = siteHits;
    const res = await post(cidr, { url: `${siteUrl}/to-metadata` });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/169\.254\.169\.254 is cloud metadata service/);
    expect(siteHits).toBe(before + 1);
  });

  it('answers bad requests with coded errors', async () => {
    expect((await post(open, { nope: 1 })).status).toBe(400);
    expect((await post(open, { url: 'not a url' })).status).toBe(400);
    expect((await post(open, { urls: Array.from({ length: 21 }, () => `${siteUrl}/grain`) })).status).toBe(
      400,
    );
    const get = await fetch(`${open}/api/ingest`);
    expect(get.status).toBe(405);
  });
});
