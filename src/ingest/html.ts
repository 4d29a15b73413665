import type { DocumentSource } from '../core/document.js';
import { agencyName } from './agencies.js';
import { normalizeDateField } from './dates.js';
import { parseTitleLine } from './title.js';

/**
 * A modest HTML reader for saved article pages: it takes the title (`og:title`, else `<title>`), publication
 * metadata from `<meta>` tags, and the paragraphs of `<article>` (else of the whole page) as plain text with
 * blank lines between paragraphs. Not a general boilerplate remover: pages without `<p>` paragraphs fall back
 * to the page's visible text, with a warning.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  oacute: 'ó',
  uacute: 'ú',
  iacute: 'í',
  ntilde: 'ñ',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  middot: '·',
  bull: '•',
  deg: '°',
  euro: '€',
  pound: '£',
};

/** Decodes character references (`&amp;`, `&#8217;`, `&#x2019;`); unknown names stay as they are. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (m, body: string) => {
    if (body[0] === '#') {
      const cp =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? m;
  });
}

function stripTags(s: string): string {
  return decodeEntities(s.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function metaContent(html: string, keys: string[]): string | null {
  const re = /<meta\b[^>]*>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const tag = m[0];
    const key = /\b(?:property|name|itemprop)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]?.toLowerCase();
    if (!key || !keys.includes(key)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const v = content ? (content[1] ?? content[2] ?? '') : '';
    if (v.trim() !== '') return decodeEntities(v.trim());
  }
  return null;
}

/** Reads an HTML page into a source whose `raw` is the extracted text (so every span points into it). */
export function readHtml(html: string): DocumentSource {
  const warnings: string[] = [];
  const clean = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(
      /<(script|style|noscript|template|svg|iframe|nav|footer|header|aside|form)\b[\s\S]*?<\/\1\s*>/gi,
      ' ',
    );
  const pageTitle = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(clean)?.[1];
  const rawTitle =
    metaContent(clean, ['og:title', 'twitter:title']) ??
    (pageTitle !== undefined ? stripTags(pageTitle) : null);
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(clean)?.[1];
  const titleText = rawTitle ?? (h1 !== undefined ? stripTags(h1) : null);
  const title = titleText ? parseTitleLine(titleText) : null;
  if (title) warnings.push(...title.warnings);

  const article = /<article\b[^>]*>([\s\S]*?)<\/article>/i.exec(clean)?.[1];
  const scope = article ?? /<body\b[^>]*>([\s\S]*?)<\/body>/i.exec(clean)?.[1] ?? clean;
  const paras: string[] = [];
  const pre = /<p\b[^>]*>([\s\S]*?)<\/p\s*>/gi;
  for (let m = pre.exec(scope); m; m = pre.exec(scope)) {
    const t = stripTags(m[1]!);
    if (t !== '') paras.push(t);
  }
  let text: string;
  if (paras.length > 0) text = paras.join('\n\n');
  else {
    text = decodeEntities(
      scope
        .replace(/<\/(?:div|h[1-6]|li|tr|section|blockquote)\s*>/gi, '\n\n')
        .replace(/<br\s*\/?>/gi, '\n')
        .replace(/<[^>]*>/g, ' '),
    )
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '')
      .join('\n\n');
    warnings.push('no <p> paragraphs found: using the visible text of the page');
  }
  const published = normalizeDateField(
    metaContent(clean, [
      'article:published_time',
      'og:published_time',
      'datepublished',
      'date',
      'dc.date',
      'pubdate',
    ]) ??
      /<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["']/i.exec(clean)?.[1] ??
      null,
  );
  const canonical = /<link\b[^>]*rel\s*=\s*["']canonical["'][^>]*>/i.exec(clean)?.[0];
  const canonicalHref = canonical ? /\bhref\s*=\s*["']([^"']+)["']/i.exec(canonical)?.[1] : undefined;
  return {
    raw: text,
    body: { start: 0, end: text.length },
    meta: {
      source: agencyName(metaContent(clean, ['og:site_name', 'application-name', 'publisher'])),
      url: metaContent(clean, ['og:url']) ?? (canonicalHref ? decodeEntities(canonicalHref) : null),
      published,
      headline: title?.headline ?? null,
      byline: metaContent(clean, ['author', 'article:author', 'byl']) ?? title?.byline ?? null,
      dateline: null,
      version: title?.version ?? null,
    },
    repairs: [],
    warnings,
  };
}
