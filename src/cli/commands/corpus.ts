import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NewsintelError } from '../../core/errors.js';
import type { StoryResponse } from '../../corpus/types.js';
import { withStore } from '../../services/store.js';
import { type CliContext, type Command, dbLocation, parseArgs, UsageError } from '../context.js';
import { createProgress } from '../progress.js';

/** The corpus services, loaded when a command runs (the CLI starts without the storage layer or the pipeline). */
const corpus = () => import('../../services/corpus.js');

const PAGE_FLAGS = ['db', 'limit', 'offset'];

function paging(flags: Record<string, string | boolean>): { limit: number; offset: number } {
  const num = (name: string, fallback: number) => {
    const v = flags[name];
    if (v === undefined) return fallback;
    if (typeof v !== 'string' || !/^\d+$/.test(v))
      throw new UsageError(`--${name} must be a non-negative integer`);
    return Number(v);
  };
  return { limit: num('limit', 20), offset: num('offset', 0) };
}

function help(ctx: CliContext, cmd: Command, flags: Record<string, string | boolean>): boolean {
  if (!flags.help) return false;
  ctx.stdout.write(`${cmd.usage}\n`);
  return true;
}

const day = (d: string | null) => (d ? d.slice(0, 10) : '????-??-??');

/** Resolves `story`'s argument: an article id, a story id, or a file whose article id is computed. */
async function storyKey(arg: string, ctx: CliContext): Promise<string> {
  const file = path.resolve(ctx.cwd, arg);
  if (!arg.startsWith('sha256:') && !arg.startsWith('story:') && existsSync(file)) {
    const { decodeInput } = await import('../../ingest/decode.js');
    const { readInput } = await import('../../ingest/read-input.js');
    const { articleId } = await import('../../services/analyze.js');
    const source = readInput(decodeInput(readFileSync(file), {}), { filename: file }).sources[0];
    if (!source) throw new NewsintelError('E_INPUT_FORMAT', `story: no article in ${arg}`);
    return articleId(source.raw);
  }
  return arg;
}

function printStory(s: StoryResponse, out: CliContext['stdout']): void {
  out.write(`story ${s.id}  cluster ${s.clusterId ?? '-'}\n${s.headline ?? '(no headline)'}\n\nversions:\n`);
  for (const v of s.versions) {
    out.write(
      `  ${v.position + 1}. ${day(v.published)}  ${(v.version?.tag ?? '').padEnd(12)} ${v.source ?? ''}  ${v.headline ?? ''}\n     ${v.articleId}\n`,
    );
  }
  for (const p of s.pendingPredecessors)
    out.write(`  (waiting for a predecessor of ${p.articleId}: ${p.reason})\n`);
  s.diffs.forEach((d) => {
    const l = s.links.find((x) => x.later === d.to || x.earlier === d.to);
    const pos = (id: string) => s.versions.findIndex((v) => v.articleId === id) + 1;
    out.write(`\nchanges ${pos(d.from)} → ${pos(d.to)}${l ? `  (${l.signals.join(', ')})` : ''}\n`);
    out.write(
      `  paragraphs: +${d.stats.paragraphsAdded} −${d.stats.paragraphsRemoved} ~${d.stats.paragraphsRewritten} =${d.stats.paragraphsUnchanged}\n`,
    );
    for (const c of d.text) {
      const t = (c.after ?? c.before)!.text;
      out.write(
        `  ${c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : '~'} ${t.length > 110 ? `${t.slice(0, 107)}…` : t}\n`,
      );
    }
    for (const f of d.facts.filter((x) => x.layer !== 'entity')) out.write(`  * ${f.summary}\n`);
    const ents = d.facts.filter((x) => x.layer === 'entity');
    if (ents.length) out.write(`  * ${ents.map((f) => f.summary).join('; ')}\n`);
  });
}

/** `newsintel story <article-id|story-id|file>`: a story's versions and what changed between them. */
export const storyCommand: Command = {
  name: 'story',
  readOnly: true,
  summary: 'show a story: its versions in order and what changed between them',
  usage: 'newsintel story <article-id|story-id|file> [--json] [--db FILE|postgres://…]',
  async run(ctx) {
    const { flags, positionals } = parseArgs(ctx.argv, { boolean: ['help', 'json'], string: ['db'] });
    if (help(ctx, this, flags)) return 0;
    if (positionals.length !== 1) throw new UsageError('story takes one article id, story id or file');
    const key = await storyKey(positionals[0]!, ctx);
    const { getStory } = await corpus();
    const s = await withStore(dbLocation(flags, ctx), (db) => getStory(db.db, key));
    if (!s) throw new NewsintelError('E_NOT_FOUND', `story: no linked article or story ${key}`);
    if (flags.json) ctx.stdout.write(`${JSON.stringify(s, null, 2)}\n`);
    else printStory(s, ctx.stdout);
    return 0;
  },
};

