import { type CliContext, type Command, parseArgs, UsageError } from '../context.js';

/** `newsintel evaluate <format> <path>`: our benchmarks against public gold data. */
export const evaluateCommand: Command = {
  name: 'evaluate',
  readOnly: true,
  summary: 'score the pipeline against a public gold standard (last line: <metric> <value>)',
  usage: 'newsintel evaluate <format> <path>… [--limit N] [--json]',
  async run(ctx: CliContext): Promise<number> {
    const { flags, positionals } = parseArgs(ctx.argv, { boolean: ['json', 'help'], string: ['limit'] });
    // Evaluators import the whole pipeline: loaded only when this command runs.
    const { evaluate, formatResult, listEvaluators } = await import('../../services/evaluate/index.js');
    if (flags.help || positionals.length === 0) {
      ctx.stdout.write(`${this.usage}\n\nformats:\n`);
      for (const e of listEvaluators()) ctx.stdout.write(`  ${e.name.padEnd(18)} ${e.description}\n`);
      return flags.help ? 0 : 2;
    }
    if (positionals.length < 2) throw new UsageError('evaluate takes a format and a path');
    const limit = flags.limit ? Number(flags.limit) : undefined;
    if (limit !== undefined && !(limit > 0)) throw new UsageError('--limit must be a positive number');
    const result = await evaluate(positionals[0]!, positionals[1]!, { limit, more: positionals.slice(2) });
    if (flags.json) ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else ctx.stdout.write(formatResult(result));
    return 0;
  },
};
