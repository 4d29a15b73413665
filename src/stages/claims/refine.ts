import type { SyntaxWord } from '../../core/document.js';
import type { Claim, Entity } from '../../core/types.js';
import { isSpeechLemma } from '../../knowledge/english/index.js';
import { baseRel, SyntaxIndex } from '../syntax/query.js';
import * as NOT_CLAIMS from './data/not-claims.js';

const SPORTS_UNITS: ReadonlySet<string> = new Set(NOT_CLAIMS.SPORTS_UNITS);
const SPORTS_WORDS: ReadonlySet<string> = new Set(NOT_CLAIMS.SPORTS_WORDS);
const DISTANCE_UNITS: ReadonlySet<string> = new Set(NOT_CLAIMS.DISTANCE_UNITS);
const PLACE_WORDS: ReadonlySet<string> = new Set(NOT_CLAIMS.PLACE_WORDS);

/** Why a figure is not a claim, or null when it stays one. */
export type NotClaimReason = 'score' | 'sports-tally' | 'distance-in-passing' | 'name-number' | null;

/** The words of the sentence around a claim, lower case, for context checks (bounded: ±12 words). */
function around(text: string, c: Claim): string[] {
  const before = text
    .slice(Math.max(0, c.start - 120), c.start)
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .slice(-12);
  const after = text
    .slice(c.end, c.end + 120)
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .slice(0, 12);
  return [...before, ...after];
}

/**
 * Figures a reader would not call a claim, decided on the text around them (data: `data/not-claims.json`):
 * a match score ("won 3-1", "a 2-0 defeat"), a sports tally ("scored 25 points"), a distance that only
 * places something ("50 km north of the capital", "some 20 miles from the border").
 */
export function notClaimByContext(text: string, c: Claim): NotClaimReason {
  const unit = (c.unit ?? '').toLowerCase();
  const after = text.slice(c.end, c.end + 40);
  const tail = text.slice(c.start, c.end + 8);
  // "3-1", "2-0": two small numbers joined by a hyphen or "to" in a sports context
  if (
    /^\D{0,12}\b\d{1,2}\s*(?:-|–|to)\s*\d{1,2}\b/.test(tail) &&
    around(text, c).some((w) => SPORTS_WORDS.has(w))
  )
    return 'score';
  if (SPORTS_UNITS.has(unit) && around(text, c).some((w) => SPORTS_WORDS.has(w))) return 'sports-tally';
  // a distance unit followed by a place word, inside the claim's phrase ("50 km north") or right after it
  const words = `${c.text} ${after}`.toLowerCase().split(/[^\p{L}\d-]+/u);
  for (let i = 0; i + 1 < words.length && i < 6; i++) {
    if (DISTANCE_UNITS.has(words[i]!) && PLACE_WORDS.has(words[i + 1]!)) return 'distance-in-passing';
  }
  return null;
}

/**
 * A number right after the noun it modifies names a thing rather than counting it ("uranium 235", "Boeing
 * 747", "Resolution 1718"): English counts come before their noun. Read on the parse: the number's head is the
 * word right before it (a hyphen may sit between), a noun or name, and the relation is a modifier.
 */
export function isNameNumber(ix: SyntaxIndex, c: Claim): boolean {
  let k = ix.wordAt(c.start);
  const end = c.end;
  while (k >= 0 && k < ix.words.length && ix.words[k]!.start < end && ix.words[k]!.upos !== 'NUM') k++;
  if (k < 0 || k >= ix.words.length || ix.words[k]!.start >= end) return false;
  const w = ix.words[k]!;
  if (followsItsName(ix, k, c)) return true;
  const h = w.head;
  if (h < 0 || h >= k) return false;
  const head = ix.words[h]!;
  if (head.upos !== 'NOUN' && head.upos !== 'PROPN') return false;
  if (!['nummod', 'compound', 'appos', 'flat', 'nmod'].includes(baseRel(w.deprel))) return false;
  let prev = k - 1;
  if (prev > h && /^[-–]$/.test(ix.words[prev]!.text)) prev--;
  if (prev !== h) return false;
  // nothing counted after the number ("uranium 235", not "Group 20 nations"): the claim's unit is not after it
  const next = ix.words[k + 1];
  return !c.unit || head.text.toLowerCase() === c.unit.toLowerCase() || !next || next.start >= end;
}

