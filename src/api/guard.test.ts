import { mkdtempSync, rmSync } from 'node:fs';
import { request, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../cli/commands/serve.js';
import { type ArticleStore, openStore } from '../storage/index.js';
import { allowedHostsFor, hostName } from './guard.js';
import { createApiServer, listen } from './server.js';

// Our own fictional story.
const STORY =
  'June 3, 2025\n\nFerry service resumes\n\nOSLO, June 3 (Newsintel Wire) -- The ferry between the two islands resumed on Tuesday after a week of repairs, the operator said.\n';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: { error?: { code: string; message: string } } & Record<string, unknown>;
}

/** A raw request, so Host, Origin and invalid bytes are sent exactly as given (fetch rewrites some). */
function send(
  base: string,
  p: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  const u = new URL(base + p);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : {} });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('request edge', () => {
  let dir: string;
  let store: ArticleStore;
  let server: Server;
  let base: string;
  let host: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-guard-'));
    store = await openStore(path.join(dir, 'guard.db'));
    server = createApiServer({ store, webRoot: null, allowedHosts: allowedHostsFor('127.0.0.1') });
    base = await listen(server, 0, '127.0.0.1');
    host = new URL(base).host;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const json = (o: unknown) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', host },
    body: JSON.stringify(o),
  });

  it('answers only to loopback host names by default (DNS rebinding), with Referrer-Policy: no-referrer', async () => {
    const ok = await send(base, '/api/health', { headers: { host } });
    expect(ok.status).toBe(200);
    expect(ok.headers['referrer-policy']).toBe('no-referrer');
    expect(
      (await send(base, '/api/health', { headers: { host: `localhost:${new URL(base).port}` } })).status,
    ).toBe(200);
    const evil = await send(base, '/api/health', { headers: { host: 'attacker.example:80' } });
    expect(evil.status).toBe(421);
    expect(evil.json.error?.code).toBe('E_HOST');
    expect(evil.headers['referrer-policy']).toBe('no-referrer');
  });

  it('refuses a cross-site text/plain POST that would store an article', async () => {
    const before = await store.countArticles();
    const forged = await send(base, '/api/analyze?store=1', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'https://attacker.example', host },
      body: STORY,
    });
    expect(forged.status).toBe(403);
    expect(forged.json.error?.code).toBe('E_ORIGIN');
    // Even without an Origin, a stored POST needs application/json (which a page cannot send cross-site).
    const plain = await send(base, '/api/analyze?store=1', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', host },
      body: STORY,
    });
    expect(plain.status).toBe(415);
    const fetchSite = await send(base, '/api/analyze?store=1', {
      ...json({ text: STORY }),
      headers: { 'content-type': 'application/json', host, 'sec-fetch-site': 'cross-site' },
    });
    expect(fetchSite.status).toBe(403);
    expect(await store.countArticles()).toBe(before);
    // The same origin may store.
    const same = await send(base, '/api/analyze?store=1', {
      ...json({ text: STORY }),
      headers: { 'content-type': 'application/json', host, origin: base },
    });
    expect(same.status).toBe(201);
  });

  it('refuses images and multipart bodies with 415 instead of analysing them as text', async () => {
    for (const type of ['image/png', 'multipart/form-data; boundary=x', 'application/pdf']) {
      const r = await send(base, '/api/analyze', {
        method: 'POST',
        headers: { 'content-type': type, host },
        body: STORY,
      });
      expect(r.status, type).toBe(415);
      expect(r.json.error?.code).toBe('E_MEDIA_TYPE');
    }
    const text = await send(base, '/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', host },
      body: STORY,
    });
    expect(text.status).toBe(200);
  });

  it('refuses invalid UTF-8 inside JSON with 400 instead of replacing it', async () => {
    const body = Buffer.concat([
      Buffer.from('{"text": "Port reopens '),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}'),
    ]);
    const r = await send(base, '/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json', host },
      body,
    });
    expect(r.status).toBe(400);
    expect(r.json.error?.code).toBe('E_INPUT_ENCODING');
  });

  it('validates metadata: published must be an ISO date or date-time, fields have length limits', async () => {
    for (const published of ['<img src=x>', '2020-01-011', '2020-13-01', '2021-02-29', '2020-01-01T25:00']) {
      const r = await send(base, '/api/analyze', json({ text: STORY, published }));
      expect(r.status, published).toBe(400);
      expect(r.json.error?.message).toMatch(/published/);
    }
    for (const published of ['2024-02-29', '2025-06-03T09:30:00Z', '2025-06-03T09:30:00.123+09:00']) {
      expect((await send(base, '/api/analyze', json({ text: STORY, published }))).status, published).toBe(
        200,
      );
    }
    expect((await send(base, '/api/analyze', json({ text: STORY, title: 'x'.repeat(501) }))).status).toBe(
      400,
    );
    expect(
      (
        await send(
          base,
          '/api/analyze',
          json({ text: STORY, url: `https://example.org/${'a'.repeat(2100)}` }),
        )
      ).status,
    ).toBe(400);
  });

  it('answers a re-post of stored text with different metadata with an explicit 409, keeping the stored record', async () => {
    const text = `${STORY}\nThe operator said the timetable stays the same.\n`;
    const first = await send(base, '/api/analyze?store=1', json({ text, title: 'Ferry back' }));
    expect(first.status).toBe(201);
    const same = await send(base, '/api/analyze?store=1', json({ text, title: 'Ferry back' }));
    expect(same.status).toBe(200);
    expect(same.headers['x-newsintel-store']).toBe('already stored');
    const changed = await send(base, '/api/analyze?store=1', json({ text, title: 'Ferry returns' }));
    expect(changed.status).toBe(409);
    expect(changed.json.error?.code).toBe('E_CONFLICT');
    expect(changed.json.error?.message).toMatch(/headline/);
    const id = (first.json.article as { id: string }).id;
    expect((await store.getArticle(id))?.article.headline).toBe('Ferry back');
  });

  it('analyses the ~200-byte body that froze the server (`a@b.cccc` × 17 after a dateline line)', async () => {
    const body = `November 1, 2024\n\nPort strike ends\n\nSEOUL, Nov. 1 (Yonhap) -- Dock workers went back.\n\n${'a@b.cccc'.repeat(17)}!`;
    const r = await send(base, '/api/analyze', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', host },
      body,
    });
    expect(r.status).toBe(200);
    expect((r.json.article as { text: string }).text).toContain('Dock workers went back.');
  }, 20_000);

  it('answers a huge offset with 400, not a storage error', async () => {
    for (const p of [
      '/api/articles?offset=99999999999999999999999',
      '/api/search?q=ferry&offset=1000000000001',
    ]) {
      const r = await send(base, p, { headers: { host } });
      expect(r.status, p).toBe(400);
    }
    const r = await send(base, '/api/articles?offset=2000000000', { headers: { host } });
    expect(r.status).toBe(400);
    expect(r.json.error?.code).toBe('E_OPTIONS');
  });

  it('answers search queries of the shapes that stalled the server with a quick 400', async () => {
    // `+` is a space in a query string: 15 KB, under Node's 16 KB header limit, as in the report.
    const long = await send(base, `/api/search?q=${'talking+'.repeat(1900)}`, { headers: { host } });
    expect(long.status).toBe(400);
    const repeated = await send(base, `/api/search?q=${encodeURIComponent('china '.repeat(150))}`, {
      headers: { host },
    });
    expect(repeated.status).toBe(200);
  });
});

