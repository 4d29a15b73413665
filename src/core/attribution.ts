import type { DocIndex } from './doc-index.js';

/**
 * Who a statement is attributed to: the speaker of the surrounding quote, the subject of a reporting verb
 * ("Seoul's top intelligence agency has confirmed that …", "…, a White House official said") or the object
 * of "according to". Claims use it for `source`, events for the `reported` modality and the `quote` link.
 */
export interface Attribution {
  /** Entity id of the source, when the source phrase names an entity. */
  source: string | null;
  /** The source phrase as written (without a leading article), or the entity name for a pronoun. */
  sourceName: string | null;
  /** Id of the quote the position sits in, if any. */
  quote: string | null;
  rule: 'quote' | 'according-to' | 'reporting-left' | 'reporting-right';
  /** Token index of the reporting cue ("said", "according"), or -1 for quotes. */
  cue: number;
}

/** Verb forms that report speech or findings rather than describe an event (CAMEO 01 is dropped by PLOVER). */
export const REPORTING_VERBS: ReadonlySet<string> = new Set(
  (
    'said says say saying told tells added adds noted notes stated states announced announces confirmed confirms ' +
    'reported reports claimed claims stressed stresses insisted insists explained explains revealed reveals ' +
    'disclosed discloses estimated estimates indicated indicates acknowledged acknowledges admitted admits quoted ' +
    'wrote writes argued argues asserted asserts suggested suggests predicted predicts assessed assesses ' +
    'concluded concludes declared declares remarked remarks observed observes emphasized emphasised ' +
    'emphasizes underlined underscored believes believed alleged alleges charged commented comments ' +
    'recalled recalls reiterated reiterates briefed mentioned mentions'
  ).split(' '),
);

/** True when token `i` is a lower-case reporting verb (so "United States" is not "states"). */
export function isReportingVerb(ix: DocIndex, i: number): boolean {
  return REPORTING_VERBS.has(ix.low[i]!) && ix.tokens[i]!.text === ix.low[i] && ix.entityAt[i] === -1;
}

const SPEAKER_NOT = /^(?:under|over|in|on|at|with|by|from|for|of|into|after|before|amid|during)\b/;

/** Auxiliaries and adverbs allowed between a subject and its reporting verb ("has also said"). */
const AUX: ReadonlySet<string> = new Set(
  (
    'has have had is was were are be been also already previously earlier recently repeatedly further reportedly ' +
    'officially publicly separately again later then would will did does do just first once clearly'
  ).split(' '),
);

/** Words that end a subject phrase when walking left (complementisers, subordinators, verbs of the frame). */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set(
  (
    'that which who whom whose as when while because since after before if although though but where whether ' +
    'once unless until whereas so than'
  ).split(' '),
);

