import { CLAUSE_WORDS, CLOSE_QUOTES, isReportingVerb, OPEN_QUOTES } from './attribution.js';
import {
  ADJECTIVE,
  BE,
  COMPOUND_HEADS,
  FINITE_AUX,
  FUTURE,
  GERUND_PREP,
  HYPOTHETICAL,
  LIGHT_VERBS,
  LOC_PREP,
  MODIFIER_PARTICIPLES,
  NEGATION,
  NON_VIOLENT_MODIFIERS,
  NOT_BASE,
  NOT_MODIFIER,
  NOT_OBJECT,
  NOUN_CONTEXT,
  OBJECT_PREP,
  OBJECT_START,
  PREP_NOMINAL,
  SUBJECT_PRONOUNS,
} from './data/word-lists.js';
import type { DocIndex } from './doc-index.js';
import { LEXICON, type LexEntry } from './lexicon.js';
import { entityById, mentionEnd, nameAfterLeadingPhrase, possessivePronounBefore } from './participants.js';
import type { Trigger } from './types.js';

export function isAdverb(l: string): boolean {
  return /ly$/.test(l) && l.length > 3;
}

export function isBoundary(ix: DocIndex, i: number): boolean {
  const l = ix.low[i]!;
  return (
    l === ';' ||
    l === ':' ||
    l === '\u2014' ||
    l === '--' ||
    l === '(' ||
    l === ')' ||
    OPEN_QUOTES.test(l) ||
    CLOSE_QUOTES.test(l) ||
    // "has so far refused", "so far": an adverbial, not "so (that)"
    (CLAUSE_WORDS.has(l) && !(l === 'so' && ix.low[i + 1] === 'far')) ||
    isReportingVerb(ix, i)
  );
}

