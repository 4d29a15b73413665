import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonRecords } from '../ingest/json-records.js';
import { analyze } from '../services/analyze.js';
import { FeedRepository } from './feeds.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations.js';
import { type ArticleStore, openStore } from './store.js';
import { type Backend, postgresBackend, sqliteBackend } from './test-backends.js';

/**
 * Contract of the ingest tables (article origins, dedup by content, feeds), against a temp SQLite file and,
 * when NEWSINTEL_PG_URL is set, a PostgreSQL database created and dropped for the run.
 */

const PG_URL = process.env.NEWSINTEL_PG_URL;

const BODY =
  'Harbour workers in the test town of Westmere returned to work on Monday after a two-day stoppage.\n\n' +
  'The port operator said all six cranes were running again by noon, a sentence written for this test.';
const WIRE = `March 6, 2023\n\nHarbour workers end stoppage\n\nWESTMERE, March 6 (Newsintel Wire) -- ${BODY}\n\nSource: Newsintel Sample Desk`;
const JSONL = JSON.stringify({
  title: 'Harbour workers end stoppage',
  date: '2023-03-06',
  dateline: 'WESTMERE',
  text: BODY,
});

function contract(label: string, backend: () => Promise<Backend>): void {
  describe(`ingest tables contract (${label})`, () => {
    let b: Backend;
    let store: ArticleStore;
    beforeAll(async () => {
      b = await backend();
      store = await openStore(b.location);
    });
    afterAll(async () => {
      await store?.close();
      await b?.cleanup();
    });

    it('stores the same story from two formats once, with both origins', async () => {
      const fromWire = analyze(WIRE);
      const record = readJsonRecords(JSONL).sources[0]!;
      const fromJson = analyze(record);
      expect(fromWire.article.id).not.toBe(fromJson.article.id);
      expect(fromWire.article.text).toBe(fromJson.article.text);
      const first = await store.saveArticle(fromWire, WIRE, 'desk/harbour.txt');
      const second = await store.saveArticle(fromJson, record.raw, 'desk/harbour.jsonl#1');
      expect(first).toEqual({ id: fromWire.article.id, status: 'stored' });
      expect(second).toEqual({ id: fromWire.article.id, status: 'already stored' });
      expect(await store.countArticles()).toBe(1);
      expect((await store.listOrigins(first.id)).map((o) => o.origin).sort()).toEqual([
        'desk/harbour.jsonl#1',
        'desk/harbour.txt',
      ]);
      expect(await store.search('cranes')).toHaveLength(1);
    });

    it('records an origin once however often it is ingested', async () => {
      const a = analyze(WIRE);
      await store.saveArticle(a, WIRE, 'desk/harbour.txt');
      await store.saveArticle(a, WIRE, 'desk/harbour.txt');
      expect(
        (await store.listOrigins(a.article.id)).filter((o) => o.origin === 'desk/harbour.txt'),
      ).toHaveLength(1);
    });

    it('keeps feeds with validators, error state and backoff', async () => {
      const feeds = new FeedRepository(store.db);
      const url = 'https://desk.example/feed.xml';
      expect(await feeds.add(url, { now: '2025-01-01T00:00:00Z' })).toBe('added');
      expect(await feeds.add(url)).toBe('exists');
      expect((await feeds.due('2025-01-01T00:00:00Z')).map((f) => f.url)).toEqual([url]);

      await feeds.pollFailed(url, {
        error: 'HTTP 503',
        now: '2025-01-01T00:00:00Z',
        nextCheckAt: '2025-01-01T00:10:00Z',
      });
      await feeds.pollFailed(url, {
        error: 'HTTP 503',
        now: '2025-01-01T00:10:00Z',
        nextCheckAt: '2025-01-01T00:30:00Z',
      });
      let f = (await feeds.get(url))!;
      expect(f.errorCount).toBe(2);
      expect(f.lastError).toBe('HTTP 503');
      expect(await feeds.due('2025-01-01T00:20:00Z')).toEqual([]);
      expect(await feeds.due('2025-01-01T00:30:00Z')).toHaveLength(1);

      await feeds.pollSucceeded(url, {
        etag: '"abc"',
        lastModified: 'Wed, 01 Jan 2025 00:00:00 GMT',
        title: 'Sample Desk',
        now: '2025-01-01T00:31:00Z',
        nextCheckAt: '2025-01-01T01:31:00Z',
      });
      f = (await feeds.get(url))!;
      expect(f).toMatchObject({
        errorCount: 0,
        lastError: null,
        etag: '"abc"',
        title: 'Sample Desk',
        allowPrivate: false,
      });
    });

    it('remembers feed items and counts failed attempts', async () => {
      const feeds = new FeedRepository(store.db);
      const url = 'https://desk.example/items.xml';
      await feeds.add(url);
      const now = '2025-01-02T00:00:00Z';
      await feeds.recordItem(url, 'guid-1', {
        link: 'https://desk.example/1',
        articleId: 'sha256:x',
        status: 'stored',
        error: null,
        now,
      });
      await feeds.recordItem(url, 'guid-2', {
        link: 'https://desk.example/2',
        articleId: null,
        status: 'failed',
        error: 'HTTP 500',
        now,
      });
      await feeds.recordItem(url, 'guid-2', {
        link: 'https://desk.example/2',
        articleId: null,
        status: 'failed',
        error: 'HTTP 500',
        now,
      });
      const states = await feeds.itemStates(url, ['guid-1', 'guid-2', 'guid-3']);
      expect(states.get('guid-1')).toEqual({ status: 'stored', attempts: 1, articleId: 'sha256:x' });
      expect(states.get('guid-2')).toMatchObject({ status: 'failed', attempts: 2 });
      expect(states.has('guid-3')).toBe(false);
      expect(await feeds.remove(url)).toBe(true);
      expect((await feeds.itemStates(url, ['guid-1'])).size).toBe(0);
    });
  });
}

contract('sqlite', sqliteBackend);
if (PG_URL) contract('postgres', () => postgresBackend(PG_URL));
else
  describe.skip('ingest tables contract (postgres): NEWSINTEL_PG_URL is not set', () =>
    it('skipped', () => {}));

describe('the origins migration on an existing database', () => {
  it('seeds article_origins from articles.origin', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-origins-'));
    try {
      const file = path.join(dir, 'old.db');
      // The 0001 schema (with `articles.raw`), not the current Database type.
      // biome-ignore lint/suspicious/noExplicitAny: an old schema version.
      const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
      await migrate(db, 'sqlite', MIGRATIONS.slice(0, 1));
      const a = analyze(WIRE);
      await db
        .insertInto('articles')
        .values({
          id: a.article.id,
          source: null,
          url: null,
          published: null,
          headline: null,
          byline: null,
          dateline: null,
          version_tag: null,
          version_number: null,
          text: a.article.text,
          raw: WIRE,
          content_hash: 'sha256:old',
          origin: 'old/harbour.txt',
          ingested_at: '2024-01-01T00:00:00Z',
        })
        .execute();
      await migrate(db, 'sqlite');
      const rows = await db.selectFrom('article_origins').selectAll().execute();
      expect(rows).toEqual([
        { article_id: a.article.id, origin: 'old/harbour.txt', first_seen: '2024-01-01T00:00:00Z' },
      ]);
      await db.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
