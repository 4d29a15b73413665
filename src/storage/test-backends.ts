import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A throwaway database for a storage contract test: a SQLite file in a temp folder, or a fresh database on the
 * PostgreSQL server that `NEWSINTEL_PG_URL` names (CI starts one). One helper, so every contract suite runs
 * against both dialects the same way and drops what it made.
 */
export interface Backend {
  /** A path or `postgres://` URL for `openStore`. */
  location: string;
  cleanup(): Promise<void>;
}

/** A SQLite file in a new temp folder, removed by `cleanup`. */
export async function sqliteBackend(prefix = 'newsintel-store-'): Promise<Backend> {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    location: path.join(dir, 'test.db'),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A new database on the server at `url`, dropped (with its connections) by `cleanup`. */
export async function postgresBackend(url: string): Promise<Backend> {
  const name = `newsintel_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    location: u.toString(),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
