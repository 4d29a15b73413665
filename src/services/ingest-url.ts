import type { DocumentSource } from '../core/document.js';
import { NewsintelError } from '../core/errors.js';
import type { Analysis } from '../core/types.js';
import type { FeedItem, ParsedFeed } from '../ingest/feed.js';
import { feedItemSource, withItemMeta } from '../ingest/feed-items.js';
import { type FetchOptions, type FetchResult, fetchUrl } from '../ingest/fetch/safe-fetch.js';
import { readInput } from '../ingest/read-input.js';
import type { IngestOptions, IngestResult } from './ingest.js';
import { analyzeHere, reasonOf, saveAnalysis } from './ingest.js';

/**
 * Ingest over the network: a URL names an article page, a plain-text story, or a feed (RSS, Atom, JSON Feed),
 * told apart by what comes back (Content-Type, then the content itself). Every fetch goes through the SSRF
 * guard of `ingest/fetch/safe-fetch.ts` with the caller's options.
 */

/** True for an input that is a URL rather than a path (`http://…`, `https://…`, or any `scheme://`). */
export function isUrlInput(input: string): boolean {
  return /^[a-z][a-z0-9+.-]{1,15}:\/\//i.test(input);
}

/** A filename hint for the reader from the response's Content-Type (feeds and HTML are also sniffed). */
function filenameFor(res: FetchResult): string | undefined {
  const type = (res.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'page.html';
  if (type === 'text/plain') return 'story.txt';
  if (type === 'application/json' || type === 'application/feed+json') return 'data.json';
  if (type.endsWith('+xml') || type === 'text/xml' || type === 'application/xml') return 'data.xml';
  return undefined;
}

function refuseType(res: FetchResult): void {
  const type = (res.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (
    /^(?:image|audio|video|font)\//.test(type) ||
    type === 'application/pdf' ||
    type === 'application/zip'
  ) {
    throw new NewsintelError('E_INPUT_UNSUPPORTED', `input: ${res.url} is ${type}, not an article or a feed`);
  }
}

async function analyse(source: DocumentSource, options: IngestOptions): Promise<Analysis> {
  if (options.pool) {
    const r = await options.pool.run({ kind: 'source', source, options: options.analyze });
    return r.analysis;
  }
  return analyzeHere(source, options.analyze);
}

/**
 * The source for one feed item: its link fetched and extracted, with the item's own title, date and link
 * over the page's; when the fetch fails (or `fetchLinks` is false), the text the feed carries, with a
 * warning. Throws when there is neither.
 */
export async function feedItemToSource(
  item: FeedItem,
  feed: Pick<ParsedFeed, 'title'>,
  options: { fetch?: FetchOptions; maxBytes?: number; fetchLinks: boolean },
): Promise<DocumentSource> {
  let fetchError: unknown = null;
  if (options.fetchLinks && item.link) {
    try {
      const res = await fetchUrl(item.link, { maxBytes: options.maxBytes, ...options.fetch });
      refuseType(res);
      const read = readInput(res.text, {
        filename: filenameFor(res) ?? 'page.html',
        url: res.url,
        maxBytes: options.maxBytes,
      });
      const page = read.sources[0];
      if (!page || read.format === 'feed')
        throw new NewsintelError('E_INPUT_FORMAT', `input: ${res.url} is not an article page`);
      return withItemMeta(page, item, feed);
    } catch (e) {
      fetchError = e;
    }
  }
  const own = feedItemSource(item, feed);
  if (own) {
    if (fetchError)
      own.warnings.push(
        `the item's link could not be read (${reasonOf(fetchError).reason}); the feed's text is used`,
      );
    return own;
  }
  if (fetchError) throw fetchError;
  throw new NewsintelError('E_INPUT_FORMAT', 'input: the feed item has no text and no link to fetch');
}

/** Where a feed item came from: its link, else `<feed>#<n>`. */
export function itemOrigin(item: FeedItem, feedOrigin: string, n: number): string {
  return item.link ?? `${feedOrigin}#${n}`;
}

/** Ingests every item of a parsed feed, fetching each item's link (see `feedItemToSource`). */
export async function ingestFeedItems(
  feed: ParsedFeed,
  feedOrigin: string,
  options: IngestOptions,
  result: IngestResult,
): Promise<void> {
  for (const e of feed.errors)
    result.failed.push({ path: `${feedOrigin}#${e.item}`, reason: e.message, code: 'E_INPUT_FORMAT' });
  for (const [i, item] of feed.items.entries()) {
    const where = itemOrigin(item, feedOrigin, i + 1);
    try {
      const source = await feedItemToSource(item, feed, {
        fetch: options.fetch,
        maxBytes: options.maxBytes,
        fetchLinks: true,
      });
      await saveAnalysis(await analyse(source, options), source.raw, where, options, result);
    } catch (e) {
      result.failed.push({ path: where, ...reasonOf(e) });
    }
  }
}

/**
 * Ingests one URL: an article page or text is stored as one article (origin: the final URL after redirects);
 * a feed is never stored itself: its items are, each from its fetched link.
 */
export async function ingestUrl(url: string, options: IngestOptions, result: IngestResult): Promise<void> {
  let res: FetchResult;
  let read: ReturnType<typeof readInput>;
  try {
    res = await fetchUrl(url, { maxBytes: options.maxBytes, ...options.fetch });
    refuseType(res);
    read = readInput(res.text, { filename: filenameFor(res), url: res.url, maxBytes: options.maxBytes });
  } catch (e) {
    result.failed.push({ path: url, ...reasonOf(e) });
    return;
  }
  if (read.feed) {
    await ingestFeedItems(read.feed, res.url, options, result);
    return;
  }
  const many = read.sources.length + read.errors.length > 1;
  for (const err of read.errors) {
    result.failed.push({
      path: err.record ? `${res.url}#${err.record}` : res.url,
      reason: err.message,
      code: 'E_INPUT_FORMAT',
    });
  }
  for (const [i, source] of read.sources.entries()) {
    const where = many ? `${res.url}#${i + 1}` : res.url;
    try {
      if (!source.meta.url) source.meta.url = res.url;
      await saveAnalysis(await analyse(source, options), source.raw, where, options, result);
    } catch (e) {
      result.failed.push({ path: where, ...reasonOf(e) });
    }
  }
}
