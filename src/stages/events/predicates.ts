import type { Modality, PloverType } from '../../core/types.js';
import { isSpeechLemma } from '../../knowledge/english/index.js';
import { tokenAtOrAfter } from './doc-index.js';
import { type FrameEntry, frameFor } from './frames.js';
import { conditionalPredicate, negatedPredicate } from './refiners/clause-modality.js';
import {
  describedPerson,
  entityAtWord,
  entityOfNominal,
  isParty,
  type RefineContext,
  type Refiner,
} from './refiners/context.js';
import type { RuledEvent } from './types.js';

/** Modals whose clause is a plan or a promise, and those whose clause is a possibility. */
const FUTURE_MODALS: ReadonlySet<string> = new Set(['will', 'would', 'shall', "'ll"]);
const POSSIBLE_MODALS: ReadonlySet<string> = new Set(['could', 'might', 'may', 'can']);
/** Event types whose two sides act together, so that neither is more the actor than the other. */
const RECIPROCAL: ReadonlySet<PloverType> = new Set(['CONSULT', 'AGREE', 'COOPERATE']);
/** Entity types that can act or be acted on in a political event. */

/**
 * Prepositions of a time or purpose adjunct whose event noun the clause's subject took part in ("after talks
 * with Y", "flew to X for talks with Y").
 */
const ADJUNCT_CASES: ReadonlySet<string> = new Set(['after', 'before', 'during', 'following', 'for']);

/**
 * The subject of active verb `v`, or of the clause a subjectless participle of it modifies ("X, speaking
 * after …, said": X), or -1.
 */
function adjunctSubject(ctx: RefineContext, v: number): number {
  const syn = ctx.syntax!;
  if (v < 0 || syn.words[v]!.upos !== 'VERB' || syn.isPassive(v)) return -1;
  const s = syn.subjectOf(v);
  if (s >= 0) return s;
  const word = syn.words[v]!;
  const h = word.head;
  if (h < 0 || !/ing$/i.test(word.text)) return -1;
  // "X, speaking after …": the participle modifies X (the parser may attach it as acl or as advcl of the noun)
  if (word.deprel === 'acl' || (word.deprel === 'advcl' && syn.words[h]!.upos !== 'VERB'))
    return syn.words[h]!.upos === 'PROPN' || syn.words[h]!.upos === 'NOUN' ? h : -1;
  return syn.words[h]!.upos === 'VERB' && !syn.isPassive(h) ? syn.subjectOf(h) : -1;
}

/** The parties of the clause an event noun is a time adjunct of ("X said after talks with Y": X), or []. */
export function adjunctParties(ctx: RefineContext, w: number): string[] {
  const syn = ctx.syntax!;
  const word = syn.words[w]!;
  // an adjunct by its preposition, also where the parse took the noun for a complement ("said after talks
  // here with Y" read as ccomp)
  if (!ADJUNCT_CASES.has(syn.caseOf(w) ?? '')) return [];
  if (!/^(?:obl|ccomp|advcl|xcomp)/.test(word.deprel)) return [];
  const s = adjunctSubject(ctx, word.head);
  return s >= 0 ? parties(ctx, s) : [];
}

/** Plural possessives that name the sides of a meeting by the clause around it ("at the start of their talks"). */
const PLURAL_POSSESSIVES: ReadonlySet<string> = new Set(['their', 'our']);

/**
 * The sides of a reciprocal event noun whose possessor is a plural pronoun ("Li told Millon at the start of their
 * meeting"): the subject and the objects or "with" oblique of the nearest verb above the noun, when they name two
 * parties or more; else [].
 */
