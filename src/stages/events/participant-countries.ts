import type { Entity } from '../../core/types.js';
import { lookupPerson } from '../../knowledge/index.js';
import type { SyntaxIndex } from '../syntax/query.js';
import type { DocIndex } from './doc-index.js';
import { entityIndexAtWord } from './refiners/context.js';
import type { EventParticipant, MergedEvent } from './types.js';

/** Dependents of a name or its head noun that can carry the country of the phrase. */
const COUNTRY_RELS: ReadonlySet<string> = new Set([
  'amod',
  'compound',
  'nmod:poss',
  'nmod:desc',
  'flat',
  'appos',
]);
/** Relations by which a name sits inside a larger nominal ("the Bush administration", "the FDD's leaders"). */
const INSIDE_RELS: ReadonlySet<string> = new Set(['compound', 'flat', 'appos', 'nmod:desc']);

/** The entity (other than `self`) with a country whose mention covers syntax word `w`, as its country. */
function countryAt(ix: DocIndex, syn: SyntaxIndex, w: number, self: string): string | null {
  const k = entityIndexAtWord(ix, syn, w);
  const e = k >= 0 ? ix.entities[k]! : null;
  return e && e.id !== self ? e.country : null;
}

/** The country named inside the phrase of entity `ent`'s mention nearest to `at` in sentence `s`, or null. */
function phraseCountry(ix: DocIndex, syn: SyntaxIndex, ent: Entity, s: number, at: number): string | null {
  const first = ix.sentStart[s] ?? 0;
  const last = (ix.sentEnd[s] ?? 0) - 1;
  if (last < first) return null;
  const from = ix.tokens[first]!.start;
  const to = ix.tokens[last]!.end;
  const mentions = ent.mentions
    .filter((m) => m.start >= from && m.end <= to)
    .sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
  for (const m of mentions) {
    const w = syn.wordAt(m.start);
    if (w < 0) continue;
    // the words whose modifiers belong to this phrase: the name's head word, and the noun it sits inside
    const heads = [w];
    for (let p = w, guard = 0; guard < 4; guard++) {
      const h = syn.words[p]!.head;
      if (h < 0) break;
      const inMention = syn.words[h]!.start >= m.start && syn.words[h]!.end <= m.end;
      if (!inMention && !INSIDE_RELS.has(syn.words[p]!.deprel)) break;
      heads.push(h);
      p = h;
    }
    for (const h of heads) {
      for (const c of syn.children(h)) {
        if (!COUNTRY_RELS.has(syn.words[c]!.deprel)) continue;
        const country = countryAt(ix, syn, c, ent.id);
        if (country) return country;
        // "the Japanese Prime Minister X": the title's own modifier
        for (const g of syn.children(c)) {
          if (syn.words[g]!.deprel !== 'amod' && syn.words[g]!.deprel !== 'nmod:poss') continue;
          const inner = countryAt(ix, syn, g, ent.id);
          if (inner) return inner;
        }
      }
    }
  }
  return null;
}

/**
 * Each participant with the country it stands for in this event (issue 11): its entity's own country, else a
 * country named in the participant's own phrase at its mention nearest the trigger ("the Hutu-led Burundian
 * FDD", "Serbian parliament speaker X", "the Bush administration" once Bush has one). An added output field
 * (`participants`), read by the PLOVER evaluator instead of looking the entities up itself; `actors` and
 * `targets` are unchanged. Runs after merging, so the lists it describes are final.
 */
export function participantCountries(
  events: readonly MergedEvent[],
  ix: DocIndex,
  syn: SyntaxIndex | null,
  byId: ReadonlyMap<string, Entity>,
): MergedEvent[] {
  return events.map((e) => {
    const one = (id: string, role: EventParticipant['role']): EventParticipant => {
      const ent = byId.get(id);
      if (ent?.country) return { id, role, country: ent.country, countryFrom: 'entity' };
      const country = ent && syn ? phraseCountry(ix, syn, ent, e.sentence, e.trigger.start) : null;
      if (country) return { id, role, country, countryFrom: 'phrase' };
      // "Putin offered …" read as a place no gazetteer locates: the knowledge base's person of that name
      const known = ent?.type === 'GPE' ? lookupPerson(ent.name) : null;
      if (known?.country) return { id, role, country: known.country, countryFrom: 'person' };
      return { id, role, country: null, countryFrom: null };
    };
    const participants = [
      ...e.actors.map((id) => one(id, 'actor')),
      ...e.targets.map((id) => one(id, 'target')),
    ];
    return { ...e, participants };
  });
}
