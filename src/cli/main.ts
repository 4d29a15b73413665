import { type ErrorCode, isNewsintelError } from '../core/errors.js';
import { analyzeCommand } from './commands/analyze.js';
import {
  actorCommand,
  claimsCommand,
  eventsCommand,
  networkCommand,
  reanalyzeCommand,
  storyCommand,
} from './commands/corpus.js';
import { evaluateCommand } from './commands/evaluate.js';
import { exportCommand } from './commands/export.js';
import { feedCommand } from './commands/feed.js';
import { ingestCommand } from './commands/ingest.js';
import { jobsCommand } from './commands/jobs.js';
import { searchCommand } from './commands/search.js';
import { serveCommand } from './commands/serve.js';
import { workerCommand } from './commands/worker.js';
import { type CliContext, type Command, UsageError } from './context.js';

const commands: Command[] = [
  analyzeCommand,
  evaluateCommand,
  ingestCommand,
  searchCommand,
  serveCommand,
  exportCommand,
  workerCommand,
  jobsCommand,
  storyCommand,
  actorCommand,
  eventsCommand,
  networkCommand,
  claimsCommand,
  reanalyzeCommand,
  feedCommand,
];

/** Exit codes are decided here, at the edge: 2 for usage errors, 1 for failures. */
function exitCodeFor(code: ErrorCode): number {
  return code === 'E_USAGE' ? 2 : 1;
}

function help(): string {
  const rows = commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n');
  return `newsintel: news intelligence from wire text\n\nusage: newsintel <command> [options]\n\ncommands:\n${rows}\n\nRun 'newsintel <command> --help' for a command's options.\n`;
}

/** Runs the CLI in-process and returns the exit code (the bin script passes it to process.exit). */
export async function main(ctx: CliContext): Promise<number> {
  const [name, ...rest] = ctx.argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout.write(help());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    ctx.stdout.write('newsintel 0.1.0\n');
    return 0;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    ctx.stderr.write(`newsintel: unknown command '${name}'\n\n${help()}`);
    return 2;
  }
  try {
    return await cmd.run({ ...ctx, argv: rest });
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.stderr.write(`newsintel ${name}: ${e.message}\nusage: ${cmd.usage}\n`);
      return 2;
    }
    if (isNewsintelError(e)) {
      ctx.stderr.write(`newsintel ${name}: ${e.message} [${e.code}]\n`);
      return exitCodeFor(e.code);
    }
    ctx.stderr.write(`newsintel ${name}: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 1;
  }
}

/**
 * What a closed stdout (EPIPE, as in `newsintel export | head`) does to the command `name`: a read-only command
 * ends quietly with 0, the way Unix filters do, instead of dying on an unhandled 'error' event; any other command
 * carries on without its messages, so a closed pipe never cuts an ingest short. Other stream errors still throw.
 */
export function closedOutputHandler(
  name: string | undefined,
  exit: (code: number) => void,
): (e: NodeJS.ErrnoException) => void {
  const readOnly = commands.find((c) => c.name === name)?.readOnly === true;
  return (e) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    if (readOnly) exit(0);
  };
}

/** Runs the CLI against this process's streams, environment and working directory (the `bin` entry). */
export function runFromProcess(argv: string[]): Promise<number> {
  process.stdout.on(
    'error',
    closedOutputHandler(argv[0], (code) => process.exit(code)),
  );
  return main({
    argv,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  });
}
