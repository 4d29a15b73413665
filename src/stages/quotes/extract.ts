import type { Token } from '../../core/document.js';
import type { Entity, Quote, QuoteKind, Span, TextSpan } from '../../core/types.js';
import {
  CLOSE_KIN,
  PRONOUNS as ENGLISH_PRONOUNS,
  SUBJECT_PRONOUNS as ENGLISH_SUBJECT_PRONOUNS,
  NEGATORS,
  POSSESSIVE_DETERMINERS,
} from '../../knowledge/english/index.js';
import {
  CUE_PREFIX,
  type CueClass,
  cueClass,
  DETERMINERS,
  isParticiple,
  OBJECT_VERBS,
  ORG_NOUNS,
  PERSON_NOUNS,
  PRONOUNS,
  SUBJECT_STOP,
} from './lexicon.js';
import { findQuoteRegions, isQuoteMark, type QuoteRegion } from './marks.js';

/** A quote as the stage emits it: the public fields plus the rule and the speaker phrase (added fields). */
export interface ExtractedQuote extends Quote {
  /** Which extractor produced it. */
  rule: string;
  /** The speaker phrase in the text ("he", "the White House official"), or null. */
  speakerSpan: TextSpan | null;
}

/** Input of the extractor: the layers the quotes stage reads. */
export interface QuoteInput {
  text: string;
  paragraphs: readonly Span[];
  sentences: readonly Span[];
  tokens: readonly Token[];
  entities: readonly Entity[];
}

interface Mention {
  start: number;
  end: number;
  entity: Entity;
}

/** A resolved speaker: an entity id, a nominal name without an entity, and whether it is a person (null: unknown). */
interface SpeakerRef {
  speaker: string | null;
  name: string | null;
  person: boolean | null;
}

/** A found attribution before speaker resolution; token ranges are half-open. */
interface Candidate {
  kind: QuoteKind;
  rule: string;
  content: Span; // characters
  cue: [number, number] | null; // tokens
  source: [number, number] | null; // tokens
  paragraph: number;
  /** Token index where the candidate sits in reading order. */
  anchor: number;
  /** For direct quotes without a cue: inherit from an adjacent quote. */
  inherit: boolean;
  region: QuoteRegion | null;
  speaker: string | null;
  speakerName: string | null;
  speakerSpan: [number, number] | null;
  person: boolean | null;
  /** Participle cues take the speaker of the main clause in the same sentence. */
  sentence: number;
  participle: boolean;
}

/**
 * A wire dateline standing alone before a colon or dash ("BAGHDAD, Dec 3, 2006 (AFP)", "KABUL, Afghanistan,
 * Nov. 2, 2005"): place and date of filing, so nothing in it can be a speaker.
 */
const DATELINE_LEAD =
  /^\s*[A-Z][A-Za-z .'-]*,(?:\s*[A-Z][A-Za-z .'-]*,)?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*\d{1,2}\s*(?:,\s*\d{4}\s*)*(?:\([A-Za-z -]+\)\s*)?[-\u2013\u2014]*\s*$/;

const CLAUSE_PUNCT = new Set([',', ';', ':', '(', ')', '—', '--', '–', '[', ']']);
const END_PUNCT = new Set(['.', '?', '!', '...', '…']);
/** Personal pronouns that may open a clause as its subject. */
/** Third-person subject pronouns. */
const SUBJECT_PRONOUNS = new Set(
  [...ENGLISH_SUBJECT_PRONOUNS].filter((w) => ENGLISH_PRONOUNS.get(w)!.person === 3),
);
/** Verbs of `as X put it` / `as X called it` (an object pronoun follows). */
const AS_PUT_OBJECT = new Set([
  'put',
  'puts',
  'called',
  'calls',
  'described',
  'describes',
  'termed',
  'terms',
  'dubbed',
  'phrased',
]);
/** Verbs of `as Smith wrote, "…"` (punctuation or a quotation mark follows). */
const AS_PUT_BARE = new Set(['said', 'says', 'wrote', 'writes', 'noted', 'notes', 'tweeted', 'remarked']);
/** Dashes that sign a quote with its author's name (`"…" ― Name`). */
const DASHES = new Set(['―', '—', '–', '--', '-']);
const ORG_TYPES = new Set(['ORG', 'GPE', 'NORP', 'FAC', 'LOC']);
const MAX_SUBJECT = 12;
/** Prepositions that open a place or time phrase, not a speaker ("in Geneva", "at the summit"). */
const LEADING_PREPS = new Set([
  'in',
  'at',
  'from',
  'during',
  'after',
  'near',
  'inside',
  'outside',
  'across',
  'on',
]);
/** More openers of a sentence-initial phrase before the subject ("In his speech, ElBaradei …"). */
const SENTENCE_PREPS = new Set(['before', 'with', 'despite', 'for', 'following', 'under', 'asked', 'later']);
/** Subordinators opening a clause before the main one ("Although the IMF …, it referenced …"). */
const SUBORDINATORS = new Set([
  'although',
  'though',
  'while',
  'when',
  'as',
  'if',
  'because',
  'since',
  'after',
  'before',
  'once',
  'whereas',
]);
/** Prepositions whose object is no subject ("under president Saddam", "with Kim"). */
const OBJECT_PREPS = new Set([
  'under',
  'of',
  'by',
  'with',
  'to',
  'for',
  'in',
  'on',
  'at',
  'from',
  'against',
  'about',
  'than',
  'like',
  'between',
]);
/** How many earlier attributions a speaker look-back visits at most (keeps resolution linear). */
const HISTORY_REACH = 40;
/** Possessive pronouns: a mention of someone, never a sentence's subject. */
const POSSESSIVES = POSSESSIVE_DETERMINERS;
/** Time and place adverbs that can trail a speaker phrase ("Liu Jianchao Thursday", "the minister here"). */
const TRAILING_ADVERBS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|here|there|earlier|later|again|also)$/;
/** Negations between a subject and its cue ("he did not say"). */
/** Clause negators, but not the determiner "no" ("no official said" is a speaker, not a negated cue). */
const NEGATIONS = new Set([...NEGATORS].filter((w) => w !== 'no'));
/** First words of a phrase before a cue that cannot open a speaker ("from saying", "for refusing"). */
const JUNK_OPENERS = new Set([
  'from',
  'for',
  'with',
  'in',
  'of',
  'at',
  'by',
  'to',
  'on',
  'about',
  'into',
  'over',
  'without',
  'during',
  'like',
  'up',
  'together',
  'forcefully',
]);
/** Head nouns of documents that "say" things for their author ("the message said", "the report added"). */
const DOC_NOUNS = new Set([
  'message',
  'statement',
  'report',
  'resolution',
  'paper',
  'letter',
  'communique',
  'declaration',
  'document',
  'note',
  'memo',
  'study',
  'readout',
  'text',
  'editorial',
  'commentary',
]);
/** Cue forms that are never nouns, so a possessive before them is a name's ending ("Poor's said"). */
const VERB_ONLY = new Set(['said', 'told', 'says', 'tells', 'added']);
/** Heads of media names: "the Kommersant daily", "Libyan television", "the state news agency". */
const MEDIA_NOUNS = new Set([
  'daily',
  'newspaper',
  'weekly',
  'agency',
  'television',
  'tv',
  'radio',
  'broadcaster',
  'channel',
  'station',
]);
/** Relatives by the sex a pronoun refers to: "his wife" may be the "she" who speaks next. */
const KIN = CLOSE_KIN;
/** Participles naming a document's author after it ("a paper penned by X", "a statement issued by X"). */
const AUTHOR_PARTICIPLES = new Set([
  'penned',
  'written',
  'authored',
  'signed',
  'issued',
  'released',
  'drafted',
]);
/** Person nouns that describe someone other than the story's main actor ("the witness", "a resident"). */
const ANONYMOUS_NOUNS = new Set([
  // a spokesperson named nowhere is someone other than the person the story follows
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'source',
  'witness',
  'resident',
  'man',
  'woman',
  'soldier',
  'police',
  'policeman',
  'member',
  'expert',
  'analyst',
  'diplomat',
  'official',
  'people',
  'child',
  'boy',
  'girl',
  'victim',
  'survivor',
  'passenger',
]);
/** Phrasal cues: verb form → the particle it needs ("talked about", "referring to", "pointed to"). */
const PHRASAL = new Map<string, string>();
for (const [forms, particle] of [
  [['talk', 'talks', 'talked', 'talking'], 'about'],
  [['refer', 'refers', 'referred', 'referring'], 'to'],
  [['point', 'pointed', 'pointing'], 'to'],
  [['appear', 'appears', 'appeared'], 'to'],
  [['spoke', 'speaks', 'speaking'], 'about'],
  [['complained', 'complains', 'complaining'], 'about'],
  [['worried', 'worries'], 'about'],
  [['vote', 'votes', 'voted', 'voting'], 'for'],
] as const)
  for (const f of forms) PHRASAL.set(f, particle);
/** Conjunctions that may open a coordinated attribution ("…, but he said …"). */
const CONJ = new Set(['and', 'but', 'while', 'although', 'though', 'yet']);
/** First words of an appositive or relative clause after a name ("X, a spokesman, said"). */
const APPOSITIVE_OPEN = new Set([
  'a',
  'an',
  'the',
  'who',
  'whose',
  'his',
  'her',
  'their',
  'its',
  'one',
  'now',
  'then',
  'including',
  'both',
  'former',
]);
/** A US party and state tag after a politician's name: "R-Ky.", "D-S.C.", "I-Vt.". */
const PARTY_TAG = /^[RDI]-[A-Z][A-Za-z.]*$/;
/** Auxiliaries and modals: a phrase holding one is a clause, not a speaker. */
const CLAUSE_VERBS = new Set([
  'is',
  'was',
  'were',
  'are',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'should',
  'can',
  'may',
  'might',
  'must',
  'did',
  'does',
  'do',
  "won't",
  "can't",
  "isn't",
  "wasn't",
]);
/** Words before a cue word that make it a noun ("a report", "his claims", "China's warning"). */
const NOUN_BEFORE = new Set([
  'a',
  'an',
  'the',
  'this',
  'these',
  'those',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  "'s",
  '’s',
  'new',
  'no',
  'any',
  'such',
  'of',
]);

function isCapitalised(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  return s[0] !== s[0]!.toLowerCase();
}

