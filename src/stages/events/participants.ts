import type { Entity } from '../../core/types.js';
import { CLAUSE_WORDS, CLOSE_QUOTES, isReportingVerb, OPEN_QUOTES } from './attribution.js';
import {
  ADJECTIVE,
  AGENTIVE,
  ARMED,
  AUX_WORDS,
  BE,
  CHARGE_STOP,
  COMPANY_NOUNS,
  COUNT_WORDS,
  COUNTRY_HEADS,
  DOC_NOUNS,
  ENVOY_NOUNS,
  FINITE_AUX,
  GROUP_HEADS,
  MILITARY,
  MODIFIER_PARTICIPLES,
  NOUN_CONTEXT,
  OBJECT_START,
  ORG_HEADS,
  PERSON_HEADS,
  PREP_START,
  REMIT_NOUNS,
  RUN_STOP,
  TITLE_SKIP,
} from './data/word-lists.js';
import { type DocIndex, normToken, tokenAtOrAfter } from './doc-index.js';
import { GENERIC_HEADS } from './generic-actors.js';
import { LEXICON } from './lexicon.js';
import { infinitival } from './time.js';
import {
  afterTime,
  entAt,
  isAdverb,
  isBoundary,
  isLocType,
  locPrepped,
  nounModifierWord,
  objectPrepped,
} from './triggers.js';
import type { SubjectRegion, Trigger } from './types.js';

/** The most recent single actor of each kind, for singular anaphors. */
export interface Salience {
  person: { id: string; sentence: number } | null;
  org: { id: string; sentence: number } | null;
}

export const BY_ID = new WeakMap<DocIndex, Map<string, Entity>>();

/** The entity with this id (a map built once per document, so lookups stay constant-time). */
export function entityById(ix: DocIndex, id: string): Entity | undefined {
  let m = BY_ID.get(ix);
  if (!m) {
    m = new Map(ix.entities.map((e) => [e.id, e]));
    BY_ID.set(ix, m);
  }
  return m.get(id);
}

export function noteSalient(ix: DocIndex, salient: Salience, ids: readonly string[], s: number): void {
  if (ids.length !== 1) return;
  const e = entityById(ix, ids[0]!);
  if (!e) return;
  if (e.type === 'PERSON') salient.person = { id: e.id, sentence: s };
  else if (e.type === 'ORG' || e.type === 'GPE') salient.org = { id: e.id, sentence: s };
}

export const TITLES = new WeakMap<DocIndex, Array<{ id: string; before: string[] }>>();

/** Per document, the answer for each title already looked up (keeps many descriptions linear). */
export const TITLE_MEMO = new WeakMap<DocIndex, Map<string, string | null | undefined>>();

/**
 * The person whose name the story prefixes with the title in [from, to) ("the defence minister" → "Defence
 * Minister Kim"): their id when exactly one person carries it, null when none or several do (the description
 * then resolves to no one rather than to the wrong one), undefined when the region is not a title.
 */
export function titledPerson(ix: DocIndex, from: number, to: number): string | null | undefined {
  const words = ix.low
    .slice(from, to)
    .filter((w) => /^[\p{L}-]+$/u.test(w) && !AUX_WORDS.has(w) && !isAdverb(w) && !TITLE_SKIP.has(w));
  if (words.length === 0 || words.length > 3 || !PERSON_HEADS.has(words.at(-1)!)) return undefined;
  const key = words.join(' ');
  let memo = TITLE_MEMO.get(ix);
  if (!memo) {
    memo = new Map();
    TITLE_MEMO.set(ix, memo);
  }
  if (memo.has(key)) return memo.get(key);
  let list = TITLES.get(ix);
  if (!list) {
    list = [];
    for (const e of ix.entities) {
      if (e.type !== 'PERSON') continue;
      for (const m of e.mentions) {
        // a name mis-linked to a person of another rank ("Defence minister Kim" on North Korea's leader)
        if (e.role && !normToken(e.role).endsWith(ix.low[tokenAtOrAfter(ix.tokens, m.start) - 1] ?? ''))
          continue;
        const k = tokenAtOrAfter(ix.tokens, m.start);
        list.push({ id: e.id, before: ix.low.slice(Math.max(0, k - 3), k) });
      }
    }
    TITLES.set(ix, list);
  }
  const ids = new Set<string>();
  for (const { id, before } of list) {
    if (before.length < words.length) continue;
    const tail = before.slice(before.length - words.length);
    if (tail.every((w, i) => w === words[i])) ids.add(id);
  }
  const found = ids.size === 1 ? [...ids][0]! : ids.size === 0 ? undefined : null;
  memo.set(key, found);
  return found;
}

/** Kind of a singular anaphoric subject in [from, to): "he", "it", "the New York-based group", "the leftist leader". */
export function singularAnaphor(ix: DocIndex, from: number, to: number): 'person' | 'org' | null {
  const words = ix.low
    .slice(from, to)
    .filter(
      (w) =>
        /^[\p{L}-]/u.test(w) &&
        !AUX_WORDS.has(w) &&
        !isAdverb(w) &&
        !/^(?:however|again|earlier|meanwhile|too|so|far)$/.test(w),
    );
  if (words.length === 0 || words.length > 5) return null;
  if (words.length === 1 && (words[0] === 'he' || words[0] === 'she')) return 'person';
  if (words.length === 1 && words[0] === 'it') return 'org';
  if (words[0] !== 'the') return null;
  const head = words.at(-1) ?? '';
  if (PERSON_HEADS.has(head)) return 'person';
  if (ORG_HEADS.has(head)) return 'org';
  return null;
}

/** True when token i sits in a direct quote (whose "we"/"they" are the speaker's, not the reporter's). */
export function inDirectQuote(ix: DocIndex, i: number): boolean {
  const q = ix.quoteAt[i]!;
  return q >= 0 && ix.quotes[q]!.kind === 'direct';
}

/** "its/their/his/her (adjectives) <noun trigger>". */
export function possessivePronounBefore(ix: DocIndex, i: number, lo: number): boolean {
  let floor = Math.max(lo, i - 3);
  for (let k = i - 1; k >= floor; k--) {
    const l = ix.low[k]!;
    if (l === 'its' || l === 'their' || l === 'his' || l === 'her') return true;
    // "its August 1990 invasion": a time between the possessive and the noun
    if (ix.timeAt[k]! >= 0) {
      floor = Math.max(lo, floor - 1);
      continue;
    }
    if (!/^\p{Ll}/u.test(ix.tokens[k]!.text) || ix.entityAt[k]! >= 0) return false;
  }
  return false;
}

