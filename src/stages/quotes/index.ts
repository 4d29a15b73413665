import type { Document } from '../../core/document.js';
import { NewsintelError } from '../../core/errors.js';
import { defineStage, type Stage } from '../../core/stage.js';
import { refineOnClauses } from './clauses.js';
import { type ExtractedQuote, extractQuotes } from './extract.js';

export { type ExtractedQuote, extractQuotes, type QuoteInput } from './extract.js';
export { findQuoteRegions, type QuoteRegion } from './marks.js';

/** Options of the quotes stage. */
export interface QuoteOptions {
  /** Emit indirect (reported) speech as well as quotations. Default true. */
  indirect?: boolean;
  /** Emit partial quotes (quoted fragments inside a report). Default true. */
  partial?: boolean;
  /**
   * Also attribute stances and intentions ("X wants a recount", "Y backs the deal") as indirect quotes, as
   * attribution corpora (PolNeAR) do. Default false: a quote is speech, and non-speech verbs never cue.
   */
  stance?: boolean;
}

/**
 * The quotes stage: direct quotes (paired quotation marks, split around their cue, continued across
 * paragraphs), partial quotes (quoted fragments attributed to the surrounding report's speaker) and
 * indirect speech (reporting verb or "according to" plus the reported clause). Each quote has a cue span
 * and a speaker resolved to an entity (name, title plus name, pronoun via the previous speaker, nominal
 * phrase such as "the White House official" kept as `speakerName`). Rules, not a model: the cue lexicon and
 * the bounded look-arounds keep it linear in the token count, so adversarial input cannot make it slow.
 */
export function quotesStage(options: QuoteOptions = {}): Stage<QuoteOptions> {
  for (const [k, v] of Object.entries(options)) {
    if (
      (k !== 'indirect' && k !== 'partial' && k !== 'stance') ||
      (v !== undefined && typeof v !== 'boolean')
    ) {
      throw new NewsintelError('E_OPTIONS', `quotes: invalid option ${k}=${JSON.stringify(v)}`);
    }
  }
  const opts: QuoteOptions = Object.freeze({
    indirect: options.indirect ?? true,
    partial: options.partial ?? true,
    stance: options.stance ?? false,
  });
  return defineStage({
    name: 'quotes',
    requires: ['text', 'paragraphs', 'sentences', 'tokens', 'entities'],
    assigns: ['quotes'],
    options: opts,
    run(doc: Document) {
      let quotes: ExtractedQuote[] = extractQuotes({
        text: doc.text,
        paragraphs: doc.get('paragraphs'),
        sentences: doc.get('sentences'),
        tokens: doc.get('tokens'),
        entities: doc.get('entities'),
      });
      // clause checks when the parser ran (the syntax layer is optional: `analyze` can leave it out)
      if (doc.has('syntax'))
        quotes = refineOnClauses(
          quotes,
          doc.get('syntax'),
          doc.text,
          doc.get('entities'),
          opts.stance,
          doc.has('coref') ? doc.get('coref') : [],
        );
      if (!opts.indirect || !opts.partial) {
        quotes = quotes
          .filter((q) => (opts.indirect || q.kind !== 'indirect') && (opts.partial || q.kind !== 'partial'))
          .map((q, i) => ({ ...q, id: `q${i + 1}` }));
      }
      return { quotes };
    },
  });
}
