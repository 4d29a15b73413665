import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DocumentSource } from '../core/document.js';
import { agencyName, isKnownAgency } from './agencies.js';
import {
  AD_LABELS,
  BYLINE_CLASS_TOKENS,
  FURNITURE_CLASS_PAIRS,
  FURNITURE_CLASS_TOKENS,
  FURNITURE_ROLES,
  FURNITURE_TAGS,
  FURNITURE_TEXTS,
  LINK_LABELS,
} from './data/boilerplate.js';
import { normalizeDateField, parseDateLine } from './dates.js';
import { parseTitleLine } from './title.js';
import { readWireText } from './wire-text.js';

/**
 * Article extraction from an HTML page: Mozilla Readability (the Firefox reader view) over a linkedom DOM
 * finds the article body, after our own pass has removed the furniture Readability keeps inside articles
 * (ad slots, "ADVERTISEMENT" labels, share bars, related-link boxes, promos, figure captions; rules in
 * `data/boilerplate.ts`). Metadata is read from the page before anything is removed: headline (`og:title`,
 * JSON-LD, `<h1>`, `<title>`), byline (byline elements, `author` meta, JSON-LD), publication time
 * (`article:published_time`, JSON-LD `datePublished`, microdata, `<time>`), canonical URL and site. The
 * body text then goes through the wire reader, which reads a dateline with its agency
 * (`ROME, April 2 (AFP) -`) and a `By …` paragraph and keeps them out of the body span.
 */

export interface HtmlExtractOptions {
  /** The page's URL, used to resolve a relative canonical link and as the URL when the page names none. */
  url?: string | null;
  /**
   * False for a fragment that is all article (a feed item's `content:encoded`): every block is kept, no
   * article detection. Default true.
   */
  readability?: boolean;
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'table',
  'tr',
  'td',
  'th',
  'dl',
  'dt',
  'dd',
  'hr',
  'br',
]);

const furnitureTokens = new Set(FURNITURE_CLASS_TOKENS);
const furniturePairs = new Set(FURNITURE_CLASS_PAIRS);
const bylineTokens = new Set(BYLINE_CLASS_TOKENS);
const furnitureTags = new Set(FURNITURE_TAGS);
const furnitureRoles = new Set(FURNITURE_ROLES);
const furnitureTexts = new Set(FURNITURE_TEXTS);

function space(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Splits class and id values into lower-case tokens: `ad-slot shareBar` → `ad slot share bar`. */
export function classTokens(value: string): string[] {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

function tokensOf(el: Element): string[] {
  return classTokens(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
}

function hasFurnitureTokens(tokens: string[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (furnitureTokens.has(tokens[i]!)) return true;
    if (i + 1 < tokens.length && furniturePairs.has(`${tokens[i]} ${tokens[i + 1]}`)) return true;
  }
  return false;
}

/** Lower-cased text without surrounding punctuation, for matching whole furniture texts. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

function bare(text: string): string {
  // Trimmed with index scans, not an end-anchored regex (which is quadratic on long runs of punctuation).
  const t = space(text).toLowerCase();
  let a = 0;
  let b = t.length;
  while (a < b && !WORD_CHAR.test(t[a]!)) a++;
  while (b > a && !WORD_CHAR.test(t[b - 1]!)) b--;
  return t.slice(a, b);
}

function meta(doc: Document, keys: readonly string[]): string | null {
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (
      el.getAttribute('property') ??
      el.getAttribute('name') ??
      el.getAttribute('itemprop') ??
      ''
    ).toLowerCase();
    if (!keys.includes(key)) continue;
    const v = space(el.getAttribute('content'));
    if (v !== '') return v;
  }
  return null;
}

/** Every object in the page's JSON-LD blocks (through `@graph` and arrays), articles first. */
function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(s.textContent ?? ''), 0);
    } catch {
      // A broken JSON-LD block is the page's problem; the other metadata sources remain.
    }
  }
  const isArticle = (o: Record<string, unknown>) => {
    const t = o['@type'];
    const types = (Array.isArray(t) ? t : [t]).map(String);
    return types.some((x) => /Article|BlogPosting|Report/.test(x));
  };
  return [...out.filter(isArticle), ...out.filter((o) => !isArticle(o))];
}

