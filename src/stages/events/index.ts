import type { Document } from '../../core/document.js';
import { NewsintelError } from '../../core/errors.js';
import { defineStage, type Stage } from '../../core/stage.js';
import { AttributionFinder } from './attribution.js';
import { sentenceEvents } from './clause.js';
import { buildDocIndex } from './doc-index.js';
import { clauseLexicon } from './frames.js';
import { participantCountries } from './participant-countries.js';
import type { Group, Salience } from './participants.js';
import { refine, syntaxOf } from './refiners/index.js';
import { mergeEvents } from './refiners/merge.js';
import { meetingAdjunctActors, ownSubjectActors, relativeSubjectActors } from './refiners/subject-actors.js';
import type { EventsOptions, MergedEvent, RuledEvent } from './types.js';

export { mergeEvents } from './refiners/merge.js';
export type {
  EventMention,
  EventParticipant,
  EventsOptions,
  GenericActor,
  MergedEvent,
  RuledEvent,
} from './types.js';

/** The events stage: PLOVER-typed events with actors, targets, location, date, modality and evidence. */
export function eventsStage(options: EventsOptions = {}): Stage<EventsOptions> {
  if (options.window !== undefined && !(Number.isInteger(options.window) && options.window > 0)) {
    throw new NewsintelError('E_OPTIONS', 'events: window must be a positive integer');
  }
  return defineStage({
    name: 'events',
    requires: ['text', 'sentences', 'tokens', 'syntax', 'entities', 'quotes', 'times'],
    assigns: ['events'],
    options,
    run(doc: Document) {
      return { events: extractEvents(doc, options) };
    },
  });
}

/** Extracts events from a document that has text, sentences and tokens (other layers optional). */
export function extractEvents(doc: Document, options: EventsOptions = {}): MergedEvent[] {
  const ix = buildDocIndex(doc);
  const attr = new AttributionFinder(ix);
  const window = options.window ?? 30;
  const found: RuledEvent[] = [];
  const groups: Group[] = [];
  const salient: Salience = { person: null, org: null };
  // the parse is required in a pipeline; extractEvents also runs on documents without one (unit tests)
  const syntax = syntaxOf(doc.has('syntax') ? doc.get('syntax') : undefined);
  const ctx = { ix, syntax, lex: clauseLexicon() };
  for (let s = 0; s < ix.sentStart.length; s++) {
    const events = sentenceEvents(ix, attr, s, window, groups, salient);
    for (let { patientOnly, ...e } of events) {
      // the verb's own subject, read on the parse before the event is judged unattached: "Iran, which has
      // refused to …" (the relative pronoun's antecedent acts)
      if (e.actors.length === 0 && !e.genericActor) {
        const relative = relativeSubjectActors(ctx, e);
        // "Norway later accused …": a named subject the token rules missed
        const own = relative.length > 0 ? [] : ownSubjectActors(ctx, e);
        // "Gul said after talks with Y": who speaks after a meeting took part in it
        const met = relative.length > 0 || own.length > 0 ? [] : meetingAdjunctActors(ctx, e);
        if (relative.length > 0) e = { ...e, actors: relative, rule: `${e.rule}+relative-subject` };
        else if (own.length > 0) e = { ...e, actors: own, rule: `${e.rule}+subject` };
        else if (met.length > 0) {
          const targets = e.targets.filter((t) => !met.includes(t));
          e = { ...e, actors: met, targets, rule: `${e.rule}+adjunct-subject` };
        }
      }
      // who did it is the point of an event: without an actor only a passive ("Iran was attacked") or a
      // noun with an explicit target ("attacks on Iraq") says enough to list
      if (
        !options.keepUnattached &&
        e.actors.length === 0 &&
        !e.genericActor &&
        (e.targets.length === 0 || !patientOnly)
      )
        continue;
      found.push(e);
    }
  }
  const refined = refine(found, ctx);
  // places stand for their country when comparing participants ("Pyongyang" and "North Korea")
  const key = new Map<string, string>();
  for (const e of ix.entities) key.set(e.id, e.type === 'GPE' && e.country ? `country:${e.country}` : e.id);
  const merged = mergeEvents(refined, (id) => key.get(id) ?? id).map((e, i) => ({ ...e, id: `v${i + 1}` }));
  return participantCountries(merged, ix, syntax, new Map(ix.entities.map((e) => [e.id, e])));
}
