/**
 * `npm run bench:storage`: bytes per stored article at scale, and query latency, against a same-run baseline
 * in the old (0001) layout built from the same analyses. The stories are `../shared/eval/news/te3-silver-bulk`
 * (1,198 real wire stories) × 5 variants (a one-line editor's note numbers each variant, so every copy is a
 * distinct text): 5,990 articles. Without `../shared` it measures the sample desk ×1000 variants and says so.
 * Options: `--variants N` (default 5), `--jobs N` (analysis threads, default: cores).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { packageRoot } from '../src/services/assets.js';
import { ingest } from '../src/services/ingest.js';
import { createAnalysisPool, defaultJobs } from '../src/services/pool/analysis-pool.js';
import { writeLegacyArticle } from '../src/storage/legacy-0001.js';
import { migrate } from '../src/storage/migrate.js';
import { MIGRATIONS } from '../src/storage/migrations.js';
import { openStore, SUMMARY_COLUMNS } from '../src/storage/store.js';

const shared = resolve(packageRoot(), '../shared/eval/news/te3-silver-bulk/txt');

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** File size with its WAL checkpointed in, so the figure is what a copy of the database would take. */
function dbBytes(file: string): number {
  const h = new SqliteDatabase(file);
  h.pragma('wal_checkpoint(TRUNCATE)');
  h.close();
  return statSync(file).size;
}

function quantiles(ms: number[]): { p50: number; p99: number } {
  const s = [...ms].sort((a, b) => a - b);
  return {
    p50: s[Math.floor(s.length * 0.5)]!,
    p99: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]!,
  };
}

async function timeEach<T>(
  items: readonly T[],
  f: (x: T) => Promise<unknown>,
): Promise<{ p50: number; p99: number }> {
  const ms: number[] = [];
  for (const x of items) {
    const t0 = performance.now();
    await f(x);
    ms.push(performance.now() - t0);
  }
  return quantiles(ms);
}

