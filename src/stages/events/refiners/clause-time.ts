import { baseRel } from '../../syntax/query.js';
import type { RefineContext, Refiner } from './context.js';
import { attachedDate, triggerWord } from './context.js';

/**
 * Prepositions of a time or purpose adjunct: "said Monday after talks with Y" dates the talks by the report,
 * "flew to X for talks with Y" by the trip.
 */
const AFTER: ReadonlySet<string> = new Set(['after', 'following', 'for']);

/** The predicate that dates an event: an event noun's verb when it is that verb's object or oblique. */
function predicateOf(ctx: RefineContext, w: number): number {
  const syn = ctx.syntax!;
  const word = syn.words[w]!;
  const rel = baseRel(word.deprel);
  if (word.upos === 'NOUN' && (rel === 'obj' || rel === 'obl') && word.head >= 0) {
    const h = syn.words[word.head]!;
    if (h.upos === 'VERB') return word.head;
  }
  return w;
}

/** True when `w` reaches `target` by at most `steps` head links. */
function under(ctx: RefineContext, w: number, target: number, steps: number): boolean {
  const syn = ctx.syntax!;
  for (let p = w, k = 0; p >= 0 && k <= steps; k++, p = syn.words[p]!.head) if (p === target) return true;
  return false;
}

/**
 * Dates the events read off clauses and the event nouns the token rules left undated (they date their own
 * verbs): a calendar time expression that depends
 * on the event's predicate or on the event noun itself ("met on Monday", "the talks on December 4"), else for
 * a meeting in an after/following adjunct of a past report, the report's day ("X said after talks with Y").
 */
export const clauseTime: Refiner = {
  name: 'clause-time',
  refine(events, ctx) {
    const syn = ctx.syntax;
    if (!syn) return events;
    return events.map((e) => {
      if (e.date) return e;
      const w = triggerWord(ctx, e);
      // the token rules date their own verbs (and leave a perfect or a plan undated on purpose); an event
      // noun they found is dated here like one read off the clause
      if (w < 0 || (!e.rule.startsWith('clause:') && syn.words[w]!.upos !== 'NOUN')) return e;
      const pred = predicateOf(ctx, w);
      // a time phrase attached to the predicate or the noun
      const own = attachedDate(ctx, w, (head) => under(ctx, head, pred, 1) || under(ctx, head, w, 1));
      if (own) return { ...e, ...own };
      const word = syn.words[w]!;
      // "X, speaking after a meeting with Y, said": the participle is dated by the verb it depends on
      let pi = pred;
      if (/ing$/i.test(syn.words[pi]!.text) && syn.words[pi]!.head >= 0) pi = syn.words[pi]!.head;
      // … or, when it modifies the subject ("X, speaking after …, said"), by the verb that subject depends on
      if (pi !== pred && syn.words[pi]!.upos !== 'VERB' && baseRel(syn.words[pi]!.deprel) === 'nsubj')
        pi = syn.words[pi]!.head;
      if (pi < 0) return e;
      const p = syn.words[pi]!;
      if (
        e.type === 'CONSULT' &&
        pred !== w &&
        ctx.ix.published &&
        (e.modality === 'asserted' || e.modality === 'reported') &&
        AFTER.has(syn.caseOf(w) ?? '') &&
        word.deprel.startsWith('obl') &&
        p.text.toLowerCase() !== p.lemma.toLowerCase() &&
        p.upos === 'VERB' &&
        !/ing$/i.test(p.text)
      )
        return { ...e, date: ctx.ix.published };
      return e;
    });
  },
};
