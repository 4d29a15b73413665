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

/**
 * Linear-time tag scanning. Regexes like `/<p\b[^>]*>([\s\S]*?)<\/p\s*>/g` retry from every `<p` and rescan
 * to the end of the page when a `>` or a closing tag is missing, so `<p` × 80,000 took seconds and a 5 MB page
 * hours (issue 15). The scanner below finds the same matches, in the same order, but remembers the next `>`
 * and the next closing tag it has already looked for, so every character is looked at a bounded number of
 * times.
 */
class TagScanner {
  /** ASCII-lower-cased copy, same length as the input (so indices are shared). */
  readonly lc: string;
  /** The last `>` search: from where, and what it found (-1: no `>` at or after `from`). */
  private gt = { from: Number.POSITIVE_INFINITY, at: -1 };
  private readonly closeCache = new Map<string, { from: number; at: number }>();

  constructor(readonly html: string) {
    this.lc = asciiLower(html);
  }

  /** Index of the first `>` at or after `from`, or -1. */
  nextGt(from: number): number {
    const c = this.gt;
    if (from >= c.from && (c.at === -1 || c.at >= from)) return c.at;
    this.gt = { from, at: this.html.indexOf('>', from) };
    return this.gt.at;
  }

  /**
   * The first closing tag `</name>` (with optional whitespace before `>` when `space` is set) at or after
   * `from`: its start and end, or null. Results are cached per name, so repeated misses cost nothing.
   */
  closeTag(name: string, from: number, space: boolean): { start: number; end: number } | null {
    const key = `${name}/${space}`;
    const c = this.closeCache.get(key);
    if (c && from >= c.from && (c.at === -1 || c.at >= from)) {
      return c.at === -1 ? null : this.closeAt(name, c.at, space);
    }
    const needle = `</${name}`;
    let at = this.lc.indexOf(needle, from);
    while (at >= 0 && !this.closeAt(name, at, space)) at = this.lc.indexOf(needle, at + 1);
    this.closeCache.set(key, { from, at });
    return at === -1 ? null : this.closeAt(name, at, space);
  }

  private closeAt(name: string, at: number, space: boolean): { start: number; end: number } | null {
    let k = at + 2 + name.length;
    if (space) while (k < this.html.length && isSpace(this.html.charCodeAt(k))) k++;
    return this.html[k] === '>' ? { start: at, end: k + 1 } : null;
  }

  /** Start indices of `<name` followed by a word boundary, from `from` on, in order. */
  *opens(name: string, from = 0): Generator<number> {
    const needle = `<${name}`;
    for (let at = this.lc.indexOf(needle, from); at >= 0; at = this.lc.indexOf(needle, at + 1)) {
      if (!isWordChar(this.html.charCodeAt(at + needle.length))) yield at;
    }
  }

  /**
   * Elements `<name …>inner</name>` as `/<name\b[^>]*>([\s\S]*?)<\/name>/gi` finds them: in order, not
   * overlapping; `space` allows whitespace before the closing `>`.
   */
  *elements(name: string, space = false): Generator<{ start: number; end: number; inner: string }> {
    let from = 0;
    for (;;) {
      let found: { start: number; end: number; inner: string } | null = null;
      for (const at of this.opens(name, from)) {
        const gt = this.nextGt(at);
        if (gt === -1) return;
        const close = this.closeTag(name, gt + 1, space);
        if (!close) continue;
        found = { start: at, end: close.end, inner: this.html.slice(gt + 1, close.start) };
        break;
      }
      if (!found) return;
      yield found;
      from = found.end;
    }
  }

  /**
   * The opening tags `<name …>` up to the first `>`. `global` skips tags that start inside the previous one
   * (as a `g` regex resumes after its match); `open` also accepts a tag with no `>` left, running to the end.
   */
  *tags(name: string, options: { global?: boolean; open?: boolean } = {}): Generator<string> {
    let resume = 0;
    for (const at of this.opens(name)) {
      if (options.global && at < resume) continue;
      const gt = this.nextGt(at);
      if (gt === -1) {
        // No `>` left: every later tag would run to the end too, and contains nothing the first one lacks.
        if (options.open) yield this.html.slice(at);
        return;
      }
      resume = gt + 1;
      yield this.html.slice(at, gt + 1);
    }
  }
}

function asciiLower(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      out += s.slice(last, i) + String.fromCharCode(c + 32);
      last = i + 1;
    }
  }
  return out + s.slice(last);
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isSpace(c: number): boolean {
  return /\s/.test(String.fromCharCode(c));
}

/**
 * Replaces every `<…>` (a `<` up to the next `>`) with `by`, as `s.replace(/<[^>]*>/g, by)` does, in linear
 * time: once no `>` is left, no later `<` can start a tag either.
 */
export function replaceTags(s: string, by: string): string {
  let out = '';
  let at = 0;
  for (let lt = s.indexOf('<'); lt >= 0; lt = s.indexOf('<', at)) {
    const gt = s.indexOf('>', lt);
    if (gt === -1) break;
    out += s.slice(at, lt) + by;
    at = gt + 1;
  }
  return out + s.slice(at);
}

