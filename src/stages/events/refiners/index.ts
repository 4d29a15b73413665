import { clauseEvents } from '../predicates.js';
import { clauseActors } from './clause-actors.js';
import { clauseModality } from './clause-modality.js';
import { clauseParticipants } from './clause-participants.js';
import { clauseTime } from './clause-time.js';
import type { RefineContext, Refiner } from './context.js';
import { garbledText } from './garbled.js';
import { reactionTargets } from './reaction-targets.js';
import { selectionalRestrictions, sportsContext } from './senses.js';
import { statedTime } from './stated-time.js';

export { type RefineContext, type Refiner, syntaxOf } from './context.js';

/**
 * The refiners, in the order they run after the extractors (merging runs last, in `index.ts`): sense
 * decisions first (they drop events: text that is not English prose, sport, another word sense), then the clause's modality. Each is a no-op without a parse.
 */
export const REFINERS: readonly Refiner[] = [
  clauseEvents,
  garbledText,
  sportsContext,
  selectionalRestrictions,
  clauseParticipants,
  clauseActors,
  reactionTargets,
  clauseModality,
  clauseTime,
  statedTime,
];

/** Runs every refiner in order. */
export function refine(events: import('../types.js').RuledEvent[], ctx: RefineContext) {
  let out = events;
  for (const r of REFINERS) out = r.refine(out, ctx);
  return out;
}
