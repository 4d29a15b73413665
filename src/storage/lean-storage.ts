import { type Kysely, sql } from 'kysely';
import type { Analysis } from '../core/types.js';
import { packAnalysis, packText } from './codec.js';
import type { Dialect, MigrationTransform } from './migrations.js';

/** Rows copied per round trip: bounded memory however large the store. */
const BATCH = 200;

/**
 * The data step of migration 0020: compresses every `articles.raw` into `raw_z` and every analysis JSON into
 * `analyses_packed.body` (without the article text, which `articles.text` keeps), in id order, a batch at a
 * time. It runs inside the migration's transaction, so a failure leaves the store as it was.
 */
export const LEAN_STORAGE_TRANSFORM: MigrationTransform = Object.freeze({
  name: 'lean_storage_v1',
  // biome-ignore lint/suspicious/noExplicitAny: between two schema versions.
  async run(trx: Kysely<any>, _dialect: Dialect): Promise<void> {
    let after = '';
    for (;;) {
      const rows = (
        await sql<{
          id: string;
          raw: string;
          format: string | null;
          json: string | null;
          created_at: string | null;
        }>`
          SELECT a.id, a.raw, n.format, n.json, n.created_at
          FROM articles a LEFT JOIN analyses n ON n.article_id = a.id
          WHERE a.id > ${after} ORDER BY a.id LIMIT ${BATCH}`.execute(trx)
      ).rows;
      if (rows.length === 0) return;
      for (const r of rows) {
        await sql`UPDATE articles SET raw_z = ${packText(r.raw)} WHERE id = ${r.id}`.execute(trx);
        if (r.json !== null) {
          const body = packAnalysis(JSON.parse(r.json) as Analysis);
          await sql`INSERT INTO analyses_packed (article_id, format, body, created_at)
            VALUES (${r.id}, ${r.format}, ${body}, ${r.created_at})`.execute(trx);
        }
      }
      after = rows[rows.length - 1]!.id;
    }
  },
});
