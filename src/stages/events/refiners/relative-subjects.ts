import { baseRel } from '../../syntax/query.js';
import { antecedentOf } from '../predicates.js';
import type { RuledEvent } from '../types.js';
import { entityAtWord, type RefineContext, triggerWord } from './context.js';

const PARTY: ReadonlySet<string> = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);

/**
 * The actors of an event whose verb's subject is a relative pronoun ("Iran, which has refused to …", "the
 * rebels' leader Joseph Kony, who signed …"): the parties its antecedent names (`antecedentOf`: the head of the
 * relative clause, else the name just before the comma that opens it), never the targets; [] when the subject
 * is no relative pronoun or its antecedent names no party. A description before the pronoun is no party ("the
 * European plane-maker, which …" is not Europe): only a name that the antecedent word itself carries counts.
 */
export function relativeSubjectActors(ctx: RefineContext, e: RuledEvent): string[] {
  const syn = ctx.syntax;
  if (!syn) return [];
  const w = triggerWord(ctx, e);
  if (w < 0 || syn.words[w]!.upos !== 'VERB' || syn.isPassive(w)) return [];
  const subj = syn.children(w).find((c) => baseRel(syn.words[c]!.deprel) === 'nsubj');
  if (subj === undefined) return [];
  const a = antecedentOf(ctx, subj);
  if (a === subj) return [];
  const out: string[] = [];
  for (const c of syn.conjuncts(a)) {
    const id = entityAtWord(ctx, c);
    const ent = id ? ctx.ix.entities.find((x) => x.id === id) : undefined;
    if (ent && PARTY.has(ent.type) && !e.targets.includes(ent.id) && !out.includes(ent.id)) out.push(ent.id);
  }
  return out;
}
