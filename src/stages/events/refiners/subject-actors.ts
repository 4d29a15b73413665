import { baseRel } from '../../syntax/query.js';
import { adjunctParties, antecedentOf } from '../predicates.js';
import type { RuledEvent } from '../types.js';
import { entityAtWord, isParty, OWN_NAME, type RefineContext, triggerWord } from './context.js';

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
    if (isParty(ctx, id) && !e.targets.includes(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * The actors of an event the token rules left without one when its verb has a subject of its own that is a
 * name ("Norway later accused …", where the adverb hid the subject from the token rules): the parties the
 * subject and its conjuncts name by their own head or a name inside their own phrase; never a country named by
 * a modifier ("a US-based group") and never the targets. [] for passives, pronouns and descriptions.
 */
export function ownSubjectActors(ctx: RefineContext, e: RuledEvent): string[] {
  const syn = ctx.syntax;
  if (!syn) return [];
  const w = triggerWord(ctx, e);
  if (w < 0 || syn.words[w]!.upos !== 'VERB' || syn.isPassive(w)) return [];
  // "Rybkin was met by …" where the parse missed the passive: a form of "be" before a participle
  const verb = syn.words[w]!;
  if (
    !/ing$/i.test(verb.text) &&
    syn.childrenBy(w, 'aux').some((a) => syn.words[a]!.lemma.toLowerCase() === 'be')
  )
    return [];
  const subjects = syn.children(w).filter((c) => baseRel(syn.words[c]!.deprel) === 'nsubj');
  if (subjects.length !== 1 || syn.words[subjects[0]!]!.upos === 'PRON') return [];
  const out: string[] = [];
  for (const c of syn.conjuncts(subjects[0]!)) {
    let id = entityAtWord(ctx, c);
    if (!id)
      for (const k of syn.children(c)) {
        if (!OWN_NAME.test(syn.words[k]!.deprel)) continue;
        id = entityAtWord(ctx, k);
        if (id) break;
      }
    if (isParty(ctx, id) && !e.targets.includes(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * The actors of a meeting noun the token rules left without one when it is a time adjunct of a clause whose
 * subject took part ("Gul said after talks here with his Swedish counterpart Carl Bildt": Gul), as long as
 * another side is left among the targets; [] otherwise (see `adjunctParties`).
 */
export function meetingAdjunctActors(ctx: RefineContext, e: RuledEvent): string[] {
  const syn = ctx.syntax;
  if (!syn || e.type !== 'CONSULT') return [];
  const w = triggerWord(ctx, e);
  if (w < 0 || syn.words[w]!.upos !== 'NOUN') return [];
  const took = adjunctParties(ctx, w);
  // the token rules may have listed the speaker among the targets: then someone else must be left there
  return e.targets.some((t) => !took.includes(t)) ? took : [];
}
