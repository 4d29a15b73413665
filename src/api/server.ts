import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { NewsintelError } from '../core/errors.js';
import { DEFAULT_MAX_BYTES } from '../ingest/decode.js';
import type { FetchOptions } from '../ingest/fetch/safe-fetch.js';
import type { AnalyzeOptions } from '../services/analyze.js';
import { validateMetadata } from '../services/metadata.js';
import type { AnalysisPool } from '../services/pool/analysis-pool.js';
import type { PoolResult, PoolTask } from '../services/pool/protocol.js';
import { getArticle, listArticles, search } from '../services/search.js';
import type { ArticleStore } from '../storage/index.js';
import { corpusRoutes } from './corpus-routes.js';
import { HttpError, sendError, sendJson } from './errors.js';
import { checkBodyType, checkRequestEdge, decodeJsonBody, EDGE_HEADERS, storedConflict } from './guard.js';
import { deskRoute } from './routes-desk.js';
import { ingestRoute } from './routes-ingest.js';
import { serveWebFile } from './web-static.js';

export interface ApiOptions {
  store: ArticleStore;
  /** Folder served at `/` (the web UI); null serves the API only. */
  webRoot?: string | null;
  /** Largest accepted request body in bytes (default 5 MB, like ingest). */
  maxBytes?: number;
  /** Where unexpected errors are reported (default: nowhere). */
  log?: (message: string) => void;
  /**
   * Runs `/api/analyze` off the event loop, with its time budget and bounded queue (`newsintel serve` always
   * passes one). Without it analyses run in the request handler, which suits only tests and embedding.
   */
  pool?: AnalysisPool;
  /** URL fetches of `POST /api/ingest`: the SSRF guard is closed unless `allowPrivate` is set. */
  fetch?: FetchOptions;
  /** Host names the server answers to (`allowedHostsFor` in guard.ts); default loopback only. */
  allowedHosts?: readonly string[];
}

