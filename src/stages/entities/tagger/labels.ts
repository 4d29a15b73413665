/**
 * Entity types, tag schemes and span conversion.
 *
 * The tagger predicts the four CoNLL-2003 types (PER, ORG, LOC, MISC), because that is what its training data
 * annotates. The analysis format uses OntoNotes-style types; `CONLL_TO_ANALYSIS` is the default mapping and
 * `refineType` (in `refine.ts`) splits LOC into GPE/LOC and picks NORP out of MISC using the tagger's
 * gazetteer. The entity stage may refine further with the knowledge base.
 */

/** The types the statistical model emits. */
export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ConllType = (typeof CONLL_TYPES)[number];

/** Default mapping from model types to analysis-format types (before gazetteer refinement). */
export const CONLL_TO_ANALYSIS: Readonly<Record<ConllType, string>> = Object.freeze({
  PER: 'PERSON',
  ORG: 'ORG',
  LOC: 'GPE',
  MISC: 'MISC',
});

/** A token-index span `[start, end)` with an entity type. */
export interface TokenSpan {
  start: number;
  end: number;
  type: string;
  /** Mean per-token margin of the decoded tag over the best alternative (higher = surer), when known. */
  score?: number;
}

export type TagScheme = 'BIO' | 'BILOU';

/** All tags of a scheme, `O` first. */
export function schemeTags(scheme: TagScheme, types: readonly string[] = CONLL_TYPES): string[] {
  const prefixes = scheme === 'BIO' ? ['B', 'I'] : ['B', 'I', 'L', 'U'];
  const tags = ['O'];
  for (const t of types) for (const p of prefixes) tags.push(`${p}-${t}`);
  return tags;
}

/**
 * Reads spans from IOB1 (CoNLL-2003: `I-` starts a chunk unless it continues one of the same type; `B-` only
 * separates two adjacent chunks of the same type) or IOB2/BIO, following conlleval's chunk rules.
 */
export function spansFromIob(labels: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let cur: TokenSpan | null = null;
  for (let i = 0; i < labels.length; i++) {
    const lab = labels[i]!;
    if (lab === 'O' || lab === '' || lab === '-') {
      if (cur) spans.push(cur);
      cur = null;
      continue;
    }
    const dash = lab.indexOf('-');
    const prefix = dash > 0 ? lab.slice(0, dash) : 'I';
    const type = dash > 0 ? lab.slice(dash + 1) : lab;
    const continues =
      cur !== null && cur.type === type && (prefix === 'I' || prefix === 'L' || prefix === 'E');
    if (continues && cur) {
      cur.end = i + 1;
    } else {
      if (cur) spans.push(cur);
      cur = { start: i, end: i + 1, type };
    }
    if (prefix === 'L' || prefix === 'U' || prefix === 'E' || prefix === 'S') {
      spans.push(cur!);
      cur = null;
    }
  }
  if (cur) spans.push(cur);
  return spans;
}

/** Encodes spans as tags of a scheme for a sentence of `n` tokens. */
export function tagsFromSpans(spans: readonly TokenSpan[], n: number, scheme: TagScheme): string[] {
  const tags = new Array<string>(n).fill('O');
  for (const s of spans) {
    const len = s.end - s.start;
    if (scheme === 'BIO') {
      for (let i = s.start; i < s.end; i++) tags[i] = `${i === s.start ? 'B' : 'I'}-${s.type}`;
    } else if (len === 1) {
      tags[s.start] = `U-${s.type}`;
    } else {
      for (let i = s.start; i < s.end; i++) {
        const p = i === s.start ? 'B' : i === s.end - 1 ? 'L' : 'I';
        tags[i] = `${p}-${s.type}`;
      }
    }
  }
  return tags;
}

/**
 * Whether tag `to` may follow tag `from` (null = sentence start) in a scheme. Decoding forbids the rest, so the
 * output is always a well-formed span sequence.
 */
export function allowedTransition(from: string | null, to: string, scheme: TagScheme): boolean {
  const fp = from === null || from === 'O' ? 'O' : from.slice(0, 1);
  const ft = from === null || from === 'O' ? '' : from.slice(2);
  const tp = to === 'O' ? 'O' : to.slice(0, 1);
  const tt = to === 'O' ? '' : to.slice(2);
  if (scheme === 'BIO') {
    if (tp === 'I') return (fp === 'B' || fp === 'I') && ft === tt;
    return true;
  }
  const open = fp === 'B' || fp === 'I';
  if (open) return (tp === 'I' || tp === 'L') && ft === tt;
  return tp === 'O' || tp === 'B' || tp === 'U';
}

/** Whether `tag` may end a sentence. */
export function allowedEnd(tag: string, scheme: TagScheme): boolean {
  if (scheme === 'BIO') return true;
  return !(tag.startsWith('B-') || tag.startsWith('I-'));
}
