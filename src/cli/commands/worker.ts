import { type CliContext, type Command, dbLocation, parseArgs, UsageError } from '../context.js';
import { parsePositive } from '../jobs.js';
import { redactLocation } from './ingest.js';

/**
 * `newsintel worker [--concurrency N]`: processes queued ingest jobs (PostgreSQL) until SIGINT/SIGTERM. Run
 * it on as many machines as you like; each job is taken by one worker, retried with backoff when it fails,
 * and released to the others when its worker dies.
 */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'process queued ingest jobs (PostgreSQL); run on any number of machines',
  usage:
    'newsintel worker [--db postgres://…] [--concurrency N (default 1)] [--heartbeat-ms N] [--stale-after-ms N]',
  async run(ctx: CliContext): Promise<number> {
    const { flags, positionals } = parseArgs(ctx.argv, {
      boolean: ['help'],
      string: ['db', 'concurrency', 'heartbeat-ms', 'stale-after-ms'],
    });
    if (flags.help) {
      ctx.stdout.write(
        `${this.usage}\n\nJobs come from \`newsintel ingest --queue\`. A worker that stops reporting for --stale-after-ms (default 30000) is taken as dead and its jobs go back to the queue.\n`,
      );
      return 0;
    }
    if (positionals.length > 0)
      throw new UsageError(`worker takes no arguments, got ${positionals.join(' ')}`);
    const concurrency = parsePositive(flags.concurrency, 'concurrency') ?? 1;
    if (concurrency > 64) throw new UsageError('--concurrency must be from 1 to 64');
    const location = dbLocation(flags, ctx);
    const { runIngestWorkers } = await import('../../services/queue/ingest-queue.js');
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    ctx.stderr.write(`newsintel worker: ${redactLocation(location)}, ${concurrency} at a time\n`);
    try {
      const counts = await runIngestWorkers({
        location,
        concurrency,
        heartbeatMs: parsePositive(flags['heartbeat-ms'], 'heartbeat-ms'),
        staleAfterMs: parsePositive(flags['stale-after-ms'], 'stale-after-ms'),
        log: (line) => ctx.stderr.write(`${line}\n`),
        signal: stop.signal,
      });
      ctx.stderr.write(
        `newsintel worker: stopped after ${counts.processed} jobs (${counts.failed} failed attempts)\n`,
      );
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    return 0;
  },
};
