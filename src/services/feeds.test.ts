import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArticleStore, openStore } from '../storage/index.js';
import { addFeed, backoffMs, listFeeds, pollFeeds } from './feeds.js';
import { ingest } from './ingest.js';

/**
 * Feeds and URLs against a local HTTP server on 127.0.0.1. The SSRF guard is opened for these tests only
 * (`allowPrivate`); the refusal tests at the end keep it closed. No traffic leaves the machine.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', 'ingest', 'fixtures');
const sample = (n: string) => readFileSync(path.join(here, '..', '..', 'samples', n), 'utf8');

let server: Server;
let base: string;
const hits: string[] = [];
let feedStatus = 200;
let feedVersion = 1;

function rssFeed(): string {
  const items = [
    ['port-strike', 'Dock workers strike at Rotterdam after unions reject pay offer'],
    ['satellite', "Japan's space agency postpones weather satellite launch"],
    ...(feedVersion > 1 ? [['typhoon', 'Typhoon Kestrel kills 6 in northern Philippines']] : []),
  ];
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Test Desk</title><link>${base}/</link>
${items.map(([slug, title]) => `<item><title>${title}</title><link>${base}/story/${slug}</link><guid>${slug}</guid><pubDate>Wed, 08 Oct 2025 07:14:00 GMT</pubDate><description>Short teaser written for this test.</description></item>`).join('\n')}
</channel></rss>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    hits.push(url);
    if (url === '/feed.xml') {
      if (feedStatus !== 200) {
        res.writeHead(feedStatus);
        res.end('down');
        return;
      }
      const etag = `"v${feedVersion}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag });
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: etag });
      res.end(rssFeed());
    } else if (url === '/story/port-strike') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(readFileSync(path.join(fixtures, 'port-strike.html')));
    } else if (url === '/story/satellite') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(readFileSync(path.join(fixtures, 'satellite-launch.html')));
    } else if (url === '/story/typhoon') {
      res.writeHead(500);
      res.end('broken');
    } else if (url === '/wire.txt') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(sample('grain-talks.txt'));
    } else if (url === '/moved') {
      res.writeHead(301, { Location: '/story/port-strike' });
      res.end();
    } else if (url === '/image.png') {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('ingest from URLs (guard opened for the local server)', () => {
  let dir: string;
  let store: ArticleStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-url-'));
    store = await openStore(path.join(dir, 'db.sqlite'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const open = { allowPrivate: true };

  it('stores an HTML page and a wire text by URL, following a redirect', async () => {
    const r = await ingest([`${base}/moved`, `${base}/wire.txt`], { db: store, fetch: open });
    expect(r.failed).toEqual([]);
    expect(r.stored.map((s) => s.path)).toEqual([`${base}/story/port-strike`, `${base}/wire.txt`]);
    const page = await store.getArticle(r.stored[0]!.id);
    expect(page!.article.byline).toBe('Marta Jansen');
    expect(page!.article.text).not.toMatch(/ADVERTISEMENT/);
  });

  it('ingests a feed URL as its items, each from its fetched link', async () => {
    const r = await ingest([`${base}/feed.xml`], { db: store, fetch: open });
    expect(r.stored.map((s) => s.path)).toEqual([`${base}/story/satellite`]);
    expect(r.skipped.map((s) => s.path)).toEqual([`${base}/story/port-strike`]);
    const sat = await store.getArticle(r.stored[0]!.id);
    // The page's text, not the feed's teaser; the item's link and date.
    expect(sat!.article.text).toContain('faulty pressure sensor');
    expect(sat!.article.url).toBe(`${base}/story/satellite`);
    expect(sat!.article.published).toBe('2025-10-08');
  });

  it('refuses what is not an article', async () => {
    const r = await ingest([`${base}/image.png`, `${base}/nothing`], { db: store, fetch: open });
    expect(r.failed.map((f) => f.code)).toEqual(['E_INPUT_UNSUPPORTED', 'E_FETCH']);
  });

  it('keeps the guard closed by default: a loopback URL is refused before any request', async () => {
    const before = hits.length;
    const r = await ingest(
      [`${base}/wire.txt`, 'http://[::1]/x', 'http://2130706433/', 'file:///etc/passwd'],
      { db: store },
    );
    expect(r.failed.map((f) => f.code)).toEqual([
      'E_FETCH_BLOCKED',
      'E_FETCH_BLOCKED',
      'E_FETCH_BLOCKED',
      'E_FETCH_BLOCKED',
    ]);
    expect(hits.length).toBe(before);
  });
});

describe('feed subscriptions and polling (guard opened for the local server)', () => {
  let dir: string;
  let store: ArticleStore;
  let clock = Date.parse('2025-10-08T08:00:00Z');
  const now = () => new Date(clock);
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-feeds-'));
    store = await openStore(path.join(dir, 'db.sqlite'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('subscribes only to a feed, and only with the guard opened for it', async () => {
    await expect(addFeed(`${base}/feed.xml`, { db: store, now })).rejects.toMatchObject({
      code: 'E_FETCH_BLOCKED',
    });
    await expect(addFeed(`${base}/wire.txt`, { db: store, now, allowPrivate: true })).rejects.toMatchObject({
      code: 'E_INPUT_FORMAT',
    });
    const r = await addFeed(`${base}/feed.xml`, { db: store, now, allowPrivate: true });
    expect(r.status).toBe('added');
    expect(r.feed).toMatchObject({ title: 'Local Test Desk', allowPrivate: true, errorCount: 0 });
    expect((await addFeed(`${base}/feed.xml`, { db: store, now, allowPrivate: true })).status).toBe('exists');
  });

  it('polls: stores new items from their links, then a conditional GET answers 304', async () => {
    hits.length = 0;
    const [first] = await pollFeeds({ db: store, now });
    expect(first).toMatchObject({ status: 'updated', newItems: 2 });
    expect(first!.result.stored).toHaveLength(2);
    expect(hits).toEqual(['/feed.xml', '/story/port-strike', '/story/satellite']);
    hits.length = 0;
    const [second] = await pollFeeds({ db: store, now });
    expect(second).toMatchObject({ status: 'not modified', newItems: 0 });
    expect(hits).toEqual(['/feed.xml']);
  });

  it('fetches only new items; a failing link falls back to the feed text', async () => {
    feedVersion = 2;
    hits.length = 0;
    const [r] = await pollFeeds({ db: store, now });
    expect(r).toMatchObject({ status: 'updated', newItems: 1 });
    expect(hits).toEqual(['/feed.xml', '/story/typhoon']);
    // The typhoon page answered 500: the feed's teaser is stored, with a warning that says so.
    const a = await store.getArticle(r!.result.stored[0]!.id);
    expect(a!.article.headline).toBe('Typhoon Kestrel kills 6 in northern Philippines');
    expect(a!.warnings?.join(' ')).toMatch(/link could not be read .*HTTP 500/);
  });

  it('records a failing feed and backs off, doubling, until forced', async () => {
    feedStatus = 503;
    const [r1] = await pollFeeds({ db: store, now });
    expect(r1).toMatchObject({ status: 'error', error: expect.stringMatching(/HTTP 503/) });
    expect(r1!.nextCheckAt).toBe(new Date(clock + backoffMs(1)).toISOString());
    hits.length = 0;
    const [r2] = await pollFeeds({ db: store, now });
    expect(r2!.status).toBe('backing off');
    expect(hits).toEqual([]);
    clock += backoffMs(1);
    const [r3] = await pollFeeds({ db: store, now });
    expect(r3!.status).toBe('error');
    expect(r3!.nextCheckAt).toBe(new Date(clock + backoffMs(2)).toISOString());
    expect(backoffMs(2)).toBe(2 * backoffMs(1));
    const [feed] = await listFeeds(store);
    expect(feed).toMatchObject({ errorCount: 2, lastError: expect.stringMatching(/503/) });
    feedStatus = 200;
    const [r4] = await pollFeeds({ db: store, now, force: true });
    expect(r4!.status).not.toBe('error');
    expect((await listFeeds(store))[0]).toMatchObject({ errorCount: 0, lastError: null });
  });
});
