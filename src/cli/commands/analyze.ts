import { NewsintelError } from '../../core/errors.js';
import type { Analysis } from '../../core/types.js';
import { type CliContext, type Command, parseArgs, UsageError } from '../context.js';

/** `newsintel analyze <file|-> [--json]`: one article's analysis, as JSON or a readable brief. */
export const analyzeCommand: Command = {
  name: 'analyze',
  readOnly: true,
  summary: 'analyse one article (wire text, HTML, JSON) and print the analysis',
  usage:
    'newsintel analyze <file|-> [--json] [--published YYYY-MM-DD] [--source NAME] [--url URL] [--max-bytes N]',
  async run(ctx: CliContext): Promise<number> {
    const { flags, positionals } = parseArgs(ctx.argv, {
      boolean: ['json', 'help'],
      string: ['published', 'source', 'url', 'max-bytes'],
    });
    if (flags.help) {
      ctx.stdout.write(`${this.usage}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('analyze takes exactly one file (or - for stdin)');
    const target = positionals[0]!;
    const maxBytes = flags['max-bytes'] ? Number(flags['max-bytes']) : undefined;
    if (maxBytes !== undefined && !(maxBytes > 0))
      throw new UsageError('--max-bytes must be a positive number');
    let buf: Buffer;
    const cap = maxBytes ?? (await import('../../ingest/decode.js')).DEFAULT_MAX_BYTES;
    const { readFileCapped, readStreamCapped } = await import('../../ingest/bounded-read.js');
    try {
      // The cap is enforced while reading: stdin, devices and growing files stop as soon as it is passed.
      buf =
        target === '-' ? await readStreamCapped(ctx.stdin, cap, 'stdin') : await readFileCapped(target, cap);
    } catch (e) {
      if (e instanceof NewsintelError) throw new NewsintelError(e.code, `analyze: ${e.message}`);
      throw new NewsintelError('E_NOT_FOUND', `analyze: cannot read ${target}: ${(e as Error).message}`);
    }
    // The readers and the pipeline load only when a command runs, so `--help` and `search` start fast.
    const { decodeInput } = await import('../../ingest/decode.js');
    const { readInput } = await import('../../ingest/read-input.js');
    const { analyzeDocument, toAnalysis } = await import('../../services/analyze.js');
    const { formatSummary } = await import('../summary.js');
    // decodeInput validates (empty, binary, size, encoding) with clear coded errors before any parsing.
    decodeInput(buf, { maxBytes });
    const { sources, errors } = readInput(buf, { filename: target === '-' ? undefined : target, maxBytes });
    if (sources.length === 0) {
      const why = errors.map((e) => e.message).join('; ') || 'no article found';
      throw new NewsintelError('E_INPUT_FORMAT', `analyze: ${target}: ${why}`);
    }
    const options = {
      published: typeof flags.published === 'string' ? flags.published : undefined,
      source: typeof flags.source === 'string' ? flags.source : undefined,
      url: typeof flags.url === 'string' ? flags.url : undefined,
    };
    const analyses: Analysis[] = sources.map((s) => toAnalysis(analyzeDocument(s, options)));
    if (flags.json) {
      // One article prints one object (the public format); several records print JSONL.
      if (analyses.length === 1) ctx.stdout.write(`${JSON.stringify(analyses[0], null, 2)}\n`);
      else for (const a of analyses) ctx.stdout.write(`${JSON.stringify(a)}\n`);
    } else {
      ctx.stdout.write(analyses.map((a) => formatSummary(a)).join('\n\n'));
    }
    for (const e of errors)
      ctx.stderr.write(`warning: ${target}${e.record ? ` record ${e.record}` : ''}: ${e.message}\n`);
    return 0;
  },
};
