import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentSource } from '../core/document.js';
import { isNewsintelError } from '../core/errors.js';
import type { Analysis } from '../core/types.js';
import { readFileCapped } from '../ingest/bounded-read.js';
import { decodeInput } from '../ingest/decode.js';
import type { FetchOptions } from '../ingest/fetch/safe-fetch.js';
import { extensionVerdict, readInput } from '../ingest/read-input.js';
import type { ArticleStore, PackedArticle, SaveResult } from '../storage/index.js';
import type { AnalyzeOptions } from './analyze.js';
import { ArticleWriter, linkAfterSave } from './article-writer.js';
import { ingestFeedItems, ingestUrl, isUrlInput } from './ingest-url.js';
import type { AnalysisPool } from './pool/analysis-pool.js';
import { forEachLimit } from './pool/limit.js';

/** Default per-file size limit: far above any wire story, low enough to refuse a stray archive or dump. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** File types a folder walk picks up. Files named explicitly are read whatever their extension. */
export const INGEST_EXTENSIONS: readonly string[] = [
  '.txt',
  '.json',
  '.jsonl',
  '.ndjson',
  '.html',
  '.htm',
  '.xhtml',
  '.xml',
  '.rss',
  '.atom',
];

/** A folder's own documentation (README.md, LICENSE), passed over in folder walks without a word. */
const FOLDER_DOCS = /^(?:readme|licen[cs]e|copying|notice|changelog|authors)(?:\.[a-z]{1,8})?$/i;

export interface IngestOptions {
  db: ArticleStore;
  /** Per-file limit in bytes (default 5 MB). */
  maxBytes?: number;
  /** Called after each file, for progress bars. */
  onProgress?: (p: IngestProgress) => void;
  /** Metadata overrides applied to every article (e.g. a source name for a folder of plain text). */
  analyze?: AnalyzeOptions;
  /**
   * Analyses files on a worker pool (`--jobs`), several at once; saves stay in this thread (one writer) and
   * results are reported in file order. Without it, files are analysed one by one in this thread.
   */
  pool?: AnalysisPool;
  /** How URLs (inputs and feed item links) are fetched: SSRF guard, timeout, size cap. */
  fetch?: FetchOptions;
  /**
   * For a feed read from a file: fetch each item's link and extract the page (true), or store the text the
   * feed carries (false, the default; no network). A feed fetched from a URL always fetches its links.
   */
  fetchLinks?: boolean;
  /**
   * The writer that saves and links articles with group commit (`ingest` makes one for its run); without it,
   * each article is saved and linked in a transaction of its own.
   */
  writer?: ArticleWriter;
}

export interface IngestProgress {
  done: number;
  total: number;
  path: string;
}

export interface IngestedArticle {
  id: string;
  /** The file, with `#n` for the n-th record of a multi-record file (JSONL, feeds). */
  path: string;
  headline: string | null;
}

export interface IngestFailure {
  path: string;
  reason: string;
  code?: string;
}

export interface IngestResult {
  stored: IngestedArticle[];
  /** Already in the store (same content hash). */
  skipped: IngestedArticle[];
  failed: IngestFailure[];
}

export function reasonOf(e: unknown): { reason: string; code?: string } {
  if (isNewsintelError(e)) return { reason: e.message, code: e.code };
  return { reason: e instanceof Error ? e.message : String(e) };
}

/**
 * Expands files and folders (recursively, skipping hidden entries and unknown extensions) into a sorted
 * file list. Paths that do not exist are reported, not thrown, so one typo does not stop a batch.
 */
export async function collectFiles(
  paths: readonly string[],
): Promise<{ files: string[]; failed: IngestFailure[] }> {
  const files: string[] = [];
  const failed: IngestFailure[] = [];
  const seenDirs = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir);
    if (seenDirs.has(real)) return; // symlink loop
    seenDirs.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      let s: Awaited<ReturnType<typeof stat>>;
      try {
        s = await stat(p);
      } catch {
        continue; // dangling symlink
      }
      if (s.isDirectory()) await walk(p);
      else if (s.isFile() && INGEST_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) files.push(p);
      else if (s.isFile() && !FOLDER_DOCS.test(e.name)) {
        // Listed, not skipped silently: a folder of .tml files must not report "stored 0, failed 0".
        const why =
          extensionVerdict(e.name) ?? 'a file with no extension in a folder; name it explicitly to read it';
        failed.push({ path: p, reason: why, code: 'E_INPUT_UNSUPPORTED' });
      }
    }
  };
  for (const p of paths) {
    try {
      const s = await stat(p);
      if (s.isDirectory()) await walk(p);
      else files.push(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      failed.push({ path: p, reason: code === 'ENOENT' ? 'no such file or folder' : reasonOf(e).reason });
    }
  }
  return { files: [...new Set(files)], failed };
}

/**
 * Reads, analyses and stores files and folders. Each article is saved in its own transaction, so a bad file
 * (empty, binary, too large, not UTF-8, unparseable) is listed in `failed` with its reason while the good ones
 * in the same folder are stored, and nothing already stored is touched. Re-ingesting is a no-op per article
 * (`skipped`), because ids are content hashes.
 */
