import type { SyntaxWord } from '../../core/document.js';
import SALIENCE from '../../knowledge/data/pronoun-salience.json' with { type: 'json' };
import { isSpeechLemma, PRONOUNS } from '../../knowledge/english/index.js';
import { baseRel, SyntaxIndex } from '../syntax/query.js';
import type { Mention } from './mention.js';

/**
 * Pronoun resolution on the syntax layer, after Lappin and Leass (1994) and Hobbs: every compatible person
 * mention of the same sentence (before the pronoun) or of the previous sentence of narration is scored by
 * recency and grammatical role (subject over object over oblique over possessor), with bonuses for main
 * clauses, speakers and the subject of the speech verb whose complement holds the pronoun ("X told Y that
 * he …" → X); binding removes the subject of a non-reflexive object pronoun's own clause ("Smith praised him"
 * is not Smith). The most salient person wins; two different people equally salient leave the pronoun
 * unresolved. Weights are data (`src/knowledge/data/pronoun-salience.json`).
 */

const ROLE_WEIGHTS: ReadonlyMap<string, number> = new Map(Object.entries(SALIENCE.role));
const CONJUNCT_RELS: ReadonlySet<string> = new Set(SALIENCE.conjunctRelations);
const SPEECH_COMPLEMENTS: ReadonlySet<string> = new Set(SALIENCE.speechComplements);
const BINDING_RELS: ReadonlySet<string> = new Set(SALIENCE.bindingRelations);

/** The grammatical position of a mention: its head word, the word whose role it takes, that role. */
export interface Role {
  /** The mention's own head word (the word of the span whose head lies outside it). */
  word: number;
  /** The word whose relation the mention takes: its head word, or the first conjunct / the noun it apposes. */
  anchor: number;
  /** The relation of `anchor` (full UD label, "nsubj:pass"). */
  rel: string;
  /** True when `anchor` is an argument of the sentence's main clause. */
  main: boolean;
}

/** One candidate antecedent of a pronoun, with the facts the scorer needs. */
export interface PronounCandidate {
  m: Mention;
  /** True when it stands in the pronoun's own sentence. */
  same: boolean;
  /** True when its entity has a known gender (which then agrees with the pronoun). */
  genderKnown: boolean;
}

/** The pronoun being resolved. */
export interface PronounSite {
  start: number;
  end: number;
  /** Lower-cased form ("he", "his"). */
  form: string;
  inQuote: boolean;
}

/** The choice for one pronoun: the antecedent, or null with the reason it abstained. */
export interface PronounChoice {
  ante: Mention | null;
  rule: string;
  score: number;
}

/** Roles of text spans over one document's syntax layer (built once per document, cached per span). */
export class PronounGrammar {
  readonly ix: SyntaxIndex;
  private readonly cache = new Map<number, Role | null>();

  constructor(words: readonly SyntaxWord[]) {
    this.ix = new SyntaxIndex(words);
  }

  /** The role of the span `[start, end)`; null when no word of the parse covers it. */
  role(start: number, end: number): Role | null {
    const id = start * 4096 + Math.min(end - start, 4095);
    if (this.cache.has(id)) return this.cache.get(id)!;
    const r = this.compute(start, end);
    this.cache.set(id, r);
    return r;
  }

  private compute(start: number, end: number): Role | null {
    const { ix } = this;
    const words = ix.words;
    let first = ix.wordAt(start);
    if (first < 0) return null;
    let last = first;
    while (last + 1 < words.length && words[last + 1]!.start < end) last++;
    // the head of the span: the word whose head lies outside it (the first such, for a span the parser split)
    let word = first;
    for (let k = first; k <= last; k++) {
      const h = words[k]!.head;
      if (h < first || h > last) {
        word = k;
        break;
      }
    }
    first = word;
    let anchor = word;
    for (let guard = 0; guard < 20; guard++) {
      const w = words[anchor]!;
      if (w.head < 0 || !CONJUNCT_RELS.has(baseRel(w.deprel))) break;
      anchor = w.head;
    }
    const a = words[anchor]!;
    const clause = a.head < 0 ? anchor : ix.clauseOf(a.head);
    const main = clause >= 0 && words[clause]!.head < 0;
    return { word, anchor, rel: a.head < 0 ? 'root' : a.deprel, main };
  }

