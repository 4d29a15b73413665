import { withStore } from '../../services/store.js';
import { type CliContext, type Command, dbLocation, parseArgs, UsageError } from '../context.js';

/** `newsintel export`: every stored analysis as JSONL on stdout (the public format, one object per line). */
export const exportCommand: Command = {
  name: 'export',
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
    const n = await withStore(dbLocation(flags, ctx), (db) => exportCorpus(db, format, ctx.stdout));
    const what =
      format === 'jsonl'
        ? 'article'
        : format.startsWith('events')
          ? 'event'
          : format.startsWith('actors')
            ? 'actor'
            : 'claim';
    ctx.stderr.write(`exported ${n} ${what}${n === 1 ? '' : 's'}\n`);
    return 0;
  },
};
