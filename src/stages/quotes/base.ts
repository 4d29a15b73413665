import type { Token } from '../../core/document.js';
import type { Entity, Span, TextSpan } from '../../core/types.js';
import type { CueClass } from './lexicon.js';
import { findQuoteRegions, isQuoteMark, type QuoteRegion } from './marks.js';
import type { Candidate, ExtractedQuote, Mention, QuoteInput, SpeakerRef } from './shared.js';

/**
 * The extractor's state (token arrays, sentence and paragraph maps, quotation regions, entity mentions) and
 * the token helpers every part uses; the parts are declared here and implemented by the layers below, one
 * job each.
 */
export abstract class ExtractorBase {
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
  protected readonly genders = new Map<Entity, 'm' | 'f' | null>();
  protected bySurname: Map<string, Entity> | null = null;
  protected readonly typos = new Map<Entity, Entity | null>();
  protected owners: { byStart: Candidate[]; bySentence: Map<number, Candidate> } | null = null;
  /** Token after the cue of the last quote attributed by a cue after it (for the split quote's rest). */
  protected splitCueEnd = -1;
  /** Token right after the last dash signature (`"…" ― Ann Lee`), where a listed next quote may open. */
  protected signatureEnd = -1;

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

  protected contentSpan(from: number, to: number): Span | null {
    let a = from;
    let b = to;
    while (b > a && (this.low[b - 1] === ',' || isQuoteMark(this.low[b - 1]!))) b--;
    while (a < b && isQuoteMark(this.low[a]!)) a++;
    if (b <= a) return null;
    return { start: this.toks[a]!.start, end: this.toks[b - 1]!.end };
  }

