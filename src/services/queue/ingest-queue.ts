import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import {
  Logger,
  makeWorkerUtils,
  type Runner,
  run,
  type Task,
  type WorkerEvents,
  type WorkerUtils,
} from 'graphile-worker';
import { sql } from 'kysely';
import pg from 'pg';
import type { DocumentSource } from '../../core/document.js';
import { isNewsintelError, NewsintelError } from '../../core/errors.js';
import { DEFAULT_MAX_BYTES, decodeInput } from '../../ingest/decode.js';
import { readInput } from '../../ingest/read-input.js';
import { isPostgresUrl, openStore } from '../../storage/index.js';
import { type AnalyzeOptions, articleId } from '../analyze.js';
import { collectFiles, type IngestFailure, saveAndLink } from '../ingest.js';
import { type AnalysisPool, createAnalysisPool } from '../pool/analysis-pool.js';

/** The graphile-worker task that analyses and stores one article. */
export const INGEST_TASK = 'newsintel_ingest';
/** Attempts before a job is listed as failed (graphile-worker backs off exponentially between them). */
export const MAX_ATTEMPTS = 5;

/** One queued article: the read source travels in the job, so workers need no access to the files. */
export interface IngestJobPayload {
  source: DocumentSource;
  origin: string;
  options?: AnalyzeOptions;
}

function requirePostgres(location: string, what: string): void {
  if (!isPostgresUrl(location)) {
    throw new NewsintelError(
      'E_USAGE',
      `${what} needs PostgreSQL (--db postgres://… or NEWSINTEL_DB); a SQLite database has no job queue: run \`newsintel ingest\` without --queue`,
    );
  }
}

function reasonOf(e: unknown): { reason: string; code?: string } {
  if (isNewsintelError(e)) return { reason: e.message, code: e.code };
  return { reason: e instanceof Error ? e.message : String(e) };
}

export interface EnqueueResult {
  queued: { id: string; path: string }[];
  /** Already stored (same content hash): no job. */
  skipped: { id: string; path: string }[];
  failed: IngestFailure[];
}

/**
 * `ingest --queue`: reads files here (so bad inputs are reported at once, with the same reasons as `ingest`)
 * and enqueues one job per article. The job key is the article id (a content hash): enqueuing the same
 * story twice keeps one job, and a story already stored gets none.
 */
export async function enqueueIngest(
  paths: readonly string[],
  options: { location: string; maxBytes?: number; analyze?: AnalyzeOptions },
): Promise<EnqueueResult> {
  requirePostgres(options.location, 'ingest --queue');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const result: EnqueueResult = { queued: [], skipped: [], failed: [] };
  const { files, failed } = await collectFiles(paths);
  result.failed.push(...failed);
  const store = await openStore(options.location);
  const utils = await makeWorkerUtils({ connectionString: options.location, logger: quietLogger() });
  try {
    await utils.migrate();
    await sql.raw(WORKERS_TABLE).execute(store.db);
    for (const file of files) {
      let sources: DocumentSource[];
      try {
        const s = await stat(file);
        if (s.size > maxBytes) {
          throw new NewsintelError(
            'E_INPUT_TOO_LARGE',
            `file is ${s.size} bytes, over the ${maxBytes}-byte limit (raise it with --max-bytes)`,
          );
        }
        const read = readInput(decodeInput(await readFile(file), { maxBytes }), { filename: file, maxBytes });
        for (const err of read.errors) {
          result.failed.push({
            path: err.record ? `${file}#${err.record}` : file,
            reason: err.message,
            code: 'E_INPUT_FORMAT',
          });
        }
        if (read.sources.length === 0 && read.errors.length === 0) {
          throw new NewsintelError('E_INPUT_FORMAT', 'no article found');
        }
        sources = read.sources;
        const many = read.sources.length + read.errors.length > 1;
        for (const [i, source] of sources.entries()) {
          const where = many ? `${file}#${i + 1}` : file;
          const id = articleId(source.raw);
          const known = await store.db
            .selectFrom('articles')
            .select('id')
            .where('id', '=', id)
            .executeTakeFirst();
          if (known) {
            result.skipped.push({ id, path: where });
            continue;
          }
          const payload: IngestJobPayload = { source, origin: where, options: options.analyze };
          await utils.addJob(INGEST_TASK, payload, {
            jobKey: id,
            jobKeyMode: 'preserve_run_at',
            maxAttempts: MAX_ATTEMPTS,
          });
          result.queued.push({ id, path: where });
        }
      } catch (e) {
        result.failed.push({ path: file, ...reasonOf(e) });
      }
    }
  } finally {
    await utils.release();
    await store.close();
  }
  return result;
}

function quietLogger(log?: (line: string) => void): Logger {
  return new Logger(() => (level, message) => {
    if (log && (level === 'error' || level === 'warning' || level === 'info')) log(`${level}: ${message}`);
  });
}