function names(v: unknown): string[] {
  if (typeof v === 'string') return v.trim() === '' ? [] : [v.trim()];
  if (Array.isArray(v)) return v.flatMap(names);
  if (v && typeof v === 'object') return names((v as Record<string, unknown>).name);
  return [];
}

function firstString(objs: Record<string, unknown>[], key: string): string | null {
  for (const o of objs) {
    const v = o[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (key === 'mainEntityOfPage' && v && typeof v === 'object') {
      const id = (v as Record<string, unknown>)['@id'];
      if (typeof id === 'string') return id;
    }
  }
  return null;
}

/** `By Jane Doe, Rome correspondent` → `Jane Doe, Rome correspondent`; URLs are not bylines. */
function cleanByline(s: string | null | undefined): string | null {
  const t = space(s)
    .replace(/^by[:\s]+/i, '')
    .trim();
  if (t === '' || /^https?:\/\//i.test(t) || t.length > 120) return null;
  return t;
}

function resolveUrl(href: string | null, base: string | null | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return /^https?:\/\//i.test(href) ? href : null;
  }
}

const TITLE_SEPARATORS = [' | ', ' – ', ' — ', ' - ', ' :: ', ' · ', ' » '];

/**
 * A `<title>` without the site name pages append (`Story – Orbit Weekly`): the part after the last
 * separator goes when it is short (≤ 5 words) and what remains still reads as a headline (≥ 4 words).
 */
export function stripSiteSuffix(title: string, site: string | null = null): string | null {
  if (title === '') return null;
  let best = -1;
  let sep = '';
  for (const s of TITLE_SEPARATORS) {
    const i = title.lastIndexOf(s);
    if (i > best) {
      best = i;
      sep = s;
    }
  }
  if (best < 0) return title;
  const head = title.slice(0, best).trim();
  const tail = title.slice(best + sep.length).trim();
  const isSite = site !== null && bare(tail) === bare(site);
  if (isSite || (tail.split(' ').length <= 5 && head.split(' ').length >= 4)) return head;
  return title;
}

interface PageMeta {
  title: string | null;
  byline: string | null;
  published: string | null;
  url: string | null;
  site: string | null;
}

function readPageMeta(doc: Document, pageUrl: string | null | undefined): PageMeta {
  const ld = jsonLdObjects(doc);
  const h1 = space(doc.querySelector('article h1, main h1, h1')?.textContent);
  const itemHeadline = space(doc.querySelector('[itemprop="headline"]')?.textContent);
  const title =
    meta(doc, ['og:title', 'twitter:title']) ??
    firstString(ld, 'headline') ??
    (itemHeadline || null) ??
    (h1 || null) ??
    stripSiteSuffix(space(doc.querySelector('title')?.textContent), meta(doc, ['og:site_name']));

  const bylineEl = Array.from(
    doc.querySelectorAll('[rel="author"], [itemprop="author"], [class], [id]'),
  ).find((el) => {
    if (el.getAttribute('rel') === 'author' || el.getAttribute('itemprop') === 'author') return true;
    return tokensOf(el).some((t) => bylineTokens.has(t));
  });
  const ldAuthors = ld.flatMap((o) => names(o.author));
  const byline =
    cleanByline(ldAuthors.length > 0 ? ldAuthors.join(' and ') : null) ??
    cleanByline(meta(doc, ['author', 'article:author', 'byl', 'sailthru.author', 'dc.creator'])) ??
    cleanByline(bylineEl?.textContent);

  const timeEl =
    doc.querySelector('time[pubdate][datetime], time[itemprop="datePublished"]') ??
    doc.querySelector('article time[datetime], main time[datetime]') ??
    doc.querySelector('time[datetime]');
  const itemDate = doc.querySelector('[itemprop="datePublished"]');
  const published = normalizeDateField(
    meta(doc, [
      'article:published_time',
      'og:published_time',
      'og:article:published_time',
      'datepublished',
    ]) ??
      firstString(ld, 'datePublished') ??
      itemDate?.getAttribute('content') ??
      itemDate?.getAttribute('datetime') ??
      timeEl?.getAttribute('datetime') ??
      meta(doc, [
        'date',
        'dc.date',
        'dc.date.issued',
        'pubdate',
        'publish-date',
        'sailthru.date',
        'parsely-pub-date',
      ]) ??
      null,
  );

  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const url =
    resolveUrl(canonical, pageUrl) ??
    resolveUrl(meta(doc, ['og:url']), pageUrl) ??
    resolveUrl(firstString(ld, 'mainEntityOfPage') ?? firstString(ld, 'url'), pageUrl) ??
    pageUrl ??
    null;

  const publisher = ld.flatMap((o) => names(o.publisher))[0] ?? null;
  const site = meta(doc, ['og:site_name', 'application-name']) ?? publisher;
  return { title, byline, published, url, site };
}

/**
 * Removes furniture elements in place: furniture tags and roles, elements whose class or id marks them as
 * ads, share bars, related links or promos, byline elements, and elements whose whole text is a furniture
 * label ("ADVERTISEMENT"). An element holding most of the page's paragraphs is never removed, so a
 * `class="story promo"` wrapper cannot take the article with it.
 */
function removeFurniture(doc: Document): void {
  const body = doc.body ?? doc.documentElement;
  const totalParas = body.querySelectorAll('p').length;
  const keep = (el: Element) => {
    const paras = el.querySelectorAll('p').length;
    return paras >= 3 && paras >= totalParas / 2;
  };
  const doomed: Element[] = [];
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (furnitureTags.has(tag)) {
      doomed.push(el);
      continue;
    }
    const role = (el.getAttribute('role') ?? '').toLowerCase();
    if (furnitureRoles.has(role) && !keep(el)) {
      doomed.push(el);
      continue;
    }
    if (el.hasAttribute('hidden') || (el.getAttribute('aria-hidden') ?? '') === 'true') {
      doomed.push(el);
      continue;
    }
    const aria =
      `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('aria-roledescription') ?? ''}`.toLowerCase();
    if (/\badvertis/.test(aria) || Array.from(el.attributes).some((a) => a.name.startsWith('data-ad'))) {
      doomed.push(el);
      continue;
    }
    const tokens = tokensOf(el);
    if ((hasFurnitureTokens(tokens) || tokens.some((t) => bylineTokens.has(t))) && !keep(el)) {
      doomed.push(el);
      continue;
    }
    if (el.getAttribute('rel') === 'author' || el.getAttribute('itemprop') === 'author') {
      doomed.push(el);
      continue;
    }
    // A whole block that is a furniture label; an inline label (`<em>Related:</em> <a>…</a>`) is judged
    // with its paragraph instead, so the links after it go too.
    const text = el.textContent ?? '';
    if (text.length >= 80 || !furnitureTexts.has(bare(text))) continue;
    const parentText = el.parentElement?.textContent ?? '';
    const alone = BLOCK_TAGS.has(tag) || (parentText.length < 200 && bare(parentText) === bare(text));
    if (alone) doomed.push(el);
  }
  for (const el of doomed) el.remove();
}