  /**
   * The subject of the speech verb whose complement holds the word at `start` ("X told Y that *he* …",
   * "X said *his* …" → X), or -1.
   */
  speechSubject(start: number): number {
    const { ix } = this;
    const w = ix.wordAt(start);
    if (w < 0) return -1;
    const clause = ix.clauseOf(w);
    if (clause < 0 || clause === w) return -1;
    const c = ix.words[clause]!;
    if (c.head < 0 || !SPEECH_COMPLEMENTS.has(baseRel(c.deprel))) return -1;
    const verb = ix.governingVerb(w);
    if (verb < 0 || !isSpeechLemma(ix.words[verb]!.lemma.toLowerCase())) return -1;
    return ix.subjectOf(verb);
  }

  /**
   * The subject a non-reflexive object pronoun cannot refer to (binding principle B: "Smith praised *him*"),
   * or -1 when the pronoun is no object of a predicate.
   */
  boundSubject(start: number, form: string): number {
    const info = PRONOUNS.get(form);
    if (!info || info.case === 'reflexive' || info.case === 'possessive') return -1;
    const { ix } = this;
    const w = ix.wordAt(start);
    if (w < 0) return -1;
    const word = ix.words[w]!;
    if (word.head < 0 || !BINDING_RELS.has(baseRel(word.deprel))) return -1;
    return ix.subjectOf(word.head);
  }
}

function roleWeight(rel: string): number {
  return ROLE_WEIGHTS.get(rel) ?? ROLE_WEIGHTS.get(baseRel(rel)) ?? SALIENCE.role.other;
}

/**
 * The antecedent of a pronoun among candidates that already agree with it in gender and number and stand
 * in the same sentence (before it) or the previous sentence of narration. Scores each candidate's salience,
 * keeps each person's best mention, and returns the best person, or null when binding removes everyone or
 * the two best people are within the abstention margin.
 */
export function choosePronounAntecedent(
  grammar: PronounGrammar,
  site: PronounSite,
  cands: readonly PronounCandidate[],
): PronounChoice {
  const speech = grammar.speechSubject(site.start);
  const bound = grammar.boundSubject(site.start, site.form);
  const best = new Map<string, { m: Mention; score: number; why: string }>();
  for (const c of cands) {
    const { m } = c;
    if (!m.key) continue;
    const role = grammar.role(m.start, m.end);
    // binding: "Smith praised him" — him is not Smith
    if (role && bound >= 0 && (role.word === bound || role.anchor === bound)) continue;
    let score = c.same ? SALIENCE.recency.same : SALIENCE.recency.previous;
    let why = 'recent';
    if (role) {
      score += roleWeight(role.rel);
      if (role.main) score += SALIENCE.mainClause;
      why = baseRel(role.rel);
      if (speech >= 0 && (role.anchor === speech || role.word === speech)) {
        score += SALIENCE.speechSubject;
        why = 'speech-subject';
      }
    }
    if (m.speaker) score += SALIENCE.speaker;
    if (m.inQuote && !site.inQuote) score += SALIENCE.quoted;
    if (!c.genderKnown) score += SALIENCE.unknownGender;
    const prev = best.get(m.key);
    // equal scores: the later mention (nearer the pronoun) stands for the person
    if (!prev || score > prev.score || (score === prev.score && m.start > prev.m.start)) {
      best.set(m.key, { m, score, why });
    }
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || b.m.start - a.m.start);
  const top = ranked[0];
  if (!top) return { ante: null, rule: 'coref:pronoun-none', score: 0 };
  const second = ranked[1];
  if (second && top.score - second.score < SALIENCE.abstainMargin) {
    return { ante: null, rule: 'coref:pronoun-tie', score: top.score };
  }
  return { ante: top.m, rule: `coref:pronoun-${top.why}`, score: top.score };
}