export interface WorkerOptions {
  location: string;
  /** Jobs processed at once in this process (each analysis on its own thread). Default 1. */
  concurrency?: number;
  /** How often this process reports that it is alive (ms). Default 2,000. */
  heartbeatMs?: number;
  /**
   * A worker process silent for this long (ms) is taken as dead (killed, machine lost): its locked jobs are
   * released for the others. Default 30,000.
   */
  staleAfterMs?: number;
  log?: (line: string) => void;
  /** Stops the workers (finishing or releasing their jobs). */
  signal?: AbortSignal;
}

/** Registry of live worker processes, so the survivors can release the jobs of a dead one. */
const WORKERS_TABLE = `CREATE TABLE IF NOT EXISTS newsintel_queue_workers (
  process_id TEXT PRIMARY KEY,
  worker_ids TEXT[] NOT NULL,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

/**
 * `newsintel worker`: runs queued ingest jobs until `signal` aborts. graphile-worker gives locking, retries
 * with exponential backoff and LISTEN/NOTIFY; a job left locked by a process that died (kill -9, lost
 * machine) would wait graphile-worker's 4-hour lock expiry, so each process also writes a heartbeat and
 * releases (`forceUnlockWorkers`) the jobs of processes silent for `staleAfterMs`. A re-run job stores nothing
 * twice: saves are idempotent by content hash.
 */
export async function runIngestWorkers(
  options: WorkerOptions,
): Promise<{ processed: number; failed: number }> {
  requirePostgres(options.location, 'worker');
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new NewsintelError('E_OPTIONS', `worker: concurrency must be 1–64, got ${concurrency}`);
  }
  const heartbeatMs = options.heartbeatMs ?? 2000;
  const staleAfterMs = options.staleAfterMs ?? 30_000;
  const processId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  // graphile-worker locks jobs with its pool's id; the pool tells us it on creation.
  const lockIds: string[] = [];
  const events: WorkerEvents = new EventEmitter() as WorkerEvents;
  events.on('pool:create', ({ workerPool }) => {
    lockIds.push(workerPool.id);
  });
  const counts = { processed: 0, failed: 0 };
  const pgPool = new pg.Pool({ connectionString: options.location, max: concurrency + 3 });
  // Connection errors surface on the next query (and graphile-worker retries); they must not crash the process.
  pgPool.on('error', () => {});
  pgPool.on('connect', (client) => client.on('error', () => {}));
  const store = await openStore(options.location);
  let pool: AnalysisPool | undefined;
  const runners: Runner[] = [];
  let timer: NodeJS.Timeout | undefined;
  let utils: WorkerUtils | undefined;
  try {
    utils = await makeWorkerUtils({ pgPool, logger: quietLogger() });
    const workerUtils = utils;
    await utils.migrate();
    await pgPool.query(WORKERS_TABLE);
    await pgPool.query(
      'INSERT INTO newsintel_queue_workers (process_id, worker_ids, host, pid) VALUES ($1, $2, $3, $4)',
      [processId, lockIds, hostname(), process.pid],
    );
    const register = () =>
      pgPool.query('UPDATE newsintel_queue_workers SET worker_ids = $2 WHERE process_id = $1', [
        processId,
        lockIds,
      ]);
    const beat = async () => {
      try {
        await pgPool.query('UPDATE newsintel_queue_workers SET heartbeat_at = now() WHERE process_id = $1', [
          processId,
        ]);
        // A process silent for staleAfterMs is dead (DELETE … RETURNING: one survivor reports each).
        const dead = await pgPool.query<{ process_id: string }>(
          `DELETE FROM newsintel_queue_workers WHERE heartbeat_at < now() - make_interval(secs => $1)
           RETURNING process_id`,
          [staleAfterMs / 1000],
        );
        // Jobs locked longer than staleAfterMs by a lock id no live process owns (a dead process, or one that
        // died before it registered) go back to the queue.
        const orphans = await pgPool.query<{ locked_by: string }>(
          `SELECT DISTINCT locked_by FROM graphile_worker.jobs
           WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1)
             AND locked_by <> ALL (SELECT unnest(worker_ids) FROM newsintel_queue_workers)`,
          [staleAfterMs / 1000],
        );
        if (orphans.rows.length > 0) {
          await workerUtils.forceUnlockWorkers(orphans.rows.map((r) => r.locked_by));
          const from = dead.rows.map((r) => r.process_id).join(', ') || 'a stopped process';
          options.log?.(
            `worker: released the jobs of ${from} (locks ${orphans.rows.map((r) => r.locked_by).join(', ')}; no heartbeat for ${staleAfterMs} ms)`,
          );
        }
      } catch (e) {
        options.log?.(`worker: heartbeat failed: ${(e as Error).message}`);
      }
    };
    await beat();
    timer = setInterval(() => void beat(), heartbeatMs);
    pool = await createAnalysisPool({ jobs: concurrency });
    const analysisPool = pool;
    const task: Task = async (payload) => {
      const job = payload as IngestJobPayload;
      try {
        const { analysis, packed } = await analysisPool.run({
          kind: 'source',
          source: job.source,
          options: job.options,
          pack: true,
        });
        // Saved and linked into the corpus in one transaction, as `ingest` does (linking locks per blocking
        // key, so workers link in parallel unless their articles may be related).
        const saved = await saveAndLink(store, {
          analysis,
          raw: job.source.raw,
          origin: job.origin,
          packed,
        });
        counts.processed++;
        options.log?.(`${saved.status}: ${saved.id} ${job.origin}`);
      } catch (e) {
        counts.failed++;
        // The message is what `newsintel jobs` shows (graphile-worker keeps it as last_error): say which file.
        throw new Error(`${job.origin}: ${(e as Error).message}`, { cause: e });
      }
    };
    runners.push(
      await run(
        {
          pgPool,
          concurrency,
          events,
          noHandleSignals: true,
          pollInterval: 1000,
          logger: quietLogger(options.log),
          taskList: { [INGEST_TASK]: task },
        },
        undefined,
        [], // no cron items (and no crontab file lookup)
      ),
    );
    await register();
    options.log?.(`worker ${processId}: ${concurrency} at a time, heartbeat every ${heartbeatMs} ms`);
    await new Promise<void>((resolve) => {
      if (options.signal?.aborted) resolve();
      options.signal?.addEventListener('abort', () => resolve(), { once: true });
      // A runner that stops on its own (database gone) ends the command too.
      for (const r of runners) r.promise.then(resolve, resolve);
    });
  } finally {
    if (timer) clearInterval(timer);
    await Promise.allSettled(runners.map((r) => r.stop()));
    await pgPool
      .query('DELETE FROM newsintel_queue_workers WHERE process_id = $1', [processId])
      .catch(() => {});
    await utils?.release();
    await pool?.close();
    await store.close();
    await pgPool.end();
  }
  return counts;
}

/** One row of `newsintel jobs`. */
export interface JobRow {
  id: string;
  key: string | null;
  origin: string | null;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lockedBy: string | null;
  lastError: string | null;
  state: 'queued' | 'running' | 'retrying' | 'failed';
}

export interface JobsReport {
  counts: Record<JobRow['state'], number>;
  jobs: JobRow[];
  workers: { processId: string; host: string; pid: number; heartbeatAt: string }[];
}

/** `newsintel jobs`: queued, running, retrying and failed ingest jobs, and the live worker processes. */
export async function listJobs(location: string, limit = 50): Promise<JobsReport> {
  requirePostgres(location, 'jobs');
  const utils = await makeWorkerUtils({ connectionString: location, logger: quietLogger() });
  const client = new pg.Client({ connectionString: location });
  try {
    await utils.migrate();
    await client.connect();
    await client.query(WORKERS_TABLE);
    const rows = await client.query<{
      id: string;
      key: string | null;
      origin: string | null;
      attempts: number;
      max_attempts: number;
      run_at: Date;
      locked_by: string | null;
      last_error: string | null;
    }>(
      `SELECT id::text, key, NULL AS origin, attempts, max_attempts, run_at, locked_by, last_error
       FROM graphile_worker.jobs WHERE task_identifier = $1 ORDER BY attempts DESC, run_at, id`,
      [INGEST_TASK],
    );
    const jobs: JobRow[] = rows.rows.map((r) => ({
      id: r.id,
      key: r.key,
      origin: r.origin,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
      runAt: r.run_at.toISOString(),
      lockedBy: r.locked_by,
      lastError: r.last_error,
      state: r.locked_by
        ? 'running'
        : r.attempts >= r.max_attempts
          ? 'failed'
          : r.attempts > 0
            ? 'retrying'
            : 'queued',
    }));
    const counts = { queued: 0, running: 0, retrying: 0, failed: 0 };
    for (const j of jobs) counts[j.state]++;
    const w = await client.query<{ process_id: string; host: string; pid: number; heartbeat_at: Date }>(
      'SELECT process_id, host, pid, heartbeat_at FROM newsintel_queue_workers ORDER BY started_at',
    );
    return {
      counts,
      jobs: jobs
        .filter((j) => j.state !== 'queued')
        .concat(jobs.filter((j) => j.state === 'queued'))
        .slice(0, limit),
      workers: w.rows.map((r) => ({
        processId: r.process_id,
        host: r.host,
        pid: r.pid,
        heartbeatAt: r.heartbeat_at.toISOString(),
      })),
    };
  } finally {
    await client.end().catch(() => {});
    await utils.release();
  }
}
