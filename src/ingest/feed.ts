import { DOMParser } from 'linkedom';
import { NewsintelError } from '../core/errors.js';
import { normalizeDateField } from './dates.js';

/**
 * A small feed reader for RSS 2.0 (and RSS 1.0/RDF), Atom 1.0 and JSON Feed 1.x. XML is parsed by linkedom's
 * XML parser; this module only maps the three vocabularies onto one item shape. It is strict about what a
 * feed is (the root element, or JSON Feed's `version` URL) and lenient inside: an item with neither a link nor
 * any text is reported, the others are kept.
 */

export type FeedKind = 'rss' | 'rdf' | 'atom' | 'json';

export interface FeedItem {
  /** The item's own id (`guid`, Atom `id`, JSON Feed `id`), else its link. */
  id: string | null;
  title: string | null;
  /** The article's URL (RSS `link`, Atom `link rel=alternate`, JSON Feed `url`), absolute. */
  link: string | null;
  /** ISO date or date-time, or null. */
  published: string | null;
  author: string | null;
  /** The fullest body the feed carries, as HTML (content:encoded, Atom content, content_html), or null. */
  contentHtml: string | null;
  /** Plain-text body (JSON Feed `content_text`), or null. */
  contentText: string | null;
  /** The short summary (RSS description, Atom summary, JSON Feed summary), as HTML, or null. */
  summaryHtml: string | null;
}

export interface ParsedFeed {
  kind: FeedKind;
  title: string | null;
  /** The site's URL. */
  link: string | null;
  items: FeedItem[];
  /** Items that could not be read, by 1-based position. */
  errors: { item: number; message: string }[];
}

/** What a text looks like, from its first bytes: a feed (and which), TimeML, HTML, or none of these. */
export function sniffMarkup(text: string): FeedKind | 'timeml' | 'html' | 'xml' | null {
  let head = text.slice(0, 4096).trimStart();
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  if (head.startsWith('{')) {
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/1/.test(head) ? 'json' : null;
  }
  if (!head.startsWith('<')) return null;
  // Skip the XML declaration, comments, processing instructions and a doctype to reach the root element.
  let i = 0;
  for (let guard = 0; guard < 20; guard++) {
    while (i < head.length && /\s/.test(head[i]!)) i++;
    if (head.startsWith('<?', i) || head.startsWith('<!DOCTYPE', i) || head.startsWith('<!doctype', i)) {
      const end = head.indexOf('>', i);
      if (end < 0) return null;
      if (/^<!doctype\s+html/i.test(head.slice(i, i + 20))) return 'html';
      i = end + 1;
    } else if (head.startsWith('<!--', i)) {
      const end = head.indexOf('-->', i);
      if (end < 0) return null;
      i = end + 3;
    } else break;
  }
  const m = /^<([A-Za-z_][\w.:-]{0,40})/.exec(head.slice(i));
  if (!m) return null;
  const root = m[1]!.toLowerCase();
  if (root === 'rss') return 'rss';
  if (root === 'feed') return 'atom';
  if (root === 'rdf:rdf' || root === 'rdf') return 'rdf';
  if (root === 'timeml') return 'timeml';
  if (root === 'html' || root === 'head' || root === 'body') return 'html';
  return 'xml';
}

function localName(el: Element): string {
  const n = el.tagName;
  const c = n.indexOf(':');
  return (c >= 0 ? n.slice(c + 1) : n).toLowerCase();
}

function prefixOf(el: Element): string {
  const c = el.tagName.indexOf(':');
  return c >= 0 ? el.tagName.slice(0, c).toLowerCase() : '';
}

function kids(el: Element, name: string, prefix?: string): Element[] {
  return Array.from(el.children).filter(
    (c) => localName(c) === name && (prefix === undefined || prefixOf(c) === prefix),
  );
}

function text(el: Element | undefined): string | null {
  const t = el?.textContent?.trim();
  return t ? t : null;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base ?? undefined).href;
  } catch {
    return null;
  }
}

