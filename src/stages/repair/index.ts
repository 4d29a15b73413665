import type { Document } from '../../core/document.js';
import { NewsintelError } from '../../core/errors.js';
import { defineStage, type Stage } from '../../core/stage.js';
import { cleanChars } from './clean-chars.js';
import { composeRepairs, type RepairResult } from './compose.js';
import { layoutEdits } from './layout.js';

/** Options of the repair stage. */
export interface RepairOptions {
  /**
   * Run the character clean-up pass (mojibake, no-break spaces, control characters). Default true; turn it
   * off only for input known to be clean, to keep `article.text` byte-identical to the raw body.
   */
  cleanCharacters?: boolean;
}

/**
 * Repairs one raw body: character clean-up, then layout (paragraphs, stray line breaks, `Indo- Pacific`,
 * space runs, slug markers). Exported for readers and tools that need repaired text outside a pipeline.
 */
export function repairText(body: string, rawOffset = 0, options: RepairOptions = {}): RepairResult {
  const clean = options.cleanCharacters ?? true;
  return composeRepairs(body, rawOffset, clean ? cleanChars : () => [], layoutEdits);
}

/**
 * The repair stage: the first stage of every pipeline. It assigns the one text all later spans index into,
 * the offset map back to the raw input, and the list of every change, including the reader's own repairs
 * (e.g. a removed truncated standfirst), so that each piece of evidence can be traced to the raw bytes.
 */
export function repairStage(options: RepairOptions = {}): Stage<RepairOptions> {
  if (options.cleanCharacters !== undefined && typeof options.cleanCharacters !== 'boolean') {
    throw new NewsintelError('E_OPTIONS', 'repair: cleanCharacters must be a boolean');
  }
  return defineStage({
    name: 'repair',
    requires: [],
    assigns: ['text', 'offsetMap', 'repairs'],
    options,
    run(doc: Document) {
      const result = repairText(doc.rawBody, doc.source.body.start, options);
      const repairs = [...doc.source.repairs, ...result.repairs].sort(
        (a, b) => a.raw.start - b.raw.start || a.start - b.start,
      );
      return { text: result.text, offsetMap: result.offsetMap, repairs };
    },
  });
}
