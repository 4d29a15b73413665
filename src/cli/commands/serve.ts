import type { Server } from 'node:http';
import { allowedHostsFor } from '../../api/guard.js';
import { NewsintelError } from '../../core/errors.js';
import { webRoot } from '../../services/assets.js';
import { type AnalysisPool, createAnalysisPool, defaultJobs } from '../../services/pool/analysis-pool.js';
import { type ArticleStore, openStore } from '../../services/store.js';
import { type CliContext, type Command, dbLocation, parseArgs, UsageError } from '../context.js';
import { parseJobs, parsePositive } from '../jobs.js';
import { parseMaxBytes, redactLocation } from './ingest.js';

/** How long one `/api/analyze` may run: far above a real story (well under a second), far below a stall. */
export const DEFAULT_BUDGET_MS = 30_000;

export interface ServeOptions {
  location: string;
  port: number;
  host: string;
  /** Load the sample desk when the store is empty. */
  sample?: boolean;
  maxBytes?: number;
  log?: (message: string) => void;
  /** Analysis worker threads (default: one per core); 0 analyses on the event loop (tests only). */
  jobs?: number;
  /** Per-request analysis budget in ms (default 30 s); on expiry 503 and the worker is recycled. */
  budgetMs?: number;
  /** Analyses allowed to wait for a worker (default 4 per worker); beyond it 503 with Retry-After. */
  maxQueue?: number;
  /** Opens the SSRF guard of `POST /api/ingest` for private addresses (`--allow-private`). */
  allowPrivate?: boolean;
  /** Extra host names the server answers to (`--allowed-hosts a,b`); loopback names always are. */
  allowedHosts?: readonly string[];
}

export interface RunningServer {
  url: string;
  server: Server;
  store: ArticleStore;
  /** The analysis pool behind `/api/analyze` (absent with `jobs: 0`). */
  pool?: AnalysisPool;
  /** Stops accepting connections and closes the store. */
  close(): Promise<void>;
}

/** Opens the store, optionally loads the sample desk, and starts the API + web UI. Used by `serve` and tests. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = await openStore(options.location);
  let pool: AnalysisPool | undefined;
  try {
    const jobs = options.jobs ?? defaultJobs();
    pool =
      jobs === 0
        ? undefined
        : await createAnalysisPool({
            jobs,
            budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS,
            maxQueue: options.maxQueue ?? jobs * 4,
          });
    if (options.sample) {
      const { loadSampleDesk } = await import('../../services/samples.js');
      const loaded = await loadSampleDesk(store, undefined, pool);
      if (loaded) {
        options.log?.(`loaded the sample desk: ${loaded.stored.length} articles`);
        for (const f of loaded.failed) options.log?.(`sample ${f.path}: ${f.reason}`);
      }
    }
    // The API (routes, storage queries) loads when the server starts, not when the CLI starts.
    const { createApiServer, listen } = await import('../../api/server.js');
    const server = createApiServer({
      store,
      webRoot: webRoot(),
      maxBytes: options.maxBytes,
      log: options.log,
      pool,
      fetch: { allowPrivate: options.allowPrivate === true },
      allowedHosts: allowedHostsFor(options.host, options.allowedHosts),
    });
    const url = await listen(server, options.port, options.host).catch((e: NodeJS.ErrnoException) => {
      // A busy or forbidden port is an everyday mistake: one line, not a stack trace.
      if (e?.code === 'EADDRINUSE' || e?.code === 'EACCES' || e?.code === 'EADDRNOTAVAIL') {
        const why =
          e.code === 'EADDRINUSE'
            ? 'is already in use'
            : e.code === 'EACCES'
              ? 'is not allowed'
              : 'is not available';
        throw new NewsintelError(
          'E_OPTIONS',
          `serve: ${options.host} port ${options.port} ${why} (choose another with --port or --host)`,
        );
      }
      throw e;
    });
    return {
      url,
      server,
      store,
      pool,
      async close() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await pool?.close();
        await store.close();
      },
    };
  } catch (e) {
    await pool?.close();
    await store.close();
    throw e;
  }
}

function portOf(flags: Record<string, string | boolean>, ctx: CliContext): number {
  const v = typeof flags.port === 'string' ? flags.port : (ctx.env.PORT ?? '3000');
  if (!/^\d+$/.test(v) || Number(v) > 65535) throw new UsageError(`--port must be 0–65535, got ${v}`);
  return Number(v);
}

/**
 * `newsintel serve`: the HTTP API and web UI until SIGINT/SIGTERM. Binds to 127.0.0.1 unless `--host` says
 * otherwise, so a first run never exposes the database to the network.
 */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the HTTP API and the web UI',
  usage:
    'newsintel serve [--db FILE|postgres://…] [--port N (default 3000, env PORT)] [--host H] [--allowed-hosts A,B] [--sample] [--max-bytes N] [--jobs N] [--budget-ms N] [--allow-private]',
  async run(ctx: CliContext): Promise<number> {
    const { flags, positionals } = parseArgs(ctx.argv, {
      boolean: ['sample', 'help', 'allow-private'],
      string: ['db', 'port', 'host', 'max-bytes', 'jobs', 'budget-ms', 'allowed-hosts'],
    });
    if (flags.help) {
      ctx.stdout.write(
        `${this.usage}\n\n--sample loads the bundled fictional sample stories when the database is empty.\n--jobs N analyses on N worker threads (default: one per core); --budget-ms N stops one analysis after N ms (default ${DEFAULT_BUDGET_MS}) with a 503.\n--host binds to an interface (default 127.0.0.1); the server answers only to loopback names and the --host name, or to any Host for --host 0.0.0.0 unless --allowed-hosts lists the names to accept.\n--allow-private lets POST /api/ingest fetch private and loopback addresses (the SSRF guard is on by default).\n`,
      );
      return 0;
    }
    if (positionals.length > 0)
      throw new UsageError(`serve takes no arguments, got ${positionals.join(' ')}`);
    const location = dbLocation(flags, ctx);
    const log = (m: string) => ctx.stderr.write(`${m}\n`);
    const running = await startServer({
      location,
      port: portOf(flags, ctx),
      host: typeof flags.host === 'string' ? flags.host : '127.0.0.1',
      sample: flags.sample === true,
      maxBytes: parseMaxBytes(flags['max-bytes']),
      jobs: parseJobs(flags.jobs),
      budgetMs: parsePositive(flags['budget-ms'], 'budget-ms'),
      allowPrivate: flags['allow-private'] === true,
      log,
      allowedHosts:
        typeof flags['allowed-hosts'] === 'string'
          ? flags['allowed-hosts']
              .split(',')
              .map((h) => h.trim())
              .filter(Boolean)
          : undefined,
    });
    const n = await running.store.countArticles();
    ctx.stdout.write(
      `newsintel: serving ${n} articles from ${redactLocation(location)} at ${running.url}/\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await running.close();
    return 0;
  },
};
