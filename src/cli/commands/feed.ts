import type { FeedPollReport } from '../../services/feeds.js';
import { withStore } from '../../services/store.js';
import { type CliContext, type Command, dbLocation, parseArgs, UsageError } from '../context.js';
import { parseJobs } from '../jobs.js';
import { createProgress } from '../progress.js';
import { parseMaxBytes, parseTimeout, redactLocation } from './ingest.js';

const USAGE = `newsintel feed add <url> [--allow-private]
newsintel feed list [--json]
newsintel feed remove <url>
newsintel feed poll [<url>…] [--force] [--allow-private] [--timeout S] [--max-bytes N] [--jobs N] [--json]
  (all take --db FILE|postgres://…)`;

const HELP = `${USAGE}

Subscriptions to RSS 2.0, Atom and JSON Feed feeds, kept in the database.
  add     checks the URL (SSRF guard) and that it is a feed, then subscribes; --allow-private keeps the guard
          open for this feed and its links (a newsroom CMS on the intranet)
  list    every feed with its last poll, error count and last error
  remove  unsubscribes (stored articles stay)
  poll    fetches each feed with a conditional GET (ETag/Last-Modified), fetches and extracts each new item's
          link (the feed's text when the link fails), and stores it with the item's title, date and link.
          A feed that fails is left alone for a doubling backoff (5 min … 24 h) unless --force.
Exit status 1 when a feed or an item failed.
`;

function formatPoll(reports: FeedPollReport[]): string {
  const lines: string[] = [];
  let stored = 0;
  let already = 0;
  let failed = 0;
  for (const r of reports) {
    stored += r.result.stored.length;
    already += r.result.skipped.length;
    failed += r.result.failed.length + (r.status === 'error' ? 1 : 0);
    const counts = `${r.newItems} new item(s): stored ${r.result.stored.length}, already stored ${r.result.skipped.length}, failed ${r.result.failed.length}`;
    if (r.status === 'updated') lines.push(`${r.url}: ${counts}`);
    else if (r.status === 'not modified') lines.push(`${r.url}: not modified`);
    else if (r.status === 'backing off')
      lines.push(`${r.url}: backing off until ${r.nextCheckAt} after: ${r.error}`);
    else lines.push(`${r.url}: error: ${r.error} (next try after ${r.nextCheckAt})`);
    for (const f of r.result.failed) lines.push(`  ${f.path}: ${f.reason}`);
  }
  lines.push(`feeds ${reports.length}: stored ${stored}, already stored ${already}, failed ${failed}`);
  return `${lines.join('\n')}\n`;
}

/** `newsintel feed add|list|remove|poll`: feed subscriptions and polling (see `services/feeds.ts`). */
export const feedCommand: Command = {
  name: 'feed',
  summary: 'subscribe to RSS/Atom/JSON feeds and poll them (add, list, remove, poll)',
  usage: USAGE,
  async run(ctx: CliContext): Promise<number> {
    const { flags, positionals } = parseArgs(ctx.argv, {
      boolean: ['json', 'help', 'allow-private', 'force'],
      string: ['db', 'max-bytes', 'timeout', 'jobs'],
    });
    if (flags.help) {
      ctx.stdout.write(HELP);
      return 0;
    }
    const [sub, ...args] = positionals;
    if (!sub) throw new UsageError('feed needs a subcommand: add, list, remove or poll');
    const location = dbLocation(flags, ctx);
    const maxBytes = parseMaxBytes(flags['max-bytes']);
    const timeoutMs = parseTimeout(flags.timeout);
    const allowPrivate = flags['allow-private'] === true;
    // Services load only when a subcommand runs (the pipeline is heavy; see lazy-imports.test.ts).
    const feeds = await import('../../services/feeds.js');
    if (sub === 'add') {
      if (args.length !== 1) throw new UsageError('feed add needs exactly one URL');
      const r = await withStore(location, (db) =>
        feeds.addFeed(args[0]!, { db, maxBytes, allowPrivate, fetch: { timeoutMs } }),
      );
      if (flags.json) ctx.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else {
        ctx.stdout.write(
          `${r.status === 'added' ? 'subscribed to' : 'already subscribed to'} ${r.feed.url}${r.feed.title ? ` (${r.feed.title})` : ''}\n`,
        );
      }
      return 0;
    }
    if (sub === 'list') {
      const list = await withStore(location, (db) => feeds.listFeeds(db));
      if (flags.json) ctx.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else if (list.length === 0) ctx.stdout.write('no feeds (add one with: newsintel feed add <url>)\n');
      else {
        for (const f of list) {
          const state =
            f.errorCount > 0
              ? `${f.errorCount} error(s), last: ${f.lastError}; next try after ${f.nextCheckAt}`
              : f.lastCheckedAt
                ? `ok, last polled ${f.lastCheckedAt}`
                : 'never polled';
          ctx.stdout.write(
            `${f.url}${f.title ? ` (${f.title})` : ''}${f.allowPrivate ? ' [private allowed]' : ''}\n  ${state}\n`,
          );
        }
      }
      return 0;
    }
    if (sub === 'remove') {
      if (args.length !== 1) throw new UsageError('feed remove needs exactly one URL');
      const gone = await withStore(location, (db) => feeds.removeFeed(db, args[0]!));
      ctx.stdout.write(gone ? `unsubscribed from ${args[0]}\n` : `not subscribed to ${args[0]}\n`);
      return gone ? 0 : 1;
    }
    if (sub === 'poll') {
      const jobs = parseJobs(flags.jobs ?? '0');
      const progress = createProgress({
        stream: ctx.stderr,
        label: 'feed poll',
        unit: 'items',
        enabled: !flags.json,
      });
      let base = 0;
      let lastFeed = '';
      let lastTotal = 0;
      const { createAnalysisPool } = await import('../../services/pool/analysis-pool.js');
      const reports = await withStore(location, async (db) => {
        const pool = jobs === 0 ? undefined : await createAnalysisPool({ jobs });
        try {
          return await feeds.pollFeeds({
            db,
            maxBytes,
            pool,
            urls: args.length > 0 ? args : undefined,
            force: flags.force === true,
            fetch: { allowPrivate, timeoutMs },
            onProgress: (p) => {
              if (p.feed !== lastFeed) {
                base += lastTotal;
                lastFeed = p.feed;
              }
              lastTotal = p.total;
              progress.setTotal(base + p.total);
              progress.update(base + p.done, p.item ?? p.feed);
            },
          });
        } finally {
          await pool?.close();
        }
      });
      progress.finish();
      if (flags.json) ctx.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
      else ctx.stdout.write(`${formatPoll(reports)}database: ${redactLocation(location)}\n`);
      const bad = reports.some((r) => r.status === 'error' || r.result.failed.length > 0);
      return bad ? 1 : 0;
    }
    throw new UsageError(`unknown feed subcommand '${sub}' (add, list, remove or poll)`);
  },
};
