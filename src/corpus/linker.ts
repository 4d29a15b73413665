import { type Kysely, sql, type Transaction } from 'kysely';
import { wrapError } from '../core/errors.js';
import type { Analysis } from '../core/types.js';
import type { Dialect } from '../storage/migrations.js';
import type { Database } from '../storage/schema.js';
import {
  actorFacts,
  actorRefs,
  claimPoints,
  dedupEvents,
  type EventMentionPayload,
  eventMentions,
  shortHash,
} from './facts.js';
import { type ArticleFeatures, articleFeatures, bandKeys, CORPUS_LINKER_VERSION, dayOf } from './features.js';
import { comparePair, DEFAULT_THRESHOLDS, isEarlier, type LinkThresholds } from './score.js';
import type { ActorMention } from './types.js';

/** Options of the incremental linker; validated by the caller's service, frozen. */
export interface LinkOptions {
  /** The analysis pipeline version that produced the analysis (recorded with the links). */
  pipelineVersion: string;
  thresholds?: Readonly<LinkThresholds>;
  /** Blocking window: candidates are looked up within ± this many days (default 3). */
  windowDays?: number;
  /** At most this many candidates are scored per article (default 60): the cost per article stays flat. */
  maxCandidates?: number;
}

export interface LinkResult {
  articleId: string;
  status: 'linked' | 'already linked';
  storyId: string;
  clusterId: string;
  /** Articles this one was linked to as a version (either direction). */
  versions: string[];
  /** True when it announces an update and no predecessor is stored yet. */
  pending: boolean;
}

/**
 * Seed of the PostgreSQL advisory-lock keys of linking (`hashtextextended(name, seed)`), apart from the
 * content-hash locks of saving (seed 0).
 */
const PG_LINK_SEED = 7_311_043;

type Trx = Transaction<Database>;

/** Shared-text scores this close count as a tie when choosing a story's predecessor. */
const TIE = 0.05;

interface CandidateRow {
  article_id: string;
  features: ArticleFeatures;
  story_id: string;
  cluster_id: string;
  day: number;
}

/** Actor keys used for blocking: the most mentioned actors that are not whole countries (too common). */
function actorBlockKeys(f: ArticleFeatures): string[] {
  const specific = f.actors.filter((k) => !k.startsWith('kb:country:'));
  const chosen = (specific.length >= 2 ? specific : f.actors).slice(0, 4);
  return chosen.map((k) => `a:${k}`);
}

/**
 * Links one stored article into the corpus, in one transaction: its version links and story, its same-event
 * cluster (merging stories or clusters it bridges), its actors, claims and deduplicated cluster events. A
 * crash leaves either all of it or none. Linking an article that is already linked changes nothing.
 */
export async function linkArticle(
  db: Kysely<Database>,
  dialect: Dialect,
  analysis: Analysis,
  options: LinkOptions,
): Promise<LinkResult> {
  try {
    return await db.transaction().execute((trx) => linkInTransaction(trx, dialect, analysis, options));
  } catch (e) {
    throw wrapError(`corpus: linking ${analysis.article.id}`, e);
  }
}

/**
 * `linkArticle` inside a transaction the caller owns (ingest saves and links an article in one transaction).
 * The caller commits; the same all-or-nothing guarantee holds for the caller's transaction.
 */
export async function linkArticleIn(
  trx: Trx,
  dialect: Dialect,
  analysis: Analysis,
  options: LinkOptions,
): Promise<LinkResult> {
  try {
    return await linkInTransaction(trx, dialect, analysis, options);
  } catch (e) {
    throw wrapError(`corpus: linking ${analysis.article.id}`, e);
  }
}

/**
 * PostgreSQL: takes the transaction-scoped advisory locks named (sorted, so two linkers always take shared
 * names in the same order and cannot deadlock on them). Names already held by this transaction are skipped.
 */
