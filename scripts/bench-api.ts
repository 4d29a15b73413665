/**
 * `npm run bench:api`: a loopback load test of the HTTP API while analyses run. It starts the real server
 * (`startServer`: SQLite, the analysis pool, budget and bounded queue) on 127.0.0.1 with the sample desk, then
 * runs three phases, each bounded in requests and time:
 *   1. baseline: GET routes alone at concurrency 64;
 *   2. GET routes at concurrency 64 while 8 clients keep POSTing analyses;
 *   3. `/api/health` at concurrency 64 while 64 clients POST analyses (the queue fills: 503 + Retry-After).
 * Reports p50/p99/max latency per phase and status counts. Only loopback traffic; our own client (keep-alive
 * agent), no third-party load tool.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../src/cli/commands/serve.js';
import { samplesDir } from '../src/services/assets.js';

const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 8);
const MAX_REQUESTS = 50_000;

interface Result {
  status: number;
  ms: number;
  retryAfter?: string;
}

function request(agent: http.Agent, url: URL, method: string, body?: Buffer, type?: string): Promise<Result> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: body ? { 'Content-Type': type ?? 'text/plain', 'Content-Length': body.length } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - t0,
            retryAfter: res.headers['retry-after'] as string | undefined,
          }),
        );
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    req.end(body);
  });
}

/** `clients` loops issuing `next()` requests until the deadline or the request cap. */
async function load(
  clients: number,
  until: number,
  next: (i: number) => Promise<Result>,
  cap = MAX_REQUESTS,
): Promise<Result[]> {
  const out: Result[] = [];
  let issued = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until && issued < cap) {
        out.push(await next(issued++));
      }
    }),
  );
  return out;
}

function summary(name: string, rs: Result[]): string {
  const ms = rs.map((r) => r.ms).sort((a, b) => a - b);
  const q = (p: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(ms.length * p))]! : Number.NaN);
  const statuses = new Map<number, number>();
  for (const r of rs) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  const st = [...statuses]
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  return `| ${name} | ${rs.length} | ${q(0.5).toFixed(1)} | ${q(0.99).toFixed(1)} | ${(ms.at(-1) ?? Number.NaN).toFixed(1)} | ${st} |`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'newsintel-bench-api-'));
  const running = await startServer({
    location: join(dir, 'api.db'),
    port: 0,
    host: '127.0.0.1',
    sample: true,
  });
  const base = new URL(running.url);
  const stories = readdirSync(samplesDir())
    .filter((f) => f.endsWith('.txt'))
    .map((f) => Buffer.from(readFileSync(join(samplesDir(), f), 'utf8')));
  const ids = (
    (await (await fetch(new URL('/api/articles?limit=20', base))).json()) as { items: { id: string }[] }
  ).items.map((a) => a.id);
  const gets = [
    '/api/health',
    '/api/articles?limit=20',
    ...ids.map((id) => `/api/articles/${encodeURIComponent(id)}`),
    '/api/search?q=minister',
    '/api/search?q=typhoon%20port',
  ];
  const getAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const postAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const get = (i: number) => request(getAgent, new URL(gets[i % gets.length]!, base), 'GET');
  const post = (i: number) =>
    request(postAgent, new URL('/api/analyze', base), 'POST', stories[i % stories.length]!, 'text/plain');
  const health = () => request(getAgent, new URL('/api/health', base), 'GET');
  const ms = SECONDS * 1000;

  // Warm the pool's workers (a cold worker is slower; the cold cost is in `npm run bench`).
  await load(4, performance.now() + 3000, post, 40);

  const phase1 = await load(64, performance.now() + ms, get);
  let until = performance.now() + ms;
  const [phase2, posts2] = await Promise.all([load(64, until, get), load(8, until, post)]);
  until = performance.now() + ms;
  const [phase3, posts3] = await Promise.all([load(64, until, health), load(64, until, post)]);
  const retry = posts3.find((r) => r.status === 503)?.retryAfter;

  console.log(
    `bench-api: loopback, ${SECONDS} s per phase, pool of ${running.pool?.stats().jobs ?? 0} analysis threads (Node ${process.version}, ${(
      await import('node:os')
    ).availableParallelism()} cores, load average at start ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`,
  );
  console.log('');
  console.log('| phase | requests | p50 ms | p99 ms | max ms | statuses |');
  console.log('|---|---|---|---|---|---|');
  console.log(summary('GET routes, c=64, alone (baseline)', phase1));
  console.log(summary('GET routes, c=64, while 8 clients POST /api/analyze', phase2));
  console.log(summary('  … the concurrent POST /api/analyze (c=8)', posts2));
  console.log(summary('GET /api/health, c=64, while 64 clients POST /api/analyze', phase3));
  console.log(summary('  … the concurrent POST /api/analyze (c=64)', posts3));
  console.log('');
  console.log(`Retry-After on a 503 from a full queue: ${retry ?? '(no 503 seen)'}`);
  getAgent.destroy();
  postAgent.destroy();
  await running.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
