import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { samplesDir } from '../assets.js';

const PG_URL = process.env.NEWSINTEL_PG_URL;
const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'bin/newsintel.js');
const built = existsSync(path.join(root, 'dist/src/cli/main.js'));

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const c of cleanups.splice(0)) await c();
});

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The sample desk (our fictional stories) in numbered copies: distinct texts, so distinct articles. */
function storyFolder(copies: number): { dir: string; count: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'newsintel-queue-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  const files = readdirSync(samplesDir()).filter((f) => f.endsWith('.txt'));
  mkdirSync(path.join(dir, 'in'));
  for (let c = 0; c < copies; c++) {
    for (const f of files) {
      const text = readFileSync(path.join(samplesDir(), f), 'utf8');
      writeFileSync(
        path.join(dir, 'in', `${c}-${f}`),
        `${text.trimEnd()}\n\nDesk note: copy ${c} for the queue test.\n`,
      );
    }
  }
  return { dir: path.join(dir, 'in'), count: copies * files.length };
}

async function freshDatabase(url: string): Promise<string> {
  const name = `newsintel_queue_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function startWorker(db: string): ChildProcess & { log: string[] } {
  const child = spawn(
    process.execPath,
    [bin, 'worker', '--db', db, '--concurrency', '1', '--heartbeat-ms', '300', '--stale-after-ms', '2000'],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  ) as ChildProcess & { log: string[] };
  child.log = [];
  child.stderr!.setEncoding('utf8').on('data', (d: string) => child.log.push(d));
  children.push(child);
  return child;
}

async function until<T>(
  what: string,
  f: () => Promise<T | null | undefined | false>,
  ms = 90_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) {
      const logs = children
        .map((c) => (c as ChildProcess & { log?: string[] }).log?.join('') ?? '')
        .join('\n---\n');
      throw new Error(`timed out waiting for ${what}; worker logs:\n${logs.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('ingest --queue on SQLite', () => {
  it.skipIf(!built)('is refused with a clear usage error', () => {
    const r = cli(['ingest', '--queue', samplesDir(), '--db', path.join(tmpdir(), 'never-created.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs PostgreSQL/);
  });
});

describe.skipIf(!PG_URL || !built)('queue workers on PostgreSQL (NEWSINTEL_PG_URL)', () => {
  it('stores every story exactly once when a worker is killed mid-job', async () => {
    const db = await freshDatabase(PG_URL!);
    const { dir, count } = storyFolder(4);
    const q = cli(['ingest', '--queue', dir, '--db', db]);
    expect(q.stderr).toBe('');
    expect(q.stdout).toMatch(new RegExp(`^queued ${count}, already stored 0, failed 0`));
    // Enqueuing again adds nothing: one job per content hash.
    expect(cli(['ingest', '--queue', dir, '--db', db]).stdout).toMatch(new RegExp(`^queued ${count}`));

    const client = new pg.Client({ connectionString: db });
    await client.connect();
    cleanups.unshift(async () => void (await client.end()));
    const jobCount = async () =>
      Number(
        (
          await client.query(
            "SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'newsintel_ingest'",
          )
        ).rows[0].n,
      );
    expect(await jobCount()).toBe(count);

    const a = startWorker(db);
    const b = startWorker(db);
    // Kill worker A while it holds a job (its lock ids are in the worker registry, under its pid).
    const held = await until('worker A to lock a job', async () => {
      const r = await client.query(
        `SELECT j.id::text FROM graphile_worker.jobs j JOIN newsintel_queue_workers w
           ON j.locked_by = ANY (w.worker_ids) WHERE w.pid = $1`,
        [a.pid],
      );
      return r.rows[0]?.id as string | undefined;
    });
    a.kill('SIGKILL');
    await until('worker A to exit', async () => a.exitCode !== null || a.signalCode !== null);

    await until('the queue to drain', async () => (await jobCount()) === 0);
    const stored = await client.query('SELECT id, origin FROM articles');
    expect(stored.rows).toHaveLength(count);
    expect(new Set(stored.rows.map((r) => r.id)).size).toBe(count);
    const annotations = await client.query(
      'SELECT article_id, layer, ann_id, count(*) AS n FROM annotations GROUP BY 1, 2, 3 HAVING count(*) > 1',
    );
    expect(annotations.rows).toEqual([]);
    // The survivor released the dead worker's job (not graphile-worker's 4-hour lock expiry).
    expect(b.log.join('')).toMatch(/released the jobs of/);
    expect(held).toMatch(/^\d+$/);

    const jobs = cli(['jobs', '--db', db]);
    expect(jobs.stdout).toMatch(/^queued 0, running 0, retrying 0, failed 0; 1 live worker process/);
    b.kill('SIGTERM');
    await until('worker B to stop', async () => b.exitCode !== null);
    expect(b.exitCode).toBe(0);
  }, 300_000);
});
