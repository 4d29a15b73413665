import { NewsintelError } from '../core/errors.js';
import { parseFeed } from '../ingest/feed.js';
import { checkUrl, type FetchOptions, fetchUrl } from '../ingest/fetch/safe-fetch.js';
import { type Feed, FeedRepository } from '../storage/feeds.js';
import type { ArticleStore } from '../storage/index.js';
import { analyzeDocument, toAnalysis } from './analyze.js';
import { type IngestOptions, type IngestResult, reasonOf, saveAnalysis } from './ingest.js';
import { feedItemToSource, itemOrigin } from './ingest-url.js';

export type { Feed } from '../storage/feeds.js';

/** Backoff after a failed poll: 5 minutes, doubling per consecutive failure, at most a day. */
export function backoffMs(errorCount: number): number {
  const base = 5 * 60_000;
  return Math.min(24 * 3_600_000, base * 2 ** Math.max(0, Math.min(errorCount - 1, 20)));
}

/** A failed item is retried on later polls until it has failed this many times. */
export const MAX_ITEM_ATTEMPTS = 3;

export interface FeedServiceOptions {
  db: ArticleStore;
  /** Fetch policy (SSRF guard, timeout, size cap, resolver). A feed added with allowPrivate opens it for itself. */
  fetch?: FetchOptions;
  maxBytes?: number;
  /** The clock (ISO strings), injectable for tests. */
  now?: () => Date;
}

/**
 * Subscribes to a feed. The URL is checked by the SSRF guard and fetched once, so a typo or a page that is not
 * a feed is refused now rather than failing at every poll; its validators are not kept, so the first poll
 * reads every item.
 */
export async function addFeed(
  url: string,
  options: FeedServiceOptions & { allowPrivate?: boolean },
): Promise<{ status: 'added' | 'exists'; feed: Feed }> {
  const fetch = { ...options.fetch, allowPrivate: options.allowPrivate || options.fetch?.allowPrivate };
  const normal = checkUrl(url, fetch).href;
  const repo = new FeedRepository(options.db.db);
  const existing = await repo.get(normal);
  if (existing) return { status: 'exists', feed: existing };
  const res = await fetchUrl(normal, { maxBytes: options.maxBytes, ...fetch });
  let title: string | null;
  let site: string | null;
  try {
    const parsed = parseFeed(res.text, res.url);
    title = parsed.title;
    site = parsed.link;
  } catch (e) {
    throw new NewsintelError('E_INPUT_FORMAT', `feed: ${normal} is not a feed (${reasonOf(e).reason})`);
  }
  const now = (options.now?.() ?? new Date()).toISOString();
  const status = await repo.add(normal, { allowPrivate: options.allowPrivate === true, now });
  await repo.pollSucceeded(normal, {
    etag: null,
    lastModified: null,
    title,
    siteUrl: site,
    now,
    nextCheckAt: now,
  });
  return { status, feed: (await repo.get(normal))! };
}

export async function listFeeds(db: ArticleStore): Promise<Feed[]> {
  return new FeedRepository(db.db).list();
}

export async function removeFeed(db: ArticleStore, url: string): Promise<boolean> {
  return new FeedRepository(db.db).remove(url);
}

/** What one feed's poll did. */
export interface FeedPollReport {
  url: string;
  status: 'updated' | 'not modified' | 'error' | 'backing off';
  /** Items in the feed not stored before (or failed before and retried). */
  newItems: number;
  result: IngestResult;
  error: string | null;
  /** When the feed will be polled again (after an error: the backoff). */
  nextCheckAt: string | null;
}

export interface PollOptions extends FeedServiceOptions {
  /** Only these feeds (default: every subscription). */
  urls?: readonly string[];
  /** Poll even feeds still backing off after errors. */
  force?: boolean;
  /** Called after each item and each feed, for progress displays. */
  onProgress?: (p: { feed: string; done: number; total: number; item: string | null }) => void;
  pool?: IngestOptions['pool'];
}

/**
 * Polls subscribed feeds: a conditional GET with the stored ETag/Last-Modified (a 304 costs nothing); each
 * new item's link is fetched and extracted (the feed's own text when the link fails) and stored with the
 * item's title, date and link; items already stored are not fetched again, failed ones are retried up to
 * `MAX_ITEM_ATTEMPTS`. A feed that fails is marked with its error and left alone for a doubling backoff.
 */
