import type { ServerResponse } from 'node:http';
import { type ErrorCode, isNewsintelError } from '../core/errors.js';

/**
 * HTTP status per error code. Decided only here, at the edge: services throw coded errors and never know
 * about HTTP.
 */
const STATUS: Partial<Record<ErrorCode, number>> = {
  E_USAGE: 400,
  E_OPTIONS: 400,
  E_INPUT_EMPTY: 400,
  E_INPUT_ENCODING: 400,
  E_INPUT_FORMAT: 400,
  E_INPUT_BINARY: 415,
  E_INPUT_TOO_LARGE: 413,
  E_NOT_FOUND: 404,
  E_STORAGE: 500,
  E_FETCH: 502,
  E_FETCH_BLOCKED: 403,
  E_INPUT_UNSUPPORTED: 415,
  E_BUSY: 503,
  E_TIMEOUT: 503,
};

/** Codes that mean "overloaded, come back later": the message is safe to show and a Retry-After is sent. */
const RETRYABLE: ReadonlySet<string> = new Set(['E_BUSY', 'E_TIMEOUT']);

/** The status for a thrown value: its code's status, else 500. */
export function statusFor(e: unknown): number {
  return isNewsintelError(e) ? (STATUS[e.code] ?? 500) : 500;
}

/** An error response outside the coded errors (routing, methods). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/**
 * Sends `{error: {code, message}}`. Unexpected errors get a generic message (the details go to `log`), so
 * internals never leak to clients.
 */
export function sendError(
  res: ServerResponse,
  e: unknown,
  log?: (message: string) => void,
  retryAfterSeconds = 1,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (e instanceof HttpError) {
    sendJson(res, e.status, { error: { code: e.code, message: e.message } });
    return;
  }
  const status = statusFor(e);
  if (isNewsintelError(e) && status < 500) {
    const close = status === 413 ? { Connection: 'close' } : undefined;
    sendJson(res, status, { error: { code: e.code, message: e.message } }, close);
    return;
  }
  if (isNewsintelError(e) && RETRYABLE.has(e.code)) {
    sendJson(
      res,
      status,
      { error: { code: e.code, message: e.message } },
      { 'Retry-After': String(retryAfterSeconds) },
    );
    return;
  }
  log?.(`newsintel api: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  const code = isNewsintelError(e) ? e.code : 'E_INTERNAL';
  sendJson(res, status, { error: { code, message: 'internal error; see the server log' } });
}
