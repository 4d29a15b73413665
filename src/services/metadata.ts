import { NewsintelError } from '../core/errors.js';
import type { AnalyzeOptions } from './analyze.js';

/**
 * Validation of metadata given by a caller (API bodies, CLI flags) before it overrides what the reader found.
 * Why: `published` orders the article list and anchors relative dates, so a value like `<img src=x>` or
 * `2020-01-011` would be stored as given and pin the article to the top; over-long fields bloat every list.
 */

/** Length limits per field, in UTF-16 code units. */
export const METADATA_LIMITS = Object.freeze({ headline: 500, source: 200, url: 2048, published: 40 });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))?$/;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** True for an ISO 8601 calendar date (`2025-06-02`) or date-time (`2025-06-02T09:30`, `…:00Z`, `…+09:00`). */
export function isIsoDateOrDateTime(s: string): boolean {
  const d = ISO_DATE.exec(s);
  if (d) return validDay(Number(d[1]), Number(d[2]), Number(d[3]));
  const t = ISO_DATETIME.exec(s);
  if (!t) return false;
  if (!validDay(Number(t[1]), Number(t[2]), Number(t[3]))) return false;
  if (Number(t[4]) > 23 || Number(t[5]) > 59 || Number(t[6] ?? 0) > 59) return false;
  return t[7] === undefined || (Number(t[7]) <= 23 && Number(t[8]) <= 59);
}

function checkLength(field: string, v: string | null | undefined, max: number): void {
  if (typeof v === 'string' && v.length > max) {
    throw new NewsintelError('E_INPUT_FORMAT', `"${field}" is ${v.length} characters long; at most ${max}`);
  }
}

/**
 * Checks caller-given metadata and returns it trimmed and frozen; throws `E_INPUT_FORMAT` naming the field.
 * Blank values count as absent. A `url` is kept as given (the desk renders every stored field inert), only
 * its length is bounded.
 */
export function validateMetadata(meta: AnalyzeOptions): Readonly<AnalyzeOptions> {
  const blank = (v: string | null | undefined) =>
    typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  const out: { published?: string; source?: string; url?: string; headline?: string } = {
    published: blank(meta.published),
    source: blank(meta.source),
    url: blank(meta.url),
    headline: blank(meta.headline),
  };
  checkLength('published', out.published, METADATA_LIMITS.published);
  checkLength('title', out.headline, METADATA_LIMITS.headline);
  checkLength('source', out.source, METADATA_LIMITS.source);
  checkLength('url', out.url, METADATA_LIMITS.url);
  if (out.published !== undefined && !isIsoDateOrDateTime(out.published)) {
    throw new NewsintelError(
      'E_INPUT_FORMAT',
      `"published" must be an ISO date or date-time (2025-06-02, 2025-06-02T09:30:00Z), got ${JSON.stringify(out.published)}`,
    );
  }
  for (const k of Object.keys(out) as (keyof typeof out)[]) if (out[k] === undefined) delete out[k];
  return Object.freeze(out);
}

/** The metadata fields a re-post can change, with their stored and posted values where they differ. */
export function metadataDifferences(
  stored: { headline: string | null; published: string | null; source: string | null; url: string | null },
  posted: { headline: string | null; published: string | null; source: string | null; url: string | null },
): string[] {
  return (['headline', 'published', 'source', 'url'] as const).filter(
    (k) => (stored[k] ?? null) !== (posted[k] ?? null),
  );
}