/** Removes `<!-- … -->` comments (each becomes a space), as `/<!--[\s\S]*?-->/g` does, in linear time. */
function removeComments(s: string): string {
  let out = '';
  let at = 0;
  for (let open = s.indexOf('<!--'); open >= 0; open = s.indexOf('<!--', at)) {
    const close = s.indexOf('-->', open + 4);
    if (close === -1) break;
    out += `${s.slice(at, open)} `;
    at = close + 3;
  }
  return out + s.slice(at);
}

const SKIPPED = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'nav',
  'footer',
  'header',
  'aside',
  'form',
];

/**
 * Removes non-content elements with their content (each becomes a space), as
 * `/<(script|style|…)\b[\s\S]*?<\/\1\s*>/gi` does, in linear time.
 */
function removeSkipped(s: string): string {
  const scan = new TagScanner(s);
  let out = '';
  let at = 0;
  for (let lt = s.indexOf('<'); lt >= 0; lt = s.indexOf('<', Math.max(lt + 1, at))) {
    if (lt < at) continue;
    const name = SKIPPED.find(
      (n) => scan.lc.startsWith(n, lt + 1) && !isWordChar(s.charCodeAt(lt + 1 + n.length)),
    );
    if (!name) continue;
    const close = scan.closeTag(name, lt + 1 + name.length, true);
    if (!close) continue;
    out += `${s.slice(at, lt)} `;
    at = close.end;
  }
  return out + s.slice(at);
}

function stripTags(s: string): string {
  return decodeEntities(replaceTags(s.replace(/<br\s*\/?>/gi, ' '), ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function metaContent(scan: TagScanner, keys: string[]): string | null {
  for (const tag of scan.tags('meta', { global: true })) {
    const key = /\b(?:property|name|itemprop)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]?.toLowerCase();
    if (!key || !keys.includes(key)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const v = content ? (content[1] ?? content[2] ?? '') : '';
    if (v.trim() !== '') return decodeEntities(v.trim());
  }
  return null;
}

function first(scan: TagScanner, name: string): string | undefined {
  for (const e of scan.elements(name)) return e.inner;
  return undefined;
}

/** Reads an HTML page into a source whose `raw` is the extracted text (so every span points into it). */
export function readHtml(html: string): DocumentSource {
  const warnings: string[] = [];
  const clean = removeSkipped(removeComments(html));
  const scan = new TagScanner(clean);
  const pageTitle = first(scan, 'title');
  const rawTitle =
    metaContent(scan, ['og:title', 'twitter:title']) ??
    (pageTitle !== undefined ? stripTags(pageTitle) : null);
  const h1 = first(scan, 'h1');
  const titleText = rawTitle ?? (h1 !== undefined ? stripTags(h1) : null);
  const title = titleText ? parseTitleLine(titleText) : null;
  if (title) warnings.push(...title.warnings);

  const article = first(scan, 'article');
  const scope = article ?? first(scan, 'body') ?? clean;
  const paras: string[] = [];
  for (const m of new TagScanner(scope).elements('p', true)) {
    const t = stripTags(m.inner);
    if (t !== '') paras.push(t);
  }
  let text: string;
  if (paras.length > 0) text = paras.join('\n\n');
  else {
    text = decodeEntities(
      replaceTags(
        scope
          .replace(/<\/(?:div|h[1-6]|li|tr|section|blockquote)\s*>/gi, '\n\n')
          .replace(/<br\s*\/?>/gi, '\n'),
        ' ',
      ),
    )
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter((p) => p !== '')
      .join('\n\n');
    warnings.push('no <p> paragraphs found: using the visible text of the page');
  }
  let timeAttr: string | undefined;
  for (const tag of scan.tags('time', { open: true })) {
    timeAttr = /\bdatetime\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (timeAttr !== undefined) break;
  }
  let canonicalHref: string | undefined;
  for (const tag of scan.tags('link')) {
    if (!/rel\s*=\s*["']canonical["']/i.test(tag)) continue;
    canonicalHref = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    break;
  }
  const published = normalizeDateField(
    metaContent(scan, [
      'article:published_time',
      'og:published_time',
      'datepublished',
      'date',
      'dc.date',
      'pubdate',
    ]) ??
      timeAttr ??
      null,
  );
  return {
    raw: text,
    body: { start: 0, end: text.length },
    meta: {
      source: agencyName(metaContent(scan, ['og:site_name', 'application-name', 'publisher'])),
      url: metaContent(scan, ['og:url']) ?? (canonicalHref ? decodeEntities(canonicalHref) : null),
      published,
      headline: title?.headline ?? null,
      byline: metaContent(scan, ['author', 'article:author', 'byl']) ?? title?.byline ?? null,
      dateline: null,
      version: title?.version ?? null,
    },
    repairs: [],
    warnings,
  };
}
