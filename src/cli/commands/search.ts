import { search } from '../../services/search.js';
import type { SearchHit } from '../../services/store.js';
import { withStore } from '../../services/store.js';
import { type CliContext, type Command, dbLocation, parseArgs, UsageError } from '../context.js';

function count(v: string | boolean | undefined, name: string, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !/^\d+$/.test(v) || Number(v) < min || Number(v) > 1000) {
    throw new UsageError(`--${name} must be an integer from ${min} to 1000`);
  }
  return Number(v);
}

/** A hit's snippet with its matched words marked: bold on a terminal, [brackets] otherwise. */
export function markSnippet(hit: SearchHit, tty: boolean): string {
  const [open, close] = tty ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
  let out = '';
  let at = 0;
  for (const h of hit.highlights) {
    out += hit.snippet.slice(at, h.start) + open + hit.snippet.slice(h.start, h.end) + close;
    at = h.end;
  }
  return out + hit.snippet.slice(at);
}

/** `newsintel search <query>`: ranked full-text hits with snippets, or JSON with `--json`. */
export const searchCommand: Command = {
  name: 'search',
  readOnly: true,
  summary: 'full-text search over stored articles',
  usage: 'newsintel search <query> [--db FILE|postgres://…] [--limit N] [--offset N] [--json]',
  async run(ctx: CliContext): Promise<number> {
    const { flags, positionals } = parseArgs(ctx.argv, {
      boolean: ['json', 'help'],
      string: ['db', 'limit', 'offset'],
    });
    if (flags.help) {
      ctx.stdout.write(
        `${this.usage}\n\nWords are matched after stemming (deploy finds deployment); use "quoted phrases", -word to exclude, OR for alternatives.\n`,
      );
      return 0;
    }
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError('search needs a query');
    const limit = count(flags.limit, 'limit', 10, 1);
    const offset = count(flags.offset, 'offset', 0, 0);
    const hits = await withStore(dbLocation(flags, ctx), (db) => search(db, query, { limit, offset }));
    if (flags.json) {
      ctx.stdout.write(`${JSON.stringify({ query, hits }, null, 2)}\n`);
      return 0;
    }
    if (hits.length === 0) {
      ctx.stdout.write(`no matches for ${JSON.stringify(query)}\n`);
      return 0;
    }
    const tty = ctx.stdout.isTTY === true;
    const lines: string[] = [];
    hits.forEach((h, i) => {
      lines.push(`${offset + i + 1}. ${h.headline ?? '(no headline)'}`);
      lines.push(`   ${[h.source, h.published, h.id].filter(Boolean).join(' · ')}`);
      if (h.snippet) lines.push(`   ${markSnippet(h, tty)}`);
    });
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