const PRONOUNS: ReadonlySet<string> = new Set('he she it they we i you this'.split(' '));
const DETERMINERS: ReadonlySet<string> = new Set('the a an'.split(' '));
const OPEN_QUOTES = /^["“‘'«([]$/;
const CLOSE_QUOTES = /^["”’'»)\]]$/;

/** True when token `i` may sit inside a noun phrase (words, possessives, abbreviations, hyphens). */
export function isNpToken(ix: DocIndex, i: number): boolean {
  const t = ix.tokens[i]!.text;
  const l = ix.low[i]!;
  if (CLAUSE_WORDS.has(l) || isReportingVerb(ix, i)) return false;
  if (l === "'s" || l === "'" || l === '-' || l === '&') return true;
  const c = t.charCodeAt(0);
  // letters, digits, or an abbreviation token such as "U.S."
  return (c >= 48 && c <= 57) || /^\p{L}/u.test(t);
}

interface Frame {
  rule: 'according-to' | 'reporting-left' | 'reporting-right';
  cue: number;
  /** Noun phrase token range [npStart, npEnd). */
  npStart: number;
  npEnd: number;
}

/** Resolves a noun phrase token range to an entity id and a readable name. */
export function resolvePhrase(
  ix: DocIndex,
  start: number,
  end: number,
): { source: string | null; name: string | null } {
  let best = -1;
  let bestScore = -1;
  for (let i = start; i < end; i++) {
    const ei = ix.entityAt[i]!;
    if (ei < 0) continue;
    const e = ix.entities[ei]!;
    const headCovers = i === end - 1 ? 4 : 0;
    const typeScore = e.type === 'PERSON' ? 2 : e.type === 'ORG' ? 2 : 1;
    const score = headCovers + typeScore + i / 10000;
    if (score >= bestScore) {
      bestScore = score;
      best = ei;
    }
  }
  let s = start;
  while (s < end - 1 && DETERMINERS.has(ix.low[s]!)) s++;
  const ent = best >= 0 ? ix.entities[best]! : null;
  if (end - s === 1 && PRONOUNS.has(ix.low[s]!)) return { source: ent?.id ?? null, name: ent?.name ?? null };
  const name = end > s ? ix.text.slice(ix.tokens[s]!.start, ix.tokens[end - 1]!.end) : null;
  return { source: ent?.id ?? null, name };
}

/** The noun phrase ending just before token `i` (skipping auxiliaries), as [start, end), or null. */
export function phraseBefore(ix: DocIndex, i: number, floor: number, maxLen = 10): [number, number] | null {
  let j = i - 1;
  while (j >= floor && AUX.has(ix.low[j]!)) j--;
  const end = j + 1;
  let n = 0;
  while (j >= floor && n < maxLen && isNpToken(ix, j)) {
    j--;
    n++;
  }
  const start = j + 1;
  if (start >= end) return null;
  // a phrase that starts with "and" or a possessive is a fragment
  if (ix.low[start] === 'and' || ix.low[start] === "'s") return null;
  return [start, end];
}

/** The noun phrase starting at token `i`, as [start, end), or null. */
export function phraseAfter(ix: DocIndex, i: number, ceil: number, maxLen = 10): [number, number] | null {
  let j = i;
  let n = 0;
  while (j < ceil && n < maxLen && isNpToken(ix, j)) {
    j++;
    n++;
  }
  return j > i ? [i, j] : null;
}

/**
 * Finds attributions, caching the reporting frames of each sentence. Each look-up is O(frames in the
 * sentence), and frames are found in one pass per sentence.
 */
export class AttributionFinder {
  private readonly cache = new Map<number, Frame[]>();

  constructor(private readonly ix: DocIndex) {}

  /** Reporting frames of sentence `s`, in token order. */
  frames(s: number): Frame[] {
    let f = this.cache.get(s);
    if (!f) {
      f = this.findFrames(s);
      this.cache.set(s, f);
    }
    return f;
  }

  private findFrames(s: number): Frame[] {
    const ix = this.ix;
    const lo = ix.sentStart[s]!;
    const hi = ix.sentEnd[s]!;
    const out: Frame[] = [];
    for (let i = lo; i < hi; i++) {
      const l = ix.low[i]!;
      if (l === 'according' && ix.low[i + 1] === 'to' && i + 2 < hi) {
        const np = phraseAfter(ix, i + 2, hi);
        if (np) out.push({ rule: 'according-to', cue: i, npStart: np[0], npEnd: np[1] });
        continue;
      }
      if (!isReportingVerb(ix, i)) continue;
      // skip reporting verbs inside a quote: they belong to the quoted speaker's own report
      if (ix.quoteAt[i]! >= 0 && ix.quotes[ix.quoteAt[i]!]!.kind === 'direct') continue;
      const np = phraseBefore(ix, i, lo);
      if (np) {
        const before = np[0] - 1;
        const right = before >= lo && (ix.low[before] === ',' || CLOSE_QUOTES.test(ix.low[before]!));
        out.push({
          rule: right ? 'reporting-right' : 'reporting-left',
          cue: i,
          npStart: np[0],
          npEnd: np[1],
        });
        continue;
      }
      // inverted: ", said Kirby."
      if (i > lo && (ix.low[i - 1] === ',' || CLOSE_QUOTES.test(ix.low[i - 1]!))) {
        const after = phraseAfter(ix, i + 1, hi);
        if (after) out.push({ rule: 'reporting-right', cue: i, npStart: after[0], npEnd: after[1] });
      }
    }
    return out;
  }

  /** The attribution for token `i`: its quote, else the nearest reporting frame that governs it. */
  at(i: number): Attribution | null {
    const ix = this.ix;
    const qi = ix.quoteAt[i]!;
    if (qi >= 0) {
      const q = ix.quotes[qi]!;
      // a speaker phrase that opens with a preposition ("under air" before "attacks") is a misread cue
      if (q.speaker || (q.speakerName && !SPEAKER_NOT.test(q.speakerName))) {
        return { source: q.speaker, sourceName: q.speakerName, quote: q.id, rule: 'quote', cue: -1 };
      }
    }
    const s = ix.tokens[i]!.sentence;
    const frames = this.frames(s);
    let left: Frame | null = null;
    let right: Frame | null = null;
    let according: Frame | null = null;
    for (const f of frames) {
      if (f.rule === 'according-to') according ??= f;
      else if (f.rule === 'reporting-left' && f.cue < i) left = f;
      else if (f.rule === 'reporting-right' && f.npStart > i && !right) right = f;
    }
    const f = left ?? right ?? according;
    if (!f)
      return qi >= 0
        ? { source: null, sourceName: null, quote: ix.quotes[qi]!.id, rule: 'quote', cue: -1 }
        : null;
    const r = resolvePhrase(ix, f.npStart, f.npEnd);
    if (!r.source && !r.name) return null;
    return {
      source: r.source,
      sourceName: r.name,
      quote: qi >= 0 ? ix.quotes[qi]!.id : null,
      rule: f.rule,
      cue: f.cue,
    };
  }
}

export { CLOSE_QUOTES, OPEN_QUOTES };