/** The subject side of a trigger: entities back to the clause start, or those of a coordinated verb. */
export function subjectRegion(
  ix: DocIndex,
  t: Trigger,
  lo: number,
  window: number,
  triggerAt: Map<number, Trigger>,
): SubjectRegion {
  let k = t.start - 1;
  const floor = Math.max(lo, t.start - window);
  let inherit: string[] | null = null;
  let coordinated = false;
  /** Token ranges [from, to] of parentheticals skipped on the way back ("Moscow, infuriated by …, has"). */
  const skipped: Array<[number, number]> = [];
  // ", calling for …": a participial adjunct has the subject of the clause it follows
  if (isAdjunct(ix, t, lo)) {
    return {
      start: t.start,
      clause: t.start,
      entities: [],
      inherit: null,
      empty: true,
      pronoun: false,
      firstPerson: false,
      anaphor: null,
      auxOnly: false,
      adjunct: true,
      antecedent: null,
      armed: false,
      singular: null,
    };
  }
  while (k >= floor) {
    // "the Organization of the Islamic Conference (OIC) urged": a short bracketed acronym is part of the name
    if (ix.low[k] === ')') {
      let o = k - 1;
      while (o >= floor && o >= k - 4 && ix.low[o] !== '(') o--;
      if (o >= floor && ix.low[o] === '(' && o < k - 1) {
        const pronounBefore = o - 1 >= floor && /^(?:they|he|she|it|we)$/.test(ix.low[o - 1]!);
        if (!pronounBefore) skipped.push([o, k]);
        k = o - 1;
        continue;
      }
    }
    if (ix.low[k] === ',') {
      const open = parentheticalStart(ix, k, floor);
      if (open >= 0) {
        skipped.push([open, k]);
        k = open - 1;
        continue;
      }
      // ", provided Europe continues to boycott …": a condition has its own subject
      if (/^(?:provided|providing)$/.test(ix.low[k + 1] ?? '') && k + 1 < t.start) break;
    }
    // "The Middle East Quartet -- composed of the EU, … -- has demanded": a dashed aside between the subject
    // and its verb is skipped like a comma parenthetical
    if (ix.low[k] === '--' || ix.low[k] === '\u2014') {
      const dash = ix.low[k]!;
      let o = k - 1;
      while (o > floor && o >= k - 30 && ix.low[o] !== dash && !isBoundaryHard(ix.low[o]!)) o--;
      if (o > floor && ix.low[o] === dash && o < k - 1 && !isBoundary(ix, o - 1)) {
        skipped.push([o, k]);
        k = o - 1;
        continue;
      }
    }
    if (isBoundary(ix, k)) break;
    // "Belarus pays Gazprom … gas and Gazprom demanded …": "and" after a common noun, then a name and the verb,
    // starts a clause of its own
    if (
      ix.low[k] === 'and' &&
      k > floor &&
      ix.entityAt[k - 1]! < 0 &&
      /^\p{Ll}/u.test(ix.tokens[k - 1]!.text)
    ) {
      let q = k + 1;
      if (ix.low[q] === 'the') q++;
      if (q < t.start && ix.entityAt[q]! >= 0) {
        q = mentionEnd(ix, q);
        while (q < t.start && (isAdverb(ix.low[q]!) || AUX_WORDS.has(ix.low[q]!))) q++;
        if (q === t.start) break;
      }
    }
    const other = triggerAt.get(k);
    if (other && other !== t) {
      // "X held talks and agreed …": the coordinated verb shares the subject; "X attacked Y and
      // condemned Z": entities between the two verbs are the first verb's objects, never the subject
      let c = t.start - 1;
      while (c > k && (isAdverb(ix.low[c]!) || CLOSE_QUOTES.test(ix.low[c]!) || OPEN_QUOTES.test(ix.low[c]!)))
        c--;
      coordinated = ix.low[c] === 'and' && !other.entry.noun;
      inherit = other.actors.length > 0 ? other.actors : null;
      break;
    }
    k--;
  }
  let clause = k + 1;
  if (ix.low[clause] === 'provided' || ix.low[clause] === 'providing') clause++;
  // "BRUSSELS - NATO urged …": an unstripped dateline is no part of the subject
  const dateline = datelineEnd(ix, lo, t.start);
  if (clause < dateline) clause = dateline;
  let start = clause;
  // drop a leading adverbial ("On the eve of the talks, …", "In a separate briefing, …")
  if (start < t.start && PREP_START.has(ix.low[start]!)) {
    for (let c = start; c < t.start; c++) {
      if (ix.low[c] === ',') {
        start = c + 1;
        break;
      }
    }
  }
  // drop a leading participial phrase ("Addressing the General Assembly, Wang …", "Arguing that …, Shen …")
  const lead = leadingParticiple(ix, lo, t.start);
  if (lead > start) start = lead;
  // the walk back stopped inside the sentence's leading adverbial ("As he left after meeting Rice, Nogaideli
  // called …"): the subject starts after its comma
  const adv = leadingAdverbialEnd(ix, lo, t.start);
  if (adv >= start && clause < adv) {
    start = adv;
    // times in a relative clause or a participial phrase up front are theirs ("Kicking off a stay which
    // includes talks Tuesday with Cheney, Nogaideli met …")
    const opener = ix.low[lo]!;
    if (/^(?:who|which)$/.test(ix.low[clause - 1] ?? '') || /^[a-z]+ing$/.test(opener)) clause = adv;
  }
  const inSkipped = (q: number) => skipped.some(([a, b]) => q >= a && q <= b);
  const entities: string[] = [];
  // "Russia and China, which have close ties with Tehran and have opposed …": in a relative clause, names
  // after the clause's own first verb are its objects; the subject is the antecedent
  const relativeOpen = /^(?:who|which)$/.test(ix.low[clause - 1] ?? '');
  let pronoun = false;
  let firstPerson = false;
  let words = 0;
  if (!coordinated) {
    for (let q = start; q < t.start; q++) {
      if (inSkipped(q)) continue;
      // "ElBaradei received the prize and called for …": entities after a finite verb are its objects
      if (entities.length > 0 && finiteVerbAt(ix, q)) break;
      if (
        relativeOpen &&
        entities.length === 0 &&
        FINITE_AUX.has(ix.low[q]!) &&
        contentBefore(ix, q + 1, t.start)
      )
        break;
      const id = entAt(ix, q);
      if (/^\p{L}/u.test(ix.tokens[q]!.text)) words++;
      if (!id && /^(he|she|it|they)$/.test(ix.low[q]!)) pronoun = true;
      if (!id && /^(we|i)$/.test(ix.low[q]!)) firstPerson = true;
      if (!id || entities.includes(id)) continue;
      if (ix.timeAt[q]! >= 0) continue;
      if (locPrepped(ix, q, start) || objectPrepped(ix, q, start)) continue;
      if (ix.mentionStart[q] === q || q === start) {
        if (isModifier(ix, q, t.start)) {
          q = mentionEnd(ix, q) - 1;
          continue;
        }
      } else if (ix.mentionStart[q]! < start && isModifier(ix, q, t.start)) continue;
      entities.push(id);
    }
  }
  const auxOnly =
    start < t.start &&
    (ix.low[clause - 1] === 'but' || ix.low[clause - 1] === 'and' || ix.low[start] === 'but') &&
    ix.low.slice(start, t.start).every((w) => AUX_WORDS.has(w) || isAdverb(w) || w === ',');
  if (coordinated)
    return {
      start,
      clause,
      entities,
      inherit: inherit ?? [],
      empty: false,
      pronoun,
      firstPerson,
      anaphor: null,
      auxOnly: false,
      adjunct: false,
      antecedent: null,
      armed: false,
      singular: null,
    };
  if (inherit && entities.length > 0) inherit = null;
  // "Annan's representative in Cyprus, Gustave Feissel, has been mediating": the named appositive acts,
  // not the one whose representative he is
  if (entities.length === 1) {
    const named = appositivePerson(ix, start, t.start);
    if (named && named !== entities[0]) entities.splice(0, 1, named);
  }
  const anaphor = entities.length === 0 ? findAnaphor(ix, start, t.start) : null;
  return {
    start,
    clause,
    entities,
    inherit,
    empty: words === 0 || entities.length === 0,
    pronoun,
    firstPerson,
    anaphor,
    auxOnly,
    adjunct: false,
    antecedent: entities.length === 0 && !inherit ? relativeAntecedent(ix, clause, lo) : null,
    armed: entities.length === 0 && ix.low.slice(start, t.start).some((w) => MILITARY.has(w) || ARMED.has(w)),
    singular:
      entities.length === 0 && !inDirectQuote(ix, t.start) ? singularAnaphor(ix, start, t.start) : null,
  };
}

