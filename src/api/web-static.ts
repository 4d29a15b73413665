import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { HttpError } from './errors.js';

/**
 * The desk's static files and their security headers. Kept apart from the API routes so the policy is in one
 * place: scripts only from our own origin (no `unsafe-inline`, no `eval`), no plugins, no framing, no base
 * rewriting, and `nosniff` so a JSON or text response is never run as script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every web (non-API) response carries. */
export function webSecurityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Serves a file of the built desk (`dist/web`). Paths outside the folder, dot files and unknown types are 404.
 * A path with no file extension that is not found gets `index.html`, so history-style links still open the
 * app (the desk itself routes by hash). Vite's hashed `assets/` files are cached for a year; the rest revalidate.
 */
export async function serveWebFile(
  webRoot: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    throw new HttpError(405, 'E_METHOD', 'static files are GET only');
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    throw new HttpError(400, 'E_USAGE', 'malformed path');
  }
  if (rel.endsWith('/')) rel += 'index.html';
  let file = path.resolve(webRoot, `.${rel}`);
  if (
    !file.startsWith(webRoot + path.sep) ||
    /(^|[\\/])\./.test(path.relative(webRoot, file)) ||
    file.endsWith('.test.ts') ||
    rel.includes('\0')
  ) {
    throw new HttpError(404, 'E_NOT_FOUND', 'not found');
  }
  let s = await stat(file).catch(() => null);
  if (!s && path.extname(file) === '') {
    file = path.join(webRoot, 'index.html');
    s = await stat(file).catch(() => null);
  }
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (!type || !s?.isFile()) throw new HttpError(404, 'E_NOT_FOUND', 'not found');
  const body = await readFile(file);
  const hashed = path.relative(webRoot, file).startsWith(`assets${path.sep}`);
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': body.length,
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...webSecurityHeaders(),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
