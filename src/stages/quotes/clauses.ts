import type { CorefChain, SyntaxWord } from '../../core/document.js';
import type { Entity, TextSpan } from '../../core/types.js';
import {
  isSpeechLemma,
  KIN_NOUNS,
  RELATIVE_PRONOUNS,
  SPEECH_NOUNS,
  speechVerb,
  verbLemma,
} from '../../knowledge/english/index.js';
import { baseRel, SyntaxIndex } from '../syntax/query.js';
import type { ExtractedQuote } from './extract.js';
import { circumstanceClause, cueGoverns, cueMood, governedStart } from './governs.js';
import {
  cueClass,
  INFINITIVE_NOT_SPEECH,
  NOT_SOURCES,
  OBJECT_SENSE_NOT_SPEECH,
  PERSON_NOUNS,
} from './lexicon.js';
import { DOC_NOUNS } from './shared.js';

/**
 * Nouns whose "of X" / "X's" complement is not the speaker: in "the sister of X accused the ministry" the
 * sister speaks, not X. Kin nouns plus the people who speak for someone else in their own name.
 */
const RELATION_NOUNS: ReadonlySet<string> = new Set([
  ...KIN_NOUNS.keys(),
  'lawyer',
  'attorney',
  'friend',
  'neighbour',
  'neighbor',
]);

const PLACE_TYPES: ReadonlySet<string> = new Set(['GPE', 'LOC']);

/** Why a quote was dropped or changed by the clause checks (kept for tests and for `rule`). */
export type ClauseVerdict = 'keep' | 'not-speech' | 'negated' | 'relation-speaker';

/** The lemma of a cue word: the parser's lemma, else the shared morphology's guess from its form. */
function cueLemma(w: SyntaxWord): string {
  const l = w.lemma.toLowerCase();
  return l && l !== '_' ? l : verbLemma(w.text);
}

/**
 * `isSpeechLemma` for British spellings too: the speech lexicon (VerbNet) spells "criticize", wire copy often
 * "criticised".
 */
function isSpeech(lemma: string, groups?: Parameters<typeof isSpeechLemma>[1]): boolean {
  if (isSpeechLemma(lemma, groups)) return true;
  return /[^s]ise$/.test(lemma) && isSpeechLemma(`${lemma.slice(0, -3)}ize`, groups);
}

/**
 * Judges one quote's cue on the sentence's structure. A cue must be a speech or reporting verb (VerbNet's
 * speech classes and our reviewed additions: `src/knowledge/english/`) or a speech noun; a verb of judgment
 * ("criticised", "praised") cues only a quotation it governs (partial or direct), never reported content;
 * any other verb ("found", "citing", "thanks", "attack") never cues. A negated cue ("has not accused")
 * reports nothing.
 */
export function judgeCue(ix: SyntaxIndex, q: ExtractedQuote, stance = false): ClauseVerdict {
  if (!q.cue) return 'keep';
  const k = ix.wordAt(q.cue.start);
  if (k < 0) return 'keep';
  const w = ix.words[k]!;
  const low = w.text.toLowerCase();
  if (low === 'according') return ruleNotSource(ix, k) ? 'not-speech' : 'keep';
  if (low === 'as') return 'keep';
  if (w.upos === 'VERB' || w.upos === 'AUX') {
    const lemma = cueLemma(w);
    const speech = isSpeech(lemma) || isSpeech(verbLemma(low));
    const judgment = isSpeech(lemma, ['judgment']) || isSpeech(verbLemma(low), ['judgment']);
    // with `stance`, a verb of the cue lexicon's stance class ("wants", "backs") attributes as PolNeAR does
    const stanceCue = stance && cueClass(low) === 'object';
    if (!speech && !stanceCue && !(judgment && q.kind !== 'indirect')) return 'not-speech';
    if (ix.isNegated(k)) return 'negated';
    if (
      q.kind === 'indirect' &&
      (attributive(ix, k) ||
        passiveOverContent(ix, k, q) ||
        passiveOfThing(ix, k) ||
        hearsay(ix, k) ||
        infinitiveOfWill(ix, k, lemma, q) ||
        objectSense(ix, k, lemma, q))
    )
      return 'not-speech';
    return 'keep';
  }
  if (w.upos === 'NOUN') return SPEECH_NOUNS.has(low) || q.kind !== 'indirect' ? 'keep' : 'not-speech';
  // a one-word cue the parser reads as an adverb, adjective or preposition ("back" in "bring them back") is no
  // verb at all; names (PROPN) are left alone, as the tagger misreads capitalised verbs in headlines
  if ((w.upos === 'ADV' || w.upos === 'ADJ' || w.upos === 'ADP') && q.kind !== 'direct') return 'not-speech';
  return 'keep';
}

/**
 * "according to the plan", "according to the constitution": the nominal "according to" introduces (its head
 * on the parse) names a rule, plan or measure (`NOT_SOURCES`, by lemma), not a source.
 */
export function ruleNotSource(ix: SyntaxIndex, k: number): boolean {
  const n = ix.words[k]!.head;
  if (n < 0 || baseRel(ix.words[k]!.deprel) !== 'case') return false;
  const head = ix.words[n]!;
  return head.upos === 'NOUN' && NOT_SOURCES.has(head.lemma.toLowerCase());
}

/** Determiners after which a participle is a noun's modifier ("the confirmed cases", "these reported deaths"). */
const ATTRIBUTIVE_DETS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'these', 'those']);

/**
 * A participle between a determiner or number and a noun modifies that noun ("The two confirmed cases
 * involve …", "the reported attacks"), whatever the parser made of it: it reports nothing.
 */
export function attributive(ix: SyntaxIndex, k: number): boolean {
  const w = ix.words[k]!;
  if (baseRel(w.deprel) === 'amod') return true;
  const prev = ix.words[k - 1];
  const next = ix.words[k + 1];
  if (!prev || !next || prev.sentence !== w.sentence || next.sentence !== w.sentence) return false;
  if (!/(?:ed|en)$/i.test(w.text) || next.upos !== 'NOUN') return false;
  return prev.upos === 'NUM' || (prev.upos === 'DET' && ATTRIBUTIVE_DETS.has(prev.text.toLowerCase()));
}

/**
 * A verb of `OBJECT_SENSE_NOT_SPEECH` whose content opens with its noun-phrase object ("the index added *0.66
 * percent* …", "who claimed *a place* in the final") is used in its other sense: no speech. An object with a
 * clause of its own after it ("called on X to …", "told reporters the talks …") is left alone.
 */
export function objectSense(ix: SyntaxIndex, k: number, lemma: string, q: ExtractedQuote): boolean {
  if (!OBJECT_SENSE_NOT_SPEECH.has(lemma)) return false;
  const obj = ix.childrenBy(k, 'obj').find((c) => c > k);
  if (obj === undefined) return false;
  if (ix.children(k).some((c) => c > obj && /^(?:ccomp|xcomp|parataxis)$/.test(baseRel(ix.words[c]!.deprel))))
    return false;
  const span = ix.span(obj);
  if (!span || span.start < q.start || span.start > q.start + 1) return false;
  // "adding the price could be lower": a verb right after the noun makes it the subject of a clause
  const after = ix.words[Math.max(...ix.subtree(obj)) + 1];
  if (after && (after.upos === 'AUX' || after.upos === 'VERB')) return false;
  const head = ix.words[obj]!;
  return head.upos === 'NOUN' || head.upos === 'NUM' || head.upos === 'PROPN' || head.upos === 'SYM';
}

