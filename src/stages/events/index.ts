import type { Document } from '../../core/document.js';
import { NewsintelError } from '../../core/errors.js';
import { defineStage, type Stage } from '../../core/stage.js';
import type { Entity, Modality, NewsEvent, PloverType, TextSpan } from '../../core/types.js';
import {
  AttributionFinder,
  CLAUSE_WORDS,
  CLOSE_QUOTES,
  isReportingVerb,
  OPEN_QUOTES,
} from './attribution.js';
import { buildDocIndex, type DocIndex } from './doc-index.js';
import { LEXICON, type LexEntry } from './lexicon.js';

/** Options of the events stage. */
export interface EventsOptions {
  /** Keep events that have neither actors nor targets (default false: they say nothing about who did what). */
  keepUnattached?: boolean;
  /** Longest subject or object search window, in tokens (bounds the work per trigger). */
  window?: number;
}

/** An event with provenance: the lexicon rule that fired. `rule` is an allowed added field. */
export interface RuledEvent extends NewsEvent {
  rule: string;
}

const COOPERATIVE: ReadonlySet<PloverType> = new Set([
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'COOPERATE',
  'AID',
  'CONCEDE',
  'RETREAT',
  'INVESTIGATE',
]);
const CONFLICT_MATERIAL: ReadonlySet<PloverType> = new Set([
  'COERCE',
  'SANCTION',
  'ASSAULT',
  'FIGHT',
  'MOBILIZE',
  'PROTEST',
  'CRIME',
]);
/** Words after which a verb form is a noun ("the protest", "in order to", "in return"). */
const NOUN_CONTEXT = new Set(
  "a an the its their his her 's this these those such any our my your no in".split(' '),
);
/** Adjective-looking words between a determiner and a noun ("the DPRK's ongoing support"). */
const ADJECTIVE = /^[a-z-]+(?:ing|al|ive|ous|ful|ic|ary|ed)$/;
const GERUND_PREP = new Set('for of on about in against by after before without from'.split(' '));
const BE = new Set('is are was were be been being am'.split(' '));
const FUTURE = new Set(['will', 'would', "'ll", 'shall']);
const INTENT_ADJ = new Set(
  'ready willing prepared determined plans planned plan intends intend intended wants want wanted seeks sought aims'.split(
    ' ',
  ),
);
const EXPECT = new Set('expected likely set scheduled due poised slated'.split(' '));
const NEGATION = new Set(['not', "n't", 'never', 'no']);
const HYPOTHETICAL = new Set(['could', 'might', 'may', 'can']);
const LOC_PREP = new Set(['in', 'at', 'near', 'outside', 'inside']);
const PREP_START = new Set(
  'in on at during after before following despite amid as since separately meanwhile however earlier later last with without under for from by while when'.split(
    ' ',
  ),
);
const MILITARY = new Set(
  'troops forces army military soldiers peacekeepers artillery tanks jets warplanes airstrike airstrikes navy fighters gunships helicopters'.split(
    ' ',
  ),
);
const MULTI = /\b(?:trilateral|three-way|four-way|multilateral|quadrilateral|three-nation|summit)\b/i;

interface Trigger {
  entry: LexEntry;
  /** Trigger token range (the verb, its particle, or the noun phrase). */
  start: number;
  end: number;
  /** Tokens consumed by the match (object noun included), so nouns are not read twice. */
  consumedEnd: number;
  type: PloverType;
  cameo: string | null;
  mode: string | null;
  rule: string;
  absorbed: boolean;
  /** Start of an explicit target phrase (governed complements). */
  actors: string[];
  targets: string[];
  location: string | null;
  modality: Modality;
}

