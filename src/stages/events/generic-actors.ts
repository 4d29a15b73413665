import { isReportingVerb } from './attribution.js';
import {
  AFTER_HEAD,
  AUX_WORDS,
  DETERMINERS,
  FINITE_AUX,
  GROUP_NOUNS,
  PREP_START,
  RECEIVE,
} from './data/word-lists.js';
import type { DocIndex } from './doc-index.js';
import { LEXICON } from './lexicon.js';
import { entityById, leadingAdverbialEnd, parentheticalStart } from './participants.js';
import { isAdverb } from './triggers.js';
import type { GenericActor } from './types.js';

/** "received a grilling", "drew a sharp rebuke", "came under criticism": the noun is something suffered. */
export function receivedBefore(ix: DocIndex, i: number, lo: number): boolean {
  for (let k = i - 1; k >= Math.max(lo, i - 4); k--) {
    const l = ix.low[k]!;
    if (RECEIVE.has(l)) return l !== 'came' || ix.low[k + 1] === 'under';
    if (!/^(?:a|an|the|under|sharp|harsh|stern|severe|fierce|heavy|strong|public)$/.test(l)) return false;
  }
  return false;
}

/** Head nouns of unnamed actors and their CAMEO sector codes. */
export const GENERIC_HEADS: ReadonlyMap<string, string> = new Map(
  (
    [
      [
        'REB',
        'rebels rebel insurgents guerrillas guerillas militants militiamen militia militias gunmen fighters separatists extremists',
      ],
      ['COP', 'police policemen'],
      ['MIL', 'troops soldiers forces army military servicemen paratroopers marines'],
      [
        'CVL',
        'protesters protestors demonstrators crowd crowds mob residents villagers civilians students workers',
      ],
      ['OPP', 'opposition dissidents dissident'],
      ['GOV', 'government authorities administration regime junta cabinet officials'],
      ['NGO', 'think-tank think-tanks watchdog watchdogs charity charities'],
      ['IGO', 'coalition'],
      ['MED', 'media newspaper newspapers daily'],
      ['LEG', 'lawmakers legislators parliament deputies senators'],
      ['JUD', 'court judges prosecutors'],
    ] as const
  ).flatMap(([code, words]) => words.split(' ').map((w) => [w, code] as [string, string])),
);

/** The description that is the sentence's subject ("The coalition, a cross-section of …, called …"). */
export function mainGeneric(ix: DocIndex, lo: number, end: number): GenericActor | null {
  let start = lo;
  while (start < end && /^(?:but|and|meanwhile|however|,)$/.test(ix.low[start]!)) start++;
  const adv = leadingAdverbialEnd(ix, start, end);
  if (adv > start && PREP_START.has(ix.low[start]!)) start = adv;
  let stop = start;
  while (
    stop < end &&
    stop < start + 8 &&
    ix.low[stop] !== ',' &&
    !FINITE_AUX.has(ix.low[stop]!) &&
    !LEXICON.byWord.has(ix.low[stop]!) &&
    !isReportingVerb(ix, stop)
  )
    stop++;
  return stop > start && stop < end ? genericAt(ix, start, stop - 1) : null;
}

/** True when entity `id` has a mention inside the description's span. */
export function insideSpan(ix: DocIndex, id: string, g: GenericActor): boolean {
  const e = entityById(ix, id);
  return !!e && e.mentions.some((m) => m.start >= g.start && m.end <= g.end);
}

/** The generic actor phrase whose head ends right before `to` (skipping auxiliaries), within [from, to). */
export function genericBefore(ix: DocIndex, from: number, to: number, lo = from): GenericActor | null {
  let h = to - 1;
  while (h >= from && (AUX_WORDS.has(ix.low[h]!) || isAdverb(ix.low[h]!))) h--;
  // "The coalition, a cross-section of …, called": step over the appositive
  if (h >= from && ix.low[h] === ',') {
    const open = parentheticalStart(ix, h, from);
    if (open > from) h = open - 1;
  }
  if (h < from) return null;
  // "Opposition groups in Zimbabwe are demanding …": a description placed in a country belongs to it
  const ei = ix.entityAt[h]!;
  const m = ei >= 0 ? ix.mentionStart[h]! : -1;
  if (m - 2 >= lo && ix.low[m - 1] === 'in') {
    const e = ix.entities[ei]!;
    const g = e.type === 'GPE' && e.country ? genericAt(ix, lo, m - 2) : null;
    return g ? { ...g, country: g.country ?? e.country } : null;
  }
  return genericAt(ix, from, h);
}

/** The generic actor phrase that starts at `from` ("by rebels", "by the Burmese junta"). */
export function genericAfter(ix: DocIndex, from: number, hi: number): GenericActor | null {
  let h = from;
  while (h < hi && h < from + 5) {
    const l = ix.low[h]!;
    if (!/^[\p{L}-]+$/u.test(l)) return null;
    const next = ix.low[h + 1] ?? '';
    // "by rebels on Monday", not "of an imminent rebel attack" (a modifier)
    if ((GENERIC_HEADS.has(l) || GROUP_NOUNS.has(l)) && (!/^\p{Ll}/u.test(next) || AFTER_HEAD.has(next)))
      break;
    h++;
  }
  return h < hi && h < from + 5 ? genericAt(ix, from, h) : null;
}