export async function ingest(paths: readonly string[], options: IngestOptions): Promise<IngestResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const result: IngestResult = { stored: [], skipped: [], failed: [] };
  const urls = paths.filter(isUrlInput);
  const { files, failed } = await collectFiles(paths.filter((p) => !isUrlInput(p)));
  result.failed.push(...failed);
  let done = 0;
  // Files in flight: each worker has its next file queued while its last result waits for the writer's commit
  // (group commit: results that arrive together are saved in one transaction).
  const parts = files.map((): IngestResult => ({ stored: [], skipped: [], failed: [] }));
  const inFlight = options.pool ? Math.max(1, options.pool.options.jobs) * 4 : 1;
  const run: IngestOptions = { ...options, writer: options.writer ?? new ArticleWriter(options.db) };
  await forEachLimit(files, inFlight, async (file, i) => {
    await ingestFile(file, maxBytes, run, parts[i]!);
    options.onProgress?.({ done: ++done, total: files.length + urls.length, path: file });
  });
  for (const p of parts) {
    result.stored.push(...p.stored);
    result.skipped.push(...p.skipped);
    result.failed.push(...p.failed);
  }
  for (const url of urls) {
    await ingestUrl(url, run, result);
    options.onProgress?.({ done: ++done, total: files.length + urls.length, path: url });
  }
  return result;
}

async function ingestFile(
  file: string,
  maxBytes: number,
  options: IngestOptions,
  result: IngestResult,
): Promise<void> {
  let buf: Buffer;
  try {
    const s = await stat(file);
    // Check the size before reading, so a huge file is never loaded into memory.
    if (s.size > maxBytes) {
      result.failed.push({
        path: file,
        reason: `file is ${s.size} bytes, over the ${maxBytes}-byte limit (raise it with --max-bytes)`,
        code: 'E_INPUT_TOO_LARGE',
      });
      return;
    }
    // Counted while reading: devices such as /dev/zero report size 0; named pipes are refused.
    buf = await readFileCapped(file, maxBytes);
  } catch (e) {
    result.failed.push({ path: file, ...reasonOf(e) });
    return;
  }
  let read: ReturnType<typeof readInput>;
  try {
    // Empty, binary, oversized and non-UTF-8 input is refused here with a coded reason; UTF-16 is decoded.
    const text = decodeInput(buf, { maxBytes });
    read = readInput(text, { filename: file, maxBytes });
  } catch (e) {
    result.failed.push({ path: file, ...reasonOf(e) });
    return;
  }
  const many = read.sources.length + read.errors.length > 1;
  for (const err of read.errors) {
    result.failed.push({
      path: err.record ? `${file}#${err.record}` : file,
      reason: err.message,
      code: 'E_INPUT_FORMAT',
    });
  }
  if (read.feed && options.fetchLinks) {
    await ingestFeedItems(read.feed, file, options, result);
    return;
  }
  if (read.sources.length === 0 && read.errors.length === 0) {
    result.failed.push({ path: file, reason: 'no article found', code: 'E_INPUT_FORMAT' });
  }
  // With a pool, the records of a multi-record file (JSONL) are analysed ahead, a window at a time, and saved
  // in order.
  const ahead = options.pool ? Math.max(1, options.pool.options.jobs) * 2 : 0;
  const started: Promise<{ analysis: Analysis; packed?: PackedArticle }>[] = [];
  const analysisOf = (i: number): Promise<{ analysis: Analysis; packed?: PackedArticle }> => {
    for (let j = started.length; j <= Math.min(i + ahead, read.sources.length - 1); j++) {
      const source = read.sources[j]!;
      // A worker also compresses what the store keeps, so the single writer does not.
      const p = options.pool
        ? options.pool.run({ kind: 'source', source, options: options.analyze, pack: true })
        : analyzeHere(source, options.analyze).then((analysis) => ({ analysis }));
      p.catch(() => {}); // awaited below, in order
      started.push(p);
    }
    return started[i]!;
  };
  for (const [i, source] of read.sources.entries()) {
    const where = many ? `${file}#${i + 1}` : file;
    try {
      const { analysis, packed } = await analysisOf(i);
      await saveAnalysis(analysis, source.raw, where, options, result, packed);
    } catch (e) {
      result.failed.push({ path: where, ...reasonOf(e) });
    }
  }
}

/**
 * Analyses in this thread. The pipeline module is imported only here, so an ingest on a worker pool never loads
 * the models and lexicons in the main thread (cold start: the workers load them while this thread opens the
 * store and reads files).
 */
export async function analyzeHere(source: DocumentSource, options?: AnalyzeOptions): Promise<Analysis> {
  const { analyzeDocument, toAnalysis } = await import('./analyze.js');
  return toAnalysis(analyzeDocument(source, options));
}

/**
 * Saves one analysis (and links it, in the same transaction) and records the outcome. A story already stored
 * under another input (same repaired text) is `skipped` with the stored article's id, and the new origin is
 * recorded; corpus linking runs for the article actually stored.
 */
export async function saveAnalysis(
  analysis: Analysis,
  raw: string,
  where: string,
  options: Pick<IngestOptions, 'db' | 'writer'>,
  result: IngestResult,
  packed?: PackedArticle,
): Promise<void> {
  const request = { analysis, raw, origin: where, packed };
  const saved = options.writer ? await options.writer.write(request) : await saveAndLink(options.db, request);
  const item = { id: saved.id, path: where, headline: analysis.article.headline };
  (saved.status === 'stored' ? result.stored : result.skipped).push(item);
}

/**
 * Saves one article and links it into the corpus (versions, clusters, actors) in one transaction; linking is
 * a no-op when already linked. A failed linking leaves the article saved and throws (the next ingest links it).
 */
export async function saveAndLink(
  db: ArticleStore,
  request: { analysis: Analysis; raw: string; origin: string | null; packed?: PackedArticle },
): Promise<SaveResult> {
  const [o] = await db.saveBatch([request], linkAfterSave(db));
  if (!o!.ok) throw o!.error;
  if (o!.afterError !== undefined) throw o!.afterError;
  return o!.saved;
}