function isWordToken(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

/** Whether two words differ by exactly one inserted or deleted letter ("Lehman" / "Lehmann"). */
function oneIndelApart(x: string, y: string): boolean {
  const [s, l] = x.length < y.length ? [x, y] : [y, x];
  if (l.length - s.length !== 1) return false;
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

/**
 * Finds direct, partial and indirect quotes with cue and speaker. Runs in time linear in the number of
 * tokens: every look-around is bounded. See the stage's JSDoc for the rules.
 */
export function extractQuotes(input: QuoteInput): ExtractedQuote[] {
  const ex = new Extractor(input);
  return ex.run();
}

class Extractor {
  readonly text: string;
  readonly toks: readonly Token[];
  readonly low: string[];
  readonly sentFirst: Int32Array;
  readonly sentLast: Int32Array; // exclusive
  readonly paraOf: Int32Array;
  readonly regionOf: Int32Array; // double-quote region index per token, -1 outside
  readonly regions: QuoteRegion[];
  readonly mentions: Mention[];
  readonly entities: readonly Entity[];
  readonly input: QuoteInput;
  readonly entityById: Map<string, Entity>;
  /** Per-entity caches, so that look-ups stay linear on documents with huge entities. */
  private readonly genders = new Map<Entity, 'm' | 'f' | null>();
  private bySurname: Map<string, Entity> | null = null;
  private readonly typos = new Map<Entity, Entity | null>();
  private owners: { byStart: Candidate[]; bySentence: Map<number, Candidate> } | null = null;
  /** Token after the cue of the last quote attributed by a cue after it (for the split quote's rest). */
  private splitCueEnd = -1;
  /** Token right after the last dash signature (`"…" ― Ann Lee`), where a listed next quote may open. */
  private signatureEnd = -1;

  constructor(input: QuoteInput) {
    this.input = input;
    this.text = input.text;
    this.toks = input.tokens;
    this.entities = input.entities;
    this.entityById = new Map(input.entities.map((e) => [e.id, e]));
    const n = this.toks.length;
    this.low = this.toks.map((t) => t.text.toLowerCase());
    const ns = input.sentences.length;
    this.sentFirst = new Int32Array(ns).fill(-1);
    this.sentLast = new Int32Array(ns).fill(-1);
    for (let i = 0; i < n; i++) {
      const s = this.toks[i]!.sentence;
      if (s < 0 || s >= ns) continue;
      if (this.sentFirst[s] === -1) this.sentFirst[s] = i;
      this.sentLast[s] = i + 1;
    }
    this.paraOf = new Int32Array(n).fill(-1);
    let p = 0;
    const paras = input.paragraphs;
    for (let i = 0; i < n; i++) {
      const t = this.toks[i]!;
      while (p < paras.length && paras[p]!.end <= t.start) p++;
      this.paraOf[i] = p;
    }
    this.regions = findQuoteRegions(this.toks, paras);
    this.regionOf = new Int32Array(n).fill(-1);
    this.regions.forEach((r, ri) => {
      if (r.single) return;
      const end = r.close >= 0 ? r.close + 1 : r.to;
      for (let i = r.open; i < end; i++) this.regionOf[i] = ri;
    });
    const ms: Mention[] = [];
    for (const e of input.entities)
      for (const m of e.mentions) ms.push({ start: m.start, end: m.end, entity: e });
    ms.sort((a, b) => a.start - b.start || b.end - a.end);
    this.mentions = ms;
  }

  run(): ExtractedQuote[] {
    const cands: Candidate[] = [];
    const partials: QuoteRegion[] = [];
    this.regions.forEach((r) => {
      const c = this.classifyRegion(r);
      if (c === 'partial') partials.push(r);
      else if (c) cands.push(c);
    });
    const directSpans = cands.map((c) => c.content);
    this.findIndirect(cands, directSpans);
    cands.sort((a, b) => a.anchor - b.anchor);
    this.resolveSpeakers(cands);
    const out: ExtractedQuote[] = [];
    for (const c of cands) out.push(this.toQuote(c));
    for (const r of partials) {
      const q = this.partialQuote(r, cands);
      if (q) out.push(q);
    }
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    out.forEach((q, i) => {
      q.id = `q${i + 1}`;
    });
    return out;
  }

  // ---------------------------------------------------------------- direct quotes

  private contentSpan(from: number, to: number): Span | null {
    let a = from;
    let b = to;
    while (b > a && (this.low[b - 1] === ',' || isQuoteMark(this.low[b - 1]!))) b--;
    while (a < b && isQuoteMark(this.low[a]!)) a++;
    if (b <= a) return null;
    return { start: this.toks[a]!.start, end: this.toks[b - 1]!.end };
  }

  /** Looks like a name or title rather than speech: short, every word capitalised, no final punctuation. */
  private isTitleLike(r: QuoteRegion): boolean {
    const n = r.to - r.from;
    if (n > 6) return false;
    let words = 0;
    for (let i = r.from; i < r.to; i++) {
      const s = this.toks[i]!.text;
      if (END_PUNCT.has(s) || s === ',') return false;
      if (!isWordToken(s)) continue;
      words++;
      if (!isCapitalised(s) && !['of', 'the', 'and', 'for', 'in', 'on', 'to', 'a'].includes(s)) return false;
    }
    return words > 0;
  }

  /** Whether the quote opens a clause (sentence start, after ":" or after a cue) — the mark of direct speech. */
  private opensClause(r: QuoteRegion): boolean {
    const o = r.open;
    const s = this.toks[o]!.sentence;
    if (this.sentFirst[s] === o) return true;
    if (o > 0 && this.paraOf[o - 1] !== this.paraOf[o]) return true;
    // a quote opening a line of its own, even where no paragraph break was found
    if (o > 0 && this.text.slice(this.toks[o - 1]!.end, this.toks[o]!.start).includes('\n')) return true;
    const prev = this.low[o - 1];
    if (prev === ':') return true;
    // `"…" ― Ann Lee "…"`: the next quote of a signed list
    if (o === this.signatureEnd) return true;
    if (prev && cueClass(prev)) return true;
    if ((prev === ',' || prev === 'that') && o >= 2 && cueClass(this.low[o - 2]!)) return true;
    // `The businessman says of Clinton, "…"`: the cue's topic between it and the quote
    if (prev === ',') {
      for (let i = o - 2; i > o - 7 && i > 0; i--) {
        const w = this.low[i]!;
        if (CLAUSE_PUNCT.has(w) || END_PUNCT.has(w) || isQuoteMark(w)) break;
        if (w === 'of' && cueClass(this.low[i - 1]!) && this.cueAt(i - 1)) return true;
      }
    }
    // `"…," the judge exclaimed, "…"`: the rest of a quote split around a cue found after its first part
    if (prev === ',' && o >= 2 && this.splitCueEnd === o - 1) return true;
    return false;
  }

  private classifyRegion(r: QuoteRegion): Candidate | 'partial' | null {
    if (this.isTitleLike(r)) return null;
    const n = r.to - r.from;
    const after = r.close >= 0 ? this.cueAfterQuote(r) : null;
    if (r.single) return n >= 1 ? 'partial' : null;
    // a quote signed with its author's name after a dash is speech in its own right
    const dash = after ? null : this.dashSignature(r);
    const direct = (this.opensClause(r) && (n >= 3 || after !== null)) || (dash !== null && n >= 3);
    if (!direct) return n >= 1 ? 'partial' : null;
    const content = this.contentSpan(r.from, r.to);
    if (!content) return null;
    const cand: Candidate = {
      kind: 'direct',
      rule: 'direct',
      content,
      cue: null,
      source: null,
      paragraph: r.paragraph,
      anchor: r.open,
      inherit: false,
      region: r,
      speaker: null,
      speakerName: null,
      speakerSpan: null,
      person: null,
      sentence: this.toks[r.open]!.sentence,
      participle: false,
    };
    const label = this.transcriptLabel(r);
    if (label >= 0) {
      cand.cue = [label, label + 1];
      cand.source = [r.from, label];
      cand.rule = 'direct:label';
      return cand;
    }
    if (dash) {
      this.signatureEnd = dash.end;
      cand.cue = dash.cue;
      cand.source = dash.source;
      cand.rule = 'direct:dash';
      return cand;
    }
    if (after) {
      this.splitCueEnd = after.cue[1];
      cand.cue = after.cue;
      cand.source = after.source;
      cand.rule = 'direct:cue-after';
      cand.sentence = this.toks[after.cue[0]]!.sentence;
      return cand;
    }
    const before = this.cueBeforeQuote(r);
    if (before) {
      cand.cue = before.cue;
      cand.source = before.source;
      cand.rule = 'direct:cue-before';
      if (before.participle) {
        cand.participle = true;
        cand.sentence = this.toks[before.cue[0]]!.sentence;
      }
      return cand;
    }
    const later = r.close >= 0 ? this.cueLaterInSentence(r) : null;
    if (later) {
      cand.cue = later.cue;
      cand.source = later.source;
      cand.rule = 'direct:cue-later';
      cand.sentence = this.toks[later.cue[0]]!.sentence;
      return cand;
    }
    cand.inherit = true;
    cand.rule = 'direct:inherited';
    return cand;
  }

  /**
   * `"…" ― Esther Tapia` / `"…" — Ann Lee, a teacher`: a quote signed after a dash, the name ending its
   * line (reader comments, epigraphs, quote lists). The name must open with a capital and the line must end
   * after at most 12 tokens, so a dash that opens an aside is not taken for a signature.
   */
  private dashSignature(
    r: QuoteRegion,
  ): { cue: [number, number]; source: [number, number]; end: number } | null {
    const d = r.close + 1;
    if (r.close < 0 || d + 1 >= this.toks.length) return null;
    if (!DASHES.has(this.low[d]!) || !isCapitalised(this.toks[d + 1]!.text)) return null;
    // the signature ends its line, or the next quote of a list follows it at once (line breaks undone)
    const lineEnd = (i: number) => {
      if (i + 1 >= this.toks.length) return true;
      if (this.text.slice(this.toks[i]!.end, this.toks[i + 1]!.start).includes('\n')) return true;
      const ri = this.regionOf[i + 1]!;
      return ri >= 0 && this.regions[ri]!.open === i + 1;
    };
    let comma = -1;
    for (let i = d + 1; i < this.toks.length && i - d <= 12; i++) {
      const w = this.low[i]!;
      if (isQuoteMark(w) || w === ';' || w === ':') return null;
      if (w === ',' && comma < 0) comma = i;
      if (!lineEnd(i)) continue;
      let e = comma >= 0 ? comma : i + 1;
      while (e > d + 1 && END_PUNCT.has(this.low[e - 1]!)) e--;
      return e > d + 1 ? { cue: [d, d + 1], source: [d + 1, e], end: i + 1 } : null;
    }
    return null;
  }

  /**
   * `"WALLACE: Let's start …"`: an interview transcript quoted with its speaker label (one to three
   * upper-case words and a colon opening the quote). Returns the colon's token, or -1.
   */
  private transcriptLabel(r: QuoteRegion): number {
    for (let i = r.from; i < r.to && i < r.from + 4; i++) {
      const t = this.toks[i]!.text;
      if (t === ':') return i > r.from ? i : -1;
      if (!/^\p{Lu}[\p{Lu}.'’-]+$/u.test(t)) return -1;
    }
    return -1;
  }

  /**
   * `"We must support them" by June, said envoy Franz Vranitzky, after talks` / `"It will help" the
   * council, he told reporters`: a quote that ends mid-sentence, its sentence running on to a cue after a
   * comma. Only a comma-led cue with a speaker phrase counts, within a bounded stretch of the sentence.
   */
  private cueLaterInSentence(r: QuoteRegion): { cue: [number, number]; source: [number, number] } | null {
    const c0 = r.close + 1;
    if (c0 >= this.toks.length || this.paraOf[c0] !== r.paragraph) return null;
    const s = this.toks[r.close]!.sentence;
    const stop = Math.min(this.sentLast[this.toks[c0]!.sentence]!, c0 + 25);
    if (this.toks[c0]!.sentence !== s) return null;
    for (let i = c0; i < stop; i++) {
      const w = this.low[i]!;
      // `"What a great honor" to die in battle "but …" for the losses, Fujimori said`: a second quoted
      // stretch of the same sentence is stepped over
      const ri = this.regionOf[i]!;
      if (isQuoteMark(w) && ri >= 0 && this.regions[ri]!.open === i && this.regions[ri]!.close >= 0) {
        const close = this.regions[ri]!.close;
        if (this.toks[close]!.sentence !== s) return null;
        i = close;
        continue;
      }
      if (isQuoteMark(w) || w === ';' || w === ':' || END_PUNCT.has(w)) return null;
      if (w !== ',' || i === c0) continue;
      const j = i + 1;
      if (j >= stop) return null;
      const inv = this.cueAt(j);
      // `…, the spokesman, Lee Sun-mi, told AFP`: the name before the comma is the speaker
      const named = inv && inv.cls !== 'according' ? this.personEndingAt(i - 1, c0) : -1;
      if (named >= 0) return { cue: [j, inv!.end], source: [named, i] };
      if (inv && inv.cls !== 'according' && !isParticiple(this.low[j]!) && !OBJECT_VERBS.has(this.low[j]!)) {
        const src = this.phraseAfter(inv.end, stop);
        if (
          src &&
          src[1] - src[0] <= 10 &&
          this.isNounPhrase(src) &&
          (isCapitalised(this.toks[src[0]]!.text) || isCapitalised(this.toks[src[1] - 1]!.text))
        )
          return { cue: [j, inv.end], source: src };
        if (src && src[1] - src[0] <= 10 && DETERMINERS.has(this.low[src[0]]!) && this.isNounPhrase(src))
          return { cue: [j, inv.end], source: src };
      }
      for (let h = j + 1; h < stop && h - j <= 6; h++) {
        const x = this.low[h]!;
        if (CLAUSE_PUNCT.has(x) || END_PUNCT.has(x) || isQuoteMark(x)) break;
        const cue = this.cueAt(h);
        if (!cue || cue.cls === 'according') continue;
        if (this.low[cue.end] === 'that') break;
        return this.isSpeakerPhrase(j, h) ? { cue: [h, cue.end], source: [j, h] } : null;
      }
    }
    return null;
  }

  /** Multi-word cue at token k: returns its end (exclusive), or -1. */
  private cueAt(k: number): { end: number; cls: CueClass | 'according' } | null {
    const w = this.low[k]!;
    if (w === 'according' && this.low[k + 1] === 'to') return { end: k + 2, cls: 'according' };
    if (w === 'quoted' && this.low[k + 1] === 'as' && this.low[k + 2] === 'saying')
      return { end: k + 3, cls: 'strong' };
    if ((w === 'pointed' || w === 'points') && this.low[k + 1] === 'out') return { end: k + 2, cls: 'that' };
    const particle = PHRASAL.get(w);
    if (
      particle &&
      this.low[k + 1] === particle &&
      k > 0 &&
      this.low[k - 1] !== 'to' &&
      !NOUN_BEFORE.has(this.low[k - 1]!)
    )
      return { end: k + 2, cls: 'object' };
    const cls = cueClass(w);
    if (!cls) return null;
    // a capitalised cue word mid-sentence is a name ("Said"); "to say" is not a report
    if (isCapitalised(this.toks[k]!.text) && this.sentFirst[this.toks[k]!.sentence] !== k) return null;
    const prev = k > 0 ? this.low[k - 1]! : '';
    // "Standard and Poor's said", "McDonald's told": after a name's possessive ending, a form that is only
    // ever a verb is still the cue
    const verbAfterName = VERB_ONLY.has(w) && /^['’]s$/.test(prev);
    if (k > 0 && (prev === 'to' || (NOUN_BEFORE.has(prev) && !verbAfterName))) return null;
    if (this.low[k + 1] === 'by') return null;
    // "Italy is expected to send troops", "Ekeus was widely expected at the talks": a passive "expected"
    // forecasts what its subject will do; the subject says nothing
    if (/^expect(?:ed|s)?$/.test(w) && this.passiveBefore(k)) return null;
    return { end: k + 1, cls };
  }

  /** True when a form of "be" (an adverb may intervene) precedes token k ("is expected", "was widely expected"). */
  private passiveBefore(k: number): boolean {
    let p = k - 1;
    while (p >= 0 && p >= k - 3 && /^(?:\p{L}+ly|also|still|not|now|then|already)$/u.test(this.low[p]!)) p--;
    return p >= 0 && /^(?:is|are|was|were|be|been|being|['’]s|['’]re)$/.test(this.low[p]!);
  }

  /** `"…," he said` / `"…," said the minister`: the cue in the sentence right after the closing mark. */
  private cueAfterQuote(r: QuoteRegion): { cue: [number, number]; source: [number, number] | null } | null {
    const c0 = r.close + 1;
    if (c0 >= this.toks.length || this.paraOf[c0] !== r.paragraph) return null;
    const s = this.toks[r.close]!.sentence;
    let limit = Math.min(this.sentLast[Math.max(s, this.toks[c0]!.sentence)]!, c0 + 20);
    if (limit < c0) limit = c0;
    // the quote must end its clause: `,"` / `."` / `?"` inside the marks, or a comma after them; a nested
    // quote closing with it (`… 90 percent of the vote,'" said King`) is stepped over
    let li = r.to - 1;
    while (li > r.from && (this.low[li] === "'" || this.low[li] === '’')) li--;
    const lastIn = this.low[li]!;
    const firstOut = this.low[c0];
    if (![',', '.', '?', '!', '...', '…', '—', '--'].includes(lastIn) && firstOut !== ',') {
      // `"… is over" Burns said`: a missing comma, but a name or pronoun and a cue right after the mark
      if (firstOut && PRONOUNS.has(firstOut) && firstOut !== 'it' && c0 + 1 < this.toks.length) {
        const cue = this.cueAt(c0 + 1);
        if (cue && cue.cls !== 'according') return { cue: [c0 + 1, cue.end], source: [c0, c0 + 1] };
      }
      return this.nameThenCue(c0);
    }
    let k = c0;
    if (this.low[k] === ',') k++;
    let nameEnd = -1; // end of the speaker name before an inserted age or appositive
    let paren = 0; // tokens inside a parenthesis of the name ("Rep. Jim Jordan (R-Ohio)")
    for (let i = k; i < limit; i++) {
      const w = this.low[i]!;
      if (isQuoteMark(w) || w === ';' || w === ':') break;
      if (w === '(' && nameEnd < 0) {
        const close = this.parenEnd(i, limit);
        if (close > i) {
          paren += close - i + 1;
          i = close;
          continue;
        }
      }
      if (w === ',' && i > k) {
        // `"…," Rahman, 48, told …` / `"…," Graham, a former candidate, told …`: step over the insert
        let skip = nameEnd < 0 && i - k - paren <= 5 ? this.insertEnd(i) : -1;
        // `"…," Pruitt, the attorney general of Oklahoma, one of the states suing, said`: a second insert
        // right before the cue
        const second = skip >= 0 ? this.insertEnd(skip) : -1;
        if (second >= 0) {
          let c = second + 1;
          while (c < this.toks.length && c - second < 4 && CUE_PREFIX.has(this.low[c]!)) c++;
          const cue = c < this.toks.length ? this.cueAt(c) : null;
          if (cue && cue.cls !== 'according') skip = second;
        }
        if (skip < 0) {
          // `"…," the North's vice minister, Kim Kye-Gwan told …`: a name after the nominal, then the cue
          const named = this.nameThenCue(i + 1);
          if (named) return named;
          // `"…," Yoshio Utsumi, secretary general of the ITU told reporters`: no closing comma
          const open = nameEnd < 0 ? this.unclosedAppositive(k, i) : null;
          if (open) return open;
          break;
        }
        nameEnd = i;
        i = skip;
        limit = Math.min(this.sentLast[this.toks[i]!.sentence]!, i + 6);
        continue;
      }
      const cue = this.cueAt(i);
      if (!cue) continue;
      if (cue.cls === 'according') {
        return { cue: [i, cue.end], source: this.phraseAfter(cue.end) };
      }
      // `"… whistles." Trump has record low support from …`: after a quote closed by its full stop, a
      // stance verb of the next sentence ("support", "want") is no cue of it
      if (cue.cls === 'object' && lastIn === '.' && this.toks[i]!.sentence !== s) return null;
      if (i > k) {
        // `"…," but offered no details`: a second verb of the clause before the quote, not a speaker
        if (CONJ.has(this.low[k]!)) return null;
        let e = nameEnd >= 0 ? nameEnd : i;
        while (e > k && CUE_PREFIX.has(this.low[e - 1]!)) e--;
        // "Ivanov was quoted by Itar-Tass as telling": the speaker ends at the auxiliary
        for (let x = k + 1; x < e; x++) {
          if (this.low[x] === 'was' || this.low[x] === 'is' || this.low[x] === 'were') {
            e = x;
            break;
          }
        }
        if (e > k && e - k <= 10) return { cue: [i, cue.end], source: [k, e] };
        // a long title before a name: "US Assistant Secretary of State for … Affairs Richard Boucher said"
        const named = e > k ? this.mentionsIn(this.toks[e - 1]!.start, this.toks[e - 1]!.end) : [];
        const m = named.find((x) => x.entity.type === 'PERSON' && x.end === this.toks[e - 1]!.end);
        if (m && e - k <= 18) return { cue: [i, cue.end], source: [this.tokenAt(m.start), e] };
        return null;
      }
      // `"…," adding that …`: a participle right after the quote is no inverted cue; its subject is the
      // main clause's, so a cue before the quote (`Peabody said: "…," adding …`) decides
      if (isParticiple(w)) return null;
      return { cue: [i, cue.end], source: this.phraseAfter(cue.end) };
    }
    return nameEnd < 0 ? this.unlistedCueAfter(k) : null;
  }

  /**
   * A person's name in tokens [k, comma) followed by an appositive that runs into the cue without its closing
   * comma (`Yoshio Utsumi, secretary general of the ITU told reporters`). Bounded to 16 tokens.
   */
  private unclosedAppositive(
    k: number,
    comma: number,
  ): { cue: [number, number]; source: [number, number] } | null {
    if (comma - k > 5 || this.personEndingAt(comma - 1, k) !== k) return null;
    const a = comma + 1;
    if (a >= this.toks.length) return null;
    const w0 = this.low[a]!;
    if (!(APPOSITIVE_OPEN.has(w0) || PERSON_NOUNS.has(w0) || !isCapitalised(this.toks[a]!.text))) return null;
    const s = this.toks[comma]!.sentence;
    const stop = Math.min(this.sentLast[s]!, a + 16);
    for (let j = a + 1; j < stop; j++) {
      const w = this.low[j]!;
      if (isQuoteMark(w) || END_PUNCT.has(w) || w === ';' || w === ':' || w === ',') return null;
      if (w === 'who' || w === 'which' || w === 'that') return null;
      const cue = this.cueAt(j);
      if (!cue || cue.cls === 'according' || isParticiple(w)) continue;
      return { cue: [j, cue.end], source: [k, comma] };
    }
    return null;
  }

  /** A person's name at token j directly followed by a cue: `…, Kim Kye-Gwan told …`. Bounded. */
  private nameThenCue(j: number): { cue: [number, number]; source: [number, number] } | null {
    if (j >= this.toks.length) return null;
    const m = this.mentionsIn(this.toks[j]!.start, this.toks[j]!.end).find(
      (x) => x.start === this.toks[j]!.start && x.entity.type === 'PERSON',
    );
    if (!m) return null;
    const e = this.tokenAt(m.end - 1) + 1;
    let i = e;
    // `…, the spokesman for the ministry, Lee Sun-mi, told AFP`: the appositive name's closing comma
    if (this.low[i] === ',') i++;
    while (i < this.toks.length && i - e < 4 && CUE_PREFIX.has(this.low[i]!)) i++;
    const cue = i < this.toks.length ? this.cueAt(i) : null;
    return cue && cue.cls !== 'according' ? { cue: [i, cue.end], source: [j, e] } : null;
  }

  /**
   * The end of a comma-delimited insert after a speaker name (`, 48,` / `, a former candidate,` / `, who …,`):
   * the index of the closing comma, or -1. Bounded.
   */
  private insertEnd(comma: number): number {
    const s = this.toks[comma]!.sentence;
    const stop = Math.min(this.sentLast[s]!, comma + 20);
    const a = comma + 1;
    if (a >= stop) return -1;
    const w0 = this.low[a]!;
    // `McConnell, R-Ky., said`: a party and state tag
    let opens =
      /^\d+$/.test(w0) ||
      APPOSITIVE_OPEN.has(w0) ||
      !isCapitalised(this.toks[a]!.text) ||
      PARTY_TAG.test(this.toks[a]!.text);
    for (let i = a + 1; i < stop; i++) {
      const w = this.low[i]!;
      // "Vranitzky, Austria's former chancellor, told": a capitalised appositive must hold a role noun
      if (PERSON_NOUNS.has(w) || ORG_NOUNS.has(w)) opens = true;
      if (w === ',') return opens ? i : -1;
      // the period of an abbreviation right before the closing comma ("R-Ky.,")
      if (w === '.' && this.low[i + 1] === ',') continue;
      if (isQuoteMark(w) || END_PUNCT.has(w) || w === ';' || w === ':') return -1;
    }
    return -1;
  }

  /** The closing parenthesis of the one opened at token `open`, before `stop` (8 tokens at most), or -1. */
  private parenEnd(open: number, stop: number): number {
    for (let i = open + 1; i < stop && i - open <= 8; i++) {
      const w = this.low[i]!;
      if (w === ')') return i;
      if (w === '(' || isQuoteMark(w) || END_PUNCT.has(w)) return -1;
    }
    return -1;
  }

  /**
   * `"…," the judge exclaimed.` / `"…," Trump barked`: right after a quote that ends its clause, a short
   * speaker phrase and a past-tense verb outside the cue lexicon still attribute the quote.
   */
  private unlistedCueAfter(k: number): { cue: [number, number]; source: [number, number] } | null {
    const s = this.toks[k]?.sentence;
    if (s === undefined) return null;
    const stop = Math.min(this.sentLast[s]!, k + 5);
    for (let j = k + 1; j < stop; j++) {
      const w = this.low[j]!;
      if (!isWordToken(w)) return null;
      if (isCapitalised(this.toks[j]!.text) || !/[a-z]ed$/.test(w) || CLAUSE_VERBS.has(w)) continue;
      const after = j + 1 < this.toks.length ? this.low[j + 1]! : '.';
      if (!(END_PUNCT.has(after) || after === ',' || after === 'and' || isQuoteMark(after))) return null;
      return this.isSpeakerPhrase(k, j) ? { cue: [j, j + 1], source: [k, j] } : null;
    }
    return null;
  }

  /** `Kirby said: "…"` / `he added, "…"`: the cue right before the opening mark. */
  private cueBeforeQuote(
    r: QuoteRegion,
  ): { cue: [number, number]; source: [number, number] | null; participle?: boolean } | null {
    const s = this.toks[r.open]!.sentence;
    let first = this.sentFirst[s]!;
    let i = r.open - 1;
    while (
      i >= first &&
      i >= r.open - 3 &&
      (this.low[i] === ':' || this.low[i] === ',' || this.low[i] === 'that')
    ) {
      i--;
    }
    let colon = r.open > first && this.low[r.open - 1] === ':' ? r.open - 1 : -1;
    if (
      first === r.open &&
      r.open > 0 &&
      this.low[r.open - 1] === ':' &&
      this.paraOf[r.open - 1] === r.paragraph - 1
    ) {
      // `Cruz continued:` closing the previous paragraph
      colon = r.open - 1;
      i = r.open - 2;
      first = this.sentFirst[this.toks[colon]!.sentence]!;
    }
    // skip a short modifier: `said in a statement: "…"`; before a colon a longer one (`said in a message
    // to UN Secretary General Kofi Annan: "…"`), since the colon already marks the attribution
    const reach = colon >= 0 ? 14 : 6;
    for (let j = i; j >= first && j >= i - reach; j--) {
      const w = this.low[j]!;
      if (isQuoteMark(w) || END_PUNCT.has(w)) break;
      const cue = this.cueAt(j);
      if (!cue) continue;
      if (cue.cls === 'according') return null;
      // `X posted a comment, saying: "…"`: the participle takes the main clause's subject
      if (isParticiple(this.low[j]!) && j > first && this.low[j - 1] === ',')
        return { cue: [j, cue.end], source: null, participle: true };
      return {
        cue: [j, cue.end],
        source:
          this.appositiveSubject(j) ??
          this.subjectBefore(j) ??
          this.coordinateSubject(j, first) ??
          this.invertedSubject(cue.end, i + 1),
      };
    }
    if (colon >= 0) {
      // `BAGHDAD, Dec 3, 2006 (AFP): "…"`: a dateline before the colon is where and when, never who
      if (DATELINE_LEAD.test(this.text.slice(this.toks[first]!.start, this.toks[colon]!.start))) return null;
      // an unlisted cue phrase before a colon (`X called them on it:`): the colon is the cue
      const clause = this.subjectBefore(colon);
      const lead = clause ? this.leadingPhrase(clause) : null;
      // `The piece used one of her quotes as its headline: "…"`: else the subject opening the sentence
      const start = this.mainClauseStart(first, colon);
      const source = lead ?? this.openingSubject(start, colon) ?? this.openingNominal(start, colon);
      // a year or a day number is never the one speaking (`…, Dec 3, 2006: "…"`)
      if (source && /^\d+$/.test(this.low[source[1] - 1] ?? '')) return null;
      return { cue: [colon, colon + 1], source };
    }
    return null;
  }

  // ---------------------------------------------------------------- indirect speech

  private findIndirect(cands: Candidate[], directSpans: Span[]): void {
    // taken contents per sentence: a candidate lies in one sentence, so each check is local (linear overall)
    const taken = new Map<number, Span[]>();
    const addTaken = (sp: Span) => {
      const s0 = this.toks[this.tokenAt(sp.start)]!.sentence;
      const s1 = this.toks[this.tokenAt(Math.max(sp.start, sp.end - 1))]!.sentence;
      for (let s = s0; s <= s1; s++) {
        const list = taken.get(s);
        if (list) list.push(sp);
        else taken.set(s, [sp]);
      }
    };
    for (const sp of directSpans) addTaken(sp);
    const overlapsTaken = (sp: Span, s: number) => {
      for (const t of taken.get(s) ?? []) {
        if (sp.start < t.end && t.start < sp.end) {
          const ov = Math.min(sp.end, t.end) - Math.max(sp.start, t.start);
          if (ov > 0.5 * (sp.end - sp.start) || ov > 0.5 * (t.end - t.start)) return true;
        }
      }
      return false;
    };
    const usedCue = new Set<number>();
    for (const c of cands) if (c.cue) usedCue.add(c.cue[0]);
    // three passes: "said"/"told"/"according to" first, so that a weaker cue in the same sentence
    // ("called on …") cannot take their content; then weaker cues that close their sentence ("…, it
    // added."), which report everything before them; then the rest
    for (const pass of [0, 1, 2])
      for (let s = 0; s < this.sentFirst.length; s++) {
        const first = this.sentFirst[s]!;
        const last = this.sentLast[s]!;
        if (first < 0) continue;
        let end = last;
        while (end > first && (END_PUNCT.has(this.low[end - 1]!) || isQuoteMark(this.low[end - 1]!))) end--;
        for (let k = first; k < end; k++) {
          if (this.regionOf[k]! >= 0 || usedCue.has(k)) continue;
          const cue = this.cueAt(k);
          if (!cue) continue;
          // a cue in a relative clause ("Citizens who say …, he said") waits for the main clause's
          const relative = k > first && (this.low[k - 1] === 'who' || this.low[k - 1] === 'which');
          const strong = (cue.cls === 'strong' || cue.cls === 'according') && !relative;
          if (pass === 0 ? !strong : strong) continue;
          if (pass === 1 && end - cue.end > 6) continue;
          const cand = this.indirectAt(k, cue.end, cue.cls, first, end, s);
          if (!cand) continue;
          if (pass === 1 && !cand.rule.startsWith('indirect:final')) continue;
          if (overlapsTaken(cand.content, s)) continue;
          addTaken(cand.content);
          usedCue.add(k);
          cands.push(cand);
          k = cue.end - 1;
        }
      }
  }

  private makeIndirect(
    rule: string,
    content: Span,
    cue: [number, number],
    source: [number, number] | null,
    sentence: number,
    participle = false,
  ): Candidate {
    return {
      kind: 'indirect',
      rule,
      content,
      cue,
      source,
      paragraph: this.paraOf[cue[0]]!,
      anchor: Math.min(cue[0], this.tokenAt(content.start)),
      inherit: false,
      region: null,
      speaker: null,
      speakerName: null,
      speakerSpan: null,
      person: null,
      sentence,
      participle,
    };
  }

  private tokenAt(charPos: number): number {
    let lo = 0;
    let hi = this.toks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.toks[mid]!.end <= charPos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indirectAt(
    k: number,
    cueEnd: number,
    cls: CueClass | 'according',
    first: number,
    end: number,
    s: number,
  ): Candidate | null {
    const cue: [number, number] = [k, cueEnd];
    if (cls === 'according') {
      const src = this.phraseAfter(cueEnd, end);
      if (!src) return null;
      if (k === first || (k > first && this.low[k - 1] === ',' && k - first <= 4)) {
        // "According to X, CONTENT."
        let c = src[1];
        if (this.low[c] === ',') c++;
        const content = this.contentSpan(c, end);
        return content && end - c >= 3
          ? this.makeIndirect('indirect:according-to', content, cue, src, s)
          : null;
      }
      // "CONTENT, according to X."
      let b = k;
      while (b > first && (this.low[b - 1] === ',' || isQuoteMark(this.low[b - 1]!))) b--;
      const content = this.contentSpan(first, b);
      return content && b - first >= 3
        ? this.makeIndirect('indirect:according-to', content, cue, src, s)
        : null;
    }
    const next = this.low[cueEnd];
    // participle: "…, saying the move was illegal"
    if (isParticiple(this.low[k]!) && k > first && this.low[k - 1] === ',') {
      const t = this.findThat(cueEnd, end);
      const c = t >= 0 ? t + 1 : this.low[cueEnd] === ':' ? cueEnd + 1 : cueEnd;
      if (end - c < 3 || CLAUSE_PUNCT.has(this.low[c]!) || isQuoteMark(this.low[c]!)) return null;
      const content = this.contentSpan(c, this.contentEnd(c, end));
      return content ? this.makeIndirect('indirect:participle', content, cue, null, s, true) : null;
    }
    const appos = this.appositiveSubject(k) ?? this.headSubject(k);
    // clause-final, inverted: "CONTENT, said the minister."
    if (
      !appos &&
      k > first + 2 &&
      (this.low[k - 1] === ',' || (isQuoteMark(this.low[k - 1]!) && this.low[k - 2] === ','))
    ) {
      if (next !== 'that' && next !== ':' && next !== ',') {
        const src = this.phraseAfter(cueEnd, end);
        if (src && src[1] - src[0] <= 10 && this.isNounPhrase(src)) {
          let b = k;
          while (b > first && (this.low[b - 1] === ',' || isQuoteMark(this.low[b - 1]!))) b--;
          const content = this.contentSpan(first, b);
          if (content && b - first >= 3)
            return this.makeIndirect('indirect:final-inverted', content, cue, src, s);
        }
      }
    }
    let subj = appos ?? this.subjectBefore(k);
    if (!subj) {
      subj = this.coordinateSubject(k, first);
      if (!subj) return null;
    }
    // clause-final: "CONTENT, X said (in a statement)."
    const beforeSubj = subj[0] - 1;
    if (beforeSubj > first && (this.low[beforeSubj] === ',' || isQuoteMark(this.low[beforeSubj]!))) {
      const restHasThat = next === 'that' || next === ':';
      const nearEnd = end - cueEnd <= 8 || next === ',';
      if (!restHasThat && nearEnd && subj[1] - subj[0] <= 8 && !this.hasClauseAfter(cueEnd, end)) {
        let b = beforeSubj + 1;
        while (b > first && (this.low[b - 1] === ',' || isQuoteMark(this.low[b - 1]!))) b--;
        // "The plan, an inside source said, is to …": a parenthetical cue inside its content
        const aside = next === ',' && cueEnd + 1 < end && end - cueEnd > 3 && this.low[cue[0] - 1] !== ',';
        const content = this.contentSpan(first, aside ? end : b);
        if (content && (aside || b - first >= 3))
          return this.makeIndirect(aside ? 'indirect:aside' : 'indirect:final', content, cue, subj, s);
      }
    }
    if (cls === 'final') return null;
    // verb-first: "X said (that) CONTENT."
    const c = this.contentStart(cueEnd, end, cls, this.low[k]!);
    if (c < 0 || end - c < 3) return null;
    const content = this.contentSpan(c, this.contentEnd(c, end));
    return content ? this.makeIndirect('indirect:verb', content, cue, subj, s) : null;
  }

  /**
   * Where a reported clause ends: before a second attribution coordinated in the same sentence ("…, but he
   * said …", "…, adding that …", "…; she added …"), which is a relation of its own. Bounded look-ahead.
   */
  private contentEnd(c: number, end: number): number {
    for (let i = c + 2; i < end; i++) {
      const w = this.low[i]!;
      if (w !== ',' && w !== ';' && w !== '—' && w !== '--') continue;
      let j = i + 1;
      if (j < end && CONJ.has(this.low[j]!)) j++;
      if (j >= end) break;
      const cue0 = this.cueAt(j);
      if (cue0 && isParticiple(this.low[j]!)) return i;
      // a subject of up to eight words, then a reporting verb
      for (let h = j + 1; h < end && h - j <= 8; h++) {
        const x = this.low[h]!;
        if (CLAUSE_PUNCT.has(x) || END_PUNCT.has(x) || isQuoteMark(x) || x === 'that') break;
        if (CUE_PREFIX.has(x)) continue;
        const cue = this.cueAt(h);
        if (cue) {
          if (cue.cls === 'strong' || cue.cls === 'that' || cue.cls === 'according') return i;
          break;
        }
      }
    }
    // "… and says he introduced …": a second verb of the same speaker
    for (let i = c + 2; i < end; i++) {
      if (this.low[i] !== 'and' && this.low[i] !== 'but') continue;
      let h = i + 1;
      while (h < end && h - i < 4 && CUE_PREFIX.has(this.low[h]!)) h++;
      const cue = h < end ? this.cueAt(h) : null;
      if (cue && cue.cls === 'strong') return i;
    }
    return end;
  }

  /** True when a that-clause follows the cue (so a speaker after a comma is a subject, not clause-final). */
  private hasClauseAfter(cueEnd: number, end: number): boolean {
    return cueEnd < end && this.findThat(cueEnd, end) >= 0;
  }

  private findThat(from: number, end: number): number {
    for (let i = from; i < end && i < from + 10; i++) {
      const w = this.low[i]!;
      if (w === 'that') return i;
      if (w === ',' || w === ';' || isQuoteMark(w) || END_PUNCT.has(w)) return -1;
    }
    return -1;
  }

  /** Where the reported clause starts after a cue: after "that" / ":" / a listener object; -1 if none. */
  private contentStart(cueEnd: number, end: number, cls: CueClass, cueWord: string): number {
    if (cueEnd >= end) return -1;
    const t = cls === 'object' ? -1 : this.findThat(cueEnd, end);
    if (t >= 0) return t + 1;
    const next = this.low[cueEnd]!;
    if (next === ':') return cueEnd + 1;
    if (cls === 'final') return -1;
    if (next === ',' || END_PUNCT.has(next) || isQuoteMark(next) || next === 'by' || next === 'of') return -1;
    // stance verbs ("X wants a recount", "Y noted the risks"): the rest of the clause is the content
    if (cls === 'object' || cls === 'that') return cueEnd;
    if (OBJECT_VERBS.has(cueWord)) {
      // "told reporters the talks failed": skip the listener up to a clause-opening word
      let i = cueEnd + 1;
      while (i < end && i < cueEnd + 6) {
        const w = this.low[i]!;
        if (PRONOUNS.has(w) || w === 'the' || w === 'a' || w === 'there' || w === 'this') return i;
        if (w === ',' || END_PUNCT.has(w)) return -1;
        i++;
      }
      return cueEnd + 1 < end ? cueEnd + 1 : -1;
    }
    // "said on Friday the talks …": skip a leading time adverbial
    let i = cueEnd;
    if (this.low[i] === 'on' && i + 1 < end && /day$/.test(this.low[i + 1]!)) i += 2;
    else if (/day$/.test(this.low[i]!) && isCapitalised(this.toks[i]!.text)) i += 1;
    if (this.low[i] === ',') i++;
    return i < end ? i : -1;
  }

  /**
   * "Rubio stood up and said …" / "Barkley, who said …": the cue has no subject of its own; the speaker is
   * the leading noun phrase of the clause before "and" / "but", or the phrase before ", who".
   */
  private coordinateSubject(k: number, first: number): [number, number] | null {
    let e = k;
    while (e > first && CUE_PREFIX.has(this.low[e - 1]!)) e--;
    const w = this.low[e - 1];
    if (e - 1 <= first) return null;
    if (w === 'who') {
      let b = e - 1;
      if (this.low[b - 1] === ',') b--;
      // "… from Chancellor Angela Merkel, who said": the person named right before the relative pronoun
      const t = this.toks[b - 1];
      const named = t
        ? this.mentionsIn(t.start, t.end).find(
            (m) => m.entity.type === 'PERSON' && m.end === t.end && isCapitalised(this.text[m.start]!),
          )
        : undefined;
      if (named) return [this.tokenAt(named.start), b];
      const np = this.subjectBefore(b);
      const lead = np ? this.leadingPhrase(np) : null;
      // "four in 10 who said …": the relative pronoun is the speaker phrase
      return lead ?? [e - 1, e];
    }
    if (w === 'and' || w === 'but') {
      // "Lazar said he welcomed it and added, …": the subject of the earlier verb in the sentence
      for (let j = e - 2; j > first && e - j < 30; j--) {
        const x = this.low[j]!;
        if (CLAUSE_PUNCT.has(x) || isQuoteMark(x)) break;
        if (!this.cueAt(j)) continue;
        // "… agreement which calls for …, and said": a cue inside a relative clause is not the main verb
        const before = this.low[j - 1]!;
        if (before === 'which' || before === 'who' || before === 'that') continue;
        const sub = this.subjectBefore(j);
        if (sub && this.leadingPhrase(sub)) return this.leadingPhrase(sub);
        break;
      }
      if (this.low[e - 2] === ',' && e - 2 > first) {
        // `Hashimoto thanked Fujimori, but noted: "…"`: the subject opening the clause before the comma
        let b = e - 2;
        while (
          b > first &&
          e - b < 30 &&
          !CLAUSE_PUNCT.has(this.low[b - 1]!) &&
          !isQuoteMark(this.low[b - 1]!)
        )
          b--;
        if (b === first || this.low[b - 1] === ',') {
          const lp = this.leadingPhrase([b, e - 2]);
          if (lp && this.isSpeakerPhrase(lp[0], lp[1])) return lp;
        }
        // "He recalled the accord, which calls for …, and said": the subject opening the sentence
        return this.openingSubject(first, e - 2);
      }
      const clause = this.subjectBefore(e - 1) ?? null;
      let lp: [number, number] | null;
      if (!clause) {
        // walk to the clause start and take its leading phrase
        let b = e - 1;
        while (b > first && !CLAUSE_PUNCT.has(this.low[b - 1]!) && e - b < MAX_SUBJECT * 2) b--;
        lp = this.leadingPhrase([b, e - 1]);
      } else lp = this.leadingPhrase(clause);
      // `Clinton, the former secretary of State, stressed … and said: "…"`: the main clause's subject
      return lp ?? this.openingSubject(first, e - 1) ?? this.mainSubject(this.toks[k]!.sentence, e - 1);
    }
    return null;
  }

  /**
   * `He evoked the 1984 agreement … and said: "…"`: the pronoun or name opening the sentence, right before
   * its (lower-case) verb, when the walk back from the coordinated cue found no subject of its own.
   */
  private openingSubject(first: number, end: number): [number, number] | null {
    const lp = this.leadingPhrase([first, end]);
    if (!lp || lp[1] >= end || !this.isSpeakerPhrase(lp[0], lp[1])) return null;
    const next = this.toks[lp[1]]!.text;
    return isWordToken(next) && !isCapitalised(next) ? lp : null;
  }

  /**
   * `Said Ellis: "…"`: the speaker phrase after an inverted cue that runs exactly up to the colon or comma
   * before the quote (token `end`), or null.
   */
  private invertedSubject(from: number, end: number): [number, number] | null {
    if (end - from < 1 || end - from > 8) return null;
    const src = this.phraseAfter(from, end);
    if (!src || src[1] !== end || !this.isNounPhrase(src)) return null;
    return this.isSpeakerPhrase(src[0], src[1]) ? src : null;
  }

  /** `The piece used …`: a determiner and one to three words opening a clause, right before a past-tense verb. */
  private openingNominal(a: number, end: number): [number, number] | null {
    if (!DETERMINERS.has(this.low[a]!)) return null;
    for (let e = a + 2; e < end && e - a <= 4; e++) {
      const w = this.low[e]!;
      if (!isWordToken(w)) return null;
      if (/[a-z]ed$/.test(w) || CLAUSE_VERBS.has(w)) return this.isSpeakerPhrase(a, e) ? [a, e] : null;
    }
    return null;
  }

  /**
   * Where the main clause of a sentence starts: after a leading place, time or subordinate phrase closed by
   * a comma ("In his speech Wednesday, Trump …", "Although the IMF …, it …"); else at `first`. Bounded.
   */
  private mainClauseStart(first: number, end: number): number {
    const w = this.low[first]!;
    if (!(LEADING_PREPS.has(w) || SENTENCE_PREPS.has(w) || SUBORDINATORS.has(w))) return first;
    for (let i = first + 1; i < end && i - first < 30; i++) {
      const x = this.low[i]!;
      if (x === ',') return i + 1 < end ? i + 1 : first;
      if (isQuoteMark(x) || x === ';' || x === ':' || END_PUNCT.has(x)) return first;
    }
    return first;
  }

  /** A lower-case word that reads as a finite verb right after a noun phrase (`prev`: the word before it). */
  private finiteVerbAt(i: number): boolean {
    const t = this.toks[i]!.text;
    const w = this.low[i]!;
    if (!isWordToken(w) || isCapitalised(t)) return false;
    if (CLAUSE_VERBS.has(w) || /[a-z]ed$/.test(w) || cueClass(w) === 'strong') return true;
    // "Trump says" / "he tells": an -s verb after a name or a pronoun ("groups granted" is a noun first)
    if (/[a-z]s$/.test(w) && !/ss$/.test(w) && i > 0) {
      const p = this.toks[i - 1]!.text;
      return isCapitalised(p) || PRONOUNS.has(this.low[i - 1]!);
    }
    return false;
  }

  /**
   * Like `mainClauseStart`, but a leading phrase may hold a quoted title (`On "Face the Nation," Sanders
   * …`): wire style puts its comma inside the closing mark, so that comma ends the phrase too.
   */
  private leadingPhraseEnd(first: number, end: number): number {
    const w = this.low[first]!;
    if (!(LEADING_PREPS.has(w) || SENTENCE_PREPS.has(w) || SUBORDINATORS.has(w))) return first;
    for (let i = first + 1; i < end && i - first < 30; i++) {
      const x = this.low[i]!;
      if (x === ';' || x === ':' || END_PUNCT.has(x)) return first;
      if (x !== ',') continue;
      if (this.regionOf[i]! < 0) return i + 1 < end ? i + 1 : first;
      if (isQuoteMark(this.low[i + 1] ?? '') && i + 2 < end) return i + 2;
    }
    return first;
  }

  /**
   * A light clause analysis of a sentence's main clause, for cues that carry no subject of their own
   * (`…, saying …`, `… and said …`): past a leading prepositional or subordinate phrase closed by a comma,
   * the noun phrase that opens the clause, then past a parenthesis (`(D)`) and one appositive or relative
   * clause between commas (`, the chief executive of X,` / `, who lost the primaries,`), an optional
   * adverb, and a finite verb before token `before`. Word windows pick the nearest name instead (the
   * object of the appositive, the one inside the relative clause); the subject is who speaks. Returns the
   * subject phrase as tokens, or null when the sentence does not open that way.
   */
  private mainSubject(s: number, before: number): [number, number] | null {
    return this.clauseHead(s, before)?.subject ?? null;
  }

  /**
   * `Attorney General Roy Cooper (D), McCrory's opponent …, called …`: the subject of cue token `k` when
   * `k` is the main verb right after the sentence's opening noun phrase and its appositive; such a clause
   * is no quoted content of an inverted cue (`CONTENT, said the minister`). Null otherwise.
   */
  private headSubject(k: number): [number, number] | null {
    const h = this.clauseHead(this.toks[k]!.sentence, k + 1);
    return h && h.verb === k ? h.subject : null;
  }

  /** `mainSubject` with the position of the verb found. */
  private clauseHead(s: number, before: number): { subject: [number, number]; verb: number } | null {
    const first = this.sentFirst[s]!;
    const last = Math.min(this.sentLast[s]!, before);
    const a = this.leadingPhraseEnd(first, last);
    // the noun phrase: words up to the first finite verb or punctuation, at most six
    let b = a;
    while (b < last && b - a < 6) {
      const w = this.low[b]!;
      if (!isWordToken(w) && w !== '.' && !/^['’]s$/.test(w)) break;
      if (b > a && (this.finiteVerbAt(b) || SUBJECT_STOP.has(w) || w === 'who' || w === 'which')) break;
      b++;
    }
    if (b === a || b >= last) return null;
    const w0 = this.low[a]!;
    const nominal = PRONOUNS.has(w0) ? b - a === 1 : isCapitalised(this.toks[a]!.text) || !/ing$/.test(w0);
    if (!nominal || JUNK_OPENERS.has(w0) || SUBORDINATORS.has(w0) || LEADING_PREPS.has(w0)) return null;
    let v = b;
    if (this.low[v] === '(') {
      let c = v + 1;
      while (c < last && c - v < 8 && this.low[c] !== ')') c++;
      if (this.low[c] !== ')') return null;
      v = c + 1;
    }
    if (this.low[v] === ',') {
      let c = v + 1;
      while (c < last && c - v < 30 && this.low[c] !== ',') {
        const w = this.low[c]!;
        if (END_PUNCT.has(w) || isQuoteMark(w) || w === ';' || w === ':') return null;
        c++;
      }
      if (this.low[c] !== ',' || c === v + 1) return null;
      v = c + 1;
    }
    if (v < last && /[a-z]ly$/.test(this.low[v]!) && !isCapitalised(this.toks[v]!.text)) v++;
    return v < last && this.finiteVerbAt(v) ? { subject: [a, b], verb: v } : null;
  }

  /** Trims a token range to its leading noun phrase: determiners, capitalised words, possessives, pronouns. */
  private leadingPhrase([a, b]: [number, number]): [number, number] | null {
    let i = a;
    while (i < b) {
      const w = this.low[i]!;
      const t = this.toks[i]!.text;
      if (i === a && PRONOUNS.has(w)) return [a, a + 1];
      if (DETERMINERS.has(w) || isCapitalised(t) || /^['’]s$/.test(w) || /^\d/.test(w)) {
        i++;
        continue;
      }
      break;
    }
    while (i > a && DETERMINERS.has(this.low[i - 1]!)) i--;
    // "His wife travelled …": a possessive alone is no subject; its noun comes with it
    if (i === a + 1 && POSSESSIVES.has(this.low[a]!) && i < b && isWordToken(this.low[i]!)) return [a, i + 1];
    return i > a ? [a, i] : null;
  }

  /**
   * "Steven Cheung, a campaign spokesman, said …" / "Ann Compton, who covered the White House, said …": a
   * name followed by an appositive or a relative clause between commas. Returns the name plus the
   * appositive (the whole phrase names the speaker), or null.
   */
  private appositiveSubject(k: number): [number, number] | null {
    const first = this.sentFirst[this.toks[k]!.sentence]!;
    let e = k;
    while (e > first && CUE_PREFIX.has(this.low[e - 1]!)) e--;
    if (e - 1 <= first || this.low[e - 1] !== ',') return null;
    // the appositive: back to the previous comma
    let c = e - 2;
    while (c > first && e - c < 30) {
      const w = this.low[c]!;
      if (w === ',') break;
      if (END_PUNCT.has(w) || isQuoteMark(w) || w === ';' || w === ':') return null;
      c--;
    }
    if (c <= first || this.low[c] !== ',' || c + 1 >= e - 1) return null;
    // "her senior adviser, Jake Sullivan, said": a name between commas after a nominal is the speaker
    const named = this.mentionsIn(this.toks[c + 1]!.start, this.toks[e - 2]!.end);
    if (
      named.length > 0 &&
      named[0]!.entity.type === 'PERSON' &&
      named[0]!.start === this.toks[c + 1]!.start &&
      named[0]!.end === this.toks[e - 2]!.end
    )
      return [c + 1, e - 1];
    // `spokesman Jacques Rummelhardt, asked if …, declared` / `Raul Castro, Cuba's defense minister …, said`
    // / `Karaha, speaking at …, on the border …, said`: a person's name right before the insert (one or two
    // comma-delimited parts) is the subject, whatever the insert holds
    for (let x = c, parts = 0; x > first && e - x < 40 && parts < 3; x--) {
      const w = this.low[x]!;
      if (END_PUNCT.has(w) || isQuoteMark(w) || w === ';' || w === ':') break;
      if (w !== ',') continue;
      parts++;
      const person = this.personEndingAt(x - 1, first);
      if (person >= 0) return [person, e - 1];
    }
    const a0 = this.low[c + 1]!;
    const appositive =
      APPOSITIVE_OPEN.has(a0) ||
      PERSON_NOUNS.has(this.low[e - 2]!) ||
      (!isCapitalised(this.toks[c + 1]!.text) && isWordToken(a0) && e - c <= 8);
    if (!appositive) return null;
    // "Marley Anderson, 21, a junior from Las Vegas, said": an age before the appositive
    if (c - 2 > first && /^\d+$/.test(this.low[c - 1]!) && this.low[c - 2] === ',') c -= 2;
    // the name before it: capitalised words (titles, initials, "of") from a clause start
    let b = c;
    while (b > first && c - b < 8) {
      const w = this.low[b - 1]!;
      const t = this.toks[b - 1]!.text;
      if (isCapitalised(t) || w === '.' || w === 'of' || w === '-' || /^['’]s$/.test(w)) {
        b--;
        continue;
      }
      break;
    }
    if (b >= c || !isCapitalised(this.toks[b]!.text)) return null;
    const before = b > first ? this.low[b - 1]! : '';
    if (
      b > first &&
      !CLAUSE_PUNCT.has(before) &&
      !isQuoteMark(before) &&
      before !== 'and' &&
      before !== 'but'
    )
      return null;
    return [b, e - 1];
  }

  /** Whether a capitalised token lies in the token range [a, b). */
  private hasCapitalised(a: number, b: number): boolean {
    for (let i = a; i < b; i++) if (isCapitalised(this.toks[i]!.text)) return true;
    return false;
  }

  /** A name inside a prepositional phrase ("better under president Saddam"): never a clause's subject. */
  private afterPreposition(t: number): boolean {
    let i = t - 1;
    while (i >= 0 && i > t - 4 && (PERSON_NOUNS.has(this.low[i]!) || DETERMINERS.has(this.low[i]!))) i--;
    return i >= 0 && OBJECT_PREPS.has(this.low[i]!);
  }

  /**
   * The first token of a person's name ending at token `t`, when the name opens its clause or follows a
   * title or role word ("foreign ministry spokesman Jacques Rummelhardt"); -1 otherwise.
   */
  private personEndingAt(t: number, first: number): number {
    if (t < first) return -1;
    const m = this.mentionsIn(this.toks[t]!.start, this.toks[t]!.end).find(
      (x) => x.entity.type === 'PERSON' && x.end === this.toks[t]!.end && isCapitalised(this.text[x.start]!),
    );
    if (!m) return -1;
    const b = this.tokenAt(m.start);
    if (b <= first) return b;
    const w = this.low[b - 1]!;
    const ok =
      CLAUSE_PUNCT.has(w) ||
      isQuoteMark(w) ||
      w === 'and' ||
      w === 'but' ||
      PERSON_NOUNS.has(w) ||
      isCapitalised(this.toks[b - 1]!.text);
    return ok ? b : -1;
  }

  /** The speaker phrase before a cue: walks back over auxiliaries, then over a noun phrase. */
  private subjectBefore(k: number): [number, number] | null {
    const s = this.toks[k]!.sentence;
    const first = this.sentFirst[s]!;
    let e = k;
    // "he did not support": a negated cue keeps its subject
    while (e > first && (CUE_PREFIX.has(this.low[e - 1]!) || NEGATIONS.has(this.low[e - 1]!))) e--;
    // "Shin on Friday said"
    if (e - 2 >= first && this.low[e - 2] === 'on' && /day$/.test(this.low[e - 1]!)) e -= 2;
    let b = e;
    while (b > first && e - b < MAX_SUBJECT) {
      const w = this.low[b - 1]!;
      if (w === ')') {
        // "Sen. Bernie Sanders (I-Vt.) said": step over a short parenthesis
        let o = b - 2;
        while (o > first && b - o < 8 && this.low[o] !== '(' && this.low[o] !== ')') o--;
        if (this.low[o] === '(' && o > first) {
          b = o;
          continue;
        }
        break;
      }
      if (CLAUSE_PUNCT.has(w) || END_PUNCT.has(w) || isQuoteMark(w)) break;
      if (SUBJECT_STOP.has(w)) {
        // "Shin and Sullivan said": keep "and" between capitalised words
        if ((w === 'and' || w === 'or') && b - 2 >= first && isCapitalised(this.toks[b - 2]!.text) && b < e) {
          if (isCapitalised(this.toks[b]!.text)) {
            b--;
            continue;
          }
        }
        break;
      }
      if (cueClass(w) && !isCapitalised(this.toks[b - 1]!.text) && w !== 'told') break;
      b--;
    }
    if (b >= e) return null;
    // junk is no speaker: "from saying", "Having said that", "in many cases reporting"
    const w0 = this.low[b]!;
    if (
      (JUNK_OPENERS.has(w0) || (/ing$/.test(w0) && !isCapitalised(this.toks[b]!.text))) &&
      !this.hasCapitalised(b + 1, e)
    )
      return null;
    if (/ing$/.test(w0) && e - b === 1) return null;
    // a subject phrase must contain a word
    for (let i = b; i < e; i++) if (isWordToken(this.toks[i]!.text)) return [b, e];
    return null;
  }

  /** The speaker phrase after an inverted cue ("said the minister, who …"), up to a comma or clause word. */
  private phraseAfter(from: number, end = this.toks.length): [number, number] | null {
    const s = from < this.toks.length ? this.toks[from]!.sentence : -1;
    if (s < 0) return null;
    const stop = Math.min(end, this.sentLast[s]!, from + 12);
    let i = from;
    while (i < stop) {
      const w = this.low[i]!;
      if (CLAUSE_PUNCT.has(w) || END_PUNCT.has(w) || isQuoteMark(w)) break;
      if (w === 'who' || w === 'which' || w === 'that' || w === 'when' || w === 'while' || w === 'as') break;
      if (i > from && (w === 'in' || w === 'on' || w === 'at' || w === 'during' || w === 'after')) {
        // "the Organisation for Security and Cooperation in Europe envoy": a preposition inside a name
        const t = this.toks[i]!;
        if (!this.mentionsIn(t.start, t.end).some((m) => m.start < t.start && m.end > t.end)) break;
      }
      i++;
    }
    return i > from ? [from, i] : null;
  }

  /** "he" / "Trump" / "Sen. Ted Cruz" / "the judge": a pronoun, a run of capitalised words, or "the" + noun. */
  private isSpeakerPhrase(a: number, b: number): boolean {
    if (b - a === 1 && PRONOUNS.has(this.low[a]!)) return true;
    if (DETERMINERS.has(this.low[a]!)) {
      if (b - a < 2 || b - a > 4) return false;
      for (let i = a + 1; i < b; i++)
        if (!isWordToken(this.low[i]!) || CLAUSE_VERBS.has(this.low[i]!)) return false;
      return true;
    }
    for (let i = a; i < b; i++) {
      const t = this.toks[i]!.text;
      if (!isCapitalised(t) && t !== '.') return false;
    }
    return true;
  }

  /** A phrase without auxiliaries or modals: "the minister" is a speaker, "the plan was illegal" is not. */
  private isNounPhrase([a, b]: [number, number]): boolean {
    for (let i = a; i < b; i++) if (CLAUSE_VERBS.has(this.low[i]!)) return false;
    return true;
  }

  // ---------------------------------------------------------------- speakers

  /** Index of the first mention that starts at or after character `pos` (the mentions are sorted by start). */
  private firstMentionFrom(pos: number): number {
    const ms = this.mentions;
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The entity `keep` admits that is mentioned most often among the 400 mentions before index `lo`, the later
   * one on ties: the one a story is following at that point.
   */
  private mostMentioned(lo: number, keep: (e: Entity) => boolean): Entity | null {
    const ms = this.mentions;
    const count = new Map<Entity, number>();
    let best: Entity | null = null;
    for (let i = lo - 1; i >= 0 && lo - i <= 400; i--) {
      const e = ms[i]!.entity;
      if (!keep(e)) continue;
      const n = (count.get(e) ?? 0) + 1;
      count.set(e, n);
      if (!best || n > count.get(best)!) best = e;
    }
    return best;
  }

  /**
   * The mention over tokens `lo`..`hi` that `skip` does not reject with the smallest `dist`, the first found on
   * ties; null when none is left.
   */
  private nearestMention(
    lo: number,
    hi: number,
    skip: (m: Mention) => boolean,
    dist: (m: Mention) => number,
  ): Mention | null {
    let best: Mention | null = null;
    let bestD = 1e9;
    for (const m of this.mentionsIn(this.toks[lo]!.start, this.toks[hi]!.end)) {
      if (skip(m)) continue;
      const d = dist(m);
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    }
    return best;
  }

  private mentionsIn(a: number, b: number): Mention[] {
    const out: Mention[] = [];
    const ms = this.mentions;
    const lo = this.firstMentionFrom(a);
    // mentions starting slightly before a (a title) are covered by scanning back a little
    for (let i = Math.max(0, lo - 3); i < ms.length && ms[i]!.start < b; i++) {
      const m = ms[i]!;
      if (m.end > a && m.start < b) out.push(m);
    }
    return out;
  }

  /** Resolves a speaker phrase to an entity, a nominal name, or a pronoun antecedent. */
  private resolvePhrase(src: [number, number], history: Candidate[]): SpeakerRef {
    let [a, b] = src;
    // "In Paris, spokesman Jacques Rummelhardt": a leading place or time phrase is no part of the speaker
    if (LEADING_PREPS.has(this.low[a]!)) {
      let c = a + 1;
      while (c < b && this.low[c] !== ',') c++;
      if (c >= b - 1) return { speaker: null, name: null, person: null };
      a = c + 1;
    }
    // "Steven Cheung, a campaign spokesman": the name before an appositive names the speaker
    for (let i = a + 1; i < b; i++) {
      if (this.low[i] === ',' || this.low[i] === '(') {
        b = i;
        break;
      }
    }
    // "the Bernama news agency quoted Malaysian Premier Mahathir Mohamad as (saying)": the one quoted
    for (let i = a; i < b - 1; i++) {
      if (this.low[i] !== 'quoted') continue;
      let j = i + 1;
      while (j < b && this.low[j] !== 'as') j++;
      if (j > i + 1) {
        a = i + 1;
        b = j;
      }
      break;
    }
    // "Edward Morse of the Energy Intelligence Group": the person, not the body he is from
    for (let i = a + 1; i < b; i++) {
      const w = this.low[i]!;
      if (w !== 'of' && w !== 'from' && w !== 'with') continue;
      if (this.personEndingAt(i - 1, a) === a) b = i;
      break;
    }
    // "military sources in Rome", "Likulia also renewed …": a place after the head, or a verb, ends it
    for (let i = a + 1; i < b; i++) {
      const w = this.low[i]!;
      if (isCapitalised(this.toks[i]!.text)) continue;
      const t = this.toks[i]!;
      const cut =
        (LEADING_PREPS.has(w) &&
          !this.mentionsIn(t.start, t.end).some((m) => m.start < t.start && m.end > t.end)) ||
        CLAUSE_VERBS.has(w) ||
        w === 'also' ||
        (w === 'to' &&
          i + 1 < b &&
          !isCapitalised(this.toks[i + 1]!.text) &&
          !DETERMINERS.has(this.low[i + 1]!) &&
          !/^(?:this|that|these|those|his|her|its|their)$/.test(this.low[i + 1]!)) ||
        (/[a-z]ed$/.test(w) && isCapitalised(this.toks[a]!.text) && !DETERMINERS.has(this.low[a]!)) ||
        // "the Iraqi High Tribunal published a formal …": a verb right after the name
        (/[a-z]ed$/.test(w) &&
          i - a >= 2 &&
          DETERMINERS.has(this.low[a]!) &&
          isCapitalised(this.toks[i - 1]!.text));
      if (cut) {
        b = i;
        break;
      }
    }
    // "Standard and Poor's said": a possessive ending the whole speaker phrase belongs to the name
    const namePossessive =
      b === src[1] &&
      b - a >= 2 &&
      /^['’]s$/.test(this.low[b - 1]!) &&
      this.toks[b - 1]!.start === this.toks[b - 2]!.end &&
      isCapitalised(this.toks[b - 2]!.text);
    if (!namePossessive) while (b > a && !isWordToken(this.toks[b - 1]!.text)) b--;
    // "spokesman Liu Jianchao Thursday", "the minister here": a time or place adverb after the speaker
    while (b - a > 1 && TRAILING_ADVERBS.test(this.low[b - 1]!)) b--;
    while (a < b && !isWordToken(this.toks[a]!.text)) a++;
    if (b <= a) return { speaker: null, name: null, person: null };
    const start = this.toks[a]!.start;
    const end = this.toks[b - 1]!.end;
    const ms = this.mentionsIn(start, end);
    if (b - a === 1 && PRONOUNS.has(this.low[a]!)) {
      const own = this.sentenceAntecedent(a, this.low[a]!);
      if (own) return own;
      const sal = this.recentSubject(a, this.low[a]!, history);
      if (sal) return sal;
      // `… left it to his wife Lonnie to speak. "…," she said`: a relative of the right sex named since
      const kin = this.recentKin(a, this.low[a]!, history);
      if (kin) return kin;
      // the speaker of the last attribution, when it is near and nobody became a subject since: a
      // reporting "he said" continues the speaker chain more often than it picks up a name in passing
      const m = ms.find((x) => x.start <= start && x.end >= end);
      // …unless the pronoun's antecedent is named earlier in its own sentence ("Moose … when he told")
      const s0 = this.toks[a]!.sentence;
      const local =
        m &&
        this.mentionsIn(this.toks[Math.max(this.sentFirst[s0]!, a - 60)]!.start, start).some(
          (x) =>
            x.entity === m.entity &&
            x.end <= start &&
            isCapitalised(this.text[x.start]!) &&
            !this.afterPreposition(this.tokenAt(x.start)),
        );
      const prev = local ? null : this.nearSpeaker(a, this.low[a]!, history);
      if (prev) return prev;
      if (m) return { speaker: m.entity.id, name: m.entity.name, person: m.entity.type === 'PERSON' };
      return this.resolvePronoun(this.low[a]!, a, history);
    }
    if (b - a === 2 && POSSESSIVES.has(this.low[a]!) && KIN.has(this.low[a + 1]!)) {
      // "his wife said": the relative as named earlier ("his 60-year-old wife Tetsuyo"), else unnamed
      return this.kinName(a + 1) ?? { speaker: null, name: this.text.slice(start, end), person: true };
    }
    const doc = this.documentPhrase(a, b, history);
    if (doc) return doc;
    const headTok = this.toks[b - 1]!;
    const head = this.low[b - 1]!;

    // the entity whose mention ends at the phrase head wins; possessive modifiers ("Seoul's") do not
    let best: Mention | null = null;
    // …except the possessive ending of the whole phrase ("Moody's said"), which is the name's own
    const headEnd = namePossessive ? this.toks[b - 2]!.end : headTok.end;
    // the whole name before it ("Standard and Poor"), which a mention must cover
    let run = b - 2;
    while (
      namePossessive &&
      run > a &&
      (isCapitalised(this.toks[run - 1]!.text) ||
        (run - 1 > a && /^(?:and|&|of)$/.test(this.low[run - 1]!) && isCapitalised(this.toks[run - 2]!.text)))
    )
      run--;
    for (const m of ms) {
      const after = this.tokenAt(m.end);
      const ownEnding = namePossessive && after === b - 1 && m.start <= this.toks[run]!.start;
      if (
        !ownEnding &&
        after < this.toks.length &&
        this.toks[after]!.start === m.end &&
        /^['’]s$/.test(this.low[after]!)
      )
        continue;
      if (m.end < headEnd) continue;
      const len = m.end - m.start;
      const bestLen = best ? best.end - best.start : -1;
      if (len > bestLen || (len === bestLen && m.entity.type === 'PERSON' && best!.entity.type !== 'PERSON'))
        best = m;
    }
    const phrase = this.text.slice(start, end);
    const personNoun = PERSON_NOUNS.has(head) || head.endsWith('year-old');
    const definite = (this.low[a] === 'the' || this.low[a] === 'this') && !isCapitalised(headTok.text);
    if (!best && MEDIA_NOUNS.has(head) && !isCapitalised(headTok.text)) {
      const media = this.mediaSpeaker(a, b, ms, history, definite);
      if (media) return media;
    }
    if (
      best &&
      definite === false &&
      b - a === 2 &&
      DETERMINERS.has(this.low[a]!) &&
      best.entity.type === 'NORP'
    ) {
      // "the Ghanaian said": the person of that nationality the story follows
      const p = this.affiliatedPerson(best.entity, a, history, true);
      if (p) return p;
    }
    if (best) {
      // a nominal the entity layer linked ("the official") must fit the person's role; a generic one that
      // does not goes to the speaker the story is following
      if (
        definite &&
        best.entity.type === 'PERSON' &&
        DETERMINERS.has(this.text.slice(best.start, best.end).split(' ')[0]!.toLowerCase()) &&
        !(best.entity.role ?? '').toLowerCase().includes(head)
      ) {
        const sal = this.salientPerson(a, history, true);
        if (sal) return sal;
        // "the military official" after "a Burmese official": an unnamed person, not a guess
        if (ANONYMOUS_NOUNS.has(head))
          return { speaker: null, name: this.stripDeterminer(a, b), person: true };
      }
      const e = this.misspeltSurname(best.entity) ?? best.entity;
      return { speaker: e.id, name: e.name, person: e.type === 'PERSON' };
    }
    if (definite && b - a <= 5 && DOC_NOUNS.has(head)) {
      // "the message said": the one who issued it
      const author = this.documentAuthor(a, head, history);
      if (author) return author;
    }
    if ((this.low[a] === 'a' || this.low[a] === 'an') && b - a <= 3 && DOC_NOUNS.has(head)) {
      // `UNHCR said … [¶] "…," a statement said`: the body that has just been speaking
      const body = this.lastBody(a, history, 1);
      if (body) return body;
    }
    if (
      (this.low[a] === 'the' || this.low[a] === 'this') &&
      b - a <= 4 &&
      (personNoun || ORG_NOUNS.has(head))
    ) {
      const ante = this.nominalAntecedent(a, b, personNoun);
      if (ante) return ante;
    }
    if (
      definite &&
      b - a <= 5 &&
      !ORG_NOUNS.has(head) &&
      !DOC_NOUNS.has(head) &&
      !ANONYMOUS_NOUNS.has(head) &&
      !/[^s]s$/.test(head) &&
      !this.low
        .slice(a, b)
        .some((w) => w === 'unnamed' || w === 'anonymous' || w === 'other' || w === 'another')
    ) {
      // "the UN chief": the person named beside that organisation ("UN Secretary-General Antonio Ramos")
      const mod = ms.find(
        (m) => m.end <= headTok.start && (ORG_TYPES.has(m.entity.type) || m.entity.type === 'NORP'),
      );
      const aff = mod ? this.affiliatedPerson(mod.entity, a, history, false) : null;
      if (aff) return aff;
      // "the 61-year-old cleric", "the controversial right-winger": a description of the person in focus
      const sal = this.salientPerson(a, history, false);
      if (sal) return sal;
    }
    const name = this.stripDeterminer(a, b) ?? phrase;
    if (!personNoun && ms.length === 0 && isCapitalised(headTok.text)) {
      // a bare surname: reuse an earlier speaker whose name ends with it ("Kirby" -> "John Kirby")
      for (let i = history.length - 1; i >= 0 && history.length - i <= 200; i--) {
        const h = history[i]!;
        if (h.speakerName && h.speakerName !== phrase && h.speakerName.endsWith(` ${phrase}`)) {
          return { speaker: h.speaker, name: h.speakerName, person: h.person };
        }
      }
      // or an entity in the article with that surname
      if (!this.bySurname) {
        this.bySurname = new Map();
        for (const e of this.entities) {
          if (e.type !== 'PERSON') continue;
          // every multi-word tail of the name: "Kim Jong-un" → "Jong-un"; "Lee Hsien Loong" → "Hsien Loong", "Loong"
          const w = e.name.split(' ');
          for (let i = 1; i < w.length; i++) {
            const tail = w.slice(i).join(' ');
            if (!this.bySurname.has(tail)) this.bySurname.set(tail, e);
          }
        }
      }
      const e = this.bySurname.get(phrase);
      if (e) return { speaker: e.id, name: e.name, person: true };
    }
    if (personNoun) return { speaker: null, name, person: true };
    const orgish = ms.some((m) => ORG_TYPES.has(m.entity.type)) || !isCapitalised(headTok.text);
    return { speaker: null, name, person: orgish ? false : b - a <= 3 && isCapitalised(headTok.text) };
  }

  /**
   * "the minister" / "the 61-year-old" / "the ministry": a definite nominal speaker names someone introduced
   * earlier. Walks back (bounded) to the last use of the head noun outside quotes with a name beside it
   * ("Prosecutor Helena Silva", "a spokeswoman, Lise Dubois", "Martin, 61,", "the Disaster Management
   * Ministry"), and returns that entity, or the capitalised organisation name when no entity covers it.
   */
  private nominalAntecedent(a: number, b: number, person: boolean): SpeakerRef | null {
    const head = this.low[b - 1]!;
    const age = /^(\d+)-year-old$/.exec(head)?.[1];
    const want = (e: Entity) => (person ? e.type === 'PERSON' : ORG_TYPES.has(e.type));
    for (let t = a - 1; t >= 0 && a - t <= 600; t--) {
      if (this.low[t] !== (age ?? head) || this.regionOf[t]! >= 0) continue;
      const s = this.toks[t]!.sentence;
      if (age) {
        // "Paul Martin, 61, said": the name right before ", 61"
        if (t < 2 || this.low[t - 1] !== ',') continue;
        const m = this.mentionsIn(this.toks[t - 2]!.start, this.toks[t - 2]!.end).find(
          (x) => x.end === this.toks[t - 2]!.end && x.entity.type === 'PERSON',
        );
        if (m) return { speaker: m.entity.id, name: m.entity.name, person: true };
        continue;
      }
      if (!person) {
        // the organisation whose name ends with the head ("the Disaster Management Ministry")
        if (!isCapitalised(this.toks[t]!.text)) continue;
        const m = this.mentionsIn(this.toks[t]!.start, this.toks[t]!.end).find((x) => want(x.entity));
        if (m) return { speaker: m.entity.id, name: m.entity.name, person: false };
        let f = t;
        while (f > this.sentFirst[s]! && t - f < 6 && isCapitalised(this.toks[f - 1]!.text)) f--;
        while (f < t && DETERMINERS.has(this.low[f]!)) f++;
        if (f < t)
          return {
            speaker: null,
            name: this.text.slice(this.toks[f]!.start, this.toks[t]!.end),
            person: false,
          };
        continue;
      }
      // a person named beside the role word in the same sentence; the closest wins, a following name on ties
      const lo = Math.max(this.sentFirst[s]!, t - 8);
      const hi = Math.min(this.sentLast[s]! - 1, t + 6);
      const bestM = this.nearestMention(
        lo,
        hi,
        (m) =>
          !want(m.entity) ||
          !isCapitalised(this.text[m.start]!) ||
          PRONOUNS.has(this.text.slice(m.start, m.end).toLowerCase()),
        (m) => (m.start >= this.toks[t]!.end ? this.tokenAt(m.start) - t : t - this.tokenAt(m.end - 1) + 0.5),
      );
      if (bestM) return { speaker: bestM.entity.id, name: bestM.entity.name, person: true };
    }
    return null;
  }

  /**
   * `His wife travelled to Lima …. "…," she said`: a relative of the pronoun's sex ("his wife", "her son")
   * in the narrative since the last attribution (at most three sentences back), named as `kinName` finds.
   */
  private recentKin(at: number, p: string, history: Candidate[]): SpeakerRef | null {
    const sex = p === 'he' ? 'm' : p === 'she' ? 'f' : null;
    if (!sex) return null;
    const last = history.length > 0 ? history[history.length - 1]! : null;
    const lastPos = last ? Math.max(last.anchor, last.cue ? last.cue[1] : -1) : -1;
    const s0 = this.toks[at]!.sentence;
    const from = Math.max(lastPos + 1, this.sentFirst[Math.max(0, s0 - 3)]!, at - 150, 1);
    for (let t = at - 1; t >= from; t--) {
      if (KIN.get(this.low[t]!) !== sex || this.regionOf[t]! >= 0) continue;
      if (!POSSESSIVES.has(this.low[t - 1]!) && !/-year-old$/.test(this.low[t - 1]!)) continue;
      return (
        this.kinName(t) ?? {
          speaker: null,
          name: this.text.slice(this.toks[t - 1]!.start, this.toks[t]!.end),
          person: true,
        }
      );
    }
    return null;
  }

  /**
   * The name given to a relative: "wife Tetsuyo" / "wife Lonnie Ali" at this kin word or at an earlier use
   * of the same word (bounded look-back); the person entity when the entity layer has one.
   */
  private kinName(k: number): SpeakerRef | null {
    const word = this.low[k]!;
    for (let t = k; t >= 0 && k - t <= 600; t--) {
      if (this.low[t] !== word || this.regionOf[t]! >= 0) continue;
      const n = t + 1;
      if (
        n >= this.toks.length ||
        !isCapitalised(this.toks[n]!.text) ||
        this.toks[n]!.sentence !== this.toks[t]!.sentence
      )
        continue;
      const m = this.mentionsIn(this.toks[n]!.start, this.toks[n]!.end).find(
        (x) => x.start === this.toks[n]!.start && x.entity.type === 'PERSON',
      );
      if (m) return { speaker: m.entity.id, name: m.entity.name, person: true };
      let e = n + 1;
      while (
        e < this.toks.length &&
        e - n < 3 &&
        isCapitalised(this.toks[e]!.text) &&
        this.toks[e]!.sentence === this.toks[n]!.sentence
      )
        e++;
      return {
        speaker: null,
        name: this.text.slice(this.toks[n]!.start, this.toks[e - 1]!.end),
        person: true,
      };
    }
    return null;
  }

  /**
   * The subject of the latest narrative sentence before a pronoun speaker, when that sentence comes after
   * the last attribution: "Marco Silva showed no emotion. \"…,\" he told reporters." A sentence opening
   * with a name (or a title and a name) of the right kind; quote sentences are skipped. Bounded to three
   * sentences back.
   */
  private recentSubject(at: number, p: string, history: Candidate[]): SpeakerRef | null {
    const wantPerson = p === 'he' || p === 'she' ? true : p === 'it' ? false : null;
    if (wantPerson === null) return null;
    const last = history.length > 0 ? history[history.length - 1]! : null;
    const lastPos = last ? Math.max(last.anchor, last.cue ? last.cue[1] : -1) : -1;
    const s0 = this.toks[at]!.sentence;
    for (let s = s0 - 1; s >= 0 && s0 - s <= 3; s--) {
      const f = this.sentFirst[s]!;
      if (f < 0) continue;
      if (this.sentLast[s]! <= lastPos) return null;
      if (this.regionOf[f]! >= 0 || isQuoteMark(this.low[f]!)) continue;
      const m = this.sentenceSubject(s);
      if (!m) continue;
      // a pronoun subject ("He rejected …") continues the chain: its own link is no better evidence
      // and so does a description ("The official also accused …"), whose link is a guess too
      const mt = this.text.slice(m.start, m.end).toLowerCase();
      if (PRONOUNS.has(mt) || DETERMINERS.has(mt.split(' ')[0]!)) continue;
      const isPerson = m.entity.type === 'PERSON';
      if (wantPerson ? !isPerson : m.entity.type !== 'ORG') return null;
      // "she" for an entity only ever called "he" (or the reverse) is someone else
      if (wantPerson && this.genderOf(m.entity) === (p === 'he' ? 'f' : 'm')) return null;
      return { speaker: m.entity.id, name: m.entity.name, person: isPerson };
    }
    return null;
  }

  /**
   * The mention a narrative sentence opens with (after capitalised title words), or the one right after a
   * leading participle clause ("Arguing that …, Shen accused …"); null when neither.
   */
  private sentenceSubject(s: number): Mention | null {
    const f = this.sentFirst[s]!;
    const last = this.sentLast[s]!;
    const lim = Math.min(last - 1, f + 3);
    // "In his speech, ElBaradei …": a possessive is no subject
    const m = this.mentionsIn(this.toks[f]!.start, this.toks[lim]!.end).find(
      (x) => !POSSESSIVES.has(this.text.slice(x.start, x.end).toLowerCase()),
    );
    if (m && m.start >= this.toks[f]!.start) {
      let ok = true;
      for (let i = f; i < last && this.toks[i]!.end <= m.start; i++)
        if (!isCapitalised(this.toks[i]!.text)) ok = false;
      if (ok) return m;
    }
    const w = this.low[f]!;
    if (!(w.endsWith('ing') || w === 'asked' || LEADING_PREPS.has(w) || SENTENCE_PREPS.has(w))) return null;
    for (let i = f + 1; i < last && i - f < 40; i++) {
      if (this.low[i] !== ',' || this.regionOf[i]! >= 0) continue;
      const n = this.mentionsIn(
        this.toks[Math.min(i + 1, last - 1)]!.start,
        this.toks[Math.min(i + 4, last - 1)]!.end,
      )[0];
      if (!n || n.start !== this.toks[i + 1]?.start) return null;
      const after = this.tokenAt(n.end);
      return after < last && !isCapitalised(this.toks[after]!.text) && isWordToken(this.low[after]!)
        ? n
        : null;
    }
    return null;
  }

  /**
   * The person a story is following at token `at`: the person speaker of the latest attribution within two
   * paragraphs, else (unless `nearOnly`) the person mentioned most often in the last stretch of text, the
   * later one on ties. Bounded: looks at most 400 mentions back.
   */
  private salientPerson(at: number, history: Candidate[], nearOnly: boolean): SpeakerRef | null {
    const para = this.paraOf[at]!;
    for (let i = history.length - 1; i >= 0 && history.length - i <= HISTORY_REACH; i--) {
      const h = history[i]!;
      if (para - h.paragraph > 2) break;
      if (h.speaker && h.person) return { speaker: h.speaker, name: h.speakerName, person: true };
    }
    if (nearOnly) return null;
    const best = this.mostMentioned(this.firstMentionFrom(this.toks[at]!.start), (e) => e.type === 'PERSON');
    return best ? { speaker: best.id, name: best.name, person: true } : null;
  }

  /**
   * The person tied to an organisation or nationality: the latest one whose name comes right after a
   * mention of it ("UN Secretary-General Antonio Ramos", "Ghana's foreign minister Kwame Mensah"), or, with
   * `byCountry`, whose country is the body's. Bounded look-back over the mentions before token `at`.
   */
  private affiliatedPerson(
    body: Entity,
    at: number,
    history: Candidate[],
    byCountry: boolean,
  ): SpeakerRef | null {
    const ms = this.mentions;
    const lo = this.firstMentionFrom(this.toks[at]!.start);
    if (byCountry && body.country) {
      for (let i = history.length - 1; i >= 0 && history.length - i <= HISTORY_REACH; i--) {
        const h = history[i]!;
        const e = h.speaker ? this.entityById.get(h.speaker) : undefined;
        if (e && e.type === 'PERSON' && e.country === body.country)
          return { speaker: e.id, name: e.name, person: true };
      }
    }
    for (let i = lo - 1; i >= 0 && lo - i <= 400; i--) {
      const m = ms[i]!;
      if (m.entity.type !== 'PERSON' || !isCapitalised(this.text[m.start]!)) continue;
      if (byCountry && body.country && m.entity.country === body.country)
        return { speaker: m.entity.id, name: m.entity.name, person: true };
      const t = this.tokenAt(m.start);
      const near = this.mentionsIn(this.toks[Math.max(0, t - 5)]!.start, m.start);
      if (near.some((x) => x.entity === body && x.end <= m.start))
        return { speaker: m.entity.id, name: m.entity.name, person: true };
    }
    return null;
  }

  /**
   * A document as the speaker phrase: "the paper, penned by Victor Bulmer-Thomas" (the author after it),
   * "a statement read by Qatar's deputy premier" (read out for a body: the organisation the story follows),
   * "his paper added" (the possessor). Returns null when the phrase is no such document.
   */
  private documentPhrase(a: number, b: number, history: Candidate[]): SpeakerRef | null {
    let d = a;
    while (d < b && d - a < 4 && !DOC_NOUNS.has(this.low[d]!)) d++;
    if (d >= b || d - a >= 4) return null;
    const w0 = this.low[a]!;
    if (d === a + 1 && POSSESSIVES.has(w0)) {
      // "His paper added": the possessor, as the entity layer linked it, else the pronoun's speaker
      const t = this.toks[a]!;
      const m = this.mentionsIn(t.start, t.end).find((x) => x.start === t.start && x.end === t.end);
      if (m) return { speaker: m.entity.id, name: m.entity.name, person: false };
      const p = w0 === 'his' ? 'he' : w0 === 'her' ? 'she' : w0 === 'its' ? 'it' : '';
      const near = p ? this.nearSpeaker(a, p, history) : null;
      return near ? { ...near, person: false } : null;
    }
    if (d > a && !DETERMINERS.has(w0)) return null;
    let x = d + 1;
    if (this.low[x] === ',') x++;
    if (x >= this.toks.length || this.toks[x]!.sentence !== this.toks[a]!.sentence) return null;
    const verb = this.low[x]!;
    if (!AUTHOR_PARTICIPLES.has(verb) && verb !== 'read') return null;
    let by = x + 1;
    if (verb === 'read' && this.low[by] === 'out') by++;
    if (this.low[by] !== 'by') return null;
    if (AUTHOR_PARTICIPLES.has(verb)) {
      const author = this.phraseAfter(by + 1);
      if (!author) return null;
      const r = this.resolvePhrase(author, history);
      return r.speaker || r.name ? { ...r, person: false } : null;
    }
    if (verb === 'read') return this.salientBody(a);
    return null;
  }

  /**
   * The organisation a story is about before token `at`: the one mentioned most often in the last stretch
   * of text (the later one on ties), leaving out documents that the entity layer typed as organisations
   * ("Hanoi Declaration"). Bounded: looks at most 400 mentions back.
   */
  private salientBody(at: number): SpeakerRef | null {
    const best = this.mostMentioned(
      this.firstMentionFrom(this.toks[at]!.start),
      (e) => e.type === 'ORG' && !DOC_NOUNS.has(e.name.split(' ').pop()!.toLowerCase()),
    );
    return best ? { speaker: best.id, name: best.name, person: false } : null;
  }

  /**
   * The latest attribution within `paras` paragraphs before token `at` whose speaker is a body (an
   * organisation, a medium, a document), or null when a person spoke last.
   */
  private lastBody(at: number, history: Candidate[], paras: number): SpeakerRef | null {
    const para = this.paraOf[at]!;
    for (let i = history.length - 1; i >= 0 && history.length - i <= HISTORY_REACH; i--) {
      const h = history[i]!;
      if (para - h.paragraph > paras) return null;
      if (!h.speaker && !h.speakerName) continue;
      if (h.person === false) return { speaker: h.speaker, name: h.speakerName, person: false };
      if (h.kind === 'direct' || h.kind === 'indirect') return null;
    }
    return null;
  }

  /**
   * A medium as the speaker phrase: "the Kommersant daily" / "the respected Vedomosti business daily" (the
   * name inside), "Libyan television" (the phrase itself), "the daily" / "the television" (the medium that
   * has been quoted: the latest one with the same head nearby, else the latest body nearby, else the latest
   * one with the same head further back).
   */
  private mediaSpeaker(
    a: number,
    b: number,
    ms: Mention[],
    history: Candidate[],
    definite: boolean,
  ): SpeakerRef | null {
    const head = this.low[b - 1]!;
    const inner = ms.find(
      (m) =>
        m.entity.type === 'ORG' &&
        m.end <= this.toks[b - 1]!.start &&
        isCapitalised(this.text[m.start]!) &&
        !/^['’]s$/.test(this.low[this.tokenAt(m.end)] ?? ''),
    );
    if (inner) return { speaker: inner.entity.id, name: inner.entity.name, person: false };
    if (b - 2 >= a && isCapitalised(this.toks[b - 2]!.text) && !DETERMINERS.has(this.low[b - 2]!)) {
      let f = b - 2;
      while (f > a && isCapitalised(this.toks[f - 1]!.text) && !DETERMINERS.has(this.low[f - 1]!)) f--;
      return {
        speaker: null,
        name: this.text.slice(this.toks[f]!.start, this.toks[b - 1]!.end),
        person: false,
      };
    }
    if (!definite || b - a > 3) return null;
    const para = this.paraOf[a]!;
    const sameHead = (h: Candidate) => {
      const sp = h.speakerSpan;
      return (
        sp !== null &&
        (h.speaker !== null || h.speakerName !== null) &&
        this.low.slice(sp[0], sp[1]).includes(head)
      );
    };
    for (let i = history.length - 1; i >= 0 && history.length - i <= HISTORY_REACH; i--) {
      const h = history[i]!;
      if (para - h.paragraph > 2) break;
      if (sameHead(h)) return { speaker: h.speaker, name: h.speakerName, person: false };
    }
    const body = this.lastBody(a, history, 2);
    if (body) return body;
    for (let i = history.length - 1; i >= 0 && history.length - i <= HISTORY_REACH; i--) {
      const h = history[i]!;
      if (sameHead(h)) return { speaker: h.speaker, name: h.speakerName, person: false };
    }
    return null;
  }

  /**
   * "the message said" / "the report added": the author of a document named earlier — the speaker of an
   * attribution in the sentence that last mentioned it ("al-Sahhaf said in a message …"), else that
   * sentence's subject. Bounded look-back.
   */
  private documentAuthor(a: number, head: string, history: Candidate[]): SpeakerRef | null {
    for (let t = a - 1; t >= 0 && a - t <= 1500; t--) {
      if (this.low[t] !== head || this.regionOf[t]! >= 0) continue;
      const s = this.toks[t]!.sentence;
      // "Nguyen Minh Triet read out the Hanoi Declaration": who reads a document out did not write it
      for (let r = t - 1; r >= this.sentFirst[s]! && t - r <= 4; r--)
        if (this.low[r] === 'read') return this.salientBody(t);
      for (let i = history.length - 1; i >= 0; i--) {
        const h = history[i]!;
        if (h.sentence < s) break;
        if (h.sentence === s && h.speaker) return { speaker: h.speaker, name: h.speakerName, person: false };
      }
      const tok = this.toks[t]!;
      const m = this.sentenceSubject(s);
      if (
        m &&
        (m.entity.type === 'PERSON' || m.entity.type === 'ORG') &&
        isCapitalised(this.text[m.start]!) &&
        this.regionOf[this.tokenAt(m.start)]! < 0 &&
        !(m.start <= tok.start && m.end >= tok.end)
      )
        return { speaker: m.entity.id, name: m.entity.name, person: false };
      // "a paper from Chatham House", "in its report, HRW …": the nearest body or person beside the noun
      const lo = Math.max(this.sentFirst[s]!, t - 6);
      const hi = Math.min(this.sentLast[s]! - 1, t + 6);
      const near = this.nearestMention(
        lo,
        hi,
        // …but not the document itself ("the Hanoi Declaration") nor a possessor ("Hashimoto's departure")
        (x) => {
          const after = this.tokenAt(x.end);
          return (
            !(x.entity.type === 'PERSON' || x.entity.type === 'ORG') ||
            !isCapitalised(this.text[x.start]!) ||
            this.regionOf[this.tokenAt(x.start)]! >= 0 ||
            (x.start <= tok.start && x.end >= tok.end) ||
            (after < this.toks.length && /^['’]s$/.test(this.low[after]!))
          );
        },
        (x) => Math.abs(this.tokenAt(x.start) - t),
      );
      // no author beside this mention of the document: an earlier one may name it
      if (near) return { speaker: near.entity.id, name: near.entity.name, person: false };
    }
    return null;
  }

  /**
   * The speaker of the latest attribution within the current or previous paragraph, when it fits the
   * pronoun ("he"/"she" a person of a compatible gender, "it" an organisation); null otherwise.
   */
  private nearSpeaker(at: number, p: string, history: Candidate[]): SpeakerRef | null {
    const wantPerson = p === 'he' || p === 'she' ? true : p === 'it' ? false : null;
    if (wantPerson === null) return null;
    const para = this.paraOf[at]!;
    for (let i = history.length - 1; i >= 0 && history.length - i <= HISTORY_REACH; i--) {
      const h = history[i]!;
      if (para - h.paragraph > 2) return null;
      if (!h.speaker) {
        // "a military official said … he said": the unnamed person, not someone named in passing
        if (h.speakerName && h.person === true && wantPerson && !/[^s]s$/.test(h.speakerName))
          return { speaker: null, name: h.speakerName, person: true };
        // "Rating agency Moody's said … it said": a body the entity layer did not name
        if (h.speakerName && h.person === false && !wantPerson)
          return { speaker: null, name: h.speakerName, person: false };
        continue;
      }
      if (h.person !== wantPerson) return null;
      if (wantPerson) {
        const e = this.entityById.get(h.speaker);
        if (e && this.genderOf(e) === (p === 'he' ? 'f' : 'm')) return null;
      }
      return { speaker: h.speaker, name: h.speakerName, person: h.person };
    }
    return null;
  }

  /**
   * "Lehman said" after "Tyge Lehmann": a one-word person entity that is a dropped or doubled letter away
   * from the surname of exactly one fully named person (wire copy misspells names) is that person. Only
   * surnames of five letters or more, and never a substituted letter ("Jones" / "Jonas" are two people).
   */
  private misspeltSurname(e: Entity): Entity | null {
    if (e.type !== 'PERSON' || e.name.includes(' ') || e.name.length < 5) return null;
    const known = this.typos.get(e);
    if (known !== undefined) return known;
    let found: Entity | null = null;
    let n = 0;
    for (const x of this.entities) {
      if (x === e || x.type !== 'PERSON' || !x.name.includes(' ')) continue;
      const last = x.name.slice(x.name.lastIndexOf(' ') + 1);
      if (last === e.name) {
        n = 2; // the exact surname of someone else: no typo
        break;
      }
      if (oneIndelApart(last, e.name)) {
        found = x;
        n++;
      }
      if (n > 1) break;
    }
    const r = n === 1 ? found : null;
    this.typos.set(e, r);
    return r;
  }

  /** 'm' / 'f' from the pronouns the entity layer linked to an entity, or null when unknown or mixed. */
  private genderOf(e: Entity): 'm' | 'f' | null {
    const known = this.genders.get(e);
    if (known !== undefined) return known;
    const g = this.countGender(e);
    this.genders.set(e, g);
    return g;
  }

  private countGender(e: Entity): 'm' | 'f' | null {
    let m = 0;
    let f = 0;
    for (const x of e.mentions) {
      const w = x.text.toLowerCase();
      if (w === 'he' || w === 'him' || w === 'his' || w === 'himself') m++;
      else if (w === 'she' || w === 'her' || w === 'hers' || w === 'herself') f++;
    }
    return m > f ? 'm' : f > m ? 'f' : null;
  }

  private stripDeterminer(a: number, b: number): string | null {
    if (DETERMINERS.has(this.low[a]!) && b - a > 1) {
      return this.text.slice(this.toks[a + 1]!.start, this.toks[b - 1]!.end);
    }
    return null;
  }

  /**
   * `The Security Council … pledged sanctions against what it called "…"`: a pronoun later in its own
   * sentence whose subject is a name of the right kind (a person for he/she, an organisation for it) refers
   * to that subject, before any earlier speaker does.
   */
  private sentenceAntecedent(at: number, p: string): SpeakerRef | null {
    const wantPerson = p === 'he' || p === 'she' ? true : p === 'it' ? false : null;
    if (wantPerson === null) return null;
    const s = this.toks[at]!.sentence;
    if (this.sentFirst[s]! >= at - 1) return null;
    const m = this.sentenceSubject(s);
    if (!m || m.end > this.toks[at]!.start || !isCapitalised(this.text[m.start]!)) return null;
    if (PRONOUNS.has(this.text.slice(m.start, m.end).toLowerCase())) return null;
    const isPerson = m.entity.type === 'PERSON';
    if (wantPerson ? !isPerson : m.entity.type !== 'ORG') return null;
    if (wantPerson && this.genderOf(m.entity) === (p === 'he' ? 'f' : 'm')) return null;
    return { speaker: m.entity.id, name: m.entity.name, person: isPerson };
  }

  /**
   * `Demonstrators said they want "justice"`: a "they" right after a report verb (and "that") speaks for
   * the plural subject of that verb, in the same clause; walking back through earlier speakers would pick
   * whoever was quoted last. Returns that subject phrase as tokens, or null.
   */
  private reportedThey([a, b]: [number, number]): [number, number] | null {
    if (b - a !== 1 || this.low[a] !== 'they') return null;
    const first = this.sentFirst[this.toks[a]!.sentence]!;
    let k = a - 1;
    if (k > first && this.low[k] === 'that') k--;
    if (k <= first || !this.reportCue(k) || isCapitalised(this.toks[k]!.text)) return null;
    const subj = this.subjectBefore(k);
    if (!subj) return null;
    const head = this.low[subj[1] - 1]!;
    if (PRONOUNS.has(head) || !/[a-z]s$/.test(head) || /ss$/.test(head) || !this.isNounPhrase(subj))
      return null;
    return subj[1] - subj[0] <= 5 ? subj : null;
  }

  private resolvePronoun(p: string, at: number, history: Candidate[]): SpeakerRef {
    const wantPerson = p === 'he' || p === 'she' ? true : p === 'it' ? false : null;
    if (p === 'i' || p === 'we' || p === 'you') return { speaker: null, name: null, person: null };
    for (let i = history.length - 1; i >= 0 && history.length - i <= 200; i--) {
      const h = history[i]!;
      if (!h.speakerName && !h.speaker) continue;
      if (wantPerson === null || h.person === wantPerson) {
        return { speaker: h.speaker, name: h.speakerName, person: h.person };
      }
    }
    // no earlier speaker: the closest earlier entity of the right kind
    const pos = this.toks[at]!.start;
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && lo - i <= 2000; i--) {
      const m = this.mentions[i]!;
      if (m.end > pos) continue;
      const isPerson = m.entity.type === 'PERSON';
      if (
        wantPerson === null
          ? isPerson || m.entity.type === 'ORG'
          : wantPerson
            ? isPerson
            : m.entity.type === 'ORG'
      ) {
        return { speaker: m.entity.id, name: m.entity.name, person: isPerson };
      }
    }
    return { speaker: null, name: null, person: null };
  }

  private resolveSpeakers(cands: Candidate[]): void {
    const history: Candidate[] = [];
    let lastDirect: Candidate | undefined;
    for (const c of cands) {
      if (c.participle) {
        // the subject of the main clause: an attribution with a cue earlier in the same sentence
        let main: Candidate | undefined;
        for (let i = history.length - 1; i >= 0 && history[i]!.sentence >= c.sentence; i--) {
          const h = history[i]!;
          // "… an architect who said he was stiffed …, saying": not a cue inside a relative clause
          if (h.sentence === c.sentence && h.cue !== null && h.cue[0] < c.cue![0] && !this.subordinate(h)) {
            main = h;
            break;
          }
        }
        if (main) {
          c.speaker = main.speaker;
          c.speakerName = main.speakerName;
          c.person = main.person;
          c.speakerSpan = main.speakerSpan;
        } else {
          const subj =
            this.clauseSubject(c.sentence, c.cue![0]) ??
            this.mainSubject(c.sentence, c.cue![0]) ??
            this.subjectBefore(this.firstVerbGuess(c.sentence, c.cue![0])) ??
            this.subjectMention(c.sentence, c.cue![0]);
          if (subj) {
            const r = this.resolvePhrase(subj, history);
            c.speaker = r.speaker;
            c.speakerName = r.name;
            c.person = r.person;
            c.speakerSpan = subj;
          }
        }
      } else if (c.source) {
        c.source = this.reportedThey(c.source) ?? c.source;
        const r = this.resolvePhrase(c.source, history);
        c.speaker = r.speaker;
        c.speakerName = r.name;
        c.person = r.person;
        c.speakerSpan = c.source;
      } else if (c.inherit) {
        // a cue-less quote paragraph: the speaker of the adjacent earlier quote, or of a report just before
        // it (`Annan said he did not think … "could take another crisis". [¶] "It's in a very …"`)
        let last = history.length > 0 ? history[history.length - 1]! : undefined;
        // of several reports in that sentence, the main clause's (the first): "Karaha denied …, although
        // Paris has suggested …"
        for (let i = history.length - 2; last && last.kind === 'indirect' && i >= 0; i--) {
          const h = history[i]!;
          if (h.sentence !== last.sentence) break;
          if (h.kind === 'indirect' && h.cue && h.speaker && this.reportCue(h.cue[0])) last = h;
        }
        // …but not one inside a relative or subordinate clause ("Citizens who say …, he said")
        if (last && last.kind === 'indirect' && this.subordinate(last)) {
          let main: Candidate | undefined;
          for (let i = history.length - 1; i >= 0 && history[i]!.sentence >= last.sentence; i--) {
            const h = history[i]!;
            if (h.sentence === last.sentence && h.kind === 'indirect' && !this.subordinate(h)) {
              main = h;
              break;
            }
          }
          last = main ?? lastDirect;
        }
        const report =
          last &&
          last.kind === 'indirect' &&
          last.cue &&
          (last.speaker || last.speakerName) &&
          c.sentence - last.sentence <= 1 &&
          !(lastDirect && lastDirect.paragraph === c.paragraph) &&
          this.reportCue(last.cue[0]);
        const prev = report ? last : lastDirect;
        // `Sanders … identified exhaustion with bigotry as a reason. "The younger people are …"`: a
        // person introduced in the same paragraph right before the quote, over a speaker of an earlier one
        const intro = prev && prev.paragraph < c.paragraph ? this.paragraphIntro(c) : null;
        if (intro) {
          const [a, b] = intro;
          const r = this.resolvePhrase(intro, history);
          c.speaker = r.speaker;
          c.speakerName = r.name;
          c.person = r.person;
          c.speakerSpan = [a, b];
          c.rule = 'direct:intro';
        } else if (
          prev &&
          c.paragraph - prev.paragraph <= 1 &&
          (prev.speaker || prev.speakerName || prev.speakerSpan)
        ) {
          c.speaker = prev.speaker;
          c.speakerName = prev.speakerName;
          c.person = prev.person;
          c.speakerSpan = prev.speakerSpan;
          c.rule = 'direct:inherited';
          // the rest of a quote split around its cue in one paragraph is the same attribution
          if (prev.paragraph === c.paragraph && prev.cue) c.cue = prev.cue;
        }
      }
      if (c.speaker || c.speakerName) history.push(c);
      else if (c.kind === 'direct') history.push(c);
      if (c.kind === 'direct') lastDirect = c;
    }
    // cue-less quotes before their speaker is named: take the next adjacent quote's speaker
    let next: Candidate | undefined;
    for (let i = cands.length - 1; i >= 0; i--) {
      const c = cands[i]!;
      const after = next;
      if (c.kind === 'direct') next = c;
      if (!c.inherit || c.speaker || c.speakerName || c.speakerSpan) continue;
      if (
        after &&
        after.paragraph - c.paragraph <= 1 &&
        (after.speaker || after.speakerName || after.speakerSpan)
      ) {
        const next = after;
        c.speaker = next.speaker;
        c.speakerName = next.speakerName;
        c.person = next.person;
        c.speakerSpan = next.speakerSpan;
        if (next.paragraph === c.paragraph && next.cue) c.cue = next.cue;
      }
    }
    this.inheritFromNarrative(cands);
  }

  /**
   * The person a cue-less quote's paragraph opens with: the named subject of the narrative sentence right
   * before the quote, in the same paragraph (not a quote sentence itself), as tokens; null otherwise.
   */
  private paragraphIntro(c: Candidate): [number, number] | null {
    const s = c.sentence - 1;
    const f = s >= 0 ? this.sentFirst[s]! : -1;
    if (f < 0 || this.paraOf[f] !== c.paragraph || this.regionOf[f]! >= 0 || isQuoteMark(this.low[f]!))
      return null;
    let m = this.sentenceSubject(s);
    if (!m) {
      // `On "Face the Nation," Sen. Bernie Sanders (Vt.), who lost …, identified …`: the clause subject
      const subj = this.mainSubject(s, this.sentLast[s]!);
      if (subj) {
        const a = this.toks[subj[0]]!.start;
        m = this.mentionsIn(a, this.toks[subj[1] - 1]!.end).find((x) => x.entity.type === 'PERSON') ?? null;
      }
    }
    if (m?.entity.type !== 'PERSON' || !isCapitalised(this.text[m.start]!)) return null;
    if (PRONOUNS.has(this.text.slice(m.start, m.end).toLowerCase())) return null;
    return [this.tokenAt(m.start), this.tokenAt(m.end - 1) + 1];
  }

  /**
   * Cue-less quotes that no adjacent quote or report attributes take the actor of the narrative sentence
   * right before them, in the same or the previous paragraph: the speaker of its main attribution ("He
   * called on the government to …"), else its subject (`Abbas, who …, also appealed for calm. [¶] "Any
   * bullet shot …"`). Quote sentences are no narrative.
   */
  private inheritFromNarrative(cands: Candidate[]): void {
    const main = new Map<number, Candidate>();
    for (const c of cands)
      if (c.cue && c.speaker && !main.has(c.sentence) && !this.subordinate(c)) main.set(c.sentence, c);
    const seen: Candidate[] = [];
    for (const c of cands) {
      if (c.speaker) seen.push(c);
      if (!c.inherit || c.speaker || c.speakerName || c.speakerSpan) continue;
      const s = c.sentence - 1;
      const f = s >= 0 ? this.sentFirst[s]! : -1;
      if (f < 0 || c.paragraph - this.paraOf[f]! > 1) continue;
      const h = main.get(s);
      if (h) {
        c.speaker = h.speaker;
        c.speakerName = h.speakerName;
        c.person = h.person;
        c.speakerSpan = h.speakerSpan;
        continue;
      }
      if (this.regionOf[f]! >= 0 || isQuoteMark(this.low[f]!)) continue;
      if (this.low[f] === 'the' && DOC_NOUNS.has(this.low[f + 1]!)) {
        // "The report urges China to …" [¶] "Its obstinacy …": the document's author
        const author = this.documentAuthor(f, this.low[f + 1]!, seen);
        if (author?.speaker) {
          c.speaker = author.speaker;
          c.speakerName = author.name;
          c.person = false;
          c.speakerSpan = [f, f + 2];
        }
        continue;
      }
      const m = this.sentenceSubject(s);
      if (
        !m ||
        !(m.entity.type === 'PERSON' || m.entity.type === 'ORG') ||
        !isCapitalised(this.text[m.start]!)
      )
        continue;
      c.speaker = m.entity.id;
      c.speakerName = m.entity.name;
      c.person = m.entity.type === 'PERSON';
      c.speakerSpan = [this.tokenAt(m.start), this.tokenAt(m.end - 1) + 1];
    }
  }

  /** An attribution whose cue sits in a relative or subordinate clause: "who say", "although X said". */
  private subordinate(c: Candidate): boolean {
    if (!c.cue) return false;
    const k = c.cue[0];
    const first = this.sentFirst[this.toks[k]!.sentence]!;
    if (k > first && (this.low[k - 1] === 'who' || this.low[k - 1] === 'which')) return true;
    const b = c.source ? c.source[0] : -1;
    const w = b > first ? this.low[b - 1]! : '';
    // "But Lankov argued …": a coordinator opening the sentence leaves its clause the main one
    if (b - 1 === first && (w === 'but' || w === 'yet' || w === 'so' || w === 'or')) return false;
    return b > first && SUBJECT_STOP.has(w) && w !== 'and';
  }

  /** A cue that reports speech ("said", "told", "warned"), not a stance verb ("wants", "backed"). */
  private reportCue(k: number): boolean {
    const cls = cueClass(this.low[k]!);
    return cls === 'strong' || cls === 'that' || this.low[k] === 'according';
  }

  /** A rough main-verb position for participle clauses without an earlier cue: the token before the comma. */
  /**
   * "When his family moved back, his mother refused to teach him, insisting …": the subject of the clause
   * right before the participle's comma, when that clause opens with one.
   */
  private clauseSubject(s: number, cueTok: number): [number, number] | null {
    const first = this.sentFirst[s]!;
    const c = cueTok - 1; // the comma before the participle
    let b = c;
    while (b > first && c - b < 30 && !CLAUSE_PUNCT.has(this.low[b - 1]!)) b--;
    if (b <= first) return null;
    for (let i = b + 1; i < c; i++) {
      const w = this.low[i]!;
      const verb = (/(ed|s)$/.test(w) || cueClass(w) === 'strong') && !isCapitalised(this.toks[i]!.text);
      if (verb && !CUE_PREFIX.has(w)) {
        const subj = this.subjectBefore(i);
        const named = subj && (this.leadingPhrase(subj) || this.isSpeakerPhrase(subj[0], subj[1]));
        return subj && subj[0] === b && named ? subj : null;
      }
    }
    return null;
  }

  /**
   * `Dean, a former party chairman, poked at …, tweeting, "…"` / `Clinton spoke out Tuesday about …,
   * arguing …`: the person or organisation mention opening the sentence (or its main clause), as tokens,
   * when it lies before token `before`; null otherwise.
   */
  private subjectMention(s: number, before: number): [number, number] | null {
    const m = this.sentenceSubject(s);
    if (!m || (m.entity.type !== 'PERSON' && m.entity.type !== 'ORG')) return null;
    const a = this.tokenAt(m.start);
    const b = this.tokenAt(m.end - 1) + 1;
    return b <= before ? [a, b] : null;
  }

  private firstVerbGuess(s: number, cueTok: number): number {
    const first = this.sentFirst[s]!;
    for (let i = first + 1; i < cueTok; i++) {
      const w = this.low[i]!;
      if (CLAUSE_PUNCT.has(w)) break;
      if (/(ed|s)$/.test(w) && !isCapitalised(this.toks[i]!.text) && i > first) return i;
    }
    return first;
  }

  /** Attributions indexed for partial quotes: by content start, and the first one cued in each sentence. */
  private ownerIndex(cands: Candidate[]): { byStart: Candidate[]; bySentence: Map<number, Candidate> } {
    if (this.owners) return this.owners;
    const byStart = cands
      .filter((c) => c.kind !== 'partial')
      .sort((x, y) => x.content.start - y.content.start);
    const bySentence = new Map<number, Candidate>();
    for (const c of cands) {
      if (!c.cue) continue;
      const s = this.toks[c.cue[0]]!.sentence;
      if (!bySentence.has(s)) bySentence.set(s, c);
    }
    this.owners = { byStart, bySentence };
    return this.owners;
  }

  private partialQuote(r: QuoteRegion, cands: Candidate[]): ExtractedQuote | null {
    const content = this.contentSpan(r.from, r.to);
    if (!content) return null;
    const s = this.toks[r.open]!.sentence;
    // the attribution whose content holds the fragment, else one cued in the same sentence
    const idx = this.ownerIndex(cands);
    let owner: Candidate | undefined;
    let lo = 0;
    let hi = idx.byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (idx.byStart[mid]!.content.start <= content.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && lo - i <= 50; i--) {
      const c = idx.byStart[i]!;
      if (c.content.end >= content.end && (!owner || c.anchor < owner.anchor)) owner = c;
    }
    owner ??= idx.bySentence.get(s);
    let speaker: string | null = null;
    let speakerName: string | null = null;
    let speakerSpan: [number, number] | null = null;
    let cue: [number, number] | null = null;
    let rule = 'partial:report';
    const asPut = this.asTheyPutIt(r);
    if (asPut) {
      // `… a "lawful source of income," as a Homeland Security memo put it`: the one named there
      const res = this.resolvePhrase(asPut, []);
      speaker = res.speaker;
      speakerName = res.name ?? this.text.slice(this.toks[asPut[0]]!.start, this.toks[asPut[1] - 1]!.end);
      speakerSpan = asPut;
      rule = 'partial:as-put';
    } else if (owner && (owner.speaker || owner.speakerName)) {
      speaker = owner.speaker;
      speakerName = owner.speakerName;
      speakerSpan = owner.speakerSpan;
      cue = owner.cue;
    } else {
      // no report around it: the subject entity of the sentence proposes the term (or it is left out):
      // the one opening the sentence or its main clause ("In his speech, Trump proclaimed a "…""), else
      // the first person or organisation named before the quote
      const first = this.sentFirst[s]!;
      const opening = this.sentenceSubject(s);
      const ms = this.mentionsIn(this.toks[first]!.start, this.toks[r.open]!.start);
      const named =
        opening &&
        (opening.entity.type === 'PERSON' || opening.entity.type === 'ORG') &&
        opening.end <= this.toks[r.open]!.start
          ? opening
          : null;
      // `He made the criticism while showing support for Clinton's "public option"` / `Although the IMF
      // …, it referenced "…"`: a pronoun opening the main clause before its verb is the subject
      const mc = this.mainClauseStart(first, r.open);
      const pro = SUBJECT_PRONOUNS.has(this.low[mc]!) && mc + 1 < r.open;
      if (!named && pro && isWordToken(this.low[mc + 1]!) && !isCapitalised(this.toks[mc + 1]!.text)) {
        const res = this.resolvePhrase([mc, mc + 1], []);
        speaker = res.speaker;
        speakerName = res.name;
        speakerSpan = [mc, mc + 1];
      } else {
        const m = named ?? ms.find((x) => x.entity.type === 'PERSON' || x.entity.type === 'ORG');
        if (!m) return null;
        speaker = m.entity.id;
        speakerName = m.entity.name;
        const a = this.tokenAt(m.start);
        speakerSpan = [a, this.tokenAt(m.end - 1) + 1];
      }
      rule = 'partial:subject';
    }
    return {
      id: '',
      kind: 'partial',
      start: content.start,
      end: content.end,
      text: this.text.slice(content.start, content.end),
      speaker,
      speakerName,
      cue: cue ? this.tokSpan(cue) : null,
      rule,
      speakerSpan: speakerSpan ? this.tokSpan(speakerSpan) : null,
    };
  }

  /**
   * `as a Homeland Security memo put it, "…"` / `"…," as The New Yorker called it` / `as Smith wrote, "…"`:
   * the phrase naming whose words a quoted fragment is, within ten tokens of its marks in the same sentence.
   */
  private asTheyPutIt(r: QuoteRegion): [number, number] | null {
    if (r.close < 0) return null;
    const s = this.toks[r.open]!.sentence;
    const from = Math.max(this.sentFirst[s]!, r.open - 12);
    const to = Math.min(this.sentLast[s]!, r.close + 12);
    for (let i = from; i < to; i++) {
      if (i >= r.open && i <= r.close) {
        i = r.close;
        continue;
      }
      if (this.low[i] !== 'as') continue;
      for (let v = i + 2; v < to && v - i <= 7; v++) {
        const w = this.low[v]!;
        if (!isWordToken(w) || CLAUSE_VERBS.has(w)) break;
        const next = this.low[v + 1] ?? '.';
        const ok = AS_PUT_OBJECT.has(w)
          ? next === 'it' || next === 'them'
          : AS_PUT_BARE.has(w) && (CLAUSE_PUNCT.has(next) || END_PUNCT.has(next) || isQuoteMark(next));
        if (!ok) continue;
        return this.isSpeakerPhrase(i + 1, v) || this.isNamePhrase(i + 1, v) ? [i + 1, v] : null;
      }
    }
    return null;
  }

  /** A short phrase of a determiner or number and capitalised words ("one aide", "a Homeland Security memo"). */
  private isNamePhrase(a: number, b: number): boolean {
    if (b - a > 6) return false;
    for (let i = a; i < b; i++) if (!isWordToken(this.low[i]!) && this.low[i] !== '.') return false;
    return DETERMINERS.has(this.low[a]!) || this.low[a] === 'one' || isCapitalised(this.toks[a]!.text);
  }

  private tokSpan([a, b]: [number, number]): TextSpan {
    const start = this.toks[a]!.start;
    const end = this.toks[b - 1]!.end;
    return { start, end, text: this.text.slice(start, end) };
  }

  private toQuote(c: Candidate): ExtractedQuote {
    return {
      id: '',
      kind: c.kind,
      start: c.content.start,
      end: c.content.end,
      text: this.text.slice(c.content.start, c.content.end),
      speaker: c.speaker,
      speakerName: c.speakerName,
      cue: c.cue ? this.tokSpan(c.cue) : null,
      rule: c.rule,
      speakerSpan: c.speakerSpan ? this.tokSpan(c.speakerSpan) : null,
    };
  }
}
