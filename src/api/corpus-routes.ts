import type { IncomingMessage, ServerResponse } from 'node:http';
import { NewsintelError } from '../core/errors.js';
import type { ArticleStore } from '../storage/index.js';
import { HttpError, sendJson } from './errors.js';

function intParam(url: URL, name: string, fallback: number): number {
  const v = url.searchParams.get(name);
  if (v === null || v === '') return fallback;
  if (!/^\d+$/.test(v)) throw new NewsintelError('E_USAGE', `api: ${name} must be a non-negative integer`);
  return Number(v);
}

function idAfter(route: string, prefix: string): string {
  try {
    return decodeURIComponent(route.slice(prefix.length));
  } catch {
    throw new NewsintelError('E_USAGE', 'api: malformed id');
  }
}

/**
 * The corpus routes (stories, clusters, actors, events, network, claim series), JSON and paged with
 * `limit`/`offset`. Returns false when the path is not a corpus route, so the main handler can go on.
 */
export async function corpusRoutes(
  store: ArticleStore,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  route: string,
): Promise<boolean> {
  const prefixes = [
    '/api/stories/',
    '/api/clusters/',
    '/api/actors',
    '/api/events',
    '/api/network',
    '/api/claims/series',
  ];
  if (!prefixes.some((p) => route === p.replace(/\/$/, '') || route.startsWith(p))) return false;
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD')
    throw new HttpError(405, 'E_METHOD', `api: ${route} accepts GET only`);
  // The corpus services (and Kysely) load on the first corpus request, not at server start.
  const { claimSeries, getActor, getCluster, getStory, network, queryEvents, searchActors } = await import(
    '../services/corpus.js'
  );
  const db = store.db;
  const paging = { limit: intParam(url, 'limit', 20), offset: intParam(url, 'offset', 0) };
  const q = (name: string) => {
    const v = url.searchParams.get(name);
    return v === null || v.trim() === '' ? null : v.trim();
  };
  const notFound = (what: string, id: string) => new NewsintelError('E_NOT_FOUND', `api: no ${what} ${id}`);
  if (route.startsWith('/api/stories/')) {
    const id = idAfter(route, '/api/stories/');
    const s = await getStory(db, id);
    if (!s) throw notFound('story or linked article', id);
    sendJson(res, 200, s);
  } else if (route.startsWith('/api/clusters/')) {
    const id = idAfter(route, '/api/clusters/');
    const c = await getCluster(db, id);
    if (!c) throw notFound('cluster', id);
    sendJson(res, 200, c);
  } else if (route === '/api/actors') {
    const term = q('q');
    if (!term) throw new NewsintelError('E_USAGE', 'api: the query parameter q is required');
    sendJson(res, 200, { ...(await searchActors(db, term, paging)), query: { q: term } });
  } else if (route.startsWith('/api/actors/')) {
    const id = idAfter(route, '/api/actors/');
    const a = await getActor(db, id, paging);
    if (!a) throw notFound('actor', id);
    sendJson(res, 200, a);
  } else if (route === '/api/events') {
    const r = await queryEvents(
      db,
      { type: q('type'), actor: q('actor'), country: q('country'), from: q('from'), to: q('to') },
      paging,
    );
    sendJson(res, 200, r);
  } else if (route === '/api/network') {
    sendJson(res, 200, await network(db, { from: q('from'), to: q('to') }, paging));
  } else if (route === '/api/claims/series') {
    const subject = q('subject');
    if (!subject) throw new NewsintelError('E_USAGE', 'api: the query parameter subject is required');
    sendJson(res, 200, await claimSeries(db, subject, paging));
  } else return false;
  return true;
}
