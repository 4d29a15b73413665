import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { DocumentSource } from '../core/document.js';
import { NewsintelError } from '../core/errors.js';
import { decodeInput } from '../ingest/decode.js';
import { readInput } from '../ingest/read-input.js';
import { type AnalyzeOptions, analyzeDocument, toAnalysis } from '../services/analyze.js';
import { DEFAULT_MAX_BYTES } from '../services/ingest.js';
import { validateMetadata } from '../services/metadata.js';
import { getArticle, listArticles, search } from '../services/search.js';
import type { ArticleStore } from '../storage/index.js';
import { HttpError, sendError, sendJson } from './errors.js';
import { checkBodyType, checkRequestEdge, decodeJsonBody, EDGE_HEADERS, storedConflict } from './guard.js';

export interface ApiOptions {
  store: ArticleStore;
  /** Folder served at `/` (the web UI); null serves the API only. */
  webRoot?: string | null;
  /** Largest accepted request body in bytes (default 5 MB, like ingest). */
  maxBytes?: number;
  /** Where unexpected errors are reported (default: nowhere). */
  log?: (message: string) => void;
  /** Host names the server answers to (`allowedHostsFor` in guard.ts); default loopback only. */
  allowedHosts?: readonly string[];
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

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

/** Turns a POST /api/analyze body into one read source plus metadata overrides. */
function sourceFromBody(
  body: Buffer,
  contentType: string,
  maxBytes: number,
): { source: DocumentSource; options: AnalyzeOptions } {
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
    return { source: firstSource(Buffer.from(text, 'utf8'), 'body.txt', maxBytes), options };
  }
  const filename = /html/i.test(contentType) ? 'body.html' : undefined;
  return { source: firstSource(body, filename, maxBytes), options: {} };
}

function firstSource(buf: Buffer, filename: string | undefined, maxBytes: number): DocumentSource {
  const text = decodeInput(buf, { maxBytes });
  const { sources, errors } = readInput(text, { filename, maxBytes });
  const first = sources[0];
  if (!first) {
    const why = errors.map((e) => e.message).join('; ') || 'no article found';
    throw new NewsintelError('E_INPUT_FORMAT', `api: ${why}`);
  }
  return first;
}

/**
 * The request handler: thin routes over the shared services, JSON in and out, errors as
 * `{error: {code, message}}`, and the web UI as static files at `/`.
 */
export function createHandler(
  options: ApiOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { store, log } = options;
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
      const { source, options: meta } = sourceFromBody(
        body,
        String(req.headers['content-type'] ?? ''),
        maxBytes,
      );
      const analysis = toAnalysis(analyzeDocument(source, meta));
      if (wantStore) {
        const saved = await store.saveArticle(analysis, source.raw, 'api');
        if (saved.status !== 'stored') storedConflict(analysis, await store.getArticle(saved.id));
        return sendJson(res, saved.status === 'stored' ? 201 : 200, analysis, {
          'X-Newsintel-Store': saved.status,
        });
      }
      return sendJson(res, 200, analysis);
    }
    if (route === '/api/health') {
      only('GET');
      return sendJson(res, 200, { ok: true, articles: await store.countArticles(), dialect: store.dialect });
    }
    throw new HttpError(404, 'E_NOT_FOUND', `api: no route ${method} ${url.pathname}`);
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!webRoot) throw new HttpError(404, 'E_NOT_FOUND', 'not found');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new HttpError(405, 'E_METHOD', 'static files are GET only');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      throw new HttpError(400, 'E_USAGE', 'malformed path');
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(webRoot, `.${rel}`);
    // Never serve outside the web folder, nor dot files or tests.
    if (
      !file.startsWith(webRoot + path.sep) ||
      /(^|[\\/])\./.test(path.relative(webRoot, file)) ||
      file.endsWith('.test.ts')
    ) {
      throw new HttpError(404, 'E_NOT_FOUND', 'not found');
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
    const s = await stat(file).catch(() => null);
    if (!type || !s?.isFile()) throw new HttpError(404, 'E_NOT_FOUND', 'not found');
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return async (req, res) => {
    try {
      for (const [k, v] of Object.entries(EDGE_HEADERS)) res.setHeader(k, v);
      checkRequestEdge(req, { allowedHosts: options.allowedHosts });
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) await api(req, res, url);
      else await serveStatic(req, res, url);
    } catch (e) {
      sendError(res, e, log);
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
