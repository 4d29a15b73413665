import { Document, type Token } from '../../core/document.js';
import { OffsetMap } from '../../core/offsets.js';
import type { Entity, Quote, Span, TimeExpression } from '../../core/types.js';

/**
 * Builds a Document with hand-made layers for unit tests of the claims and events stages, so that they do
 * not depend on the other stages: sentences split at ". ", tokens from a small regular expression (numbers
 * with separators, hyphenated words, the possessive "'s" split off, abbreviations such as "U.S." kept).
 */
export interface TestEntity {
  type: string;
  name: string;
  country?: string | null;
  kb?: string | null;
  /** Mention texts; every occurrence in the text becomes a mention. */
  mentions: string[];
}

export interface TestTime {
  text: string;
  value: string;
  type?: TimeExpression['type'];
}

export interface TestQuote {
  text: string;
  kind?: Quote['kind'];
  speaker?: string | null;
  speakerName?: string | null;
}

function allIndexes(text: string, needle: string): number[] {
  const out: number[] = [];
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    'gu',
  );
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

/** Tokenises like the real stage in the respects the claims and events rules depend on. */
export function testTokens(text: string, sentences: Span[]): Token[] {
  const re = /\d[\d,.]*\d|\d|(?:\p{Lu}\.){2,}|['’]s(?!\p{L})|[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*|[^\s]/gu;
  const tokens: Token[] = [];
  let si = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let t = m[0];
    // a trailing period after digits ends the sentence, it is not a decimal point
    if (/\d[.,]$/.test(t)) t = t.slice(0, -1);
    re.lastIndex = m.index + t.length;
    while (si < sentences.length - 1 && m.index >= sentences[si]!.end) si++;
    tokens.push({ start: m.index, end: m.index + t.length, text: t, sentence: si });
  }
  return tokens;
}

/** A document whose layers are derived from `text` and the given annotations. */
export function testDoc(
  text: string,
  opts: { entities?: TestEntity[]; times?: TestTime[]; quotes?: TestQuote[]; published?: string | null } = {},
): Document {
  // sentence ends: [.!?] (plus a closing quote) before whitespace and a capital, except after "U.S."-style acronyms
  const merged: Span[] = [];
  let from = 0;
  const re = /[.!?]["”’]?(?=\s+["“‘]?\p{Lu})/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index + 1);
    if (/(?:^|[\s(])(?:\p{Lu}\.){2,}$/u.test(before)) continue;
    merged.push({ start: from, end: m.index + m[0].length });
    from = m.index + m[0].length;
    while (from < text.length && /\s/.test(text[from]!)) from++;
  }
  if (from < text.length) merged.push({ start: from, end: text.trimEnd().length });
  const tokens = testTokens(text, merged);
  const entities: Entity[] = (opts.entities ?? []).map((e, i) => ({
    id: `e${i + 1}`,
    type: e.type,
    name: e.name,
    kb: e.kb ?? null,
    country: e.country ?? null,
    role: null,
    mentions: e.mentions.flatMap((m) =>
      allIndexes(text, m).map((start) => ({ start, end: start + m.length, text: m })),
    ),
  }));
  const times: TimeExpression[] = (opts.times ?? []).flatMap((t, i) =>
    allIndexes(text, t.text).map((start) => ({
      id: `t${i + 1}`,
      type: t.type ?? 'DATE',
      start,
      end: start + t.text.length,
      text: t.text,
      value: t.value,
    })),
  );
  const quotes: Quote[] = (opts.quotes ?? []).map((q, i) => {
    const start = text.indexOf(q.text);
    return {
      id: `q${i + 1}`,
      kind: q.kind ?? 'direct',
      start,
      end: start + q.text.length,
      text: q.text,
      speaker: q.speaker ?? null,
      speakerName: q.speakerName ?? null,
      cue: null,
    };
  });
  const doc = new Document(
    'test',
    {
      raw: text,
      body: { start: 0, end: text.length },
      meta: {
        source: null,
        url: null,
        published: opts.published ?? null,
        headline: null,
        byline: null,
        dateline: null,
        version: null,
      },
      repairs: [],
      warnings: [],
    },
    {},
  );
  return doc.with({
    text,
    offsetMap: OffsetMap.identity(text.length),
    repairs: [],
    paragraphs: [{ start: 0, end: text.length }],
    sentences: merged,
    tokens,
    entities,
    quotes,
    times,
  });
}
