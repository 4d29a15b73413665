/**
 * Desk speed on a large store: builds (once, cached) a store of `--size` stories from the public wire stories
 * in ../shared/eval/news/te3-silver-bulk (read for speed only, never shipped) plus synthetic variants of them
 * (the same analysis under a new id, published N×10 days later, so variants land in their own stories and
 * clusters), links every article into the corpus as ingest does, then measures:
 *   - the JSON API behind every view: median and p95 over varied requests, on loopback;
 *   - first contentful paint and "view ready" (the view's data rendered) of every view in headless Chromium;
 *   - the gzipped size of the web bundle.
 * Usage: npm run bench:desk -- [--size 10000] [--db /tmp/newsintel-desk-10k.db] [--runs 25] [--build-only]
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createApiServer, listen } from '../src/api/server.js';
import type { Analysis } from '../src/core/types.js';
import { decodeInput } from '../src/ingest/decode.js';
import { readInput } from '../src/ingest/read-input.js';
import { analyzeDocument, toAnalysis } from '../src/services/analyze.js';
import { packageRoot, webRoot } from '../src/services/assets.js';
import { linkStoredArticle } from '../src/services/corpus.js';
import { pipelineVersion } from '../src/services/corpus-version.js';
import { type ArticleStore, openStore } from '../src/storage/index.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const SIZE = Number(arg('size', '10000'));
const DB = arg('db', `/tmp/newsintel-desk-${SIZE}.db`);
const RUNS = Number(arg('runs', '25'));
const SOURCE = path.resolve(packageRoot(), arg('source', '../shared/eval/news/te3-silver-bulk/txt'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function shiftDate(iso: string | null, days: number): string | null {
  if (!iso || days === 0) return iso;
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t + days * 86_400_000).toISOString();
  return iso.length === 10 ? d.slice(0, 10) : d;
}

/**
 * The same analysis as variant `k`: a new id from a marked raw text, dates moved k×10 days, and a marker line
 * after the text (no span moves) so the store, which deduplicates by repaired text, keeps it as a new article.
 */
function variant(a: Analysis, raw: string, k: number): { analysis: Analysis; raw: string } {
  if (k === 0) return { analysis: a, raw };
  const vraw = `${raw}\n<!-- synthetic variant ${k} -->`;
  const id = `sha256:${createHash('sha256').update(vraw, 'utf8').digest('hex')}`;
  const days = k * 10;
  const text = `${a.article.text}\n\n(synthetic variant ${k})`;
  return {
    raw: vraw,
    analysis: {
      ...a,
      article: { ...a.article, id, text, published: shiftDate(a.article.published, days) },
      events: a.events.map((e) => ({ ...e, date: shiftDate(e.date, days) })),
      times: a.times.map((t) => ({
        ...t,
        value: t.value && /^\d{4}-\d{2}-\d{2}$/.test(t.value) ? shiftDate(t.value, days) : t.value,
      })),
    },
  };
}

