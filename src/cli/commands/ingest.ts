import { DEFAULT_MAX_BYTES } from '../../ingest/decode.js';
import type { IngestProgress, IngestResult } from '../../services/ingest.js';
import { withStore } from '../../services/store.js';
import { type CliContext, type Command, dbLocation, parseArgs, UsageError } from '../context.js';
import { parseJobs } from '../jobs.js';

/** Parses `--max-bytes` (plain bytes, or with a k/m suffix); usage error when not a positive size. */
export function parseMaxBytes(v: string | boolean | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = typeof v === 'string' ? /^(\d+)([km]?)b?$/i.exec(v.trim()) : null;
  const n = m
    ? Number(m[1]) * (m[2]?.toLowerCase() === 'm' ? 1024 * 1024 : m[2]?.toLowerCase() === 'k' ? 1024 : 1)
    : 0;
  if (!(n > 0))
    throw new UsageError(`--max-bytes must be a positive size like 5000000, 500k or 5m, got ${String(v)}`);
  return n;
}

/** Hides a password in a PostgreSQL URL before printing it. */
export function redactLocation(location: string): string {
  return location.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

function progressBar(p: IngestProgress, width = 24): string {
  const filled = Math.round((p.done / Math.max(1, p.total)) * width);
  const name = p.path.length > 40 ? `…${p.path.slice(-39)}` : p.path;
  return `\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done}/${p.total} ${name}`;
}

/** The end-of-run report: counts, then every failure with its reason. */
export function formatIngestSummary(r: IngestResult): string {
  const lines = [`stored ${r.stored.length}, already stored ${r.skipped.length}, failed ${r.failed.length}`];
  if (r.failed.length > 0) {
    lines.push('failures:');
    for (const f of r.failed) lines.push(`  ${f.path}: ${f.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `newsintel ingest <paths…>`: reads files and folders into the store. Exit 1 when any input failed (the rest
 * are still stored), 0 otherwise; a progress bar goes to stderr only when it is a terminal.
 */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'read files and folders (.txt .json .jsonl .html) into the database',
  usage: 'newsintel ingest <paths…> [--db FILE|postgres://…] [--max-bytes N] [--jobs N] [--queue] [--json]',
  async run(ctx: CliContext): Promise<number> {
    const { flags, positionals } = parseArgs(ctx.argv, {
      boolean: ['json', 'help'],
      string: ['db', 'max-bytes', 'jobs'],
    });
    if (flags.help) {
      ctx.stdout.write(
        `${this.usage}\n\nFolders are read recursively (hidden files skipped). Files over --max-bytes (default ${DEFAULT_MAX_BYTES}) are refused.\n--jobs N analyses on N worker threads (default: one per core; 0 analyses in this thread); the database has one writer.\n`,
      );
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('ingest needs at least one file or folder');
    const maxBytes = parseMaxBytes(flags['max-bytes']);
    const jobs = parseJobs(flags.jobs);
    const location = dbLocation(flags, ctx);
    const tty = ctx.stderr.isTTY === true && !flags.json;
    // The pipeline loads only when this command runs (so `--help`, `search` and `export` start fast).
    const { ingest } = await import('../../services/ingest.js');
    const { createAnalysisPool } = await import('../../services/pool/analysis-pool.js');
    const result = await withStore(location, async (db) => {
      const pool = jobs === 0 ? undefined : await createAnalysisPool({ jobs });
      try {
        return await ingest(positionals, {
          db,
          maxBytes,
          pool,
          onProgress: tty ? (p) => ctx.stderr.write(progressBar(p)) : undefined,
        });
      } finally {
        await pool?.close();
      }
    });
    if (tty) ctx.stderr.write('\r\x1b[K');
    if (flags.json) ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else ctx.stdout.write(formatIngestSummary(result) + `database: ${redactLocation(location)}\n`);
    return result.failed.length > 0 ? 1 : 0;
  },
};
