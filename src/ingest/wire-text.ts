import type { DocumentSource } from '../core/document.js';

// PLACEHOLDER: whole text as body until the real wire reader lands (helper: ingest+repair).
export function readWireText(raw: string): DocumentSource {
  return {
    raw,
    body: { start: 0, end: raw.length },
    meta: { source: null, url: null, published: null, headline: null, byline: null, dateline: null, version: null },
    repairs: [],
    warnings: ['unknown layout: the whole text is the body'],
  };
}