/**
 * A passive cue whose passive subject lies inside the quote's content ("Later, more running distances were
 * added, along with …"): the content is what the verb was done to, never what was said.
 */
export function passiveOverContent(ix: SyntaxIndex, k: number, q: ExtractedQuote): boolean {
  const subj = ix.childrenBy(k, 'nsubj').find((c) => ix.words[c]!.deprel === 'nsubj:pass');
  if (subj === undefined) return false;
  const s = ix.words[subj]!;
  if (s.upos === 'PRON' && s.text.toLowerCase() === 'it') return false;
  return s.start >= q.start && s.end <= q.end;
}

/**
 * A passive cue whose passive subject is a nominal ("a curfew was announced", "the holiday is observed as …"):
 * what was announced is that nominal, so the clause around it is no reported content. An expletive or
 * pronoun subject ("it was announced that …") and a cue with a content clause of its own ("X was warned that
 * …") are left alone.
 */
export function passiveOfThing(ix: SyntaxIndex, k: number): boolean {
  const subj = ix.children(k).find((c) => ix.words[c]!.deprel === 'nsubj:pass');
  if (subj === undefined) return false;
  const s = ix.words[subj]!;
  if (s.upos !== 'NOUN') return false;
  return !ix.children(k).some((c) => /^(?:ccomp|xcomp|parataxis)$/.test(baseRel(ix.words[c]!.deprel)));
}

/**
 * "Leaders agreed Wednesday *to retain* more seats", "who hopes *to ban* donations": a verb of agreement,
 * decision or wish (`INFINITIVE_NOT_SPEECH`) whose content is its to-infinitive reports no statement.
 */
export function infinitiveOfWill(ix: SyntaxIndex, k: number, lemma: string, q: ExtractedQuote): boolean {
  if (!INFINITIVE_NOT_SPEECH.has(lemma)) return false;
  return ix.childrenBy(k, 'xcomp').some((x) => {
    const to = ix.childrenBy(x, 'mark').find((m) => ix.words[m]!.text.toLowerCase() === 'to');
    if (to === undefined) return false;
    // the infinitive opens the content, after at most a few words of circumstance ("Wednesday to retain")
    const t = ix.words[to]!;
    return t.start >= q.start && t.start < q.end && to - ix.wordAt(q.start) <= 3;
  });
}

/**
 * "The leader is said to be hiding", "he was reported to have fled": a passive cue with an infinitive and no
 * agent is hearsay, like "reportedly": nobody is named as saying it, so it is no quote.
 */
export function hearsay(ix: SyntaxIndex, k: number): boolean {
  if (!ix.children(k).some((c) => ix.words[c]!.deprel === 'nsubj:pass') || ix.agentOf(k) >= 0) return false;
  return ix
    .childrenBy(k, 'xcomp')
    .some((x) => ix.childrenBy(x, 'mark').some((m) => ix.words[m]!.text.toLowerCase() === 'to'));
}

/**
 * True when an indirect or partial quote's cue asserts speech on the parse: its mood is asserted (not
 * negated, modal, conditional or addressed to a listener), and for an indirect quote the cue governs the
 * content (`cueGoverns`). "According to" and cues the parse does not cover pass.
 */
export function reportsSpeech(ix: SyntaxIndex, q: ExtractedQuote, stance = false): boolean {
  if (!q.cue) return true;
  const k = ix.wordAt(q.cue.start);
  if (k < 0) return true;
  const w = ix.words[k]!;
  const low = w.text.toLowerCase();
  if (low === 'according' || low === 'as') return true;
  if (w.upos === 'VERB' && cueMood(ix, k) !== 'asserted') return false;
  if (q.kind !== 'indirect' || (w.upos !== 'VERB' && w.upos !== 'NOUN')) return true;
  return cueGoverns(ix, k, q.start, q.end, stance && cueClass(low) === 'object') !== false;
}

/** Relations by which a phrase hangs on a verb as a circumstance, never as what was said. */
const CIRCUMSTANCE = new Set(['obl', 'advmod', 'nmod', 'iobj']);

/**
 * True when an indirect quote's content is a circumstance of its cue rather than its content: the content's
 * top word hangs on the cue as an oblique or adverbial ("X said *at Parliament on Wednesday*, …").
 */
export function contentIsCircumstance(ix: SyntaxIndex, q: ExtractedQuote): boolean {
  if (q.kind !== 'indirect' || !q.cue) return false;
  const k = ix.wordAt(q.cue.start);
  if (k < 0) return false;
  let top = -1;
  for (let i = ix.wordAt(q.start); i >= 0 && i < ix.words.length && ix.words[i]!.start < q.end; i++) {
    const h = ix.words[i]!.head;
    if (h < 0 || ix.words[h]!.start < q.start || ix.words[h]!.start >= q.end) {
      if (top >= 0) return false; // several top words: a stretch of clauses, leave it to the rules
      top = i;
    }
  }
  if (top < 0 || ix.words[top]!.head !== k) return false;
  return CIRCUMSTANCE.has(baseRel(ix.words[top]!.deprel));
}

/**
 * "Howard said the attacks showed that terrorists …": the rules skip to the first "that" after a cue, which
 * may belong to a clause inside the content. When the cue's content clause (ccomp) on the parse opens after
 * the cue but before the quote and holds the quote's start, the quote opens where that clause does. Null when
 * nothing changes.
 */
export function clauseOpening(ix: SyntaxIndex, q: ExtractedQuote, text: string): ExtractedQuote | null {
  if (q.kind !== 'indirect' || !q.cue || !q.rule.startsWith('indirect:verb')) return null;
  const k = ix.wordAt(q.cue.start);
  if (k < 0) return null;
  for (const c of ix.childrenBy(k, 'ccomp')) {
    const sub = ix.subtree(c);
    let first = sub[0]!;
    if (first <= k) continue;
    while (first < c && baseRel(ix.words[first]!.deprel) === 'mark') first++;
    const a = ix.words[first]!.start;
    const b = ix.words[sub[sub.length - 1]!]!.end;
    if (a >= q.start || q.start >= b) continue;
    // only words of the clause between its opening and the quote: the rules stopped inside it
    const between = sub.filter((i) => ix.words[i]!.start >= a && ix.words[i]!.end <= q.start);
    if (between.length === 0 || !between.some((i) => baseRel(ix.words[i]!.deprel) === 'nsubj')) continue;
    return { ...q, start: a, text: text.slice(a, q.end), rule: `${q.rule}+clause-start` };
  }
  return null;
}

