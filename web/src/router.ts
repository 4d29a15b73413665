/**
 * Hash routing: every view is `#/<view>/<id>?<params>`, so any state worth sharing (the article, the two
 * versions of a diff, the event filters) is in the URL and survives a reload or a paste into a chat. Hash
 * routes need no server fallback and keep the API's static serving trivial.
 */
export interface Route {
  /** `home`, `read`, `story`, … */
  view: string;
  /** The decoded path segments after the view (ids). */
  args: string[];
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const pathPart = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const segs = pathPart.split('/').filter((s) => s !== '');
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return { view: segs[0] ? decode(segs[0]) : 'home', args: segs.slice(1).map(decode), params };
}

/** Builds `#/view/arg?params` with every piece encoded. */
export function href(
  view: string,
  args: string[] = [],
  params?: Record<string, string | null | undefined>,
): string {
  let out = `#/${view}`;
  for (const a of args) out += `/${encodeURIComponent(a)}`;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {}))
    if (v !== null && v !== undefined && v !== '') qs.set(k, v);
  const s = qs.toString();
  return s ? `${out}?${s}` : out;
}

export const readerHref = (id: string, item?: string) => href('read', [id], { item });
export const storyHref = (id: string, a?: string, b?: string) => href('story', [id], { a, b });
export const clusterHref = (id: string) => href('cluster', [id]);
export const actorHref = (id: string) => href('actor', [id]);
/** An actor link by name, resolved to the corpus actor on arrival. */
export const actorByNameHref = (name: string) => href('actor', [], { q: name });