/** The events stage: PLOVER-typed events with actors, targets, location, date, modality and evidence. */
export function eventsStage(options: EventsOptions = {}): Stage<EventsOptions> {
  if (options.window !== undefined && !(Number.isInteger(options.window) && options.window > 0)) {
    throw new NewsintelError('E_OPTIONS', 'events: window must be a positive integer');
  }
  return defineStage({
    name: 'events',
    requires: ['text', 'sentences', 'tokens', 'entities', 'quotes', 'times'],
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
  for (let s = 0; s < ix.sentStart.length; s++) {
    const events = sentenceEvents(ix, attr, s, window, groups);
    for (const { patientOnly, ...e } of events) {
      // who did it is the point of an event: without an actor only a passive ("Iran was attacked") or a
      // noun with an explicit target ("attacks on Iraq") says enough to list
      if (!options.keepUnattached && e.actors.length === 0 && (e.targets.length === 0 || !patientOnly))
        continue;
      found.push(e);
    }
  }
  // places stand for their country when comparing participants ("Pyongyang" and "North Korea")
  const key = new Map<string, string>();
  for (const e of ix.entities) key.set(e.id, e.type === 'GPE' && e.country ? `country:${e.country}` : e.id);
  return mergeEvents(found, (id) => key.get(id) ?? id).map((e, i) => ({ ...e, id: `v${i + 1}` }));
}

/** A further mention of the same event, kept as evidence on the merged event. */
export interface EventMention extends TextSpan {
  sentence: number;
}

/** An event with provenance and the other triggers that report the same event. */
export interface MergedEvent extends RuledEvent {
  /** Other triggers in this article that report the same event (an added field). */
  evidence?: EventMention[];
}

/** Realis (asserted, reported), irrealis (expected, hypothetical) and negated reports never merge. */
function modalityClass(m: Modality): number {
  return m === 'negated' ? 2 : m === 'expected' || m === 'hypothetical' ? 1 : 0;
}

/**
 * Merges events that a story reports several times ("held talks" … "the meeting" … "also discussed"): same
 * type, same participants (a meeting's sides in any order; for other types the same actors, and targets
 * equal or missing on one side) and compatible dates (equal, or one side has no time expression of its own
 * and takes the other's). The first mention is kept; the others become `evidence`. Negated and asserted
 * reports of an event stay apart.
 */
export function mergeEvents(
  events: readonly RuledEvent[],
  keyOf: (id: string) => string = (id) => id,
): MergedEvent[] {
  const out: MergedEvent[] = [];
  const sameSet = (a: readonly string[], b: readonly string[]) => {
    const ka = new Set(a.map(keyOf));
    const kb = new Set(b.map(keyOf));
    return ka.size === kb.size && [...ka].every((x) => kb.has(x));
  };
  for (const e of events) {
    const host = out.find((o) => {
      if (o.type !== e.type || modalityClass(o.modality) !== modalityClass(e.modality)) return false;
      if (o.actors.length + o.targets.length === 0) return false;
      if (o.type === 'CONSULT') {
        if (!sameSet([...o.actors, ...o.targets], [...e.actors, ...e.targets])) return false;
      } else {
        if (!sameSet(o.actors, e.actors) && !(e.actors.length === 0 && o.actors.length > 0)) return false;
        const tOk =
          sameSet(o.targets, e.targets) ||
          (e.targets.length === 0 && o.targets.length > 0) ||
          o.targets.length === 0;
        if (!tOk) return false;
        if (e.actors.length === 0 && !sameSet(o.targets, e.targets)) return false;
      }
      // different dates merge only when one of them was defaulted (no time expression of its own)
      if (o.date && e.date && o.date !== e.date && (o.time === null) === (e.time === null)) return false;
      return true;
    });
    if (!host) {
      out.push({ ...e });
      continue;
    }
    host.evidence ??= [];
    host.evidence.push({ ...e.trigger, sentence: e.sentence });
    if (host.targets.length === 0 && e.targets.length > 0) host.targets = e.targets;
    if (host.actors.length === 0 && e.actors.length > 0) host.actors = e.actors;
    // an explicit time beats a defaulted or missing one
    if (!host.time && e.time) {
      host.time = e.time;
      host.date = e.date;
    } else if (!host.date && e.date) host.date = e.date;
    host.location ??= e.location;
    host.mode ??= e.mode;
  }
  return out;
}

function isAdverb(l: string): boolean {
  return /ly$/.test(l) && l.length > 3;
}

function isBoundary(ix: DocIndex, i: number): boolean {
  const l = ix.low[i]!;
  return (
    l === ';' ||
    l === ':' ||
    l === '\u2014' ||
    l === '--' ||
    l === '(' ||
    l === ')' ||
    OPEN_QUOTES.test(l) ||
    CLOSE_QUOTES.test(l) ||
    CLAUSE_WORDS.has(l) ||
    isReportingVerb(ix, i)
  );
}

/** Matches lexicon entries at token i; returns the trigger or null. */
function matchAt(ix: DocIndex, i: number, lo: number, hi: number): Trigger | null {
  const list = LEXICON.byWord.get(ix.low[i]!);
  if (!list) return null;
  const nounContext =
    (i > lo && NOUN_CONTEXT.has(ix.low[i - 1]!)) ||
    (i - 1 > lo &&
      NOUN_CONTEXT.has(ix.low[i - 2]!) &&
      ADJECTIVE.test(ix.low[i - 1]!) &&
      !FUTURE.has(ix.low[i - 1]!));
  for (const e of list) {
    if (e.noun) {
      for (const f of e.forms) {
        if (i + f.length > hi) continue;
        let ok = true;
        for (let k = 1; k < f.length; k++) if (ix.low[i + k] !== f[k]) ok = false;
        if (!ok) continue;
        // single-word nouns need a noun context or a following "of"/"by"/"against"
        if (
          f.length === 1 &&
          !nounContext &&
          !['of', 'by', 'against', 'on', 'in'].includes(ix.low[i + 1] ?? '')
        )
          continue;
        return trig(e, i, i + f.length, i + f.length);
      }
      continue;
    }
    if (nounContext) continue;
    // a capitalised verb form mid-sentence is a name ("the Canadian Press")
    if (i > lo && ix.tokens[i]!.text !== ix.low[i] && !/^(?:["“‘']|``)$/.test(ix.low[i - 1]!)) continue;
    // a gerund after a preposition is nominal ("a proposal for signing", "in demanding")
    if (i > lo && /ing$/.test(ix.low[i]!) && GERUND_PREP.has(ix.low[i - 1]!)) continue;
    // a clause-initial participle or gerund is a subject or a frame, not a finite event ("Supporting this
    // resolution will …", "Asked when …")
    if (/(?:ing|ed)$/.test(ix.low[i]!) && clauseInitial(ix, i, lo)) continue;
    // "-s" forms of verbs that are also plural nouns ("North Korean demands", "Security Council sanctions")
    // are verbs only after a subject-like word
    if (isNounyPlural(e, ix.low[i]!) && !subjectLikeBefore(ix, i, lo)) continue;
    // a word right after the verb that makes a compound noun ("press briefing", "fighting presence")
    if (i + 1 < hi && COMPOUND_HEADS.has(ix.low[i + 1]!)) continue;
    let end = i + 1;
    let consumed = end;
    if (e.next) {
      let k = i + 1;
      if (k < hi && isAdverb(ix.low[k]!)) k++;
      if (k >= hi || !e.next.has(ix.low[k]!)) continue;
      end = consumed = k + 1;
    }
    if (e.obj) {
      let found = -1;
      for (let k = end; k < Math.min(hi, end + 6); k++) {
        const l = ix.low[k]!;
        if (e.obj.has(l)) {
          found = k;
          break;
        }
        if (l === ',' || l === '.' || CLAUSE_WORDS.has(l) || isReportingVerb(ix, k)) break;
      }
      if (found < 0) continue;
      consumed = found + 1;
    }
    if (e.comp && !hasComplement(ix, consumed, hi)) continue;
    return trig(e, i, end, consumed);
  }
  return null;
}

/** Nouns that a verb form modifies when it is used attributively ("press briefing", "fighting presence"). */
const COMPOUND_HEADS = new Set(
  'briefing briefings conference conferences release releases statement statements secretary office officer corps agency freedom freedoms presence zone zones capability capabilities season ahead'.split(
    ' ',
  ),
);
const SUBJECT_PRONOUNS = new Set('he she it who which that they we i'.split(' '));

/** True when token i starts its clause (sentence start, after an opening quote, or after a semicolon). */
function clauseInitial(ix: DocIndex, i: number, lo: number): boolean {
  if (i === lo) return true;
  const p = ix.low[i - 1]!;
  return OPEN_QUOTES.test(p) || p === ';' || (i - 1 === lo && p === '(');
}

/** A third-person "-s" verb form whose stem is also in the entry ("demands" / "demand"). */
function isNounyPlural(e: LexEntry, w: string): boolean {
  if (!w.endsWith('s') || w.endsWith('ss')) return false;
  const stem = w.slice(0, -1);
  return e.forms.some((f) => f[0] === stem || (w.endsWith('es') && f[0] === w.slice(0, -2)));
}

/** True when the word before token i can be a subject: a named actor, a pronoun or an adverb after one. */
function subjectLikeBefore(ix: DocIndex, i: number, lo: number): boolean {
  let k = i - 1;
  while (k >= lo && isAdverb(ix.low[k]!)) k--;
  if (k < lo) return false;
  if (SUBJECT_PRONOUNS.has(ix.low[k]!)) return true;
  const ei = ix.entityAt[k]!;
  if (ei < 0) return false;
  const t = ix.entities[ei]!.type;
  return t !== 'NORP' && t !== 'MISC';
}

/** True when a "to"/"that"/"for" complement (or an entity then "to") follows within the clause. */
function hasComplement(ix: DocIndex, from: number, hi: number): boolean {
  if (ix.low[from] === 'ahead') return false;
  for (let k = from; k < Math.min(hi, from + 16); k++) {
    const l = ix.low[k]!;
    if (l === 'to' || l === 'that' || l === 'for' || l === 'into') return true;
    if (l === ',' || l === '.' || l === ';' || isReportingVerb(ix, k)) return false;
  }
  return false;
}

function trig(e: LexEntry, start: number, end: number, consumedEnd: number): Trigger {
  return {
    entry: e,
    start,
    end,
    consumedEnd,
    type: e.type,
    cameo: e.cameo,
    mode: e.mode,
    rule: e.rule,
    absorbed: false,
    actors: [],
    targets: [],
    location: null,
    modality: 'asserted',
  };
}

/** Entity id at token k, skipping pronoun-free non-entities. */
function entAt(ix: DocIndex, k: number): string | null {
  const ei = ix.entityAt[k]!;
  return ei >= 0 ? ix.entities[ei]!.id : null;
}

function isLocType(ix: DocIndex, id: string): boolean {
  const e = ix.entities.find((x) => x.id === id);
  return !!e && (e.type === 'GPE' || e.type === 'LOC' || e.type === 'FAC');
}

/** True when the entity mention at k is introduced by a location preposition ("in Washington"). */
function locPrepped(ix: DocIndex, k: number, lo: number): boolean {
  let m = ix.mentionStart[k]!;
  if (m < 0) m = k;
  let p = m - 1;
  while (p >= lo && (ix.low[p] === 'the' || /^\p{Lu}/u.test(ix.tokens[p]!.text)) && p >= m - 3) {
    if (ix.entityAt[p]! >= 0 && ix.entityAt[p] !== ix.entityAt[k]) break;
    p--;
  }
  return p >= lo && LOC_PREP.has(ix.low[p]!);
}

function sentenceEvents(
  ix: DocIndex,
  attr: AttributionFinder,
  s: number,
  window: number,
  groups: Group[],
): Array<RuledEvent & { patientOnly: boolean }> {
  const lo = ix.sentStart[s]!;
  const hi = ix.sentEnd[s]!;
  const triggers: Trigger[] = [];
  const triggerAt = new Map<number, Trigger>();
  for (let i = lo; i < hi; i++) {
    const t = matchAt(ix, i, lo, hi);
    if (!t) continue;
    triggers.push(t);
    for (let k = t.start; k < t.end; k++) triggerAt.set(k, t);
    i = t.consumedEnd - 1;
  }
  // "X said (that) Y must/should Z": a demand by the speaker on Y
  for (let i = lo; i < hi; i++) {
    if (ix.low[i] !== 'must' && ix.low[i] !== 'should') continue;
    const a = attr.at(i);
    if (!a || a.rule === 'according-to') continue;
    const e: LexEntry = { ...DEMAND_ENTRY };
    const t = trig(e, i, i + 1, i + 1);
    t.actors = a.source ? [a.source] : [];
    // the target is the subject of "must"
    const tg: string[] = [];
    for (let k = i - 1; k >= Math.max(lo, i - 8) && !isBoundary(ix, k); k--) {
      const id = entAt(ix, k);
      if (id && !tg.includes(id) && id !== a.source) tg.unshift(id);
    }
    if (tg.length === 0) continue;
    t.targets = tg;
    triggers.push(t);
    triggerAt.set(i, t);
  }
  triggers.sort((a, b) => a.start - b.start);

  for (const t of triggers) {
    if (t.absorbed) continue;
    // governed complements: "agreed to X", "called on Y to X", "refused to X", "demanded that Y X"
    if (t.entry.gov) governComplement(ix, t, triggers, hi, lo);
  }
  // purpose clauses ("held talks with Sullivan to discuss …") belong to the event they follow
  for (let n = 1; n < triggers.length; n++) {
    const t = triggers[n]!;
    if (t.absorbed || t.entry.noun || t.start - 1 < lo) continue;
    let to = t.start - 1;
    if (ix.low[to] === 'help' && ix.low[to - 1] === 'to') to--;
    if (ix.low[to] !== 'to') continue;
    const before = ix.low[to - 1] ?? '';
    if (EXPECT.has(before) || INTENT_ADJ.has(before)) continue;
    const prev = triggers
      .slice(0, n)
      .reverse()
      .find((p) => !p.absorbed && !p.entry.noun);
    if (prev && t.start - prev.consumedEnd <= 12) t.absorbed = true;
  }
  const out: Array<RuledEvent & { patientOnly: boolean }> = [];
  let lastVerb: Trigger | null = null;
  let prevActors: string[] = [];
  for (const t of triggers) {
    if (t.absorbed) continue;
    // "…, and called for …": a coordinated verb shares the subject of the previous verb
    let c = t.start - 1;
    while (c >= lo && isAdverb(ix.low[c]!)) c--;
    if (
      t.actors.length === 0 &&
      !t.entry.noun &&
      lastVerb &&
      c >= lo &&
      ix.low[c] === 'and' &&
      lastVerb.actors.length > 0
    ) {
      t.actors = [...lastVerb.actors];
    }
    if (!t.entry.noun) lastVerb = t;
    const lastActors = prevActors;
    const subj = subjectRegion(ix, t, lo, window, triggerAt);
    // passive: "was indicted by X", and the reduced relative "a move urged by several lawmakers"
    let k = t.start - 1;
    while (k >= lo && isAdverb(ix.low[k]!)) k--;
    const participle = /ed$|en$/.test(ix.low[t.start]!) && !t.entry.noun;
    const passive = participle && ((k >= lo && BE.has(ix.low[k]!)) || ix.low[t.end] === 'by');
    if (t.actors.length === 0) {
      if (t.entry.noun) nounRoles(ix, t, lo, hi);
      else if (passive) {
        for (let by = t.end; by < Math.min(hi, t.end + 4); by++) {
          if (ix.low[by] !== 'by') continue;
          t.actors = entityGroup(ix, by + 1, hi, lo, []);
          break;
        }
        // a reduced relative modifies the noun before it, whose entities are not the patient
        t.targets = BE.has(ix.low[k] ?? '') ? subj.entities.filter((e) => !t.actors.includes(e)) : [];
      } else {
        t.actors = subj.inherit ?? subj.entities;
        if (t.actors.length === 0 && subj.anaphor) t.actors = resolveAnaphor(ix, subj.anaphor, groups, s);
        if (t.targets.length === 0) t.targets = objectTargets(ix, t, hi, lo, t.actors);
      }
    }
    // troops or peacekeepers "arriving in" a country are a deployment, not a visit
    if (t.type === 'CONSULT' && t.mode === 'visit' && t.entry.next) {
      for (let q = subj.start; q < t.start; q++) {
        if (MILITARY.has(ix.low[q]!) || /^peace-?keep/.test(ix.low[q]!)) {
          t.type = 'AID';
          t.cameo = '074';
          t.mode = null;
          break;
        }
      }
    }
    // "…, but was still refusing …": an elliptical subject is the previous verb's
    if (t.actors.length === 0 && !t.entry.noun && !passive && subj.auxOnly && lastActors.length > 0)
      t.actors = [...lastActors];
    const a = attr.at(t.start);
    // "their withdrawal": the possessor is the clause subject, else the (indirect) speaker
    if (t.actors.length === 0 && t.entry.noun && possessivePronounBefore(ix, t.start, lo)) {
      if (subj.entities.length > 0) t.actors = [...subj.entities];
      else if (a?.source && !inDirectQuote(ix, t.start)) t.actors = [a.source];
    }
    // the speaker acts only when the quoted subject is "we"/"I" or there is no subject at all ("… to
    // work together," he said); a third-party subject without a name stays unresolved rather than wrong
    if (
      t.actors.length === 0 &&
      !t.entry.noun &&
      !passive &&
      a?.source &&
      (subj.firstPerson ||
        // "Palestinian leaders said they would boycott …": outside a quote, an unresolved pronoun is the speaker
        (subj.pronoun && !inDirectQuote(ix, t.start)) ||
        (subj.empty && !subj.anaphor && subj.start >= t.start))
    )
      t.actors = [a.source];
    t.actors = normalizeParticipants(ix, t.actors);
    t.targets = normalizeParticipants(ix, t.targets);
    if (!t.entry.noun && t.actors.length > 0) prevActors = t.actors;
    t.targets = t.targets.filter((x) => !t.actors.includes(x));
    // location: "in/at <place>" in the clause
    for (let q = Math.max(lo, subj.start); q < Math.min(hi, t.consumedEnd + 15); q++) {
      const id = entAt(ix, q);
      if (id && isLocType(ix, id) && locPrepped(ix, q, lo)) {
        t.location = id;
        t.targets = t.targets.filter((x) => x !== id);
        break;
      }
    }
    // military context turns an attack or killing into FIGHT
    if (t.entry.military) {
      for (let q = Math.max(lo, t.start - 8); q < Math.min(hi, t.end + 8); q++) {
        if (MILITARY.has(ix.low[q]!)) {
          t.type = 'FIGHT';
          t.cameo = '190';
          break;
        }
      }
    }
    const modality = decideModality(ix, t, lo, a !== null);
    if (t.type === 'CONSULT' && !t.mode) {
      const span = ix.text.slice(
        ix.tokens[t.start]!.start,
        ix.tokens[Math.min(hi, t.consumedEnd + 1) - 1]!.end,
      );
      if (MULTI.test(span) || t.actors.length + t.targets.length >= 3) t.mode = 'multilateral';
    }
    // "will fight to the last": a fight needs an opponent or a military context
    if (t.entry.arg && t.targets.length === 0 && !militaryNear(ix, t, lo, hi)) continue;
    const { time, date } = timeFor(ix, t, subj.clause, hi, modality);
    const first = ix.tokens[t.start]!;
    const last = ix.tokens[t.end - 1]!;
    out.push({
      id: '',
      type: t.type,
      mode: t.mode,
      cameo: t.cameo,
      actors: t.actors,
      targets: t.targets,
      location: t.location,
      date,
      time,
      modality,
      trigger: { start: first.start, end: last.end, text: ix.text.slice(first.start, last.end) },
      sentence: s,
      quote: a?.quote ?? null,
      rule: t.rule,
      patientOnly: passive || t.entry.noun,
    });
    // groups that a later "they" / "the two sides" can refer to: co-actors, and the sides of a meeting
    if (t.actors.length >= 2) groups.push({ sentence: s, ids: t.actors });
    else if (t.type === 'CONSULT' && t.actors.length > 0 && t.targets.length > 0)
      groups.push({ sentence: s, ids: [...t.actors, ...t.targets] });
  }
  return out;
}

function militaryNear(ix: DocIndex, t: Trigger, lo: number, hi: number): boolean {
  for (let q = Math.max(lo, t.start - 8); q < Math.min(hi, t.end + 8); q++) {
    if (MILITARY.has(ix.low[q]!) || /^(?:war|wars|battle|rebels|militants|insurgents)$/.test(ix.low[q]!))
      return true;
  }
  return false;
}

const DEMAND_ENTRY: LexEntry = {
  rule: 'rule:must-clause',
  cameo: '100',
  type: 'DEMAND',
  mode: null,
  noun: false,
  forms: [['must']],
  obj: null,
  next: null,
  gov: 'demand',
  military: false,
  comp: false,
  arg: false,
};

/** Absorbs triggers in the complement of a governing verb and sets its targets and type. */
function governComplement(ix: DocIndex, g: Trigger, all: Trigger[], hi: number, lo: number): void {
  const limit = Math.min(hi, g.consumedEnd + 18);
  if (g.rule === DEMAND_ENTRY.rule) {
    // "Y must Z": everything up to the clause end is the demanded action
    let end = limit;
    for (let k = g.end; k < limit; k++)
      if (ix.low[k] === ';' || ix.low[k] === '.' || CLAUSE_WORDS.has(ix.low[k]!)) end = Math.min(end, k);
    for (const t of all) if (t !== g && t.start >= g.end && t.start < end) t.absorbed = true;
    void lo;
    return;
  }
  let comp = -1; // token of "to" or "that" opening the complement
  for (let k = g.consumedEnd; k < limit; k++) {
    const l = ix.low[k]!;
    if (l === 'to' || l === 'that') {
      comp = k;
      break;
    }
    if (l === ';' || l === '.' || isReportingVerb(ix, k)) break;
  }
  if (comp < 0) return;
  let inner: Trigger | null = null;
  let end = limit;
  for (let k = comp + 1; k < limit; k++) {
    if (ix.low[k] === ',' || ix.low[k] === ';' || ix.low[k] === '.') {
      end = k;
      break;
    }
  }
  for (const t of all) {
    if (t !== g && !t.absorbed && t.start > comp && t.start < end) {
      t.absorbed = true;
      inner ??= t;
    }
  }
  if (g.entry.gov === 'threaten' && inner) g.mode = inner.mode;
  // "vowed to fight": an intention to act against someone is a threat
  if (
    g.entry.gov === 'agree' &&
    inner &&
    CONFLICT_MATERIAL.has(inner.type) &&
    !/^agree/.test(ix.low[g.start]!)
  ) {
    g.type = 'THREATEN';
    g.cameo = '130';
    g.mode = inner.mode;
  }
  if (g.entry.gov === 'demand') {
    // targets: entities between the verb and "to" ("called on Russia and North Korea to"), or the subject
    // of the that-clause ("demanded that the DPRK forsake")
    const from = ix.low[comp] === 'that' ? comp + 1 : g.consumedEnd;
    const to = ix.low[comp] === 'that' ? Math.min(end, comp + 8) : comp;
    const targets: string[] = [];
    for (let k = from; k < to; k++) {
      if (ix.low[k] === 'to' && ix.low[comp] === 'that') break;
      const id = entAt(ix, k);
      if (id && !targets.includes(id)) targets.push(id);
    }
    g.targets = targets;
  }
}

interface SubjectRegion {
  /** First token of the subject (after a leading adverbial). */
  start: number;
  /** First token of the clause (before a leading adverbial), for time linking. */
  clause: number;
  entities: string[];
  inherit: string[] | null;
  empty: boolean;
  pronoun: boolean;
  /** A first-person subject ("we", "I"): the speaker of the quote. */
  firstPerson: boolean;
  /** A group anaphor as subject ("they", "the two sides", "the three countries"). */
  anaphor: Anaphor | null;
  /** The region holds only auxiliaries and adverbs after "but"/"and" (an elliptical subject). */
  auxOnly: boolean;
}

const AUX_WORDS = new Set(
  'was were is are has have had would will could also still then later but and not never yet already'.split(
    ' ',
  ),
);

/** True when token i sits in a direct quote (whose "we"/"they" are the speaker's, not the reporter's). */
function inDirectQuote(ix: DocIndex, i: number): boolean {
  const q = ix.quoteAt[i]!;
  return q >= 0 && ix.quotes[q]!.kind === 'direct';
}

/** "its/their/his/her (adjectives) <noun trigger>". */
function possessivePronounBefore(ix: DocIndex, i: number, lo: number): boolean {
  for (let k = i - 1; k >= Math.max(lo, i - 3); k--) {
    const l = ix.low[k]!;
    if (l === 'its' || l === 'their' || l === 'his' || l === 'her') return true;
    if (!/^\p{Ll}/u.test(ix.tokens[k]!.text) || ix.entityAt[k]! >= 0) return false;
  }
  return false;
}

/** The subject side of a trigger: entities back to the clause start, or those of a coordinated verb. */
function subjectRegion(
  ix: DocIndex,
  t: Trigger,
  lo: number,
  window: number,
  triggerAt: Map<number, Trigger>,
): SubjectRegion {
  let k = t.start - 1;
  const floor = Math.max(lo, t.start - window);
  let inherit: string[] | null = null;
  let coordinated = false;
  while (k >= floor) {
    if (isBoundary(ix, k)) break;
    const other = triggerAt.get(k);
    if (other && other !== t) {
      // "X held talks and agreed …": the coordinated verb shares the subject; "X attacked Y and
      // condemned Z": entities between the two verbs are the first verb's objects, never the subject
      let c = t.start - 1;
      while (c > k && (isAdverb(ix.low[c]!) || CLOSE_QUOTES.test(ix.low[c]!) || OPEN_QUOTES.test(ix.low[c]!)))
        c--;
      coordinated = ix.low[c] === 'and' && !other.entry.noun;
      inherit = other.actors.length > 0 ? other.actors : null;
      break;
    }
    k--;
  }
  const clause = k + 1;
  let start = clause;
  // drop a leading adverbial ("On the eve of the talks, …", "In a separate briefing, …")
  if (start < t.start && PREP_START.has(ix.low[start]!)) {
    for (let c = start; c < t.start; c++) {
      if (ix.low[c] === ',') {
        start = c + 1;
        break;
      }
    }
  }
  const entities: string[] = [];
  let pronoun = false;
  let firstPerson = false;
  let words = 0;
  if (!coordinated) {
    for (let q = start; q < t.start; q++) {
      const id = entAt(ix, q);
      if (/^\p{L}/u.test(ix.tokens[q]!.text)) words++;
      if (!id && /^(he|she|it|they)$/.test(ix.low[q]!)) pronoun = true;
      if (!id && /^(we|i)$/.test(ix.low[q]!)) firstPerson = true;
      if (!id || entities.includes(id)) continue;
      if (ix.timeAt[q]! >= 0) continue;
      if (locPrepped(ix, q, start)) continue;
      if (ix.mentionStart[q] === q || q === start) {
        if (isModifier(ix, q, t.start)) {
          q = mentionEnd(ix, q) - 1;
          continue;
        }
      } else if (ix.mentionStart[q]! < start && isModifier(ix, q, t.start)) continue;
      entities.push(id);
    }
  }
  const auxOnly =
    start < t.start &&
    (ix.low[clause - 1] === 'but' || ix.low[clause - 1] === 'and' || ix.low[start] === 'but') &&
    ix.low.slice(start, t.start).every((w) => AUX_WORDS.has(w) || isAdverb(w) || w === ',');
  if (coordinated)
    return {
      start,
      clause,
      entities,
      inherit: inherit ?? [],
      empty: false,
      pronoun,
      firstPerson,
      anaphor: null,
      auxOnly: false,
    };
  if (inherit && entities.length > 0) inherit = null;
  const anaphor = entities.length === 0 ? findAnaphor(ix, start, t.start) : null;
  return {
    start,
    clause,
    entities,
    inherit,
    empty: words === 0 || entities.length === 0,
    pronoun,
    firstPerson,
    anaphor,
    auxOnly,
  };
}

/** One past the last token of the entity mention covering token q. */
function mentionEnd(ix: DocIndex, q: number): number {
  const ei = ix.entityAt[q]!;
  const ms = ix.mentionStart[q]!;
  let k = q + 1;
  while (k < ix.tokens.length && ix.entityAt[k] === ei && ix.mentionStart[k] === ms) k++;
  return k;
}

/** Heads that make a modifying place or group name the actor ("US troops", "Israeli minister"). */
const AGENTIVE = new Set(
  (
    'troops forces soldiers army military navy marines police officials official authorities government governments ' +
    'leader leaders minister ministers president premier chancellor spokesman spokeswoman spokesperson diplomats ' +
    'diplomat envoy envoys ambassador delegation delegates negotiators militants rebels fighters insurgents guerrillas ' +
    'jets warplanes aircraft planes ships warships vessels lawmakers legislators parliament officers commander ' +
    'commanders chief chiefs embassy ministry administration regime team prosecutors court judges side counterpart ' +
    'counterparts guards gunmen security intelligence agents negotiator leadership cabinet'
  ).split(' '),
);
/** Words that end the lower-case run after a modifying name. */
const RUN_STOP = new Set(
  (
    'is are was were be been has have had will would can could may might must should did does do and or but to of in ' +
    'on at for with by from as that which who not also has into over against about after before during'
  ).split(' '),
);

/**
 * True when the entity mention at token q modifies something else rather than acting: a name before a person
 * ("UNSCOM chief Rolf Ekeus", "South Korea's National Security Advisor Shin"), or a place or group name used
 * as an adjective before a non-agentive noun ("Iraq policy", "the Istanbul commitments").
 */
function isModifier(ix: DocIndex, q: number, limit: number): boolean {
  const e = ix.entities[ix.entityAt[q]!]!;
  const end = mentionEnd(ix, q);
  if (end >= limit) return false;
  // before a person: skip titles ("chief", "Foreign Minister", "'s National Security Advisor")
  let k = end;
  let n = 0;
  while (k < limit && n < 6) {
    const ei = ix.entityAt[k]!;
    if (ei >= 0) {
      // the name is dropped only when the person carries its country ("Iran's leader Khomeini" keeps Iran
      // when Khomeini's country is unknown)
      const p = ix.entities[ei]!;
      if (p.type === 'PERSON' && e.type !== 'PERSON') return !!p.country || e.type === 'ORG';
      break;
    }
    const l = ix.low[k]!;
    if (l === ',' || l === 'and' || l === 'or' || RUN_STOP.has(l) || !/^[\p{L}']/u.test(ix.tokens[k]!.text))
      break;
    if (LEXICON.byWord.has(l) || isReportingVerb(ix, k)) break;
    k++;
    n++;
  }
  if (e.type === 'PERSON' || ix.low[end] === "'s") return false;
  // attributive use: a lower-case noun run follows
  let head = '';
  for (k = end; k < limit && k < end + 4; k++) {
    const tx = ix.tokens[k]!.text;
    const l = ix.low[k]!;
    if (!/^\p{Ll}/u.test(tx) || RUN_STOP.has(l) || isReportingVerb(ix, k) || /ly$/.test(l)) break;
    if (LEXICON.byWord.has(l) && head !== '') break;
    head = l;
  }
  // a nationality before a noun names the group ("Palestinian prisoners", "Swiss doctors")
  if (head === '' || e.type === 'NORP') return false;
  if (e.type === 'MISC') return true;
  return !AGENTIVE.has(head);
}

/** A group anaphor: "they", "the two sides", "both countries", "the officials". */
interface Anaphor {
  count: number | null;
  countries: boolean;
}

const GROUP_HEADS = new Set(
  'sides countries nations states governments officials leaders ministers advisors advisers delegations parties presidents envoys negotiators allies neighbours neighbors counterparts'.split(
    ' ',
  ),
);
const COUNTRY_HEADS = new Set('countries nations states governments'.split(' '));
const COUNT_WORDS: Readonly<Record<string, number>> = { two: 2, both: 2, three: 3, four: 4, five: 5 };

/** Finds a group anaphor in the subject tokens [from, to). */
function findAnaphor(ix: DocIndex, from: number, to: number): Anaphor | null {
  for (let q = from; q < to; q++) {
    const l = ix.low[q]!;
    if (ix.entityAt[q]! >= 0) continue;
    if (l === 'they' || l === '(they)') return { count: null, countries: false };
    if (!GROUP_HEADS.has(l)) continue;
    // "the … officials of X" names its group explicitly
    if (ix.low[q + 1] === 'of') return null;
    let count: number | null = null;
    let definite = false;
    for (let b = q - 1; b >= Math.max(from, q - 4); b--) {
      const w = ix.low[b]!;
      if (w in COUNT_WORDS) count = COUNT_WORDS[w]!;
      if (w === 'the' || w === 'both' || w === 'all') definite = true;
    }
    if (w2(ix, q - 1) === 'both') count = 2;
    if (!definite) return null;
    return { count, countries: COUNTRY_HEADS.has(l) };
  }
  return null;
}

function w2(ix: DocIndex, k: number): string {
  return k >= 0 ? ix.low[k]! : '';
}

/** A group of participants seen earlier in the document (for anaphors). */
interface Group {
  sentence: number;
  ids: string[];
}

/** Resolves a group anaphor to the most recent earlier group of the right size (within five sentences). */
function resolveAnaphor(ix: DocIndex, a: Anaphor, groups: readonly Group[], sentence: number): string[] {
  for (let g = groups.length - 1; g >= 0; g--) {
    const grp = groups[g]!;
    if (sentence - grp.sentence > 5) break;
    const ids = a.countries ? toCountries(ix, grp.ids) : grp.ids;
    if (ids.length < 2) continue;
    if (a.count !== null && ids.length !== a.count) continue;
    return ids;
  }
  return [];
}

/** Maps participants to the country entities they represent (a person to their country's entity). */
function toCountries(ix: DocIndex, ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const e = ix.entities.find((x) => x.id === id);
    if (!e) continue;
    let c = id;
    if (e.type !== 'GPE' && e.country) c = countryEntity(ix, e.country) ?? id;
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

/** The GPE entity of a country code in this document (the one with the most mentions), or null. */
function countryEntity(ix: DocIndex, country: string): string | null {
  let best: string | null = null;
  let n = -1;
  for (const e of ix.entities) {
    if (e.type === 'GPE' && e.country === country && e.kb?.startsWith('country:') !== false) {
      if (e.mentions.length > n) {
        n = e.mentions.length;
        best = e.id;
      }
    }
  }
  return best;
}

/**
 * Participants as an analyst reads them: a nationality ("Japanese") becomes its country's entity, and a
 * country is dropped when one of the listed persons already represents it ("South Korea, Shin Won-sik" →
 * "Shin Won-sik").
 */
function normalizeParticipants(ix: DocIndex, ids: readonly string[]): string[] {
  // a group entity ("the two officials", with an added `members` field) stands for its members
  const expanded: string[] = [];
  for (const id of ids) {
    const g = ix.entities.find((x) => x.id === id) as (Entity & { members?: unknown }) | undefined;
    const members = Array.isArray(g?.members)
      ? (g.members as unknown[]).filter((m) => typeof m === 'string')
      : [];
    for (const m of members.length > 0 ? members : [id]) if (!expanded.includes(m)) expanded.push(m);
  }
  const ents = expanded.map((id) => ix.entities.find((x) => x.id === id)).filter((e) => !!e);
  const personCountries = new Set(
    ents.filter((e) => e.type === 'PERSON' && e.country).map((e) => e.country!),
  );
  const out: string[] = [];
  for (const e of ents) {
    let id = e.id;
    let type = e.type;
    if (e.type === 'NORP' && e.country) {
      const c = countryEntity(ix, e.country);
      if (c) {
        id = c;
        type = 'GPE';
      }
    }
    if ((type === 'GPE' || type === 'NORP') && e.country && personCountries.has(e.country)) continue;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** The first entity group after token `from`: "Russia and North Korea", "Shin, Sullivan and Akiba". */
function entityGroup(ix: DocIndex, from: number, hi: number, lo: number, exclude: string[]): string[] {
  const out: string[] = [];
  let k = from;
  const limit = Math.min(hi, from + 15);
  // find the first entity
  while (k < limit && !isBoundary(ix, k) && ix.low[k] !== ',') {
    const id = entAt(ix, k);
    if (id && !exclude.includes(id) && !locPrepped(ix, k, lo)) break;
    k++;
  }
  if (k >= limit || entAt(ix, k) === null || isBoundary(ix, k) || ix.low[k] === ',') return out;
  while (k < limit) {
    const id = entAt(ix, k);
    if (id) {
      if (!out.includes(id) && !exclude.includes(id)) out.push(id);
      k++;
      continue;
    }
    const l = ix.low[k]!;
    // continue through coordination to another entity
    if (l === 'and' || l === ',' || l === 'or' || l === 'the' || l === "'s") {
      let q = k + 1;
      while (q < limit && (ix.low[q] === 'the' || ix.low[q] === 'and')) q++;
      if (q < limit && entAt(ix, q) && l !== "'s") {
        k = q;
        continue;
      }
    }
    break;
  }
  return out;
}

/** Targets of a verb trigger: the first entity group after it within the clause. */
function objectTargets(ix: DocIndex, t: Trigger, hi: number, lo: number, actors: string[]): string[] {
  let from = t.entry.obj ? t.consumedEnd : t.end;
  while (from < hi && (OPEN_QUOTES.test(ix.low[from]!) || CLOSE_QUOTES.test(ix.low[from]!))) from++;
  // what is discussed is a topic, not a party: "discussed North Korea" has no target, "discussed … with Ray" has
  if (t.rule === 'lex:040:discuss') {
    for (let k = from; k < Math.min(hi, from + 8); k++) {
      if (ix.low[k] === 'with') return entityGroup(ix, k + 1, hi, lo, actors);
      if (isBoundary(ix, k) || ix.low[k] === ',') break;
    }
    return [];
  }
  return entityGroup(ix, from, hi, lo, actors);
}

/** Actor and target of a noun trigger: "North Korea's troop dispatch to Russia", "deployments by the DPRK to Russia". */
function nounRoles(ix: DocIndex, t: Trigger, lo: number, hi: number): void {
  // possessive before: "<entity> 's <trigger>" (adjectives allowed in between)
  for (let k = t.start - 1; k >= Math.max(lo, t.start - 4); k--) {
    if (ix.low[k] === "'s" && k - 1 >= lo) {
      const id = entAt(ix, k - 1);
      if (id) t.actors = [id];
      break;
    }
    const id = entAt(ix, k);
    if (id) {
      const e = ix.entities[ix.entityAt[k]!]!;
      if (e.type === 'NORP' || e.type === 'GPE') t.actors = [id];
      break;
    }
    if (isBoundary(ix, k) || ix.low[k] === ',') break;
  }
  for (let k = t.end; k < Math.min(hi, t.end + 8); k++) {
    const l = ix.low[k]!;
    if (isBoundary(ix, k) || l === ',') break;
    if (l === 'by' && t.actors.length === 0) {
      t.actors = entityGroup(ix, k + 1, hi, lo, []);
      continue;
    }
    if (
      (l === 'to' || l === 'against' || l === 'with' || l === 'on' || l === 'into') &&
      t.targets.length === 0
    ) {
      // the object must follow the preposition directly ("to Russia", "against the DPRK"), not somewhere
      // in a later phrase ("imposed … to serve US policy goals")
      let q = k + 1;
      if (ix.low[q] === 'the') q++;
      if (entAt(ix, q) && !isModifier(ix, q, hi)) t.targets = entityGroup(ix, k + 1, hi, lo, t.actors);
    }
  }
}

function decideModality(ix: DocIndex, t: Trigger, lo: number, attributed: boolean): Modality {
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
      if (EXPECT.has(p)) expected = true;
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

function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** True when token k opens an infinitival complement ("to discuss"), not a preposition ("to Russia"). */
function infinitival(ix: DocIndex, k: number): boolean {
  if (ix.low[k] !== 'to') return false;
  const n = ix.tokens[k + 1];
  if (!n || ix.entityAt[k + 1]! >= 0 || ix.timeAt[k + 1]! >= 0) return false;
  // "to eastern Russia": an adjective before a name
  if (k + 2 < ix.tokens.length && (ix.entityAt[k + 2]! >= 0 || /^\p{Lu}/u.test(ix.tokens[k + 2]!.text)))
    return false;
  return (
    /^\p{Ll}/u.test(n.text) && !/^(?:the|a|an|its|their|his|her|this|these|those|\d)/.test(ix.low[k + 1]!)
  );
}

/**
 * Links the nearest time expression of the trigger's own clause; defaults a past-tense event to the
 * publication day. A noun trigger ("the North's troop deployment") only takes a time written inside its own
 * phrase ("the deployment earlier this month", "Tuesday's attack"): the main clause's time is when the
 * mention was made, not when the mentioned event happened. Times in a following complement or subordinate
 * clause ("agreed … to make 2025 a milestone", "after … the November 7 elections") belong to that clause.
 */
function timeFor(
  ix: DocIndex,
  t: Trigger,
  start: number,
  hi: number,
  modality: Modality,
): { time: string | null; date: string | null } {
  const pick = (ti: number) => {
    const tm = ix.times[ti]!;
    const date = tm.value && /^\d{4}/.test(tm.value) ? tm.value : null;
    return { time: tm.id, date };
  };
  const usable = (ti: number) => {
    const tm = ix.times[ti]!;
    return tm.type !== 'DURATION' && tm.type !== 'SET' && !!tm.value;
  };
  if (t.entry.noun) {
    // "Tuesday's attack"
    if (t.start - 2 >= start && ix.low[t.start - 1] === "'s" && ix.timeAt[t.start - 2]! >= 0) {
      const ti = ix.timeAt[t.start - 2]!;
      if (usable(ti)) return pick(ti);
    }
    for (let k = t.end; k < Math.min(hi, t.end + 8); k++) {
      const ti = ix.timeAt[k]!;
      if (ti >= 0 && usable(ti)) return pick(ti);
      if (isBoundary(ix, k) || ix.low[k] === ',' || infinitival(ix, k) || LEXICON.byWord.has(ix.low[k]!))
        break;
    }
    return { time: null, date: null };
  }
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (let k = start; k < t.start; k++) {
    const ti = ix.timeAt[k]!;
    if (ti < 0 || !usable(ti)) continue;
    const d = t.start - k;
    if (d < bestD) {
      bestD = d;
      best = ti;
    }
  }
  const end = Math.min(hi, t.consumedEnd + 20);
  for (let k = t.end; k < end; k++) {
    if (k >= t.consumedEnd) {
      const l = ix.low[k]!;
      if (l === ';' || (CLAUSE_WORDS.has(l) && l !== 'as') || infinitival(ix, k) || isReportingVerb(ix, k))
        break;
    }
    const ti = ix.timeAt[k]!;
    if (ti < 0 || !usable(ti)) continue;
    if (k >= t.consumedEnd && isBoundary(ix, k - 1) && !LOC_PREP.has(ix.low[k - 1]!)) continue;
    const d = k - t.start;
    if (d < bestD) {
      bestD = d;
      best = ti;
    }
    break;
  }
  if (best >= 0) return pick(best);
  const past = LEXICON.past.has(ix.low[t.start]!);
  let aux = t.start - 1;
  while (aux >= start && isAdverb(ix.low[aux]!)) aux--;
  // "have fought three wars since 1947": a perfect spans time, it is not an event of the day
  const perfect = aux >= start && /^(?:have|has|had)$/.test(ix.low[aux]!);
  if (
    !past ||
    perfect ||
    !ix.published ||
    modality === 'expected' ||
    modality === 'hypothetical' ||
    modality === 'negated'
  ) {
    return { time: null, date: null };
  }
  // "On the eve of …": the day before the reference day
  for (let k = start; k < t.start - 2; k++) {
    if (ix.low[k] === 'eve' && ix.low[k + 1] === 'of')
      return { time: null, date: shiftDay(ix.published, -1) };
  }
  return { time: null, date: ix.published };
}
