import { frameFor } from '../frames.js';
import { LEXICON } from '../lexicon.js';
import type { RuledEvent } from '../types.js';
import { entityOfNominal, type RefineContext, type Refiner, triggerWord } from './context.js';

/**
 * Drops events in a sentence about a match: "we will beat them in the final" is sport, not a threat. The
 * sports words are data (`lexicon-overrides.json`).
 */
export const sportsContext: Refiner = {
  name: 'sports-context',
  refine(events, ctx) {
    if (!ctx.syntax) return events;
    const sportsSentence = new Set<number>();
    for (const w of ctx.syntax.words) {
      const low = w.text.toLowerCase();
      if (ctx.lex.sportsWords.has(low) || (w.upos === 'NOUN' && ctx.lex.sportsNouns.has(low))) {
        sportsSentence.add(w.sentence);
      }
    }
    if (sportsSentence.size === 0) return events;
    return events.filter((e) => {
      const w = triggerWord(ctx, e);
      return w < 0 || !sportsSentence.has(ctx.syntax!.words[w]!.sentence);
    });
  },
};

/** True when the reviewed trigger lexicon or a PETRARCH2 pattern names this object head for the verb. */
function objectNamedByLexicon(ctx: RefineContext, verbText: string, lemma: string, obj: string[]): boolean {
  for (const h of LEXICON.byWord.get(verbText) ?? []) {
    if (h.obj && obj.some((o) => h.obj!.has(o))) return true;
  }
  const entry = ctx.lex.byLemma.get(`verb:${lemma}`);
  return !!entry?.patterns?.some((p) => p.cameo && p.heads && obj.some((o) => p.heads!.includes(o)));
}

/** True unless predicate `w`'s reviewed frame needs a party as its object and the object is an inanimate noun. */
function fitsFrame(ctx: RefineContext, w: number): boolean {
  const syn = ctx.syntax!;
  const word = syn.words[w]!;
  if (word.upos !== 'VERB') return true;
  const entry = frameFor(ctx.lex, word.lemma, word.upos);
  if (!entry?.targetMustBeActor) return true;
  const objs = syn.objectsOf(w);
  if (objs.length === 0) return true;
  const o = syn.words[objs[0]!]!;
  if (o.upos !== 'NOUN') return true;
  if (entityOfNominal(ctx, objs[0]!)) return true;
  const forms = [o.text.toLowerCase(), o.lemma.toLowerCase()];
  if (forms.some((f) => ctx.lex.adversaryNouns.has(f))) return true;
  return objectNamedByLexicon(ctx, word.text.toLowerCase(), word.lemma.toLowerCase(), forms);
}

/**
 * Selectional restrictions: a verb that the reviewed overrides mark as needing a party for its object (VerbNet
 * gives such verbs +animate/+organization targets, but too many verbs for a filter) has another sense when its
 * direct object is an inanimate common noun: "fight bird flu", "meet its needs", "beat the odds" are no FIGHT or CONSULT.
 */
export const selectionalRestrictions: Refiner = {
  name: 'selectional-restrictions',
  refine(events, ctx) {
    const syn = ctx.syntax;
    if (!syn) return events;
    return events.filter((e: RuledEvent) => {
      const w = triggerWord(ctx, e);
      if (w < 0) return true;
      if (!fitsFrame(ctx, w)) return false;
      // "vowed to fight bird flu": a governing verb's event is about its open complement
      return syn.childrenBy(w, 'xcomp').every((c) => fitsFrame(ctx, c));
    });
  },
};