/** Reads the request body, refusing (413) as soon as it passes `maxBytes` instead of buffering it all. */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new NewsintelError('E_INPUT_TOO_LARGE', `api: the request body is over the ${maxBytes}-byte limit`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function intParam(url: URL, name: string, fallback: number): number {
  const v = url.searchParams.get(name);
  if (v === null || v === '') return fallback;
  if (!/^\d+$/.test(v) || v.length > 12)
    throw new NewsintelError('E_USAGE', `api: ${name} must be a non-negative integer below 10^12`);
  return Number(v);
}

function str(v: unknown, field: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new NewsintelError('E_INPUT_FORMAT', `api: "${field}" must be a string`);
  return v;
}

/**
 * Turns a POST /api/analyze body into a pool task: the input bytes (read and analysed in a worker) plus
 * metadata overrides.
 */
function taskFromBody(body: Buffer, contentType: string, maxBytes: number): PoolTask {
  if (/\bjson\b/i.test(contentType)) {
    let parsed: unknown;
    const json = decodeJsonBody(body);
    try {
      parsed = JSON.parse(json);
    } catch (e) {
      throw new NewsintelError('E_INPUT_FORMAT', `api: the body is not valid JSON (${(e as Error).message})`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new NewsintelError('E_INPUT_FORMAT', 'api: the JSON body must be an object like {"text": "…"}');
    }
    const o = parsed as Record<string, unknown>;
    const text = str(o.text, 'text');
    if (!text || text.trim() === '')
      throw new NewsintelError('E_INPUT_EMPTY', 'api: "text" is missing or empty');
    const options: AnalyzeOptions = validateMetadata({
      published: str(o.published, 'published'),
      source: str(o.source, 'source'),
      url: str(o.url, 'url'),
      headline: str(o.title, 'title') ?? str(o.headline, 'headline'),
    });
    return { kind: 'input', bytes: Buffer.from(text, 'utf8'), filename: 'body.txt', maxBytes, options };
  }
  const filename = /html/i.test(contentType) ? 'body.html' : undefined;
  return { kind: 'input', bytes: body, filename, maxBytes, options: {} };
}

/**
 * The request handler: thin routes over the shared services, JSON in and out, errors as
 * `{error: {code, message}}`, and the web UI as static files at `/`.
 */
export function createHandler(
  options: ApiOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { store, log, pool } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const webRoot = options.webRoot ? path.resolve(options.webRoot) : null;

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const route = url.pathname.replace(/(?<!\/)\/+$/, '');
    const only = (allowed: string) => {
      if (method !== allowed && !(allowed === 'GET' && method === 'HEAD')) {
        throw new HttpError(405, 'E_METHOD', `api: ${route} accepts ${allowed} only`);
      }
    };
    if (route === '/api/articles') {
      only('GET');
      const limit = intParam(url, 'limit', 20);
      const offset = intParam(url, 'offset', 0);
      const { items, total } = await listArticles(store, { limit, offset });
      return sendJson(res, 200, { items, total, limit, offset });
    }
    if (route.startsWith('/api/articles/')) {
      only('GET');
      let id: string;
      try {
        id = decodeURIComponent(route.slice('/api/articles/'.length));
      } catch {
        throw new NewsintelError('E_USAGE', 'api: malformed article id');
      }
      const analysis = await getArticle(store, id);
      if (!analysis) throw new NewsintelError('E_NOT_FOUND', `api: no article with id ${id}`);
      return sendJson(res, 200, analysis);
    }
    if (route === '/api/search') {
      only('GET');
      const q = url.searchParams.get('q');
      if (q === null || q.trim() === '')
        throw new NewsintelError('E_USAGE', 'api: the query parameter q is required');
      const limit = intParam(url, 'limit', 20);
      const offset = intParam(url, 'offset', 0);
      const hits = await search(store, q, { limit, offset });
      return sendJson(res, 200, { query: q, hits, limit, offset });
    }
    if (route === '/api/analyze') {
      only('POST');
      const wantStore = ['1', 'true', 'yes'].includes(url.searchParams.get('store') ?? '');
      checkBodyType(req.headers['content-type'], wantStore);
      const body = await readBody(req, maxBytes);
      const task = taskFromBody(body, String(req.headers['content-type'] ?? ''), maxBytes);
      // A client that hangs up stops its analysis (queued: dropped; running: the worker is recycled).
      const gone = new AbortController();
      res.once('close', () => {
        if (!res.writableFinished) gone.abort(new NewsintelError('E_USAGE', 'api: the client went away'));
      });
      const done: PoolResult = pool
        ? await pool.run(task, { signal: gone.signal })
        : (await import('../services/pool/run-task.js')).runTask(task);
      const { analysis, raw } = done;
      if (wantStore) {
        const saved = await store.saveArticle(analysis, raw, 'api');
        if (saved.status !== 'stored') storedConflict(analysis, await store.getArticle(saved.id));
        // Loaded on first use: the corpus linker pulls in the knowledge tables (CLI start-up stays light).
        // A story already stored from another input (same text) is linked under its stored id already.
        if (saved.id === analysis.article.id) {
          await (await import('../services/corpus.js')).linkStoredArticle(store, analysis);
        }
        return sendJson(res, saved.status === 'stored' ? 201 : 200, analysis, {
          'X-Newsintel-Store': saved.status,
        });
      }
      return sendJson(res, 200, analysis);
    }
    if (await corpusRoutes(store, req, res, url, route)) return;
    if (route === '/api/health') {
      only('GET');
      const body: Record<string, unknown> = {
        ok: true,
        articles: await store.countArticles(),
        dialect: store.dialect,
      };
      if (pool) body.pool = pool.stats();
      return sendJson(res, 200, body);
    }
    if (await deskRoute(store, method, route, url, res)) return;
    if (await ingestRoute(req, res, route, { store, maxBytes, pool: options.pool, fetch: options.fetch }))
      return;
    throw new HttpError(404, 'E_NOT_FOUND', `api: no route ${method} ${url.pathname}`);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!webRoot) throw new HttpError(404, 'E_NOT_FOUND', 'not found');
    await serveWebFile(webRoot, req, res, url);
  }

  return async (req, res) => {
    try {
      for (const [k, v] of Object.entries(EDGE_HEADERS)) res.setHeader(k, v);
      checkRequestEdge(req, { allowedHosts: options.allowedHosts });
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) await api(req, res, url);
      else await serveStatic(req, res, url);
    } catch (e) {
      sendError(res, e, log, pool?.retryAfterSeconds());
    }
  };
}

/** An http.Server for the API and the web UI (not yet listening). */
export function createApiServer(options: ApiOptions): Server {
  const handler = createHandler(options);
  return createServer((req, res) => {
    void handler(req, res);
  });
}

/** Starts listening; resolves with the base URL once the port is bound (port 0 picks a free one). */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const h = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return `http://${h}:${addr.port}`;
}
