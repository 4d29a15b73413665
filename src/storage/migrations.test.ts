import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from './migrate.js';
import { MIGRATIONS, type Migration, migrationChecksum } from './migrations.js';
import type { Database } from './schema.js';
import { openStore } from './store.js';

/**
 * Migrations are append-only. These pins fail when a released migration is edited, removed or reordered;
 * when you add a migration, append its id and checksum here (never change an existing line).
 */
const RELEASED: [id: string, checksum: string][] = [
  ['0001_initial', '95b6fab21bdbcc108d429bbe754479fff4dc9207a8f22dcdd82419ee43587416'],
  ['0010_corpus', 'e802e390073a814e5f6990cc8211aec08c05709e3b3742b207caa794c817253d'],
  ['0020_lean_storage', 'b928b3cb68a460bbed050dc4b2fa41be810d717c509eefa7812a953872914bbe'],
  ['0030_ingest_origins_feeds', 'd79f8af2d77505e6ac68ba013873d4beb65ba8be08ede6382f502fc76f417669'],
  ['0050_query_paths', 'eac6af43d69a74b949510be2a9df5af90f56c1ca9c30b860ae196964d1d49bb0'],
];

describe('migration list', () => {
  it('keeps every released migration, in order, with unchanged content', () => {
    const current = MIGRATIONS.map((m) => [m.id, migrationChecksum(m)]);
    expect(current.slice(0, RELEASED.length)).toEqual(RELEASED);
  });

  it('has unique, sortable ids so applied order equals list order', () => {
    const ids = MIGRATIONS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^\d{4}_[a-z0-9_]+$/);
  });
});

describe('migrate (sqlite)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function tempDb(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-migrate-'));
    dirs.push(dir);
    return path.join(dir, 'm.db');
  }
  function kysely(file: string): Kysely<Database> {
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
  }

  it('applies pending migrations once, in order', async () => {
    const file = tempDb();
    const extra: Migration = {
      id: '9999_test',
      description: 't',
      sqlite: ['CREATE TABLE t9 (x INTEGER)'],
      postgres: [],
    };
    const db = kysely(file);
    expect(await migrate(db, 'sqlite', MIGRATIONS)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(await migrate(db, 'sqlite', [...MIGRATIONS, extra])).toEqual(['9999_test']);
    expect(await migrate(db, 'sqlite', [...MIGRATIONS, extra])).toEqual([]);
    await db.destroy();
  });

  it('rolls back a failing migration completely', async () => {
    const file = tempDb();
    const db = kysely(file);
    const bad: Migration = {
      id: '9999_bad',
      description: 'fails halfway',
      sqlite: ['CREATE TABLE half (x INTEGER)', 'THIS IS NOT SQL'],
      postgres: [],
    };
    await expect(migrate(db, 'sqlite', [...MIGRATIONS, bad])).rejects.toThrow();
    const ids = await db.selectFrom('newsintel_migrations').select('id').execute();
    expect(ids.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).not.toContain('half');
    await db.destroy();
  });

  it('refuses a database whose applied migration was edited or is unknown', async () => {
    const file = tempDb();
    await (await openStore(file)).close();
    const raw = new SqliteDatabase(file);
    raw.prepare("UPDATE newsintel_migrations SET checksum = 'x' WHERE id = '0001_initial'").run();
    raw.close();
    await expect(openStore(file)).rejects.toMatchObject({
      code: 'E_STORAGE',
      message: /changed after it was applied/,
    });

    const file2 = tempDb();
    await (await openStore(file2)).close();
    const raw2 = new SqliteDatabase(file2);
    raw2.prepare("INSERT INTO newsintel_migrations VALUES ('9000_future', 'x', 'now')").run();
    raw2.close();
    await expect(openStore(file2)).rejects.toMatchObject({ code: 'E_STORAGE', message: /newer version/ });
  });

  it('reports a missing folder as a storage error', async () => {
    await expect(openStore(path.join(os.tmpdir(), 'no-such-dir-newsintel', 'x.db'))).rejects.toMatchObject({
      code: 'E_STORAGE',
    });
  });
});
