import { DEFAULT_MAX_BYTES } from '../../ingest/decode.js';
import type { IngestResult } from '../../services/ingest.js';
import { withStore } from '../../services/store.js';
import { type CliContext, type Command, dbLocation, parseArgs, UsageError } from '../context.js';
import { parseJobs } from '../jobs.js';
import { createProgress } from '../progress.js';

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

/** Parses `--timeout SECONDS` for network fetches; usage error when not a positive number. */
export function parseTimeout(v: string | boolean | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\d+(?:\.\d+)?$/.test(v.trim()) ? Number(v) : 0;
  if (!(n > 0) || n > 3600)
    throw new UsageError(`--timeout must be a number of seconds from 0.1 to 3600, got ${String(v)}`);
  return Math.round(n * 1000);
}

/** The end-of-run report: counts, then every failure with its reason. */
export function formatIngestSummary(r: IngestResult): string {
  const unsupported = r.failed.filter((f) => f.code === 'E_INPUT_UNSUPPORTED').length;
  const lines = [
    `stored ${r.stored.length}, already stored ${r.skipped.length}, failed ${r.failed.length}` +
      (unsupported > 0 ? ` (${unsupported} in a format newsintel does not read)` : ''),
  ];
  if (r.failed.length > 0) {
    lines.push('failures:');
    for (const f of r.failed) lines.push(`  ${f.path}: ${f.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `newsintel ingest <paths or URLs…>`: reads files, folders, URLs and feeds into the store. Exit 1 when any
 * input failed or was in a format we do not read (the rest are still stored), 0 otherwise; progress goes to
 * stderr (a bar on a terminal, plain lines every few seconds otherwise).
 */
export const ingestCommand: Command = {
  name: 'ingest',
  summary:
    'read files, folders, URLs and feeds (.txt .json .jsonl .html, RSS/Atom/JSON Feed) into the database',
  usage:
    'newsintel ingest <paths or URLs…> [--db FILE|postgres://…] [--max-bytes N] [--jobs N] [--allow-private] [--fetch-links] [--timeout S] [--queue] [--json]',
  async run(ctx: CliContext): Promise<number> {
    const { flags, positionals } = parseArgs(ctx.argv, {
      boolean: ['json', 'help', 'allow-private', 'fetch-links', 'queue'],
      string: ['db', 'max-bytes', 'jobs', 'timeout'],
    });
    if (flags.help) {
      ctx.stdout.write(
        `${this.usage}\n\nFolders are read recursively (hidden files skipped). Files over --max-bytes (default ${DEFAULT_MAX_BYTES}) are refused.\n--jobs N analyses on N worker threads (default: one per core; 0 analyses in this thread); the database has one writer.\n\nA URL (http/https) is fetched: an article page or text is stored, a feed (RSS, Atom, JSON Feed) has each item's link fetched and stored. A feed file stores the text its items carry; --fetch-links fetches their links instead. Fetches follow at most 5 redirects, stop after --timeout seconds (default 20) and --max-bytes. The SSRF guard refuses private, loopback, link-local, CGNAT, multicast and metadata addresses, checked after DNS and on every redirect; --allow-private opens it (a newsroom CMS on the intranet).\nFormats newsintel does not read (TimeML .tml, binary, empty, unknown extensions) are listed with their reason and the exit status is 1.\n--queue (PostgreSQL) only reads the files and queues one job per article for \`newsintel worker\`.\n`,
      );
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('ingest needs at least one file, folder or URL');
    const timeoutMs = parseTimeout(flags.timeout);
    const maxBytes = parseMaxBytes(flags['max-bytes']);
    const jobs = parseJobs(flags.jobs);
    const location = dbLocation(flags, ctx);
    if (flags.queue) {
      const { enqueueIngest } = await import('../../services/queue/ingest-queue.js');
      const q = await enqueueIngest(positionals, { location, maxBytes });
      if (flags.json) ctx.stdout.write(`${JSON.stringify(q, null, 2)}\n`);
      else {
        const lines = [
          `queued ${q.queued.length}, already stored ${q.skipped.length}, failed ${q.failed.length}`,
        ];
        for (const f of q.failed) lines.push(`  ${f.path}: ${f.reason}`);
        ctx.stdout.write(
          `${lines.join('\n')}\ndatabase: ${redactLocation(location)} (run \`newsintel worker\` to process the queue)\n`,
        );
      }
      return q.failed.length > 0 ? 1 : 0;
    }
    const progress = createProgress({
      stream: ctx.stderr,
      label: 'ingest',
      unit: 'inputs',
      enabled: !flags.json,
    });
    // The pipeline loads only when this command runs (so `--help`, `search` and `export` start fast). The pool
    // starts first: its workers load the models while this thread imports the ingest code and opens the store,
    // and this thread never loads the pipeline itself when workers analyse.
    const { createAnalysisPool } = await import('../../services/pool/analysis-pool.js');
    const pool = jobs === 0 ? undefined : await createAnalysisPool({ jobs });
    const { ingest } = await import('../../services/ingest.js');
    let result: IngestResult;
    try {
      result = await withStore(location, (db) =>
        ingest(positionals, {
          db,
          maxBytes,
          pool,
          fetch: { allowPrivate: flags['allow-private'] === true, timeoutMs },
          fetchLinks: flags['fetch-links'] === true,
          onProgress: (p) => {
            progress.setTotal(p.total);
            progress.update(p.done, p.path);
          },
        }),
      );
    } finally {
      await pool?.close();
    }
    progress.finish();
    if (flags.json) ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else ctx.stdout.write(formatIngestSummary(result) + `database: ${redactLocation(location)}\n`);
    return result.failed.length > 0 ? 1 : 0;
  },
};