/**
 * One past the comma that closes a sentence-initial adverbial or appositive phrase ("After talks with X, …",
 * "As he left …, …", "A close ally of Castro, the leader …") before token `end`; -1 when there is none.
 */
export function leadingAdverbialEnd(ix: DocIndex, lo: number, end: number): number {
  let s = lo;
  if (ix.low[s] === 'also' || ix.low[s] === 'meanwhile' || ix.low[s] === 'but' || ix.low[s] === 'and') s++;
  const w = ix.low[s];
  if (w === undefined || ix.entityAt[s]! >= 0) return -1;
  const opener =
    PREP_START.has(w) ||
    /^(?:a|an)$/.test(w) ||
    (/^[a-z]+(?:ing|ed)$/.test(w) && /^\p{Lu}/u.test(ix.tokens[s]!.text));
  if (!opener) return -1;
  // a leading phrase is short: the scan is bounded so that a very long sentence stays linear
  for (let c = s + 1; c < Math.min(end, s + 40); c++) {
    const l = ix.low[c]!;
    // "Kicking off a stay in Washington, which includes talks …, Nogaideli met": a relative clause
    // inside the phrase runs to the next comma
    if (l === ',' && !/^(?:which|who|where)$/.test(ix.low[c + 1] ?? '')) return c + 1;
    if (isBoundary(ix, c) && !CLAUSE_WORDS.has(l)) return -1;
  }
  return -1;
}

/** True when token i sits in a sentence-initial adverbial phrase ("At a summit with Roh, …", "After talks with …,"). */
export function inLeadingAdverbial(ix: DocIndex, i: number, lo: number): boolean {
  if (ix.low[lo] === 'also' || ix.low[lo] === 'meanwhile') lo++;
  const w = ix.low[lo]!;
  if (!PREP_START.has(w) && !/^[a-z]+ing$/.test(w)) return false;
  for (let c = lo; c < i; c++) if (ix.low[c] === ',' || isBoundary(ix, c)) return false;
  return true;
}

/** ", calling for …", ", thanking …": a present participle after a comma, with no subject of its own. */
export function isAdjunct(ix: DocIndex, t: Trigger, lo: number): boolean {
  if (t.entry.noun || !/ing$/.test(ix.low[t.start]!)) return false;
  let p = t.start - 1;
  while (p > lo && isAdverb(ix.low[p]!)) p--;
  return p > lo && ix.low[p] === ',';
}

/**
 * In a subject "X's envoy (in Y), NAME,", the token-level entity of NAME (a person set off by commas after a
 * possessive envoy noun); else null.
 */
