import type { PloverType } from '../../../core/types.js';
import { isSpeechLemma } from '../../../knowledge/english/index.js';
import { frameFor } from '../frames.js';
import { adjunctParties, roleParties } from '../predicates.js';
import {
  describedPerson,
  entityOfNominal,
  isParty,
  type RefineContext,
  type Refiner,
  triggerWord,
} from './context.js';

/** Event types whose target is what is said about someone: the target may sit inside the content clause. */
const VERBAL: ReadonlySet<PloverType> = new Set([
  'DISAPPROVE',
  'DEMAND',
  'PROTEST',
  'REJECT',
  'THREATEN',
  'SUPPORT',
]);
/** Prepositions whose object is what a verbal event is about ("complained over Israeli raids"). */
const ABOUT: ReadonlySet<string> = new Set(['over', 'about', 'against', 'on', 'at']);
/** Prepositions whose object is the other side of an event ("talks with", "an appeal to", "a move against"). */
const SIDE_CASES: ReadonlySet<string> = new Set(['with', 'to', 'against', 'between']);

function party(ctx: RefineContext, w: number): string | null {
  const id = entityOfNominal(ctx, w);
  return isParty(ctx, id) ? id : null;
}

/** A party a nominal names, or that its possessor, "by" agent or nationality modifier names ("Israeli raids"). */
function partyIn(ctx: RefineContext, w: number): string | null {
  const own = party(ctx, w);
  if (own) return own;
  const syn = ctx.syntax!;
  for (const c of syn.children(w)) {
    const rel = syn.words[c]!.deprel;
    if (
      rel === 'nmod:poss' ||
      rel === 'amod' ||
      rel === 'compound' ||
      (rel === 'nmod' && syn.caseOf(c) === 'by')
    ) {
      const id = party(ctx, c);
      if (id) return id;
    }
  }
  return null;
}

/** The party a nominal names by a name in apposition to it ("a right-winger, Eduardo Montealegre"), or null. */
function appositiveName(ctx: RefineContext, w: number): string | null {
  const syn = ctx.syntax!;
  if (syn.words[w]!.upos !== 'NOUN') return null;
  for (const c of syn.childrenBy(w, 'appos')) {
    const id = party(ctx, c);
    if (id) return id;
  }
  return null;
}

/**
 * The target of a verbal event read off its clause when the extractors found none: the party its "over"/"about"
 * oblique concerns ("complained to the UN over Israeli raids" → Israel), or the subject of its content clause
 * ("demanding that President Mugabe abandon …" → Mugabe; "protested that Croatian authorities are failing" →
 * Croatia), or the agent inside its object ("demanded an admission by Moscow" → Moscow).
 */
export function clauseTarget(ctx: RefineContext, w: number, actors: readonly string[]): string | null {
  const syn = ctx.syntax!;
  const ok = (id: string | null) => (id && !actors.includes(id) ? id : null);
  for (const o of syn.obliquesOf(w)) {
    if (o.case && ABOUT.has(o.case)) {
      const id = ok(partyIn(ctx, o.word));
      if (id) return id;
    }
  }
  for (const c of syn.childrenBy(w, 'ccomp')) {
    const s = syn.subjectOf(c);
    const id = s >= 0 ? ok(partyIn(ctx, s)) : null;
    if (id) return id;
  }
  for (const o of syn.objectsOf(w)) {
    for (const c of syn.children(o)) {
      if (syn.words[c]!.deprel.startsWith('nmod') && syn.caseOf(c) === 'by') {
        const id = ok(party(ctx, c));
        if (id) return id;
      }
    }
  }
  return null;
}

/**
 * Fills participants the token rules left empty from the clause structure: a verbal event's target (see
 * `clauseTarget`), an event noun's actor from its frame (possessor, "by" agent, nationality) or, for a meeting in a
 * time adjunct, the clause's subject ("X said after talks with Y"), and the actor of an event stated inside what someone declared ("The administration
 * declared that China must drop barriers": the declarer demands). Never replaces a participant found.
 */