/** `newsintel actor <name|id>`: an actor's aliases, mentions, quotes, events, claims and meetings. */
export const actorCommand: Command = {
  name: 'actor',
  readOnly: true,
  summary: 'show an actor across the corpus (aliases, mentions, quotes, events, claims, met actors)',
  usage: 'newsintel actor <name|actor-id|kb-id> [--json] [--limit N] [--offset N] [--db …]',
  async run(ctx) {
    const { flags, positionals } = parseArgs(ctx.argv, { boolean: ['help', 'json'], string: PAGE_FLAGS });
    if (help(ctx, this, flags)) return 0;
    if (positionals.length === 0) throw new UsageError('actor takes a name or an id');
    const q = positionals.join(' ');
    const p = paging(flags);
    const { getActor, searchActors } = await corpus();
    return withStore(dbLocation(flags, ctx), async (db) => {
      let a = await getActor(db.db, q, p);
      if (!a) {
        const hits = await searchActors(db.db, q, { limit: 10 });
        if (hits.items.length === 1 || (hits.items[0] && !flags.json))
          a = await getActor(db.db, hits.items[0]!.id, p);
        if (hits.items.length > 1 && !flags.json) {
          ctx.stderr.write(
            `${hits.total} actors match '${q}'; showing the most mentioned (others: ${hits.items
              .slice(1)
              .map((h) => `${h.name} ${h.id}`)
              .join(', ')})\n`,
          );
        }
      }
      if (!a) throw new NewsintelError('E_NOT_FOUND', `actor: no actor matches '${q}'`);
      if (flags.json) {
        ctx.stdout.write(`${JSON.stringify(a, null, 2)}\n`);
        return 0;
      }
      const o = ctx.stdout;
      o.write(
        `${a.name}  (${a.type}${a.country ? `, ${a.country}` : ''}${a.role ? `, ${a.role}` : ''})  ${a.id}${a.kb ? `  kb ${a.kb}` : ''}\n`,
      );
      o.write(
        `aliases: ${a.aliases.join(', ')}\nseen ${day(a.firstSeen)} … ${day(a.lastSeen)}: ${a.mentionCount} mentions in ${a.articleCount} articles\n`,
      );
      o.write(`\nquotes (${a.quotes.total}):\n`);
      for (const q2 of a.quotes.items)
        o.write(`  ${day(q2.published)} ${q2.source ?? ''}: “${q2.quote.text.slice(0, 120)}”\n`);
      o.write(`\nevents (${a.events.total}):\n`);
      for (const e of a.events.items)
        o.write(
          `  ${day(e.date)} ${e.type.padEnd(11)} ${e.actors.map((x) => x.name).join(', ') || '?'} → ${e.targets.map((x) => x.name).join(', ') || '?'}  (${e.reportCount} reports)\n`,
        );
      o.write(`\nclaims (${a.claims.total}):\n`);
      for (const c of a.claims.items)
        o.write(`  ${day(c.date)} ${c.evidence.text}${c.hedge ? ` [${c.hedge}]` : ''}\n`);
      o.write(`\nmet (${a.met.length}):\n`);
      for (const m of a.met) o.write(`  ${m.actor.name}: ${m.weight} meetings, ${m.reports} reports\n`);
      o.write(`\nmentions (${a.mentions.total}):\n`);
      for (const m of a.mentions.items)
        o.write(`  ${day(m.published)} ${m.source ?? ''}: ${m.headline ?? m.articleId}\n`);
      return 0;
    });
  },
};

/** `newsintel events`: deduplicated events filtered by type, actor, country and date range. */
export const eventsCommand: Command = {
  name: 'events',
  readOnly: true,
  summary: 'query deduplicated corpus events (dedup counts beside report counts)',
  usage:
    'newsintel events [--type T] [--actor A] [--country ISO3] [--from DATE] [--to DATE] [--json] [--limit N] [--offset N] [--db …]',
  async run(ctx) {
    const { flags, positionals } = parseArgs(ctx.argv, {
      boolean: ['help', 'json'],
      string: [...PAGE_FLAGS, 'type', 'actor', 'country', 'from', 'to'],
    });
    if (help(ctx, this, flags)) return 0;
    if (positionals.length > 0) throw new UsageError('events takes options only');
    const s = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : null);
    const { queryEvents } = await corpus();
    const r = await withStore(dbLocation(flags, ctx), (db) =>
      queryEvents(
        db.db,
        { type: s('type'), actor: s('actor'), country: s('country'), from: s('from'), to: s('to') },
        paging(flags),
      ),
    );
    if (flags.json) {
      ctx.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      return 0;
    }
    ctx.stdout.write(`${r.counts.events} events from ${r.counts.reports} reports\n`);
    for (const t of r.byType)
      ctx.stdout.write(
        `  ${t.type.padEnd(11)} ${String(t.events).padStart(6)} events ${String(t.reports).padStart(7)} reports\n`,
      );
    ctx.stdout.write('\n');
    for (const e of r.items) {
      ctx.stdout.write(
        `${day(e.date)} ${e.type.padEnd(11)} ${e.actors.map((x) => x.name).join(', ') || '?'} → ${e.targets.map((x) => x.name).join(', ') || '?'}  reports ${e.reportCount} (${e.sources.join(', ')})  ${e.id}\n`,
      );
    }
    return 0;
  },
};

