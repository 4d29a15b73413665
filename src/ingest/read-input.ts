import type { DocumentSource } from '../core/document.js';
import { NewsintelError } from '../core/errors.js';
import { decodeInput } from './decode.js';
import { type ParsedFeed, parseFeed, sniffMarkup } from './feed.js';
import { feedItemSource } from './feed-items.js';
import { extractHtml } from './html-extract.js';
import { type InputError, readJsonRecords } from './json-records.js';
import { readWireText } from './wire-text.js';

/** Options for reading one input file. */
export interface ReadInputOptions {
  /** Used for its extension, to pick the reader (`.json`, `.jsonl`, `.ndjson`, `.html`, `.htm`, `.xml`, …). */
  filename?: string;
  /** Size limit in bytes (default 5 MiB). */
  maxBytes?: number;
  /** The URL the input was fetched from (resolves relative links; the article URL when the page has none). */
  url?: string | null;
}

export interface ReadInputResult {
  format: InputFormat;
  sources: DocumentSource[];
  /** Records that could not be read (JSON Lines, feed items); the others are still returned. */
  errors: InputError[];
  /** For a feed: the parsed feed, so callers can fetch item links. Sources are then one per item with text. */
  feed?: ParsedFeed;
}

/** Formats the readers understand. */
export type InputFormat = 'json' | 'html' | 'wire' | 'feed';

/** Extensions of files read as articles or feeds. */
export const TEXT_EXTENSIONS: Readonly<Record<string, InputFormat | 'markup'>> = Object.freeze({
  txt: 'wire',
  text: 'wire',
  json: 'json',
  jsonl: 'json',
  ndjson: 'json',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  xml: 'markup',
  rss: 'markup',
  atom: 'markup',
});

/** Known formats we do not read as articles, with the reason given to the user. */
const NOT_ARTICLES: Readonly<Record<string, string>> = Object.freeze({
  tml: 'a TimeML annotation file (TempEval), not an article; score against it with `newsintel evaluate timeml`',
  timeml:
    'a TimeML annotation file (TempEval), not an article; score against it with `newsintel evaluate timeml`',
  conll: 'a CoNLL annotation file, not an article; score against it with `newsintel evaluate conll`',
  ann: 'a brat annotation file, not an article',
  csv: 'a CSV table; newsintel reads one article per file, or JSON Lines with a "text" field per record',
  tsv: 'a TSV table; newsintel reads one article per file, or JSON Lines with a "text" field per record',
  md: 'a Markdown file; rename it to .txt if it is an article',
  pdf: 'a PDF document; extract its text first',
  doc: 'a Word document; save it as text or HTML first',
  docx: 'a Word document; save it as text or HTML first',
});

function unsupported(why: string): NewsintelError {
  return new NewsintelError('E_INPUT_UNSUPPORTED', `input: ${why}`);
}

function extensionOf(filename?: string): string | null {
  if (!filename) return null;
  const base = filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : null;
}

/**
 * Why a file is not read, judged by its name alone: a known non-article format (TimeML, CoNLL, PDF…) or an
 * unknown extension. Null when the extension is one we read, or when there is none (the content decides).
 * Folder walks use it to list what they pass over instead of skipping it silently.
 */
export function extensionVerdict(filename: string): string | null {
  const ext = extensionOf(filename);
  if (!ext) return null;
  if (NOT_ARTICLES[ext]) return `this is ${NOT_ARTICLES[ext]}`;
  if (TEXT_EXTENSIONS[ext] === undefined) {
    return `unknown file type .${ext}; newsintel reads .txt (wire text), .json/.jsonl, .html and RSS/Atom/JSON feeds (.xml, .rss, .atom)`;
  }
  return null;
}

/**
 * Picks the reader. Markup is recognised by its root element whatever the extension (an RSS file saved as
 * `.txt` is still a feed, a TimeML file is refused); otherwise the extension decides, then the content
 * (`{`/`[` → JSON, else wire text). Throws `E_INPUT_UNSUPPORTED` for formats we know and do not read, and for
 * unknown extensions, with the reason.
 */
export function detectFormat(text: string, filename?: string): InputFormat {
  const ext = extensionOf(filename);
  if (ext && NOT_ARTICLES[ext]) throw unsupported(`this is ${NOT_ARTICLES[ext]}`);
  const markup = sniffMarkup(text);
  if (markup === 'timeml') throw unsupported(`this is ${NOT_ARTICLES.tml}`);
  if (markup === 'rss' || markup === 'rdf' || markup === 'atom' || markup === 'json') return 'feed';
  if (markup === 'html') return 'html';
  const known = ext ? TEXT_EXTENSIONS[ext] : undefined;
  const verdict = filename ? extensionVerdict(filename) : null;
  if (verdict) throw unsupported(verdict);
  // Plain text under a markup name: what we store as `raw` for a page or a feed item is its extracted text,
  // and `reanalyze` reads it back under the page's or feed's name.
  if (markup === null && (known === 'html' || known === 'markup') && !text.trimStart().startsWith('<'))
    return 'wire';
  if (markup === 'xml' && known === 'html') return 'html';
  if (markup === 'xml' || known === 'markup') {
    if (markup === 'xml') throw unsupported('an XML document that is neither a feed (RSS, Atom) nor HTML');
    throw unsupported('not a feed: expected an <rss>, <feed> or <rdf:RDF> root element');
  }
  if (known === 'json' || known === 'html' || known === 'wire') return known;
  const head = text.slice(0, 512).trimStart();
  if (/^[[{]/.test(head)) return 'json';
  if (head.startsWith('<') && /^<(?:html|head|body|div|p|article)\b/i.test(head)) return 'html';
  return 'wire';
}

/**
 * Reads one input into sources: decodes it (coded errors for empty, binary, oversized or mis-encoded input),
 * picks the reader, and returns one source per article: one for wire text and HTML, one per record for JSON,
 * one per item with text for a feed (never the feed itself as an article). Throws `E_INPUT_FORMAT` when
 * JSON input yields no record at all, `E_INPUT_UNSUPPORTED` for formats we do not read.
 */
export function readInput(buf: Uint8Array | string, opts: ReadInputOptions = {}): ReadInputResult {
  const text = decodeInput(buf, { maxBytes: opts.maxBytes });
  const format = detectFormat(text, opts.filename);
  if (format === 'feed') {
    const feed = parseFeed(text, opts.url ?? null);
    const sources: DocumentSource[] = [];
    const errors: InputError[] = feed.errors.map((e) => ({ record: e.item, message: e.message }));
    feed.items.forEach((item, i) => {
      const s = feedItemSource(item, feed);
      if (s) sources.push(s);
      else if (!item.link) errors.push({ record: i + 1, message: `item ${i + 1}: no text` });
    });
    return { format, sources, errors, feed };
  }
  if (format === 'json') {
    const { sources, errors } = readJsonRecords(text);
    if (sources.length === 0) {
      const first = errors[0]?.message ?? 'no records';
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
      throw new NewsintelError('E_INPUT_FORMAT', `input: no readable JSON record: ${first}${more}`);
    }
    return { format, sources, errors };
  }
  if (format === 'html') {
    const source = extractHtml(text, { url: opts.url });
    if (source.raw.trim() === '')
      throw new NewsintelError('E_INPUT_FORMAT', 'input: the HTML page has no article text');
    return { format, sources: [source], errors: [] };
  }
  return { format, sources: [readWireText(text)], errors: [] };
}