/** Plain-text paragraphs of an element: one per block, inline text joined, whitespace collapsed. */
function paragraphsOf(root: Node): { text: string; linkChars: number }[] {
  const out: { text: string; linkChars: number }[] = [];
  let buf = '';
  let linkChars = 0;
  const flush = () => {
    const t = space(buf);
    if (t !== '') out.push({ text: t, linkChars: Math.min(linkChars, t.length) });
    buf = '';
    linkChars = 0;
  };
  const walk = (node: Node, inLink: boolean): void => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      buf += t;
      if (inLink) linkChars += space(t).length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (furnitureTags.has(tag)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    const link = inLink || tag === 'a';
    for (const c of Array.from(el.childNodes)) walk(c, link);
    if (block) flush();
  };
  walk(root, false);
  flush();
  return out;
}

function labelOf(text: string): string | null {
  const colon = text.indexOf(':');
  if (colon < 1 || colon > 24) return null;
  return text.slice(0, colon).trim().toLowerCase();
}

/** Paragraph-level furniture that survives element removal: labels, link lines, ad notices. */
function isFurnitureParagraph(p: { text: string; linkChars: number }): boolean {
  if (p.text.length < 80 && furnitureTexts.has(bare(p.text))) return true;
  const label = labelOf(p.text);
  if (label && AD_LABELS.includes(label)) return true;
  if (label && LINK_LABELS.includes(label)) {
    const rest = p.text.length - label.length - 1;
    if (rest > 0 && p.linkChars >= rest * 0.6) return true;
  }
  return false;
}