async function lockNames(
  trx: Trx,
  dialect: Dialect,
  names: Iterable<string>,
  held: Set<string>,
): Promise<void> {
  if (dialect !== 'postgres') return; // SQLite has one writer: its transactions never overlap
  const todo = [...new Set(names)].filter((n) => !held.has(n)).sort();
  for (const n of todo) {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${n}, ${PG_LINK_SEED}))`.execute(trx);
    held.add(n);
  }
}

/**
 * Concurrency (PostgreSQL; SQLite has one writer). Instead of one lock for all linking, a linker locks what it
 * reads and rewrites: first its article and its blocking keys, so two articles that could be each other's
 * candidates link one after the other and the second sees the first; then the stories and clusters it will
 * join or merge, re-reading its candidates' labels under those locks until they are stable (a merge committed
 * meanwhile relabels them). Articles with no key in common link in parallel. Actor rows are upserted in id
 * order, so concurrent upserts of shared actors wait for each other without deadlocking.
 * Re-choosing the predecessor of a later version needs no lock of its own: every article that can change it is
 * a version of it, so in its story, whose group lock this linker holds; and an actor's role is settled after
 * the upsert that locks the actor row, so it sees the facts of any linker that upserted that actor before.
 */
async function linkInTransaction(
  trx: Trx,
  dialect: Dialect,
  a: Analysis,
  options: LinkOptions,
): Promise<LinkResult> {
  const id = a.article.id;
  const t = options.thresholds ?? DEFAULT_THRESHOLDS;
  const window = options.windowDays ?? 3;
  const now = new Date().toISOString();
  const f = articleFeatures(a, dayOf(now) ?? 0);
  const keys = [...bandKeys(f.signature), ...actorBlockKeys(f)];
  const held = new Set<string>();
  await lockNames(trx, dialect, [`article:${id}`, ...keys.map((k) => `block:${k}`)], held);
  const existing = await trx
    .selectFrom('corpus_articles')
    .select(['story_id', 'cluster_id'])
    .where('article_id', '=', id)
    .executeTakeFirst();
  if (existing) {
    return {
      articleId: id,
      status: 'already linked',
      storyId: existing.story_id,
      clusterId: existing.cluster_id,
      versions: [],
      pending: false,
    };
  }

  const limit = options.maxCandidates ?? 60;
  const rows = await candidates(trx, id, keys, f.day, window, limit);

  // Score once (the features do not change); the story and cluster labels of the candidates may.
  const scores = rows.map((row) => scorePair(f, row.features, t));
  let grouped = group(rows, scores);
  if (dialect === 'postgres' && rows.length > 0) {
    for (let round = 0; ; round++) {
      const groups = [...grouped.stories, ...grouped.clusters];
      const before = held.size;
      await lockNames(
        trx,
        dialect,
        groups.map((g) => `group:${g}`),
        held,
      );
      if (held.size === before && round > 0) break;
      const fresh = await trx
        .selectFrom('corpus_articles')
        .select(['article_id', 'story_id', 'cluster_id'])
        .where(
          'article_id',
          'in',
          rows.map((r) => r.article_id),
        )
        .execute();
      const label = new Map(fresh.map((r) => [r.article_id, r]));
      let changed = false;
      for (const r of rows) {
        const cur = label.get(r.article_id);
        if (cur && (cur.story_id !== r.story_id || cur.cluster_id !== r.cluster_id)) {
          r.story_id = cur.story_id;
          r.cluster_id = cur.cluster_id;
          changed = true;
        }
      }
      if (!changed) break;
      if (round >= 20) throw new Error('candidate stories kept changing while linking; try again');
      grouped = group(rows, scores);
    }
  }
  const { stories, clusters } = grouped;

  // Stories and clusters this article joins or bridges become one, named after their first article.
  const self = { id, day: f.day };
  const storyId = await mergeGroups(trx, 'story_id', [...stories], self);
  const clusterId = await mergeGroups(trx, 'cluster_id', [...clusters], self);

  await trx
    .insertInto('corpus_articles')
    .values({
      article_id: id,
      agency: f.agency,
      published: a.article.published,
      day: f.day,
      version_number: f.versionNumber,
      claims_update: f.claimsUpdate ? 1 : 0,
      features: JSON.stringify(f),
      story_id: storyId,
      cluster_id: clusterId,
      pipeline_version: options.pipelineVersion,
      linker_version: CORPUS_LINKER_VERSION,
      linked_at: now,
    })
    .execute();
  const blockRows = [...new Set(keys)].map((k) => ({ block_key: k, day: f.day, article_id: id }));
  if (blockRows.length > 0) await trx.insertInto('corpus_blocks').values(blockRows).execute();

  // Version links: every article links from its best earlier version (`bestPredecessor`), a choice that depends
  // on the set of stored articles, not on their order. This article's own predecessor, then the later versions
  // it may now precede: each of them chooses again among all its candidates (a few, all in this story, whose
  // group lock this linker holds).
  const versions: string[] = [];
  const mine = rows.map((row, i) => ({ row, score: scores[i]! }));
  const pred = bestPredecessor(f, mine);
  if (pred) versions.push(pred.row.article_id);
  await setPredecessor(trx, id, pred, f, now);
  const later = mine
    .filter((c) => c.score.version && isEarlier(f, c.row.features))
    .sort((x, y) => (x.row.article_id < y.row.article_id ? -1 : 1));
  for (const c of later) {
    const theirs = await candidates(trx, c.row.article_id, null, c.row.features.day, window, limit);
    const scored = theirs.map((row) => ({ row, score: scorePair(c.row.features, row.features, t) }));
    const p = bestPredecessor(c.row.features, scored);
    if (p?.row.article_id === id) versions.push(c.row.article_id);
    await setPredecessor(trx, c.row.article_id, p, c.row.features, now);
  }
  const pending = f.claimsUpdate && !pred;

  await saveActors(trx, dialect, a, now);
  await saveClaims(trx, a);
  await saveEvents(trx, a, clusterId, clusters);
  return { articleId: id, status: 'linked', storyId, clusterId, versions, pending };
}

/**
 * The blocking candidates of an article: articles sharing a MinHash band or a main actor with it within the
 * date window, most shared keys first (ties by id), at most `limit`. `keys` null: the article's stored keys.
 */
async function candidates(
  trx: Trx,
  id: string,
  keys: readonly string[] | null,
  day: number,
  window: number,
  limit: number,
): Promise<CandidateRow[]> {
  let q = trx
    .selectFrom('corpus_blocks')
    .select(['article_id', (eb) => eb.fn.countAll().as('n')])
    .where('article_id', '!=', id)
    .where('day', '>=', day - window)
    .where('day', '<=', day + window);
  if (keys === null) {
    q = q.where('block_key', 'in', (eb) =>
      eb.selectFrom('corpus_blocks').select('block_key').where('article_id', '=', id),
    );
  } else {
    if (keys.length === 0) return [];
    q = q.where('block_key', 'in', [...keys]);
  }
  const cands = await q
    .groupBy('article_id')
    .orderBy('n', 'desc')
    .orderBy('article_id')
    .limit(limit)
    .execute();
  if (cands.length === 0) return [];
  const got = await trx
    .selectFrom('corpus_articles')
    .select(['article_id', 'features', 'story_id', 'cluster_id', 'day'])
    .where(
      'article_id',
      'in',
      cands.map((c) => c.article_id),
    )
    .orderBy('article_id')
    .execute();
  return got.map((r) => ({ ...r, features: JSON.parse(r.features) as ArticleFeatures }));
}

/** `comparePair` with the later article first, so a pair scores the same bits whichever arrived first. */
function scorePair(
  a: ArticleFeatures,
  b: ArticleFeatures,
  t: Readonly<LinkThresholds>,
): ReturnType<typeof comparePair> {
  return isEarlier(a, b) ? comparePair(b, a, t) : comparePair(a, b, t);
}

type Scored = { row: CandidateRow; score: ReturnType<typeof comparePair> };

/**
 * An article's predecessor among its candidates: of the earlier versions, those within `TIE` of the best
 * shared-text score, the latest of them (the chain's tail). A function of the candidate set, not of the order
 * the candidates arrived in.
 */
function bestPredecessor(x: ArticleFeatures, cands: readonly Scored[]): Scored | null {
  const earlier = cands.filter((c) => c.score.version && isEarlier(c.row.features, x));
  if (earlier.length === 0) return null;
  const top = Math.max(...earlier.map((c) => c.score.score));
  return earlier
    .filter((c) => c.score.score >= top - TIE)
    .reduce((best, c) => (isEarlier(best.row.features, c.row.features) ? c : best));
}

/**
 * Makes `pred` the only version link into `id` (none when null), and keeps `id` pending exactly when it
 * announces an update and has no predecessor.
 */
async function setPredecessor(
  trx: Trx,
  id: string,
  pred: Scored | null,
  f: ArticleFeatures,
  now: string,
): Promise<void> {
  let stale = trx.deleteFrom('corpus_links').where('kind', '=', 'version').where('article_b', '=', id);
  if (pred) stale = stale.where('article_a', '!=', pred.row.article_id);
  await stale.execute();
  if (pred) {
    await trx
      .insertInto('corpus_links')
      .values({
        article_a: pred.row.article_id,
        article_b: id,
        kind: 'version',
        score: pred.score.score,
        signals: JSON.stringify(pred.score.signals),
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx.deleteFrom('corpus_pending').where('article_id', '=', id).execute();
  } else if (f.claimsUpdate) {
    await trx
      .insertInto('corpus_pending')
      .values({
        article_id: id,
        reason: `announces an update (${f.versionTag ?? 'headline marker'}) but no earlier version is stored`,
        since: now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** The stories of the version candidates and the clusters of the same-event ones (versions are same-event). */
function group(
  rows: readonly CandidateRow[],
  scores: readonly ReturnType<typeof comparePair>[],
): { stories: Set<string>; clusters: Set<string> } {
  const stories = new Set<string>();
  const clusters = new Set<string>();
  rows.forEach((row, i) => {
    const s = scores[i]!;
    if (s.version) stories.add(row.story_id);
    if (s.version || s.sameEvent) clusters.add(row.cluster_id);
  });
  return { stories, clusters };
}

/**
 * Merges the given story (or cluster) ids and the linking article into one group named after its first article
 * (earliest day, then smallest id), so a group's id depends on its members, not on which arrived first; with no
 * ids, the group of the article alone. Merging only relabels rows, so it is cheap and stays inside the
 * transaction.
 */
async function mergeGroups(
  trx: Trx,
  column: 'story_id' | 'cluster_id',
  ids: string[],
  self: { id: string; day: number },
): Promise<string> {
  const prefix = column === 'story_id' ? 'story' : 'cluster';
  let first = self;
  if (ids.length > 0) {
    const oldest = await trx
      .selectFrom('corpus_articles')
      .select(['article_id', 'day'])
      .where(column, 'in', ids)
      .orderBy('day')
      .orderBy('article_id')
      .limit(1)
      .executeTakeFirst();
    if (oldest && (oldest.day < self.day || (oldest.day === self.day && oldest.article_id < self.id)))
      first = { id: oldest.article_id, day: oldest.day };
  }
  const keep = `${prefix}:${shortHash(first.id)}`;
  const others = ids.filter((x) => x !== keep);
  if (others.length === 0) return keep;
  await trx.updateTable('corpus_articles').set(column, keep).where(column, 'in', others).execute();
  if (column === 'cluster_id') {
    await trx
      .updateTable('corpus_event_mentions')
      .set('cluster_id', keep)
      .where('cluster_id', 'in', others)
      .execute();
  }
  return keep;
}

async function saveActors(trx: Trx, dialect: Dialect, a: Analysis, now: string): Promise<void> {
  const facts = actorFacts(a);
  const seen = a.article.published ?? now.slice(0, 10);
  const byActor = new Map<string, (typeof facts.mentions)[number][]>();
  for (const m of facts.mentions) byActor.set(m.actorId, [...(byActor.get(m.actorId) ?? []), m]);
  if (byActor.size === 0) return;
  const actorRows = [];
  const aliasRows = [];
  for (const [actorId, ms] of byActor) {
    const e = ms[0]!.entity;
    actorRows.push({
      id: actorId,
      actor_key: ms[0]!.key,
      name: e.name,
      name_lower: e.name.toLowerCase(),
      type: e.type,
      kb: e.kb,
      country: e.country,
      role: e.role,
      first_seen: seen,
      last_seen: seen,
      mention_count: ms.reduce((n, m) => n + m.payload.spans.length, 0),
      article_count: 1,
    });
    // Aliases are the names as written; pronouns and descriptions resolved to the actor are not aliases.
    const aliases = new Map<string, number>();
    for (const m of ms) {
      for (const x of m.entity.mentions as { text: string; kind?: string }[]) {
        if (x.kind === 'pronoun' || x.kind === 'nominal') continue;
        aliases.set(x.text, (aliases.get(x.text) ?? 0) + 1);
      }
    }
    for (const [alias, n] of aliases)
      aliasRows.push({ actor_id: actorId, alias, alias_lower: alias.toLowerCase(), n });
  }
  // PostgreSQL: in key order, so concurrent linkers lock shared actor rows in the same order (no deadlock).
  // (SQLite keeps the order of first mention: one writer, and the same rows as before.)
  if (dialect === 'postgres') actorRows.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  if (dialect === 'postgres')
    aliasRows.sort((x, y) =>
      x.actor_id !== y.actor_id
        ? x.actor_id < y.actor_id
          ? -1
          : 1
        : x.alias < y.alias
          ? -1
          : x.alias > y.alias
            ? 1
            : 0,
    );
  // One multi-row upsert per table: counts add up, first/last seen widen.
  const stored = new Map<string, { role: string | null; country: string | null }>();
  for (let i = 0; i < actorRows.length; i += 50) {
    const got = await trx
      .insertInto('corpus_actors')
      .values(actorRows.slice(i, i + 50))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          mention_count: sql`corpus_actors.mention_count + excluded.mention_count`,
          article_count: sql`corpus_actors.article_count + 1`,
          first_seen: sql`CASE WHEN corpus_actors.first_seen IS NULL OR excluded.first_seen < corpus_actors.first_seen THEN excluded.first_seen ELSE corpus_actors.first_seen END`,
          last_seen: sql`CASE WHEN corpus_actors.last_seen IS NULL OR excluded.last_seen > corpus_actors.last_seen THEN excluded.last_seen ELSE corpus_actors.last_seen END`,
          // The name as the earliest article writes it (ties: the smaller name): a minimum, so any order agrees.
          name: sql`CASE WHEN ${earliestName} THEN excluded.name ELSE corpus_actors.name END`,
          name_lower: sql`CASE WHEN ${earliestName} THEN excluded.name_lower ELSE corpus_actors.name_lower END`,
          type: sql`CASE WHEN ${earliestName} THEN excluded.type ELSE corpus_actors.type END`,
          kb: sql`COALESCE(corpus_actors.kb, excluded.kb)`,
          // Kept here; `latestRoles` below settles them when this article gives another.
          role: sql`COALESCE(corpus_actors.role, excluded.role)`,
          country: sql`COALESCE(corpus_actors.country, excluded.country)`,
        }),
      )
      .returning(['id', 'role', 'country'])
      .execute();
    for (const r of got) stored.set(r.id, r);
  }
  for (let i = 0; i < aliasRows.length; i += 100) {
    await trx
      .insertInto('corpus_actor_aliases')
      .values(aliasRows.slice(i, i + 100))
      .onConflict((oc) =>
        oc.columns(['actor_id', 'alias']).doUpdateSet({ n: sql`corpus_actor_aliases.n + excluded.n` }),
      )
      .execute();
  }
  const factRows = [
    ...facts.mentions.map((m) => ({
      actorId: m.actorId,
      layer: 'mention',
      annId: m.payload.annId,
      payload:
        byActor.get(m.actorId)![0] === m
          ? { ...m.payload, role: m.entity.role, country: m.entity.country }
          : m.payload,
    })),
    ...facts.quotes.map((q) => ({
      actorId: q.actorId,
      layer: 'quote',
      annId: q.payload.annId,
      payload: q.payload,
    })),
    ...facts.claims.map((c) => ({
      actorId: c.actorId,
      layer: 'claim',
      annId: c.payload.annId,
      payload: c.payload,
    })),
  ].map((r) => ({
    actor_id: r.actorId,
    article_id: a.article.id,
    layer: r.layer,
    ann_id: r.annId,
    published: a.article.published,
    payload: JSON.stringify(r.payload),
  }));
  for (let i = 0; i < factRows.length; i += 150) {
    await trx
      .insertInto('corpus_actor_facts')
      .values(factRows.slice(i, i + 150))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await latestRoles(trx, actorRows, stored);
}

/** `excluded` is the earlier sighting, or as early and its name sorts first. */
const earliestName = sql`(excluded.first_seen < corpus_actors.first_seen OR (excluded.first_seen = corpus_actors.first_seen AND excluded.name < corpus_actors.name))`;

/**
 * Where this article gives an actor a role or country other than the stored one, the stored one becomes that
 * of the latest article (by date, then the smaller id; undated ones last) whose mention fact gives one, so the result does not depend on the
 * order the articles were linked in. `stored`: the rows as the upsert left them. Rare (a title changes), and one
 * indexed lookup each.
 */
async function latestRoles(
  trx: Trx,
  rows: readonly { id: string; role: string | null; country: string | null }[],
  stored: ReadonlyMap<string, { role: string | null; country: string | null }>,
): Promise<void> {
  for (const r of rows) {
    const cur = stored.get(r.id);
    if (!cur) continue;
    for (const field of ['role', 'country'] as const) {
      if (r[field] === null || r[field] === cur[field]) continue;
      // In the fact page index's order (date newest first, then id): the first that gives one, undated last.
      const facts = trx
        .selectFrom('corpus_actor_facts')
        .select('payload')
        .where('actor_id', '=', r.id)
        .where('layer', '=', 'mention')
        .where('payload', 'like', `%"${field}":"%`);
      const latest =
        (await facts
          .where('published', 'is not', null)
          .orderBy('published', 'desc')
          .orderBy('article_id')
          .limit(1)
          .executeTakeFirst()) ??
        (await facts.where('published', 'is', null).orderBy('article_id').limit(1).executeTakeFirst());
      const value = latest ? ((JSON.parse(latest.payload) as ActorMention)[field] ?? null) : null;
      if (value !== null && value !== cur[field])
        await trx.updateTable('corpus_actors').set(field, value).where('id', '=', r.id).execute();
    }
  }
}

