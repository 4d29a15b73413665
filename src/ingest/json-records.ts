import type { DocumentMeta, DocumentSource } from '../core/document.js';
import { agencyName } from './agencies.js';
import { normalizeDateField } from './dates.js';
import { recordBody } from './record-body.js';
import { parseTitleLine } from './title.js';

/** A source read from a JSON record; `recordId` is the record's own `id`, when it has one. */
export interface RecordSource extends DocumentSource {
  recordId: string | null;
}

/** A record or line that could not be read; `line` for JSONL, `record` (0-based) for arrays. */
export interface InputError {
  line?: number;
  record?: number;
  message: string;
}

export interface RecordsResult {
  sources: RecordSource[];
  errors: InputError[];
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * `s` without a trailing `(AFP)`, `(Xinhua) --` or `(AP) -`, as `s.replace(/\s*\([^)]*\)\s*(?:--|-)?\s*$/, '')`
 * gave it, in linear time (that regex rescans to the end from every `(`).
 */
export function withoutTrailingParen(s: string): string {
  const skipSpace = (e: number) => {
    while (e > 0 && isSpace(s[e - 1])) e--;
    return e;
  };
  const end = skipSpace(s.length);
  // After the `)`: whitespace, an optional `--` or `-`, whitespace (either dash reading may be the one that fits).
  for (const dash of [2, 1, 0]) {
    if (dash > 0 && s.slice(end - dash, end) !== '-'.repeat(dash)) continue;
    const close = skipSpace(end - dash) - 1;
    if (close < 0 || s[close] !== ')') continue;
    // The `(`: the first one after the previous `)`, as `[^)]*` cannot cross one.
    const open = s.indexOf('(', s.lastIndexOf(')', close - 1) + 1);
    if (open < 0 || open > close) continue;
    return s.slice(0, skipSpace(open));
  }
  return s;
}

/** The place of a dateline field, which may be a whole dateline (`GENEVA, April 1 , 1997 (AFP)`). */
function datelinePlace(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const m = /^(.*?),\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d/.exec(s);
  const place = (m ? m[1]! : withoutTrailingParen(s)).trim();
  return place === '' ? null : place;
}

/**
 * Turns one parsed JSON value into a source. Accepted fields: `text` (or `body`/`content`, required),
 * `title`/`headline`, `date`/`dct`/`published`, `source`, `url`, `dateline`, `byline`/`author`, `id`. The
 * title goes through the same parsing as a wire title line, so version tags and bylines are split off.
 */
export function recordToSource(value: unknown): RecordSource | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return 'a record must be a JSON object';
  const r = value as Record<string, unknown>;
  const text = [r.text, r.body, r.content].find((v) => typeof v === 'string') as string | undefined;
  if (text === undefined) return "the record has no 'text' string";
  if (text.trim() === '') return "the record's 'text' is empty";
  const warnings: string[] = [];
  const rawTitle = str(r.title) ?? str(r.headline);
  const title = rawTitle ? parseTitleLine(rawTitle) : null;
  if (title) warnings.push(...title.warnings);
  const dateValue = r.date ?? r.dct ?? r.published ?? r.published_at ?? r.publishedAt;
  const published = normalizeDateField(dateValue);
  if (dateValue !== undefined && dateValue !== null && published === null) {
    warnings.push(`unreadable date ${JSON.stringify(dateValue)}`);
  }
  // A byline, second headline or dateline at the top of the text is header, as in the wire layout.
  const inText = recordBody(text);
  warnings.push(...inText.warnings);
  const meta: DocumentMeta = {
    source: agencyName(str(r.source) ?? str(r.publisher) ?? inText.agency),
    url: str(r.url) ?? str(r.link),
    published,
    headline: title?.headline ?? null,
    byline: str(r.byline) ?? str(r.author) ?? title?.byline ?? inText.byline,
    dateline: datelinePlace(r.dateline) ?? inText.dateline,
    version: title?.version ?? null,
  };
  return {
    raw: text,
    body: inText.body,
    meta,
    repairs: inText.repairs,
    warnings,
    recordId: str(r.id),
  };
}

/**
 * Reads JSON input: one object, an array of objects, an object wrapping an array (`articles`, `items`,
 * `records`, `data`), or JSON Lines. Bad records are reported in `errors` and the good ones kept, so one
 * malformed line does not sink a feed.
 */
export function readJsonRecords(raw: string): RecordsResult {
  const sources: RecordSource[] = [];
  const errors: InputError[] = [];
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const trimmed = text.trim();
  if (trimmed === '') return { sources, errors: [{ message: 'no JSON records' }] };
  let whole: unknown;
  let parsedWhole = false;
  try {
    whole = JSON.parse(trimmed);
    parsedWhole = true;
  } catch (e) {
    if (trimmed.startsWith('[')) {
      return {
        sources,
        errors: [{ message: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` }],
      };
    }
  }
  if (parsedWhole) {
    let list: unknown[] | null = Array.isArray(whole) ? whole : null;
    if (!list && whole && typeof whole === 'object') {
      const w = whole as Record<string, unknown>;
      for (const key of ['articles', 'items', 'records', 'data']) {
        if (Array.isArray(w[key]) && typeof w.text !== 'string') {
          list = w[key] as unknown[];
          break;
        }
      }
    }
    if (!list) list = [whole];
    list.forEach((item, i) => {
      const s = recordToSource(item);
      if (typeof s === 'string') errors.push({ record: i, message: `record ${i}: ${s}` });
      else sources.push(s);
    });
    return { sources, errors };
  }
  // JSON Lines.
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      errors.push({
        line: i + 1,
        message: `line ${i + 1}: invalid JSON (${e instanceof Error ? e.message : String(e)})`,
      });
      return;
    }
    const s = recordToSource(value);
    if (typeof s === 'string') errors.push({ line: i + 1, message: `line ${i + 1}: ${s}` });
    else sources.push(s);
  });
  return { sources, errors };
}
