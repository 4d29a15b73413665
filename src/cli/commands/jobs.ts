import { type CliContext, type Command, dbLocation, parseArgs, UsageError } from '../context.js';
import { parsePositive } from '../jobs.js';

/** `newsintel jobs`: the ingest queue (PostgreSQL): counts, failed and running jobs first, live workers. */
export const jobsCommand: Command = {
  name: 'jobs',
  readOnly: true,
  summary: 'show queued, running and failed ingest jobs and live workers (PostgreSQL)',
  usage: 'newsintel jobs [--db postgres://…] [--limit N] [--json]',
  async run(ctx: CliContext): Promise<number> {
    const { flags, positionals } = parseArgs(ctx.argv, {
      boolean: ['help', 'json'],
      string: ['db', 'limit'],
    });
    if (flags.help) {
      ctx.stdout.write(`${this.usage}\n`);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError('jobs takes no arguments');
    const { listJobs } = await import('../../services/queue/ingest-queue.js');
    const report = await listJobs(dbLocation(flags, ctx), parsePositive(flags.limit, 'limit') ?? 50);
    if (flags.json) {
      ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    const c = report.counts;
    const lines = [
      `queued ${c.queued}, running ${c.running}, retrying ${c.retrying}, failed ${c.failed}; ${report.workers.length} live worker process${report.workers.length === 1 ? '' : 'es'}`,
    ];
    for (const j of report.jobs.filter((x) => x.state !== 'queued')) {
      const err = j.lastError ? ` — ${j.lastError.split('\n')[0]}` : '';
      lines.push(
        `  ${j.state.padEnd(8)} #${j.id} ${j.origin ?? j.key ?? ''} (attempt ${j.attempts}/${j.maxAttempts})${err}`,
      );
    }
    for (const w of report.workers)
      lines.push(`  worker ${w.processId} (pid ${w.pid}), last heartbeat ${w.heartbeatAt}`);
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return c.failed > 0 ? 1 : 0;
  },
};