describe('host names', () => {
  it('parses Host headers and opens a wildcard bind to any host unless names are listed', () => {
    expect(hostName('Example.org:3000')).toBe('example.org');
    expect(hostName('[::1]:3000')).toBe('::1');
    expect(hostName('a:b')).toBeNull();
    expect(allowedHostsFor('127.0.0.1')).toEqual(['localhost', '127.0.0.1', '::1']);
    expect(allowedHostsFor('0.0.0.0')).toEqual(['*']);
    expect(allowedHostsFor('0.0.0.0', ['news.example'])).toContain('news.example');
    expect(allowedHostsFor('news.internal')).toContain('news.internal');
  });
});

describe('serve', () => {
  it('reports a busy port in one line, without a stack trace', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-busy-'));
    const first = await startServer({
      location: path.join(dir, 'a.db'),
      port: 0,
      host: '127.0.0.1',
      jobs: 0,
    });
    try {
      const port = Number(new URL(first.url).port);
      const err = await startServer({
        location: path.join(dir, 'b.db'),
        port,
        host: '127.0.0.1',
        jobs: 0,
      }).catch((e) => e);
      expect(err).toMatchObject({ code: 'E_OPTIONS' });
      expect(err.message).toMatch(new RegExp(`^serve: 127\\.0\\.0\\.1 port ${port} is already in use`));
      expect(err.message).not.toContain('\n');
    } finally {
      await first.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
