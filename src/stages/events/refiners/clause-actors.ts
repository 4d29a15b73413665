import { KIN_NOUNS } from '../../../knowledge/english/index.js';
import { baseRel } from '../../syntax/query.js';
import {
  describedPerson,
  entityOfNominal,
  isParty,
  type RefineContext,
  type Refiner,
  triggerWord,
} from './context.js';

/** Nouns for people who act in their own name though another is named in their phrase ("the sister of X"). */
const RELATION_NOUNS: ReadonlySet<string> = new Set([...KIN_NOUNS.keys(), 'lawyer', 'attorney', 'friend']);

/** True when some mention of entity `id` lies inside [start, end). */
function mentionedIn(ctx: RefineContext, id: string, start: number, end: number): boolean {
  const e = ctx.ix.entities.find((x) => x.id === id);
  return !!e && e.mentions.some((m) => m.start >= start && m.end <= end);
}

/**
 * The nominal that does what verb `w` says when the verb has no subject of its own, or -1: the noun an
 * active participle or a verb with an object modifies ("President X, visiting China, …", a misparsed main
 * verb "X on Thursday shortened the curfew" read as a reduced relative), the subject of the verb a purpose
 * clause ("opened the bridge to allow …") or an open complement depends on, or of a coordinated verb.
 */
function inheritedSubject(ctx: RefineContext, w: number): number {
  const syn = ctx.syntax!;
  for (let p = w, guard = 0; p >= 0 && guard < 6; guard++) {
    const word = syn.words[p]!;
    if (syn.isPassive(p)) return -1;
    const own = syn.children(p).find((c) => baseRel(syn.words[c]!.deprel) === 'nsubj');
    if (own !== undefined) return p === w ? -1 : own;
    const rel = baseRel(word.deprel);
    const h = word.head;
    if (h < 0) return -1;
    if (rel === 'acl') {
      const active = /ing$/i.test(word.text) || syn.childrenBy(p, 'obj').length > 0;
      const head = syn.words[h]!;
      return active && (head.upos === 'PROPN' || head.upos === 'NOUN') ? h : -1;
    }
    const purpose = rel === 'advcl' && syn.children(p).some((c) => syn.words[c]!.text.toLowerCase() === 'to');
    if (rel !== 'conj' && rel !== 'xcomp' && !purpose) return -1;
    if (syn.words[h]!.upos !== 'VERB') return -1;
    p = h;
  }
  return -1;
}

/**
 * The actor of a verbal event is the subject of its verb (issue 11): where the token rules took a name that
 * the clause's own subject does not contain, the parties the subject names replace it ("The Port Authority
 * later accused the union …" after a sentence about a minister), and a relative named by a relation noun acts
 * in their own name ("the sister of X accused the ministry": X is no actor). Only the verb's own single
 * subject counts: inherited subjects, pronouns (the rules and coreference resolve them) and passives stay.
 */
export const clauseActors: Refiner = {
  name: 'clause-actors',
  refine(events, ctx) {
    const syn = ctx.syntax;
    if (!syn) return events;
    return events.map((e) => {
      const w = triggerWord(ctx, e);
      if (w < 0 || syn.words[w]!.upos !== 'VERB' || syn.isPassive(w)) return e;
      const subjects = syn.children(w).filter((c) => baseRel(syn.words[c]!.deprel) === 'nsubj');
      if (subjects.length === 0 && e.actors.length === 0 && !e.genericActor) {
        const s = inheritedSubject(ctx, w);
        const id = s >= 0 ? entityOfNominal(ctx, s) : null;
        if (!isParty(ctx, id) || e.targets.includes(id)) return e;
        return { ...e, actors: [id], rule: `${e.rule}+inherited-subject` };
      }
      if (subjects.length !== 1) return e;
      const s = subjects[0]!;
      const head = syn.words[s]!;
      if (head.upos === 'PRON') return e;
      const span = syn.span(s);
      if (!span) return e;
      // "His counterpart later criticised Berg": the one person the story introduced as the counterpart acts,
      // not the one "his" refers to, who is then the object
      const described = describedPerson(ctx, s);
      if (described) {
        if (e.actors.length === 1 && e.actors[0] === described) return e;
        let targets = e.targets.filter((t) => t !== described);
        if (targets.length === 0)
          for (const o of syn.objectsOf(w)) {
            const id = entityOfNominal(ctx, o);
            if (id && id !== described) targets = [id];
          }
        return { ...e, actors: [described], targets, rule: `${e.rule}+subject` };
      }
      // the rules' actors already come from the subject phrase
      if (e.actors.some((a) => mentionedIn(ctx, a, span.start, span.end) && entityOfNominal(ctx, s) === a))
        return e;
      const named: string[] = [];
      for (const c of syn.conjuncts(s)) {
        const id = entityOfNominal(ctx, c);
        if (isParty(ctx, id) && !named.includes(id)) named.push(id);
      }
      if (named.length > 0) {
        if (e.actors.some((a) => named.includes(a))) return e;
        if (e.actors.some((a) => mentionedIn(ctx, a, span.start, span.end))) return e;
        const targets = e.targets.filter((t) => !named.includes(t));
        if (targets.length === 0 && e.targets.length > 0) return e;
        return { ...e, actors: named, targets, rule: `${e.rule}+subject` };
      }
      // "the sister of X accused …": the relative acts, X is only named in the phrase
      if (head.upos === 'NOUN' && RELATION_NOUNS.has(head.text.toLowerCase())) {
        const inside = e.actors.filter((a) => mentionedIn(ctx, a, span.start, span.end));
        if (inside.length > 0 && inside.length === e.actors.length)
          return { ...e, actors: [], rule: `${e.rule}+relation-subject` };
      }
      return e;
    });
  },
};