/** `newsintel network`: who met whom (CONSULT events) with weights. */
export const networkCommand: Command = {
  name: 'network',
  readOnly: true,
  summary: 'who met whom: edges from CONSULT events with weights',
  usage: 'newsintel network [--from DATE] [--to DATE] [--json] [--limit N] [--offset N] [--db …]',
  async run(ctx) {
    const { flags, positionals } = parseArgs(ctx.argv, {
      boolean: ['help', 'json'],
      string: [...PAGE_FLAGS, 'from', 'to'],
    });
    if (help(ctx, this, flags)) return 0;
    if (positionals.length > 0) throw new UsageError('network takes options only');
    const { network } = await corpus();
    const r = await withStore(dbLocation(flags, ctx), (db) =>
      network(
        db.db,
        { from: (flags.from as string) ?? null, to: (flags.to as string) ?? null },
        paging(flags),
      ),
    );
    if (flags.json) ctx.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    else {
      ctx.stdout.write(`${r.total} edges\n`);
      for (const e of r.items)
        ctx.stdout.write(
          `${String(e.weight).padStart(4)}  ${e.a.name} — ${e.b.name}  (${e.reports} reports, ${day(e.firstDate)} … ${day(e.lastDate)})\n`,
        );
    }
    return 0;
  },
};

/** `newsintel claims <subject>`: claim series (value, hedge, source, date, evidence) about a subject. */
export const claimsCommand: Command = {
  name: 'claims',
  readOnly: true,
  summary: 'claim series: the same quantity about a subject across articles and dates',
  usage: 'newsintel claims <subject> [--json] [--limit N] [--offset N] [--db …]',
  async run(ctx) {
    const { flags, positionals } = parseArgs(ctx.argv, { boolean: ['help', 'json'], string: PAGE_FLAGS });
    if (help(ctx, this, flags)) return 0;
    if (positionals.length === 0) throw new UsageError('claims takes a subject');
    const { claimSeries } = await corpus();
    const r = await withStore(dbLocation(flags, ctx), (db) =>
      claimSeries(db.db, positionals.join(' '), paging(flags)),
    );
    if (flags.json) ctx.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    else {
      ctx.stdout.write(`${r.total} series\n`);
      for (const s of r.items) {
        ctx.stdout.write(
          `\n${s.subject}${s.unit ? ` (${s.unit})` : ''}: ${s.points.length} points, ${s.min ?? '?'} … ${s.max ?? '?'}\n`,
        );
        for (const p of s.points)
          ctx.stdout.write(
            `  ${day(p.date)}  ${String(p.value ?? '?').padStart(10)}  ${p.hedge ?? ''}  ${p.source?.name ?? ''}  “${p.evidence.text}”  ${p.report.source ?? ''}\n`,
          );
      }
    }
    return 0;
  },
};

/** `newsintel reanalyze`: re-run stored raw inputs with the current pipeline and rebuild the corpus links. */
export const reanalyzeCommand: Command = {
  name: 'reanalyze',
  summary: 're-run stored inputs with the current pipeline and rebuild corpus links (paged, resumable)',
  usage: 'newsintel reanalyze [--page-size N] [--max-pages N] [--restart] [--db …]',
  async run(ctx) {
    const { flags, positionals } = parseArgs(ctx.argv, {
      boolean: ['help', 'restart'],
      string: ['db', 'page-size', 'max-pages'],
    });
    if (help(ctx, this, flags)) return 0;
    if (positionals.length > 0) throw new UsageError('reanalyze takes options only');
    const int = (k: string) => {
      const v = flags[k];
      if (v === undefined) return undefined;
      if (typeof v !== 'string' || !/^[1-9]\d*$/.test(v))
        throw new UsageError(`--${k} must be a positive integer`);
      return Number(v);
    };
    const { reanalyze } = await import('../../services/corpus-reanalyze.js');
    const progress = createProgress({ stream: ctx.stderr, label: 'reanalyze', unit: 'articles' });
    const r = await withStore(dbLocation(flags, ctx), async (db) => {
      progress.setTotal(await db.countArticles());
      return reanalyze(db, {
        pageSize: int('page-size'),
        maxPages: int('max-pages'),
        restart: flags.restart === true,
        onProgress: (p) => progress.update(p.done),
      });
    });
    progress.finish();
    ctx.stdout.write(
      `${r.resumed ? 'resumed; ' : ''}reanalyzed ${r.reanalyzed} articles with ${r.pipelineVersion}${r.finished ? '' : ' (stopped early: run again to resume)'}\n`,
    );
    for (const f of r.failed) ctx.stderr.write(`failed ${f.id}: ${f.reason}\n`);
    return r.failed.length > 0 ? 1 : 0;
  },
};
