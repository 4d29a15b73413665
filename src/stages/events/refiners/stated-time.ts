import type { PloverType } from '../../../core/types.js';
import { isSpeechLemma } from '../../../knowledge/english/index.js';
import { baseRel } from '../../syntax/query.js';
import type { Refiner } from './context.js';
import { attachedDate, triggerWord } from './context.js';

/** Acts done by saying them: a demand, threat, criticism, rejection, backing or promise stated in a report. */
const SPEECH_ACTS: ReadonlySet<PloverType> = new Set([
  'DEMAND',
  'THREATEN',
  'DISAPPROVE',
  'REJECT',
  'SUPPORT',
  'AGREE',
]);
/**
 * Dates a speech act stated in what someone said by the saying (issue 11): "the group said Tuesday that
 * Washington should open talks" is a demand made on Tuesday, and "X said Y must …" in a story of the day, that
 * day. Only undated events of a clause that a past-tense speech verb governs, and never a negated or
 * hypothetical one; a time the event's own clause names was already read by the rules before.
 */
export const statedTime: Refiner = {
  name: 'stated-time',
  refine(events, ctx) {
    const syn = ctx.syntax;
    if (!syn) return events;
    return events.map((e) => {
      if (e.date || !SPEECH_ACTS.has(e.type) || e.modality === 'negated' || e.modality === 'hypothetical')
        return e;
      const w = triggerWord(ctx, e);
      if (w < 0) return e;
      const g = syn.governingVerb(w);
      if (g < 0) return e;
      const v = syn.words[g]!;
      // a past report: "said", "told" (not "says", "saying", "will say")
      const past =
        v.upos === 'VERB' &&
        v.text.toLowerCase() !== v.lemma.toLowerCase() &&
        !/ing$/i.test(v.text) &&
        !v.text.toLowerCase().endsWith('s') &&
        syn.childrenBy(g, 'aux').length === 0;
      if (!past || !isSpeechLemma(v.lemma.toLowerCase())) return e;
      // the trigger must sit in the report's content clause, not in an adjunct of it
      const clause = syn.clauseOf(w);
      if (clause < 0 || !['ccomp', 'parataxis'].includes(baseRel(syn.words[clause]!.deprel))) return e;
      // a time the report names ("said on Tuesday")
      const own = attachedDate(ctx, g, (head) => syn.words[head]!.head === g);
      if (own) return { ...e, ...own };
      return ctx.ix.published ? { ...e, date: ctx.ix.published } : e;
    });
  },
};