/**
 * A report read back from a clause-final cue ("CONTENT, X said") whose content has no verb on the parse: the
 * stretch before the cue is a noun phrase, most often the speaker's own title set off by commas ("The ministry
 * spokesman, Sami Haddad, said the convoy …"), never what was said. The cue's real content, when it has one,
 * is then read off the parse (`clauseQuotes`).
 */
export function verblessFinal(ix: SyntaxIndex, q: ExtractedQuote): boolean {
  if (q.kind !== 'indirect' || !q.rule.startsWith('indirect:final')) return false;
  const a = ix.wordAt(q.start);
  if (a < 0) return false;
  for (let i = a; i < ix.words.length && ix.words[i]!.start < q.end; i++) {
    const u = ix.words[i]!.upos;
    if (u === 'VERB' || u === 'AUX') return false;
  }
  return true;
}

/**
 * "The sister of X accused …", "X's lawyer said …": when the cue's subject is headed by a relation noun and
 * the speaker we found is only its complement, the speaker is the relative (named by the phrase), not X.
 */
export function relationSpeaker(
  ix: SyntaxIndex,
  q: ExtractedQuote,
  text: string,
  entities: readonly Entity[],
): TextSpan | null {
  if (!q.cue || !q.speakerSpan) return null;
  const k = ix.wordAt(q.cue.start);
  if (k < 0) return null;
  const subj = ix.subjectOf(k);
  if (subj < 0) return null;
  const head = ix.words[subj]!;
  const entity = q.speaker ? entities.find((e) => e.id === q.speaker) : undefined;
  const low = head.text.toLowerCase();
  // a relative, or a person noun whose complement is a place ("the Chief of Defence Forces of Uganda"):
  // the person speaks, not the country
  const relation = head.upos === 'NOUN' && RELATION_NOUNS.has(low);
  const placeComplement =
    (head.upos === 'NOUN' || head.upos === 'PROPN') &&
    PERSON_NOUNS.has(low) &&
    !!entity &&
    PLACE_TYPES.has(entity.type);
  if (!relation && !placeComplement) return null;
  const span = ix.span(subj);
  if (!span) return null;
  // the speaker phrase we found overlaps the subject, and the speaker entity is named only in its complement
  const sp = q.speakerSpan;
  if (sp.end <= span.start || span.end <= sp.start) return null;
  if (entity?.mentions.some((m) => m.start <= head.start && head.end <= m.end)) return null;
  if (!entity && sp.start <= head.start && head.end <= sp.end) return null;
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

/**
 * The clause checks the quotes stage applies when the document has a `syntax` layer: drops quotes whose cue
 * is not speech or is negated, and gives a relative's words to the relative. Partial quotes whose owner was
 * dropped go with it (they share its cue). With `stance`, verbs of stance and intention ("wants", "backs",
 * "rejects") keep attributing their object, as attribution corpora such as PolNeAR annotate. Ids are
 * renumbered.
 */
export function refineOnClauses(
  quotes: readonly ExtractedQuote[],
  words: readonly SyntaxWord[],
  text: string,
  entities: readonly Entity[],
  stance = false,
  chains: readonly CorefChain[] = [],
): ExtractedQuote[] {
  if (words.length === 0) return [...quotes];
  const ix = new SyntaxIndex(words);
  const out: ExtractedQuote[] = [];
  const coref = new CorefLookup(chains);
  const fixed = new Map<number, SubjectSpeaker>();
  const dropped = new Set<number>();
  const drop = (q: ExtractedQuote) => {
    if (q.kind !== 'partial' && q.cue) dropped.add(q.cue.start);
  };
  for (let q of quotes) {
    if (q.kind === 'indirect') q = invertedReport(ix, q, text, entities, coref) ?? q;
    const verdict = judgeCue(ix, q, stance);
    if (verdict !== 'keep' && q.kind !== 'direct') {
      drop(q);
      continue;
    }
    if (contentIsCircumstance(ix, q) || verblessFinal(ix, q)) {
      drop(q);
      continue;
    }
    if (q.kind !== 'direct' && !reportsSpeech(ix, q, stance)) {
      // a content opening with a circumstance of its cue keeps its governed clause, if it has one
      const k = q.kind === 'indirect' && q.cue ? ix.wordAt(q.cue.start) : -1;
      const a = k >= 0 && cueMood(ix, k) === 'asserted' ? governedStart(ix, k, q.start, q.end, text) : -1;
      if (a < 0) {
        drop(q);
        continue;
      }
      q = { ...q, start: a, text: text.slice(a, q.end), rule: `${q.rule}+governed` };
    }
    q = clauseOpening(ix, q, text) ?? q;
    const rel = relationSpeaker(ix, q, text, entities);
    if (rel) {
      const name = rel.text.replace(/^(?:the|a|an)\s+/i, '');
      const entity = entities.find((e) => e.mentions.some((m) => m.start === rel.start && m.end === rel.end));
      out.push({
        ...q,
        speaker: entity?.id ?? null,
        speakerName: entity?.name ?? name,
        speakerSpan: rel,
        rule: `${q.rule}+relation`,
      });
      continue;
    }
    const sub = subjectSpeaker(ix, q, text, entities, coref);
    if (sub) {
      if (q.cue) fixed.set(q.cue.start, sub);
      out.push({
        ...q,
        speaker: sub.speaker,
        speakerName: sub.speakerName,
        speakerSpan: sub.speakerSpan,
        rule: `${q.rule}+${sub.why}`,
      });
      continue;
    }
    out.push(q);
  }
  // a fragment whose report was dropped has lost its cue: the parse may find it another
  for (let i = 0; i < out.length; i++) {
    const q = out[i]!;
    if (q.kind === 'partial' && q.cue && dropped.has(q.cue.start)) out[i] = { ...q, cue: null };
  }
  // partial quotes share their report's cue, and so its speaker
  for (let i = 0; i < out.length; i++) {
    const q = out[i]!;
    const sub = q.kind === 'partial' && q.cue ? fixed.get(q.cue.start) : undefined;
    if (!sub && q.kind === 'partial') {
      const p = partialOnParse(ix, q, out, text, entities, coref);
      if (p) out[i] = p;
      continue;
    }
    if (sub)
      out[i] = {
        ...q,
        speaker: sub.speaker,
        speakerName: sub.speakerName,
        speakerSpan: sub.speakerSpan,
        rule: `${q.rule}+${sub.why}`,
      };
  }
  out.push(...clauseQuotes(ix, out, text, entities, coref));
  // quoted words that neither a report nor a speech word on the parse governs are a term or a name in
  // quotation marks, not speech ("the so-called "Buffett rule"", "the film "13th""); attribution corpora count
  // them (`stance`), speech does not
  const spoken = stance ? out : out.filter((q) => !cuelessPartial(q));
  spoken.sort((a, b) => a.start - b.start || b.end - a.end);
  return spoken.map((q, i) => ({ ...q, id: `q${i + 1}` }));
}

/**
 * A partial quote with no cue after the clause checks: no report holds it, no speech word on the parse governs
 * it, and no "as X put it" names whose words they are (the rules only guessed the sentence's subject).
 */
export function cuelessPartial(q: ExtractedQuote): boolean {
  return q.kind === 'partial' && !q.cue && !q.rule.startsWith('partial:as-put');
}

/**
 * "CONTENT, said X, an official with …": an indirect quote read verb-first whose content holds its cue's own
 * subject, placed after the cue, is an inverted report: its content is the clause before the cue, its speaker
 * that subject. Null when the quote is no such misreading.
 */
export function invertedReport(
  ix: SyntaxIndex,
  q: ExtractedQuote,
  text: string,
  entities: readonly Entity[],
  coref: CorefLookup,
): ExtractedQuote | null {
  if (!q.cue) return null;
  const k = ix.wordAt(q.cue.start);
  if (k < 0 || ix.words[k]!.upos !== 'VERB' || ix.isPassive(k)) return null;
  const subj = ix.children(k).find((c) => baseRel(ix.words[c]!.deprel) === 'nsubj') ?? nameAfterCue(ix, k);
  if (subj === undefined || subj < k) return null;
  const sw = ix.words[subj]!;
  if (sw.start < q.start || sw.end > q.end || sw.upos === 'PRON') return null;
  // only a cue set off from the clause before it ("…, said X"): "X said Y was …" misread as inverted is not one
  if (k === 0 || ix.words[k - 1]!.upos !== 'PUNCT') return null;
  const sentence = ix.words[k]!.sentence;
  let a = k;
  while (a > 0 && ix.words[a - 1]!.sentence === sentence) a--;
  while (a < k && ix.words[a]!.upos === 'PUNCT') a++;
  if (a >= k) return null;
  const start = ix.words[a]!.start;
  const end = contentEnd(text, start, ix.words[k - 1]!.end);
  if (end - start < 12) return null;
  const who = nominalReferent(ix, subj, text, entities, coref);
  if (!who) return null;
  return {
    ...q,
    start,
    end,
    text: text.slice(start, end),
    speaker: who.speaker,
    speakerName: who.speakerName,
    speakerSpan: who.speakerSpan,
    rule: `${q.rule}+inverted`,
  };
}

/**
 * The name right after a cue, set off by a comma or the sentence's end ("…, said Marek Halas, a customs
 * official"), when the parse gave the cue no subject: the parser often reads the name and its apposition as the
 * cue's content. Returns the name's first word, or undefined.
 */
function nameAfterCue(ix: SyntaxIndex, k: number): number | undefined {
  const first = k + 1;
  const w = ix.words[first];
  if (w?.upos !== 'PROPN' || w.sentence !== ix.words[k]!.sentence) return undefined;
  let last = first;
  while (ix.words[last + 1]?.upos === 'PROPN' && ix.words[last + 1]!.sentence === w.sentence) last++;
  const next = ix.words[last + 1];
  if (next && next.sentence === w.sentence && next.text !== ',' && next.upos !== 'PUNCT') return undefined;
  return first;
}

/** The word of [start, end) whose head lies outside it (the first such word), or -1. */
function topWord(ix: SyntaxIndex, start: number, end: number): number {
  for (let i = ix.wordAt(start); i >= 0 && i < ix.words.length && ix.words[i]!.start < end; i++) {
    const h = ix.words[i]!.head;
    if (h < 0 || ix.words[h]!.start < start || ix.words[h]!.start >= end) return i;
  }
  return -1;
}

/**
 * The speech word a quoted fragment hangs on: its cue when the rules gave one, else the nearest ancestor of the
 * fragment's top word (in its sentence, a few steps up) that is a speech or judgment verb or a speech noun
 * ("criticised by X as "…"", "described the plan as "…"", "his warning of "…"").
 */
function governingSpeech(ix: SyntaxIndex, q: ExtractedQuote, quotes: readonly ExtractedQuote[]): number {
  // a fragment inside a report is that report's words: its cue governs it, whatever the parse attached it to
  const owner = quotes.find(
    (o) =>
      o.kind !== 'partial' && o.cue && o.start <= q.start && q.end <= o.end && o.cue.start !== q.cue?.start,
  );
  if (owner) {
    if (owner.speaker || owner.speakerName) return -1;
    const k = ix.wordAt(owner.cue!.start);
    return k >= 0 && (ix.words[k]!.upos === 'VERB' || ix.words[k]!.upos === 'NOUN') ? k : -1;
  }
  if (q.cue) {
    const k = ix.wordAt(q.cue.start);
    return k >= 0 && ix.words[k]!.upos === 'NOUN' ? k : -1;
  }
  let w = topWord(ix, q.start, q.end);
  for (let step = 0; w >= 0 && step < 4; step++) {
    const h = ix.words[w]!.head;
    if (h < 0) return -1;
    const x = ix.words[h]!;
    if (x.upos === 'VERB' && isSpeech(cueLemma(x), ['report', 'manner', 'judgment'])) return h;
    if (x.upos === 'NOUN' && SPEECH_NOUNS.has(x.text.toLowerCase())) return h;
    w = h;
  }
  return -1;
}

/**
 * A partial quote whose speaker is read off the parse: the agent of a passive speech verb ("criticised by
 * Layton as "…""), the subject of an active one, or the maker of a speech noun. The rules' own speaker stays
 * when the parse names no one or names the same entity; a negated or hypothetical verb gives nothing.
 */
function partialOnParse(
  ix: SyntaxIndex,
  q: ExtractedQuote,
  quotes: readonly ExtractedQuote[],
  text: string,
  entities: readonly Entity[],
  coref: CorefLookup,
): ExtractedQuote | null {
  const g = governingSpeech(ix, q, quotes);
  if (g < 0) return null;
  const x = ix.words[g]!;
  let who: Referent | null = null;
  if (x.upos === 'NOUN') {
    // "did not supply an estimate": a noun made by a negated or hypothetical verb was never uttered
    if (x.head >= 0 && ix.words[x.head]!.upos === 'VERB' && cueMood(ix, x.head) !== 'asserted') return null;
    who = nounReferent(ix, g, text, entities, coref);
  } else {
    if (cueMood(ix, g) !== 'asserted') return null;
    const agent = ix.isPassive(g) ? ix.agentOf(g) : -1;
    who =
      agent >= 0
        ? nominalReferent(ix, agent, text, entities, coref)
        : ix.isPassive(g)
          ? null
          : subjectReferent(ix, g, text, entities, coref);
  }
  // the parse names no other speaker than the rules': the speech word it found is still the fragment's cue
  const cued = (): ExtractedQuote | null =>
    q.cue ? null : { ...q, cue: { start: x.start, end: x.end, text: x.text }, rule: `${q.rule}+parse` };
  if (!who) return cued();
  // a proper name no entity stands behind ("Wednesday" misread as the subject) is no speaker to prefer
  if (!who.speaker && ix.words[ix.wordAt(who.speakerSpan.end - 1)]?.upos === 'PROPN') return cued();
  if (who.speaker && who.speaker === q.speaker) return cued();
  if (!who.speaker && q.speaker && coref.within(q.speaker, who.speakerSpan.start, who.speakerSpan.end))
    return cued();
  return {
    ...q,
    speaker: who.speaker,
    speakerName: who.speakerName,
    speakerSpan: who.speakerSpan,
    cue: q.cue ?? { start: x.start, end: x.end, text: x.text },
    rule: `${q.rule}+parse`,
  };
}

/** Which coreference chain covers a text span, by entity id: built once per document from the `coref` layer. */
export class CorefLookup {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly ids: string[] = [];

  constructor(chains: readonly CorefChain[]) {
    const all: { start: number; end: number; id: string }[] = [];
    for (const c of chains)
      for (const m of c.mentions) all.push({ start: m.start, end: m.end, id: c.entity });
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    for (const m of all) {
      this.starts.push(m.start);
      this.ends.push(m.end);
      this.ids.push(m.id);
    }
  }

  /** The entity whose chain has a mention covering [start, end), or null (the longest such mention wins). */
  at(start: number, end: number): string | null {
    // mentions are short and sorted by start: scan back from the last mention starting at or before `start`
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && i >= lo - 12; i--) {
      if (this.ends[i]! >= end) return this.ids[i]!;
    }
    return null;
  }

  /** True when some mention of entity `id` lies inside [start, end). */
  within(id: string, start: number, end: number): boolean {
    for (let i = 0; i < this.starts.length; i++) {
      if (this.starts[i]! >= end) break;
      if (this.ids[i] === id && this.starts[i]! >= start && this.ends[i]! <= end) return true;
    }
    return false;
  }
}