export function appositivePerson(ix: DocIndex, start: number, end: number): string | null {
  for (let k = start; k + 2 < end; k++) {
    const possessive = ix.low[k] === "'s" || (/'s$/.test(ix.low[k]!) && ix.entityAt[k]! >= 0);
    if (!possessive || !ENVOY_NOUNS.has(ix.low[k + 1]!)) continue;
    for (let c = k + 2; c < Math.min(end, k + 8); c++) {
      if (ix.low[c] !== ',') continue;
      const ei = ix.entityAt[c + 1]!;
      if (ei < 0 || ix.entities[ei]!.type !== 'PERSON') return null;
      const after = mentionEnd(ix, c + 1);
      return after < end && ix.low[after] === ',' ? ix.entities[ei]!.id : null;
    }
    return null;
  }
  return null;
}

/** Sentence-internal stops that no aside spans. */
export function isBoundaryHard(l: string): boolean {
  return l === ';' || l === ':' || l === '.' || OPEN_QUOTES.test(l) || CLOSE_QUOTES.test(l);
}

/**
 * When the comma at k closes a parenthetical that follows a name ("Moscow, infuriated by …,", "Manbar, 51,
 * an owner of …,", "Olmert, who flew to Italy …,"), the index of its opening comma; else -1. A list of
 * names ("Denmark, France, and Germany") is not a parenthetical: its items start with a name.
 */
export function parentheticalStart(ix: DocIndex, k: number, floor: number): number {
  for (let p = k - 1; p >= Math.max(floor, k - 25); p--) {
    const l = ix.low[p]!;
    if (l === ';' || l === ':' || OPEN_QUOTES.test(l) || CLOSE_QUOTES.test(l)) return -1;
    if (l !== ',') continue;
    const first = p + 1;
    if (first >= k) return -1;
    const f = ix.low[first]!;
    const ft = ix.tokens[first]!.text;
    const opens =
      /^(?:who|which|whose|where|a|an|just|once|still|now|long)$/.test(f) ||
      /^\d/.test(f) ||
      (/^\p{Ll}+(?:ed|ing)$/u.test(ft) && ix.entityAt[first]! < 0) ||
      // "Cohen, on the first stop of …,", "Rosales, for his part,"
      /^(?:on|in|at|during|after|before|like|unlike|despite|for)$/.test(f) ||
      (f === 'the' && ix.entityAt[first + 1]! < 0 && /^\p{Ll}/u.test(ix.tokens[first + 1]?.text ?? ''));
    if (!opens) return -1;
    const before = p - 1;
    if (before < floor) return -1;
    if (ix.entityAt[before]! >= 0 || /^\d/.test(ix.low[before]!)) return p;
    // "the Hamas movement, which …,", "The coalition, a cross-section of …,": a group noun before it
    if (AGENTIVE.has(ix.low[before]!) || GENERIC_HEADS.has(ix.low[before]!)) return p;
    return -1;
  }
  return -1;
}

/** True when a sentence-initial phrase ends in a comma followed closely by a name ("Slamming …, the Chinese envoy said"). */
export function nameAfterLeadingPhrase(ix: DocIndex, lo: number, hi: number): boolean {
  const adv = leadingAdverbialEnd(ix, lo, hi);
  if (adv < 0) return false;
  for (let q = adv; q < Math.min(hi, adv + 5); q++) if (ix.entityAt[q]! >= 0) return true;
  return false;
}

/** Start of the clause after a sentence-initial participial phrase and its comma, or -1. */
export function leadingParticiple(ix: DocIndex, lo: number, end: number): number {
  const w = ix.low[lo];
  if (w === undefined || ix.entityAt[lo]! >= 0 || !/^[a-z]+(?:ing|ed)$/.test(w)) return -1;
  for (let c = end - 1; c > lo; c--) {
    if (ix.low[c] === ',') {
      // the subject after the comma must name someone
      for (let q = c + 1; q < end; q++) if (ix.entityAt[q]! >= 0) return c + 1;
      return -1;
    }
  }
  return -1;
}

/** A finite verb inside a subject region: an auxiliary, or a lower-case "-ed" word that takes an object. */
export function finiteVerbAt(ix: DocIndex, q: number): boolean {
  const l = ix.low[q]!;
  if (ix.entityAt[q]! >= 0 || !/^\p{Ll}/u.test(ix.tokens[q]!.text)) return false;
  if (FINITE_AUX.has(l)) return true;
  if (!/[^e]ed$|^(?:won|got|took|gave|made|met|sent|held)$/.test(l)) return false;
  const prev = ix.low[q - 1] ?? '';
  if (NOUN_CONTEXT.has(prev) || FINITE_AUX.has(prev) || BE.has(prev)) return false;
  const next = ix.low[q + 1] ?? '';
  return OBJECT_START.has(next) || ix.entityAt[q + 1]! >= 0;
}

/** True when [from, to) holds a word that is neither an auxiliary, an adverb nor "and"/"but" (a verb's object). */
export function contentBefore(ix: DocIndex, from: number, to: number): boolean {
  for (let q = from; q < to; q++) {
    const l = ix.low[q]!;
    if (/^\p{L}/u.test(l) && !AUX_WORDS.has(l) && !isAdverb(l)) return true;
  }
  return false;
}

/**
 * The antecedent of a relative pronoun at the clause start: "Ahmadinejad, who has threatened …" is
 * Ahmadinejad; "the Council adopted a statement that welcomed …" is the Council (a document speaks for the
 * one who adopted it). Null when the clause is not relative or the antecedent names nobody.
 */
export function relativeAntecedent(ix: DocIndex, clause: number, lo: number): string[] | null {
  const r = clause - 1;
  if (r <= lo) return null;
  const rel = ix.low[r]!;
  if (rel !== 'who' && rel !== 'which' && rel !== 'that') return null;
  let q = r - 1;
  if (ix.low[q] === ',') q--;
  while (q > lo && ix.timeAt[q]! >= 0) q--;
  const id = q >= lo ? entAt(ix, q) : null;
  if (id && rel !== 'that') {
    const e = ix.entities[ix.entityAt[q]!]!;
    if (e.type !== 'NORP') {
      // "Russia and China, which …": a coordinated antecedent
      const out = [id];
      let p = ix.mentionStart[q]! >= 0 ? ix.mentionStart[q]! - 1 : q - 1;
      while (p > lo && (ix.low[p] === 'and' || ix.low[p] === ',')) {
        const other = entAt(ix, p - 1);
        if (!other || ix.entities[ix.entityAt[p - 1]!]!.type === 'NORP') break;
        if (!out.includes(other)) out.unshift(other);
        p = ix.mentionStart[p - 1]! >= 0 ? ix.mentionStart[p - 1]! - 1 : p - 2;
      }
      return out;
    }
  }
  if (DOC_NOUNS.has(ix.low[q] ?? '')) {
    const subj = mainSubject(ix, lo, q);
    return subj.length > 0 ? subj : null;
  }
  return null;
}

/**
 * The subject of a sentence's main clause: the names from its start (after a leading adverbial or
 * participial phrase) up to the first verb. Used for parts of a sentence that share that subject.
 */
/**
 * One past an unstripped dateline opening the sentence at lo ("BRUSSELS -", "Washington, Dec 3 (AFP) -",
 * "KABUL, Afghanistan, Nov 2 --"), else lo. The place there is where the story was filed, never a party, so
 * it must not join the subject of the first verb.
 */
export function datelineEnd(ix: DocIndex, lo: number, hi: number): number {
  const id = entAt(ix, lo);
  if (!id || !isLocType(ix, id) || ix.mentionStart[lo] !== lo) return lo;
  for (let k = mentionEnd(ix, lo); k < Math.min(hi, lo + 14); k++) {
    const l = ix.low[k]!;
    if (/^(?:-|--|\u2013|\u2014)$/.test(l)) return k + 1;
    const t = ix.tokens[k]!.text;
    // the filing date, the country or the agency: commas, numbers, capitalised words, a bracketed agency
    if (!(l === ',' || l === '.' || l === '(' || l === ')' || /^\d{1,4}$/.test(l) || /^\p{Lu}/u.test(t)))
      return lo;
  }
  return lo;
}

export function mainSubject(ix: DocIndex, lo: number, end: number): string[] {
  lo = Math.max(lo, datelineEnd(ix, lo, end));
  while (lo < end && (ix.low[lo] === 'also' || ix.low[lo] === 'meanwhile' || isAdverb(ix.low[lo]!))) lo++;
  // a sentence that opens with a quote: the subject follows it ('"…," Yushchenko told them, calling …')
  if (OPEN_QUOTES.test(ix.low[lo]!)) {
    let c = lo + 1;
    while (c < end && !CLOSE_QUOTES.test(ix.low[c]!)) c++;
    if (c < end) lo = c + 1;
  }
  let start = lo;
  if (
    PREP_START.has(ix.low[lo]!) ||
    leadingParticiple(ix, lo, end) > 0 ||
    (/ing$/.test(ix.low[lo]!) && nameAfterLeadingPhrase(ix, lo, end))
  ) {
    const adv = leadingAdverbialEnd(ix, lo, end);
    if (adv > 0) start = adv;
    else
      for (let c = lo; c < end; c++)
        if (ix.low[c] === ',') {
          start = c + 1;
          break;
        }
  }
  // the subject ends at the first verb
  let stop = start;
  for (; stop < end; stop++) {
    const l = ix.low[stop]!;
    if (
      ix.entityAt[stop]! < 0 &&
      /^\p{Ll}/u.test(ix.tokens[stop]!.text) &&
      (FINITE_AUX.has(l) || LEXICON.byWord.has(l) || isReportingVerb(ix, stop) || /[^e]ed$/.test(l))
    )
      break;
  }
  end = stop;
  const out: string[] = [];
  for (let q = start; q < end; q++) {
    const l = ix.low[q]!;
    const id = entAt(ix, q);
    if (!id) {
      // ("The coalition, a cross-section of … politicians, called …": a group noun's appositive too)
      const groupHead = q > start && (AGENTIVE.has(ix.low[q - 1]!) || GENERIC_HEADS.has(ix.low[q - 1]!));
      if (l === ',' && (out.length > 0 || groupHead) && ix.entityAt[q + 1]! < 0) {
        const open = q;
        // skip an appositive after the subject
        let c = open + 1;
        while (c < end && ix.low[c] !== ',') c++;
        q = c;
      }
      continue;
    }
    if (out.includes(id) || ix.timeAt[q]! >= 0 || locPrepped(ix, q, start)) continue;
    if (ix.mentionStart[q] === q && isModifier(ix, q, end)) {
      q = mentionEnd(ix, q) - 1;
      continue;
    }
    out.push(id);
  }
  return out;
}

/** One past the last token of the entity mention covering token q. */
export function mentionEnd(ix: DocIndex, q: number): number {
  const ei = ix.entityAt[q]!;
  const ms = ix.mentionStart[q]!;
  let k = q + 1;
  while (k < ix.tokens.length && ix.entityAt[k] === ei && ix.mentionStart[k] === ms) k++;
  return k;
}

/**
 * True when the entity mention at token q modifies something else rather than acting: a name before a person
 * ("UNSCOM chief Rolf Ekeus", "South Korea's National Security Advisor Shin"), or a place or group name used
 * as an adjective before a non-agentive noun ("Iraq policy", "the Istanbul commitments").
 */
export function isModifier(ix: DocIndex, q: number, limit: number): boolean {
  const e = ix.entities[ix.entityAt[q]!]!;
  const end = mentionEnd(ix, q);
  if (end >= limit) return false;
  // "the New York-based group", "US-led forces": a name glued to a hyphenated modifier qualifies the noun
  if (e.type !== 'PERSON' && /-(?:based|led|backed|owned|run|controlled|funded|made)$/.test(ix.low[end - 1]!))
    return true;
  const after = ix.tokens[end - 1]!.end;
  if (ix.text[after] === '-' && e.type !== 'PERSON' && /^\p{L}/u.test(ix.text[after + 1] ?? '')) {
    const rest = ix.text.slice(after + 1, after + 10);
    if (/^(?:based|led|backed|owned|run|controlled|funded|made)\b/.test(rest)) return true;
  }
  // before a person: skip titles ("chief", "Foreign Minister", "'s National Security Advisor")
  let k = end;
  let n = 0;
  while (k < limit && n < 6) {
    const ei = ix.entityAt[k]!;
    if (ei >= 0) {
      // the name is dropped only when the person carries its country ("Iran's leader Khomeini" keeps Iran
      // when Khomeini's country is unknown)
      const p = ix.entities[ei]!;
      if (p.type === 'PERSON' && e.type !== 'PERSON') return !!p.country || e.type === 'ORG';
      break;
    }
    const l = ix.low[k]!;
    if (l === ',' || l === 'and' || l === 'or' || RUN_STOP.has(l) || !/^[\p{L}']/u.test(ix.tokens[k]!.text))
      break;
    if (LEXICON.byWord.has(l) || isReportingVerb(ix, k)) break;
    k++;
    n++;
  }
  if (e.type === 'PERSON' || ix.low[end] === "'s") return false;
  // attributive use: a lower-case noun run follows
  let head = '';
  for (k = end; k < limit && k < end + 4; k++) {
    const tx = ix.tokens[k]!.text;
    const l = ix.low[k]!;
    if (
      !/^\p{Ll}/u.test(tx) ||
      RUN_STOP.has(l) ||
      isReportingVerb(ix, k) ||
      /ly$/.test(l) ||
      ix.timeAt[k]! >= 0
    )
      break;
    if (LEXICON.byWord.has(l) && head !== '') break;
    // "Russia began its invasion", "Pyongyang walked out": a past verb, not a head noun
    if (head === '' && LEXICON.past.has(l) && !/^(?:had|put|set|cut)$/.test(l)) break;
    if (
      head === '' &&
      /[^e]ed$/.test(l) &&
      !MODIFIER_PARTICIPLES.has(l) &&
      /^(?:out|up|off|back|down|away|in|on|to|the|a|an|its|their|his|her)$/.test(ix.low[k + 1] ?? '')
    )
      break;
    // "Russia failed to …": a verb, not a head noun
    if (/ed$/.test(l) && (RUN_STOP.has(ix.low[k + 1] ?? '') || OBJECT_START.has(ix.low[k + 1] ?? ''))) break;
    head = l;
  }
  // a nationality before a noun names the group ("Palestinian prisoners", "Swiss doctors")
  if (head === '' || e.type === 'NORP') return false;
  if (e.type === 'MISC') return true;
  // "the APEC statement urged …": an organisation speaks through the document it issues
  if (e.type === 'ORG' && DOC_NOUNS.has(head)) return false;
  return !AGENTIVE.has(head);
}

/** A group anaphor: "they", "the two sides", "both countries", "the officials". */
export interface Anaphor {
  count: number | null;
  countries: boolean;
}

/** Finds a group anaphor in the subject tokens [from, to). */
export function findAnaphor(ix: DocIndex, from: number, to: number): Anaphor | null {
  for (let q = from; q < to; q++) {
    const l = ix.low[q]!;
    if (ix.entityAt[q]! >= 0) continue;
    if (l === 'they' || l === '(they)') return { count: null, countries: false };
    if (!GROUP_HEADS.has(l)) continue;
    // "the … officials of X" names its group explicitly
    if (ix.low[q + 1] === 'of') return null;
    let count: number | null = null;
    let definite = false;
    for (let b = q - 1; b >= Math.max(from, q - 4); b--) {
      const w = ix.low[b]!;
      if (w in COUNT_WORDS) count = COUNT_WORDS[w]!;
      if (w === 'the' || w === 'both' || w === 'all') definite = true;
    }
    if (w2(ix, q - 1) === 'both') count = 2;
    if (!definite) return null;
    return { count, countries: COUNTRY_HEADS.has(l) };
  }
  return null;
}

export function w2(ix: DocIndex, k: number): string {
  return k >= 0 ? ix.low[k]! : '';
}

/** A group of participants seen earlier in the document (for anaphors). */
export interface Group {
  sentence: number;
  ids: string[];
}

/** Resolves a group anaphor to the most recent earlier group of the right size (within five sentences). */
export function resolveAnaphor(
  ix: DocIndex,
  a: Anaphor,
  groups: readonly Group[],
  sentence: number,
): string[] {
  for (let g = groups.length - 1; g >= 0; g--) {
    const grp = groups[g]!;
    if (sentence - grp.sentence > 5) break;
    const ids = a.countries ? toCountries(ix, grp.ids) : grp.ids;
    if (ids.length < 2) continue;
    if (a.count !== null && ids.length !== a.count) continue;
    return ids;
  }
  return [];
}

/** Maps participants to the country entities they represent (a person to their country's entity). */
export function toCountries(ix: DocIndex, ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const e = ix.entities.find((x) => x.id === id);
    if (!e) continue;
    let c = id;
    if (e.type !== 'GPE' && e.country) c = countryEntity(ix, e.country) ?? id;
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** The GPE entity of a country code in this document (the one with the most mentions), or null. */
export function countryEntity(ix: DocIndex, country: string): string | null {
  let best: string | null = null;
  let n = -1;
  for (const e of ix.entities) {
    if (e.type === 'GPE' && e.country === country && e.kb?.startsWith('country:') !== false) {
      if (e.mentions.length > n) {
        n = e.mentions.length;
        best = e.id;
      }
    }
  }
  return best;
}

/**
 * Participants as an analyst reads them: a nationality ("Japanese") becomes its country's entity, and a
 * country is dropped when one of the listed persons already represents it ("South Korea, Shin Won-sik" →
 * "Shin Won-sik").
 */
export function normalizeParticipants(ix: DocIndex, ids: readonly string[]): string[] {
  // a group entity ("the two officials", with an added `members` field) stands for its members
  const expanded: string[] = [];
  for (const id of ids) {
    const g = ix.entities.find((x) => x.id === id) as (Entity & { members?: unknown }) | undefined;
    const members = Array.isArray(g?.members)
      ? (g.members as unknown[]).filter((m) => typeof m === 'string')
      : [];
    for (const m of members.length > 0 ? members : [id]) if (!expanded.includes(m)) expanded.push(m);
  }
  const ents = expanded.map((id) => ix.entities.find((x) => x.id === id)).filter((e) => !!e);
  const personCountries = new Set(
    ents.filter((e) => e.type === 'PERSON' && e.country).map((e) => e.country!),
  );
  const out: string[] = [];
  for (const e of ents) {
    let id = e.id;
    let type = e.type;
    if (e.type === 'NORP' && e.country) {
      const c = countryEntity(ix, e.country);
      if (c) {
        id = c;
        type = 'GPE';
      }
    }
    if ((type === 'GPE' || type === 'NORP') && e.country && personCountries.has(e.country)) continue;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** The first entity group after token `from`: "Russia and North Korea", "Shin, Sullivan and Akiba". */
export function entityGroup(
  ix: DocIndex,
  from: number,
  hi: number,
  lo: number,
  exclude: string[],
  stop: ReadonlySet<string> | null = null,
): string[] {
  const out: string[] = [];
  let k = from;
  const limit = Math.min(hi, from + 15);
  // find the first entity; an infinitive ("a plan to allow UN peacekeepers in") starts another clause
  while (k < limit && !isBoundary(ix, k) && ix.low[k] !== ',') {
    if (k > from && (infinitival(ix, k) || stop?.has(ix.low[k]!))) return out;
    const id = entAt(ix, k);
    if (id && !exclude.includes(id) && !locPrepped(ix, k, lo)) break;
    k++;
  }
  if (k >= limit || entAt(ix, k) === null || isBoundary(ix, k) || ix.low[k] === ',') return out;
  while (k < limit) {
    const id = entAt(ix, k);
    if (id) {
      // "Israeli Prime Minister Ehud Olmert", "his Russian counterpart, Sergei Lavrov": the person
      const p = personAfter(ix, k, limit);
      if (p >= 0) {
        k = p;
        continue;
      }
      if (!out.includes(id) && !exclude.includes(id)) out.push(id);
      k++;
      continue;
    }
    const l = ix.low[k]!;
    // "the Buddhist monk and the Taiwan authorities": a nationality's head noun, then more of the list
    const prev = k > from ? ix.entityAt[k - 1]! : -1;
    if (out.length > 0 && prev >= 0 && ix.entities[prev]!.type === 'NORP') {
      let q = k;
      while (
        q < limit &&
        q < k + 2 &&
        /^\p{Ll}+$/u.test(ix.tokens[q]!.text) &&
        !RUN_STOP.has(ix.low[q]!) &&
        !LEXICON.byWord.has(ix.low[q]!)
      )
        q++;
      if (q > k && ix.low[q] === 'and') {
        k = q;
        continue;
      }
    }
    // "Iraq's neighbours Iran and Syria", "Russia's ally Belarus": the possessed names are the group
    if (l === "'s" && out.length > 0) {
      let q = k + 1;
      while (
        q < limit &&
        q < k + 3 &&
        !entAt(ix, q) &&
        /^\p{Ll}+$/u.test(ix.tokens[q]!.text) &&
        !RUN_STOP.has(ix.low[q]!) &&
        !LEXICON.byWord.has(ix.low[q]!)
      )
        q++;
      if (q > k + 1 && q < limit && entAt(ix, q) && !locPrepped(ix, q, lo)) {
        out.pop();
        k = q;
        continue;
      }
    }
    // continue through coordination to another entity, but not to the speaker ("…, Eisin said")
    if (l === 'and' || l === ',' || l === 'or' || l === 'the' || l === "'s") {
      let q = k + 1;
      while (q < limit && (ix.low[q] === 'the' || ix.low[q] === 'and')) q++;
      // "Hashimoto and President Bill Clinton": a title before the next name
      let title = q;
      while (
        title < limit &&
        title < q + 3 &&
        !entAt(ix, title) &&
        ix.timeAt[title]! < 0 &&
        /^\p{Lu}\p{Ll}+$/u.test(ix.tokens[title]!.text)
      )
        title++;
      if (
        title > q &&
        title < limit &&
        entAt(ix, title) &&
        ix.entities[ix.entityAt[title]!]!.type === 'PERSON'
      )
        q = title;
      if (q < limit && entAt(ix, q) && l !== "'s") {
        const after = mentionEnd(ix, q);
        // "with Prodi, Olmert will …": after a comma, a name that is not followed by more of the list starts
        // a clause
        if (l === ',' && after < hi && !/^(?:,|and|or|\)|\.)$/.test(ix.low[after]!)) break;
        k = q;
        continue;
      }
    }
    break;
  }
  return out;
}

/**
 * When the (non-person) mention at k only qualifies a person named right after it ("Israeli Prime Minister
 * Ehud Olmert", "his Russian counterpart, Sergei Lavrov", "US Defense Secretary William Cohen"), the token of
 * that person; else -1.
 */
export function personAfter(ix: DocIndex, k: number, limit: number): number {
  const e = ix.entities[ix.entityAt[k]!]!;
  if (e.type === 'PERSON') return -1;
  let q = mentionEnd(ix, k);
  let comma = false;
  let posted = false;
  /** Inside the remit of a title ("UN diplomat on Lebanese ties with Syria Terje Roed-Larsen"). */
  let remit = false;
  // "Anglo-Dutch giant Royal Dutch Shell", "US firm Halliburton": a nationality and a company noun describe the
  // organisation named right after them
  if (
    (e.type === 'NORP' || e.type === 'MISC') &&
    COMPANY_NOUNS.has(ix.low[q] ?? '') &&
    ix.entityAt[q + 1]! >= 0
  ) {
    const o = ix.entities[ix.entityAt[q + 1]!]!;
    if (o.type === 'ORG') return q + 1;
  }
  for (let n = 0; q < limit && n < (remit ? 10 : 6); n++, q++) {
    const ei = ix.entityAt[q]!;
    if (ei >= 0) {
      const p = ix.entities[ei]!;
      if (remit && p.type !== 'PERSON') {
        q = mentionEnd(ix, q) - 1;
        continue;
      }
      if (p.type !== 'PERSON') return -1;
      if (e.country && p.country && p.country !== e.country && !posted) return -1;
      return q;
    }
    const l = ix.low[q]!;
    if (l === ',' && !comma && n > 0) {
      comma = true;
      continue;
    }
    // "Minister of defence", "Secretary of State Condoleezza Rice"
    if (l === 'of' && n > 0 && /^\p{L}/u.test(ix.tokens[q + 1]?.text ?? '')) continue;
    // "the top UN diplomat on Lebanese ties with Syria Terje Roed-Larsen": a remit after an envoy noun, with
    // the names it mentions, still leads to the person
    if ((l === 'on' || l === 'for') && n > 0 && REMIT_NOUNS.has(ix.low[q - 1]!)) {
      remit = true;
      continue;
    }
    if (remit && (l === 'with' || l === 'and' || l === 'the' || /^\p{Ll}+$/u.test(ix.tokens[q]!.text))) {
      if (isReportingVerb(ix, q) || LEXICON.byWord.has(l) || (RUN_STOP.has(l) && l !== 'with' && l !== 'and'))
        return -1;
      continue;
    }
    // "US ambassador in Iraq Zalmay Khalilzad", "envoy to Sudan Jan Pronk": the posting is part of the title
    if ((l === 'in' || l === 'to') && n > 0 && ix.entityAt[q + 1]! >= 0) {
      const g = ix.entities[ix.entityAt[q + 1]!]!;
      if (g.type === 'GPE' && ix.entityAt[mentionEnd(ix, q + 1)]! >= 0) {
        q = mentionEnd(ix, q + 1) - 1;
        posted = true;
        continue;
      }
    }
    if (comma || RUN_STOP.has(l) || !/^[\p{L}.-]/u.test(ix.tokens[q]!.text) || isReportingVerb(ix, q))
      return -1;
    if (LEXICON.byWord.has(l)) return -1;
  }
  return -1;
}

/** Targets of a verb trigger: the first entity group after it within the clause. */
export function objectTargets(ix: DocIndex, t: Trigger, hi: number, lo: number, actors: string[]): string[] {
  let from = t.entry.obj ? t.consumedEnd : t.end;
  while (from < hi && (OPEN_QUOTES.test(ix.low[from]!) || CLOSE_QUOTES.test(ix.low[from]!))) from++;
  // what is discussed is a topic, not a party: "discussed North Korea" has no target, "discussed … with Ray" has
  if (t.entry.topic) {
    for (let k = from; k < Math.min(hi, from + 8); k++) {
      if (ix.low[k] === 'with') return entityGroup(ix, k + 1, hi, lo, actors);
      if (isBoundary(ix, k) || ix.low[k] === ',') break;
    }
    return [];
  }
  // "called him a puppet", "branded Rosales a liar": the one named is between the verb and the insult
  // ("would not follow the US example": the one whose example it is)
  if (t.entry.between) {
    for (let k = t.end; k < t.consumedEnd; k++) {
      const id = entAt(ix, k);
      if (id && !actors.includes(id)) return [id];
    }
    return [];
  }
  // "blocked a common EU stance on China": what is blocked is the named party's own stance
  if (t.type === 'REJECT' && t.entry.obj) {
    for (let k = t.end; k < t.consumedEnd - 1; k++) {
      const id = entAt(ix, k);
      if (!id || actors.includes(id)) continue;
      if (
        /-(?:based|led|backed|owned|run|controlled|funded|made|sponsored)$/.test(
          ix.low[mentionEnd(ix, k) - 1]!,
        )
      )
        continue;
      return [id];
    }
  }
  // "accused western nations of turning a blind eye to China's progress": the charge is not a party
  const group = entityGroup(ix, from, hi, lo, actors, /^11[25]/.test(t.cameo ?? '') ? CHARGE_STOP : null);
  if (group.length > 0 || !/^11[14]/.test(t.cameo ?? '')) return group;
  // "regret to say that the Peruvian government did not notify us", "complained that Israel …": what is
  // deplored is done by the subject of the that-clause
  for (let k = from; k < Math.min(hi, from + 5); k++) {
    const l = ix.low[k]!;
    if (l === 'that') {
      let q = k + 1;
      if (ix.low[q] === 'the') q++;
      const id = entAt(ix, q);
      return id && !actors.includes(id) && !isModifier(ix, q, hi) ? [id] : [];
    }
    if (l !== 'to' && l !== 'say' && l !== 'note' && !isAdverb(l)) break;
  }
  return group;
}

/** Actor and target of a noun trigger: "North Korea's troop dispatch to Russia", "deployments by the DPRK to Russia". */
export function nounRoles(ix: DocIndex, t: Trigger, lo: number, hi: number): void {
  // possessive before: "<entity> 's <trigger>" (adjectives allowed in between)
  for (let k = t.start - 1; k >= Math.max(lo, t.start - 4); k--) {
    if (ix.low[k] === "'s" && k - 1 >= lo) {
      const id = entAt(ix, k - 1);
      if (id) t.actors = [id];
      break;
    }
    const id = entAt(ix, k);
    if (id) {
      // "the Israeli attack", "US sanctions": a nationality or a country (not a city or square, which is
      // where it happened) names the actor; a meeting's sides are never read off a modifier
      const e = ix.entities[ix.entityAt[k]!]!;
      const country = e.type === 'NORP' || (e.type === 'GPE' && !!e.kb?.startsWith('country:'));
      if (country && t.type !== 'CONSULT') t.actors = [id];
      break;
    }
    // only adjectives may stand between ("Israel remained opposed to talks" names no actor of the talks;
    // "Richardson's address in protest" names no protester)
    const l = ix.low[k]!;
    if (isBoundary(ix, k) || l === ',' || /^(?:to|in|at|on|by|as)$/.test(l) || !nounModifierWord(ix, k))
      break;
  }
  const consult = t.type === 'CONSULT';
  const placeEnd = consult ? afterTime(ix, t.end, hi) : t.end;
  for (let k = t.end; k < Math.min(hi, t.end + 8); k++) {
    const l = ix.low[k]!;
    if (k < placeEnd) continue;
    if (isBoundary(ix, k) || l === ',') break;
    if (l === 'by' && t.actors.length === 0) {
      t.actors = entityGroup(ix, k + 1, hi, lo, []);
      // "by Singapore, Japan and Indonesia over …": step over the list the group came from
      let q = k + 1;
      while (
        q < hi &&
        (ix.entityAt[q]! >= 0 || ix.low[q] === ',' || ix.low[q] === 'and' || ix.low[q] === 'the')
      )
        q++;
      if (t.actors.length > 1) k = q - 1;
      continue;
    }
    // "talks between Uganda and the LRA", "the visit of Putin to Jordan" ("a ceasefire between Israel and
    // the Palestinians", "an agreement between X and Y": both sides made it)
    if (t.type === 'AGREE' && l === 'between' && k === t.end && t.actors.length === 0) {
      t.actors = entityGroup(ix, k + 1, hi, lo, []);
      continue;
    }
    if (
      consult &&
      k === afterTime(ix, t.end, hi) &&
      (l === 'between' || l === 'of') &&
      t.actors.length === 0
    ) {
      t.actors = entityGroup(ix, k + 1, hi, lo, []);
      continue;
    }
    // "a summit with President Roh", "talks with Lavrov"
    if (consult && l === 'with' && t.targets.length === 0) {
      t.targets = entityGroup(ix, k + 1, hi, lo, t.actors);
      continue;
    }
    // "its invasion of Ukraine", "the bombing of Belgrade"
    const ofTarget =
      l === 'of' &&
      k === t.end &&
      (t.type === 'FIGHT' || t.type === 'ASSAULT' || t.type === 'COERCE' || t.type === 'DISAPPROVE');
    if (
      (l === 'to' ||
        l === 'against' ||
        l === 'with' ||
        l === 'on' ||
        l === 'into' ||
        ofTarget ||
        // "concern raised by X over Y"
        ((l === 'over' || l === 'about') && t.type === 'DISAPPROVE')) &&
      t.targets.length === 0
    ) {
      // the object must follow the preposition directly ("to Russia", "against the DPRK"), not somewhere
      // in a later phrase ("imposed … to serve US policy goals")
      let q = k + 1;
      if (ix.low[q] === 'the') q++;
      // "concern over possible Chinese dominance": what is feared may carry an adjective or two
      if (l === 'over' || l === 'about')
        for (let n = 0; n < 2 && q < hi && !entAt(ix, q) && /^\p{Ll}+$/u.test(ix.tokens[q]!.text); n++) q++;
      // "a visit to the neighbouring Czech Republic": an adjective may stand before the name
      else for (let n = 0; n < 2 && q < hi && !entAt(ix, q) && ADJECTIVE.test(ix.tokens[q]!.text); n++) q++;
      if (entAt(ix, q) && !isModifier(ix, q, hi)) t.targets = entityGroup(ix, q, hi, lo, t.actors);
    }
  }
}
