import type { Document } from '../../core/document.js';
import { NewsintelError } from '../../core/errors.js';
import { defineStage, type Stage } from '../../core/stage.js';
import type { Modality, NewsEvent, PloverType } from '../../core/types.js';
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
export function extractEvents(doc: Document, options: EventsOptions = {}): RuledEvent[] {
  const ix = buildDocIndex(doc);
  const attr = new AttributionFinder(ix);
  const window = options.window ?? 30;
  const out: RuledEvent[] = [];
  for (let s = 0; s < ix.sentStart.length; s++) {
    const events = sentenceEvents(ix, attr, s, window);
    for (const e of events) {
      if (!options.keepUnattached && e.actors.length === 0 && e.targets.length === 0) continue;
      const dup = out.some(
        (o) =>
          o.sentence === e.sentence &&
          o.type === e.type &&
          o.actors.join() === e.actors.join() &&
          o.targets.join() === e.targets.join(),
      );
      if (dup) continue;
      out.push({ ...e, id: `v${out.length + 1}` });
    }
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
  for (let k = from; k < Math.min(hi, from + 10); k++) {
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

function sentenceEvents(ix: DocIndex, attr: AttributionFinder, s: number, window: number): RuledEvent[] {
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
  const out: RuledEvent[] = [];
  let lastVerb: Trigger | null = null;
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
    const subj = subjectRegion(ix, t, lo, window, triggerAt);
    // passive: "was indicted by X"
    let k = t.start - 1;
    while (k >= lo && isAdverb(ix.low[k]!)) k--;
    const passive = k >= lo && BE.has(ix.low[k]!) && /ed$|en$/.test(ix.low[t.start]!) && !t.entry.noun;
    if (t.actors.length === 0) {
      if (t.entry.noun) nounRoles(ix, t, lo, hi);
      else if (passive) {
        for (let by = t.end; by < Math.min(hi, t.end + 4); by++) {
          if (ix.low[by] !== 'by') continue;
          t.actors = entityGroup(ix, by + 1, hi, lo, []);
          break;
        }
        t.targets = subj.entities.filter((e) => !t.actors.includes(e));
      } else {
        t.actors = subj.inherit ?? subj.entities;
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
    const a = attr.at(t.start);
    if (t.actors.length === 0 && a?.source && (subj.empty || subj.pronoun)) t.actors = [a.source];
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
    const { time, date } = timeFor(ix, t, lo, hi, modality);
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
    });
  }
  return out;
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
  start: number;
  entities: string[];
  inherit: string[] | null;
  empty: boolean;
  pronoun: boolean;
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
  while (k >= floor) {
    if (isBoundary(ix, k)) break;
    const other = triggerAt.get(k);
    if (other && other !== t) {
      // "X held talks and agreed …": the coordinated verb shares the subject
      inherit = other.actors.length > 0 ? other.actors : null;
      break;
    }
    k--;
  }
  let start = k + 1;
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
  let words = 0;
  for (let q = start; q < t.start; q++) {
    const id = entAt(ix, q);
    if (/^\p{L}/u.test(ix.tokens[q]!.text)) words++;
    if (/^(he|she|it|they|we)$/.test(ix.low[q]!) && !id) pronoun = true;
    if (!id || entities.includes(id)) continue;
    if (ix.timeAt[q]! >= 0) continue;
    if (locPrepped(ix, q, start)) continue;
    entities.push(id);
  }
  if (inherit && entities.length > 0) inherit = null;
  return { start, entities, inherit, empty: words === 0 || entities.length === 0, pronoun };
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
      const g = entityGroup(ix, k + 1, hi, lo, t.actors);
      if (g.length > 0 && ix.mentionStart[k + 1] !== undefined) t.targets = g;
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

/** Links the nearest time expression in the clause; defaults a past-tense event to the publication day. */
function timeFor(
  ix: DocIndex,
  t: Trigger,
  start: number,
  hi: number,
  modality: Modality,
): { time: string | null; date: string | null } {
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  const end = Math.min(hi, t.consumedEnd + 20);
  for (let k = start; k < end; k++) {
    const ti = ix.timeAt[k]!;
    if (ti < 0) continue;
    const tm = ix.times[ti]!;
    if (tm.type === 'DURATION' || tm.type === 'SET' || !tm.value) continue;
    if (k >= t.consumedEnd && isBoundary(ix, k - 1) && !LOC_PREP.has(ix.low[k - 1]!)) continue;
    const d = Math.abs(k - t.start);
    if (d < bestD) {
      bestD = d;
      best = ti;
    }
  }
  if (best >= 0) {
    const tm = ix.times[best]!;
    const date = tm.value && /^\d{4}/.test(tm.value) ? tm.value : null;
    return { time: tm.id, date };
  }
  const past = LEXICON.past.has(ix.low[t.start]!);
  if (
    !past ||
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
