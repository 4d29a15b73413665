/**
 * The desk's only way to make DOM: elements built with text nodes, never HTML strings. Article text, names
 * and quotes are third-party data; routing them all through `h()` (which has no innerHTML path) and
 * `safeHref()` (which refuses `javascript:` and other schemes) keeps them inert by construction.
 */

export type Child = Node | string | number | null | undefined | false | Child[];

export interface Attrs {
  class?: string | null;
  [name: string]: string | number | boolean | null | undefined | EventListener | ((e: never) => void);
}

/** Schemes an `href` may carry; everything else (javascript:, data:, vbscript:) becomes inert. */
const SAFE_SCHEME = /^(https?:|mailto:)/i;

/** A link target that cannot run code: in-app hash routes, relative paths and http(s) only. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  if (trimmed.startsWith('#') || trimmed.startsWith('/')) return trimmed.startsWith('//') ? null : trimmed;
  return SAFE_SCHEME.test(trimmed) ? trimmed : null;
}

function append(node: Element | DocumentFragment, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child) append(node, c);
    return;
  }
  node.append(typeof child === 'number' ? String(child) : child);
}

/**
 * `h('a', {href: '#/x', class: 'y', onclick: fn}, 'text', child)`. Attributes are set with setAttribute (or
 * as listeners for `on…` keys); `href` and `src` go through `safeHref`. Strings become text nodes.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') {
        node.addEventListener(k.slice(2), v as EventListener);
      } else if (k === 'href' || k === 'src' || k === 'action') {
        const safe = safeHref(String(v));
        if (safe !== null) node.setAttribute(k, safe);
      } else {
        node.setAttribute(k, v === true ? '' : String(v));
      }
    }
  }
  for (const c of children) append(node, c);
  return node;
}

/** An SVG element (for the network view), attributes set as given. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Record<string, string | number | null | undefined>,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  if (attrs)
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined) continue;
      const value = k === 'href' ? safeHref(String(v)) : String(v);
      if (value !== null) node.setAttribute(k, value);
    }
  for (const c of children) append(node as unknown as Element, c);
  return node;
}

/** Replaces an element's children. */
export function mount(target: Element, ...children: Child[]): void {
  target.replaceChildren();
  for (const c of children) append(target, c);
}

/** Text with the given half-open spans wrapped in <mark> (search snippets). */
export function marked(text: string, spans: { start: number; end: number }[]): Child[] {
  const out: Child[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at || s.end > text.length) continue;
    out.push(text.slice(at, s.start), h('mark', null, text.slice(s.start, s.end)));
    at = s.end;
  }
  out.push(text.slice(at));
  return out;
}

/** A date-ish string shortened for lists (`2025-09-15`). */
export function shortDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
