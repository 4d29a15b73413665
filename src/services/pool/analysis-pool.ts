import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { NewsintelError } from '../../core/errors.js';
import { packageRoot } from '../assets.js';
import type { PoolReply, PoolRequest, PoolResult, PoolTask } from './protocol.js';

/** Options of an analysis pool; validated once by `createAnalysisPool` and frozen. */
export interface AnalysisPoolOptions {
  /**
   * Worker threads. Default: the number of cores. 0 runs tasks in the calling thread (no isolation, no
   * budget): for a library caller that wants no threads.
   */
  jobs?: number;
  /**
   * Milliseconds one task may run once a worker has it. On expiry the task fails with `E_TIMEOUT` and its
   * worker is terminated and replaced, so a pathological input cannot hold a core. Default: no limit.
   */
  budgetMs?: number;
  /** Tasks allowed to wait for a free worker; one more fails at once with `E_BUSY`. Default: unbounded. */
  maxQueue?: number;
}

/** Per-call options of `AnalysisPool.run`. */
export interface RunOptions {
  signal?: AbortSignal;
  budgetMs?: number;
}

/** A task waiting for, or running on, a worker. */
interface Pending {
  id: number;
  task: PoolTask;
  resolve: (r: PoolResult) => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
  budgetMs?: number;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
  startedAt: number;
}

/** What `stats()` reports (for health routes and progress lines). */
export interface PoolStats {
  jobs: number;
  busy: number;
  queued: number;
  /** Workers replaced after a budget expiry, an abort or a crash, since the pool started. */
  recycled: number;
}

/**
 * Analysis off the calling thread: a fixed set of `worker_threads`, each with the pipeline loaded once, fed
 * from one FIFO queue. Ingest uses it to keep every core busy (the caller stays the single SQLite writer); the
 * API uses it so an analysis never blocks the event loop, with a per-task time budget and a bounded queue.
 */
export interface AnalysisPool {
  readonly options: Readonly<Required<Pick<AnalysisPoolOptions, 'jobs'>> & AnalysisPoolOptions>;
  /**
   * Runs one task; rejects with the task's coded error, `E_BUSY` (queue full) or `E_TIMEOUT` (budget).
   * `signal` cancels it (dropped from the queue, or its worker recycled); `budgetMs` overrides the pool's.
   */
  run(task: PoolTask, options?: RunOptions): Promise<PoolResult>;
  stats(): PoolStats;
  /** Resolves once every worker has loaded the pipeline (benchmarks and tests that need a warm pool). */
  whenReady(): Promise<void>;
  /** A guess of how long a new task would wait, in whole seconds (for `Retry-After`). */
  retryAfterSeconds(): number;
  /** Terminates the workers; queued tasks fail with `E_BUSY`. */
  close(): Promise<void>;
}

function positiveInt(v: number | undefined, name: string, min: number): number | undefined {
  if (v === undefined) return undefined;
  if (!Number.isInteger(v) || v < min) {
    throw new NewsintelError('E_OPTIONS', `pool: ${name} must be an integer ≥ ${min}, got ${v}`);
  }
  return v;
}

/** The default worker count: every core the process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

let bundled: string | undefined;

/**
 * The worker entry. From the built package it is the compiled `worker.js` next to this module. From the
 * TypeScript sources (vitest, vite-node), worker threads cannot load `.ts`, so the worker is bundled once with
 * esbuild (a dev dependency, through vite) into `node_modules/.cache/newsintel/`, under the package root so the
 * worker finds `models/` the same way; the file name is a hash of its content, so parallel test processes
 * share it safely.
 */