export function possessiveSides(ctx: RefineContext, w: number): string[] {
  const syn = ctx.syntax!;
  const poss = syn.childrenBy(w, 'nmod:poss');
  if (!poss.some((c) => PLURAL_POSSESSIVES.has(syn.words[c]!.text.toLowerCase()))) return [];
  let v = syn.words[w]!.head;
  for (let k = 0; v >= 0 && k < 3 && syn.words[v]!.upos !== 'VERB'; k++) v = syn.words[v]!.head;
  if (v < 0 || syn.words[v]!.upos !== 'VERB') return [];
  const sides: string[] = [];
  const add = (ids: readonly string[]) => {
    for (const id of ids) if (!sides.includes(id)) sides.push(id);
  };
  const subj = syn.subjectOf(v);
  if (subj >= 0) add(parties(ctx, subj));
  for (const o of syn.objectsOf(v)) add(parties(ctx, o));
  for (const o of syn.obliquesOf(v)) if (o.case === 'with') add(parties(ctx, o.word));
  return sides.length >= 2 ? sides : [];
}

/** Whether child `c` of a predicate fills `role`: `nsubj`, `obj`, `nmod:poss`, or `<rel>:<preposition>`. */
function fills(ctx: RefineContext, c: number, role: string): boolean {
  const syn = ctx.syntax!;
  const rel = syn.words[c]!.deprel;
  if (rel === role) return true;
  const colon = role.indexOf(':');
  if (colon < 0) return rel === role || (rel.startsWith(`${role}:`) === false && rel === role);
  const base = role.slice(0, colon);
  const sub = role.slice(colon + 1);
  if (rel.split(':')[0] !== base) return false;
  if (sub === 'agent') return rel === 'obl:agent' || (syn.caseOf(c) === 'by' && syn.isPassive(syn.head(c)));
  if (sub === 'poss') return rel === 'nmod:poss';
  return syn.caseOf(c) === sub;
}

/**
 * Relative pronouns that stand for the nominal their clause modifies ("that" is left out: the parse takes too
 * many complementizers for it, "told X that abuses were …").
 */
const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'whom', 'which']);

/**
 * The nominal a relative pronoun stands for ("Iran and Syria, whom he accuses of …": Iran and Syria), or `w`
 * itself when it is no relative pronoun: the head of its relative clause when the parse has one (acl:relcl),
 * else the nominal just before the comma that opens the clause (the parse often hangs a non-restrictive clause
 * elsewhere), climbing to the first of its conjuncts.
 */
export function antecedentOf(ctx: RefineContext, w: number): number {
  const syn = ctx.syntax!;
  const word = syn.words[w]!;
  if (word.upos !== 'PRON' || !RELATIVE_PRONOUNS.has(word.text.toLowerCase())) return w;
  for (let p = word.head, k = 0; p >= 0 && k < 2; p = syn.words[p]!.head, k++) {
    if (syn.words[p]!.deprel === 'acl:relcl') {
      const h = syn.words[p]!.head;
      return h >= 0 ? h : w;
    }
  }
  const comma = w - 1;
  const before = w - 2;
  if (before < 0 || syn.words[comma]!.text !== ',' || syn.words[before]!.sentence !== word.sentence) return w;
  let a = before;
  if (syn.words[a]!.upos !== 'PROPN' && syn.words[a]!.upos !== 'NOUN') return w;
  while (syn.words[a]!.deprel === 'conj' && syn.words[a]!.head >= 0 && syn.words[a]!.head < a)
    a = syn.words[a]!.head;
  return a;
}