/** Relations inside a nominal that belong to its name ("President" + "Kabila", "Chief of Defence Forces"). */
const NAME_PARTS: ReadonlySet<string> = new Set(['flat', 'compound', 'appos']);

/** What the clause says about a quote's speaker: the cue's subject, as an entity or as a phrase. */
export interface SubjectSpeaker {
  speaker: string | null;
  speakerName: string;
  speakerSpan: TextSpan;
  /** `subject-entity`: the subject names an entity; `subject-phrase`: the subject is a nominal whose complement
   * only mentions the entity the rules chose ("the sister of X", "the Chief of Defence Forces of Uganda"). */
  why: 'subject-entity' | 'subject-phrase';
}

/**
 * The speaker the clause gives a quote when it differs from the one the rules found: the subject of the cue
 * verb (or the agent of a passive cue), resolved through the `coref` layer. Null when the clause agrees, says
 * nothing (no verb cue, no subject, a pronoun coreference did not resolve), or when the subject is only a
 * common noun and the rules' speaker is not named inside it (the rules then resolved it from context).
 */
export function subjectSpeaker(
  ix: SyntaxIndex,
  q: ExtractedQuote,
  text: string,
  entities: readonly Entity[],
  coref: CorefLookup,
): SubjectSpeaker | null {
  if (!q.cue || q.kind === 'partial') return null;
  const k = ix.wordAt(q.cue.start);
  if (k < 0) return null;
  const cue = ix.words[k]!;
  if (cue.upos !== 'VERB' || cue.text.toLowerCase() === 'according') return null;
  // a finite cue read as a noun's modifier ("The head of the Church said …" parsed as "head [that] Church
  // said") has lost its real subject to the parse
  if (cue.deprel === 'acl') return null;
  let subj = ix.isPassive(k) ? ix.agentOf(k) : ix.subjectOf(k);
  if (subj < 0) subj = participleSubject(ix, k);
  if (subj < 0) return null;
  // two subjects on one verb is no clause English has ("In the Philippines, Ramos told"): the parse is unsure
  const clause = ix.words[subj]!.head;
  if (ix.children(clause).filter((c) => baseRel(ix.words[c]!.deprel) === 'nsubj').length > 1) return null;
  // a relative pronoun stands for the noun its clause modifies ("Smith, who said …": Smith speaks)
  const relative = RELATIVE_PRONOUNS.has(ix.words[subj]!.text.toLowerCase()) && clause === k;
  // the relative pronoun stays the evidence span (it is the cue's subject), the antecedent names the speaker
  const pron = ix.words[subj]!;
  const pronSpan: TextSpan = { start: pron.start, end: pron.end, text: pron.text };
  if (relative) {
    if (baseRel(cue.deprel) !== 'acl' || cue.head < 0) return null;
    subj = cue.head;
  }
  const head = ix.words[subj]!;
  // a pronoun is the rules' to resolve (they weigh the previous quotes' speakers, which coreference does not),
  // except a plural "they" bound by a plural subject earlier in its own sentence ("the rebels began fighting
  // what they say is …") when the rules went outside the sentence for a speaker, and a pronoun coreference
  // resolves when the rules found no one
  if (head.upos === 'PRON') {
    const id = q.speaker ? null : coref.at(head.start, head.end);
    const e = id ? entities.find((x) => x.id === id) : undefined;
    if (e) {
      const sp = { start: head.start, end: head.end, text: head.text };
      return { speaker: e.id, speakerName: e.name, speakerSpan: sp, why: 'subject-entity' };
    }
    return boundThey(ix, q, subj, text, entities, coref);
  }
  // a subject inside the quoted content is the content's own ("…, which he said …" is read elsewhere)
  if (head.start >= q.start && head.end <= q.end) return null;
  // a relative clause's antecedent speaks as its own phrase, without the clause
  const span = relative ? subjectPhrase(ix, subj, text) : ix.span(subj);
  if (!span) return null;
  let id = coref.at(head.start, head.end);
  // a name's other words ("Kabila" of "President Kabila" read as its head), never a modifier of a common noun
  // ("US officials", "UNHCR spokesman": the officials speak, not the country)
  if (!id && head.upos === 'PROPN') {
    for (const c of ix.children(subj)) {
      const w = ix.words[c]!;
      if (w.upos === 'PROPN' && NAME_PARTS.has(baseRel(w.deprel))) {
        id = coref.at(w.start, w.end);
        if (id) break;
      }
    }
  }
  const phrase = (s: { start: number; end: number }): TextSpan => ({
    start: s.start,
    end: s.end,
    text: text.slice(s.start, s.end),
  });
  if (id) {
    if (id === q.speaker) return null;
    // the rules read (part of) the same subject phrase and left it unlinked: their phrase names it in full
    if (!q.speaker && q.speakerSpan && span.start <= q.speakerSpan.start && q.speakerSpan.end <= span.end)
      return null;
    const e = entities.find((x) => x.id === id);
    if (!e) return null;
    // "the Ghanaian said": a nationality word with a determiner stands for one person, whom the rules resolve
    if (e.type === 'NORP' && ix.childrenBy(subj, 'det').length > 0 && !/s$/i.test(head.text)) return null;
    // the rules' speaker named inside the subject phrase (an appositive name, a title) is the same referent
    if (q.speaker && coref.within(q.speaker, span.start, span.end)) return null;
    // a subject inherited through coordination or control is the parse's guess: it settles only a quote the
    // rules left without a named speaker, or one whose speaker they took from inside the first conjunct's
    // object or complement ("Lind promised to support *Hale* and said …")
    if (
      q.speaker &&
      clause !== k &&
      !(q.speakerSpan && insideConjunctObject(ix, k, clause, subj, q.speakerSpan))
    )
      return null;
    return {
      speaker: id,
      speakerName: e.name,
      speakerSpan: relative ? pronSpan : phrase(span),
      why: 'subject-entity',
    };
  }
  if (head.upos !== 'NOUN' && head.upos !== 'PROPN') return null;
  if (!q.speaker) {
    // the rules' phrase lies outside the subject ("was really", "her hips"): the subject phrase speaks
    const sp = q.speakerSpan;
    if (relative || !sp || sp.end <= span.start || span.end <= sp.start) {
      const name = subjectPhrase(ix, subj, text);
      return {
        speaker: null,
        speakerName: name.text,
        speakerSpan: relative ? pronSpan : name,
        why: 'subject-phrase',
      };
    }
    return null;
  }
  // a common-noun subject ("the sister of X", "the chief of X"): when the rules' speaker is named only inside
  // its complement, the phrase speaks, not the complement
  if (!coref.within(q.speaker, span.start, span.end)) return null;
  const entity = entities.find((e) => e.id === q.speaker);
  if (!entity) return null;
  const first = entity.mentions.find((m) => m.start >= span.start && m.end <= span.end)!;
  // a relative speaks for themself, as does anyone a person or body is named in a modifier of ("the aide to X",
  // "supporters of X", "aid agencies working with X"); a person named by a title over a place is not the place
  // (a document speaks for its author: "the statement issued by the ministry" is the ministry's)
  const low = head.text.toLowerCase();
  const relation =
    head.upos === 'NOUN' &&
    (RELATION_NOUNS.has(low) || (!DOC_NOUNS.has(low) && inModifier(ix, subj, first.start, first.end)));
  const titled =
    PLACE_TYPES.has(entity.type) &&
    ix.subtree(subj).some((w) => {
      const x = ix.words[w]!;
      return x.end <= first.start && PERSON_NOUNS.has(x.text.toLowerCase());
    });
  if (!relation && !titled) return null;
  const name = text.slice(span.start, span.end).replace(/^(?:the|a|an)\s+/i, '');
  return { speaker: null, speakerName: name, speakerSpan: phrase(span), why: 'subject-phrase' };
}

