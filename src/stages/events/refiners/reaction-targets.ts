import type { PloverType } from '../../../core/types.js';
import { baseRel } from '../../syntax/query.js';
import { REACTION_CAUSES } from '../data/word-lists.js';
import { entityOfNominal, isParty, type RefineContext, type Refiner, triggerWord } from './context.js';

/** Reactions aimed at whoever caused them. */
const REACTIONS: ReadonlySet<PloverType> = new Set(['DISAPPROVE', 'SANCTION', 'PROTEST']);

/** The party entities a nominal and its conjuncts name. */
function parties(ctx: RefineContext, w: number): string[] {
  const out: string[] = [];
  for (const c of ctx.syntax!.conjuncts(w)) {
    const id = entityOfNominal(ctx, c);
    if (isParty(ctx, id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * The verb a reaction noun is the object of (through coordination: "sparking condemnation and sanctions", also
 * when the parser joins the second noun to the verb), when that verb is one of `REACTION_CAUSES`, or -1.
 */
function causeVerb(ctx: RefineContext, w: number): number {
  const syn = ctx.syntax!;
  let n = w;
  for (
    let guard = 0;
    guard < 6 && baseRel(syn.words[n]!.deprel) === 'conj' && syn.words[n]!.head >= 0;
    guard++
  ) {
    n = syn.words[n]!.head;
    // a second object the parser joined to the verb itself ("sparking condemnation and sanctions")
    if (syn.words[n]!.upos === 'VERB') return REACTION_CAUSES.has(syn.words[n]!.lemma.toLowerCase()) ? n : -1;
  }
  const rel = baseRel(syn.words[n]!.deprel);
  const v = syn.words[n]!.head;
  if (rel !== 'obj' || v < 0) return -1;
  return REACTION_CAUSES.has(syn.words[v]!.lemma.toLowerCase()) ? v : -1;
}

/**
 * A reaction noun's target when the token rules found none: whoever caused it (issue 11). "North Korea staged a
 * test, sparking condemnation and UN sanctions": a participle with no subject of its own takes the subject of
 * the clause it hangs on; "the test by X drew condemnation" reads the party named in the causing subject's
 * phrase. The party the reaction came from ("drawing condemnation from China") becomes the actor when none
 * was found. An entity is never both sides.
 */
export const reactionTargets: Refiner = {
  name: 'reaction-targets',
  refine(events, ctx) {
    const syn = ctx.syntax;
    if (!syn) return events;
    return events.map((e) => {
      if (!REACTIONS.has(e.type) || e.targets.length > 0) return e;
      const w = triggerWord(ctx, e);
      if (w < 0 || syn.words[w]!.upos !== 'NOUN') return e;
      const v = causeVerb(ctx, w);
      if (v < 0) return e;
      let actors = e.actors;
      if (actors.length === 0 && !e.genericActor) {
        const from = syn.obliquesOf(v).find((o) => o.case === 'from');
        if (from) actors = parties(ctx, from.word);
      }
      let s = syn.subjectOf(v);
      // a participle adjunct ("…, sparking condemnation") acts for the subject of the clause it modifies
      if (s < 0 && baseRel(syn.words[v]!.deprel) === 'advcl' && syn.words[v]!.head >= 0)
        s = syn.subjectOf(syn.words[v]!.head);
      if (s < 0) return e;
      let causer = parties(ctx, s);
      // "the test by X", "X's test": the party inside the causing phrase
      if (causer.length === 0) {
        for (const c of syn.children(s)) {
          const r = syn.words[c]!.deprel;
          if (r === 'nmod:poss' || r === 'compound' || (r.startsWith('nmod') && syn.caseOf(c) === 'by'))
            causer = parties(ctx, c);
          if (causer.length > 0) break;
        }
      }
      const targets = causer.filter((id) => !actors.includes(id));
      if (targets.length === 0) return e;
      return { ...e, actors, targets, rule: `${e.rule}+reaction-target` };
    });
  },
};
