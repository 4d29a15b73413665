import type { QuoteRegion } from './marks.js';
import { PartialQuotes } from './partial.js';
import type { Candidate, ExtractedQuote, QuoteInput } from './shared.js';

export type { ExtractedQuote, QuoteInput } from './shared.js';

/**
 * Finds the quotes of a document: direct quotes, partial quotes and indirect speech, each with its cue and
 * speaker. The work is split by job (`direct.ts`, `indirect.ts`, `partial.ts`, `speakers/`), layered as one
 * class so that the parts share the token arrays built once in `base.ts`.
 */
export function extractQuotes(input: QuoteInput): ExtractedQuote[] {
  const ex = new Extractor(input);
  return ex.run();
}

class Extractor extends PartialQuotes {
  run(): ExtractedQuote[] {
    const cands: Candidate[] = [];
    const partials: QuoteRegion[] = [];
    this.regions.forEach((r) => {
      const c = this.classifyRegion(r);
      if (c === 'partial') partials.push(r);
      else if (c) cands.push(c);
    });
    const directSpans = cands.map((c) => c.content);
    this.findIndirect(cands, directSpans);
    cands.sort((a, b) => a.anchor - b.anchor);
    this.resolveSpeakers(cands);
    const out: ExtractedQuote[] = [];
    for (const c of cands) out.push(this.toQuote(c));
    for (const r of partials) {
      const q = this.partialQuote(r, cands);
      if (q) out.push(q);
    }
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    out.forEach((q, i) => {
      q.id = `q${i + 1}`;
    });
    return out;
  }

  // ---------------------------------------------------------------- direct quotes

  private toQuote(c: Candidate): ExtractedQuote {
    return {
      id: '',
      kind: c.kind,
      start: c.content.start,
      end: c.content.end,
      text: this.text.slice(c.content.start, c.content.end),
      speaker: c.speaker,
      speakerName: c.speakerName,
      cue: c.cue ? this.tokSpan(c.cue) : null,
      rule: c.rule,
      speakerSpan: c.speakerSpan ? this.tokSpan(c.speakerSpan) : null,
    };
  }
}
