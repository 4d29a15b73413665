import type { Modality } from '../../../core/types.js';
import type { SyntaxIndex } from '../../syntax/query.js';
import type { ClauseLexicon } from '../frames.js';
import { type RefineContext, type Refiner, triggerWord } from './context.js';

/** True when the predicate or the auxiliary/copula chain above it is negated ("did not attack", "no talks"). */
export function negatedPredicate(syn: SyntaxIndex, w: number): boolean {
  if (syn.isNegated(w)) return true;
  // "was not expected to attack", "refused … never": a negated governing verb of an open complement
  const word = syn.words[w]!;
  if (word.deprel === 'xcomp' && word.head >= 0) return syn.isNegated(word.head);
  return false;
}

/** True when the predicate's clause is a condition ("if X attacks", "unless Y withdraws"). */
export function conditionalPredicate(syn: SyntaxIndex, lex: ClauseLexicon, w: number): boolean {
  const clause = syn.clauseOf(w);
  if (clause < 0 || !syn.words[clause]!.deprel.startsWith('advcl')) return false;
  return syn.childrenBy(clause, 'mark').some((m) => lex.conditionMarks.has(syn.words[m]!.text.toLowerCase()));
}

/**
 * The clause decides what the token rules could not see: a negation attached to the trigger's predicate
 * makes the event negated, a condition ("if", "unless") makes it hypothetical. Reported and expected readings
 * stay with the extractors, which see the attribution.
 */
export const clauseModality: Refiner = {
  name: 'clause-modality',
  refine(events, ctx: RefineContext) {
    const syn = ctx.syntax;
    if (!syn) return events;
    return events.map((e) => {
      if (e.modality !== 'asserted' && e.modality !== 'reported') return e;
      // a rejection is the negated act itself ("would not support", "will not negotiate")
      if (e.type === 'REJECT') return e;
      const w = triggerWord(ctx, e);
      if (w < 0) return e;
      let modality: Modality = e.modality;
      if (negatedPredicate(syn, w)) modality = 'negated';
      else if (conditionalPredicate(syn, ctx.lex, w)) modality = 'hypothetical';
      return modality === e.modality ? e : { ...e, modality };
    });
  },
};
