import type { DocumentSource } from '../../core/document.js';
import type { ErrorCode } from '../../core/errors.js';
import type { Analysis } from '../../core/types.js';
import type { PackedArticle } from '../../storage/store.js';
import type { AnalyzeOptions } from '../analyze.js';

/**
 * What the pool's workers do. Plain data only (structured clone), so the same messages work between threads
 * and could cross processes later.
 * - `source`: analyse a source the main thread already read (ingest reads files, then fans analyses out).
 * - `input`: decode and read raw bytes too (the API: untrusted input, so the reader's cost also counts against
 *   the budget and never runs on the event loop), then analyse the first article found.
 */
export type PoolTask =
  | {
      kind: 'source';
      source: DocumentSource;
      options?: AnalyzeOptions;
      /** Also compress what the store keeps (`PoolResult.packed`): the writer thread then need not. */
      pack?: boolean;
    }
  | {
      kind: 'input';
      bytes: Uint8Array;
      filename?: string;
      maxBytes: number;
      options?: AnalyzeOptions;
    };

/** A finished task: the analysis and the raw input it was made from (what the store keeps). */
export interface PoolResult {
  analysis: Analysis;
  raw: string;
  /** `packText(raw)` and `packAnalysis(analysis)`, when the task asked for them. */
  packed?: PackedArticle;
}

export type PoolRequest = { id: number; task: PoolTask };

export type PoolReply =
  | { id: number; ok: true; result: PoolResult }
  | { id: number; ok: false; error: { code: ErrorCode | null; message: string } };
