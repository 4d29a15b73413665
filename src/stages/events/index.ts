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
import { buildDocIndex, type DocIndex, normToken, tokenAtOrAfter } from './doc-index.js';
import { LEXICON, type LexEntry } from './lexicon.js';

/** Options of the events stage. */
export interface EventsOptions {
  /** Keep events that have neither actors nor targets (default false: they say nothing about who did what). */
  keepUnattached?: boolean;
  /** Longest subject or object search window, in tokens (bounds the work per trigger). */
  window?: number;
}

/**
 * An actor named only by a description ("rebels", "pro-government forces", "a Burmese dissident group"). PLOVER
 * and CAMEO code such actors by sector (REB, MIL, COP, GOV, OPP, CVL, …) and, when the phrase carries one, a
 * country; dropping the event instead loses who did what. An added output field: `actors` still lists only
 * entity ids.
 */
export interface GenericActor {
  /** The describing phrase as written ("pro-government forces"). */
  text: string;
  /** CAMEO agent/sector code of its head noun. */
  sector: string;
  /** ISO code of a country named inside the phrase ("Somali troops"), if any. */
  country: string | null;
  start: number;
  end: number;
}

/** An event with provenance: the lexicon rule that fired. `rule` is an allowed added field. */
export interface RuledEvent extends NewsEvent {
  rule: string;
  /** Set only when `actors` is empty and the clause names its actor by a description. */
  genericActor?: GenericActor;
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
/** Prepositions that make a following gerund nominal; "by" is not one ("capped the debate by reaffirming …"). */
const GERUND_PREP = new Set('for of on about in against without from'.split(' '));
const BE = new Set('is are was were be been being am'.split(' '));
const FUTURE = new Set(['will', 'would', "'ll", 'shall']);
const INTENT_ADJ = new Set(
  'ready willing prepared determined plans planned plan intends intend intended wants want wanted seeks sought aims'.split(
    ' ',
  ),
);
const EXPECT = new Set('expected likely set scheduled due poised slated hope hopes hoped hoping'.split(' '));
/** "in a bid to reach", "efforts to end": what is aimed at has not happened. */
const AIM_NOUNS = new Set(
  'bid bids effort efforts attempt attempts initiative push drive proposal'.split(' '),
);
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
  /** The first event of a governed complement ("offered to meet Kabila"): its object is the target. */
  inner: Trigger | null;
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
  const salient: Salience = { person: null, org: null };
  for (let s = 0; s < ix.sentStart.length; s++) {
    const events = sentenceEvents(ix, attr, s, window, groups, salient);
    for (const { patientOnly, ...e } of events) {
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
    // "has so far refused", "so far": an adverbial, not "so (that)"
    (CLAUSE_WORDS.has(l) && !(l === 'so' && ix.low[i + 1] === 'far')) ||
    isReportingVerb(ix, i)
  );
}

/** Matches lexicon entries at token i; returns the trigger or null. */
function matchAt(ix: DocIndex, i: number, lo: number, hi: number): Trigger | null {
  const list = LEXICON.byWord.get(ix.low[i]!);
  if (!list) return null;
  const nounContext = nominalPosition(ix, i, lo);
  for (const e of list) {
    if (e.noun) {
      for (const f of e.forms) {
        if (i + f.length > hi) continue;
        let ok = true;
        for (let k = 0; k < f.length; k++) if (ix.low[i + k] !== f[k]) ok = false;
        if (!ok) continue;
        // "a heart attack", "a panic attack" are not assaults
        if (i > lo && NON_VIOLENT_MODIFIERS.has(ix.low[i - 1]!)) continue;
        // a noun with a required particle ("talks with", "a meeting between") needs it, and nothing else
        // ("talks late Monday with Kyuma": a time may stand between; "their bilateral talks" names its sides)
        if (
          e.next &&
          !e.next.has(ix.low[afterTime(ix, i + f.length, hi)] ?? '') &&
          !(e.type === 'CONSULT' && possessivePronounBefore(ix, i, lo))
        )
          continue;
        // single-word nouns need a noun context or a following "of"/"by"/"against"
        // ("Sanctions imposed on Sudan by …": a participle with its own preposition may stand between)
        if (
          !e.next &&
          f.length === 1 &&
          !nounContext &&
          !['of', 'by', 'against', 'on', 'in'].includes(ix.low[i + 1] ?? '') &&
          !(
            /(?:ed|en)$/.test(ix.low[i + 1] ?? '') &&
            ['by', 'against', 'on'].includes(ix.low[i + 2] ?? '') &&
            !BE.has(ix.low[i - 1] ?? '')
          ) &&
          // "International sanctions were imposed on Iraq"
          !(
            BE.has(ix.low[i + 1] ?? '') &&
            /(?:ed|en)$/.test(ix.low[i + 2] ?? '') &&
            ['by', 'against', 'on'].includes(ix.low[i + 3] ?? '')
          )
        )
          continue;
        return trig(e, i, i + f.length, i + f.length);
      }
      continue;
    }
    // "Baghdad earlier this week sent …": a past form after a time expression is a verb, not a noun
    if (nounContext && !(i > lo && ix.timeAt[i - 1]! >= 0 && LEXICON.past.has(ix.low[i]!))) continue;
    // a capitalised verb form mid-sentence is a name ("the Canadian Press")
    if (i > lo && ix.tokens[i]!.text !== ix.low[i] && !/^(?:["“‘']|``)$/.test(ix.low[i - 1]!)) continue;
    // a gerund after a preposition is nominal ("a proposal for signing", "in demanding", "of sexually
    // assaulting")
    if (/ing$/.test(ix.low[i]!)) {
      let p = i - 1;
      while (p > lo && isAdverb(ix.low[p]!)) p--;
      if (p >= lo && GERUND_PREP.has(ix.low[p]!)) continue;
    }
    // a clause-initial participle or gerund is a subject or a frame, not a finite event ("Supporting this
    // resolution will …", "Asked when …")
    // ("Slamming the council for its passivity, the Chinese ambassador said …" is the subject's act)
    const leadingIng = i === lo && /ing$/.test(ix.low[i]!) && nameAfterLeadingPhrase(ix, lo, hi);
    if (/(?:ing|ed)$/.test(ix.low[i]!) && clauseInitial(ix, i, lo) && !leadingIng) continue;
    // "-s" forms of verbs that are also plural nouns ("North Korean demands", "Security Council sanctions")
    // are verbs only after a subject-like word
    if (
      isNounyPlural(e, ix.low[i]!) &&
      !subjectLikeBefore(ix, i, lo) &&
      !coordinatedWithObject(ix, i, lo, hi)
    )
      continue;
    // a word right after the verb that makes a compound noun ("press briefing", "fighting presence")
    // ("met Secretary of State Rice": a capitalised title after the verb is its object)
    if (i + 1 < hi && COMPOUND_HEADS.has(ix.low[i + 1]!) && /^\p{Ll}/u.test(ix.tokens[i + 1]!.text)) continue;
    let end = i + 1;
    let consumed = end;
    if (e.next) {
      let k = i + 1;
      if (k < hi && isAdverb(ix.low[k]!)) k++;
      // 'was "disappointed" with Lee': a quoted word keeps its particle
      else if (k < hi && CLOSE_QUOTES.test(ix.low[k]!) && OPEN_QUOTES.test(ix.low[i - 1] ?? '')) k++;
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
    if (e.modal && !modalFollows(ix, consumed, hi)) continue;
    if (e.dobj && !directObject(ix, end, hi, /ed$/.test(ix.low[i]!))) continue;
    // "support of Iraqi forces": a bare or "-s" form before "of" is a noun
    if (!e.obj && !e.next && ix.low[end] === 'of' && !/ed$/.test(ix.low[i]!)) continue;
    // "accused X of …", "blamed X for …", "blamed it on …": an accusation names its charge; "question
    // accused US military" is an adjective
    if (/^112/.test(e.cameo ?? '') && !chargeFollows(ix, end, hi) && !afterSubjectOrAux(ix, i, lo)) continue;
    // "warned that 50,000 refugees could pour in" is a prediction, not a threat
    if (e.rule === 'lex:130:warn' && isPrediction(ix, end, hi)) continue;
    // "have" and "had" before a participle are auxiliaries ("had agreed to attend talks")
    if (e.obj && /^(?:have|has|had|having)$/.test(ix.low[i]!)) {
      let k = i + 1;
      while (k < hi && isAdverb(ix.low[k]!)) k++;
      if (k < hi && (LEXICON.past.has(ix.low[k]!) || /(?:ed|en)$/.test(ix.low[k]!))) continue;
    }
    return trig(e, i, end, consumed);
  }
  return null;
}

/** The first token at or after k that is not part of a time expression ("talks late Monday with …"). */
function afterTime(ix: DocIndex, k: number, hi: number): number {
  const from = k;
  while (k < hi && k < from + 5) {
    if (ix.timeAt[k]! >= 0 || /^(?:late|early|here|there)$/.test(ix.low[k]!)) k++;
    // "talks in Rome with Dini": a place may stand between too
    else if (
      ix.low[k] === 'in' &&
      ix.entityAt[k + 1]! >= 0 &&
      isLocType(ix, ix.entities[ix.entityAt[k + 1]!]!.id)
    ) {
      k = mentionEnd(ix, k + 1);
      // "talks in Amman, Jordan, with Maliki": a place in apposition
      if (
        ix.low[k] === ',' &&
        ix.entityAt[k + 1]! >= 0 &&
        isLocType(ix, ix.entities[ix.entityAt[k + 1]!]!.id)
      ) {
        const e = mentionEnd(ix, k + 1);
        if (ix.low[e] === ',') k = e + 1;
      }
    } else break;
  }
  return k;
}

const MODIFIER_PARTICIPLES = new Set(
  'armed alleged renewed expected planned proposed reported so-called combined united increased repeated'.split(
    ' ',
  ),
);

/** A word that can stand between a possessor and its noun ("fresh", "economic", "alleged", "two-day"). */
function nounModifierWord(ix: DocIndex, k: number): boolean {
  const l = ix.low[k]!;
  if (!/^\p{Ll}/u.test(ix.tokens[k]!.text)) return /^\d/.test(l);
  if (LEXICON.byWord.has(l) || FINITE_AUX.has(l) || BE.has(l) || isReportingVerb(ix, k)) return false;
  if (/ed$/.test(l) && !MODIFIER_PARTICIPLES.has(l)) return false;
  return !NOT_MODIFIER.has(l) && !CLAUSE_WORDS.has(l) && !PREP_NOMINAL.has(l);
}

const NON_VIOLENT_MODIFIERS = new Set('heart panic asthma anxiety charm verbal'.split(' '));

/** Prepositions after which a verb form is a noun ("under pressure", "calls for support", "drumming up support"). */
const PREP_NOMINAL = new Set(
  'under of with for from without against despite amid over through up into toward towards'.split(' '),
);
/** Verbs that take the noun use of a trigger as their object ("received support", "won backing"). */
const LIGHT_VERBS = new Set(
  (
    'receive received receives receiving win won wins winning gain gained gains gaining get got gets getting ' +
    'muster mustered mustering garner garnered garnering enjoy enjoyed enjoys need needs needed withhold ' +
    'withheld withholding seek seeks sought seeking lend lent lends lending drum drummed drumming'
  ).split(' '),
);
const NOT_MODIFIER = new Set(
  'will would shall should can could may might must not never also still has have had is are was were be been to'.split(
    ' ',
  ),
);

/**
 * True when the word at i sits where only a noun can ("the protest", "under intense pressure", "a European
 * visit", "any arms smuggling", "the 1989 Tiananmen Square massacre"), so a verb form there is not a verb.
 */
function nominalPosition(ix: DocIndex, i: number, lo: number): boolean {
  if (i <= lo) return false;
  const p1 = ix.low[i - 1]!;
  if (NOUN_CONTEXT.has(p1) || PREP_NOMINAL.has(p1) || LIGHT_VERBS.has(p1)) return true;
  // "a whirlwind one-day visit", "a five-nation tour": a hyphenated measure only modifies nouns
  if (/^[a-z0-9]+-(?:day|week|month|year|hour|nation|party|way|member|point|stop|leg|minute)s?$/.test(p1))
    return true;
  if (i - 1 <= lo) return false;
  const p2 = ix.low[i - 2]!;
  const w = ix.low[i]!;
  const e1 = ix.entityAt[i - 1]!;
  const lowerWord = /^\p{Ll}[\p{Ll}-]*$/u.test(ix.tokens[i - 1]!.text) && e1 < 0;
  const plainWord = lowerWord && !NOT_MODIFIER.has(p1) && !isAdverb(p1) && !FUTURE.has(p1);
  if (NOUN_CONTEXT.has(p2)) {
    if (ADJECTIVE.test(p1) && !FUTURE.has(p1)) return true;
    // a nationality between a determiner and the word: "a European visit"
    if (e1 >= 0 && ix.entities[e1]!.type === 'NORP' && ix.mentionStart[i - 1] === i - 1 && !/s$/.test(p1))
      return true;
    // "any arms smuggling", "the heavy fighting": a gerund after a determiner and a plural or an adjective
    // is a noun ("a declaration demanding that …" is a reduced relative)
    if (
      /ing$/.test(w) &&
      plainWord &&
      (/[^s]s$/.test(p1) || ADJECTIVE.test(p1) || /^(?:heavy|fierce|renewed)$/.test(p1))
    )
      return true;
    // "Millon's five-day visit", "a state visit": a bare form after a determiner and a singular word
    if (plainWord && !/s$/.test(p1) && !/(?:s|ed|ing)$/.test(w)) return true;
  }
  if ((PREP_NOMINAL.has(p2) || LIGHT_VERBS.has(p2)) && plainWord) return true;
  // a bare verb form right after a name that follows "the" or a year is a compound noun ("the 1989
  // Tiananmen Square massacre", "the United States support")
  // ("the New York meeting"); so is one after a name that follows a light verb or a preposition ("seeking
  // US support", "with EU backing")
  if (e1 >= 0 && !/(?:s|ed)$/.test(w)) {
    const ent = ix.entities[e1]!;
    const ms = ix.mentionStart[i - 1]!;
    if (ent.type !== 'NORP' && ent.type !== 'PERSON' && ms > lo) {
      const b = ix.low[ms - 1]!;
      if (b === 'the' || (/^\d{4}$/.test(b) && ix.low[ms - 2] === 'the')) return true;
      if (
        (LIGHT_VERBS.has(b) || /^(?:for|with|without|under|despite|amid)$/.test(b)) &&
        !/ing$/.test(w) &&
        !LEXICON.past.has(w)
      )
        return true;
    }
  }
  return false;
}

/** True when "of"/"for"/"over"/"on"/"that" (the charge) or a passive "by" follows an accusation verb. */
function chargeFollows(ix: DocIndex, from: number, hi: number): boolean {
  for (let k = from; k < Math.min(hi, from + 10); k++) {
    const l = ix.low[k]!;
    if (/^(?:of|for|over|on|that|by|with)$/.test(l)) return true;
    if (l === ';' || l === '.' || isReportingVerb(ix, k)) return false;
  }
  return false;
}

const NOT_BASE = new Set(
  'will would shall should can could may might must had did was were has does is are be been went took made gave came said told knew thought saw got sought kept held met left lost won ran paid sent spent stood brought bought fought found led felt meant began broke chose fell grew rose sold struck threw wrote not never also still'.split(
    ' ',
  ),
);

/**
 * "insists that Iran implement the resolution": after a singular name, a bare verb is a subjunctive, which
 * states what must happen (a demand) rather than what is the case ("insists that Iran implements …").
 */
function subjunctiveAfter(ix: DocIndex, k: number, hi: number): boolean {
  if (k >= hi || ix.entityAt[k]! < 0) return false;
  const e = ix.entityAt[k]!;
  let v = k;
  while (v < hi && ix.entityAt[v] === e) v++;
  const w = ix.low[v] ?? '';
  if (!/^[a-z]+$/.test(w) || NOT_BASE.has(w) || /(?:s|ed|ing|ly)$/.test(w)) return false;
  // the bare verb takes an object or a complement ("implement the", "halt its", "return to")
  return /^(?:the|a|an|its|their|all|his|her|to|from|by|with|any|more)$/.test(ix.low[v + 1] ?? '');
}

/** True when token i follows a subject, an auxiliary or a negation (so an "-ed" form there is a verb). */
function afterSubjectOrAux(ix: DocIndex, i: number, lo: number): boolean {
  let p = i - 1;
  while (p >= lo && isAdverb(ix.low[p]!)) p--;
  if (p < lo) return true;
  const l = ix.low[p]!;
  return (
    ix.entityAt[p]! >= 0 ||
    SUBJECT_PRONOUNS.has(l) ||
    FINITE_AUX.has(l) ||
    BE.has(l) ||
    NEGATION.has(l) ||
    FUTURE.has(l) ||
    HYPOTHETICAL.has(l) ||
    l === 'and' ||
    l === ','
  );
}

/** True when a warning's clause is a forecast ("could", "may", "might") rather than a promise ("will"). */
function isPrediction(ix: DocIndex, from: number, hi: number): boolean {
  for (let k = from; k < Math.min(hi, from + 14); k++) {
    const l = ix.low[k]!;
    if (FUTURE.has(l)) return false;
    if (HYPOTHETICAL.has(l)) return true;
    if (l === ';' || l === '.') return false;
  }
  return false;
}

/** Words that can open a direct object. */
const OBJECT_START = new Set(
  'the a an its their his her this these those all both some several many two three four five dozens hundreds thousands'.split(
    ' ',
  ),
);
const NOT_OBJECT = new Set(
  'of at from to in on with for by as about into over after before during under than and or but if that which who not'.split(
    ' ',
  ),
);

/** True when a direct object starts at token k ("freed the hostages", "stormed the compound"); a participle may be passive ("backed by"). */
function directObject(ix: DocIndex, k: number, hi: number, participle: boolean): boolean {
  if (k >= hi) return false;
  const l = ix.low[k]!;
  if (participle && l === 'by') return true;
  if (OBJECT_START.has(l) || ix.entityAt[k]! >= 0 || /^\d/.test(l)) return true;
  return (
    /^\p{L}/u.test(ix.tokens[k]!.text) &&
    !NOT_OBJECT.has(l) &&
    !isAdverb(l) &&
    !/^(?:last|again|here|there)$/.test(l)
  );
}

/** Nouns that a verb form modifies when it is used attributively ("press briefing", "fighting presence"). */
const COMPOUND_HEADS = new Set(
  'groups group briefing briefings conference conferences release releases statement statements secretary office officer corps agency freedom freedoms presence zone zones capability capabilities season ahead'.split(
    ' ',
  ),
);
const SUBJECT_PRONOUNS = new Set('he she it who which that they we i'.split(' '));

/** True when token i starts its clause (sentence start, after an opening quote, or after a semicolon). */
function clauseInitial(ix: DocIndex, i: number, lo: number): boolean {
  if (i === lo) return true;
  const p = ix.low[i - 1]!;
  // 'was "disappointed" with': one quoted word inside a clause starts nothing
  if (OPEN_QUOTES.test(p) && CLOSE_QUOTES.test(ix.low[i + 1] ?? '') && i - 1 > lo) return false;
  return OPEN_QUOTES.test(p) || p === ';' || (i - 1 === lo && p === '(');
}

/** A third-person "-s" verb form whose stem is also in the entry ("demands" / "demand"). */
function isNounyPlural(e: LexEntry, w: string): boolean {
  if (!w.endsWith('s') || w.endsWith('ss')) return false;
  const stem = w.slice(0, -1);
  return e.forms.some((f) => f[0] === stem || (w.endsWith('es') && f[0] === w.slice(0, -2)));
}

/** "… opposes the bid and accuses Georgia of …": an "-s" form after "and" with a named object is a verb. */
function coordinatedWithObject(ix: DocIndex, i: number, lo: number, hi: number): boolean {
  let k = i - 1;
  while (k >= lo && isAdverb(ix.low[k]!)) k--;
  if (k < lo || ix.low[k] !== 'and' || i + 1 >= hi) return false;
  const n = ix.low[i + 1]!;
  return ix.entityAt[i + 1]! >= 0 || (OBJECT_START.has(n) && n !== 'all' && n !== 'some');
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

/** True when a that-clause with an obligation follows ("insisted that sanctions must be lifted"). */
function modalFollows(ix: DocIndex, from: number, hi: number): boolean {
  for (let k = from; k < Math.min(hi, from + 14); k++) {
    const l = ix.low[k]!;
    if (
      l === 'must' ||
      l === 'should' ||
      (l === 'to' && /^(?:have|has|had|need|needs)$/.test(ix.low[k - 1]!))
    )
      return true;
    if (l === ';' || l === '.' || isReportingVerb(ix, k)) return false;
    if (l === 'that' && subjunctiveAfter(ix, k + 1, hi)) return true;
  }
  return false;
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
    inner: null,
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
  const e = entityById(ix, id);
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
  if (p >= lo && LOC_PREP.has(ix.low[p]!)) return true;
  // "in Juba, southern Sudan": a place in apposition to a located place
  let c = m - 1;
  // (adjectives only: "in Jowhar, Iraq, with Lee" puts Lee nowhere)
  while (
    c > lo &&
    c >= m - 3 &&
    /^\p{Ll}+$/u.test(ix.tokens[c]!.text) &&
    ix.entityAt[c]! < 0 &&
    !OBJECT_PREP.has(ix.low[c]!) &&
    !/^(?:and|or|for|from|of)$/.test(ix.low[c]!)
  )
    c--;
  if (c > lo && ix.low[c] === ',' && ix.entityAt[c - 1]! >= 0 && ix.entityAt[c - 1] !== ix.entityAt[k]) {
    const ei = ix.entities[ix.entityAt[c - 1]!]!;
    if ((ei.type === 'GPE' || ei.type === 'LOC' || ei.type === 'FAC') && p !== c - 1)
      return locPrepped(ix, c - 1, lo);
  }
  return false;
}

const OBJECT_PREP = new Set('on to by against over about into toward towards with'.split(' '));

/**
 * True when the mention at k is the object of a preposition inside a subject phrase ("a sex attack blamed on a
 * US Navy officer threatened …", "the visit to Japan by Cohen"): it is not the one acting.
 */
function objectPrepped(ix: DocIndex, k: number, lo: number): boolean {
  let m = ix.mentionStart[k]!;
  if (m < 0) m = k;
  let p = m - 1;
  while (p >= lo && p >= m - 3 && /^(?:the|a|an)$/.test(ix.low[p]!)) p--;
  // "disappointed with Lee", "ties with Tehran" (but "along with France" joins a subject)
  return (
    p > lo &&
    OBJECT_PREP.has(ix.low[p]!) &&
    (/^\p{Ll}/u.test(ix.tokens[p - 1]!.text) || CLOSE_QUOTES.test(ix.low[p - 1]!)) &&
    !(ix.low[p] === 'with' && /^(?:along|together)$/.test(ix.low[p - 1]!))
  );
}

function sentenceEvents(
  ix: DocIndex,
  attr: AttributionFinder,
  s: number,
  window: number,
  groups: Group[],
  salient: Salience,
): Array<RuledEvent & { patientOnly: boolean }> {
  const lo = ix.sentStart[s]!;
  const hi = ix.sentEnd[s]!;
  const speakers = sentenceSpeakers(ix, lo, hi);
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
    // "plans to attack" is an intention, "a plan to allow …" the object of the previous verb
    if (EXPECT.has(before) || (INTENT_ADJ.has(before) && !NOUN_CONTEXT.has(ix.low[to - 2] ?? ''))) continue;
    const prev = triggers
      .slice(0, n)
      .reverse()
      .find((p) => !p.absorbed && !p.entry.noun);
    if (prev && t.start - prev.consumedEnd <= 12) t.absorbed = true;
  }
  const out: Array<RuledEvent & { patientOnly: boolean }> = [];
  let lastVerb: Trigger | null = null;
  let prevActors: string[] = [];
  /** The previous verb sits in a relative clause ("the LRA, which have fought …"). */
  let prevRelative = false;
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
    let relative = false;
    // passive: "was indicted by X", and the reduced relative "a move urged by several lawmakers"
    let k = t.start - 1;
    while (k >= lo && isAdverb(ix.low[k]!)) k--;
    const participle = /ed$|en$/.test(ix.low[t.start]!) && !t.entry.noun;
    // "a millionaire accused of selling …": an accusation verb needs its object before "of", so a
    // participle right before "of"/"for" is passive
    const charge =
      participle && /^11[25]/.test(t.cameo ?? '') && /^(?:of|for|over)$/.test(ix.low[t.end] ?? '');
    // "Vietnam is committed to opening up", "is prepared to": an intention, not a passive
    // ("was disappointed with", "has been concerned over": an attitude, whose holder is the subject)
    const stative =
      (t.entry.gov === 'agree' && (ix.low[t.consumedEnd] === 'to' || ix.low[t.end - 1] === 'to')) ||
      /^lex:111:(?:disappointed|concerned|regretful)$/.test(t.rule);
    const passive =
      participle && !stative && ((k >= lo && BE.has(ix.low[k]!)) || ix.low[t.end] === 'by' || charge);
    // "X said Y must …": the actor is the speaker or no one, never the subject of "must"
    if (t.rule === DEMAND_ENTRY.rule) {
      // nothing to infer
    } else if (t.actors.length === 0) {
      if (t.entry.noun) {
        nounRoles(ix, t, lo, hi);
        // "the EU rejected demands by the United States …": demands that a verb just before rejects or heeds are
        // aimed at that verb's subject
        if (t.type === 'DEMAND' && lastVerb && lastVerb !== t && lastVerb.actors.length > 0) {
          let q = t.start - 1;
          while (q > lastVerb.consumedEnd - 1 && /^(?:the|a|an|renewed|repeated|fresh|new)$/.test(ix.low[q]!))
            q--;
          if (q === lastVerb.consumedEnd - 1 && /^(?:REJECT|AGREE|CONCEDE)$/.test(lastVerb.type)) {
            const who = lastVerb.actors.filter((x) => !t.actors.includes(x));
            if (who.length > 0) t.targets = who;
          }
        }
        // "China's rights record received a grilling by a US official": who received the criticism is its target
        if (t.type === 'DISAPPROVE' && receivedBefore(ix, t.start, lo)) {
          let who = subj.entities.length > 0 ? subj.entities : mainSubject(ix, lo, t.start);
          // "China's human rights record": the possessor of what was criticised
          if (who.length === 0)
            for (let q = lo; q < t.start && who.length === 0; q++) {
              const id = entAt(ix, q);
              const end = mentionEnd(ix, q);
              if (id && (ix.low[end] === "'s" || /'s$/.test(ix.low[end - 1]!))) who = [id];
            }
          t.targets = who.filter((x) => !t.actors.includes(x));
        }
        // "the United States maintains a trade embargo on the North", "X launched an offensive": the one who
        // keeps or carries out what the noun names is the clause subject
        if (t.actors.length === 0 && t.type !== 'CONSULT' && heldBy(ix, t.start, lo)) {
          const who = subj.entities.length > 0 ? subj.entities : mainSubject(ix, lo, t.start);
          t.actors = who.filter((x) => !t.targets.includes(x));
        }
        // "Hu is in Hanoi for a state visit": the visitor is the clause subject
        if (t.actors.length === 0 && t.mode === 'visit' && subj.entities.length > 0)
          t.actors = subj.entities.filter((x) => !isLocType(ix, x) && !t.targets.includes(x));
        // "interrupted the address in protest": the clause subject protested
        if (t.start - 1 >= lo && ix.low[t.start - 1] === 'in' && subj.entities.length > 0) {
          t.actors = [...subj.entities];
          // … and what the clause's verb acted on is what the protest was against
          const obj: string[] = [];
          for (let q = Math.max(subj.start, t.start - 8); q < t.start; q++) {
            const id = entAt(ix, q);
            if (id && !t.actors.includes(id) && !obj.includes(id) && !locPrepped(ix, q, lo)) obj.push(id);
          }
          t.targets = obj;
        }
        // "At a summit with Roh on Monday, Yushchenko said …": a meeting in a leading adverbial is the
        // main subject's
        if (t.type === 'CONSULT' && t.actors.length === 0 && inLeadingAdverbial(ix, t.start, lo)) {
          t.actors = mainSubject(ix, lo, hi).filter((x) => !t.targets.includes(x));
        }
      } else if (passive) {
        for (let by = t.end; by < Math.min(hi, t.end + 4); by++) {
          if (ix.low[by] !== 'by') continue;
          t.actors = entityGroup(ix, by + 1, hi, lo, []);
          break;
        }
        // a reduced relative modifies the noun before it, whose entities are not the patient; an appositive
        // one ("Denmark, backed by the United States, …") is about the name before the comma
        t.targets = BE.has(ix.low[k] ?? '') ? subj.entities.filter((e) => !t.actors.includes(e)) : [];
        if (!BE.has(ix.low[k] ?? '') && k >= lo && ix.low[k] === ',' && k - 1 >= lo) {
          const id = entAt(ix, k - 1);
          if (id && !t.actors.includes(id)) t.targets = [id];
        }
      } else {
        t.actors = subj.inherit ?? subj.entities;
        if (t.actors.length === 0 && subj.anaphor) t.actors = resolveAnaphor(ix, subj.anaphor, groups, s);
        if (t.actors.length === 0 && subj.antecedent) {
          t.actors = [...subj.antecedent];
          relative = true;
        }
        if (t.actors.length === 0 && subj.adjunct) {
          // ", calling for …" shares the main clause's subject (not that of a relative clause in between)
          // (the previous verb's subject when that verb is in the same clause: "… fired on demonstrators,
          // killing hundreds")
          const src = attr.at(t.start);
          if (lastActors.length > 0 && !prevRelative) t.actors = [...lastActors];
          else if (src?.source && src.cue >= 0 && src.cue < t.start && src.rule !== 'according-to')
            t.actors = [src.source];
          else t.actors = mainSubject(ix, lo, t.start);
        }
        if (t.targets.length === 0) t.targets = objectTargets(ix, t, hi, lo, t.actors);
        // "will give Tanzania a grant": an indirect object between the verb and its required object
        if (t.targets.length === 0 && t.entry.obj && t.consumedEnd > t.end + 1) {
          for (let q = t.end; q < t.consumedEnd - 1; q++) {
            const id = entAt(ix, q);
            if (id && !t.actors.includes(id)) {
              t.targets = [id];
              break;
            }
          }
        }
        // "offered to meet Kabila", "vowed to wipe out the LRA": the governed action's object
        if (t.targets.length === 0 && t.inner && t.entry.gov !== 'demand')
          t.targets = objectTargets(ix, t.inner, hi, lo, t.actors);
      }
    } else if (!t.entry.noun && !passive && t.targets.length === 0) {
      // "… and deported Georgians": a coordinated verb took its subject above; its object is still its own
      t.targets = objectTargets(ix, t, hi, lo, t.actors);
    } else if (t.entry.noun && t.targets.length === 0) {
      // "maintained a trade embargo against Cuba": the actor came from the clause, the noun still names
      // its target
      const keep = t.actors;
      nounRoles(ix, t, lo, hi);
      t.actors = keep;
      t.targets = t.targets.filter((x) => !keep.includes(x));
    }
    // "sent three warships to its territory": forces sent to one's own ground (or nowhere named) are a
    // mobilisation; sent to another party they are military aid
    if (
      t.cameo === '072' &&
      t.entry.obj &&
      [...t.entry.obj].some((o) => MILITARY.has(o) || /ships$/.test(o))
    ) {
      const dest = destination(ix, t.consumedEnd, hi);
      if (dest === 'own' || (dest === null && t.targets.length === 0)) {
        t.type = 'MOBILIZE';
        t.cameo = '154';
        t.mode = 'troops';
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
    // "criticized Roed-Larsen over his allegations that Damascus smuggles …": the one accusing is the person
    // just named, the one accused the subject of the that-clause
    if (t.entry.noun && /^11[25]/.test(t.cameo ?? '')) {
      const own = [t.start - 1, t.start - 2].find((q) => q >= lo && /^(?:his|her)$/.test(ix.low[q]!));
      if (
        t.actors.length === 0 &&
        own !== undefined &&
        (own === t.start - 1 ||
          ADJECTIVE.test(ix.low[t.start - 1]!) ||
          /^(?:recent|new|latest|fresh|own)$/.test(ix.low[t.start - 1]!))
      ) {
        for (let q = own - 1; q >= lo; q--) {
          const id = entAt(ix, q);
          if (id && entityById(ix, id)?.type === 'PERSON') {
            t.actors = [id];
            break;
          }
        }
      }
      let that = t.end;
      // "allegations by Roed-Larsen that …": past the accuser's name
      while (that < Math.min(hi, t.end + 8) && ix.low[that] !== 'that' && !isBoundary(ix, that)) that++;
      if (t.targets.length === 0 && ix.low[that] === 'that') {
        let q = that + 1;
        if (ix.low[q] === 'the') q++;
        const id = entAt(ix, q);
        // the clause's subject, not a modifier of it ("that Iraqi forces …" names Iraq through its nationality)
        const ms = ix.mentionStart[q]! >= 0 ? ix.mentionStart[q]! : q;
        if (id && ms === q && !t.actors.includes(id) && ix.low[mentionEnd(ix, q)] !== "'s") t.targets = [id];
      }
    }
    // "their withdrawal": the possessor is the clause subject, else the (indirect) speaker
    if (t.actors.length === 0 && t.entry.noun && possessivePronounBefore(ix, t.start, lo)) {
      if (subj.entities.length > 0) t.actors = [...subj.entities];
      else if (a?.source && !inDirectQuote(ix, t.start)) t.actors = [a.source];
      // "Iraq flouted the sanctions in force since its invasion of Kuwait": the sentence's subject
      else t.actors = mainSubject(ix, lo, t.start).filter((x) => !t.targets.includes(x));
    }
    // "a collision between an Italian warship and a boat killed four people", "the blast that killed
    // Hariri": an accident or a device is no actor, and neither are the names that qualify it
    if (!t.entry.noun && !passive && (t.type === 'ASSAULT' || t.type === 'FIGHT')) {
      const from = /^(?:that|which)$/.test(ix.low[subj.clause - 1] ?? '')
        ? Math.max(lo, subj.clause - 6)
        : subj.start;
      if (ix.low.slice(from, t.start).some((w) => MISHAPS.has(w))) t.actors = [];
    }
    // "Beijing's sudden announcement that it would sign …": the pronoun is the one who announced
    if (
      t.actors.length === 0 &&
      !t.entry.noun &&
      !passive &&
      subj.pronoun &&
      ix.low[subj.start - 1] === 'that'
    ) {
      for (let q = subj.start - 2; q >= Math.max(lo, subj.start - 6); q--) {
        const l = ix.low[q]!;
        if (l === "'s" || /'s$/.test(l)) {
          const id = entAt(ix, l === "'s" ? q - 1 : q);
          if (id && !t.targets.includes(id)) t.actors = [id];
          break;
        }
        if (!/^\p{Ll}/u.test(ix.tokens[q]!.text) || isBoundary(ix, q) || isReportingVerb(ix, q)) break;
      }
    }
    const relativeClause = /^(?:that|which)$/.test(ix.low[subj.clause - 1] ?? '') && subj.clause === t.start;
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
        (subj.empty && !subj.anaphor && subj.start >= t.start && !relativeClause))
    )
      t.actors = [a.source];
    // 'Chavez insisted …, "including the United States," and hailed …': a verb coordinated across a quote
    // or a clause shares the sentence's subject
    if (t.actors.length === 0 && !t.entry.noun && !passive && ix.low[c] === 'and' && c > lo)
      t.actors = mainSubject(ix, lo, c).filter((x) => !t.targets.includes(x));
    // '…, said Song, demanding that …', 'Hu said when meeting with Howard': a participle with no subject of its
    // own after a report is the speaker's (or the main subject's)
    // "Slamming the council …, the Chinese ambassador said": a leading participle is the main subject's
    if (t.actors.length === 0 && !t.entry.noun && t.start === lo && /ing$/.test(ix.low[t.start]!)) {
      const main = mainSubject(ix, lo, hi).filter((x) => !t.targets.includes(x));
      if (main.length > 0) t.actors = main;
    }
    // "While (enthusiastically) praising France, China warned …"
    let sub = t.start - 1;
    while (sub > lo && isAdverb(ix.low[sub]!)) sub--;
    const subordinateIng =
      !t.entry.noun &&
      /ing$/.test(ix.low[t.start]!) &&
      subj.start > sub &&
      /^(?:when|while|after|before|since)$/.test(ix.low[sub] ?? '');
    if (
      t.actors.length === 0 &&
      !t.entry.noun &&
      !passive &&
      /ing$/.test(ix.low[t.start]!) &&
      (subj.adjunct || subordinateIng)
    ) {
      let main = mainSubject(ix, lo, t.start).filter((x) => !t.targets.includes(x));
      // "While defending the realignment, he played down …": the clause after the leading phrase
      const lead = t.start < leadingAdverbialEnd(ix, lo, hi);
      if (main.length === 0 && lead) main = mainSubject(ix, lo, hi).filter((x) => !t.targets.includes(x));
      const speaker = speakers.find((x) => !t.targets.includes(x));
      if (main.length > 0 && lead) t.actors = main;
      else if (speaker) t.actors = [speaker];
      else if (main.length > 0) t.actors = main;
    }
    // "Nigeria announced that it will withdraw …", "Palestinian leaders said they would boycott …": outside a
    // quote, a pronoun subject of a reported clause is the reporting clause's subject
    if (t.actors.length === 0 && !t.entry.noun && !passive && subj.pronoun && !inDirectQuote(ix, t.start)) {
      const cue = reportingCueBefore(ix, lo, subj.start);
      if (cue > lo) t.actors = mainSubject(ix, lo, cue).filter((x) => !t.targets.includes(x));
    }
    // "Islamists claimed to have captured …": the claimant is the one who says it acted
    if (t.actors.length === 0 && !t.entry.noun && !passive) {
      let q = t.start - 1;
      if (ix.low[q] === 'have') q--;
      if (q - 1 > lo && ix.low[q] === 'to' && isReportingVerb(ix, q - 1))
        t.actors = mainSubject(ix, lo, q - 1).filter((x) => !t.targets.includes(x));
    }
    // "He rejected …", "It called on …", "The group called for …": the one the story was just about
    if (t.actors.length === 0 && !passive && subj.singular && t.rule !== DEMAND_ENTRY.rule) {
      // "sanctions were imposed on Iraq after it invaded Kuwait": in a subordinate clause, "it" is the
      // country or body just named in the same sentence
      const local = subj.singular === 'org' && subj.pronoun ? nameBeforeClause(ix, lo, subj.clause) : null;
      const ref = local
        ? { id: local, sentence: s }
        : subj.singular === 'person'
          ? salient.person
          : salient.org;
      // a definite description ("the leader") reaches back one sentence, a pronoun or "the group" two
      const reach = subj.singular === 'person' && !subj.pronoun ? 1 : 2;
      // "the defence minister", "the president": the one person the story gives that title, wherever it did
      // (a salient speaker with another title is not meant)
      const titled =
        subj.singular === 'person' && !subj.pronoun ? titledPerson(ix, subj.start, t.start) : undefined;
      // "The United States pushed … . But the European draft does not … . It asks …": "it" is the unnamed
      // subject in between, not the name before it
      const skipped = !local && subj.pronoun && ref && ref.sentence < s - 1 && unnamedSubject(ix, s - 1);
      if (titled) {
        if (!t.targets.includes(titled)) t.actors = [titled];
      } else if (
        titled === undefined &&
        ref &&
        !skipped &&
        s - ref.sentence <= reach &&
        !t.targets.includes(ref.id)
      )
        t.actors = [ref.id];
    }
    // "X said after talks with Y", "the North put forth … during meetings with Z": a meeting named in an
    // adverbial is the main subject's, else the speaker's
    if (t.type === 'CONSULT' && t.entry.noun && t.actors.length === 0 && t.targets.length > 0) {
      let main = mainSubject(ix, lo, t.start).filter((x) => !t.targets.includes(x));
      // a meeting inside the sentence's leading phrase belongs to the subject after it
      if (main.length === 0 && t.start < leadingAdverbialEnd(ix, lo, hi))
        main = mainSubject(ix, lo, hi).filter((x) => !t.targets.includes(x));
      const speaker = a?.source ?? speakers.find((x) => !t.targets.includes(x));
      if (main.length > 0) t.actors = main;
      else if (speaker && !t.targets.includes(speaker)) t.actors = [speaker];
    }
    t.actors = normalizeParticipants(ix, t.actors);
    t.targets = normalizeParticipants(ix, t.targets);
    if (!t.entry.noun && t.actors.length > 0) {
      prevActors = t.actors;
      prevRelative = relative;
    }
    // only a verb's subject is what the story is about: "a US demand" inside another subject's clause is not
    // what a following "it" means
    if (t.actors.length > 0 && !passive && !t.entry.noun) noteSalient(ix, salient, t.actors, s);
    t.targets = t.targets.filter((x) => !t.actors.includes(x));
    // location: "in/at <place>" in the clause
    let locAfterTrigger = false;
    for (let q = Math.max(lo, subj.start); q < Math.min(hi, t.consumedEnd + 15); q++) {
      const id = entAt(ix, q);
      if (id && isLocType(ix, id) && locPrepped(ix, q, lo)) {
        locAfterTrigger = q >= t.end;
        // "called on the new government in Turkmenistan to …": the place names the target, not the venue
        const m = ix.mentionStart[q]! >= 0 ? ix.mentionStart[q]! : q;
        if (t.targets.includes(id) && AGENTIVE.has(ix.low[m - 2] ?? '')) break;
        t.location = id;
        t.targets = t.targets.filter((x) => x !== id);
        break;
      }
    }
    // "Iran and Syria, whom he accuses of …": the relative pronoun's antecedent is the object ("President
    // Kovac, with whom Chernomyrdin met", "Abe, with whom he will hold talks": the other side of the meeting)
    const withWhom = ix.low[subj.clause - 2] === 'with';
    if (
      t.targets.length === 0 &&
      !t.entry.noun &&
      !passive &&
      ix.low[subj.clause - 1] === 'whom' &&
      (!withWhom || /^lex:0[3-6]/.test(t.rule))
    ) {
      const ante: string[] = [];
      const start = withWhom ? subj.clause - 3 : subj.clause - 2;
      for (let q = start; q >= Math.max(lo, subj.clause - 8); q--) {
        if (ix.low[q] === ',' && ante.length === 0) continue;
        const id = entAt(ix, q);
        if (id) {
          if (!ante.includes(id) && !t.actors.includes(id)) ante.unshift(id);
        } else if (ix.low[q] !== 'and' && ix.low[q] !== ',') break;
      }
      t.targets = normalizeParticipants(ix, ante);
    }
    // "warned that Iran would resort to other means if the EU …": the condition names who is threatened
    // ("demanded an increase … unless Belarus agreed to …": so does a demand's)
    if ((t.type === 'THREATEN' || t.type === 'DEMAND') && t.targets.length === 0) {
      for (let q = t.end; q < Math.min(hi, t.end + 25); q++) {
        if (ix.low[q] !== 'if' && ix.low[q] !== 'unless') continue;
        let r = q + 1;
        if (ix.low[r] === 'the') r++;
        const id = entAt(ix, r);
        if (id && !t.actors.includes(id)) t.targets = normalizeParticipants(ix, [id]);
        break;
      }
    }
    // "imposed a curfew in Abidjan", "arrived in Amman", "strengthened its forces in Lebanon": an action done
    // to or at a place with no other target is aimed at that place (PLOVER codes the place's country)
    // "a missionary was arrested in Lebanon": with no agent named, a coercion done in a country is done by its
    // authorities (CAMEO codes the state as the source)
    if (passive && t.type === 'COERCE' && t.actors.length === 0 && t.targets.length > 0 && t.location) {
      const place = entityById(ix, t.location);
      const state = place?.type === 'GPE' && place.country ? countryEntity(ix, place.country) : null;
      if (state && !t.targets.includes(state)) t.actors = [state];
    }
    if (t.targets.length === 0 && t.location && (PLACE_TARGETED.has(t.type) || t.mode === 'visit')) {
      t.targets = [t.location];
    }
    // "agreed to set up a centre in Tokyo", "demanded parties in Iraq allow …", "opened an embassy in Tehran":
    // a place in what was agreed, demanded or backed, with no other target, is what it concerns; a place before
    // the trigger ("In Geneva, the two agreed") is only the venue
    else if (t.targets.length === 0 && t.location && locAfterTrigger && PLACE_CONCERNED.has(t.type)) {
      t.targets = [t.location];
    }
    // "attacked the decision", "a scathing attack on the budget plan": words, not force
    if ((t.type === 'ASSAULT' || t.type === 'FIGHT') && verbalAttack(ix, t, lo, hi)) {
      t.type = 'DISAPPROVE';
      t.cameo = '111';
      t.mode = null;
    }
    // military context turns an attack or killing into FIGHT
    else if (t.entry.military) {
      for (let q = Math.max(lo, t.start - 8); q < Math.min(hi, t.end + 8); q++) {
        if (MILITARY.has(ix.low[q]!)) {
          t.type = 'FIGHT';
          t.cameo = '190';
          break;
        }
      }
    }
    let modality = decideModality(ix, t, lo, a !== null);
    // "would not follow the US example" is a refusal; "followed suit" is no rejection at all
    if (t.rule === 'lex:120:follow/followed') {
      if (modality !== 'negated') continue;
      modality = a !== null ? 'reported' : 'asserted';
    }
    if (t.type === 'CONSULT' && !t.mode) {
      const span = ix.text.slice(
        ix.tokens[t.start]!.start,
        ix.tokens[Math.min(hi, t.consumedEnd + 1) - 1]!.end,
      );
      if (MULTI.test(span) || t.actors.length + t.targets.length >= 3) t.mode = 'multilateral';
    }
    // a meeting named by a noun needs two sides ("a European visit" names none)
    if (t.entry.noun && t.type === 'CONSULT' && t.actors.length + t.targets.length < 2) continue;
    // "will fight to the last": a fight needs an opponent or a military context
    if (t.entry.arg && t.targets.length === 0 && !militaryNear(ix, t, lo, hi)) continue;
    let { time, date } = timeFor(ix, t, subj.clause, hi, modality, subj.adjunct || subordinateIng);
    // "The United States said Saturday that Cuba must …": a demand read off a must-clause is made when the
    // report was
    if (!date && t.rule === DEMAND_ENTRY.rule) {
      let cue = t.start - 1;
      while (cue >= lo && !isReportingVerb(ix, cue)) cue--;
      for (const k of [cue + 1, cue - 1, cue + 2, cue - 2]) {
        const ti = cue >= 0 && k >= lo && k < t.start ? ix.timeAt[k]! : -1;
        const tm = ti >= 0 ? ix.times[ti]! : null;
        if (tm?.value && /^\d{4}-\d\d-\d\d/.test(tm.value) && tm.type === 'DATE') {
          time = tm.id;
          date = tm.value;
          break;
        }
      }
    }
    let generic: GenericActor | null = null;
    if (t.actors.length === 0 && (passive || (t.entry.noun && ix.low[t.end] === 'by'))) {
      for (let by = t.end; by < Math.min(hi, t.end + 4); by++)
        if (ix.low[by] === 'by') {
          generic = genericAfter(ix, by + 1, hi);
          break;
        }
    } else if (t.actors.length === 0 && !passive && !t.entry.noun && (subj.adjunct || subordinateIng)) {
      // "The coalition … called for a session after blaming Damascus": the main clause's description
      generic = mainGeneric(ix, lo, t.start);
    } else if (!passive && !subj.adjunct && !t.entry.noun && !subj.inherit) {
      // also when the only names are the description's own modifiers ("a Burmese dissident group": Burma, OPP)
      const g = genericBefore(ix, subj.start, t.start, lo);
      if (g && t.actors.every((x) => insideSpan(ix, x, g))) generic = g;
    }
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
      ...(generic ? { genericActor: generic } : {}),
      // other nouns and passives may name only the patient ("attacks on Iraq")
      patientOnly: passive || (t.entry.noun && t.type !== 'CONSULT') || subj.armed,
    });
    // groups that a later "they" / "the two sides" can refer to: co-actors, and the sides of a meeting
    if (t.actors.length >= 2) groups.push({ sentence: s, ids: t.actors });
    else if (t.type === 'CONSULT' && t.actors.length > 0 && t.targets.length > 0)
      groups.push({ sentence: s, ids: [...t.actors, ...t.targets] });
  }
  // a speaker of this sentence is someone a later "he" or "it" can mean
  if (speakers.length > 0) noteSalient(ix, salient, [speakers.at(-1)!], s);
  return out;
}

const RECEIVE = new Set('received receives receive got gets drew draws faced faces came'.split(' '));

/** "received a grilling", "drew a sharp rebuke", "came under criticism": the noun is something suffered. */
function receivedBefore(ix: DocIndex, i: number, lo: number): boolean {
  for (let k = i - 1; k >= Math.max(lo, i - 4); k--) {
    const l = ix.low[k]!;
    if (RECEIVE.has(l)) return l !== 'came' || ix.low[k + 1] === 'under';
    if (!/^(?:a|an|the|under|sharp|harsh|stern|severe|fierce|heavy|strong|public)$/.test(l)) return false;
  }
  return false;
}

/** Head nouns of unnamed actors and their CAMEO sector codes. */
const GENERIC_HEADS: ReadonlyMap<string, string> = new Map(
  (
    [
      [
        'REB',
        'rebels rebel insurgents guerrillas guerillas militants militiamen militia militias gunmen fighters separatists extremists',
      ],
      ['COP', 'police policemen'],
      ['MIL', 'troops soldiers forces army military servicemen paratroopers marines'],
      [
        'CVL',
        'protesters protestors demonstrators crowd crowds mob residents villagers civilians students workers',
      ],
      ['OPP', 'opposition dissidents dissident'],
      ['GOV', 'government authorities administration regime junta cabinet officials'],
      ['NGO', 'think-tank think-tanks watchdog watchdogs charity charities'],
      ['IGO', 'coalition'],
      ['MED', 'media newspaper newspapers daily'],
      ['LEG', 'lawmakers legislators parliament deputies senators'],
      ['JUD', 'court judges prosecutors'],
    ] as const
  ).flatMap(([code, words]) => words.split(' ').map((w) => [w, code] as [string, string])),
);
/** "group", "alliance": generic only with a sector word before them ("a dissident group", "rebel alliance"). */
const GROUP_NOUNS = new Set('group groups alliance movement faction factions'.split(' '));
const AFTER_HEAD = new Set(
  'in on at near after during and or who which that as was were had have has from to of with for since last this earlier'.split(
    ' ',
  ),
);
const DETERMINERS = new Set('the a an some many several hundreds thousands dozens their its'.split(' '));

/** The description that is the sentence's subject ("The coalition, a cross-section of …, called …"). */
function mainGeneric(ix: DocIndex, lo: number, end: number): GenericActor | null {
  let start = lo;
  while (start < end && /^(?:but|and|meanwhile|however|,)$/.test(ix.low[start]!)) start++;
  const adv = leadingAdverbialEnd(ix, start, end);
  if (adv > start && PREP_START.has(ix.low[start]!)) start = adv;
  let stop = start;
  while (
    stop < end &&
    stop < start + 8 &&
    ix.low[stop] !== ',' &&
    !FINITE_AUX.has(ix.low[stop]!) &&
    !LEXICON.byWord.has(ix.low[stop]!) &&
    !isReportingVerb(ix, stop)
  )
    stop++;
  return stop > start && stop < end ? genericAt(ix, start, stop - 1) : null;
}

/** True when entity `id` has a mention inside the description's span. */
function insideSpan(ix: DocIndex, id: string, g: GenericActor): boolean {
  const e = entityById(ix, id);
  return !!e && e.mentions.some((m) => m.start >= g.start && m.end <= g.end);
}

/** The generic actor phrase whose head ends right before `to` (skipping auxiliaries), within [from, to). */
function genericBefore(ix: DocIndex, from: number, to: number, lo = from): GenericActor | null {
  let h = to - 1;
  while (h >= from && (AUX_WORDS.has(ix.low[h]!) || isAdverb(ix.low[h]!))) h--;
  // "The coalition, a cross-section of …, called": step over the appositive
  if (h >= from && ix.low[h] === ',') {
    const open = parentheticalStart(ix, h, from);
    if (open > from) h = open - 1;
  }
  if (h < from) return null;
  // "Opposition groups in Zimbabwe are demanding …": a description placed in a country belongs to it
  const ei = ix.entityAt[h]!;
  const m = ei >= 0 ? ix.mentionStart[h]! : -1;
  if (m - 2 >= lo && ix.low[m - 1] === 'in') {
    const e = ix.entities[ei]!;
    const g = e.type === 'GPE' && e.country ? genericAt(ix, lo, m - 2) : null;
    return g ? { ...g, country: g.country ?? e.country } : null;
  }
  return genericAt(ix, from, h);
}

/** The generic actor phrase that starts at `from` ("by rebels", "by the Burmese junta"). */
function genericAfter(ix: DocIndex, from: number, hi: number): GenericActor | null {
  let h = from;
  while (h < hi && h < from + 5) {
    const l = ix.low[h]!;
    if (!/^[\p{L}-]+$/u.test(l)) return null;
    const next = ix.low[h + 1] ?? '';
    // "by rebels on Monday", not "of an imminent rebel attack" (a modifier)
    if ((GENERIC_HEADS.has(l) || GROUP_NOUNS.has(l)) && (!/^\p{Ll}/u.test(next) || AFTER_HEAD.has(next)))
      break;
    h++;
  }
  return h < hi && h < from + 5 ? genericAt(ix, from, h) : null;
}

/** Token k opens its sentence, so its capital says nothing about it being a name ("Rebel groups …"). */
function sentenceOpening(ix: DocIndex, k: number): boolean {
  return k === 0 || ix.tokens[k - 1]!.sentence !== ix.tokens[k]!.sentence;
}

/** The phrase whose head is token h (modifiers back to a determiner or `from`), when h is a generic head. */
function genericAt(ix: DocIndex, from: number, h: number): GenericActor | null {
  const head = ix.low[h]!;
  // "rebel", "dissident" qualify a head ("an imminent rebel attack") more often than they are one
  if ((!GENERIC_HEADS.has(head) && !GROUP_NOUNS.has(head)) || head === 'rebel' || head === 'dissident')
    return null;
  // a capital only at the sentence start ("Rebels attacked …"); elsewhere it is part of a name
  const sentenceStart = sentenceOpening(ix, h);
  if (ix.entityAt[h]! >= 0 || (!/^\p{Ll}/u.test(ix.tokens[h]!.text) && !sentenceStart)) return null;
  let sector = GENERIC_HEADS.get(head) ?? null;
  let s = h;
  let country: string | null = null;
  while (s - 1 >= from) {
    const l = ix.low[s - 1]!;
    if (DETERMINERS.has(l) || ix.timeAt[s - 1]! >= 0 || !/^[\p{L}-]+$/u.test(l) || h - s >= 3) break;
    // modifiers only: a preposition, an auxiliary or a verb ends the phrase ("the frontier to stop militants")
    if (AFTER_HEAD.has(l) || AUX_WORDS.has(l) || LEXICON.byWord.has(l) || isReportingVerb(ix, s - 1)) break;
    const ei = ix.entityAt[s - 1]!;
    if (ei >= 0) {
      const e = ix.entities[ei]!;
      // "Somali troops", "Burmese dissident group": a country qualifies the description
      if (!(e.type === 'NORP' || e.type === 'GPE') || !e.country) break;
      // "Ethiopian-backed forces", "London-based watchdog" are not Ethiopian or British
      if (!/-(?:backed|supported|sponsored|based|allied|funded|armed)$/.test(l)) country ??= e.country;
    } else if (!/^\p{Ll}/u.test(ix.tokens[s - 1]!.text) && !sentenceOpening(ix, s - 1)) break;
    // "rebel forces", "a dissident group": the modifier says more than a bare "forces" or "group"
    if (GENERIC_HEADS.has(l) && (!sector || head === 'forces' || GROUP_NOUNS.has(head)))
      sector = GENERIC_HEADS.get(l)!;
    s--;
  }
  // "a dissident group", "the rebel alliance": the sector comes from the modifier
  if (!sector || (GROUP_NOUNS.has(head) && s === h)) return null;
  // a bare "officials", "government" or "forces" names no one in particular unless qualified
  if (
    (sector === 'GOV' || head === 'forces' || head === 'daily') &&
    s === h &&
    !DETERMINERS.has(ix.low[s - 1] ?? '')
  )
    return null;
  const start = ix.tokens[s]!.start;
  const end = ix.tokens[h]!.end;
  return { text: ix.text.slice(start, end), sector, country, start, end };
}

/** Sentence s opens with a determiner phrase that names no one ("But the European draft does not …"). */
function unnamedSubject(ix: DocIndex, s: number): boolean {
  let lo = ix.sentStart[s]!;
  const hi = ix.sentEnd[s]!;
  while (lo < hi && /^(?:but|and|however|yet|,)$/.test(ix.low[lo]!)) lo++;
  if (!/^(?:the|a|an|this|that)$/.test(ix.low[lo] ?? '')) return false;
  // up to the verb, no name other than a nationality ("the European draft")
  for (let q = lo + 1; q < Math.min(hi, lo + 8); q++) {
    if (FINITE_AUX.has(ix.low[q]!) || isReportingVerb(ix, q)) return q > lo + 1;
    const ei = ix.entityAt[q]!;
    if (ei >= 0 && ix.entities[ei]!.type !== 'NORP') return false;
  }
  return false;
}

/** The nearest GPE or ORG named before a subordinate clause that starts at `clause` (after/when/because …). */
function nameBeforeClause(ix: DocIndex, lo: number, clause: number): string | null {
  if (!/^(?:after|when|because|as|since|before|until|if|unless|while)$/.test(ix.low[clause - 1] ?? ''))
    return null;
  for (let k = clause - 2; k >= Math.max(lo, clause - 12); k--) {
    const ei = ix.entityAt[k]!;
    if (ei < 0) continue;
    const e = ix.entities[ei]!;
    if (e.type === 'GPE' || e.type === 'ORG') return e.id;
    return null;
  }
  return null;
}

/** The last reporting verb in [lo, end), or -1 ("Nigeria today announced that it …"). */
function reportingCueBefore(ix: DocIndex, lo: number, end: number): number {
  for (let k = end - 1; k > Math.max(lo, end - 40); k--) if (isReportingVerb(ix, k)) return k;
  return -1;
}

const SPEAKERS = new WeakMap<DocIndex, Map<number, string[]>>();

/** Speakers of the quotes that start in sentence [lo, hi), in order (quotes are indexed once per document). */
function sentenceSpeakers(ix: DocIndex, lo: number, _hi: number): string[] {
  let bySentence = SPEAKERS.get(ix);
  if (!bySentence) {
    bySentence = new Map();
    for (const q of ix.quotes) {
      if (!q.speaker) continue;
      const k = tokenAtOrAfter(ix.tokens, q.start);
      if (k < 0 || k >= ix.tokens.length) continue;
      const s = ix.tokens[k]!.sentence;
      const list = bySentence.get(s) ?? [];
      if (!list.includes(q.speaker)) list.push(q.speaker);
      bySentence.set(s, list);
    }
    SPEAKERS.set(ix, bySentence);
  }
  return bySentence.get(ix.tokens[lo]!.sentence) ?? [];
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
  dobj: false,
  modal: false,
};

/** Absorbs triggers in the complement of a governing verb and sets its targets and type. */
function governComplement(ix: DocIndex, g: Trigger, all: Trigger[], hi: number, lo: number): void {
  const limit = Math.min(hi, g.consumedEnd + 24);
  if (g.rule === DEMAND_ENTRY.rule) {
    // "Y must Z": everything up to the clause end is the demanded action
    let end = limit;
    for (let k = g.end; k < limit; k++) {
      const l = ix.low[k]!;
      // "… must deal with Y and the sanctions imposed on Z could not …": a new clause after "and"
      const newClause = l === 'and' && (ix.low[k + 1] === 'the' || ix.entityAt[k + 1]! >= 0);
      if (l === ';' || l === '.' || CLAUSE_WORDS.has(l) || newClause) end = Math.min(end, k);
    }
    for (const t of all) if (t !== g && t.start >= g.end && t.start < end) t.absorbed = true;
    void lo;
    return;
  }
  let comp = -1; // token of "to" or "that" opening the complement
  for (let k = g.consumedEnd; k < limit; k++) {
    const l = ix.low[k]!;
    // "offered its troops to Lebanon's president to help …": "to" before a name is a preposition
    if (l === 'to' && (ix.entityAt[k + 1]! >= 0 || (ix.low[k + 1] === 'the' && ix.entityAt[k + 2]! >= 0)))
      continue;
    if (l === 'to' || l === 'that') {
      comp = k;
      break;
    }
    if (l === ';' || l === '.' || isReportingVerb(ix, k)) break;
  }
  if (comp < 0) return;
  let inner: Trigger | null = null;
  let end = limit;
  // the complement ends at a comma or at a subordinate clause ("… to end the spat set off when Georgia
  // arrested …": the arrest is not part of what was called for)
  for (let k = comp + 1; k < limit; k++) {
    const l = ix.low[k]!;
    if (l === ',' || l === ';' || l === '.' || (k > comp + 1 && CLAUSE_WORDS.has(l) && l !== 'that')) {
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
  g.inner = inner;
  if (g.entry.gov === 'threaten' && inner) g.mode = inner.mode;
  // "vowed to fight": an intention to act against someone is a threat
  if (
    g.entry.gov === 'agree' &&
    inner &&
    CONFLICT_MATERIAL.has(inner.type) &&
    !/^agree/.test(ix.low[g.start]!) &&
    // "offered troops to help him oust Aoun": helping someone else is no threat of one's own
    !/^(?:help|assist|enable)$/.test(ix.low[comp + 1] ?? '')
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
  /** A participial adjunct (", calling for …"): the subject is the main clause's. */
  adjunct: boolean;
  /** The antecedent of a relative clause subject ("X, who has threatened …"). */
  antecedent: string[] | null;
  /** An unnamed armed subject ("pro-government forces seized Jowhar"): the event still says who was hit. */
  armed: boolean;
  /** A singular anaphoric subject: "he"/"the president" (person) or "it"/"the group" (organisation). */
  singular: 'person' | 'org' | null;
}

const OWN_GROUND = new Set(
  'north south east west north-east north-west south-east south-west border frontier front frontline region area'.split(
    ' ',
  ),
);

/** The destination after a sending verb: "to its/their …" (own), "to <anything else>" (other), or none. */
function destination(ix: DocIndex, from: number, hi: number): 'own' | 'other' | null {
  for (let k = from; k < Math.min(hi, from + 4); k++) {
    if (ix.low[k] === 'to' && !infinitival(ix, k)) {
      if (/^(?:its|their|his|her)$/.test(ix.low[k + 1] ?? '')) return 'own';
      // "to the south", "to the border", "to the front": a direction or front line, not another party
      if (ix.low[k + 1] === 'the' && OWN_GROUND.has(ix.low[k + 2] ?? '') && ix.low[k + 3] !== 'of')
        return 'own';
      return 'other';
    }
  }
  return null;
}

/** Heads that make an attack verbal: one attacks a decision or a record with words. */
const ABSTRACT_HEADS = new Set(
  (
    'decision decisions policy policies plan plans proposal proposals remarks comments statement statements record ' +
    'budget system treaty idea ideas law laws bill move stance report reports position approach strategy ' +
    'handling leadership credibility reputation rights ruling verdict resolution measure measures reform reforms ' +
    'government administration regime'
  ).split(' '),
);
const VERBAL_MODIFIERS = new Set(
  'scathing stinging blistering verbal withering sharp bitter harsh thinly-veiled veiled rhetorical personal'.split(
    ' ',
  ),
);

/**
 * True when an attack is made with words: a verbal modifier ("a scathing attack"), an abstract object ("attacked
 * the decision", "an attack on the budget plan"), or a charge ("attacked Modi over the budget") with no
 * military word around. "Government" counts as abstract only after "on"/"attacked" with no weapon in sight.
 */
function verbalAttack(ix: DocIndex, t: Trigger, lo: number, hi: number): boolean {
  if (!/^(?:18|19)/.test(t.cameo ?? '') || militaryNear(ix, t, lo, hi)) return false;
  const attackWord = (k: number) =>
    /^(?:attack|attacks|attacked|attacking|assault|assaults)$/.test(ix.low[k]!);
  let head = -1;
  for (let k = t.start; k < t.consumedEnd; k++) if (attackWord(k)) head = k;
  if (head < 0) return false;
  for (let k = Math.max(lo, head - 3); k < head; k++) if (VERBAL_MODIFIERS.has(ix.low[k]!)) return true;
  let k = head + 1;
  if (ix.low[k] === 'on' || ix.low[k] === 'against') k++;
  for (let n = 0; k < hi && n < 6; k++, n++) {
    const l = ix.low[k]!;
    // "attacked the Dalai Lama's own human rights record": a possessor's name does not count against the window
    if (ix.entityAt[k]! >= 0 || l === "'s") n--;
    if (ABSTRACT_HEADS.has(l)) return true;
    if (l === 'over' || l === 'for') return n > 0 && ix.entityAt[k - 1]! >= 0 && ix.entityAt[k + 1]! < 0;
    if (l === ',' || l === '.' || CLAUSE_WORDS.has(l) || (l === 'of' && n > 1)) break;
  }
  return false;
}

/** Heads of subjects that cause harm without acting: accidents, disasters, devices. */
const MISHAPS = new Set(
  'collision crash accident blast explosion explosions fire storm flood floods earthquake quake landslide bomb bombs device mine mines disease epidemic'.split(
    ' ',
  ),
);

/** Material event types whose target is the place where they happen when nobody else is named. */
const PLACE_TARGETED: ReadonlySet<PloverType> = new Set([
  'CONCEDE',
  'RETREAT',
  'COERCE',
  'AID',
  'MOBILIZE',
  'FIGHT',
  'ASSAULT',
  'SANCTION',
  'PROTEST',
  'THREATEN',
]);

/** Event types whose object place, after the trigger, is what the event concerns when no target is named. */
const PLACE_CONCERNED: ReadonlySet<PloverType> = new Set(['AGREE', 'SUPPORT', 'DEMAND', 'COOPERATE']);

/** Verbs that say how a meeting went rather than what someone did ("the talks ended", "were held"). */
const ASPECT_VERBS = new Set(
  'ended began begun opened resumed closed concluded broke held took continued started'.split(' '),
);

/** Verbs whose object noun names the subject's own action ("maintains an embargo", "staged a protest"). */
const HOLDING_VERBS = new Set(
  (
    'maintain maintains maintained keep keeps kept impose imposes imposed slap slaps slapped enforce enforces ' +
    'enforced tighten tightens tightened extend extends extended stage stages staged carry carries carried ' +
    'continue continues continued mount mounts mounted step steps stepped intensify intensifies intensified ' +
    'announce announces announced order orders ordered complete completes completed approve approves approved ' +
    'launch launches launched issue issues issued renew renews renewed repeat repeats repeated make makes made ' +
    'seek seeks seeking sought'
  ).split(' '),
);

/** True when the noun at i is the object of a holding verb ("maintains a trade embargo", "carried out attacks"). */
function heldBy(ix: DocIndex, i: number, lo: number): boolean {
  for (let k = i - 1; k >= Math.max(lo, i - 4); k--) {
    const l = ix.low[k]!;
    if (HOLDING_VERBS.has(l)) return true;
    if (l === 'out' || l === 'up') continue;
    if (!nounModifierWord(ix, k) && !/^(?:a|an|the|its|their|new|fresh)$/.test(l)) return false;
  }
  return false;
}

/** The most recent single actor of each kind, for singular anaphors. */
interface Salience {
  person: { id: string; sentence: number } | null;
  org: { id: string; sentence: number } | null;
}

const BY_ID = new WeakMap<DocIndex, Map<string, Entity>>();

/** The entity with this id (a map built once per document, so lookups stay constant-time). */
function entityById(ix: DocIndex, id: string): Entity | undefined {
  let m = BY_ID.get(ix);
  if (!m) {
    m = new Map(ix.entities.map((e) => [e.id, e]));
    BY_ID.set(ix, m);
  }
  return m.get(id);
}

function noteSalient(ix: DocIndex, salient: Salience, ids: readonly string[], s: number): void {
  if (ids.length !== 1) return;
  const e = entityById(ix, ids[0]!);
  if (!e) return;
  if (e.type === 'PERSON') salient.person = { id: e.id, sentence: s };
  else if (e.type === 'ORG' || e.type === 'GPE') salient.org = { id: e.id, sentence: s };
}

const PERSON_HEADS = new Set(
  (
    'president premier minister leader official spokesman spokeswoman envoy ambassador diplomat chief secretary ' +
    'chancellor king cleric negotiator commander senator mediator'
  ).split(' '),
);
const ORG_HEADS = new Set(
  'group organisation organization watchdog agency body ministry council committee court tribunal alliance movement party union report'.split(
    ' ',
  ),
);

const TITLE_SKIP = new Set('the new newly-appointed current'.split(' '));
const TITLES = new WeakMap<DocIndex, Array<{ id: string; before: string[] }>>();
/** Per document, the answer for each title already looked up (keeps many descriptions linear). */
const TITLE_MEMO = new WeakMap<DocIndex, Map<string, string | null | undefined>>();

/**
 * The person whose name the story prefixes with the title in [from, to) ("the defence minister" → "Defence
 * Minister Kim"): their id when exactly one person carries it, null when none or several do (the description
 * then resolves to no one rather than to the wrong one), undefined when the region is not a title.
 */
function titledPerson(ix: DocIndex, from: number, to: number): string | null | undefined {
  const words = ix.low
    .slice(from, to)
    .filter((w) => /^[\p{L}-]+$/u.test(w) && !AUX_WORDS.has(w) && !isAdverb(w) && !TITLE_SKIP.has(w));
  if (words.length === 0 || words.length > 3 || !PERSON_HEADS.has(words.at(-1)!)) return undefined;
  const key = words.join(' ');
  let memo = TITLE_MEMO.get(ix);
  if (!memo) {
    memo = new Map();
    TITLE_MEMO.set(ix, memo);
  }
  if (memo.has(key)) return memo.get(key);
  let list = TITLES.get(ix);
  if (!list) {
    list = [];
    for (const e of ix.entities) {
      if (e.type !== 'PERSON') continue;
      for (const m of e.mentions) {
        // a name mis-linked to a person of another rank ("Defence minister Kim" on North Korea's leader)
        if (e.role && !normToken(e.role).endsWith(ix.low[tokenAtOrAfter(ix.tokens, m.start) - 1] ?? ''))
          continue;
        const k = tokenAtOrAfter(ix.tokens, m.start);
        list.push({ id: e.id, before: ix.low.slice(Math.max(0, k - 3), k) });
      }
    }
    TITLES.set(ix, list);
  }
  const ids = new Set<string>();
  for (const { id, before } of list) {
    if (before.length < words.length) continue;
    const tail = before.slice(before.length - words.length);
    if (tail.every((w, i) => w === words[i])) ids.add(id);
  }
  const found = ids.size === 1 ? [...ids][0]! : ids.size === 0 ? undefined : null;
  memo.set(key, found);
  return found;
}

/** Kind of a singular anaphoric subject in [from, to): "he", "it", "the New York-based group", "the leftist leader". */
function singularAnaphor(ix: DocIndex, from: number, to: number): 'person' | 'org' | null {
  const words = ix.low
    .slice(from, to)
    .filter(
      (w) =>
        /^[\p{L}-]/u.test(w) &&
        !AUX_WORDS.has(w) &&
        !isAdverb(w) &&
        !/^(?:however|again|earlier|meanwhile|too|so|far)$/.test(w),
    );
  if (words.length === 0 || words.length > 5) return null;
  if (words.length === 1 && (words[0] === 'he' || words[0] === 'she')) return 'person';
  if (words.length === 1 && words[0] === 'it') return 'org';
  if (words[0] !== 'the') return null;
  const head = words.at(-1) ?? '';
  if (PERSON_HEADS.has(head)) return 'person';
  if (ORG_HEADS.has(head)) return 'org';
  return null;
}

const ARMED = new Set('gunmen militants rebels insurgents guerrillas militiamen militias police'.split(' '));

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
  let floor = Math.max(lo, i - 3);
  for (let k = i - 1; k >= floor; k--) {
    const l = ix.low[k]!;
    if (l === 'its' || l === 'their' || l === 'his' || l === 'her') return true;
    // "its August 1990 invasion": a time between the possessive and the noun
    if (ix.timeAt[k]! >= 0) {
      floor = Math.max(lo, floor - 1);
      continue;
    }
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
  /** Token ranges [from, to] of parentheticals skipped on the way back ("Moscow, infuriated by …, has"). */
  const skipped: Array<[number, number]> = [];
  // ", calling for …": a participial adjunct has the subject of the clause it follows
  if (isAdjunct(ix, t, lo)) {
    return {
      start: t.start,
      clause: t.start,
      entities: [],
      inherit: null,
      empty: true,
      pronoun: false,
      firstPerson: false,
      anaphor: null,
      auxOnly: false,
      adjunct: true,
      antecedent: null,
      armed: false,
      singular: null,
    };
  }
  while (k >= floor) {
    // "the Organization of the Islamic Conference (OIC) urged": a short bracketed acronym is part of the name
    if (ix.low[k] === ')') {
      let o = k - 1;
      while (o >= floor && o >= k - 4 && ix.low[o] !== '(') o--;
      if (o >= floor && ix.low[o] === '(' && o < k - 1) {
        const pronounBefore = o - 1 >= floor && /^(?:they|he|she|it|we)$/.test(ix.low[o - 1]!);
        if (!pronounBefore) skipped.push([o, k]);
        k = o - 1;
        continue;
      }
    }
    if (ix.low[k] === ',') {
      const open = parentheticalStart(ix, k, floor);
      if (open >= 0) {
        skipped.push([open, k]);
        k = open - 1;
        continue;
      }
      // ", provided Europe continues to boycott …": a condition has its own subject
      if (/^(?:provided|providing)$/.test(ix.low[k + 1] ?? '') && k + 1 < t.start) break;
    }
    // "The Middle East Quartet -- composed of the EU, … -- has demanded": a dashed aside between the subject
    // and its verb is skipped like a comma parenthetical
    if (ix.low[k] === '--' || ix.low[k] === '\u2014') {
      const dash = ix.low[k]!;
      let o = k - 1;
      while (o > floor && o >= k - 30 && ix.low[o] !== dash && !isBoundaryHard(ix.low[o]!)) o--;
      if (o > floor && ix.low[o] === dash && o < k - 1 && !isBoundary(ix, o - 1)) {
        skipped.push([o, k]);
        k = o - 1;
        continue;
      }
    }
    if (isBoundary(ix, k)) break;
    // "Belarus pays Gazprom … gas and Gazprom demanded …": "and" after a common noun, then a name and the verb,
    // starts a clause of its own
    if (
      ix.low[k] === 'and' &&
      k > floor &&
      ix.entityAt[k - 1]! < 0 &&
      /^\p{Ll}/u.test(ix.tokens[k - 1]!.text)
    ) {
      let q = k + 1;
      if (ix.low[q] === 'the') q++;
      if (q < t.start && ix.entityAt[q]! >= 0) {
        q = mentionEnd(ix, q);
        while (q < t.start && (isAdverb(ix.low[q]!) || AUX_WORDS.has(ix.low[q]!))) q++;
        if (q === t.start) break;
      }
    }
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
  let clause = k + 1;
  if (ix.low[clause] === 'provided' || ix.low[clause] === 'providing') clause++;
  // "BRUSSELS - NATO urged …": an unstripped dateline is no part of the subject
  const dateline = datelineEnd(ix, lo, t.start);
  if (clause < dateline) clause = dateline;
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
  // drop a leading participial phrase ("Addressing the General Assembly, Wang …", "Arguing that …, Shen …")
  const lead = leadingParticiple(ix, lo, t.start);
  if (lead > start) start = lead;
  // the walk back stopped inside the sentence's leading adverbial ("As he left after meeting Rice, Nogaideli
  // called …"): the subject starts after its comma
  const adv = leadingAdverbialEnd(ix, lo, t.start);
  if (adv >= start && clause < adv) {
    start = adv;
    // times in a relative clause or a participial phrase up front are theirs ("Kicking off a stay which
    // includes talks Tuesday with Cheney, Nogaideli met …")
    const opener = ix.low[lo]!;
    if (/^(?:who|which)$/.test(ix.low[clause - 1] ?? '') || /^[a-z]+ing$/.test(opener)) clause = adv;
  }
  const inSkipped = (q: number) => skipped.some(([a, b]) => q >= a && q <= b);
  const entities: string[] = [];
  // "Russia and China, which have close ties with Tehran and have opposed …": in a relative clause, names
  // after the clause's own first verb are its objects; the subject is the antecedent
  const relativeOpen = /^(?:who|which)$/.test(ix.low[clause - 1] ?? '');
  let pronoun = false;
  let firstPerson = false;
  let words = 0;
  if (!coordinated) {
    for (let q = start; q < t.start; q++) {
      if (inSkipped(q)) continue;
      // "ElBaradei received the prize and called for …": entities after a finite verb are its objects
      if (entities.length > 0 && finiteVerbAt(ix, q)) break;
      if (
        relativeOpen &&
        entities.length === 0 &&
        FINITE_AUX.has(ix.low[q]!) &&
        contentBefore(ix, q + 1, t.start)
      )
        break;
      const id = entAt(ix, q);
      if (/^\p{L}/u.test(ix.tokens[q]!.text)) words++;
      if (!id && /^(he|she|it|they)$/.test(ix.low[q]!)) pronoun = true;
      if (!id && /^(we|i)$/.test(ix.low[q]!)) firstPerson = true;
      if (!id || entities.includes(id)) continue;
      if (ix.timeAt[q]! >= 0) continue;
      if (locPrepped(ix, q, start) || objectPrepped(ix, q, start)) continue;
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
      adjunct: false,
      antecedent: null,
      armed: false,
      singular: null,
    };
  if (inherit && entities.length > 0) inherit = null;
  // "Annan's representative in Cyprus, Gustave Feissel, has been mediating": the named appositive acts,
  // not the one whose representative he is
  if (entities.length === 1) {
    const named = appositivePerson(ix, start, t.start);
    if (named && named !== entities[0]) entities.splice(0, 1, named);
  }
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
    adjunct: false,
    antecedent: entities.length === 0 && !inherit ? relativeAntecedent(ix, clause, lo) : null,
    armed: entities.length === 0 && ix.low.slice(start, t.start).some((w) => MILITARY.has(w) || ARMED.has(w)),
    singular:
      entities.length === 0 && !inDirectQuote(ix, t.start) ? singularAnaphor(ix, start, t.start) : null,
  };
}

/**
 * One past the comma that closes a sentence-initial adverbial or appositive phrase ("After talks with X, …",
 * "As he left …, …", "A close ally of Castro, the leader …") before token `end`; -1 when there is none.
 */
function leadingAdverbialEnd(ix: DocIndex, lo: number, end: number): number {
  let s = lo;
  if (ix.low[s] === 'also' || ix.low[s] === 'meanwhile' || ix.low[s] === 'but' || ix.low[s] === 'and') s++;
  const w = ix.low[s];
  if (w === undefined || ix.entityAt[s]! >= 0) return -1;
  const opener =
    PREP_START.has(w) ||
    /^(?:a|an)$/.test(w) ||
    (/^[a-z]+(?:ing|ed)$/.test(w) && /^\p{Lu}/u.test(ix.tokens[s]!.text));
  if (!opener) return -1;
  // a leading phrase is short: the scan is bounded so that a very long sentence stays linear
  for (let c = s + 1; c < Math.min(end, s + 40); c++) {
    const l = ix.low[c]!;
    // "Kicking off a stay in Washington, which includes talks …, Nogaideli met": a relative clause
    // inside the phrase runs to the next comma
    if (l === ',' && !/^(?:which|who|where)$/.test(ix.low[c + 1] ?? '')) return c + 1;
    if (isBoundary(ix, c) && !CLAUSE_WORDS.has(l)) return -1;
  }
  return -1;
}

/** True when token i sits in a sentence-initial adverbial phrase ("At a summit with Roh, …", "After talks with …,"). */
function inLeadingAdverbial(ix: DocIndex, i: number, lo: number): boolean {
  if (ix.low[lo] === 'also' || ix.low[lo] === 'meanwhile') lo++;
  const w = ix.low[lo]!;
  if (!PREP_START.has(w) && !/^[a-z]+ing$/.test(w)) return false;
  for (let c = lo; c < i; c++) if (ix.low[c] === ',' || isBoundary(ix, c)) return false;
  return true;
}

/** ", calling for …", ", thanking …": a present participle after a comma, with no subject of its own. */
function isAdjunct(ix: DocIndex, t: Trigger, lo: number): boolean {
  if (t.entry.noun || !/ing$/.test(ix.low[t.start]!)) return false;
  let p = t.start - 1;
  while (p > lo && isAdverb(ix.low[p]!)) p--;
  return p > lo && ix.low[p] === ',';
}

const ENVOY_NOUNS = new Set(
  'representative envoy spokesman spokeswoman spokesperson ambassador deputy aide adviser advisor emissary negotiator'.split(
    ' ',
  ),
);

/**
 * In a subject "X's envoy (in Y), NAME,", the token-level entity of NAME (a person set off by commas after a
 * possessive envoy noun); else null.
 */
function appositivePerson(ix: DocIndex, start: number, end: number): string | null {
  for (let k = start; k + 2 < end; k++) {
    const possessive = ix.low[k] === "'s" || (/'s$/.test(ix.low[k]!) && ix.entityAt[k]! >= 0);
    if (!possessive || !ENVOY_NOUNS.has(ix.low[k + 1]!)) continue;
    for (let c = k + 2; c < Math.min(end, k + 8); c++) {
      if (ix.low[c] !== ',') continue;
      const ei = ix.entityAt[c + 1]!;
      if (ei < 0 || ix.entities[ei]!.type !== 'PERSON') return null;
      const after = mentionEnd(ix, c + 1);
      return after < end && ix.low[after] === ',' ? ix.entities[ei]!.id : null;
    }
    return null;
  }
  return null;
}

/** Sentence-internal stops that no aside spans. */
function isBoundaryHard(l: string): boolean {
  return l === ';' || l === ':' || l === '.' || OPEN_QUOTES.test(l) || CLOSE_QUOTES.test(l);
}

/**
 * When the comma at k closes a parenthetical that follows a name ("Moscow, infuriated by …,", "Manbar, 51,
 * an owner of …,", "Olmert, who flew to Italy …,"), the index of its opening comma; else -1. A list of
 * names ("Denmark, France, and Germany") is not a parenthetical: its items start with a name.
 */
function parentheticalStart(ix: DocIndex, k: number, floor: number): number {
  for (let p = k - 1; p >= Math.max(floor, k - 25); p--) {
    const l = ix.low[p]!;
    if (l === ';' || l === ':' || OPEN_QUOTES.test(l) || CLOSE_QUOTES.test(l)) return -1;
    if (l !== ',') continue;
    const first = p + 1;
    if (first >= k) return -1;
    const f = ix.low[first]!;
    const ft = ix.tokens[first]!.text;
    const opens =
      /^(?:who|which|whose|where|a|an|just|once|still|now|long)$/.test(f) ||
      /^\d/.test(f) ||
      (/^\p{Ll}+(?:ed|ing)$/u.test(ft) && ix.entityAt[first]! < 0) ||
      // "Cohen, on the first stop of …,", "Rosales, for his part,"
      /^(?:on|in|at|during|after|before|like|unlike|despite|for)$/.test(f) ||
      (f === 'the' && ix.entityAt[first + 1]! < 0 && /^\p{Ll}/u.test(ix.tokens[first + 1]?.text ?? ''));
    if (!opens) return -1;
    const before = p - 1;
    if (before < floor) return -1;
    if (ix.entityAt[before]! >= 0 || /^\d/.test(ix.low[before]!)) return p;
    // "the Hamas movement, which …,", "The coalition, a cross-section of …,": a group noun before it
    if (AGENTIVE.has(ix.low[before]!) || GENERIC_HEADS.has(ix.low[before]!)) return p;
    return -1;
  }
  return -1;
}

/** True when a sentence-initial phrase ends in a comma followed closely by a name ("Slamming …, the Chinese envoy said"). */
function nameAfterLeadingPhrase(ix: DocIndex, lo: number, hi: number): boolean {
  const adv = leadingAdverbialEnd(ix, lo, hi);
  if (adv < 0) return false;
  for (let q = adv; q < Math.min(hi, adv + 5); q++) if (ix.entityAt[q]! >= 0) return true;
  return false;
}

/** Start of the clause after a sentence-initial participial phrase and its comma, or -1. */
function leadingParticiple(ix: DocIndex, lo: number, end: number): number {
  const w = ix.low[lo];
  if (w === undefined || ix.entityAt[lo]! >= 0 || !/^[a-z]+(?:ing|ed)$/.test(w)) return -1;
  for (let c = end - 1; c > lo; c--) {
    if (ix.low[c] === ',') {
      // the subject after the comma must name someone
      for (let q = c + 1; q < end; q++) if (ix.entityAt[q]! >= 0) return c + 1;
      return -1;
    }
  }
  return -1;
}

const FINITE_AUX = new Set('has have had is are was were will would did does'.split(' '));

/** A finite verb inside a subject region: an auxiliary, or a lower-case "-ed" word that takes an object. */
function finiteVerbAt(ix: DocIndex, q: number): boolean {
  const l = ix.low[q]!;
  if (ix.entityAt[q]! >= 0 || !/^\p{Ll}/u.test(ix.tokens[q]!.text)) return false;
  if (FINITE_AUX.has(l)) return true;
  if (!/[^e]ed$|^(?:won|got|took|gave|made|met|sent|held)$/.test(l)) return false;
  const prev = ix.low[q - 1] ?? '';
  if (NOUN_CONTEXT.has(prev) || FINITE_AUX.has(prev) || BE.has(prev)) return false;
  const next = ix.low[q + 1] ?? '';
  return OBJECT_START.has(next) || ix.entityAt[q + 1]! >= 0;
}

/** True when [from, to) holds a word that is neither an auxiliary, an adverb nor "and"/"but" (a verb's object). */
function contentBefore(ix: DocIndex, from: number, to: number): boolean {
  for (let q = from; q < to; q++) {
    const l = ix.low[q]!;
    if (/^\p{L}/u.test(l) && !AUX_WORDS.has(l) && !isAdverb(l)) return true;
  }
  return false;
}

/** Heads of documents that "welcome", "condemn" or "urge" on behalf of whoever adopted them. */
const DOC_NOUNS = new Set(
  'statement resolution declaration communique communiqué report letter motion text document'.split(' '),
);

/**
 * The antecedent of a relative pronoun at the clause start: "Ahmadinejad, who has threatened …" is
 * Ahmadinejad; "the Council adopted a statement that welcomed …" is the Council (a document speaks for the
 * one who adopted it). Null when the clause is not relative or the antecedent names nobody.
 */
function relativeAntecedent(ix: DocIndex, clause: number, lo: number): string[] | null {
  const r = clause - 1;
  if (r <= lo) return null;
  const rel = ix.low[r]!;
  if (rel !== 'who' && rel !== 'which' && rel !== 'that') return null;
  let q = r - 1;
  if (ix.low[q] === ',') q--;
  while (q > lo && ix.timeAt[q]! >= 0) q--;
  const id = q >= lo ? entAt(ix, q) : null;
  if (id && rel !== 'that') {
    const e = ix.entities[ix.entityAt[q]!]!;
    if (e.type !== 'NORP') {
      // "Russia and China, which …": a coordinated antecedent
      const out = [id];
      let p = ix.mentionStart[q]! >= 0 ? ix.mentionStart[q]! - 1 : q - 1;
      while (p > lo && (ix.low[p] === 'and' || ix.low[p] === ',')) {
        const other = entAt(ix, p - 1);
        if (!other || ix.entities[ix.entityAt[p - 1]!]!.type === 'NORP') break;
        if (!out.includes(other)) out.unshift(other);
        p = ix.mentionStart[p - 1]! >= 0 ? ix.mentionStart[p - 1]! - 1 : p - 2;
      }
      return out;
    }
  }
  if (DOC_NOUNS.has(ix.low[q] ?? '')) {
    const subj = mainSubject(ix, lo, q);
    return subj.length > 0 ? subj : null;
  }
  return null;
}

/**
 * The subject of a sentence's main clause: the names from its start (after a leading adverbial or
 * participial phrase) up to the first verb. Used for parts of a sentence that share that subject.
 */
/**
 * One past an unstripped dateline opening the sentence at lo ("BRUSSELS -", "Washington, Dec 3 (AFP) -",
 * "KABUL, Afghanistan, Nov 2 --"), else lo. The place there is where the story was filed, never a party, so
 * it must not join the subject of the first verb.
 */
function datelineEnd(ix: DocIndex, lo: number, hi: number): number {
  const id = entAt(ix, lo);
  if (!id || !isLocType(ix, id) || ix.mentionStart[lo] !== lo) return lo;
  for (let k = mentionEnd(ix, lo); k < Math.min(hi, lo + 14); k++) {
    const l = ix.low[k]!;
    if (/^(?:-|--|\u2013|\u2014)$/.test(l)) return k + 1;
    const t = ix.tokens[k]!.text;
    // the filing date, the country or the agency: commas, numbers, capitalised words, a bracketed agency
    if (!(l === ',' || l === '.' || l === '(' || l === ')' || /^\d{1,4}$/.test(l) || /^\p{Lu}/u.test(t)))
      return lo;
  }
  return lo;
}

function mainSubject(ix: DocIndex, lo: number, end: number): string[] {
  lo = Math.max(lo, datelineEnd(ix, lo, end));
  while (lo < end && (ix.low[lo] === 'also' || ix.low[lo] === 'meanwhile' || isAdverb(ix.low[lo]!))) lo++;
  // a sentence that opens with a quote: the subject follows it ('"…," Yushchenko told them, calling …')
  if (OPEN_QUOTES.test(ix.low[lo]!)) {
    let c = lo + 1;
    while (c < end && !CLOSE_QUOTES.test(ix.low[c]!)) c++;
    if (c < end) lo = c + 1;
  }
  let start = lo;
  if (
    PREP_START.has(ix.low[lo]!) ||
    leadingParticiple(ix, lo, end) > 0 ||
    (/ing$/.test(ix.low[lo]!) && nameAfterLeadingPhrase(ix, lo, end))
  ) {
    const adv = leadingAdverbialEnd(ix, lo, end);
    if (adv > 0) start = adv;
    else
      for (let c = lo; c < end; c++)
        if (ix.low[c] === ',') {
          start = c + 1;
          break;
        }
  }
  // the subject ends at the first verb
  let stop = start;
  for (; stop < end; stop++) {
    const l = ix.low[stop]!;
    if (
      ix.entityAt[stop]! < 0 &&
      /^\p{Ll}/u.test(ix.tokens[stop]!.text) &&
      (FINITE_AUX.has(l) || LEXICON.byWord.has(l) || isReportingVerb(ix, stop) || /[^e]ed$/.test(l))
    )
      break;
  }
  end = stop;
  const out: string[] = [];
  for (let q = start; q < end; q++) {
    const l = ix.low[q]!;
    const id = entAt(ix, q);
    if (!id) {
      // ("The coalition, a cross-section of … politicians, called …": a group noun's appositive too)
      const groupHead = q > start && (AGENTIVE.has(ix.low[q - 1]!) || GENERIC_HEADS.has(ix.low[q - 1]!));
      if (l === ',' && (out.length > 0 || groupHead) && ix.entityAt[q + 1]! < 0) {
        const open = q;
        // skip an appositive after the subject
        let c = open + 1;
        while (c < end && ix.low[c] !== ',') c++;
        q = c;
      }
      continue;
    }
    if (out.includes(id) || ix.timeAt[q]! >= 0 || locPrepped(ix, q, start)) continue;
    if (ix.mentionStart[q] === q && isModifier(ix, q, end)) {
      q = mentionEnd(ix, q) - 1;
      continue;
    }
    out.push(id);
  }
  return out;
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
    'counterparts guards gunmen security intelligence agents negotiator leadership cabinet countries nations ' +
    'states members member movement group faction militia coalition alliance front union council company party'
  ).split(' '),
);
/** Titles that may be followed by their remit ("envoy on …", "coordinator for …") before the name. */
const REMIT_NOUNS = new Set(
  'envoy envoys diplomat official representative ambassador negotiator coordinator adviser advisor mediator'.split(
    ' ',
  ),
);
/** Nouns that describe a company after its nationality ("Anglo-Dutch giant Royal Dutch Shell"). */
const COMPANY_NOUNS = new Set(
  'giant firm company group conglomerate major maker producer operator'.split(' '),
);
/** Words that end the lower-case run after a modifying name. */
const RUN_STOP = new Set(
  (
    'too also still now then however meanwhile already alone itself instead again ' +
    'is are was were be been has have had will would can could may might must should did does do and or but to of in ' +
    'on at for with by from as that which who not also has into over against about after before during ' +
    'since until amid despite under without through toward towards when while if unless'
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
  // "the New York-based group", "US-led forces": a name glued to a hyphenated modifier qualifies the noun
  if (e.type !== 'PERSON' && /-(?:based|led|backed|owned|run|controlled|funded|made)$/.test(ix.low[end - 1]!))
    return true;
  const after = ix.tokens[end - 1]!.end;
  if (ix.text[after] === '-' && e.type !== 'PERSON' && /^\p{L}/u.test(ix.text[after + 1] ?? '')) {
    const rest = ix.text.slice(after + 1, after + 10);
    if (/^(?:based|led|backed|owned|run|controlled|funded|made)\b/.test(rest)) return true;
  }
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
    if (
      !/^\p{Ll}/u.test(tx) ||
      RUN_STOP.has(l) ||
      isReportingVerb(ix, k) ||
      /ly$/.test(l) ||
      ix.timeAt[k]! >= 0
    )
      break;
    if (LEXICON.byWord.has(l) && head !== '') break;
    // "Russia began its invasion", "Pyongyang walked out": a past verb, not a head noun
    if (head === '' && LEXICON.past.has(l) && !/^(?:had|put|set|cut)$/.test(l)) break;
    if (
      head === '' &&
      /[^e]ed$/.test(l) &&
      !MODIFIER_PARTICIPLES.has(l) &&
      /^(?:out|up|off|back|down|away|in|on|to|the|a|an|its|their|his|her)$/.test(ix.low[k + 1] ?? '')
    )
      break;
    // "Russia failed to …": a verb, not a head noun
    if (/ed$/.test(l) && (RUN_STOP.has(ix.low[k + 1] ?? '') || OBJECT_START.has(ix.low[k + 1] ?? ''))) break;
    head = l;
  }
  // a nationality before a noun names the group ("Palestinian prisoners", "Swiss doctors")
  if (head === '' || e.type === 'NORP') return false;
  if (e.type === 'MISC') return true;
  // "the APEC statement urged …": an organisation speaks through the document it issues
  if (e.type === 'ORG' && DOC_NOUNS.has(head)) return false;
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
function entityGroup(
  ix: DocIndex,
  from: number,
  hi: number,
  lo: number,
  exclude: string[],
  stop: ReadonlySet<string> | null = null,
): string[] {
  const out: string[] = [];
  let k = from;
  const limit = Math.min(hi, from + 15);
  // find the first entity; an infinitive ("a plan to allow UN peacekeepers in") starts another clause
  while (k < limit && !isBoundary(ix, k) && ix.low[k] !== ',') {
    if (k > from && (infinitival(ix, k) || stop?.has(ix.low[k]!))) return out;
    const id = entAt(ix, k);
    if (id && !exclude.includes(id) && !locPrepped(ix, k, lo)) break;
    k++;
  }
  if (k >= limit || entAt(ix, k) === null || isBoundary(ix, k) || ix.low[k] === ',') return out;
  while (k < limit) {
    const id = entAt(ix, k);
    if (id) {
      // "Israeli Prime Minister Ehud Olmert", "his Russian counterpart, Sergei Lavrov": the person
      const p = personAfter(ix, k, limit);
      if (p >= 0) {
        k = p;
        continue;
      }
      if (!out.includes(id) && !exclude.includes(id)) out.push(id);
      k++;
      continue;
    }
    const l = ix.low[k]!;
    // "the Buddhist monk and the Taiwan authorities": a nationality's head noun, then more of the list
    const prev = k > from ? ix.entityAt[k - 1]! : -1;
    if (out.length > 0 && prev >= 0 && ix.entities[prev]!.type === 'NORP') {
      let q = k;
      while (
        q < limit &&
        q < k + 2 &&
        /^\p{Ll}+$/u.test(ix.tokens[q]!.text) &&
        !RUN_STOP.has(ix.low[q]!) &&
        !LEXICON.byWord.has(ix.low[q]!)
      )
        q++;
      if (q > k && ix.low[q] === 'and') {
        k = q;
        continue;
      }
    }
    // "Iraq's neighbours Iran and Syria", "Russia's ally Belarus": the possessed names are the group
    if (l === "'s" && out.length > 0) {
      let q = k + 1;
      while (
        q < limit &&
        q < k + 3 &&
        !entAt(ix, q) &&
        /^\p{Ll}+$/u.test(ix.tokens[q]!.text) &&
        !RUN_STOP.has(ix.low[q]!) &&
        !LEXICON.byWord.has(ix.low[q]!)
      )
        q++;
      if (q > k + 1 && q < limit && entAt(ix, q) && !locPrepped(ix, q, lo)) {
        out.pop();
        k = q;
        continue;
      }
    }
    // continue through coordination to another entity, but not to the speaker ("…, Eisin said")
    if (l === 'and' || l === ',' || l === 'or' || l === 'the' || l === "'s") {
      let q = k + 1;
      while (q < limit && (ix.low[q] === 'the' || ix.low[q] === 'and')) q++;
      // "Hashimoto and President Bill Clinton": a title before the next name
      let title = q;
      while (
        title < limit &&
        title < q + 3 &&
        !entAt(ix, title) &&
        ix.timeAt[title]! < 0 &&
        /^\p{Lu}\p{Ll}+$/u.test(ix.tokens[title]!.text)
      )
        title++;
      if (
        title > q &&
        title < limit &&
        entAt(ix, title) &&
        ix.entities[ix.entityAt[title]!]!.type === 'PERSON'
      )
        q = title;
      if (q < limit && entAt(ix, q) && l !== "'s") {
        const after = mentionEnd(ix, q);
        // "with Prodi, Olmert will …": after a comma, a name that is not followed by more of the list starts
        // a clause
        if (l === ',' && after < hi && !/^(?:,|and|or|\)|\.)$/.test(ix.low[after]!)) break;
        k = q;
        continue;
      }
    }
    break;
  }
  return out;
}

/**
 * When the (non-person) mention at k only qualifies a person named right after it ("Israeli Prime Minister
 * Ehud Olmert", "his Russian counterpart, Sergei Lavrov", "US Defense Secretary William Cohen"), the token of
 * that person; else -1.
 */
function personAfter(ix: DocIndex, k: number, limit: number): number {
  const e = ix.entities[ix.entityAt[k]!]!;
  if (e.type === 'PERSON') return -1;
  let q = mentionEnd(ix, k);
  let comma = false;
  let posted = false;
  /** Inside the remit of a title ("UN diplomat on Lebanese ties with Syria Terje Roed-Larsen"). */
  let remit = false;
  // "Anglo-Dutch giant Royal Dutch Shell", "US firm Halliburton": a nationality and a company noun describe the
  // organisation named right after them
  if (
    (e.type === 'NORP' || e.type === 'MISC') &&
    COMPANY_NOUNS.has(ix.low[q] ?? '') &&
    ix.entityAt[q + 1]! >= 0
  ) {
    const o = ix.entities[ix.entityAt[q + 1]!]!;
    if (o.type === 'ORG') return q + 1;
  }
  for (let n = 0; q < limit && n < (remit ? 10 : 6); n++, q++) {
    const ei = ix.entityAt[q]!;
    if (ei >= 0) {
      const p = ix.entities[ei]!;
      if (remit && p.type !== 'PERSON') {
        q = mentionEnd(ix, q) - 1;
        continue;
      }
      if (p.type !== 'PERSON') return -1;
      if (e.country && p.country && p.country !== e.country && !posted) return -1;
      return q;
    }
    const l = ix.low[q]!;
    if (l === ',' && !comma && n > 0) {
      comma = true;
      continue;
    }
    // "Minister of defence", "Secretary of State Condoleezza Rice"
    if (l === 'of' && n > 0 && /^\p{L}/u.test(ix.tokens[q + 1]?.text ?? '')) continue;
    // "the top UN diplomat on Lebanese ties with Syria Terje Roed-Larsen": a remit after an envoy noun, with
    // the names it mentions, still leads to the person
    if ((l === 'on' || l === 'for') && n > 0 && REMIT_NOUNS.has(ix.low[q - 1]!)) {
      remit = true;
      continue;
    }
    if (remit && (l === 'with' || l === 'and' || l === 'the' || /^\p{Ll}+$/u.test(ix.tokens[q]!.text))) {
      if (isReportingVerb(ix, q) || LEXICON.byWord.has(l) || (RUN_STOP.has(l) && l !== 'with' && l !== 'and'))
        return -1;
      continue;
    }
    // "US ambassador in Iraq Zalmay Khalilzad", "envoy to Sudan Jan Pronk": the posting is part of the title
    if ((l === 'in' || l === 'to') && n > 0 && ix.entityAt[q + 1]! >= 0) {
      const g = ix.entities[ix.entityAt[q + 1]!]!;
      if (g.type === 'GPE' && ix.entityAt[mentionEnd(ix, q + 1)]! >= 0) {
        q = mentionEnd(ix, q + 1) - 1;
        posted = true;
        continue;
      }
    }
    if (comma || RUN_STOP.has(l) || !/^[\p{L}.-]/u.test(ix.tokens[q]!.text) || isReportingVerb(ix, q))
      return -1;
    if (LEXICON.byWord.has(l)) return -1;
  }
  return -1;
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
  // "called him a puppet", "branded Rosales a liar": the one named is between the verb and the insult
  // ("would not follow the US example": the one whose example it is)
  if (t.rule === 'lex:111:call/called' || t.rule === 'lex:120:follow/followed') {
    for (let k = t.end; k < t.consumedEnd; k++) {
      const id = entAt(ix, k);
      if (id && !actors.includes(id)) return [id];
    }
    return [];
  }
  // "blocked a common EU stance on China": what is blocked is the named party's own stance
  if (t.type === 'REJECT' && t.entry.obj) {
    for (let k = t.end; k < t.consumedEnd - 1; k++) {
      const id = entAt(ix, k);
      if (!id || actors.includes(id)) continue;
      if (
        /-(?:based|led|backed|owned|run|controlled|funded|made|sponsored)$/.test(
          ix.low[mentionEnd(ix, k) - 1]!,
        )
      )
        continue;
      return [id];
    }
  }
  // "accused western nations of turning a blind eye to China's progress": the charge is not a party
  const group = entityGroup(ix, from, hi, lo, actors, /^11[25]/.test(t.cameo ?? '') ? CHARGE_STOP : null);
  if (group.length > 0 || !/^11[14]/.test(t.cameo ?? '')) return group;
  // "regret to say that the Peruvian government did not notify us", "complained that Israel …": what is
  // deplored is done by the subject of the that-clause
  for (let k = from; k < Math.min(hi, from + 5); k++) {
    const l = ix.low[k]!;
    if (l === 'that') {
      let q = k + 1;
      if (ix.low[q] === 'the') q++;
      const id = entAt(ix, q);
      return id && !actors.includes(id) && !isModifier(ix, q, hi) ? [id] : [];
    }
    if (l !== 'to' && l !== 'say' && l !== 'note' && !isAdverb(l)) break;
  }
  return group;
}

const CHARGE_STOP: ReadonlySet<string> = new Set(['of', 'for', 'over']);

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
      // "the Israeli attack", "US sanctions": a nationality or a country (not a city or square, which is
      // where it happened) names the actor; a meeting's sides are never read off a modifier
      const e = ix.entities[ix.entityAt[k]!]!;
      const country = e.type === 'NORP' || (e.type === 'GPE' && !!e.kb?.startsWith('country:'));
      if (country && t.type !== 'CONSULT') t.actors = [id];
      break;
    }
    // only adjectives may stand between ("Israel remained opposed to talks" names no actor of the talks;
    // "Richardson's address in protest" names no protester)
    const l = ix.low[k]!;
    if (isBoundary(ix, k) || l === ',' || /^(?:to|in|at|on|by|as)$/.test(l) || !nounModifierWord(ix, k))
      break;
  }
  const consult = t.type === 'CONSULT';
  const placeEnd = consult ? afterTime(ix, t.end, hi) : t.end;
  for (let k = t.end; k < Math.min(hi, t.end + 8); k++) {
    const l = ix.low[k]!;
    if (k < placeEnd) continue;
    if (isBoundary(ix, k) || l === ',') break;
    if (l === 'by' && t.actors.length === 0) {
      t.actors = entityGroup(ix, k + 1, hi, lo, []);
      // "by Singapore, Japan and Indonesia over …": step over the list the group came from
      let q = k + 1;
      while (
        q < hi &&
        (ix.entityAt[q]! >= 0 || ix.low[q] === ',' || ix.low[q] === 'and' || ix.low[q] === 'the')
      )
        q++;
      if (t.actors.length > 1) k = q - 1;
      continue;
    }
    // "talks between Uganda and the LRA", "the visit of Putin to Jordan" ("a ceasefire between Israel and
    // the Palestinians", "an agreement between X and Y": both sides made it)
    if (t.type === 'AGREE' && l === 'between' && k === t.end && t.actors.length === 0) {
      t.actors = entityGroup(ix, k + 1, hi, lo, []);
      continue;
    }
    if (
      consult &&
      k === afterTime(ix, t.end, hi) &&
      (l === 'between' || l === 'of') &&
      t.actors.length === 0
    ) {
      t.actors = entityGroup(ix, k + 1, hi, lo, []);
      continue;
    }
    // "a summit with President Roh", "talks with Lavrov"
    if (consult && l === 'with' && t.targets.length === 0) {
      t.targets = entityGroup(ix, k + 1, hi, lo, t.actors);
      continue;
    }
    // "its invasion of Ukraine", "the bombing of Belgrade"
    const ofTarget =
      l === 'of' &&
      k === t.end &&
      (t.type === 'FIGHT' || t.type === 'ASSAULT' || t.type === 'COERCE' || t.type === 'DISAPPROVE');
    if (
      (l === 'to' ||
        l === 'against' ||
        l === 'with' ||
        l === 'on' ||
        l === 'into' ||
        ofTarget ||
        // "concern raised by X over Y"
        ((l === 'over' || l === 'about') && t.type === 'DISAPPROVE')) &&
      t.targets.length === 0
    ) {
      // the object must follow the preposition directly ("to Russia", "against the DPRK"), not somewhere
      // in a later phrase ("imposed … to serve US policy goals")
      let q = k + 1;
      if (ix.low[q] === 'the') q++;
      // "concern over possible Chinese dominance": what is feared may carry an adjective or two
      if (l === 'over' || l === 'about')
        for (let n = 0; n < 2 && q < hi && !entAt(ix, q) && /^\p{Ll}+$/u.test(ix.tokens[q]!.text); n++) q++;
      // "a visit to the neighbouring Czech Republic": an adjective may stand before the name
      else for (let n = 0; n < 2 && q < hi && !entAt(ix, q) && ADJECTIVE.test(ix.tokens[q]!.text); n++) q++;
      if (entAt(ix, q) && !isModifier(ix, q, hi)) t.targets = entityGroup(ix, q, hi, lo, t.actors);
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

/** True when a past-tense verb (a reporting verb or a trigger) precedes token `end` in its sentence. */
function pastBefore(ix: DocIndex, lo: number, end: number): boolean {
  for (let k = lo; k < end; k++) {
    const l = ix.low[k]!;
    if (ix.entityAt[k]! >= 0) continue;
    if ((isReportingVerb(ix, k) && /(?:ed|told|said|wrote)$/.test(l)) || LEXICON.past.has(l)) return true;
    // "the Tribunal published a judgement rejecting …": a finite past verb after its named subject
    if (/[^e]ed$/.test(l) && k > lo && ix.entityAt[k - 1]! >= 0 && /^\p{Ll}/u.test(ix.tokens[k]!.text))
      return true;
  }
  return false;
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
  if (LEXICON.byWord.has(ix.low[k + 1]!) && !/^(?:the|a|an)$/.test(ix.low[k + 1]!)) return true;
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
  adjunct = false,
): { time: string | null; date: string | null } {
  const pick = (ti: number) => {
    const tm = ix.times[ti]!;
    const date = tm.value && /^\d{4}/.test(tm.value) ? tm.value : null;
    return { time: tm.id, date };
  };
  const usable = (ti: number) => {
    const tm = ix.times[ti]!;
    if (tm.type === 'DURATION' || tm.type === 'SET' || !tm.value) return false;
    // "the 2005 Nobel Peace Prize", "the 1989 Tiananmen Square massacre": a year naming a thing
    if (/^\d{4}$/.test(tm.value)) {
      const k = tokenAtOrAfter(ix.tokens, tm.start);
      if (k > 0 && ix.low[k - 1] === 'the') return false;
    }
    return true;
  };
  if (t.entry.noun) {
    // "Tuesday's attack"
    if (t.start - 2 >= start && ix.low[t.start - 1] === "'s" && ix.timeAt[t.start - 2]! >= 0) {
      const ti = ix.timeAt[t.start - 2]!;
      if (usable(ti)) return pick(ti);
    }
    // "its August 1990 invasion", "the March 2003 invasion": a time inside the noun's own phrase
    {
      const k = t.start - 1;
      const ti = k >= start ? ix.timeAt[k]! : -1;
      let d = k;
      while (ti >= 0 && d > start && ix.timeAt[d - 1] === ti) d--;
      if (ti >= 0 && /^(?:its|their|his|her|the|'s)$/.test(ix.low[d - 1] ?? '') && usable(ti))
        return pick(ti);
    }
    const reach = t.type === 'CONSULT' ? 12 : 8;
    for (let k = t.end; k < Math.min(hi, t.end + reach); k++) {
      const ti = ix.timeAt[k]!;
      if (ti >= 0 && usable(ti)) return pick(ti);
      if (isBoundary(ix, k) || ix.low[k] === ',' || infinitival(ix, k)) break;
      // "Talks between A and B ended on Monday", "the talks were held in Beijing on Thursday": the verb the
      // meeting is subject of dates it
      if (LEXICON.byWord.has(ix.low[k]!) && !(t.type === 'CONSULT' && ASPECT_VERBS.has(ix.low[k]!))) break;
    }
    // "…, said Vranitzky after talks with Fino": a meeting in an after/following adverbial of a past report
    // happened that day (the report's own date rules apply)
    if (t.type === 'CONSULT' && ix.published && modality !== 'expected' && modality !== 'hypothetical') {
      let p = t.start - 1;
      while (
        p > start &&
        p >= t.start - 4 &&
        nounModifierWord(ix, p) &&
        !/^(?:after|following)$/.test(ix.low[p]!)
      )
        p--;
      const sLo = ix.sentStart[ix.tokens[t.start]!.sentence]!;
      if (/^(?:after|following)$/.test(ix.low[p] ?? '') && pastBefore(ix, sLo, t.start)) {
        // "Bush said Thursday after talks with Maliki": the report's own time
        const ti = p - 1 >= sLo ? ix.timeAt[p - 1]! : -1;
        if (ti >= 0 && usable(ti)) return pick(ti);
        return { time: null, date: ix.published };
      }
    }
    // "On April 7, the UN launched an urgent appeal": a noun that a verb carries out is dated like that verb
    const sLo0 = ix.sentStart[ix.tokens[t.start]!.sentence]!;
    if (!heldBy(ix, t.start, sLo0)) return { time: null, date: null };
  }
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  // "welcomed the renewal early this month … and pledged to …": a coordinated verb's time follows the "and"
  let back = start;
  for (let k = t.start - 1; k > start; k--) {
    if (isAdverb(ix.low[k]!)) continue;
    if (ix.low[k] === 'and') back = t.start;
    break;
  }
  // "Benedict, who hopes one day to visit …, on Wednesday met": a relative clause ends at its comma
  const relative = start > 0 && /^(?:who|which)$/.test(ix.low[start - 1]!);
  for (let k = back; k < t.start; k++) {
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
      if (relative && l === ',') break;
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
  // "Tuesday when Peruvian troops stormed the compound": the time the when-clause hangs on
  if (
    start - 2 >= 0 &&
    ix.low[start - 1] === 'when' &&
    ix.timeAt[start - 2]! >= 0 &&
    usable(ix.timeAt[start - 2]!)
  )
    return pick(ix.timeAt[start - 2]!);
  const realis = modality === 'asserted' || modality === 'reported';
  const sLo = ix.sentStart[ix.tokens[t.start]!.sentence]!;
  // "collapsed on Wednesday night after the SCIC refused …": an after/as/when clause without a time of its
  // own happened when the clause it hangs on did
  if (realis && start - 1 > sLo && /^(?:after|as|when)$/.test(ix.low[start - 1]!)) {
    for (let k = start - 2; k >= Math.max(sLo, start - 12); k--) {
      if (isBoundary(ix, k) && !CLAUSE_WORDS.has(ix.low[k]!)) break;
      const ti = ix.timeAt[k]!;
      if (ti >= 0 && usable(ti)) return pick(ti);
    }
  }
  // "On Saturday, Mobutu offered …, although he dismissed …", "At Thursday's meeting, the Board decided that
  // it would not …": a time that opens the sentence dates its other events too
  const adv = leadingAdverbialEnd(ix, sLo, t.start);
  if (realis && adv > 0 && adv <= start && PREP_START.has(ix.low[sLo]!)) {
    for (let k = sLo; k < Math.min(adv, sLo + 4); k++) {
      const ti = ix.timeAt[k]!;
      if (ti >= 0 && usable(ti)) return pick(ti);
    }
  }
  let aux = t.start - 1;
  while (aux >= start && isAdverb(ix.low[aux]!)) aux--;
  // "were meeting": a past progressive; ", calling for …" after a past main verb
  const past =
    LEXICON.past.has(ix.low[t.start]!) ||
    // "was disappointed with", "felt regretful about": an attitude in the past
    (/^lex:111:(?:disappointed|concerned|regretful)$/.test(t.rule) &&
      /^(?:was|were|felt|seemed|appeared)$/.test(ix.low[aux] ?? '')) ||
    (/ing$/.test(ix.low[t.start]!) && aux >= start && (ix.low[aux] === 'was' || ix.low[aux] === 'were')) ||
    (adjunct && pastBefore(ix, ix.sentStart[ix.tokens[t.start]!.sentence]!, t.start));
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