/**
 * Reads an HTML page into a source whose `raw` is the extracted article text (paragraphs separated by blank
 * lines), with the body span after any dateline or byline paragraph, and the page's metadata.
 */
export function extractHtml(html: string, options: HtmlExtractOptions = {}): DocumentSource {
  const warnings: string[] = [];
  const { document: doc } = parseHTML(html);
  const page = readPageMeta(doc, options.url);
  removeFurniture(doc);

  let paras: { text: string; linkChars: number }[] = [];
  let readabilityTitle: string | null = null;
  if (options.readability !== false) {
    try {
      const article = new Readability<Node>(doc as unknown as Document, { serializer: (n) => n }).parse();
      if (article?.content) {
        paras = paragraphsOf(article.content);
        readabilityTitle = space(article.title) || null;
        page.byline ??= cleanByline(article.byline);
        page.site ??= space(article.siteName) || null;
        page.published ??= normalizeDateField(article.publishedTime ?? null);
      }
    } catch (e) {
      warnings.push(`readability failed (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (paras.length === 0 && options.readability === false) {
    paras = paragraphsOf(doc.body ?? doc.documentElement);
  } else if (paras.length === 0) {
    // Too little text for Readability: take the remaining visible blocks of the page.
    const { document: again } = parseHTML(html);
    removeFurniture(again);
    paras = paragraphsOf(again.body ?? again.documentElement);
    warnings.push('no article body recognised: using the visible text of the page');
  }

  const rawTitle = page.title ?? readabilityTitle;
  const title = rawTitle ? parseTitleLine(rawTitle) : null;
  if (title) warnings.push(...title.warnings);
  const headlineKey = title?.headline ? bare(title.headline) : null;

  const kept: string[] = [];
  for (const p of paras) {
    if (isFurnitureParagraph(p)) continue;
    // Leading furniture: a repeated headline, a date on its own line.
    if (kept.length === 0 && headlineKey !== null && bare(p.text) === headlineKey) continue;
    if (kept.length === 0 && rawTitle && bare(p.text) === bare(rawTitle)) continue;
    if (kept.length === 0 && parseDateLine(p.text)) {
      page.published ??= parseDateLine(p.text);
      continue;
    }
    kept.push(p.text);
  }
  const text = kept.join('\n\n');
  if (text === '') {
    return {
      raw: '',
      body: { start: 0, end: 0 },
      meta: {
        source: agencyName(page.site),
        url: page.url,
        published: page.published,
        headline: title?.headline ?? null,
        byline: page.byline,
        dateline: null,
        version: title?.version ?? null,
      },
      repairs: [],
      warnings: [...warnings, 'the page has no article text'],
    };
  }
  const wire = readWireText(text);
  const wireWarnings = wire.warnings.filter(
    (w) => !w.startsWith('unknown layout') && w !== 'no publication date found',
  );
  const datelineAgency = wire.meta.source;
  const agency =
    datelineAgency && (isKnownAgency(datelineAgency) || wire.meta.dateline) ? datelineAgency : null;
  return {
    raw: text,
    body: wire.body,
    meta: {
      source: agency ? agencyName(agency) : agencyName(page.site),
      url: page.url,
      published: page.published ?? wire.meta.published,
      headline: title?.headline ?? null,
      byline: page.byline ?? wire.meta.byline,
      dateline: wire.meta.dateline,
      version: title?.version ?? null,
    },
    repairs: wire.repairs,
    warnings: [...warnings, ...wireWarnings],
  };
}
