import type { SyntaxWord } from '../../../core/document.js';
import { SyntaxIndex } from '../../syntax/query.js';
import { type DocIndex, tokenAtOrAfter } from '../doc-index.js';
import type { ClauseLexicon } from '../frames.js';
import type { RuledEvent } from '../types.js';

/** What every refiner reads: the token index, the clause structure (when parsed) and the clause lexicon. */
export interface RefineContext {
  ix: DocIndex;
  /** The parse of the document, or null when the pipeline ran without the syntax stage. */
  syntax: SyntaxIndex | null;
  lex: ClauseLexicon;
}

/**
 * One named step after extraction, applied in list order (chrono's layout): it may drop events, correct
 * them or add new ones. Each refiner is small and says in its name what it decides.
 */
export interface Refiner {
  name: string;
  refine(events: RuledEvent[], ctx: RefineContext): RuledEvent[];
}

/** The syntax index of a document's `syntax` layer, or null when the layer is absent or empty. */
export function syntaxOf(words: readonly SyntaxWord[] | undefined): SyntaxIndex | null {
  return words && words.length > 0 ? new SyntaxIndex(words) : null;
}

/** The syntax word an event's trigger starts in, or -1. */
export function triggerWord(ctx: RefineContext, e: RuledEvent): number {
  return ctx.syntax ? ctx.syntax.wordAt(e.trigger.start) : -1;
}

/** A calendar value (`2006-12-04`, `2006-12`), not a year alone or a duration. */
const CALENDAR = /^\d{4}-\d\d/;

/**
 * The first calendar DATE expression in word `w`'s sentence whose phrase head (the word of the time phrase
 * whose head lies outside it) satisfies `attached` ("met *on Monday*": the head "Monday" hangs on "met"):
 * its value and time id, or null. Shared by the refiners that date an event by the time its clause names.
 */
export function attachedDate(
  ctx: RefineContext,
  w: number,
  attached: (head: number) => boolean,
): { date: string; time: string } | null {
  const syn = ctx.syntax;
  if (!syn?.words[w]) return null;
  for (const tm of ctx.ix.times) {
    if (tm.type !== 'DATE' || !tm.value || !CALENDAR.test(tm.value)) continue;
    const tw = syn.wordAt(tm.start);
    if (tw < 0 || syn.words[tw]!.sentence !== syn.words[w]!.sentence) continue;
    let head = tw;
    while (syn.words[head]!.head >= 0 && syn.words[syn.words[head]!.head]!.start < tm.end)
      head = syn.words[head]!.head;
    if (attached(head)) return { date: tm.value, time: tm.id };
  }
  return null;
}

/** The index in `ix.entities` of the entity whose mention covers syntax word `w` of `syn`, or -1. */
export function entityIndexAtWord(ix: DocIndex, syn: SyntaxIndex | null, w: number): number {
  const word = syn?.words[w];
  if (!word) return -1;
  const t = tokenAtOrAfter(ix.tokens, word.start);
  if (t >= ix.tokens.length || ix.tokens[t]!.start >= word.end) return -1;
  return ix.entityAt[t]!;
}

/** Entity types that can act in an event or be its target: people, organisations, states and peoples. */
export const PARTY_TYPES: ReadonlySet<string> = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);

/** Whether `id` is an entity of the document of a party type (`PARTY_TYPES`). */
export function isParty(ctx: RefineContext, id: string | null | undefined): id is string {
  if (!id) return false;
  const ent = ctx.ix.entities.find((e) => e.id === id);
  return !!ent && PARTY_TYPES.has(ent.type);
}

/** Relations by which a name is the nominal's own ("President X", "his counterpart Y"), not a modifier's. */
export const OWN_NAME = /^(?:compound|flat|appos)/;

/** The entity id whose mention covers syntax word `w`, or null. */
export function entityAtWord(ctx: RefineContext, w: number): string | null {
  const k = entityIndexAtWord(ctx.ix, ctx.syntax, w);
  return k >= 0 ? ctx.ix.entities[k]!.id : null;
}

/**
 * The entity a nominal names: its head word's, else that of a name inside its own phrase (compound, flat or
 * appos dependents: "President Kabila", "his counterpart Romano Prodi"), else that of its amod or possessor
 * ("the Chinese delegation"), else null.
 */
export function entityOfNominal(ctx: RefineContext, w: number): string | null {
  const direct = entityAtWord(ctx, w);
  // "to meet French President Jacques Chirac" parsed with the adjective as head: the name in apposition
  if (direct && ctx.syntax?.words[w]?.upos === 'ADJ') {
    for (const c of ctx.syntax.children(w)) {
      if (!/^(?:appos|flat)/.test(ctx.syntax.words[c]!.deprel)) continue;
      const id = entityAtWord(ctx, c);
      if (id && id !== direct) return id;
    }
  }
  if (direct || !ctx.syntax) return direct;
  // the nominal's own name first ("his counterpart Romano Prodi" is Prodi, not the one "his" refers to)
  for (const own of [true, false]) {
    for (const c of ctx.syntax.children(w)) {
      const rel = ctx.syntax.words[c]!.deprel;
      if (own ? /^(?:compound|flat|appos)/.test(rel) : /^(?:amod|nmod:poss)/.test(rel)) {
        const id = entityAtWord(ctx, c);
        if (id) return id;
      }
    }
  }
  return null;
}

/** Nouns that name a person only by their relation to someone named earlier ("his counterpart"). */
const RELATIONAL_TITLES: ReadonlySet<string> = new Set(['counterpart']);

/**
 * The person a bare relational description stands for ("Berg later criticised his counterpart"): the one person
 * the story introduced under the same noun with a name of their own ("his Norwegian counterpart Kim Moe"), other
 * than the possessor; null when the nominal has a name of its own, is no such description, or the story
 * introduced none or several.
 */
export function describedPerson(ctx: RefineContext, w: number): string | null {
  const syn = ctx.syntax;
  const word = syn?.words[w];
  if (!syn || !word || word.upos !== 'NOUN' || !RELATIONAL_TITLES.has(word.lemma.toLowerCase())) return null;
  if (entityAtWord(ctx, w)) return null;
  const kids = syn.children(w);
  if (kids.some((c) => OWN_NAME.test(syn.words[c]!.deprel) && entityAtWord(ctx, c))) return null;
  const possessor = kids.filter((c) => syn.words[c]!.deprel === 'nmod:poss').map((c) => entityAtWord(ctx, c));
  const found = new Set<string>();
  for (let k = 0; k < syn.words.length; k++) {
    if (k === w || syn.words[k]!.lemma.toLowerCase() !== word.lemma.toLowerCase()) continue;
    for (const c of syn.children(k)) {
      if (!OWN_NAME.test(syn.words[c]!.deprel)) continue;
      const id = entityAtWord(ctx, c);
      const ent = id ? ctx.ix.entities.find((e) => e.id === id) : undefined;
      if (ent?.type === 'PERSON' && !possessor.includes(ent.id)) found.add(ent.id);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}
