import type { DocumentSource } from '../core/document.js';
import { agencyName, isKnownAgency } from './agencies.js';
import type { FeedItem, ParsedFeed } from './feed.js';
import { extractHtml } from './html-extract.js';
import { parseTitleLine } from './title.js';

/** Below this many characters an item's text is a teaser, not the article. */
export const TEASER_CHARS = 400;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text as HTML paragraphs (blank lines separate paragraphs). */
function textAsHtml(t: string): string {
  return t
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('');
}

/**
 * Overlays a feed item's own metadata on a source read from its content or from its fetched page: the item's
 * title, date, link and author win over what the page says when the page has none (title and date from the
 * item are what the publisher put in the feed); the source is the agency of a dateline, else the page's
 * site, else the feed's title.
 */
export function withItemMeta(
  source: DocumentSource,
  item: FeedItem,
  feed: Pick<ParsedFeed, 'title'>,
): DocumentSource {
  const title = item.title ? parseTitleLine(item.title) : null;
  const m = source.meta;
  const agency = m.source && isKnownAgency(m.source) ? m.source : null;
  return {
    ...source,
    meta: {
      ...m,
      headline: m.headline ?? title?.headline ?? null,
      version: m.version ?? title?.version ?? null,
      published: item.published ?? m.published,
      url: item.link ?? m.url,
      byline: m.byline ?? item.author ?? title?.byline ?? null,
      source: agency ? agencyName(agency) : (m.source ?? agencyName(feed.title)),
    },
    warnings: [...source.warnings, ...(title?.warnings ?? [])],
  };
}

/**
 * The source of a feed item read from the feed itself (no network): its fullest content (full content, then
 * plain text, then the summary), with the item's title, date and link. Null when the item carries no text.
 */
export function feedItemSource(item: FeedItem, feed: Pick<ParsedFeed, 'title'>): DocumentSource | null {
  const html =
    item.contentHtml ?? (item.contentText ? textAsHtml(item.contentText) : null) ?? item.summaryHtml;
  if (!html) return null;
  const read = extractHtml(`<html><body>${html}</body></html>`, { url: item.link, readability: false });
  if (read.raw.trim() === '') return null;
  // The fragment has no title of its own: the item's title is the headline.
  const source = withItemMeta({ ...read, meta: { ...read.meta, headline: null, version: null } }, item, feed);
  const bodyChars = read.body.end - read.body.start;
  if (bodyChars < TEASER_CHARS) {
    source.warnings.push(
      `the feed carries only ${bodyChars} characters of this item (a summary, not the article); fetch its link for the full text`,
    );
  }
  return source;
}
