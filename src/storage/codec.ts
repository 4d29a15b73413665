import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { NewsintelError } from '../core/errors.js';
import type { Analysis } from '../core/types.js';

/**
 * Compressed columns. Raw inputs and analysis objects are written once and read whole, so they are kept as
 * brotli bytes (`BLOB` in SQLite, `bytea` in PostgreSQL): about a fifth of their text size. Quality 6 is
 * ~1 ms per story to compress (quality 11 would be 20× slower for 1% less).
 */
const QUALITY = 6;

/** UTF-8 text → brotli bytes. */
export function packText(text: string): Uint8Array {
  const input = Buffer.from(text, 'utf8');
  return brotliCompressSync(input, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: input.length,
    },
  });
}

/** brotli bytes → text; a storage error when the bytes are not ours (corruption, a foreign writer). */
export function unpackText(bytes: Uint8Array): string {
  try {
    return brotliDecompressSync(bytes).toString('utf8');
  } catch (e) {
    throw new NewsintelError(
      'E_STORAGE',
      `storage: a compressed column cannot be read (${(e as Error).message})`,
    );
  }
}

/**
 * An analysis for storage: its JSON without `article.text` (kept once, in `articles.text`), compressed. The
 * key stays (empty) so `unpackAnalysis` restores the object with its keys in the original order.
 */
export function packAnalysis(analysis: Analysis): Uint8Array {
  return packText(JSON.stringify({ ...analysis, article: { ...analysis.article, text: '' } }));
}

/** The stored analysis, with the article text put back. */
export function unpackAnalysis(bytes: Uint8Array, text: string): Analysis {
  const analysis = JSON.parse(unpackText(bytes)) as Analysis;
  analysis.article.text = text;
  return analysis;
}