async function saveClaims(trx: Trx, a: Analysis): Promise<void> {
  const rows = claimPoints(a).map(({ point, subjectLower }) => ({
    article_id: a.article.id,
    ann_id: point.annId,
    series_id: point.seriesId,
    subject_lower: subjectLower,
    published: a.article.published,
    payload: JSON.stringify(point),
  }));
  for (let i = 0; i < rows.length; i += 150) {
    await trx
      .insertInto('corpus_claims')
      .values(rows.slice(i, i + 150))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/**
 * Stores the article's event mentions and rebuilds the deduplicated events of its cluster (and drops the
 * events of clusters merged into it). Cost grows with the cluster, not with the corpus.
 */
async function saveEvents(trx: Trx, a: Analysis, clusterId: string, merged: Set<string>): Promise<void> {
  const mine = eventMentions(a);
  if (mine.length > 0) {
    const rows = mine.map((m) => ({
      article_id: a.article.id,
      ann_id: m.annId,
      cluster_id: clusterId,
      event_id: null,
      payload: JSON.stringify(m),
    }));
    for (let i = 0; i < rows.length; i += 150) {
      await trx
        .insertInto('corpus_event_mentions')
        .values(rows.slice(i, i + 150))
        .execute();
    }
  }
  await rebuildClusterEvents(
    trx,
    clusterId,
    [...merged].filter((c) => c !== clusterId),
  );
  void actorRefs;
}

/** Recomputes one cluster's corpus events from its stored mentions. */
export async function rebuildClusterEvents(
  trx: Trx | Kysely<Database>,
  clusterId: string,
  dropped: string[] = [],
): Promise<void> {
  const stale = [clusterId, ...dropped];
  const oldIds = await trx
    .selectFrom('corpus_events')
    .select('id')
    .where('cluster_id', 'in', stale)
    .execute();
  if (oldIds.length > 0) {
    const ids = oldIds.map((r) => r.id);
    for (let i = 0; i < ids.length; i += 400) {
      await trx
        .deleteFrom('corpus_event_keys')
        .where('event_id', 'in', ids.slice(i, i + 400))
        .execute();
    }
    await trx.deleteFrom('corpus_events').where('cluster_id', 'in', stale).execute();
  }
  const mentionRows = await trx
    .selectFrom('corpus_event_mentions')
    .select(['article_id', 'ann_id', 'payload'])
    .where('cluster_id', '=', clusterId)
    .execute();
  if (mentionRows.length === 0) return;
  const events = dedupEvents(
    clusterId,
    mentionRows.map((r) => JSON.parse(r.payload) as EventMentionPayload),
  );
  const eventRows = [];
  const keyRows = [];
  const eventOfMention = new Map<string, string>();
  for (const ev of events) {
    const { mentions, ...row } = ev;
    const day = dayOf(ev.date) ?? dayOf(ev.firstReport.published);
    eventRows.push({
      id: ev.id,
      cluster_id: clusterId,
      type: ev.type,
      day,
      date: ev.date,
      report_count: ev.reportCount,
      article_count: ev.articleCount,
      payload: JSON.stringify(row),
    });
    const keys = new Set<string>();
    for (const r of [...ev.actors, ...ev.targets]) if (r.id) keys.add(`actor:${r.id}`);
    for (const c of ev.countries) keys.add(`country:${c}`);
    for (const k of keys) keyRows.push({ event_id: ev.id, event_key: k, day });
    for (const m of mentions) eventOfMention.set(`${m.articleId}#${m.annId}`, ev.id);
  }
  // Re-write the cluster's mention rows with their event ids (two statements per batch, not one per mention).
  await trx.deleteFrom('corpus_event_mentions').where('cluster_id', '=', clusterId).execute();
  const rewritten = mentionRows.map((r) => ({
    article_id: r.article_id,
    ann_id: r.ann_id,
    cluster_id: clusterId,
    event_id: eventOfMention.get(`${r.article_id}#${r.ann_id}`) ?? null,
    payload: r.payload,
  }));
  for (let i = 0; i < rewritten.length; i += 150) {
    await trx
      .insertInto('corpus_event_mentions')
      .values(rewritten.slice(i, i + 150))
      .execute();
  }
  for (let i = 0; i < eventRows.length; i += 100) {
    await trx
      .insertInto('corpus_events')
      .values(eventRows.slice(i, i + 100))
      .execute();
  }
  for (let i = 0; i < keyRows.length; i += 300) {
    await trx
      .insertInto('corpus_event_keys')
      .values(keyRows.slice(i, i + 300))
      .execute();
  }
}
