/**
 * The corpus linker's version model, written by `npx vite-node scripts/train-corpus-linker.ts` (do not edit by
 * hand): logistic-regression weights over the named pair figures of `pairFeatures` (`../score.ts`).
 * Fitted on half A of `../shared/eval/corpus/dev.json` only (106 stories, 214 same-agency pairs within
 * 2 days, 16 of them versions); L2 0.001 and the threshold chosen by 5-fold cross-validation over
 * gold groups (pair F1 96.97); on its own training pairs: 16 tp, 0 fp, 0 fn.
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
  ],
  weights: {
    text: 4.4286,
    jaccard: 3.0087,
    stem: 1.3477,
    topic: 3.456,
    leadWords: 0.7126,
    leadActors: 0,
    leadEvents: 0,
    dateline: 2.4004,
    byline: 1.3128,
    marker: 0,
    sameDay: 1.7428,
  },
  bias: -7.9609,
  threshold: 0.57,
};