export async function pollFeeds(options: PollOptions): Promise<FeedPollReport[]> {
  const repo = new FeedRepository(options.db.db);
  const clock = () => (options.now?.() ?? new Date()).toISOString();
  const all = await repo.list();
  const chosen = options.urls ? all.filter((f) => options.urls!.includes(f.url)) : all;
  if (options.urls) {
    for (const u of options.urls) {
      if (!all.some((f) => f.url === u))
        throw new NewsintelError('E_NOT_FOUND', `feed: not subscribed to ${u} (feed add it first)`);
    }
  }
  const reports: FeedPollReport[] = [];
  for (const feed of chosen) {
    const now = clock();
    const result: IngestResult = { stored: [], skipped: [], failed: [] };
    if (!options.force && feed.nextCheckAt && feed.nextCheckAt > now && feed.errorCount > 0) {
      reports.push({
        url: feed.url,
        status: 'backing off',
        newItems: 0,
        result,
        error: feed.lastError,
        nextCheckAt: feed.nextCheckAt,
      });
      continue;
    }
    const fetch: FetchOptions = {
      ...options.fetch,
      allowPrivate: feed.allowPrivate || options.fetch?.allowPrivate,
    };
    const headers: Record<string, string> = { ...(options.fetch?.headers ?? {}) };
    if (feed.etag) headers['If-None-Match'] = feed.etag;
    if (feed.lastModified) headers['If-Modified-Since'] = feed.lastModified;
    let parsed: ReturnType<typeof parseFeed>;
    let res: Awaited<ReturnType<typeof fetchUrl>>;
    try {
      res = await fetchUrl(feed.url, { maxBytes: options.maxBytes, ...fetch, headers });
      if (res.notModified) {
        await repo.pollSucceeded(feed.url, {
          etag: feed.etag,
          lastModified: feed.lastModified,
          now,
          nextCheckAt: now,
        });
        reports.push({
          url: feed.url,
          status: 'not modified',
          newItems: 0,
          result,
          error: null,
          nextCheckAt: now,
        });
        options.onProgress?.({ feed: feed.url, done: 0, total: 0, item: null });
        continue;
      }
      parsed = parseFeed(res.text, res.url);
    } catch (e) {
      const error = reasonOf(e).reason;
      const nextCheckAt = new Date(Date.parse(now) + backoffMs(feed.errorCount + 1)).toISOString();
      await repo.pollFailed(feed.url, { error, now, nextCheckAt });
      reports.push({ url: feed.url, status: 'error', newItems: 0, result, error, nextCheckAt });
      continue;
    }
    const keyOf = (i: number) => parsed.items[i]!.id ?? parsed.items[i]!.link ?? `#${i + 1}`;
    const states = await repo.itemStates(
      feed.url,
      parsed.items.map((_, i) => keyOf(i)),
    );
    const todo = parsed.items
      .map((item, i) => ({ item, i, key: keyOf(i) }))
      .filter(({ key }) => {
        const st = states.get(key);
        return !st || (st.status === 'failed' && st.attempts < MAX_ITEM_ATTEMPTS);
      });
    for (const e of parsed.errors)
      result.failed.push({ path: `${feed.url}#${e.item}`, reason: e.message, code: 'E_INPUT_FORMAT' });
    let done = 0;
    for (const { item, i, key } of todo) {
      const where = itemOrigin(item, feed.url, i + 1);
      const before = result.stored.length + result.skipped.length;
      try {
        const source = await feedItemToSource(item, parsed, {
          fetch,
          maxBytes: options.maxBytes,
          fetchLinks: true,
        });
        const analysis = options.pool
          ? (await options.pool.run({ kind: 'source', source })).analysis
          : toAnalysis(analyzeDocument(source));
        await saveAnalysis(analysis, source.raw, where, options, result);
        const saved =
          result.stored.length + result.skipped.length > before
            ? [...result.stored, ...result.skipped].find((a) => a.path === where)
            : undefined;
        await repo.recordItem(feed.url, key, {
          link: item.link,
          articleId: saved?.id ?? null,
          status: 'stored',
          error: null,
          now: clock(),
        });
      } catch (e) {
        const why = reasonOf(e);
        result.failed.push({ path: where, ...why });
        await repo.recordItem(feed.url, key, {
          link: item.link,
          articleId: null,
          status: 'failed',
          error: why.reason,
          now: clock(),
        });
      }
      options.onProgress?.({ feed: feed.url, done: ++done, total: todo.length, item: where });
    }
    await repo.pollSucceeded(feed.url, {
      etag: res.etag,
      lastModified: res.lastModified,
      title: parsed.title ?? feed.title,
      siteUrl: parsed.link ?? feed.siteUrl,
      now,
      nextCheckAt: now,
    });
    reports.push({
      url: feed.url,
      status: 'updated',
      newItems: todo.length,
      result,
      error: null,
      nextCheckAt: now,
    });
  }
  return reports;
}
