import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { NewsintelError } from '../../core/errors.js';
import { addressInCidrs, isBlockedHostName, isIpLiteral, judgeAddress } from './address-guard.js';
import { type DetectedCharset, decodeFetched } from './charset.js';

/** Resolves a host name to its addresses (injectable, so tests never need real DNS). */
export type Resolver = (host: string) => Promise<readonly { address: string; family: number }[]>;

/** Options for one guarded fetch. Validated by `fetchOptions`, then frozen. */
export interface FetchOptions {
  /** Whole-request deadline in milliseconds, redirects included (default 20 s). */
  timeoutMs?: number;
  /** Largest accepted body in bytes, after decompression (default 5 MiB). */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  /**
   * Opens the SSRF guard for private, loopback and link-local addresses (a newsroom CMS on the intranet).
   * http/https only still holds. Default false.
   */
  allowPrivate?: boolean;
  /** Narrower than `allowPrivate`: only these CIDRs (`10.1.2.0/24`, `127.0.0.1`) are let through. */
  allowCidrs?: readonly string[];
  /** DNS resolver (default: the system resolver, all addresses). */
  resolver?: Resolver;
  /** Extra request headers (e.g. `If-None-Match`, `If-Modified-Since` for conditional GET). */
  headers?: Readonly<Record<string, string>>;
  /** Sent as User-Agent. */
  userAgent?: string;
}

export type ResolvedFetchOptions = Readonly<Required<Omit<FetchOptions, 'headers'>>> & {
  readonly headers: Readonly<Record<string, string>>;
};

/** The outcome of a fetch that got an answer: a body, or "not modified" for a conditional GET. */
export interface FetchResult {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** The body bytes (decompressed); empty for 304. */
  bytes: Buffer;
  /** The body decoded with the detected charset; empty for 304. */
  text: string;
  charset: DetectedCharset | null;
  /** Every URL that redirected, in order. */
  redirects: string[];
}

export const DEFAULT_FETCH_TIMEOUT_MS = 20_000;
export const DEFAULT_FETCH_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;
const USER_AGENT = 'newsintel/0.1 (+https://github.com/newsintel)';

const systemResolver: Resolver = async (host) => dnsLookup(host, { all: true, verbatim: true });

/** Validates and freezes fetch options once (bad values are a coded `E_OPTIONS` error). */
export function fetchOptions(o: FetchOptions = {}): ResolvedFetchOptions {
  const num = (v: number | undefined, name: string, def: number, min: number): number => {
    if (v === undefined) return def;
    if (!Number.isFinite(v) || v < min)
      throw new NewsintelError('E_OPTIONS', `fetch: ${name} must be a number ≥ ${min}, got ${String(v)}`);
    return v;
  };
  for (const c of o.allowCidrs ?? []) {
    if (!isIpLiteral(c.split('/')[0]!)) throw new NewsintelError('E_OPTIONS', `fetch: not a CIDR: ${c}`);
  }
  return Object.freeze({
    timeoutMs: num(o.timeoutMs, 'timeoutMs', DEFAULT_FETCH_TIMEOUT_MS, 1),
    maxBytes: num(o.maxBytes, 'maxBytes', DEFAULT_FETCH_MAX_BYTES, 1),
    maxRedirects: num(o.maxRedirects, 'maxRedirects', DEFAULT_MAX_REDIRECTS, 0),
    allowPrivate: o.allowPrivate === true,
    allowCidrs: Object.freeze([...(o.allowCidrs ?? [])]),
    resolver: o.resolver ?? systemResolver,
    headers: Object.freeze({ ...(o.headers ?? {}) }),
    userAgent: o.userAgent ?? USER_AGENT,
  });
}

function blocked(url: string, why: string): NewsintelError {
  return new NewsintelError(
    'E_FETCH_BLOCKED',
    `fetch: refused ${url}: ${why} (the SSRF guard allows only public addresses; --allow-private opens it)`,
  );
}

/** Judges one resolved or literal address under the options' policy; throws `E_FETCH_BLOCKED`. */
function checkAddress(url: string, address: string, o: ResolvedFetchOptions): void {
  if (o.allowPrivate || addressInCidrs(address, o.allowCidrs)) return;
  const v = judgeAddress(address);
  if (v.blocked) throw blocked(url, `${address} is ${v.reason}`);
}

/**
 * Checks a URL before any connection: http or https only, no host name that means this machine, and an IP
 * literal host (in any encoding the URL parser accepts: `2130706433`, `0x7f.1`, `[::ffff:127.0.0.1]`) must
 * be public. DNS names are checked after resolution, by `fetchUrl`'s lookup.
 */
export function checkUrl(raw: string | URL, options: FetchOptions = {}): URL {
  return checkUrlWith(raw, fetchOptions(options));
}

