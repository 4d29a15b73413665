/**
 * The corpus linker's version model, written by `npx vite-node scripts/train-corpus-linker.ts` (do not edit by
 * hand): logistic-regression weights over the named pair figures of `pairFeatures` (`../score.ts`).
 * Fitted on half A of `../shared/eval/corpus/dev.json` and of `eval/gold/corpus-bulk.json` only (710 stories,
 * 279 same-agency pairs within 2 days, 18 of them versions); L2 0.01 by 5-fold cross-validation over
 * gold groups, threshold the best cross-validated pair F1 (97.14) linking at most 1 in 30 hard negatives; on its
 * own training pairs: 18 tp, 1 fp, 0 fn, 1 hard negatives linked.
 */
import type { LinkModel } from '../score.js';

export const LINK_MODEL: LinkModel = {
  features: [
    'text',
    'jaccard',
    'stem',
    'topic',
    'leadWords',
    'leadActors',
    'leadEvents',
    'dateline',
    'byline',
    'marker',
    'sameDay',
    'figures',
    'leadParagraph',
    'updateOrder',
  ],
  weights: {
    text: 2.3581,
    jaccard: 1.6703,
    stem: 0.4868,
    topic: 2.0722,
    leadWords: 0.529,
    leadActors: 0.2392,
    leadEvents: 0,
    dateline: 0.9437,
    byline: 0.3527,
    marker: 0.0945,
    sameDay: 1.1445,
    figures: 1.3534,
    leadParagraph: 0.3495,
    updateOrder: 0.3104,
  },
  bias: -5.6842,
  threshold: 0.34,
};