/**
 * True when the cue `k` is coordinated with the verb `clause` (whose subject `subj` it inherits) and `span`
 * lies inside a non-subject dependent of that verb, between its subject and the cue: a name in the first
 * conjunct's object or complement, which is never the subject of the second.
 */
export function insideConjunctObject(
  ix: SyntaxIndex,
  k: number,
  clause: number,
  subj: number,
  span: { start: number; end: number },
): boolean {
  let p = k;
  for (let guard = 0; p !== clause && guard < 4; guard++) {
    if (baseRel(ix.words[p]!.deprel) !== 'conj') return false;
    p = ix.words[p]!.head;
  }
  if (p !== clause) return false;
  const w = ix.wordAt(span.start);
  if (w < 0 || w <= subj || w >= k || ix.words[w]!.start < ix.words[clause]!.end) return false;
  // walk up from the speaker's word: it must reach the first conjunct through an object or complement
  let x = w;
  for (let guard = 0; x >= 0 && guard < 12; guard++) {
    const h = ix.words[x]!.head;
    if (h === clause) return /^(?:obj|iobj|obl|xcomp|ccomp)$/.test(baseRel(ix.words[x]!.deprel));
    x = h;
  }
  return false;
}

/** Verbs that report someone's words through "as saying" ("quoted X as saying", "X was cited as saying"). */
const QUOTING_LEMMAS: ReadonlySet<string> = new Set(['quote', 'cite']);