/** Matches lexicon entries at token i; returns the trigger or null. */
export function matchAt(ix: DocIndex, i: number, lo: number, hi: number): Trigger | null {
  const list = LEXICON.byWord.get(ix.low[i]!);
  if (!list) return null;
  const nounContext = nominalPosition(ix, i, lo);
  for (const e of list) {
    if (e.noun) {
      for (const f of e.forms) {
        if (i + f.length > hi) continue;
        let ok = true;
        for (let k = 0; k < f.length; k++) if (ix.low[i + k] !== f[k]) ok = false;
        if (!ok) continue;
        // "a heart attack", "a panic attack" are not assaults
        if (i > lo && NON_VIOLENT_MODIFIERS.has(ix.low[i - 1]!)) continue;
        // a noun with a required particle ("talks with", "a meeting between") needs it, and nothing else
        // ("talks late Monday with Kyuma": a time may stand between; "their bilateral talks" names its sides)
        if (
          e.next &&
          !e.next.has(ix.low[afterTime(ix, i + f.length, hi)] ?? '') &&
          !(e.type === 'CONSULT' && possessivePronounBefore(ix, i, lo))
        )
          continue;
        // single-word nouns need a noun context or a following "of"/"by"/"against"
        // ("Sanctions imposed on Sudan by …": a participle with its own preposition may stand between)
        if (
          !e.next &&
          f.length === 1 &&
          !nounContext &&
          !['of', 'by', 'against', 'on', 'in'].includes(ix.low[i + 1] ?? '') &&
          !(
            /(?:ed|en)$/.test(ix.low[i + 1] ?? '') &&
            ['by', 'against', 'on'].includes(ix.low[i + 2] ?? '') &&
            !BE.has(ix.low[i - 1] ?? '')
          ) &&
          // "International sanctions were imposed on Iraq"
          !(
            BE.has(ix.low[i + 1] ?? '') &&
            /(?:ed|en)$/.test(ix.low[i + 2] ?? '') &&
            ['by', 'against', 'on'].includes(ix.low[i + 3] ?? '')
          )
        )
          continue;
        return trig(e, i, i + f.length, i + f.length);
      }
      continue;
    }
    // "Baghdad earlier this week sent …": a past form after a time expression is a verb, not a noun
    if (nounContext && !(i > lo && ix.timeAt[i - 1]! >= 0 && LEXICON.past.has(ix.low[i]!))) continue;
    // a capitalised verb form mid-sentence is a name ("the Canadian Press")
    if (i > lo && ix.tokens[i]!.text !== ix.low[i] && !/^(?:["“‘']|``)$/.test(ix.low[i - 1]!)) continue;
    // a gerund after a preposition is nominal ("a proposal for signing", "in demanding", "of sexually
    // assaulting")
    if (/ing$/.test(ix.low[i]!)) {
      let p = i - 1;
      while (p > lo && isAdverb(ix.low[p]!)) p--;
      if (p >= lo && GERUND_PREP.has(ix.low[p]!)) continue;
    }
    // a clause-initial participle or gerund is a subject or a frame, not a finite event ("Supporting this
    // resolution will …", "Asked when …")
    // ("Slamming the council for its passivity, the Chinese ambassador said …" is the subject's act)
    const leadingIng = i === lo && /ing$/.test(ix.low[i]!) && nameAfterLeadingPhrase(ix, lo, hi);
    if (/(?:ing|ed)$/.test(ix.low[i]!) && clauseInitial(ix, i, lo) && !leadingIng) continue;
    // "-s" forms of verbs that are also plural nouns ("North Korean demands", "Security Council sanctions")
    // are verbs only after a subject-like word
    if (
      isNounyPlural(e, ix.low[i]!) &&
      !subjectLikeBefore(ix, i, lo) &&
      !coordinatedWithObject(ix, i, lo, hi)
    )
      continue;
    // a word right after the verb that makes a compound noun ("press briefing", "fighting presence")
    // ("met Secretary of State Rice": a capitalised title after the verb is its object)
    if (i + 1 < hi && COMPOUND_HEADS.has(ix.low[i + 1]!) && /^\p{Ll}/u.test(ix.tokens[i + 1]!.text)) continue;
    let end = i + 1;
    let consumed = end;
    if (e.next) {
      let k = i + 1;
      if (k < hi && isAdverb(ix.low[k]!)) k++;
      // 'was "disappointed" with Lee': a quoted word keeps its particle
      else if (k < hi && CLOSE_QUOTES.test(ix.low[k]!) && OPEN_QUOTES.test(ix.low[i - 1] ?? '')) k++;
      if (k >= hi || !e.next.has(ix.low[k]!)) continue;
      end = consumed = k + 1;
    }
    if (e.obj) {
      let found = -1;
      for (let k = end; k < Math.min(hi, end + 6); k++) {
        const l = ix.low[k]!;
        if (e.obj.has(l)) {
          found = k;
          break;
        }
        if (l === ',' || l === '.' || CLAUSE_WORDS.has(l) || isReportingVerb(ix, k)) break;
      }
      if (found < 0) continue;
      consumed = found + 1;
    }
    if (e.comp && !hasComplement(ix, consumed, hi)) continue;
    if (e.modal && !modalFollows(ix, consumed, hi)) continue;
    if (e.dobj && !directObject(ix, end, hi, /ed$/.test(ix.low[i]!))) continue;
    // "support of Iraqi forces": a bare or "-s" form before "of" is a noun
    if (!e.obj && !e.next && ix.low[end] === 'of' && !/ed$/.test(ix.low[i]!)) continue;
    // "accused X of …", "blamed X for …", "blamed it on …": an accusation names its charge; "question
    // accused US military" is an adjective
    if (/^112/.test(e.cameo ?? '') && !chargeFollows(ix, end, hi) && !afterSubjectOrAux(ix, i, lo)) continue;
    // "warned that 50,000 refugees could pour in" is a prediction, not a threat
    if (e.noForecast && isPrediction(ix, end, hi)) continue;
    // "have" and "had" before a participle are auxiliaries ("had agreed to attend talks")
    if (e.obj && /^(?:have|has|had|having)$/.test(ix.low[i]!)) {
      let k = i + 1;
      while (k < hi && isAdverb(ix.low[k]!)) k++;
      if (k < hi && (LEXICON.past.has(ix.low[k]!) || /(?:ed|en)$/.test(ix.low[k]!))) continue;
    }
    return trig(e, i, end, consumed);
  }
  return null;
}

/** The first token at or after k that is not part of a time expression ("talks late Monday with …"). */
export function afterTime(ix: DocIndex, k: number, hi: number): number {
  const from = k;
  while (k < hi && k < from + 5) {
    if (ix.timeAt[k]! >= 0 || /^(?:late|early|here|there)$/.test(ix.low[k]!)) k++;
    // "talks in Rome with Dini": a place may stand between too
    else if (
      ix.low[k] === 'in' &&
      ix.entityAt[k + 1]! >= 0 &&
      isLocType(ix, ix.entities[ix.entityAt[k + 1]!]!.id)
    ) {
      k = mentionEnd(ix, k + 1);
      // "talks in Amman, Jordan, with Maliki": a place in apposition
      if (
        ix.low[k] === ',' &&
        ix.entityAt[k + 1]! >= 0 &&
        isLocType(ix, ix.entities[ix.entityAt[k + 1]!]!.id)
      ) {
        const e = mentionEnd(ix, k + 1);
        if (ix.low[e] === ',') k = e + 1;
      }
    } else break;
  }
  return k;
}

/** A word that can stand between a possessor and its noun ("fresh", "economic", "alleged", "two-day"). */
export function nounModifierWord(ix: DocIndex, k: number): boolean {
  const l = ix.low[k]!;
  if (!/^\p{Ll}/u.test(ix.tokens[k]!.text)) return /^\d/.test(l);
  if (LEXICON.byWord.has(l) || FINITE_AUX.has(l) || BE.has(l) || isReportingVerb(ix, k)) return false;
  if (/ed$/.test(l) && !MODIFIER_PARTICIPLES.has(l)) return false;
  return !NOT_MODIFIER.has(l) && !CLAUSE_WORDS.has(l) && !PREP_NOMINAL.has(l);
}

/**
 * True when the word at i sits where only a noun can ("the protest", "under intense pressure", "a European
 * visit", "any arms smuggling", "the 1989 Tiananmen Square massacre"), so a verb form there is not a verb.
 */
export function nominalPosition(ix: DocIndex, i: number, lo: number): boolean {
  if (i <= lo) return false;
  const p1 = ix.low[i - 1]!;
  if (NOUN_CONTEXT.has(p1) || PREP_NOMINAL.has(p1) || LIGHT_VERBS.has(p1)) return true;
  // "a whirlwind one-day visit", "a five-nation tour": a hyphenated measure only modifies nouns
  if (/^[a-z0-9]+-(?:day|week|month|year|hour|nation|party|way|member|point|stop|leg|minute)s?$/.test(p1))
    return true;
  if (i - 1 <= lo) return false;
  const p2 = ix.low[i - 2]!;
  const w = ix.low[i]!;
  const e1 = ix.entityAt[i - 1]!;
  const lowerWord = /^\p{Ll}[\p{Ll}-]*$/u.test(ix.tokens[i - 1]!.text) && e1 < 0;
  const plainWord = lowerWord && !NOT_MODIFIER.has(p1) && !isAdverb(p1) && !FUTURE.has(p1);
  if (NOUN_CONTEXT.has(p2)) {
    if (ADJECTIVE.test(p1) && !FUTURE.has(p1)) return true;
    // a nationality between a determiner and the word: "a European visit"
    if (e1 >= 0 && ix.entities[e1]!.type === 'NORP' && ix.mentionStart[i - 1] === i - 1 && !/s$/.test(p1))
      return true;
    // "any arms smuggling", "the heavy fighting": a gerund after a determiner and a plural or an adjective
    // is a noun ("a declaration demanding that …" is a reduced relative)
    if (
      /ing$/.test(w) &&
      plainWord &&
      (/[^s]s$/.test(p1) || ADJECTIVE.test(p1) || /^(?:heavy|fierce|renewed)$/.test(p1))
    )
      return true;
    // "Millon's five-day visit", "a state visit": a bare form after a determiner and a singular word
    if (plainWord && !/s$/.test(p1) && !/(?:s|ed|ing)$/.test(w)) return true;
  }
  if ((PREP_NOMINAL.has(p2) || LIGHT_VERBS.has(p2)) && plainWord) return true;
  // a bare verb form right after a name that follows "the" or a year is a compound noun ("the 1989
  // Tiananmen Square massacre", "the United States support")
  // ("the New York meeting"); so is one after a name that follows a light verb or a preposition ("seeking
  // US support", "with EU backing")
  if (e1 >= 0 && !/(?:s|ed)$/.test(w)) {
    const ent = ix.entities[e1]!;
    const ms = ix.mentionStart[i - 1]!;
    if (ent.type !== 'NORP' && ent.type !== 'PERSON' && ms > lo) {
      const b = ix.low[ms - 1]!;
      if (b === 'the' || (/^\d{4}$/.test(b) && ix.low[ms - 2] === 'the')) return true;
      if (
        (LIGHT_VERBS.has(b) || /^(?:for|with|without|under|despite|amid)$/.test(b)) &&
        !/ing$/.test(w) &&
        !LEXICON.past.has(w)
      )
        return true;
    }
  }
  return false;
}

/** True when "of"/"for"/"over"/"on"/"that" (the charge) or a passive "by" follows an accusation verb. */
export function chargeFollows(ix: DocIndex, from: number, hi: number): boolean {
  for (let k = from; k < Math.min(hi, from + 10); k++) {
    const l = ix.low[k]!;
    if (/^(?:of|for|over|on|that|by|with)$/.test(l)) return true;
    if (l === ';' || l === '.' || isReportingVerb(ix, k)) return false;
  }
  return false;
}

/**
 * "insists that Iran implement the resolution": after a singular name, a bare verb is a subjunctive, which
 * states what must happen (a demand) rather than what is the case ("insists that Iran implements …").
 */
export function subjunctiveAfter(ix: DocIndex, k: number, hi: number): boolean {
  if (k >= hi || ix.entityAt[k]! < 0) return false;
  const e = ix.entityAt[k]!;
  let v = k;
  while (v < hi && ix.entityAt[v] === e) v++;
  const w = ix.low[v] ?? '';
  if (!/^[a-z]+$/.test(w) || NOT_BASE.has(w) || /(?:s|ed|ing|ly)$/.test(w)) return false;
  // the bare verb takes an object or a complement ("implement the", "halt its", "return to")
  return /^(?:the|a|an|its|their|all|his|her|to|from|by|with|any|more)$/.test(ix.low[v + 1] ?? '');
}

/** True when token i follows a subject, an auxiliary or a negation (so an "-ed" form there is a verb). */
export function afterSubjectOrAux(ix: DocIndex, i: number, lo: number): boolean {
  let p = i - 1;
  while (p >= lo && isAdverb(ix.low[p]!)) p--;
  if (p < lo) return true;
  const l = ix.low[p]!;
  return (
    ix.entityAt[p]! >= 0 ||
    SUBJECT_PRONOUNS.has(l) ||
    FINITE_AUX.has(l) ||
    BE.has(l) ||
    NEGATION.has(l) ||
    FUTURE.has(l) ||
    HYPOTHETICAL.has(l) ||
    l === 'and' ||
    l === ','
  );
}

/** True when a warning's clause is a forecast ("could", "may", "might") rather than a promise ("will"). */
export function isPrediction(ix: DocIndex, from: number, hi: number): boolean {
  for (let k = from; k < Math.min(hi, from + 14); k++) {
    const l = ix.low[k]!;
    if (FUTURE.has(l)) return false;
    if (HYPOTHETICAL.has(l)) return true;
    if (l === ';' || l === '.') return false;
  }
  return false;
}

/** True when a direct object starts at token k ("freed the hostages", "stormed the compound"); a participle may be passive ("backed by"). */
export function directObject(ix: DocIndex, k: number, hi: number, participle: boolean): boolean {
  if (k >= hi) return false;
  const l = ix.low[k]!;
  if (participle && l === 'by') return true;
  if (OBJECT_START.has(l) || ix.entityAt[k]! >= 0 || /^\d/.test(l)) return true;
  return (
    /^\p{L}/u.test(ix.tokens[k]!.text) &&
    !NOT_OBJECT.has(l) &&
    !isAdverb(l) &&
    !/^(?:last|again|here|there)$/.test(l)
  );
}

/** True when token i starts its clause (sentence start, after an opening quote, or after a semicolon). */
export function clauseInitial(ix: DocIndex, i: number, lo: number): boolean {
  if (i === lo) return true;
  const p = ix.low[i - 1]!;
  // 'was "disappointed" with': one quoted word inside a clause starts nothing
  if (OPEN_QUOTES.test(p) && CLOSE_QUOTES.test(ix.low[i + 1] ?? '') && i - 1 > lo) return false;
  return OPEN_QUOTES.test(p) || p === ';' || (i - 1 === lo && p === '(');
}

/** A third-person "-s" verb form whose stem is also in the entry ("demands" / "demand"). */
export function isNounyPlural(e: LexEntry, w: string): boolean {
  if (!w.endsWith('s') || w.endsWith('ss')) return false;
  const stem = w.slice(0, -1);
  return e.forms.some((f) => f[0] === stem || (w.endsWith('es') && f[0] === w.slice(0, -2)));
}

/** "… opposes the bid and accuses Georgia of …": an "-s" form after "and" with a named object is a verb. */
export function coordinatedWithObject(ix: DocIndex, i: number, lo: number, hi: number): boolean {
  let k = i - 1;
  while (k >= lo && isAdverb(ix.low[k]!)) k--;
  if (k < lo || ix.low[k] !== 'and' || i + 1 >= hi) return false;
  const n = ix.low[i + 1]!;
  return ix.entityAt[i + 1]! >= 0 || (OBJECT_START.has(n) && n !== 'all' && n !== 'some');
}

/** True when the word before token i can be a subject: a named actor, a pronoun or an adverb after one. */
export function subjectLikeBefore(ix: DocIndex, i: number, lo: number): boolean {
  let k = i - 1;
  while (k >= lo && isAdverb(ix.low[k]!)) k--;
  if (k < lo) return false;
  if (SUBJECT_PRONOUNS.has(ix.low[k]!)) return true;
  const ei = ix.entityAt[k]!;
  if (ei < 0) return false;
  const t = ix.entities[ei]!.type;
  return t !== 'NORP' && t !== 'MISC';
}

/** True when a that-clause with an obligation follows ("insisted that sanctions must be lifted"). */
export function modalFollows(ix: DocIndex, from: number, hi: number): boolean {
  for (let k = from; k < Math.min(hi, from + 14); k++) {
    const l = ix.low[k]!;
    if (
      l === 'must' ||
      l === 'should' ||
      (l === 'to' && /^(?:have|has|had|need|needs)$/.test(ix.low[k - 1]!))
    )
      return true;
    if (l === ';' || l === '.' || isReportingVerb(ix, k)) return false;
    if (l === 'that' && subjunctiveAfter(ix, k + 1, hi)) return true;
  }
  return false;
}

/** True when a "to"/"that"/"for" complement (or an entity then "to") follows within the clause. */
export function hasComplement(ix: DocIndex, from: number, hi: number): boolean {
  if (ix.low[from] === 'ahead') return false;
  for (let k = from; k < Math.min(hi, from + 16); k++) {
    const l = ix.low[k]!;
    if (l === 'to' || l === 'that' || l === 'for' || l === 'into') return true;
    if (l === ',' || l === '.' || l === ';' || isReportingVerb(ix, k)) return false;
  }
  return false;
}

export function trig(e: LexEntry, start: number, end: number, consumedEnd: number): Trigger {
  return {
    entry: e,
    start,
    end,
    consumedEnd,
    type: e.type,
    cameo: e.cameo,
    mode: e.mode,
    rule: e.rule,
    absorbed: false,
    inner: null,
    actors: [],
    targets: [],
    location: null,
    modality: 'asserted',
  };
}

/** Entity id at token k, skipping pronoun-free non-entities. */
export function entAt(ix: DocIndex, k: number): string | null {
  const ei = ix.entityAt[k]!;
  return ei >= 0 ? ix.entities[ei]!.id : null;
}

export function isLocType(ix: DocIndex, id: string): boolean {
  const e = entityById(ix, id);
  return !!e && (e.type === 'GPE' || e.type === 'LOC' || e.type === 'FAC');
}

/** True when the entity mention at k is introduced by a location preposition ("in Washington"). */
export function locPrepped(ix: DocIndex, k: number, lo: number): boolean {
  let m = ix.mentionStart[k]!;
  if (m < 0) m = k;
  let p = m - 1;
  while (p >= lo && (ix.low[p] === 'the' || /^\p{Lu}/u.test(ix.tokens[p]!.text)) && p >= m - 3) {
    if (ix.entityAt[p]! >= 0 && ix.entityAt[p] !== ix.entityAt[k]) break;
    p--;
  }
  if (p >= lo && LOC_PREP.has(ix.low[p]!)) return true;
  // "in Juba, southern Sudan": a place in apposition to a located place
  let c = m - 1;
  // (adjectives only: "in Jowhar, Iraq, with Lee" puts Lee nowhere)
  while (
    c > lo &&
    c >= m - 3 &&
    /^\p{Ll}+$/u.test(ix.tokens[c]!.text) &&
    ix.entityAt[c]! < 0 &&
    !OBJECT_PREP.has(ix.low[c]!) &&
    !/^(?:and|or|for|from|of)$/.test(ix.low[c]!)
  )
    c--;
  if (c > lo && ix.low[c] === ',' && ix.entityAt[c - 1]! >= 0 && ix.entityAt[c - 1] !== ix.entityAt[k]) {
    const ei = ix.entities[ix.entityAt[c - 1]!]!;
    if ((ei.type === 'GPE' || ei.type === 'LOC' || ei.type === 'FAC') && p !== c - 1)
      return locPrepped(ix, c - 1, lo);
  }
  return false;
}

/**
 * True when the mention at k is the object of a preposition inside a subject phrase ("a sex attack blamed on a
 * US Navy officer threatened …", "the visit to Japan by Cohen"): it is not the one acting.
 */
export function objectPrepped(ix: DocIndex, k: number, lo: number): boolean {
  let m = ix.mentionStart[k]!;
  if (m < 0) m = k;
  let p = m - 1;
  while (p >= lo && p >= m - 3 && /^(?:the|a|an)$/.test(ix.low[p]!)) p--;
  // "disappointed with Lee", "ties with Tehran" (but "along with France" joins a subject)
  return (
    p > lo &&
    OBJECT_PREP.has(ix.low[p]!) &&
    (/^\p{Ll}/u.test(ix.tokens[p - 1]!.text) || CLOSE_QUOTES.test(ix.low[p - 1]!)) &&
    !(ix.low[p] === 'with' && /^(?:along|together)$/.test(ix.low[p - 1]!))
  );
}
