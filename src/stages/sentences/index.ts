import type { Document } from '../../core/document.js';
import { NewsintelError } from '../../core/errors.js';
import { defineStage, type Stage } from '../../core/stage.js';
import { segment } from './segment.js';

export { findParagraphs, type Segmentation, segment } from './segment.js';
export { isSpaceCode, isWordCode, type ScannedToken, scanTokens, type TokenKind } from './tokenize.js';

/** Options of the sentence stage (none yet; the object exists so that the stage signature stays stable). */
export type SentenceOptions = Record<string, never>;

/**
 * The sentences stage: paragraphs, sentences and tokens of the repaired text. Every later stage reads these
 * spans, so it is a single linear scan (rule-based, no model) that keeps abbreviations such as "U.S." and
 * "Gen." whole and never splits inside matched parentheses.
 */
export function sentencesStage(options: SentenceOptions = {}): Stage<SentenceOptions> {
  if (options === null || typeof options !== 'object' || Object.keys(options).length > 0) {
    throw new NewsintelError('E_OPTIONS', `sentences: unknown options ${JSON.stringify(options)}`);
  }
  return defineStage({
    name: 'sentences',
    requires: ['text'],
    assigns: ['paragraphs', 'sentences', 'tokens'],
    options,
    run(doc: Document) {
      return segment(doc.text);
    },
  });
}
