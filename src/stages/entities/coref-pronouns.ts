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
const CONTROL_RELS: ReadonlySet<string> = new Set(SALIENCE.controlRelations);

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
    if (w < 0 || baseRel(ix.words[w]!.deprel) !== 'nsubj') return -1;
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
    return this.controlledSubject(word.head);
  }

  /**
   * The subject of predicate `pred`, through control: a non-finite or coordinated clause without a subject of
   * its own takes that of the clause it attaches to ("X stopped the march, even arresting *him*" → X). -1 when
   * none.
   */
  controlledSubject(pred: number): number {
    const { ix } = this;
    for (let p = pred, guard = 0; p >= 0 && guard < 20; guard++) {
      const s = ix.subjectOf(p);
      if (s >= 0) return s;
      const w = ix.words[p]!;
      if (w.head < 0 || !CONTROL_RELS.has(baseRel(w.deprel))) return -1;
      p = w.head;
    }
    return -1;
  }

  /**
   * For a possessive at `start`: the subject of its own clause (through control) and the nominal its head noun
   * is coordinated with ("Suu Kyi and *her* party" → Suu Kyi); -1 for either when none.
   */
  possessorCues(start: number, form: string): { local: number; coordinated: number } {
    const none = { local: -1, coordinated: -1 };
    if (PRONOUNS.get(form)?.case !== 'possessive' && form !== 'her') return none;
    const { ix } = this;
    const w = ix.wordAt(start);
    if (w < 0 || baseRel(ix.words[w]!.deprel) !== 'nmod') return none;
    const noun = ix.words[w]!.head;
    if (noun < 0) return none;
    const n = ix.words[noun]!;
    const coordinated = baseRel(n.deprel) === 'conj' ? n.head : -1;
    const clause = ix.clauseOf(noun);
    return { local: clause >= 0 ? this.controlledSubject(clause) : -1, coordinated };
  }
}

function roleWeight(rel: string): number {
  return ROLE_WEIGHTS.get(rel) ?? ROLE_WEIGHTS.get(baseRel(rel)) ?? SALIENCE.role.other;
}

/**
 * The antecedent of a pronoun among candidates that already agree with it in gender and number, in tiers
 * searched in order (its own sentence before it, then the previous sentence of narration, …). In the first
 * tier binding leaves anyone in, scores each candidate's salience, keeps each person's best mention, and
 * returns the best person, or null when the two best people are within the abstention margin.
 */
export function choosePronounAntecedent(
  grammar: PronounGrammar,
  site: PronounSite,
  tiers: readonly (readonly PronounCandidate[])[],
): PronounChoice {
  const speech = grammar.speechSubject(site.start);
  const bound = grammar.boundSubject(site.start, site.form);
  const { local, coordinated } = grammar.possessorCues(site.start, site.form);
  const at = (role: Role | null, w: number) => w >= 0 && !!role && (role.word === w || role.anchor === w);
  for (const cands of tiers) {
    // binding: "Smith praised him" — him is not Smith, nor any other mention of Smith's person
    const barred = new Set<string>();
    for (const c of cands) if (c.m.key && at(grammar.role(c.m.start, c.m.end), bound)) barred.add(c.m.key);
    const best = new Map<string, { m: Mention; score: number; why: string }>();
    for (const c of cands) {
      const { m } = c;
      if (!m.key || barred.has(m.key)) continue;
      const role = grammar.role(m.start, m.end);
      let score = c.same ? SALIENCE.recency.same : SALIENCE.recency.previous;
      let why = 'recent';
      if (role) {
        // a name the parse left without an argument role (a fragment's root, a stray dependent) that opens
        // its sentence outside quotations is read as its subject, the surface order news writing keeps
        const surface = m.subject && !ROLE_WEIGHTS.has(baseRel(role.rel));
        score += surface ? SALIENCE.role.nsubj : roleWeight(role.rel);
        if (role.main) score += SALIENCE.mainClause;
        why = surface ? 'surface-subject' : baseRel(role.rel);
        if (at(role, speech)) {
          score += SALIENCE.speechSubject;
          why = 'speech-subject';
        }
        if (at(role, local)) {
          score += SALIENCE.localSubject;
          why = 'local-subject';
        }
        if (role.word === coordinated) {
          score += SALIENCE.coordinated;
          why = 'coordinated';
        }
      }
      // the speaker of a quotation says "I": a quoted "he" is someone else
      if (m.speaker) score += site.inQuote ? SALIENCE.quotedSpeaker : SALIENCE.speaker;
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
    if (!top) continue;
    const second = ranked[1];
    if (second && top.score - second.score < SALIENCE.abstainMargin) {
      return { ante: null, rule: 'coref:pronoun-tie', score: top.score };
    }
    return { ante: top.m, rule: `coref:pronoun-${top.why}`, score: top.score };
  }
  return { ante: null, rule: 'coref:pronoun-none', score: 0 };
}