/** The party entities a nominal and its conjuncts name ("Russia and China" → both). */
function parties(ctx: RefineContext, w0: number): string[] {
  const out: string[] = [];
  const w = antecedentOf(ctx, w0);
  // a relative pronoun stands only for a name ("Iran, which …"), not for a description whose modifier names
  // someone ("the European plane-maker, which …" is not Europe)
  const own = w !== w0;
  for (const c of ctx.syntax!.conjuncts(w)) {
    const id = own ? entityAtWord(ctx, c) : (entityOfNominal(ctx, c) ?? describedPerson(ctx, c));
    if (isParty(ctx, id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/** The dependents of `w` that fill one of `roles`, as party entities. */
export function roleParties(ctx: RefineContext, w: number, roles: readonly string[]): string[] {
  const out: string[] = [];
  for (const c of ctx.syntax!.children(w)) {
    if (!roles.some((r) => fills(ctx, c, r))) continue;
    for (const id of parties(ctx, c)) if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** The modality of the clause that predicate `w` heads. */
export function clauseModalityOf(ctx: RefineContext, w: number): Modality {
  const syn = ctx.syntax!;
  if (negatedPredicate(syn, w)) return 'negated';
  if (conditionalPredicate(syn, ctx.lex, w)) return 'hypothetical';
  for (const a of syn.childrenBy(w, 'aux')) {
    const t = syn.words[a]!.text.toLowerCase();
    if (FUTURE_MODALS.has(t)) return 'expected';
    if (POSSIBLE_MODALS.has(t)) return 'hypothetical';
  }
  const word = syn.words[w]!;
  if (word.deprel === 'xcomp' && word.head >= 0) {
    const gov = syn.words[word.head]!;
    if (ctx.lex.expectLemmas.has(gov.lemma.toLowerCase())) return 'expected';
  }
  const g = syn.governingVerb(w);
  if (g >= 0 && isSpeechLemma(syn.words[g]!.lemma.toLowerCase(), ['report'])) return 'reported';
  return 'asserted';
}

/** The code a pattern of the entry gives this use (object head or oblique), or the entry's own. */
function senseOf(
  ctx: RefineContext,
  w: number,
  e: FrameEntry,
): { cameo: string; type: PloverType; mode: string | null } | null {
  const syn = ctx.syntax!;
  if (!e.patterns) return e.cameo && e.type ? { cameo: e.cameo, type: e.type, mode: e.mode } : null;
  // the heads of the object and of each oblique, computed once (entries can carry a hundred patterns)
  const objHeads = syn.objectsOf(w).map((s) => syn.words[s]!.lemma.toLowerCase());
  const oblHeads = new Map<string, string[]>();
  for (const o of syn.obliquesOf(w)) {
    if (!o.case) continue;
    const list = oblHeads.get(o.case) ?? [];
    list.push(syn.words[o.word]!.lemma.toLowerCase());
    oblHeads.set(o.case, list);
  }
  if (objHeads.length > 0 || oblHeads.size > 0) {
    for (const p of e.patterns) {
      if (!p.heads) continue;
      const slots = p.prep ? (oblHeads.get(p.prep) ?? []) : objHeads;
      if (slots.some((h) => p.heads!.includes(h))) {
        return p.cameo && p.type ? { cameo: p.cameo, type: p.type, mode: p.mode ?? null } : null;
      }
    }
  }
  return e.cameo && e.type ? { cameo: e.cameo, type: e.type, mode: e.mode } : null;
}

/**
 * Events read off the clause structure where the token rules found none: an event noun with its possessor,
 * "by" agent or modifier as actor and its "of/on/against/with/to" dependent as target ("Israel's detention of
 * the lawmakers", "the visit by Putin to Tokyo", "Israeli air strikes on Gaza"), or the object of a light verb
 * whose subject is the actor ("X carried out attacks on Y"); and a reviewed verb whose subject and object are
 * both named parties. Only reviewed entries act here (overrides and the trigger lexicon's verbs): generated-only
 * senses are too broad.
 */
export const clauseEvents: Refiner = {
  name: 'clause-events',
  refine(events, ctx) {
    const syn = ctx.syntax;
    if (!syn) return events;
    const covered = new Set<number>();
    for (const e of events) {
      for (let w = syn.wordAt(e.trigger.start); w >= 0 && w < syn.words.length; w++) {
        if (syn.words[w]!.start >= e.trigger.end) break;
        covered.add(w);
      }
    }
    const added: RuledEvent[] = [];
    for (let w = 0; w < syn.words.length; w++) {
      if (covered.has(w)) continue;
      const word = syn.words[w]!;
      const entry = frameFor(ctx.lex, word.lemma, word.upos);
      // generated-only senses are too broad to act on alone (PETRARCH2 codes "demonstration of contempt")
      if (!entry?.reviewed) continue;
      // "was a stark demonstration of …": a predicate nominal describes, it does not report an event
      // (a verb with a "cop" child is a misparse of "was to meet", not a predicate nominal)
      if (word.upos !== 'VERB' && syn.childrenBy(w, 'cop').length > 0) continue;
      // the complement of an event the extractors found is part of that event ("demanded that Hamas recognize")
      const gov = syn.governingVerb(w);
      // (a conjoined or adverbial clause is an event of its own: "ruled out talks with Iran, whom he accuses of
      // …", "telephoned X before she was to meet Y")
      if (gov >= 0 && covered.has(gov) && entry.pos === 'verb' && !/^(?:conj|advcl)/.test(word.deprel))
        continue;
      const sense = senseOf(ctx, w, entry);
      if (!sense) continue;
      let actors: string[];
      let targets: string[];
      if (entry.pos === 'verb') {
        const passive = syn.isPassive(w);
        const subj = syn.subjectOf(w);
        const agent = passive ? syn.agentOf(w) : -1;
        actors = passive ? (agent >= 0 ? parties(ctx, agent) : []) : subj >= 0 ? parties(ctx, subj) : [];
        targets = passive && subj >= 0 ? parties(ctx, subj) : roleParties(ctx, w, entry.target);
        if (actors.length === 0 || targets.length === 0) continue;
      } else {
        actors = roleParties(ctx, w, entry.actor);
        // "X carried out attacks on Y": the light verb's subject acts
        if (actors.length === 0 && word.deprel === 'obj' && word.head >= 0) {
          const s = syn.subjectOf(word.head);
          if (s >= 0 && !syn.isPassive(word.head)) actors = parties(ctx, s);
        }
        // "X said after talks with Y", "X, speaking after a meeting with Y": the clause's subject took part
        // (a meeting only: who did an attack is not who speaks after it)
        if (actors.length === 0 && sense.type === 'CONSULT') actors = adjunctParties(ctx, w);
        // "talks between Russia and China", "an accord between X and Y": both sides are named under "between";
        // the first is read as the actor (a meeting's sides are unordered)
        if (actors.length === 0 && RECIPROCAL.has(sense.type)) {
          const sides = roleParties(ctx, w, ['nmod:between']);
          if (sides.length >= 2) actors = [sides[0]!];
        }
        targets = roleParties(ctx, w, entry.target).filter((t) => !actors.includes(t));
        // "Li told Millon at the start of their meeting": the clause's parties are the meeting's sides
        if (actors.length === 0 && targets.length === 0 && RECIPROCAL.has(sense.type)) {
          const sides = possessiveSides(ctx, w);
          if (sides.length >= 2) [actors, targets] = [[sides[0]!], sides.slice(1)];
        }
        if (actors.length === 0 || targets.length === 0) continue;
      }
      targets = targets.filter((t) => !actors.includes(t));
      if (targets.length === 0) continue;
      const t = tokenAtOrAfter(ctx.ix.tokens, word.start);
      const q = t < ctx.ix.tokens.length ? ctx.ix.quoteAt[t]! : -1;
      const pred = entry.pos === 'verb' ? w : word.head >= 0 && word.deprel === 'obj' ? word.head : w;
      added.push({
        id: '',
        type: sense.type,
        mode: sense.mode,
        cameo: sense.cameo,
        actors,
        targets,
        location: null,
        date: null,
        time: null,
        modality: q >= 0 ? 'reported' : clauseModalityOf(ctx, pred),
        trigger: { start: word.start, end: word.end, text: word.text },
        sentence: word.sentence,
        quote: q >= 0 ? ctx.ix.quotes[q]!.id : null,
        rule: `clause:${entry.pos}:${entry.lemma}`,
      });
    }
    if (added.length === 0) return events;
    // each added event goes after the extracted events that start before it (their own order is kept)
    const out = [...events];
    for (const a of added) {
      let k = out.length;
      while (k > 0 && out[k - 1]!.trigger.start > a.trigger.start) k--;
      out.splice(k, 0, a);
    }
    return out;
  },
};
