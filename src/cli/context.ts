import type { Readable, Writable } from 'node:stream';

/**
 * What a CLI command gets from the shell: arguments, streams and environment. Passed in (never read from
 * globals) so commands can be tested in-process.
 */
export interface CliContext {
  argv: string[];
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

/** A CLI command: returns the process exit code (0 ok, 1 some inputs failed, 2 usage error). */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /**
   * True for commands that only read and print (export, search, story …): when the reader of their output goes
   * away (`newsintel export | head`), the process ends quietly with 0, the way Unix filters do. Commands that
   * write (ingest, reanalyze) carry on and only lose their messages, so a closed pipe never cuts a run short.
   */
  readOnly?: boolean;
  run(ctx: CliContext): Promise<number>;
}

/** Minimal flag parser: `--flag value`, `--flag=value`, boolean flags, and positionals. */
export function parseArgs(
  argv: string[],
  spec: { boolean?: string[]; string?: string[] },
): { flags: Record<string, string | boolean>; positionals: string[] } {
  const flags: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const bools = new Set(spec.boolean ?? []);
  const strings = new Set(spec.string ?? []);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (strings.has(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new UsageError(`option --${name} needs a value`);
        flags[name] = v;
      } else if (bools.has(name)) {
        flags[name] = true;
      } else {
        throw new UsageError(`unknown option --${name}`);
      }
    } else {
      positionals.push(a);
    }
  }
  return { flags, positionals };
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The database location: `--db`, else `NEWSINTEL_DB`, else `./newsintel.db` in the working directory. */
export function dbLocation(flags: Record<string, string | boolean>, ctx: CliContext): string {
  const f = flags.db;
  if (typeof f === 'string' && f) return f;
  return ctx.env.NEWSINTEL_DB || `${ctx.cwd}/newsintel.db`;
}