/**
 * "Xinhua quoted Li as saying …", "Li was quoted by Kyodo as saying …": the one quoted speaks, the object of an
 * active "quoted" or the subject of a passive one, never the medium. -1 when `k` is no "as saying" of such a
 * verb.
 */
export function quotedAsSaying(ix: SyntaxIndex, k: number): number {
  const w = ix.words[k]!;
  if (w.head < 0 || !ix.childrenBy(k, 'mark').some((m) => ix.words[m]!.text.toLowerCase() === 'as'))
    return -1;
  const h = ix.words[w.head]!;
  // "quoted a source as saying" read with "as saying" on the source: the source is the one quoted
  if (baseRel(w.deprel) === 'acl' && baseRel(h.deprel) === 'obj' && h.head >= 0) {
    const v = ix.words[h.head]!;
    return v.upos === 'VERB' && QUOTING_LEMMAS.has(v.lemma.toLowerCase()) ? w.head : -1;
  }
  if (h.upos !== 'VERB' || !QUOTING_LEMMAS.has(h.lemma.toLowerCase())) return -1;
  if (ix.isPassive(w.head))
    return ix.children(w.head).find((c) => ix.words[c]!.deprel === 'nsubj:pass') ?? -1;
  return ix.childrenBy(w.head, 'obj').find((c) => c < k) ?? -1;
}

/**
 * The subject of a participle cue that modifies its clause ("Prodi made a visit, telling townspeople …"): the
 * subject of the verb it hangs on. -1 when the cue is no such participle or that verb has no subject.
 */
export function participleSubject(ix: SyntaxIndex, k: number): number {
  const w = ix.words[k]!;
  if (baseRel(w.deprel) !== 'advcl' || w.head < 0 || !/ing$/i.test(w.text)) return -1;
  if (ix.children(k).some((c) => baseRel(ix.words[c]!.deprel) === 'mark')) return -1;
  const h = ix.words[w.head]!;
  if (h.upos !== 'VERB') return -1;
  return ix.isPassive(w.head) ? -1 : ix.subjectOf(w.head);
}

/** Relations by which a phrase modifies a nominal without naming it ("the sister *of X*", "*X's* lawyer"). */
const MODIFIER_RELS: ReadonlySet<string> = new Set(['nmod', 'acl']);

/** True when [start, end) lies inside a prepositional or possessive modifier of the nominal `n`. */
function inModifier(ix: SyntaxIndex, n: number, start: number, end: number): boolean {
  for (const c of ix.children(n)) {
    if (!MODIFIER_RELS.has(baseRel(ix.words[c]!.deprel))) continue;
    const s = ix.span(c);
    if (s && s.start <= start && end <= s.end) return true;
  }
  return false;
}

/** A subject nominal as a speaker phrase: its own modifiers ("senior US officials"), never its clauses. */
function subjectPhrase(ix: SyntaxIndex, subj: number, text: string): TextSpan {
  let first = subj;
  for (const c of ix.children(subj)) {
    if (
      c < first &&
      (NOMINAL_MODIFIERS.has(baseRel(ix.words[c]!.deprel)) || baseRel(ix.words[c]!.deprel) === 'nmod')
    )
      first = Math.min(first, ix.subtree(c)[0]!);
  }
  let last = subj;
  for (const c of ix.children(subj)) {
    if (c > last && baseRel(ix.words[c]!.deprel) === 'nmod') last = Math.max(last, ...ix.subtree(c));
  }
  const a = ix.words[first]!.start;
  const b = ix.words[last]!.end;
  return { start: a, end: b, text: text.slice(a, b) };
}

