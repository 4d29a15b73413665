import type { Kysely } from 'kysely';
import { NewsintelError, wrapError } from '../core/errors.js';
import type { Database, FeedItemsTable } from './schema.js';

/** A feed subscription as the CLI and API show it. */
export interface Feed {
  url: string;
  title: string | null;
  siteUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  allowPrivate: boolean;
  addedAt: string;
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  nextCheckAt: string | null;
  errorCount: number;
  lastError: string | null;
}

/** What is remembered about one feed item. */
export interface FeedItemState {
  status: FeedItemsTable['status'];
  attempts: number;
  articleId: string | null;
}

type FeedRow = Database['feeds'];

function toFeed(r: FeedRow): Feed {
  return {
    url: r.url,
    title: r.title,
    siteUrl: r.site_url,
    etag: r.etag,
    lastModified: r.last_modified,
    allowPrivate: Number(r.allow_private) === 1,
    addedAt: r.added_at,
    lastCheckedAt: r.last_checked_at,
    lastSuccessAt: r.last_success_at,
    nextCheckAt: r.next_check_at,
    errorCount: Number(r.error_count),
    lastError: r.last_error,
  };
}

/**
 * The feed repository over the shared Kysely schema (SQLite and PostgreSQL alike): subscriptions, their
 * conditional-GET validators and error state, and which items were read. Kept apart from the article store
 * so the article repository stays about articles.
 */
export class FeedRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Subscribes to `url`; `exists` when already subscribed (its settings are left as they are). */
  async add(
    url: string,
    options: { allowPrivate?: boolean; now?: string } = {},
  ): Promise<'added' | 'exists'> {
    const r = await this.guard('adding a feed', () =>
      this.db
        .insertInto('feeds')
        .values({
          url,
          title: null,
          site_url: null,
          etag: null,
          last_modified: null,
          allow_private: options.allowPrivate ? 1 : 0,
          added_at: options.now ?? new Date().toISOString(),
          last_checked_at: null,
          last_success_at: null,
          next_check_at: null,
          error_count: 0,
          last_error: null,
        })
        .onConflict((oc) => oc.column('url').doNothing())
        .executeTakeFirst(),
    );
    return r.numInsertedOrUpdatedRows ? 'added' : 'exists';
  }

  async remove(url: string): Promise<boolean> {
    const r = await this.guard('removing a feed', () =>
      this.db.deleteFrom('feeds').where('url', '=', url).executeTakeFirst(),
    );
    return Number(r.numDeletedRows) > 0;
  }

  async get(url: string): Promise<Feed | null> {
    const r = await this.guard('reading a feed', () =>
      this.db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst(),
    );
    return r ? toFeed(r) : null;
  }

  async list(): Promise<Feed[]> {
    const rows = await this.guard('listing feeds', () =>
      this.db.selectFrom('feeds').selectAll().orderBy('added_at').orderBy('url').execute(),
    );
    return rows.map(toFeed);
  }

  /** Feeds whose backoff has passed (or that were never polled) at `now` (ISO time). */
  async due(now: string): Promise<Feed[]> {
    const rows = await this.guard('listing due feeds', () =>
      this.db
        .selectFrom('feeds')
        .selectAll()
        .where((eb) => eb.or([eb('next_check_at', 'is', null), eb('next_check_at', '<=', now)]))
        .orderBy('added_at')
        .orderBy('url')
        .execute(),
    );
    return rows.map(toFeed);
  }

  /** A poll that got an answer (200 or 304): validators kept, error state cleared. */
  async pollSucceeded(
    url: string,
    v: {
      etag: string | null;
      lastModified: string | null;
      title?: string | null;
      siteUrl?: string | null;
      now: string;
      nextCheckAt: string;
    },
  ): Promise<void> {
    await this.guard('recording a poll', () =>
      this.db
        .updateTable('feeds')
        .set((eb) => ({
          etag: v.etag,
          last_modified: v.lastModified,
          title: v.title === undefined ? eb.ref('title') : v.title,
          site_url: v.siteUrl === undefined ? eb.ref('site_url') : v.siteUrl,
          last_checked_at: v.now,
          last_success_at: v.now,
          next_check_at: v.nextCheckAt,
          error_count: 0,
          last_error: null,
        }))
        .where('url', '=', url)
        .execute(),
    );
  }

  /** A failed poll: the error is kept, the count goes up, and the next poll waits until `nextCheckAt`. */
  async pollFailed(url: string, v: { error: string; now: string; nextCheckAt: string }): Promise<void> {
    await this.guard('recording a poll failure', () =>
      this.db
        .updateTable('feeds')
        .set((eb) => ({
          last_checked_at: v.now,
          next_check_at: v.nextCheckAt,
          error_count: eb('error_count', '+', 1),
          last_error: v.error,
        }))
        .where('url', '=', url)
        .execute(),
    );
  }

  /** The remembered state of the given items of a feed. */
  async itemStates(feedUrl: string, keys: readonly string[]): Promise<Map<string, FeedItemState>> {
    const out = new Map<string, FeedItemState>();
    for (let i = 0; i < keys.length; i += 500) {
      const chunk = keys.slice(i, i + 500);
      const rows = await this.guard('reading feed items', () =>
        this.db
          .selectFrom('feed_items')
          .select(['item_key', 'status', 'attempts', 'article_id'])
          .where('feed_url', '=', feedUrl)
          .where('item_key', 'in', chunk)
          .execute(),
      );
      for (const r of rows) {
        out.set(r.item_key, { status: r.status, attempts: Number(r.attempts), articleId: r.article_id });
      }
    }
    return out;
  }

  /** Records one item's outcome; a failure counts an attempt. */
  async recordItem(
    feedUrl: string,
    key: string,
    v: {
      link: string | null;
      articleId: string | null;
      status: FeedItemState['status'];
      error: string | null;
      now: string;
    },
  ): Promise<void> {
    await this.guard('recording a feed item', () =>
      this.db
        .insertInto('feed_items')
        .values({
          feed_url: feedUrl,
          item_key: key,
          link: v.link,
          article_id: v.articleId,
          status: v.status,
          attempts: 1,
          error: v.error,
          seen_at: v.now,
        })
        .onConflict((oc) =>
          oc.columns(['feed_url', 'item_key']).doUpdateSet((eb) => ({
            link: v.link,
            article_id: v.articleId,
            status: v.status,
            attempts: eb('feed_items.attempts', '+', 1),
            error: v.error,
          })),
        )
        .execute(),
    );
  }

  private async guard<T>(what: string, f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      if (e instanceof NewsintelError) throw e;
      throw wrapError(`storage: ${what}`, e);
    }
  }
}