  protected tokenAt(charPos: number): number {
    let lo = 0;
    let hi = this.toks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.toks[mid]!.end <= charPos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  protected tokSpan([a, b]: [number, number]): TextSpan {
    const start = this.toks[a]!.start;
    const end = this.toks[b - 1]!.end;
    return { start, end, text: this.text.slice(start, end) };
  }

  // ---------------------------------------------------------------- parts (implemented by the layers)

  protected abstract isTitleLike(r: QuoteRegion): boolean;
  protected abstract opensClause(r: QuoteRegion): boolean;
  protected abstract classifyRegion(r: QuoteRegion): Candidate | 'partial' | null;
  protected abstract dashSignature(
    r: QuoteRegion,
  ): { cue: [number, number]; source: [number, number]; end: number } | null;
  protected abstract transcriptLabel(r: QuoteRegion): number;
  protected abstract cueLaterInSentence(
    r: QuoteRegion,
  ): { cue: [number, number]; source: [number, number] } | null;
  protected abstract cueAt(k: number): { end: number; cls: CueClass | 'according' } | null;
  protected abstract passiveBefore(k: number): boolean;
  protected abstract cueAfterQuote(
    r: QuoteRegion,
  ): { cue: [number, number]; source: [number, number] | null } | null;
  protected abstract unclosedAppositive(
    k: number,
    comma: number,
  ): { cue: [number, number]; source: [number, number] } | null;
  protected abstract nameThenCue(j: number): { cue: [number, number]; source: [number, number] } | null;
  protected abstract insertEnd(comma: number): number;
  protected abstract parenEnd(open: number, stop: number): number;
  protected abstract unlistedCueAfter(k: number): { cue: [number, number]; source: [number, number] } | null;
  protected abstract cueBeforeQuote(
    r: QuoteRegion,
  ): { cue: [number, number]; source: [number, number] | null; participle?: boolean } | null;
  protected abstract findIndirect(cands: Candidate[], directSpans: Span[]): void;
  protected abstract makeIndirect(
    rule: string,
    content: Span,
    cue: [number, number],
    source: [number, number] | null,
    sentence: number,
    participle?: boolean,
  ): Candidate;
  protected abstract indirectAt(
    k: number,
    cueEnd: number,
    cls: CueClass | 'according',
    first: number,
    end: number,
    s: number,
  ): Candidate | null;
  protected abstract contentEnd(c: number, end: number): number;
  protected abstract hasClauseAfter(cueEnd: number, end: number): boolean;
  protected abstract findThat(from: number, end: number): number;
  protected abstract contentStart(cueEnd: number, end: number, cls: CueClass, cueWord: string): number;
  protected abstract coordinateSubject(k: number, first: number): [number, number] | null;
  protected abstract openingSubject(first: number, end: number): [number, number] | null;
  protected abstract invertedSubject(from: number, end: number): [number, number] | null;
  protected abstract openingNominal(a: number, end: number): [number, number] | null;
  protected abstract mainClauseStart(first: number, end: number): number;
  protected abstract finiteVerbAt(i: number): boolean;
  protected abstract leadingPhraseEnd(first: number, end: number): number;
  protected abstract mainSubject(s: number, before: number): [number, number] | null;
  protected abstract headSubject(k: number): [number, number] | null;
  protected abstract clauseHead(
    s: number,
    before: number,
  ): { subject: [number, number]; verb: number } | null;
  protected abstract leadingPhrase([a, b]: [number, number]): [number, number] | null;
  protected abstract appositiveSubject(k: number): [number, number] | null;
  protected abstract hasCapitalised(a: number, b: number): boolean;
  protected abstract afterPreposition(t: number): boolean;
  protected abstract personEndingAt(t: number, first: number): number;
  protected abstract subjectBefore(k: number): [number, number] | null;
  protected abstract phraseAfter(from: number, end?: number): [number, number] | null;
  protected abstract isSpeakerPhrase(a: number, b: number): boolean;
  protected abstract isNounPhrase([a, b]: [number, number]): boolean;
  protected abstract firstMentionFrom(pos: number): number;
  protected abstract mostMentioned(lo: number, keep: (e: Entity) => boolean): Entity | null;
  protected abstract nearestMention(
    lo: number,
    hi: number,
    skip: (m: Mention) => boolean,
    dist: (m: Mention) => number,
  ): Mention | null;
  protected abstract mentionsIn(a: number, b: number): Mention[];
  protected abstract resolvePhrase(src: [number, number], history: Candidate[]): SpeakerRef;
  protected abstract nominalAntecedent(a: number, b: number, person: boolean): SpeakerRef | null;
  protected abstract recentKin(at: number, p: string, history: Candidate[]): SpeakerRef | null;
  protected abstract kinName(k: number): SpeakerRef | null;
  protected abstract recentSubject(at: number, p: string, history: Candidate[]): SpeakerRef | null;
  protected abstract sentenceSubject(s: number): Mention | null;
  protected abstract salientPerson(at: number, history: Candidate[], nearOnly: boolean): SpeakerRef | null;
  protected abstract affiliatedPerson(
    body: Entity,
    at: number,
    history: Candidate[],
    byCountry: boolean,
  ): SpeakerRef | null;
  protected abstract documentPhrase(a: number, b: number, history: Candidate[]): SpeakerRef | null;
  protected abstract salientBody(at: number): SpeakerRef | null;
  protected abstract lastBody(at: number, history: Candidate[], paras: number): SpeakerRef | null;
  protected abstract mediaSpeaker(
    a: number,
    b: number,
    ms: Mention[],
    history: Candidate[],
    definite: boolean,
  ): SpeakerRef | null;
  protected abstract documentAuthor(a: number, head: string, history: Candidate[]): SpeakerRef | null;
  protected abstract nearSpeaker(at: number, p: string, history: Candidate[]): SpeakerRef | null;
  protected abstract misspeltSurname(e: Entity): Entity | null;
  protected abstract genderOf(e: Entity): 'm' | 'f' | null;
  protected abstract countGender(e: Entity): 'm' | 'f' | null;
  protected abstract stripDeterminer(a: number, b: number): string | null;
  protected abstract sentenceAntecedent(at: number, p: string): SpeakerRef | null;
  protected abstract reportedThey([a, b]: [number, number]): [number, number] | null;
  protected abstract resolvePronoun(p: string, at: number, history: Candidate[]): SpeakerRef;
  protected abstract resolveSpeakers(cands: Candidate[]): void;
  protected abstract paragraphIntro(c: Candidate): [number, number] | null;
  protected abstract inheritFromNarrative(cands: Candidate[]): void;
  protected abstract subordinate(c: Candidate): boolean;
  protected abstract reportCue(k: number): boolean;
  protected abstract clauseSubject(s: number, cueTok: number): [number, number] | null;
  protected abstract subjectMention(s: number, before: number): [number, number] | null;
  protected abstract firstVerbGuess(s: number, cueTok: number): number;
  protected abstract ownerIndex(cands: Candidate[]): {
    byStart: Candidate[];
    bySentence: Map<number, Candidate>;
  };
  protected abstract partialQuote(r: QuoteRegion, cands: Candidate[]): ExtractedQuote | null;
  protected abstract asTheyPutIt(r: QuoteRegion): [number, number] | null;
  protected abstract isNamePhrase(a: number, b: number): boolean;
}