export async function workerEntry(): Promise<URL> {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return new URL('./worker.js', import.meta.url);
  if (bundled) return pathToFileURL(bundled);
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [path.join(path.dirname(here), 'worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = path.join(packageRoot(), 'node_modules', '.cache', 'newsintel');
  const file = path.join(dir, `pool-worker-${hash}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
  }
  bundled = file;
  return pathToFileURL(file);
}

/** Starts a pool (its workers load the pipeline in the background; tasks queue until one is ready). */
export async function createAnalysisPool(options: AnalysisPoolOptions = {}): Promise<AnalysisPool> {
  const jobs = positiveInt(options.jobs, 'jobs', 0) ?? defaultJobs();
  const frozen = Object.freeze({
    jobs,
    budgetMs: positiveInt(options.budgetMs, 'budgetMs', 1),
    maxQueue: positiveInt(options.maxQueue, 'maxQueue', 0),
  });
  if (jobs === 0) return new InlinePool(frozen);
  return new ThreadPool(frozen, await workerEntry());
}

/** `jobs: 0`: the same interface, run in the calling thread. */
class InlinePool implements AnalysisPool {
  constructor(readonly options: AnalysisPool['options']) {}
  async run(task: PoolTask, options: RunOptions = {}): Promise<PoolResult> {
    options.signal?.throwIfAborted();
    // Loaded on first use: importing the pool must not load the pipeline (CLI start-up time).
    const { runTask } = await import('./run-task.js');
    return runTask(task);
  }
  stats(): PoolStats {
    return { jobs: 0, busy: 0, queued: 0, recycled: 0 };
  }
  async whenReady(): Promise<void> {}
  retryAfterSeconds(): number {
    return 1;
  }
  async close(): Promise<void> {}
}

class ThreadPool implements AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private recycled = 0;
  private closed = false;
  /** Recent task durations (ms), for the Retry-After estimate. */
  private avgMs = 200;

  constructor(
    readonly options: AnalysisPool['options'],
    private readonly entry: URL,
  ) {
    for (let i = 0; i < options.jobs; i++) this.slots.push(this.spawn());
  }

  private readyWaiters: Array<() => void> = [];

  whenReady(): Promise<void> {
    if (this.closed || this.slots.every((s) => s.ready)) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry);
    const slot: Slot = { worker, ready: false, current: null, timer: null, startedAt: 0 };
    worker.on('message', (msg: PoolReply | { ready: true }) => {
      if ('ready' in msg) {
        slot.ready = true;
        // An idle pool never keeps the process alive; a starting or busy worker does (see pump/finish).
        worker.unref();
        if (this.slots.every((s) => s.ready)) for (const w of this.readyWaiters.splice(0)) w();
        this.pump();
        return;
      }
      const p = slot.current;
      if (!p || p.id !== msg.id) return;
      this.finish(slot);
      this.avgMs = 0.8 * this.avgMs + 0.2 * (Date.now() - slot.startedAt);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new NewsintelError(msg.error.code ?? 'E_STAGE_CONTRACT', msg.error.message));
      this.pump();
    });
    const dead = (why: string) => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return; // already replaced (budget, abort)
      const p = slot.current;
      this.finish(slot);
      p?.reject(new NewsintelError('E_WORKER', `pool: the analysis worker ${why}`));
      if (this.closed) return;
      this.recycled++;
      this.slots[i] = this.spawn();
    };
    worker.on('error', (e) => dead(`failed: ${e.message}`));
    worker.on('exit', (code) => dead(`exited with code ${code}`));
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const p = slot.current;
    if (p?.onAbort) p.signal?.removeEventListener('abort', p.onAbort);
    if (p) slot.worker.unref();
    slot.current = null;
  }

  /** Terminates a slot's worker (its task already settled) and starts a fresh one in its place. */
  private recycle(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.finish(slot);
    this.recycled++;
    this.slots[i] = this.spawn();
    void slot.worker.terminate();
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.current) continue;
      const p = this.queue.shift()!;
      slot.current = p;
      slot.startedAt = Date.now();
      const budget = p.budgetMs ?? this.options.budgetMs;
      if (budget !== undefined) {
        slot.timer = setTimeout(() => {
          const cur = slot.current;
          if (cur !== p) return;
          cur.reject(
            new NewsintelError(
              'E_TIMEOUT',
              `pool: the analysis took longer than its ${budget} ms budget and was stopped`,
            ),
          );
          this.recycle(slot);
        }, budget);
      }
      const req: PoolRequest = { id: p.id, task: p.task };
      slot.worker.ref();
      slot.worker.postMessage(req);
    }
  }

  run(task: PoolTask, options: RunOptions = {}): Promise<PoolResult> {
    const { signal } = options;
    const budgetMs = positiveInt(options.budgetMs, 'budgetMs', 1);
    if (this.closed) return Promise.reject(new NewsintelError('E_BUSY', 'pool: closed'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    const max = this.options.maxQueue;
    const idle = this.slots.some((s) => s.ready && !s.current);
    if (max !== undefined && !idle && this.queue.length >= max) {
      return Promise.reject(
        new NewsintelError(
          'E_BUSY',
          `pool: ${this.queue.length} analyses are already waiting; try again later`,
        ),
      );
    }
    return new Promise<PoolResult>((resolve, reject) => {
      const p: Pending = { id: this.nextId++, task, resolve, reject, signal, budgetMs };
      if (signal) {
        // A caller that went away (client disconnect): drop the task if it waits, stop its worker if it runs.
        p.onAbort = () => {
          const q = this.queue.indexOf(p);
          if (q >= 0) this.queue.splice(q, 1);
          const slot = this.slots.find((s) => s.current === p);
          reject(signal.reason);
          if (slot) this.recycle(slot);
        };
        signal.addEventListener('abort', p.onAbort, { once: true });
      }
      this.queue.push(p);
      this.pump();
    });
  }

  stats(): PoolStats {
    return {
      jobs: this.slots.length,
      busy: this.slots.filter((s) => s.current).length,
      queued: this.queue.length,
      recycled: this.recycled,
    };
  }

  retryAfterSeconds(): number {
    const waves = Math.ceil((this.queue.length + 1) / Math.max(1, this.slots.length));
    return Math.max(1, Math.min(120, Math.ceil((waves * this.avgMs) / 1000)));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new NewsintelError('E_BUSY', 'pool: closed'));
    const slots = this.slots.splice(0);
    for (const s of slots) {
      s.current?.reject(new NewsintelError('E_BUSY', 'pool: closed'));
      this.finish(s);
    }
    for (const w of this.readyWaiters.splice(0)) w();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