/** Token k opens its sentence, so its capital says nothing about it being a name ("Rebel groups …"). */
export function sentenceOpening(ix: DocIndex, k: number): boolean {
  return k === 0 || ix.tokens[k - 1]!.sentence !== ix.tokens[k]!.sentence;
}

/** The phrase whose head is token h (modifiers back to a determiner or `from`), when h is a generic head. */
export function genericAt(ix: DocIndex, from: number, h: number): GenericActor | null {
  const head = ix.low[h]!;
  // "rebel", "dissident" qualify a head ("an imminent rebel attack") more often than they are one
  if ((!GENERIC_HEADS.has(head) && !GROUP_NOUNS.has(head)) || head === 'rebel' || head === 'dissident')
    return null;
  // a capital only at the sentence start ("Rebels attacked …"); elsewhere it is part of a name
  const sentenceStart = sentenceOpening(ix, h);
  if (ix.entityAt[h]! >= 0 || (!/^\p{Ll}/u.test(ix.tokens[h]!.text) && !sentenceStart)) return null;
  let sector = GENERIC_HEADS.get(head) ?? null;
  let s = h;
  let country: string | null = null;
  while (s - 1 >= from) {
    const l = ix.low[s - 1]!;
    if (DETERMINERS.has(l) || ix.timeAt[s - 1]! >= 0 || !/^[\p{L}-]+$/u.test(l) || h - s >= 3) break;
    // modifiers only: a preposition, an auxiliary or a verb ends the phrase ("the frontier to stop militants")
    if (AFTER_HEAD.has(l) || AUX_WORDS.has(l) || LEXICON.byWord.has(l) || isReportingVerb(ix, s - 1)) break;
    const ei = ix.entityAt[s - 1]!;
    if (ei >= 0) {
      const e = ix.entities[ei]!;
      // "Somali troops", "Burmese dissident group": a country qualifies the description
      if (!(e.type === 'NORP' || e.type === 'GPE') || !e.country) break;
      // "Ethiopian-backed forces", "London-based watchdog" are not Ethiopian or British
      if (!/-(?:backed|supported|sponsored|based|allied|funded|armed)$/.test(l)) country ??= e.country;
    } else if (!/^\p{Ll}/u.test(ix.tokens[s - 1]!.text) && !sentenceOpening(ix, s - 1)) break;
    // "rebel forces", "a dissident group": the modifier says more than a bare "forces" or "group"
    if (GENERIC_HEADS.has(l) && (!sector || head === 'forces' || GROUP_NOUNS.has(head)))
      sector = GENERIC_HEADS.get(l)!;
    s--;
  }
  // "a dissident group", "the rebel alliance": the sector comes from the modifier
  if (!sector || (GROUP_NOUNS.has(head) && s === h)) return null;
  // a bare "officials", "government" or "forces" names no one in particular unless qualified
  if (
    (sector === 'GOV' || head === 'forces' || head === 'daily') &&
    s === h &&
    !DETERMINERS.has(ix.low[s - 1] ?? '')
  )
    return null;
  const start = ix.tokens[s]!.start;
  const end = ix.tokens[h]!.end;
  return { text: ix.text.slice(start, end), sector, country, start, end };
}

/** Sentence s opens with a determiner phrase that names no one ("But the European draft does not …"). */
export function unnamedSubject(ix: DocIndex, s: number): boolean {
  let lo = ix.sentStart[s]!;
  const hi = ix.sentEnd[s]!;
  while (lo < hi && /^(?:but|and|however|yet|,)$/.test(ix.low[lo]!)) lo++;
  if (!/^(?:the|a|an|this|that)$/.test(ix.low[lo] ?? '')) return false;
  // up to the verb, no name other than a nationality ("the European draft")
  for (let q = lo + 1; q < Math.min(hi, lo + 8); q++) {
    if (FINITE_AUX.has(ix.low[q]!) || isReportingVerb(ix, q)) return q > lo + 1;
    const ei = ix.entityAt[q]!;
    if (ei >= 0 && ix.entities[ei]!.type !== 'NORP') return false;
  }
  return false;
}

/** The nearest GPE or ORG named before a subordinate clause that starts at `clause` (after/when/because …). */
export function nameBeforeClause(ix: DocIndex, lo: number, clause: number): string | null {
  if (!/^(?:after|when|because|as|since|before|until|if|unless|while)$/.test(ix.low[clause - 1] ?? ''))
    return null;
  for (let k = clause - 2; k >= Math.max(lo, clause - 12); k--) {
    const ei = ix.entityAt[k]!;
    if (ei < 0) continue;
    const e = ix.entities[ei]!;
    if (e.type === 'GPE' || e.type === 'ORG') return e.id;
    return null;
  }
  return null;
}

/** The last reporting verb in [lo, end), or -1 ("Nigeria today announced that it …"). */
export function reportingCueBefore(ix: DocIndex, lo: number, end: number): number {
  for (let k = end - 1; k > Math.max(lo, end - 40); k--) if (isReportingVerb(ix, k)) return k;
  return -1;
}
