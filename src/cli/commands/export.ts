import { Writable } from 'node:stream';
import { withStore } from '../../services/store.js';
import { type CliContext, type Command, dbLocation, parseArgs, UsageError } from '../context.js';
import { createProgress } from '../progress.js';

/**
 * A pass-through to `target` that counts the lines written, for the progress display; it keeps the target's
 * backpressure (a write completes when the target has taken the chunk).
 */
function countingLines(target: Writable, onLines: (n: number) => void): Writable {
  return new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      let lines = 0;
      for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) lines++;
      if (lines > 0) onLines(lines);
      if (target.write(buf)) cb();
      else target.once('drain', () => cb());
    },
  });
}

/** `newsintel export`: every stored analysis as JSONL on stdout (the public format, one object per line). */
export const exportCommand: Command = {
  name: 'export',
  readOnly: true,
  summary: 'write stored analyses (JSONL) or corpus tables (events, actors, claims) to stdout',
  usage:
    'newsintel export [--format jsonl|events-csv|events-plover|actors-csv|claims-csv] [--db FILE|postgres://…]',
  async run(ctx: CliContext): Promise<number> {
    const { flags, positionals } = parseArgs(ctx.argv, { boolean: ['help'], string: ['db', 'format'] });
    if (flags.help) {
      ctx.stdout.write(`${this.usage}\n`);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError('export takes no arguments');
    const format = typeof flags.format === 'string' ? flags.format : 'jsonl';
    const { exportCorpus } = await import('../../services/corpus-export.js');
    const what =
      format === 'jsonl'
        ? 'article'
        : format.startsWith('events')
          ? 'event'
          : format.startsWith('actors')
            ? 'actor'
            : 'claim';
    const progress = createProgress({ stream: ctx.stderr, label: 'export', unit: 'lines' });
    const out = countingLines(ctx.stdout, (n) => progress.tick(n));
    const n = await withStore(dbLocation(flags, ctx), async (db) => {
      if (format === 'jsonl') progress.setTotal(await db.countArticles());
      const rows = await exportCorpus(db, format, out);
      await new Promise<void>((resolve) => out.end(resolve));
      return rows;
    });
    progress.finish();
    ctx.stderr.write(`exported ${n} ${what}${n === 1 ? '' : 's'}\n`);
    return 0;
  },
};
