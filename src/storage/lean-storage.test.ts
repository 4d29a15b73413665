import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../services/analyze.js';
import { samplesDir } from '../services/assets.js';
import { writeLegacyArticle } from './legacy-0001.js';
import { migrate } from './migrate.js';
import { type Dialect, MIGRATIONS } from './migrations.js';
import { openStore } from './store.js';

const PG_URL = process.env.NEWSINTEL_PG_URL;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Our fictional sample stories, analysed: the old store gets real analyses with every layer. */
const stories = ['grain-talks.txt', 'port-strike.txt', 'typhoon-kestrel-lead.txt'].map((f) => {
  const raw = readFileSync(path.join(samplesDir(), f), 'utf8');
  return { raw, analysis: analyze(raw) };
});

/** A store made by the old release: only migration 0001, rows written the 0001 way. */
// biome-ignore lint/suspicious/noExplicitAny: the 0001 schema is not the current Database type.
async function writeOldStore(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await migrate(db, dialect, MIGRATIONS.slice(0, 1));
  for (const { raw, analysis } of stories) await writeLegacyArticle(db, dialect, analysis, raw);
}

async function checkMigrated(location: string, oldRows: Record<string, unknown>[]): Promise<void> {
  const store = await openStore(location);
  try {
    for (const { raw, analysis } of stories) {
      expect(await store.getArticle(analysis.article.id)).toEqual(analysis);
      expect(await store.getRaw(analysis.article.id)).toBe(raw);
    }
    // Every annotation row survives, minus the payload the analysis already holds.
    const now = await store.db
      .selectFrom('annotations')
      .selectAll()
      .orderBy('article_id')
      .orderBy('layer')
      .orderBy('ann_id')
      .execute();
    expect(now).toEqual(oldRows.map(({ payload: _payload, ...rest }) => rest));
    expect((await store.search('strike')).length).toBeGreaterThan(0);
    // New articles number on after the migrated ones, and the view's insert/delete triggers work.
    const fresh = analyze('A new test story written for the migration test, about a harbour crane.');
    expect((await store.saveArticle(fresh, 'new raw', 'test')).status).toBe('stored');
    const seqs = await store.db.selectFrom('articles').select('seq').orderBy('seq').execute();
    expect(new Set(seqs.map((r) => r.seq)).size).toBe(stories.length + 1);
    await store.db
      .insertInto('annotations')
      .values({
        article_id: fresh.article.id,
        layer: 'claim',
        ann_id: 'c99',
        start: 0,
        end: 1,
        type: null,
        label: null,
        value: null,
        kb: null,
        country: null,
      })
      .execute();
    await store.db
      .deleteFrom('annotations')
      .where('article_id', '=', fresh.article.id)
      .where('ann_id', '=', 'c99')
      .execute();
    expect(
      await store.db.selectFrom('annotation_rows').select('ann_id').where('ann_id', '=', 'c99').execute(),
    ).toEqual([]);
    // The search index follows updates and deletes of articles (SQLite: triggers on external content).
    expect((await store.search('crane')).map((h) => h.id)).toEqual([fresh.article.id]);
    await store.db
      .updateTable('articles')
      .set({ headline: 'Zeppelin sighting' })
      .where('id', '=', fresh.article.id)
      .execute();
    expect((await store.search('zeppelin')).map((h) => h.id)).toEqual([fresh.article.id]);
    await store.db.deleteFrom('articles').where('id', '=', fresh.article.id).execute();
    expect(await store.search('crane')).toEqual([]);
    expect(
      await store.db
        .selectFrom('annotations')
        .select('ann_id')
        .where('article_id', '=', fresh.article.id)
        .execute(),
    ).toEqual([]);
  } finally {
    await store.close();
  }
}

describe('migration 0020 (lean storage)', () => {
  it('converts a SQLite store made by the old schema without losing anything', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-lean-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'old.db');
    // biome-ignore lint/suspicious/noExplicitAny: old schema.
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
    await writeOldStore(db, 'sqlite');
    const oldRows = await db
      .selectFrom('annotations')
      .selectAll()
      .orderBy('article_id')
      .orderBy('layer')
      .orderBy('ann_id')
      .execute();
    expect(oldRows.length).toBeGreaterThan(5);
    await db.destroy();
    await checkMigrated(file, oldRows);
  });

  it.skipIf(!PG_URL)(
    'converts a PostgreSQL store made by the old schema without losing anything',
    async () => {
      const name = `newsintel_lean_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      cleanups.push(async () => {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      });
      const u = new URL(PG_URL!);
      u.pathname = `/${name}`;
      // biome-ignore lint/suspicious/noExplicitAny: old schema.
      const db = new Kysely<any>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: u.toString() }) }),
      });
      await writeOldStore(db, 'postgres');
      const oldRows = await db
        .selectFrom('annotations')
        .selectAll()
        .orderBy('article_id')
        .orderBy('layer')
        .orderBy('ann_id')
        .execute();
      await db.destroy();
      await checkMigrated(u.toString(), oldRows);
    },
  );
});
