/**
 * Coded errors. Codes are stable strings so that the CLI and HTTP edge can map them to exit codes and
 * status codes without parsing messages; causes are wrapped with a layer prefix (`storage: …`).
 */
export type ErrorCode =
  | 'E_PIPELINE_ORDER'
  | 'E_STAGE_CONTRACT'
  | 'E_OPTIONS'
  | 'E_INPUT_EMPTY'
  | 'E_INPUT_BINARY'
  | 'E_INPUT_TOO_LARGE'
  | 'E_INPUT_ENCODING'
  | 'E_INPUT_FORMAT'
  | 'E_NOT_FOUND'
  | 'E_STORAGE'
  | 'E_USAGE'
  | 'E_EVAL_DATA'
  /** A URL could not be fetched (network error, timeout, HTTP error status, too many redirects). */
  | 'E_FETCH'
  /** The SSRF guard refused a URL (private, loopback, metadata address; not http/https). */
  | 'E_FETCH_BLOCKED'
  /** A file format newsintel does not read (TimeML, binary, unknown). */
  | 'E_INPUT_UNSUPPORTED'
  /** The analysis pool's queue is full: try again later (HTTP 503 with Retry-After). */
  | 'E_BUSY'
  /** An analysis ran past its time budget and was stopped. */
  | 'E_TIMEOUT'
  /** An analysis worker thread died (out of memory, crash); it was replaced. */
  | 'E_WORKER'
  /** A job queue operation failed or is not available (e.g. `--queue` on SQLite). */
  | 'E_QUEUE';

export class NewsintelError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NewsintelError';
    this.code = code;
  }
}

/** Wraps any thrown value with a layer prefix, keeping a NewsintelError's code. */
export function wrapError(prefix: string, cause: unknown, code: ErrorCode = 'E_STORAGE'): NewsintelError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const keep = cause instanceof NewsintelError ? cause.code : code;
  return new NewsintelError(keep, `${prefix}: ${message}`, { cause });
}

export function isNewsintelError(e: unknown): e is NewsintelError {
  return e instanceof NewsintelError;
}
