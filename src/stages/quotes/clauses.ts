import type { SyntaxWord } from '../../core/document.js';
import type { Entity, TextSpan } from '../../core/types.js';
import { isSpeechLemma, KIN_NOUNS, SPEECH_NOUNS, verbLemma } from '../../knowledge/english/index.js';
import { baseRel, SyntaxIndex } from '../syntax/query.js';
import type { ExtractedQuote } from './extract.js';
import { cueClass, PERSON_NOUNS } from './lexicon.js';

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
  if (low === 'according' || low === 'as') return 'keep';
  if (w.upos === 'VERB' || w.upos === 'AUX') {
    const lemma = cueLemma(w);
    const speech = isSpeechLemma(lemma) || isSpeechLemma(verbLemma(low));
    const judgment = isSpeechLemma(lemma, ['judgment']) || isSpeechLemma(verbLemma(low), ['judgment']);
    // with `stance`, a verb of the cue lexicon's stance class ("wants", "backs") attributes as PolNeAR does
    const stanceCue = stance && cueClass(low) === 'object';
    if (!speech && !stanceCue && !(judgment && q.kind !== 'indirect')) return 'not-speech';
    if (ix.isNegated(k)) return 'negated';
    return 'keep';
  }
  if (w.upos === 'NOUN') return SPEECH_NOUNS.has(low) || q.kind !== 'indirect' ? 'keep' : 'not-speech';
  // a one-word cue the parser reads as an adverb, adjective or preposition ("back" in "bring them back") is no
  // verb at all; names (PROPN) are left alone, as the tagger misreads capitalised verbs in headlines
  if ((w.upos === 'ADV' || w.upos === 'ADJ' || w.upos === 'ADP') && q.kind !== 'direct') return 'not-speech';
  return 'keep';
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
): ExtractedQuote[] {
  if (words.length === 0) return [...quotes];
  const ix = new SyntaxIndex(words);
  const out: ExtractedQuote[] = [];
  for (const q of quotes) {
    const verdict = judgeCue(ix, q, stance);
    if (verdict !== 'keep' && q.kind !== 'direct') continue;
    if (contentIsCircumstance(ix, q)) continue;
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
    out.push(q);
  }
  return out.map((q, i) => ({ ...q, id: `q${i + 1}` }));
}
