import type { Document } from '../../core/document.js';
import { NewsintelError } from '../../core/errors.js';
import { defineStage, type Stage } from '../../core/stage.js';
import { extractTimes, type TimeResult } from './extract.js';

export type { ExtractTimesOptions, TimeResult } from './extract.js';
export { extractTimes } from './extract.js';

/** Options of the times stage. */
export interface TimesOptions {
  /**
   * Hand sentences with numeric dates (`10/29/99`) that no rule read to chrono-node. On by default; off
   * gives the rules alone (slightly faster, and what the speed benchmark of the rules measures).
   */
  chrono?: boolean;
}

function validate(options: TimesOptions): TimesOptions {
  if (options === null || typeof options !== 'object') {
    throw new NewsintelError('E_OPTIONS', 'times: options must be an object');
  }
  for (const k of Object.keys(options)) {
    if (k !== 'chrono') throw new NewsintelError('E_OPTIONS', `times: unknown option '${k}'`);
  }
  if (options.chrono !== undefined && typeof options.chrono !== 'boolean') {
    throw new NewsintelError('E_OPTIONS', 'times: option chrono must be a boolean');
  }
  return { ...options };
}

/**
 * The times stage: TIMEX3-style time expressions (DATE, TIME, DURATION, SET) with values resolved against
 * the article's publication day in its dateline's zone. Without a publication date relative expressions
 * keep a null value rather than being counted from the machine's clock.
 */
export function timesStage(options: TimesOptions = {}): Stage<TimesOptions> {
  const opts = validate(options);
  return defineStage({
    name: 'times',
    requires: ['text', 'sentences'],
    assigns: ['times'],
    options: opts,
    run(doc: Document) {
      const meta = doc.source.meta;
      const times: TimeResult[] = extractTimes(doc.text, {
        published: meta.published ?? null,
        dateline: meta.dateline ?? null,
        source: meta.source ?? null,
        sentences: doc.get('sentences'),
        chrono: opts.chrono !== false,
      });
      return { times };
    },
  });
}