/** Atom text constructs: `type="xhtml"` holds markup as child nodes, `html` and `text` hold escaped text. */
function atomHtml(el: Element | undefined): string | null {
  if (!el) return null;
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  if (type === 'xhtml') return el.innerHTML.trim() || null;
  const t = el.textContent?.trim() ?? '';
  if (t === '') return null;
  if (type === 'html' || type.includes('html')) return t;
  return `<p>${escapeHtml(t)}</p>`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The visible text of a small HTML fragment (titles may carry `<b>` or entities). */
function fragmentText(s: string | null): string | null {
  if (!s) return null;
  if (!s.includes('<') && !s.includes('&')) return s.replace(/\s+/g, ' ').trim() || null;
  const doc = new DOMParser().parseFromString(`<html><body>${s}</body></html>`, 'text/html');
  return doc.body?.textContent?.replace(/\s+/g, ' ').trim() || null;
}

function date(v: string | null): string | null {
  return v ? normalizeDateField(v) : null;
}

function rssItem(item: Element, base: string | null): FeedItem {
  const guid = kids(item, 'guid')[0];
  const guidText = text(guid);
  const permalink = guid && (guid.getAttribute('isPermaLink') ?? 'true').toLowerCase() !== 'false';
  const link = absolute(
    text(kids(item, 'link', '')[0]) ??
      kids(item, 'link')[0]?.getAttribute('href') ??
      (permalink ? guidText : null),
    base,
  );
  const encoded = kids(item, 'encoded')[0];
  return {
    id: guidText ?? (item.getAttribute('rdf:about') || null) ?? link,
    title: fragmentText(text(kids(item, 'title')[0])),
    link,
    published: date(
      text(kids(item, 'pubdate')[0]) ?? text(kids(item, 'date', 'dc')[0]) ?? text(kids(item, 'published')[0]),
    ),
    author: text(kids(item, 'creator', 'dc')[0]) ?? text(kids(item, 'author')[0]),
    contentHtml: text(encoded),
    contentText: null,
    summaryHtml: text(kids(item, 'description')[0]),
  };
}

function atomLink(el: Element, base: string | null): string | null {
  const links = kids(el, 'link');
  const alt = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  return absolute(alt?.getAttribute('href') ?? null, el.getAttribute('xml:base') ?? base);
}

function atomEntry(entry: Element, base: string | null): FeedItem {
  const authors = kids(entry, 'author')
    .map((a) => text(kids(a, 'name')[0]))
    .filter((n): n is string => n !== null);
  const link = atomLink(entry, base);
  return {
    id: text(kids(entry, 'id')[0]) ?? link,
    title: fragmentText(atomHtml(kids(entry, 'title')[0])),
    link,
    published: date(text(kids(entry, 'published')[0]) ?? text(kids(entry, 'updated')[0])),
    author: authors.length > 0 ? authors.join(' and ') : null,
    contentHtml: atomHtml(kids(entry, 'content')[0]),
    contentText: null,
    summaryHtml: atomHtml(kids(entry, 'summary')[0]),
  };
}

function checkItem(item: FeedItem): string | null {
  if (!item.link && !item.contentHtml && !item.contentText && !item.summaryHtml) {
    return 'the item has neither a link nor any text';
  }
  return null;
}

function parseXmlFeed(textIn: string, kind: FeedKind, base: string | null): ParsedFeed {
  const doc = new DOMParser().parseFromString(textIn, 'text/xml');
  const root = doc.documentElement as unknown as Element | null;
  if (!root) throw new NewsintelError('E_INPUT_FORMAT', 'feed: the XML has no root element');
  const items: FeedItem[] = [];
  const errors: { item: number; message: string }[] = [];
  let title: string | null;
  let link: string | null;
  let entries: Element[];
  if (kind === 'atom') {
    title = fragmentText(atomHtml(kids(root, 'title')[0]));
    link = atomLink(root, base);
    entries = kids(root, 'entry');
  } else {
    const channel = kids(root, 'channel')[0];
    if (!channel)
      throw new NewsintelError('E_INPUT_FORMAT', `feed: an ${kind.toUpperCase()} feed needs a <channel>`);
    title = fragmentText(text(kids(channel, 'title')[0]));
    link = absolute(text(kids(channel, 'link')[0]), base);
    // RSS 2.0 nests items in the channel; RSS 1.0 (RDF) puts them beside it.
    entries = kind === 'rss' ? kids(channel, 'item') : kids(root, 'item');
  }
  entries.forEach((el, i) => {
    const item = kind === 'atom' ? atomEntry(el, link ?? base) : rssItem(el, link ?? base);
    const problem = checkItem(item);
    if (problem) errors.push({ item: i + 1, message: `item ${i + 1}: ${problem}` });
    else items.push(item);
  });
  return { kind, title, link, items, errors };
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function parseJsonFeed(textIn: string, base: string | null): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(textIn);
  } catch (e) {
    throw new NewsintelError('E_INPUT_FORMAT', `feed: invalid JSON Feed (${(e as Error).message})`);
  }
  const o = data as Record<string, unknown>;
  if (!Array.isArray(o.items))
    throw new NewsintelError('E_INPUT_FORMAT', 'feed: a JSON Feed needs an "items" array');
  const link = absolute(str(o.home_page_url), base);
  const items: FeedItem[] = [];
  const errors: { item: number; message: string }[] = [];
  const authorsOf = (v: unknown): string | null => {
    const list = Array.isArray(v) ? v : v ? [v] : [];
    const ns = list
      .map((a) => str((a as Record<string, unknown>)?.name))
      .filter((n): n is string => n !== null);
    return ns.length > 0 ? ns.join(' and ') : null;
  };
  o.items.forEach((raw: unknown, i: number) => {
    if (!raw || typeof raw !== 'object') {
      errors.push({ item: i + 1, message: `item ${i + 1}: not an object` });
      return;
    }
    const it = raw as Record<string, unknown>;
    const url = absolute(str(it.url) ?? str(it.external_url), link ?? base);
    const item: FeedItem = {
      id: str(it.id) ?? (typeof it.id === 'number' ? String(it.id) : null) ?? url,
      title: fragmentText(str(it.title)),
      link: url,
      published: date(str(it.date_published) ?? str(it.date_modified)),
      author: authorsOf(it.authors) ?? authorsOf(it.author),
      contentHtml: str(it.content_html),
      contentText: str(it.content_text),
      summaryHtml: str(it.summary) ? `<p>${escapeHtml(str(it.summary)!)}</p>` : null,
    };
    const problem = checkItem(item);
    if (problem) errors.push({ item: i + 1, message: `item ${i + 1}: ${problem}` });
    else items.push(item);
  });
  return { kind: 'json', title: str(o.title), link, items, errors };
}

/**
 * Parses a feed document. `base` is the feed's own URL, for relative links. Throws `E_INPUT_FORMAT` when the
 * text is not RSS, Atom or JSON Feed.
 */
export function parseFeed(textIn: string, base: string | null = null): ParsedFeed {
  const kind = sniffMarkup(textIn);
  if (kind === 'rss' || kind === 'rdf' || kind === 'atom') return parseXmlFeed(textIn, kind, base);
  if (kind === 'json') return parseJsonFeed(textIn, base);
  throw new NewsintelError('E_INPUT_FORMAT', 'feed: not an RSS, Atom or JSON Feed document');
}
