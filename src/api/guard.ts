import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { NewsintelError } from '../core/errors.js';
import type { Analysis } from '../core/types.js';
import { metadataDifferences } from '../services/metadata.js';
import { HttpError } from './errors.js';

/**
 * Request-edge checks, run before any route: which Host names the server answers to, which Origins may
 * change state, which body types are accepted, and that JSON bodies are valid UTF-8. Kept apart from the
 * routes so every route gets them and the rules can be read in one place.
 *
 * Why: a browser on any site can send a "simple" cross-site POST (`text/plain`, no preflight) to a server on
 * localhost, and a DNS-rebinding page can read its answers when any `Host:` is served. So the server answers
 * only to the host names it was configured with (loopback by default), refuses state-changing requests from
 * foreign Origins, and stores only `application/json` bodies (which a cross-site page cannot send without a
 * CORS preflight, which this server never grants).
 */
export interface GuardOptions {
  /**
   * Host names (no port) the server answers to, lower-case; `*` accepts any Host. The default is the
   * loopback names only.
   */
  allowedHosts?: readonly string[];
}

/** The names a loopback-bound server answers to. */
export const LOOPBACK_HOSTS: readonly string[] = Object.freeze(['localhost', '127.0.0.1', '::1']);

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '']);

/**
 * The Host names to accept for a server bound to `bindHost`, plus any `extra` names (`--allowed-hosts`).
 * Loopback names are always accepted. A wildcard bind (`--host 0.0.0.0`) opens the server to every Host
 * unless `extra` names are given; a bind to a named interface accepts that name.
 */
export function allowedHostsFor(bindHost: string, extra: readonly string[] = []): readonly string[] {
  const names = new Set<string>(LOOPBACK_HOSTS);
  const bind = bindHost
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (WILDCARD_BINDS.has(bind) && extra.length === 0) return Object.freeze(['*']);
  if (!WILDCARD_BINDS.has(bind)) names.add(bind);
  for (const e of extra) {
    const n = e.trim().toLowerCase();
    if (n) names.add(n);
  }
  return Object.freeze([...names]);
}

/** The host name of a `Host` header value (`example.org:3000`, `[::1]:3000`), lower-case, or null. */
export function hostName(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.trim().toLowerCase();
  if (v.startsWith('[')) {
    const close = v.indexOf(']');
    if (close < 0) return null;
    const rest = v.slice(close + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
    return v.slice(1, close);
  }
  const colon = v.indexOf(':');
  const name = colon < 0 ? v : v.slice(0, colon);
  if (colon >= 0 && !/^\d{1,5}$/.test(v.slice(colon + 1))) return null;
  return name === '' ? null : name;
}

function hostAllowed(name: string, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  return allowed.includes(name) || (isIP(name) === 0 && allowed.includes(name.replace(/\.$/, '')));
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses requests for a Host the server was not configured for (421), and state-changing requests from a
 * foreign Origin (403). Requests without an Origin (curl, scripts, same-origin GETs) pass: the Origin check
 * is a browser defence.
 */
export function checkRequestEdge(req: IncomingMessage, options: GuardOptions): void {
  const allowed = options.allowedHosts ?? LOOPBACK_HOSTS;
  const host = hostName(req.headers.host);
  if (host === null) throw new HttpError(400, 'E_HOST', 'api: the request has no valid Host header');
  if (!hostAllowed(host, allowed)) {
    throw new HttpError(
      421,
      'E_HOST',
      `api: this server does not answer to host ${JSON.stringify(host)} (start it with --host or --allowed-hosts to open it)`,
    );
  }
  if (!STATE_CHANGING.has(req.method ?? 'GET')) return;
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site') {
    throw new HttpError(403, 'E_ORIGIN', 'api: cross-site requests may not change state');
  }
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let originHost: string | null = null;
  try {
    const u = new URL(origin);
    if (u.protocol === 'http:' || u.protocol === 'https:')
      originHost = `${u.hostname}${u.port ? `:${u.port}` : ''}`;
  } catch {
    originHost = null;
  }
  const requestHost = (req.headers.host ?? '').trim().toLowerCase();
  if (originHost === null || originHost.toLowerCase() !== requestHost) {
    throw new HttpError(
      403,
      'E_ORIGIN',
      `api: requests from origin ${JSON.stringify(origin)} may not change state`,
    );
  }
}

/** The media type of a Content-Type header (`text/plain; charset=utf-8` → `text/plain`), lower-case. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** A JSON media type: `application/json` or `application/<something>+json`. */
export function isJsonType(type: string): boolean {
  return type === 'application/json' || /^application\/[a-z0-9.+-]*\+json$/.test(type);
}

const TEXT_TYPES = new Set([
  '',
  'application/xml',
  'application/xhtml+xml',
  // What `curl -d` sends: the body is still the text.
  'application/x-www-form-urlencoded',
  // Sniffed by the decoder, which refuses binary data.
  'application/octet-stream',
]);

/**
 * Checks the body type of a POST to `/api/analyze`: text, HTML or JSON only (images, archives and
 * multipart forms are refused with 415, not analysed as text), and JSON only when the result is stored.
 */
export function checkBodyType(contentType: string | undefined, store: boolean): void {
  const type = mediaType(contentType);
  const ok = type.startsWith('text/') || isJsonType(type) || TEXT_TYPES.has(type);
  if (!ok) {
    throw new HttpError(
      415,
      'E_MEDIA_TYPE',
      `api: cannot analyse a ${type} body; send text/plain, text/html or application/json`,
    );
  }
  if (store && !isJsonType(type)) {
    throw new HttpError(
      415,
      'E_MEDIA_TYPE',
      'api: ?store=1 needs an application/json body like {"text": "…"} (other types cannot be stored)',
    );
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a JSON body as strict UTF-8: invalid bytes are a 400, never silently replaced. */
export function decodeJsonBody(body: Buffer): string {
  try {
    return STRICT_UTF8.decode(body);
  } catch {
    throw new NewsintelError('E_INPUT_ENCODING', 'api: the JSON body is not valid UTF-8');
  }
}

/** The security headers sent with every response. */
export const EDGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Referrer-Policy': 'no-referrer',
});

/**
 * A re-post of stored text (same id) with different metadata: the stored record is kept unchanged and the
 * client gets an explicit 409 naming the fields that differ, instead of an answer that shows metadata the
 * database does not hold. Identical re-posts pass (200, `X-Newsintel-Store: already stored`).
 */
export function storedConflict(posted: Analysis, stored: Analysis | null): void {
  if (!stored) return;
  const fields = metadataDifferences(stored.article, posted.article);
  if (fields.length === 0) return;
  throw new HttpError(
    409,
    'E_CONFLICT',
    `api: this text is already stored as ${stored.article.id} with different ${fields.join(', ')}; the stored record was not changed`,
  );
}
