import type { IncomingMessage, ServerResponse } from 'node:http';
import { NewsintelError } from '../core/errors.js';
import type { FetchOptions } from '../ingest/fetch/safe-fetch.js';
import type { IngestResult } from '../services/ingest.js';
import type { AnalysisPool } from '../services/pool/analysis-pool.js';
import type { ArticleStore } from '../storage/index.js';
import { HttpError, sendJson } from './errors.js';

/** Most URLs one request may name. */
export const MAX_URLS_PER_REQUEST = 20;
const MAX_BODY = 64 * 1024;

export interface IngestRouteOptions {
  store: ArticleStore;
  /** Per-page size cap (default 5 MiB). */
  maxBytes?: number;
  pool?: AnalysisPool;
  /** Fetch policy; the SSRF guard stays closed unless `allowPrivate` is set (`serve --allow-private`). */
  fetch?: FetchOptions;
}

/** One row of the response: what became of one URL (or one feed item). */
export interface IngestRouteRow {
  url: string;
  status: 'stored' | 'already stored' | 'failed';
  id: string | null;
  headline: string | null;
  reason: string | null;
  code: string | null;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY)
      throw new NewsintelError('E_INPUT_TOO_LARGE', `api: the request body is over ${MAX_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (e) {
    throw new NewsintelError('E_INPUT_FORMAT', `api: the body is not valid JSON (${(e as Error).message})`);
  }
}

function urlsOf(body: unknown): string[] {
  const o =
    body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (!o)
    throw new NewsintelError(
      'E_INPUT_FORMAT',
      'api: the body must be a JSON object like {"url": "https://…"}',
    );
  const list = o.urls !== undefined ? o.urls : o.url !== undefined ? [o.url] : null;
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    list.some((u) => typeof u !== 'string' || u.trim() === '')
  ) {
    throw new NewsintelError('E_INPUT_FORMAT', 'api: give "url" (a string) or "urls" (a list of strings)');
  }
  if (list.length > MAX_URLS_PER_REQUEST) {
    throw new NewsintelError('E_INPUT_FORMAT', `api: at most ${MAX_URLS_PER_REQUEST} URLs per request`);
  }
  const urls = list.map((u) => (u as string).trim());
  const bad = urls.find((u) => !/^[a-z][a-z0-9+.-]{1,15}:\/\//i.test(u));
  if (bad) throw new NewsintelError('E_INPUT_FORMAT', `api: not a URL: ${bad}`);
  return urls;
}

function rows(r: IngestResult): IngestRouteRow[] {
  return [
    ...r.stored.map((a) => ({
      url: a.path,
      status: 'stored' as const,
      id: a.id,
      headline: a.headline,
      reason: null,
      code: null,
    })),
    ...r.skipped.map((a) => ({
      url: a.path,
      status: 'already stored' as const,
      id: a.id,
      headline: a.headline,
      reason: null,
      code: null,
    })),
    ...r.failed.map((f) => ({
      url: f.path,
      status: 'failed' as const,
      id: null,
      headline: null,
      reason: f.reason,
      code: f.code ?? null,
    })),
  ];
}

/**
 * `POST /api/ingest {url}` (or `{urls: […]}`): fetches each URL behind the SSRF guard and stores it, an
 * article page as one article, a feed as its items (each from its link). 201 when something was stored, 200
 * when everything was already stored; when the only URL fails, its coded error (403 refused by the guard,
 * 502 fetch failed, 415 not an article…). Returns false for other routes.
 */
export async function ingestRoute(
  req: IncomingMessage,
  res: ServerResponse,
  route: string,
  options: IngestRouteOptions,
): Promise<boolean> {
  if (route !== '/api/ingest') return false;
  if (req.method !== 'POST') throw new HttpError(405, 'E_METHOD', 'api: /api/ingest accepts POST only');
  if (!/\bjson\b/i.test(String(req.headers['content-type'] ?? ''))) {
    throw new NewsintelError(
      'E_INPUT_FORMAT',
      'api: send JSON like {"url": "https://…"} with Content-Type: application/json',
    );
  }
  const urls = urlsOf(await readJson(req));
  // The pipeline loads on first use, not at server start.
  const { ingest } = await import('../services/ingest.js');
  const result = await ingest(urls, {
    db: options.store,
    maxBytes: options.maxBytes,
    pool: options.pool,
    fetch: options.fetch,
  });
  const list = rows(result);
  if (urls.length === 1 && result.stored.length + result.skipped.length === 0 && result.failed.length === 1) {
    const f = result.failed[0]!;
    throw new NewsintelError((f.code ?? 'E_FETCH') as NewsintelError['code'], f.reason);
  }
  sendJson(res, result.stored.length > 0 ? 201 : 200, {
    results: list,
    stored: result.stored.length,
    alreadyStored: result.skipped.length,
    failed: result.failed.length,
  });
  return true;
}