export const clauseParticipants: Refiner = {
  name: 'clause-participants',
  refine(events, ctx) {
    const syn = ctx.syntax;
    if (!syn) return events;
    return events.map((e) => {
      const w = triggerWord(ctx, e);
      if (w < 0) return e;
      let { actors, targets } = e;
      if (VERBAL.has(e.type)) {
        // the one spoken to is no target when the clause names whom it is about ("complained to the UN over
        // Israeli raids")
        const addressees = new Set(
          syn
            .obliquesOf(w)
            .filter((o) => o.case === 'to')
            .map((o) => party(ctx, o.word)),
        );
        if (targets.length === 0 || targets.every((t) => addressees.has(t))) {
          const id = clauseTarget(ctx, w, actors);
          if (id && !addressees.has(id)) targets = [id];
        }
      }
      const word = syn.words[w]!;
      // "Berg later criticised his counterpart": the object names, by a relation, the one person the story
      // introduced so
      if (targets.length === 0 && word.upos === 'VERB') {
        // the object, a with/to/against oblique, or the other side of a meeting noun as object ("held talks
        // with his counterpart")
        // (what a meeting verb has as object is its topic, "discussed the dispute with X", unless the object
        // is itself a meeting noun)
        const meeting = e.type === 'CONSULT';
        const sides = meeting ? [] : [...syn.objectsOf(w)];
        for (const o of syn.obliquesOf(w)) if (o.case && SIDE_CASES.has(o.case)) sides.push(o.word);
        for (const o of syn.objectsOf(w)) {
          const oe = frameFor(ctx.lex, syn.words[o]!.lemma, syn.words[o]!.upos);
          if (meeting && oe?.type !== 'CONSULT') continue;
          for (const c of syn.children(o))
            if (syn.words[c]!.deprel.startsWith('nmod') && SIDE_CASES.has(syn.caseOf(c) ?? '')) sides.push(c);
        }
        for (const o of sides) {
          // a relational description, or a description with its own name in apposition ("backed a different
          // right-winger, Eduardo Montealegre")
          const id = describedPerson(ctx, o) ?? appositiveName(ctx, o);
          if (id && !actors.includes(id)) {
            targets = [id];
            break;
          }
        }
      }
      // an event noun's target from its frame ("Sweden's arrest of two Norwegian fishermen": Norway); not for
      // a withdrawal, whose "of" names who withdraws ("the withdrawal of American troops")
      if (targets.length === 0 && word.upos === 'NOUN' && e.type !== 'RETREAT') {
        const entry = frameFor(ctx.lex, word.lemma, word.upos);
        const found = entry ? roleParties(ctx, w, entry.target).filter((id) => !actors.includes(id)) : [];
        if (found.length > 0) targets = found;
      }
      // an event noun's possessor, "by" agent or nationality ("Israel's detention of …")
      if (actors.length === 0 && !e.genericActor && word.upos === 'NOUN') {
        const entry = frameFor(ctx.lex, word.lemma, word.upos);
        const found = entry ? roleParties(ctx, w, entry.actor).filter((id) => !targets.includes(id)) : [];
        if (found.length > 0) actors = found;
        // "X, speaking after a meeting with Y": the clause's subject took part, and is no target
        else if (e.type === 'CONSULT') {
          const took = adjunctParties(ctx, w);
          const rest = targets.filter((t) => !took.includes(t));
          if (took.length > 0 && rest.length > 0) [actors, targets] = [took, rest];
        }
      }
      if (actors.length === 0 && !e.genericActor && e.type === 'DEMAND') {
        const g = syn.governingVerb(w);
        if (g >= 0 && isSpeechLemma(syn.words[g]!.lemma.toLowerCase())) {
          const s = syn.subjectOf(g);
          const id = s >= 0 ? partyIn(ctx, s) : null;
          if (id && !targets.includes(id)) actors = [id];
        }
      }
      return actors === e.actors && targets === e.targets ? e : { ...e, actors, targets };
    });
  },
};