async function main(): Promise<void> {
  const haveShared = (() => {
    try {
      return statSync(shared).isDirectory();
    } catch {
      return false;
    }
  })();
  const sourceDir = haveShared ? shared : join(packageRoot(), 'samples');
  const variants = flag('variants', haveShared ? 5 : 1000);
  const jobs = flag('jobs', defaultJobs());
  const files = readdirSync(sourceDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const work = mkdtempSync(join(tmpdir(), 'newsintel-bench-storage-'));
  try {
    const inputs = join(work, 'in');
    mkdirSync(inputs);
    let textBytes = 0;
    for (let v = 0; v < variants; v++) {
      for (const f of files) {
        const raw = readFileSync(join(sourceDir, f), 'utf8');
        const text =
          v === 0
            ? raw
            : `${raw.trimEnd()}\n\nEditor's note: copy ${v} of this story, for the storage benchmark.\n`;
        textBytes += Buffer.byteLength(text);
        writeFileSync(join(inputs, `${v}-${f}`), text);
      }
    }
    const n = files.length * variants;
    console.log(
      `bench-storage: ${n} stories (${files.length} × ${variants} variants) from ${haveShared ? sourceDir : `${sourceDir} (the sample desk: ../shared is absent)`}, ${jobs} analysis threads (Node ${process.version})`,
    );

    // The current layout, through the real ingest path.
    const leanFile = join(work, 'lean.db');
    const lean = await openStore(leanFile);
    const pool = await createAnalysisPool({ jobs });
    const t0 = performance.now();
    const result = await ingest([inputs], { db: lean, pool });
    const ingestS = (performance.now() - t0) / 1000;
    await pool.close();
    if (result.failed.length > 0)
      console.log(`failed: ${result.failed.length} (first: ${result.failed[0]!.reason})`);

    // The same-run baseline: the same analyses written in the 0001 layout.
    const legacyFile = join(work, 'legacy.db');
    // biome-ignore lint/suspicious/noExplicitAny: the 0001 schema.
    const legacy = new Kysely<any>({
      dialect: new SqliteDialect({ database: new SqliteDatabase(legacyFile) }),
    });
    await migrate(legacy, 'sqlite', MIGRATIONS.slice(0, 1));
    const ids: string[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await lean.listArticles({ limit: 1000, offset });
      for (const a of page) {
        ids.push(a.id);
        await writeLegacyArticle(
          legacy,
          'sqlite',
          (await lean.getArticle(a.id))!,
          (await lean.getRaw(a.id))!,
        );
      }
      if (page.length < 1000) break;
    }
    const leanBytes = dbBytes(leanFile);
    await legacy.destroy();
    const legacyBytes = dbBytes(legacyFile);
    // biome-ignore lint/suspicious/noExplicitAny: the 0001 schema.
    const legacyDb = new Kysely<any>({
      dialect: new SqliteDialect({ database: new SqliteDatabase(legacyFile, { readonly: true }) }),
    });

    // Queries: the same ids, pages and words on both.
    const sample = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / 300)) === 0);
    const words = [
      'minister',
      'talks',
      'percent',
      'police',
      'election',
      'troops',
      'market',
      'president',
      'rain',
      'oil',
    ];
    const pages = Array.from({ length: 50 }, (_, i) => (i * 37) % Math.max(1, ids.length - 20));
    const leanQ = {
      get: await timeEach(sample, (id) => lean.getArticle(id)),
      list: await timeEach(pages, (offset) => lean.listArticles({ limit: 20, offset })),
      search: await timeEach(words, (w) => lean.search(w)),
      entities: await timeEach(sample, (id) =>
        lean.db
          .selectFrom('annotations')
          .selectAll()
          .where('article_id', '=', id)
          .where('layer', '=', 'entity')
          .execute(),
      ),
    };
    const legacyQ = {
      get: await timeEach(sample, async (id) => {
        const r = await legacyDb
          .selectFrom('analyses')
          .select('json')
          .where('article_id', '=', id)
          .executeTakeFirst();
        return JSON.parse(r!.json);
      }),
      list: await timeEach(pages, (offset) =>
        legacyDb
          .selectFrom('articles')
          .select(SUMMARY_COLUMNS)
          .orderBy(sql`published IS NULL`)
          .orderBy('published', 'desc')
          .orderBy('ingested_at', 'desc')
          .orderBy('id')
          .limit(20)
          .offset(offset)
          .execute(),
      ),
      search: await timeEach(words, (w) =>
        sql`SELECT a.id, a.headline, snippet(articles_fts, 2, '[', ']', '…', 24) AS snippet, -bm25(articles_fts, 0.0, 5.0, 1.0) AS score
            FROM articles_fts JOIN articles a ON a.id = articles_fts.article_id
            WHERE articles_fts MATCH ${`"${w}"`} ORDER BY bm25(articles_fts, 0.0, 5.0, 1.0), a.id LIMIT 20`.execute(
          legacyDb,
        ),
      ),
      entities: await timeEach(sample, (id) =>
        legacyDb
          .selectFrom('annotations')
          .selectAll()
          .where('article_id', '=', id)
          .where('layer', '=', 'entity')
          .execute(),
      ),
    };
    await legacyDb.destroy();
    await lean.close();

    const kb = (b: number) => (b / 1024 / n).toFixed(1);
    console.log('');
    console.log('| layout | database bytes | KB per article | × input text |');
    console.log('|---|---|---|---|');
    console.log(`| input text (baseline) | ${textBytes} | ${kb(textBytes)} | 1.0× |`);
    console.log(
      `| 0001 layout (same analyses, same run) | ${legacyBytes} | ${kb(legacyBytes)} | ${(legacyBytes / textBytes).toFixed(1)}× |`,
    );
    console.log(
      `| current layout (0020) | ${leanBytes} | ${kb(leanBytes)} | ${(leanBytes / textBytes).toFixed(1)}× |`,
    );
    console.log('');
    console.log('| query (ms, p50 / p99) | 0001 layout | current layout |');
    console.log('|---|---|---|');
    const q = (name: string, k: keyof typeof leanQ) =>
      console.log(
        `| ${name} | ${legacyQ[k].p50.toFixed(2)} / ${legacyQ[k].p99.toFixed(2)} | ${leanQ[k].p50.toFixed(2)} / ${leanQ[k].p99.toFixed(2)} |`,
      );
    q(`get one analysis (${sample.length} ids)`, 'get');
    q('list a page of 20 (50 offsets)', 'list');
    q(`search one word, top 20 (${words.length} words)`, 'search');
    q('annotations of one article, entity layer', 'entities');
    console.log('');
    console.log(
      `ingest (current layout, ${jobs} threads, from cold): ${n} stories in ${ingestS.toFixed(1)} s = ${(n / ingestS).toFixed(1)} stories/s`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