/** Relations of the words that belong to a nominal's own name ("the *black African* tribes"). */
const NOMINAL_MODIFIERS: ReadonlySet<string> = new Set(['amod', 'compound', 'nummod', 'flat']);

/**
 * A plural "they" subject that coreference left alone, bound to the nearest plural subject before it in the
 * same sentence: a common-noun phrase (speaker name only) or a named group. Null when the rules' speaker is
 * itself named in the sentence (they read it there) or no plural subject comes first.
 */
function boundThey(
  ix: SyntaxIndex,
  q: ExtractedQuote,
  subj: number,
  text: string,
  entities: readonly Entity[],
  coref: CorefLookup,
): SubjectSpeaker | null {
  const pron = ix.words[subj]!;
  if (pron.text.toLowerCase() !== 'they' || coref.at(pron.start, pron.end)) return null;
  const sentence = pron.sentence;
  let lo = subj;
  while (lo > 0 && ix.words[lo - 1]!.sentence === sentence) lo--;
  if (q.speaker) {
    const s0 = ix.words[lo]!.start;
    if (coref.within(q.speaker, s0, pron.start)) return null;
  }
  for (let w = subj - 1; w >= lo; w--) {
    const x = ix.words[w]!;
    // the quoted content's own subjects are what was said, not who said it
    if (x.start >= q.start && x.end <= q.end) continue;
    if (baseRel(x.deprel) !== 'nsubj') continue;
    const id = coref.at(x.start, x.end);
    const entity = id ? entities.find((e) => e.id === id) : undefined;
    const plural = x.upos === 'NOUN' && x.lemma.toLowerCase() !== x.text.toLowerCase();
    if (entity && entity.type !== 'PERSON') {
      if (entity.id === q.speaker) return null;
      const span = { start: x.start, end: x.end, text: x.text };
      return { speaker: entity.id, speakerName: entity.name, speakerSpan: span, why: 'subject-entity' };
    }
    if (!plural) return null;
    let first = w;
    for (const c of ix.children(w)) {
      if (c < first && NOMINAL_MODIFIERS.has(baseRel(ix.words[c]!.deprel))) first = c;
    }
    const span = {
      start: ix.words[first]!.start,
      end: x.end,
      text: text.slice(ix.words[first]!.start, x.end),
    };
    return { speaker: null, speakerName: span.text, speakerSpan: span, why: 'subject-phrase' };
  }
  return null;
}

/** A short quoted stretch on one line: straight or curly marks around text without marks. */
const QUOTED_WORDS = /["\u201c][^"\u201c\u201d\n]{1,200}["\u201d]/g;

/** The speech group whose verbs report a statement in a content clause ("conceded that …", "stressed that …"). */
const CLAUSE_CUE_GROUPS = ['report'] as const;

/** Who speaks a quote read off the parse: an entity id when resolved, and the words naming the speaker. */
type Referent = { speaker: string | null; speakerName: string; speakerSpan: TextSpan };

/**
 * The referent of a cue's subject, for a quote the rules did not find: a name or nominal resolved through the
 * `coref` layer, else the common-noun phrase itself. Null for an unresolved pronoun or no subject.
 */
function subjectReferent(
  ix: SyntaxIndex,
  k: number,
  text: string,
  entities: readonly Entity[],
  coref: CorefLookup,
): Referent | null {
  // the verb's own subject, or that of the verb it is coordinated with; never a controller's ("Iran's reaction
  // was to announce …": the reaction announces nothing)
  let subj = -1;
  if (ix.isPassive(k)) subj = ix.agentOf(k);
  else {
    const own = (p: number) => ix.children(p).find((c) => baseRel(ix.words[c]!.deprel) === 'nsubj') ?? -1;
    subj = own(k);
    if (subj < 0 && baseRel(ix.words[k]!.deprel) === 'conj') subj = own(ix.words[k]!.head);
    if (subj < 0) subj = quotedAsSaying(ix, k);
    if (subj < 0) subj = participleSubject(ix, k);
  }
  if (subj < 0) return null;
  if (ix.children(ix.words[subj]!.head).filter((c) => baseRel(ix.words[c]!.deprel) === 'nsubj').length > 1)
    return null;
  return nominalReferent(ix, subj, text, entities, coref);
}

/**
 * The speaker a speech noun names: its possessor ("the ministry's statement that …"), else the subject of the
 * verb it is the object of ("the ministry issued a statement saying …"). Null when neither is there.
 */
function nounReferent(
  ix: SyntaxIndex,
  n: number,
  text: string,
  entities: readonly Entity[],
  coref: CorefLookup,
): Referent | null {
  const poss = ix.children(n).find((c) => ix.words[c]!.deprel === 'nmod:poss');
  if (poss !== undefined) return nominalReferent(ix, poss, text, entities, coref);
  const w = ix.words[n]!;
  if (baseRel(w.deprel) === 'obj' && w.head >= 0 && ix.words[w.head]!.upos === 'VERB')
    return subjectReferent(ix, w.head, text, entities, coref);
  return null;
}

/** A nominal as a speaker: the entity coreference gives its head, else its common-noun phrase; null for a pronoun. */
function nominalReferent(
  ix: SyntaxIndex,
  subj: number,
  text: string,
  entities: readonly Entity[],
  coref: CorefLookup,
): Referent | null {
  const head = ix.words[subj]!;
  // "the ministry spokesman, Sami Haddad,": a title whose apposition names the person names that person
  const appos = ix
    .childrenBy(subj, 'appos')
    .find((c) => ix.words[c]!.upos === 'PROPN' && coref.at(ix.words[c]!.start, ix.words[c]!.end));
  const named = appos === undefined ? undefined : ix.words[appos]!;
  const id = coref.at(head.start, head.end) ?? (named ? coref.at(named.start, named.end) : null);
  const span = ix.span(subj)!;
  const entity = id ? entities.find((e) => e.id === id) : undefined;
  if (entity)
    return {
      speaker: entity.id,
      speakerName: entity.name,
      speakerSpan: { ...span, text: text.slice(span.start, span.end) },
    };
  if (head.upos !== 'NOUN' && head.upos !== 'PROPN') return null;
  let first = subj;
  for (const c of ix.children(subj)) {
    if (c < first && NOMINAL_MODIFIERS.has(baseRel(ix.words[c]!.deprel))) first = c;
  }
  const s = { start: ix.words[first]!.start, end: head.end };
  return {
    speaker: null,
    speakerName: text.slice(s.start, s.end),
    speakerSpan: { ...s, text: text.slice(s.start, s.end) },
  };
}

/**
 * A report a speech noun governs, which the rules missed: "the ministry's statement that the talks had failed",
 * "X issued a warning that …": the noun's content clause (acl or ccomp introduced by "that", finite), its
 * speaker the noun's possessor or the subject of the verb that made it. A noun with no such clause ("the
 * warning came after …") reports nothing.
 */
function nounClauseQuote(
  ix: SyntaxIndex,
  k: number,
  text: string,
  entities: readonly Entity[],
  coref: CorefLookup,
  inside: (a: number, b: number) => boolean,
): ExtractedQuote | null {
  const w = ix.words[k]!;
  if (!SPEECH_NOUNS.has(w.text.toLowerCase()) || inside(w.start, w.end)) return null;
  const thatClause = (c: number) =>
    c > k &&
    (baseRel(ix.words[c]!.deprel) === 'acl' || baseRel(ix.words[c]!.deprel) === 'ccomp') &&
    ix.childrenBy(c, 'mark').some((m) => ix.words[m]!.text.toLowerCase() === 'that' && m > k) &&
    ix.childrenBy(c, 'nsubj').length > 0;
  let content = ix.children(k).find(thatClause);
  // the parser often hangs "a warning that …" on the verb that governs the noun ("issued … ccomp"): the clause
  // whose "that" comes right after the object noun is still the noun's content
  if (content === undefined && baseRel(w.deprel) === 'obj' && w.head >= 0) {
    content = ix
      .children(w.head)
      .find((c) => thatClause(c) && ix.childrenBy(c, 'mark').some((m) => m === k + 1));
  }
  if (content === undefined) return null;
  const span = ix.span(content);
  if (!span || inside(span.start, span.end)) return null;
  const mark = ix.childrenBy(content, 'mark').find((m) => ix.words[m]!.text.toLowerCase() === 'that')!;
  const start = ix.words[mark + 1]?.start ?? span.start;
  const end = contentEnd(text, start, span.end);
  if (end - start < 12) return null;
  const who = nounReferent(ix, k, text, entities, coref);
  if (!who) return null;
  return clauseQuote(text, start, end, w, who, 'indirect:noun-clause');
}

/** The end of reported content with its closing punctuation and spaces left out. */
function contentEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s.,;:!?]/.test(text[e - 1]!)) e--;
  return e;
}