/**
 * The word shape of a name-number when the parse attaches the number elsewhere: a content word right before it
 * in the same sentence ("uranium 235", "Resolution 1701") and nothing it could count after it (the sentence
 * goes on with a preposition, a conjunction or punctuation, or ends), with no unit of its own.
 */
function followsItsName(ix: SyntaxIndex, k: number, c: Claim): boolean {
  const w = ix.words[k]!;
  const prev = ix.words[k - 1];
  if (!prev || prev.sentence !== w.sentence || !/^\p{L}+$/u.test(prev.text)) return false;
  if (!['NOUN', 'PROPN', 'ADJ'].includes(prev.upos)) return false;
  if (c.unit && c.unit.toLowerCase() !== prev.text.toLowerCase()) return false;
  const next = ix.words[k + 1];
  return !next || next.sentence !== w.sentence || ['ADP', 'PUNCT', 'CCONJ'].includes(next.upos);
}

/**
 * Drops figures that are not claims: match scores, sports tallies, distances in passing, and (when the
 * document was parsed) numbers that name a thing; gives a source read on the clause to figures that had
 * none. Ids are renumbered.
 */
export function refineClaims(
  claims: readonly Claim[],
  text: string,
  words: readonly SyntaxWord[] | null,
  entities: readonly Entity[] = [],
): Claim[] {
  const ix = words && words.length > 0 ? new SyntaxIndex(words) : null;
  return claims
    .filter((c) => notClaimByContext(text, c) === null && !(ix && isNameNumber(ix, c)))
    .map((c, i) => {
      // a figure the token rules left without a source may still be reported by a speech verb above it
      const src = ix && !c.source && !c.sourceName ? clauseSource(ix, c, entities) : null;
      return { ...c, id: `c${i + 1}`, ...(src ?? {}) };
    });
}

/** Relations by which a clause is what a reporting verb reports ("said *that 3,000 fled*", "…, he said"). */
const REPORTED = new Set(['ccomp', 'parataxis', 'xcomp', 'advcl']);

/**
 * The source of a figure read on the parse: the subject of the speech verb whose reported clause holds the
 * number ("the ministry said 3,000 people fled"), or the object of "according to" in the number's clause;
 * resolved to the entity one of whose mentions covers the source's head word. Null when the parse names none.
 */
export function clauseSource(
  ix: SyntaxIndex,
  c: Claim,
  entities: readonly Entity[],
): { source: string; sourceName: string } | null {
  let k = ix.wordAt(c.start);
  while (k >= 0 && k < ix.words.length && ix.words[k]!.start < c.end && ix.words[k]!.upos !== 'NUM') k++;
  if (k < 0 || k >= ix.words.length || ix.words[k]!.start >= c.end) return null;
  const entityAt = (w: number) => {
    const word = ix.words[w]!;
    return entities.find((e) => e.mentions.some((m) => m.start <= word.start && word.end <= m.end)) ?? null;
  };
  // "according to X" in the number's own clause
  const clause = ix.clauseOf(k);
  for (const o of clause >= 0 ? ix.obliquesOf(clause) : []) {
    const kids = ix.children(o.word);
    if (o.case === 'to' && kids.some((x) => ix.words[x]!.text.toLowerCase() === 'according')) {
      const e = entityAt(o.word);
      if (e) return { source: e.id, sourceName: e.name };
    }
  }
  // up the clause chain to a speech verb that reports it (bounded walk)
  let child = clause;
  for (let guard = 0; child >= 0 && guard < 8; guard++) {
    const p = ix.head(child);
    if (p < 0) return null;
    const pw = ix.words[p]!;
    if (
      REPORTED.has(baseRel(ix.words[child]!.deprel)) &&
      (pw.upos === 'VERB' || pw.upos === 'AUX') &&
      isSpeechLemma(pw.lemma.toLowerCase()) &&
      !ix.isNegated(p)
    ) {
      const subj = ix.subjectOf(p);
      const e = subj >= 0 ? entityAt(subj) : null;
      return e ? { source: e.id, sourceName: e.name } : null;
    }
    child = ix.clauseOf(p);
    if (child === p && ix.head(p) < 0) return null;
  }
  return null;
}
