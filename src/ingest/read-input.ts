import type { DocumentSource } from '../core/document.js';
import { NewsintelError } from '../core/errors.js';
import { decodeInput } from './decode.js';
import { readHtml } from './html.js';
import { type InputError, readJsonRecords } from './json-records.js';
import { readWireText } from './wire-text.js';

/** Options for reading one input file. */
export interface ReadInputOptions {
  /** Used only for its extension, to pick the reader (`.json`, `.jsonl`, `.ndjson`, `.html`, `.htm`). */
  filename?: string;
  /** Size limit in bytes (default 5 MiB). */
  maxBytes?: number;
}

export interface ReadInputResult {
  sources: DocumentSource[];
  /** Records that could not be read (JSON Lines); the others are still returned. */
  errors: InputError[];
}

export type InputFormat = 'json' | 'html' | 'wire';

/** Picks the reader: by extension first, else by content (`{`/`[` → JSON, `<html`/`<!doctype` → HTML). */
export function detectFormat(text: string, filename?: string): InputFormat {
  const ext = filename ? /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() : undefined;
  if (ext === 'json' || ext === 'jsonl' || ext === 'ndjson') return 'json';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'txt' || ext === 'text') return 'wire';
  const head = text.slice(0, 512).trimStart();
  if (/^[[{]/.test(head)) return 'json';
  if (/^(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(head)) return 'html';
  return 'wire';
}

/**
 * Reads one input file into sources: decodes it (coded errors for empty, binary, oversized or mis-encoded
 * input) and hands the text to the JSON, HTML or wire-text reader. Throws `E_INPUT_FORMAT` only when JSON
 * input yields no record at all; otherwise bad records are listed in `errors`.
 */
export function readInput(buf: Uint8Array | string, opts: ReadInputOptions = {}): ReadInputResult {
  const text = decodeInput(buf, { maxBytes: opts.maxBytes });
  const format = detectFormat(text, opts.filename);
  if (format === 'json') {
    const { sources, errors } = readJsonRecords(text);
    if (sources.length === 0) {
      const first = errors[0]?.message ?? 'no records';
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
      throw new NewsintelError('E_INPUT_FORMAT', `input: no readable JSON record: ${first}${more}`);
    }
    return { sources, errors };
  }
  if (format === 'html') return { sources: [readHtml(text)], errors: [] };
  return { sources: [readWireText(text)], errors: [] };
}