/** An indirect quote read off the parse: content `[start, end)`, its cue word and the cue's speaker. */
function clauseQuote(
  text: string,
  start: number,
  end: number,
  cue: { start: number; end: number; text: string },
  who: Referent,
  rule: string,
): ExtractedQuote {
  return {
    id: '',
    kind: 'indirect',
    start,
    end,
    text: text.slice(start, end),
    speaker: who.speaker,
    speakerName: who.speakerName,
    cue: { start: cue.start, end: cue.end, text: cue.text },
    rule,
    speakerSpan: who.speakerSpan,
  };
}

/**
 * Reported clauses the rules missed: a speech verb (VerbNet's statement and manner-of-speaking classes and our
 * reviewed additions) that governs a finite content clause (ccomp with a subject) outside every quote found,
 * with a subject that names its speaker ("Government spokesman X conceded that these issues were …"). Negated
 * cues, cues inside a quotation and verbs of judgment or cognition add nothing.
 */
export function clauseQuotes(
  ix: SyntaxIndex,
  quotes: readonly ExtractedQuote[],
  text: string,
  entities: readonly Entity[],
  coref: CorefLookup,
): ExtractedQuote[] {
  const added: ExtractedQuote[] = [];
  // a quoted fragment inside a clause found here is part of it (wire copy lists both): only reports block
  const reports = quotes.filter((q) => q.kind !== 'partial');
  const inside = (a: number, b: number) => reports.some((q) => a < q.end && q.start < b);
  const cued = new Set(reports.filter((q) => q.cue).map((q) => q.cue!.start));
  for (let k = 0; k < ix.words.length; k++) {
    const w = ix.words[k]!;
    if (cued.has(w.start)) continue;
    if (w.upos === 'NOUN') {
      const q = nounClauseQuote(ix, k, text, entities, coref, inside);
      if (q) added.push(q);
      continue;
    }
    if (w.upos !== 'VERB') continue;
    const groups = [...CLAUSE_CUE_GROUPS];
    // the parser's lemma, else the speech lexicon's own inflections ("conceded" → concede)
    if (!isSpeechLemma(cueLemma(w), groups) && !speechVerb(w.text.toLowerCase(), groups)) continue;
    // "has not said", "must verify that …", "if he says …": a negation, an obligation, a plan or a condition
    // has said nothing
    if (cueMood(ix, k) !== 'asserted' || inside(w.start, w.end)) continue;
    const content = ix
      .childrenBy(k, 'ccomp')
      .find((c) => c > k && (ix.childrenBy(c, 'nsubj').length > 0 || ix.childrenBy(c, 'expl').length > 0));
    if (content === undefined || circumstanceClause(ix, content, k)) continue;
    // a reporting verb read as the content is an inverted cue the parse attached wrongly ("…, the media reported")
    if (isSpeechLemma(cueLemma(ix.words[content]!))) continue;
    // a relative clause read as content ("talking from strength, unlike the president who is …")
    const first = ix.words[ix.subtree(content)[0]!]!;
    // ("that" read as a determiner of the content's subject is the parser's slip on the conjunction)
    const firstLow = first.text.toLowerCase();
    const thatDet = firstLow === 'that' && first.upos === 'DET';
    if (first.deprel !== 'mark' && !thatDet && RELATIVE_PRONOUNS.has(firstLow)) continue;
    const span = ix.span(content);
    if (!span || inside(span.start, span.end)) continue;
    // the content starts after its "that"
    let start = span.start;
    for (const m of ix.childrenBy(content, 'mark')) {
      const mw = ix.words[m]!;
      if (mw.start === start) start = ix.words[m + 1]?.start ?? start;
    }
    if (thatDet && first.start === start) start = ix.words[ix.subtree(content)[1]!]?.start ?? start;
    // a parenthetical between cue and content ("said, on his way to Russia, the president …") is not content
    while (start < span.end && /[\s,;:]/.test(text[start]!)) start++;
    const end = contentEnd(text, start, span.end);
    if (end - start < 12) continue;
    const who = subjectReferent(ix, k, text, entities, coref);
    if (!who) continue;
    added.push(clauseQuote(text, start, end, w, who, 'indirect:clause'));
    // quoted words inside the reported clause are the speaker's own ("these issues were "difficult ones"")
    for (const m of text.slice(start, end).matchAll(QUOTED_WORDS)) {
      const a = start + m.index + 1;
      const b = a + m[0].length - 2;
      if (b <= a || quotes.some((q) => a < q.end && q.start < b)) continue;
      added.push({
        id: '',
        kind: 'partial',
        start: a,
        end: b,
        text: text.slice(a, b),
        speaker: who.speaker,
        speakerName: who.speakerName,
        cue: { start: w.start, end: w.end, text: w.text },
        rule: 'partial:clause',
        speakerSpan: who.speakerSpan,
      });
    }
  }
  return added;
}
