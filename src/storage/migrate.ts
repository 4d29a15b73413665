import { type Kysely, sql } from 'kysely';
import { NewsintelError } from '../core/errors.js';
import { type Dialect, MIGRATIONS, type Migration, migrationChecksum } from './migrations.js';
import type { Database } from './schema.js';

/** Arbitrary constant key for PostgreSQL's advisory lock, so two processes never migrate at once. */
const PG_LOCK_KEY = 7_311_042;

/**
 * Applies pending migrations in order, each in its own transaction together with its record in
 * `newsintel_migrations`, after checking that every already applied migration is still the same (same id at
 * the same position, same checksum). Returns the ids it applied.
 */
export async function migrate(
  db: Kysely<Database>,
  dialect: Dialect,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<string[]> {
  // Under the same lock as the migrations: two processes opening a new PostgreSQL database at once would
  // otherwise both create the table (CREATE TABLE IF NOT EXISTS is not safe against a concurrent create).
  await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${PG_LOCK_KEY})`.execute(trx);
    await sql
      .raw(
        'CREATE TABLE IF NOT EXISTS newsintel_migrations (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)',
      )
      .execute(trx);
  });
  const applied: string[] = [];
  for (const [index, m] of migrations.entries()) {
    const checksum = migrationChecksum(m);
    const done = await db.transaction().execute(async (trx) => {
      if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${PG_LOCK_KEY})`.execute(trx);
      const rows = await trx.selectFrom('newsintel_migrations').selectAll().orderBy('id').execute();
      checkApplied(rows, migrations);
      if (rows.some((r) => r.id === m.id)) return false;
      if (rows.length !== index) {
        throw new NewsintelError('E_STORAGE', `storage: migration ${m.id} is out of order`);
      }
      for (const statement of m[dialect]) await sql.raw(statement).execute(trx);
      if (m.transform) await m.transform.run(trx, dialect);
      for (const statement of m.finish?.[dialect] ?? []) await sql.raw(statement).execute(trx);
      await trx
        .insertInto('newsintel_migrations')
        .values({ id: m.id, checksum, applied_at: new Date().toISOString() })
        .execute();
      return true;
    });
    if (done) applied.push(m.id);
  }
  return applied;
}

function checkApplied(rows: { id: string; checksum: string }[], migrations: readonly Migration[]): void {
  for (const row of rows) {
    const m = migrations.find((x) => x.id === row.id);
    if (!m) {
      throw new NewsintelError(
        'E_STORAGE',
        `storage: the database has migration ${row.id}, which this version of newsintel does not know (it was written by a newer version)`,
      );
    }
    if (migrationChecksum(m) !== row.checksum) {
      throw new NewsintelError('E_STORAGE', `storage: migration ${row.id} changed after it was applied`);
    }
  }
}
