import type { Modality } from '../../core/types.js';
import { AIM_NOUNS, EXPECT, FUTURE, HYPOTHETICAL, INTENT_ADJ, NEGATION } from './data/word-lists.js';
import type { DocIndex } from './doc-index.js';
import { isBoundary } from './triggers.js';
import { CONFLICT_MATERIAL, COOPERATIVE, type Trigger } from './types.js';

export function decideModality(ix: DocIndex, t: Trigger, lo: number, attributed: boolean): Modality {
  let negated = false;
  let future = false;
  let intent = false;
  let expected = false;
  let hypothetical = false;
  for (let k = t.start - 1; k >= Math.max(lo, t.start - 4); k--) {
    const l = ix.low[k]!;
    if (isBoundary(ix, k) || l === ',') break;
    if (NEGATION.has(l)) negated = true;
    else if (FUTURE.has(l)) future = true;
    else if (HYPOTHETICAL.has(l)) hypothetical = true;
    else if (l === 'to' && k - 1 >= lo) {
      const p = ix.low[k - 1]!;
      // "failed to reach consensus": it did not happen
      if (/^(?:failed|fail|fails|unable)$/.test(p)) negated = true;
      else if (EXPECT.has(p) || AIM_NOUNS.has(p)) expected = true;
      else if (INTENT_ADJ.has(p)) intent = true;
    }
  }
  for (let k = t.start - 1; k >= lo; k--) {
    if (ix.low[k] === 'if' || ix.low[k] === 'unless') hypothetical = true;
    if (ix.low[k] === ';') break;
  }
  let conditional = false;
  for (let k = t.end; k < Math.min(ix.sentEnd[ix.tokens[t.start]!.sentence]!, t.end + 25); k++) {
    if (ix.low[k] === 'unless' || ix.low[k] === 'if') conditional = true;
  }
  if (negated && (future || intent) && COOPERATIVE.has(t.type) && !t.entry.gov) {
    // "would not meet their demands": a refusal
    t.type = 'REJECT';
    t.cameo = '120';
    t.mode = null;
    return attributed ? 'reported' : 'asserted';
  }
  if (negated) return 'negated';
  // "will withdraw … unless", "may halt mediation if …": a conditional action against someone is a threat
  if (
    (future || intent || hypothetical) &&
    conditional &&
    !expected &&
    (CONFLICT_MATERIAL.has(t.type) || t.type === 'RETREAT')
  ) {
    t.type = 'THREATEN';
    t.cameo = '130';
    return attributed ? 'reported' : 'asserted';
  }
  if (hypothetical && CONFLICT_MATERIAL.has(t.type) && !expected) {
    t.type = 'THREATEN';
    t.cameo = '130';
    return 'hypothetical';
  }
  // an actor's stated intention: PLOVER codes cooperative intent as AGREE and conflictual intent as THREATEN
  if ((future || intent) && !expected && !hypothetical && !t.entry.gov) {
    if (COOPERATIVE.has(t.type) && t.type !== 'AGREE') {
      t.type = 'AGREE';
      t.cameo = '030';
      t.mode = null;
      return attributed ? 'reported' : 'asserted';
    }
    if (CONFLICT_MATERIAL.has(t.type)) {
      t.type = 'THREATEN';
      t.cameo = '130';
      return attributed ? 'reported' : 'asserted';
    }
  }
  if (hypothetical) return 'hypothetical';
  if (expected || future) return 'expected';
  return attributed ? 'reported' : 'asserted';
}
