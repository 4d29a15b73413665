import type { Document, Token } from './document.js';
import type { Entity, Quote, Span, TimeExpression } from './types.js';

/**
 * Token-position indexes over one document, built once per stage run so that the claims and events rules
 * can ask "which entity / time / quote covers token i" in O(1). Everything here is linear in the number of
 * tokens plus the total length of the annotations, which keeps both stages linear on pathological input.
 */
export interface DocIndex {
  text: string;
  tokens: readonly Token[];
  /** Lower-cased token texts with typographic apostrophes folded to `'`. */
  low: string[];
  /** First token index of each sentence (sentences without tokens get an empty range). */
  sentStart: Int32Array;
  /** One past the last token index of each sentence. */
  sentEnd: Int32Array;
  entities: readonly Entity[];
  times: readonly TimeExpression[];
  quotes: readonly Quote[];
  /** Token index → index into `entities`, or -1. */
  entityAt: Int32Array;
  /** Token index → first token of the entity mention covering it, or -1. */
  mentionStart: Int32Array;
  /** Token index → index into `times`, or -1. */
  timeAt: Int32Array;
  /** Token index → index into `quotes` (the widest quote covering it), or -1. */
  quoteAt: Int32Array;
  /** Publication date (`YYYY-MM-DD`) when known. */
  published: string | null;
}

/** Normalises a token for lexicon look-up: lower case, curly apostrophes and dashes folded. */
export function normToken(s: string): string {
  const low = s.toLowerCase();
  // Most tokens have none of the characters folded below: skip the two replace calls for them.
  for (let i = 0; i < low.length; i++) {
    const c = low.charCodeAt(i);
    if (c >= 0x2010 && c <= 0x2019)
      return low.replace(/[\u2019\u2018]/g, "'").replace(/[\u2010\u2011\u2013]/g, '-');
  }
  return low;
}

/** Index of the first token whose end is greater than `pos` (binary search). */
export function tokenAtOrAfter(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Calls `fn` for each token index overlapping `span`. */
function forTokens(tokens: readonly Token[], span: Span, fn: (i: number) => void): void {
  for (let i = tokenAtOrAfter(tokens, span.start); i < tokens.length && tokens[i]!.start < span.end; i++)
    fn(i);
}

/**
 * The last index built and the layers it was built from. The claims and events stages of one pipeline run
 * read the same layers (claims adds none of them), so the second stage gets the index the first one built;
 * any other document or layer misses (identity checks). Nothing mutates an index once built.
 */
let last: { from: readonly unknown[]; ix: DocIndex } | null = null;

/**
 * Builds the index (or returns the one just built from the very same layers); layers a pipeline did not
 * assign are treated as empty.
 */
export function buildDocIndex(doc: Document): DocIndex {
  const from = [
    doc.text,
    doc.get('tokens'),
    doc.get('sentences'),
    doc.has('entities') ? doc.get('entities') : null,
    doc.has('times') ? doc.get('times') : null,
    doc.has('quotes') ? doc.get('quotes') : null,
    doc.source.meta.published,
  ];
  if (last?.from.every((v, i) => v === from[i])) return last.ix;
  const ix = indexOf(doc);
  last = { from, ix };
  return ix;
}

function indexOf(doc: Document): DocIndex {
  const text = doc.text;
  const tokens = doc.get('tokens');
  const sentences = doc.get('sentences');
  const entities = doc.has('entities') ? doc.get('entities') : [];
  const times = doc.has('times') ? doc.get('times') : [];
  const quotes = doc.has('quotes') ? doc.get('quotes') : [];
  const n = tokens.length;
  const low = tokens.map((t) => normToken(t.text));
  const sentStart = new Int32Array(sentences.length);
  const sentEnd = new Int32Array(sentences.length);
  sentStart.fill(-1);
  for (let i = 0; i < n; i++) {
    const s = tokens[i]!.sentence;
    if (s < 0 || s >= sentences.length) continue;
    if (sentStart[s] === -1) sentStart[s] = i;
    sentEnd[s] = i + 1;
  }
  for (let s = 0; s < sentences.length; s++) if (sentStart[s] === -1) sentStart[s] = sentEnd[s] = 0;

  const entityAt = new Int32Array(n).fill(-1);
  const mentionStart = new Int32Array(n).fill(-1);
  entities.forEach((e, ei) => {
    for (const m of e.mentions) {
      const first = tokenAtOrAfter(tokens, m.start);
      forTokens(tokens, m, (i) => {
        if (entityAt[i] === -1) {
          entityAt[i] = ei;
          mentionStart[i] = first;
        }
      });
    }
  });
  const timeAt = new Int32Array(n).fill(-1);
  times.forEach((t, ti) => {
    forTokens(tokens, t, (i) => {
      if (timeAt[i] === -1) timeAt[i] = ti;
    });
  });
  const quoteAt = new Int32Array(n).fill(-1);
  // widest quotes first so that a partial quote inside an indirect one does not hide it
  const order = quotes
    .map((_, i) => i)
    .sort((a, b) => quotes[b]!.end - quotes[b]!.start - (quotes[a]!.end - quotes[a]!.start));
  for (const qi of order) {
    forTokens(tokens, quotes[qi]!, (i) => {
      if (quoteAt[i] === -1) quoteAt[i] = qi;
    });
  }

  const pub = doc.source.meta.published;
  const published = pub && /^\d{4}-\d{2}-\d{2}/.test(pub) ? pub.slice(0, 10) : null;
  return {
    text,
    tokens,
    low,
    sentStart,
    sentEnd,
    entities,
    times,
    quotes,
    entityAt,
    mentionStart,
    timeAt,
    quoteAt,
    published,
  };
}
