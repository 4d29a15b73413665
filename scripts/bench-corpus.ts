/**
 * `npm run bench:corpus`: cost of ingest with corpus linking as the store grows (articles/s at 1k, 10k and 50k
 * stories; story 100 vs story 10,000), and actor-page / event-query median latency on a 10k-story store. The
 * real wire stories of `../shared/eval/news/te3-silver-bulk/txt` are analysed once; bigger stores are synthetic
 * variants of them (new id, later date, one appended line), ~150 stories a day like a busy wire. Analysis
 * time is excluded (it is measured by `npm run bench`): this measures save + link. Speed is measured here,
 * never asserted in tests.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis } from '../src/core/types.js';
import { getActor, queryEvents } from '../src/corpus/queries.js';
import { readInput } from '../src/ingest/read-input.js';
import { analyzeDocument, articleId, toAnalysis } from '../src/services/analyze.js';
import { linkStoredArticle } from '../src/services/corpus.js';
import { openStore } from '../src/storage/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = existsSync(resolve(here, '../package.json')) ? resolve(here, '..') : resolve(here, '../..');
const bulk = resolve(root, '../shared/eval/news/te3-silver-bulk/txt');
const PER_DAY = 150;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

function variant(t: Analysis, k: number): Analysis {
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(k / PER_DAY) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const text = `${t.article.text}\n\nSynthetic variant ${k}.`;
  return { ...t, article: { ...t.article, id: articleId(`${k}:${t.article.id}`), published: day, text } };
}

async function main(): Promise<void> {
  if (!existsSync(bulk)) {
    console.log(`bench:corpus: ${bulk} is absent; nothing to measure`);
    return;
  }
  const sizes = (process.env.BENCH_CORPUS_SIZES ?? '1000,10000,50000').split(',').map(Number);
  const max = Math.max(...sizes);
  const dir = mkdtempSync(join(os.tmpdir(), 'newsintel-bench-corpus-'));
  // BENCH_CORPUS_RESUME=<bench.db> continues a store left by an earlier run (a copy of it): its real stories are
  // the templates, and the run goes on from its size. BENCH_CORPUS_DB=postgres://… measures an empty
  // PostgreSQL database instead of a temp SQLite file.
  const resume = process.env.BENCH_CORPUS_RESUME;
  const store = await openStore(resume ?? process.env.BENCH_CORPUS_DB ?? join(dir, 'bench.db'));
  const templates: Analysis[] = [];
  let start = 0;
  if (resume) {
    const rows = await store.db
      .selectFrom('articles')
      .select('id')
      .where('published', '<', '2020')
      .orderBy('ingested_at')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const t = await store.getArticle(r.id);
      if (t) templates.push(t);
    }
    start = await store.countArticles();
  } else {
    const files = readdirSync(bulk)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    for (const f of files) {
      const p = join(bulk, f);
      const src = readInput(readFileSync(p, 'utf8'), { filename: p }).sources[0];
      if (src) templates.push(toAnalysis(analyzeDocument(src)));
    }
  }
  console.log(`templates: ${templates.length} real stories; store grows from ${start} to ${max}`);
  const perArticle: number[] = [];
  const cpuPerArticle: number[] = [];
  try {
    let windowStart = process.hrtime.bigint();
    let windowFrom = start;
    for (let k = start; k < max; k++) {
      const a = k < templates.length ? templates[k]! : variant(templates[k % templates.length]!, k);
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      await store.saveArticle(a, a.article.text, 'bench');
      await linkStoredArticle(store, a);
      perArticle.push(Number(process.hrtime.bigint() - t0) / 1e6);
      const c = process.cpuUsage(c0);
      cpuPerArticle.push((c.user + c.system) / 1000);
      const n = k + 1;
      if (n % 5000 === 0 && !sizes.includes(n)) console.log(`… ${n} stories`);
      if (sizes.includes(n)) {
        const secs = Number(process.hrtime.bigint() - windowStart) / 1e9;
        const last = perArticle.slice(Math.max(0, n - start - 1000));
        const lastCpu = cpuPerArticle.slice(Math.max(0, n - start - 1000));
        const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
        console.log(
          `${n} stories: wall ${((n - windowFrom) / secs).toFixed(0)} articles/s over stories ${windowFrom + 1}-${n}; last 1,000: wall ${((1000 * last.length) / sum(last)).toFixed(0)} articles/s (median ${median(last).toFixed(2)} ms), CPU ${((1000 * lastCpu.length) / sum(lastCpu)).toFixed(0)} articles/s (median ${median(lastCpu).toFixed(2)} ms)`,
        );
        windowStart = process.hrtime.bigint();
        windowFrom = n;
      }
      if (n === 10_000 || n === max) {
        const actors = await store.db
          .selectFrom('corpus_actors')
          .select('id')
          .orderBy('mention_count', 'desc')
          .limit(200)
          .execute();
        const sample = actors.filter((_, i) => i % 4 === 0).map((r) => r.id);
        const actorMs: number[] = [];
        for (const id of sample) {
          const t = process.hrtime.bigint();
          await getActor(store.db, id);
          actorMs.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
        const types = ['CONSULT', 'ASSAULT', 'DEMAND', 'AGREE', 'FIGHT', null];
        const countries = ['USA', 'CHN', 'IRQ', 'RUS', null];
        const eventMs: number[] = [];
        for (let i = 0; i < 50; i++) {
          const t = process.hrtime.bigint();
          await queryEvents(store.db, {
            type: types[i % types.length],
            country: countries[i % countries.length],
            actor: i % 3 === 0 ? sample[i % sample.length] : null,
            from: '2020-01-10',
            to: '2020-03-01',
          });
          eventMs.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
        console.log(
          `at ${n} stories: actor page median ${median(actorMs).toFixed(1)} ms (${actorMs.length} top actors, max ${Math.max(...actorMs).toFixed(1)}), event query median ${median(eventMs).toFixed(1)} ms (50 queries, max ${Math.max(...eventMs).toFixed(1)})`,
        );
      }
    }
    const around = (xs: number[], i: number) => median(xs.slice(Math.max(0, i - 50), i + 50));
    if (start === 0 && max >= 10_000) {
      for (const [label, xs] of [
        ['wall', perArticle],
        ['CPU', cpuPerArticle],
      ] as const) {
        console.log(
          `${label}: story 100 cost ${around(xs, 100).toFixed(2)} ms, story 10,000 cost ${around(xs, 10_000).toFixed(2)} ms (median of ±50): ratio ${(around(xs, 10_000) / around(xs, 100)).toFixed(2)}`,
        );
      }
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