async function buildStore(store: ArticleStore): Promise<void> {
  const have = await store.countArticles();
  if (have >= SIZE) {
    console.log(`store ${DB}: ${have} articles (cached)`);
    return;
  }
  if (!existsSync(SOURCE)) throw new Error(`bench-desk: ${SOURCE} is missing (needs ../shared)`);
  const files = readdirSync(SOURCE)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const t0 = performance.now();
  // The analyses of the real stories are cached next to the store (keyed by the stories' names and sizes and
  // the pipeline version), so a rebuild of the store only pays for saving and linking.
  const key = createHash('sha256')
    .update(pipelineVersion())
    .update(files.map((f) => `${f}:${statSync(path.join(SOURCE, f)).size}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const cache = `${DB}.analyses-${key}.jsonl`;
  let base: { analysis: Analysis; raw: string }[] = [];
  if (existsSync(cache)) {
    base = readFileSync(cache, 'utf8')
      .split('\n')
      .filter((l) => l)
      .map((l) => JSON.parse(l) as { analysis: Analysis; raw: string });
    console.log(`read ${base.length} cached analyses from ${cache}`);
  } else {
    for (const f of files) {
      const text = decodeInput(readFileSync(path.join(SOURCE, f)));
      for (const source of readInput(text, { filename: f }).sources) {
        base.push({ analysis: toAnalysis(analyzeDocument(source)), raw: source.raw });
      }
    }
    writeFileSync(cache, `${base.map((b) => JSON.stringify(b)).join('\n')}\n`);
    console.log(`analysed ${base.length} stories in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  let n = 0;
  const t1 = performance.now();
  for (let k = 0; n < SIZE; k++) {
    for (const b of base) {
      if (n >= SIZE) break;
      const v = variant(b.analysis, b.raw, k);
      await store.saveArticle(v.analysis, v.raw, `bench#${k}`);
      await linkStoredArticle(store, v.analysis);
      n++;
      if (n % 1000 === 0)
        console.log(`  stored and linked ${n} (${((performance.now() - t1) / 1000).toFixed(0)} s)`);
    }
  }
  console.log(`store ${DB}: ${await store.countArticles()} articles`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : Number.NaN;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]! : Number.NaN;
};

async function timeGet(url: string): Promise<{ ms: number; status: number; body: unknown }> {
  const t = performance.now();
  const res = await fetch(url);
  const body = await res.json();
  return { ms: performance.now() - t, status: res.status, body };
}

async function main(): Promise<void> {
  const store = await openStore(DB);
  await buildStore(store);
  if (process.argv.includes('--build-only')) {
    await store.close();
    return;
  }
  const server = createApiServer({ store, webRoot: webRoot() });
  const base = await listen(server, 0, '127.0.0.1');

  // Request pools: varied ids and queries drawn from the store.
  const arts = (await store.listArticles({ limit: 1000, offset: 0 }))
    .filter((_, i) => i % 37 === 0)
    .slice(0, RUNS);
  const ids = arts.map((a) => a.id);
  const actorsPage = (await timeGet(`${base}/api/actors?q=a&limit=100`)).body as {
    items: { id: string; name: string }[];
  };
  const actorIds = actorsPage.items.slice(0, RUNS).map((a) => a.id);
  const actorNames = actorsPage.items.slice(0, RUNS).map((a) => a.name.split(' ').pop() ?? a.name);
  const clusterIds: string[] = [];
  for (const id of ids) {
    const s = (await timeGet(`${base}/api/stories/${encodeURIComponent(id)}`)).body as {
      clusterId?: string | null;
    };
    if (s.clusterId) clusterIds.push(s.clusterId);
  }
  const words = [
    'minister',
    'police',
    'election',
    'talks',
    'oil',
    'president',
    'market',
    'troops',
    'rain',
    'court',
  ];
  const types = ['CONSULT', 'ASSAULT', 'DEMAND', 'AGREE', 'PROTEST'];
  const subjects = ['people', 'troops', 'dollars', 'percent', 'tonnes'];
  const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!;
  const routes: { view: string; route: string; url: (i: number) => string }[] = [
    {
      view: 'Home',
      route: 'GET /api/desk/home?since=',
      url: () =>
        `${base}/api/desk/home?since=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`,
    },
    {
      view: 'Reader',
      route: 'GET /api/articles/:id',
      url: (i) => `${base}/api/articles/${encodeURIComponent(pick(ids, i))}`,
    },
    {
      view: 'Story',
      route: 'GET /api/stories/:id',
      url: (i) => `${base}/api/stories/${encodeURIComponent(pick(ids, i))}`,
    },
    {
      view: 'Cluster',
      route: 'GET /api/clusters/:id',
      url: (i) => `${base}/api/clusters/${encodeURIComponent(pick(clusterIds, i))}`,
    },
    {
      view: 'Actor',
      route: 'GET /api/actors?q=',
      url: (i) => `${base}/api/actors?q=${encodeURIComponent(pick(actorNames, i))}&limit=20`,
    },
    {
      view: 'Actor',
      route: 'GET /api/actors/:id',
      url: (i) => `${base}/api/actors/${encodeURIComponent(pick(actorIds, i))}`,
    },
    {
      view: 'Events',
      route: 'GET /api/events?type=&limit=200',
      url: (i) => `${base}/api/events?type=${pick(types, i)}&limit=200`,
    },
    {
      view: 'Events',
      route: 'GET /api/events?limit=200 (no filter)',
      url: (i) => `${base}/api/events?limit=200&offset=${(i % 5) * 200}`,
    },
    { view: 'Events', route: 'GET /api/network', url: () => `${base}/api/network` },
    {
      view: 'Claims',
      route: 'GET /api/claims/series?subject=',
      url: (i) => `${base}/api/claims/series?subject=${pick(subjects, i)}&limit=10`,
    },
    {
      view: 'Search',
      route: 'GET /api/desk/search?q=',
      url: (i) => `${base}/api/desk/search?q=${pick(words, i)}&limit=50`,
    },
  ];
  console.log(
    `\nAPI on loopback, ${await store.countArticles()} articles, ${RUNS} requests each (after 2 warm-up):`,
  );
  console.log('| view | route | median ms | p95 ms |');
  console.log('|---|---|---|---|');
  for (const r of routes) {
    for (let i = 0; i < 2; i++) await timeGet(r.url(i));
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = await timeGet(r.url(i));
      if (t.status !== 200)
        throw new Error(`${r.route}: HTTP ${t.status} ${JSON.stringify(t.body).slice(0, 200)}`);
      ms.push(t.ms);
    }
    console.log(`| ${r.view} | \`${r.route}\` | ${median(ms).toFixed(1)} | ${p95(ms).toFixed(1)} |`);
  }

  // Browser: first contentful paint and time to the view's data on screen, fresh page each time.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const views: { view: string; hash: (i: number) => string }[] = [
    { view: 'Home', hash: () => '#/' },
    { view: 'Reader', hash: (i) => `#/read/${encodeURIComponent(pick(ids, i))}` },
    { view: 'Story', hash: (i) => `#/story/${encodeURIComponent(pick(ids, i))}` },
    { view: 'Cluster', hash: (i) => `#/cluster/${encodeURIComponent(pick(clusterIds, i))}` },
    { view: 'Actor', hash: (i) => `#/actor/${encodeURIComponent(pick(actorIds, i))}` },
    { view: 'Events', hash: (i) => `#/events?type=${pick(types, i)}` },
    { view: 'Claims', hash: (i) => `#/claims?subject=${pick(subjects, i)}` },
    { view: 'Search', hash: (i) => `#/search?q=${pick(words, i)}` },
    { view: 'Ingest', hash: () => '#/ingest' },
  ];
  const pageRuns = Math.max(3, Math.min(10, RUNS));
  console.log(`\nChromium (headless, loopback), ${pageRuns} fresh loads per view:`);
  console.log('| view | FCP median ms | FCP p95 ms | view ready median ms | view ready p95 ms |');
  console.log('|---|---|---|---|---|');
  for (const v of views) {
    const fcp: number[] = [];
    const readyAll: number[] = [];
    let missing = 0;
    for (let i = 0; i < pageRuns + 1; i++) {
      const page = await browser.newPage();
      await page.goto(`${base}/${v.hash(i)}`);
      await page.locator('main[data-ready]').waitFor({ timeout: 60_000 });
      const ready = await page.evaluate(() => performance.now());
      // The paint entry can be queued after the view marks itself ready: wait for it (buffered observer)
      // rather than reading a missing entry as NaN, which poisoned the median.
      const fcpAt = await page.evaluate(
        () =>
          new Promise<number | null>((resolve) => {
            const seen = performance.getEntriesByName('first-contentful-paint')[0];
            if (seen) return resolve(seen.startTime);
            const timer = setTimeout(() => resolve(null), 3000);
            new PerformanceObserver((list) => {
              const e = list.getEntriesByName('first-contentful-paint')[0];
              if (e) {
                clearTimeout(timer);
                resolve(e.startTime);
              }
            }).observe({ type: 'paint', buffered: true });
          }),
      );
      await page.close();
      if (i === 0) continue; // warm-up
      if (fcpAt === null) missing++;
      else fcp.push(fcpAt);
      readyAll.push(ready);
    }
    const fcpCell = (f: (xs: number[]) => number) => (fcp.length ? f(fcp).toFixed(0) : 'n/a');
    console.log(
      `| ${v.view} | ${fcpCell(median)} | ${fcpCell(p95)} | ${median(readyAll).toFixed(0)} | ${p95(readyAll).toFixed(0)} |` +
        (missing ? ` (${missing} load(s) without a paint entry, left out)` : ''),
    );
  }
  await browser.close();

  const assets = path.join(webRoot(), 'assets');
  let js = 0;
  let css = 0;
  let jsRaw = 0;
  for (const f of readdirSync(assets)) {
    const buf = readFileSync(path.join(assets, f));
    if (f.endsWith('.js')) {
      js += gzipSync(buf, { level: 9 }).length;
      jsRaw += buf.length;
    }
    if (f.endsWith('.css')) css += gzipSync(buf, { level: 9 }).length;
  }
  console.log(
    `\nbundle: JS ${(jsRaw / 1024).toFixed(1)} kB raw, ${(js / 1024).toFixed(1)} kB gzipped; CSS ${(css / 1024).toFixed(1)} kB gzipped`,
  );
  await new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
  await store.close();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