function checkUrlWith(raw: string | URL, o: ResolvedFetchOptions): URL {
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    throw new NewsintelError('E_USAGE', `fetch: not a URL: ${String(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw blocked(url.href, `only http and https are fetched, not ${url.protocol.replace(/:$/, '')}`);
  }
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (host === '') throw new NewsintelError('E_USAGE', `fetch: the URL has no host: ${url.href}`);
  if (isIpLiteral(host)) checkAddress(url.href, host, o);
  else if (!o.allowPrivate && isBlockedHostName(host))
    throw blocked(url.href, `${host} names this machine or a metadata service`);
  return url;
}

function header(res: IncomingMessage, name: string): string | null {
  const v = res.headers[name];
  if (Array.isArray(v)) return v[0] ?? null;
  return v ?? null;
}

/** One request with no redirect handling; the connection goes to the address the guard checked. */
function requestOnce(url: URL, o: ResolvedFetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    let guardError: unknown = null;
    // The lookup the socket uses to connect: every address is checked, and the socket connects only to
    // what was checked, so a second DNS answer (rebinding) can never slip in between check and connect.
    const lookup = (
      hostname: string,
      opts: { all?: boolean },
      cb: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
    ): void => {
      o.resolver(hostname).then(
        (addrs) => {
          try {
            if (addrs.length === 0) throw new NewsintelError('E_FETCH', `fetch: ${hostname} has no address`);
            for (const a of addrs) checkAddress(url.href, a.address, o);
          } catch (e) {
            guardError = e;
            cb(e as Error, '', 4);
            return;
          }
          if (opts.all)
            cb(
              null,
              addrs.map((a) => ({ address: a.address, family: a.family })),
            );
          else cb(null, addrs[0]!.address, addrs[0]!.family);
        },
        (e: unknown) => {
          guardError = new NewsintelError(
            'E_FETCH',
            `fetch: cannot resolve ${hostname} (${(e as Error).message})`,
          );
          cb(guardError as Error, '', 4);
        },
      );
    };
    const mod = url.protocol === 'https:' ? https : http;
    const req = mod.request(url, {
      method: 'GET',
      agent: false,
      lookup: lookup as never,
      signal,
      headers: {
        'User-Agent': o.userAgent,
        Accept:
          'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        'Accept-Encoding': 'gzip, deflate, br',
        ...o.headers,
      },
    });
    req.on('response', resolve);
    req.on('error', (e) => reject(guardError ?? e));
    req.end();
  });
}

/** Reads a response body, decompressing it, and stops as soon as it passes `maxBytes`. */
async function readBody(res: IncomingMessage, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(header(res, 'content-length'));
  const tooLarge = () =>
    new NewsintelError(
      'E_INPUT_TOO_LARGE',
      `fetch: ${url} is over the ${maxBytes}-byte limit (raise --max-bytes)`,
    );
  const encoding = (header(res, 'content-encoding') ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') {
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.destroy();
      throw tooLarge();
    }
  }
  let stream: NodeJS.ReadableStream = res;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(zlib.createGunzip());
  else if (encoding === 'deflate') stream = res.pipe(zlib.createInflate());
  else if (encoding === 'br') stream = res.pipe(zlib.createBrotliDecompress());
  else if (encoding !== '' && encoding !== 'identity') {
    res.destroy();
    throw new NewsintelError('E_FETCH', `fetch: ${url} uses an unknown content encoding ${encoding}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    res.destroy();
    if (e instanceof NewsintelError) throw e;
    throw new NewsintelError('E_FETCH', `fetch: reading ${url} failed (${(e as Error).message})`);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches a URL behind the SSRF guard: http/https only; every DNS answer checked and the connection pinned
 * to the checked address; every redirect (at most `maxRedirects`) checked again from scratch; one deadline
 * for the whole chain; the body capped at `maxBytes` after decompression and decoded by its charset (BOM,
 * header, `<meta charset>`, XML declaration). A 304 to a conditional GET is a result (`notModified`), any
 * other non-2xx status an `E_FETCH` error.
 */
export async function fetchUrl(raw: string | URL, options: FetchOptions = {}): Promise<FetchResult> {
  const o = fetchOptions(options);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeoutMs);
  const redirects: string[] = [];
  try {
    let url = checkUrlWith(raw, o);
    for (;;) {
      let res: IncomingMessage;
      try {
        res = await requestOnce(url, o, controller.signal);
      } catch (e) {
        if (timedOut)
          throw new NewsintelError('E_FETCH', `fetch: ${url.href} timed out after ${o.timeoutMs} ms`);
        if (e instanceof NewsintelError) throw e;
        throw new NewsintelError('E_FETCH', `fetch: ${url.href} failed (${(e as Error).message})`);
      }
      const status = res.statusCode ?? 0;
      const location = header(res, 'location');
      if ([301, 302, 303, 307, 308].includes(status) && location) {
        res.resume();
        if (redirects.length >= o.maxRedirects) {
          throw new NewsintelError(
            'E_FETCH',
            `fetch: ${String(raw)} redirected more than ${o.maxRedirects} times`,
          );
        }
        redirects.push(url.href);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new NewsintelError('E_FETCH', `fetch: ${url.href} redirected to a malformed URL`);
        }
        url = checkUrlWith(next, o);
        continue;
      }
      const base = {
        url: url.href,
        status,
        contentType: header(res, 'content-type'),
        etag: header(res, 'etag'),
        lastModified: header(res, 'last-modified'),
        redirects,
      };
      if (status === 304) {
        res.resume();
        return { ...base, notModified: true, bytes: Buffer.alloc(0), text: '', charset: null };
      }
      if (status < 200 || status > 299) {
        res.resume();
        throw new NewsintelError(
          'E_FETCH',
          `fetch: ${url.href} answered HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`,
        );
      }
      let bytes: Buffer;
      try {
        bytes = await readBody(res, url.href, o.maxBytes);
      } catch (e) {
        if (timedOut)
          throw new NewsintelError('E_FETCH', `fetch: ${url.href} timed out after ${o.timeoutMs} ms`);
        throw e;
      }
      const { text, charset } = decodeFetched(bytes, base.contentType);
      return { ...base, notModified: false, bytes, text, charset };
    }
  } finally {
    clearTimeout(timer);
  }
}
