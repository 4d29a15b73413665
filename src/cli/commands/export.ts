import { exportJsonl } from '../../services/export.js';
import { withStore } from '../../services/store.js';
import { type CliContext, type Command, dbLocation, parseArgs, UsageError } from '../context.js';

/** `newsintel export`: every stored analysis as JSONL on stdout (the public format, one object per line). */
export const exportCommand: Command = {
  name: 'export',
  summary: 'write every stored analysis as JSONL to stdout',
  usage: 'newsintel export [--db FILE|postgres://…]',
  async run(ctx: CliContext): Promise<number> {
    const { flags, positionals } = parseArgs(ctx.argv, { boolean: ['help'], string: ['db'] });
    if (flags.help) {
      ctx.stdout.write(`${this.usage}\n`);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError('export takes no arguments');
    const n = await withStore(dbLocation(flags, ctx), (db) => exportJsonl(db, ctx.stdout));
    ctx.stderr.write(`exported ${n} article${n === 1 ? '' : 's'}\n`);
    return 0;
  },
};
