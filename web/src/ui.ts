/** Small shared pieces of the views: status lines, errors, metadata lines, tags. */
import { ApiError } from './api.js';
import { type Child, h, shortDate } from './dom.js';
import { readerHref } from './router.js';

export function status(text: string): HTMLElement {
  return h('p', { role: 'status', class: 'status' }, text);
}

/** An error box with the API's reason; 404s say what was not found. */
export function errorBox(e: unknown, what = 'this view'): HTMLElement {
  const message =
    e instanceof ApiError
      ? e.status === 404 && e.code === 'E_NOT_FOUND' && /no route/.test(e.message)
        ? `The server has no API for ${what} yet (${e.message}).`
        : e.message
      : e instanceof Error
        ? e.message
        : String(e);
  return h('p', { role: 'alert', class: 'error' }, message);
}

export function tag(text: string | null | undefined, cls = 'tag'): Child {
  return text ? h('span', { class: cls }, text) : null;
}

export interface ArticleLike {
  id?: string;
  articleId?: string;
  headline: string | null;
  source: string | null;
  published: string | null;
  version?: { tag: string } | null;
}

/** `Source · 2025-09-15 · 2nd LD` */
export function metaLine(a: ArticleLike): HTMLElement {
  return h(
    'span',
    { class: 'meta' },
    [a.source, shortDate(a.published)].filter(Boolean).join(' · '),
    a.version ? [' ', tag(a.version.tag)] : null,
  );
}

/** Headline linking to the reader, with its metadata. */
export function articleItem(a: ArticleLike, extra?: Child): HTMLElement {
  const id = a.id ?? a.articleId ?? '';
  return h(
    'li',
    { 'data-id': id },
    h('a', { href: readerHref(id) }, a.headline ?? '(no headline)'),
    ' ',
    metaLine(a),
    extra,
  );
}

export function section(title: string, ...children: Child[]): HTMLElement {
  const id = `sec-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** Number formatting for figures and counts. */
export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
