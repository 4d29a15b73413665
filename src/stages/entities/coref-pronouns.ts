import type { SyntaxWord } from '../../core/document.js';
import SALIENCE from '../../knowledge/data/pronoun-salience.json' with { type: 'json' };
import {
  isSpeechLemma,
  KIN_NOUNS,
  PRONOUNS,
  RELATIVE_PRONOUNS,
  UNNAMED_SPEAKER_NOUNS,
} from '../../knowledge/english/index.js';
import { baseRel, SyntaxIndex } from '../syntax/query.js';
import type { Mention } from './mention.js';

/**
 * Pronoun resolution with the syntax layer (Hobbs's order of search, Lappin and Leass's role salience): the
 * own sentence first, then the previous sentence of narration. The syntax layer supplies binding (a
 * non-reflexive object pronoun is not the subject of its own clause, through control: "Smith praised him",
 * "X stopped the march, arresting him"), the speech context ("X told Y that he …" → X), grammatical role to
 * decide between people equally salient on the surface, and conjoined subjects ("A and B arrived. He …"),
 * where it abstains. Weights are data (`src/knowledge/data/pronoun-salience.json`).
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
}

/** One candidate antecedent of a pronoun, with the facts the scorer needs. */
export interface PronounCandidate {
  m: Mention;
  /** True when it stands in the pronoun's own sentence. */
  same: boolean;
}

/** The pronoun being resolved. */
export interface PronounSite {
  start: number;
  end: number;
  /** Lower-cased form ("he", "his"). */
  form: string;
  /** Its sentence. */
  sentence: number;
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
    return { word, anchor, rel: a.head < 0 ? 'root' : a.deprel };
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
    // "her" may be a possessive the parser read as an object ("who will represent her adopted country"):
    // only the plain object forms reach through a relative pronoun
    const subj = this.controlledSubject(word.head);
    return form === 'her' ? subj : this.relativeAntecedent(subj);
  }

  /**
   * The noun a relative pronoun subject stands for ("Thomas Shannon, the deputy secretary, who had opposed
   * *him*" → Shannon), through apposition; any other word unchanged.
   */
  relativeAntecedent(subj: number): number {
    const { ix } = this;
    const w = ix.words[subj];
    if (!w || !RELATIVE_PRONOUNS.has(w.lemma.toLowerCase())) return subj;
    const clause = w.head >= 0 ? ix.words[w.head]! : null;
    if (!clause || clause.head < 0 || baseRel(clause.deprel) !== 'acl') return subj;
    let noun = clause.head;
    for (let guard = 0; guard < 5; guard++) {
      const n = ix.words[noun]!;
      if (n.head < 0 || !CONJUNCT_RELS.has(baseRel(n.deprel)) || baseRel(n.deprel) === 'conj') break;
      noun = n.head;
    }
    // "Thomas Shannon, the visiting deputy secretary …, who": a noun phrase set off by a comma right after a
    // name apposes it, whatever the parser attached it to
    const first = ix.subtree(noun).find((k) => ix.words[k]!.upos !== 'PUNCT') ?? noun;
    const comma = first - 1;
    const name = first - 2;
    if (ix.words[noun]!.upos === 'NOUN' && name >= 0 && ix.words[name]!.upos === 'PROPN') {
      const c = ix.words[comma]!;
      if (c.end - c.start === 1 && c.upos === 'PUNCT' && ix.words[name]!.end <= c.start) {
        let head = name;
        for (let guard = 0; guard < 5; guard++) {
          const h = ix.words[head]!;
          const r = baseRel(h.deprel);
          if (h.head < 0 || !(r === 'flat' || r === 'compound') || ix.words[h.head]!.upos !== 'PROPN') break;
          head = h.head;
        }
        return head;
      }
    }
    return noun;
  }

  /**
   * True when an unnamed relative of the pronoun's gender is the subject of its clause or of a clause above
   * it, before any named subject: "The wife of X said *her* husband …" is about the wife, not X. The
   * pronoun's own noun phrase ("*his* wife said") does not count.
   */
  unnamedRelativeOver(start: number, gender: 'm' | 'f' | null, isNamed: (w: number) => boolean): boolean {
    const { ix } = this;
    const w = ix.wordAt(start);
    if (w < 0 || !gender) return false;
    /** The gender of an unnamed person noun that can hold the pronoun at this level, undefined for none. */
    const personNoun = (s: number, level: number, speech: boolean): 'm' | 'f' | null | undefined => {
      const lemma = ix.words[s]!.lemma.toLowerCase();
      const kin = KIN_NOUNS.get(lemma);
      if (kin !== undefined) return kin;
      // "a police spokesman said he could not comment": what one unnamed speaker says about "he" is about the
      // speaker ("Lawyers for X said his …" is not: the plural cannot be "his")
      const singular = ix.words[s]!.end - ix.words[s]!.start === lemma.length;
      return level > 0 && speech && singular ? UNNAMED_SPEAKER_NOUNS.get(lemma) : undefined;
    };
    const own = ix.words[w]!.head;
    let clause = ix.clauseOf(w);
    for (let level = 0; level < 3 && clause >= 0; level++) {
      // every subject of the clause (a dateline the parser made a second subject must not hide the relative)
      const direct = ix.childrenBy(clause, 'nsubj');
      const subjects = direct.length > 0 ? direct : [this.controlledSubject(clause)];
      let nameFound = false;
      // a named subject beside the noun (the parser's "Michael Rains, the attorney …" as two subjects) names it
      const named = subjects.some(
        (k) => k >= 0 && (ix.words[k]!.upos === 'PROPN' || ix.words[k]!.upos === 'PRON'),
      );
      for (const subj of subjects) {
        if (subj < 0 || subj === w || subj === own) continue;
        if (ix.words[subj]!.upos === 'PROPN' || ix.words[subj]!.upos === 'PRON') nameFound = true;
        // The noun that opens the subject phrase: "The wife of … leader X said" is about the wife even when the
        // parser makes "leader" the head and hangs "wife" under it; else the head noun ("a police spokesman").
        const speech = isSpeechLemma(ix.words[clause]!.lemma.toLowerCase());
        let s = this.openingNoun(subj);
        // the head noun only of a phrase that names nobody ("a police spokesman", not "a spokesman for Bush",
        // "his lawyer" or "spokesman Tissa Attanayake": a pronoun there is usually about the one named)
        const anonymous = () =>
          ix
            .subtree(subj)
            .every((k) => ix.words[k]!.upos !== 'PROPN' && ix.words[k]!.upos !== 'PRON' && !isNamed(k));
        if (
          s >= 0 &&
          personNoun(s, level, speech) === undefined &&
          ix.words[subj]!.upos === 'NOUN' &&
          anonymous()
        )
          s = subj;
        if (
          s >= 0 &&
          KIN_NOUNS.get(ix.words[s]!.lemma.toLowerCase()) === undefined &&
          (named || !anonymous())
        )
          s = -1;
        if (s < 0 || s === w || s === own) continue;
        const g = personNoun(s, level, speech);
        // "Haddad's wife Leila said she …": a relative named in apposition is named
        const apposed = ix.children(s).some((c) => {
          const r = baseRel(ix.words[c]!.deprel);
          return (r === 'appos' || r === 'flat') && ix.words[c]!.upos === 'PROPN';
        });
        if (g !== undefined && (g === null || g === gender) && !apposed && !isNamed(s)) return true;
      }
      if (nameFound) return false;
      clause = ix.governingVerb(clause);
    }
    return false;
  }

  /**
   * The first common noun of the phrase headed by `subj`, read left to right up to the head (the head itself
   * when it is that noun) past any possessor; -1 when a name or pronoun comes first or no common noun opens it.
   */
  private openingNoun(subj: number): number {
    const { ix } = this;
    // a possessor inside the phrase ("Nasser's wife") does not open it
    const inPossessor = (i: number) => {
      for (let k = i; k >= 0 && k !== subj; k = ix.words[k]!.head)
        if (ix.words[k]!.deprel === 'nmod:poss') return true;
      return false;
    };
    const phrase = ix.subtree(subj).filter((i) => i <= subj && !inPossessor(i));
    for (const i of phrase) {
      const upos = ix.words[i]!.upos;
      if (upos === 'NOUN') return i;
      if (upos === 'PROPN' || upos === 'PRON') return -1;
    }
    return -1;
  }

  /** True when word `i` is the subject of a speech verb ("*Burns* also said …"). */
  speaks(i: number): boolean {
    const w = this.ix.words[i];
    if (!w || w.head < 0 || baseRel(w.deprel) !== 'nsubj') return false;
    return isSpeechLemma(this.ix.words[w.head]!.lemma.toLowerCase());
  }

  /** True when words `a` and `b` fill one relation of one head (two subjects of "arrived"). */
  coArguments(a: number, b: number): boolean {
    const x = this.ix.words[a];
    const y = this.ix.words[b];
    return !!x && !!y && x.head >= 0 && x.head === y.head && baseRel(x.deprel) === baseRel(y.deprel);
  }

  /** The first conjunct of the coordination `i` belongs to ("B" in "A and B" → A); `i` itself when none. */
  firstConjunct(i: number): number {
    const words = this.ix.words;
    let p = i;
    for (
      let guard = 0;
      guard < 20 && p >= 0 && words[p]!.head >= 0 && baseRel(words[p]!.deprel) === 'conj';
      guard++
    ) {
      p = words[p]!.head;
    }
    return p;
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
}

function roleWeight(rel: string): number {
  return ROLE_WEIGHTS.get(rel) ?? ROLE_WEIGHTS.get(baseRel(rel)) ?? SALIENCE.role.other;
}

/** The surface salience of a candidate in an earlier sentence for a pronoun in sentence `si`. */
export function surfaceSalience(m: Mention, si: number): number {
  const w = SALIENCE.surface;
  return (
    w.base -
    w.perSentence * (si - m.sentence) +
    (m.speaker ? w.speaker : 0) +
    (m.subject ? w.subject : 0) +
    (m.inQuote ? w.quoted : 0)
  );
}

/**
 * The antecedent of a pronoun among candidates that already agree with it in gender and number, in tiers
 * searched in order: the names of its own sentence before it, then the earlier sentences (and pronouns of
 * its own) by `narratedTier`. Binding first bars the people a non-reflexive object pronoun cannot be. In the
 * own sentence a subject pronoun goes to the subject of the speech verb whose complement holds it ("X told Y
 * that he …"), else to the subject or speaker, else (and any other pronoun) to the nearest name; in earlier
 * sentences the most salient person on the surface wins, equal salience being decided by grammatical role.
 * Two people equally salient, or conjoined in one role, leave the pronoun unresolved.
 */
export function choosePronounAntecedent(
  grammar: PronounGrammar,
  site: PronounSite,
  tiers: readonly (readonly PronounCandidate[])[],
): PronounChoice {
  const bound = grammar.boundSubject(site.start, site.form);
  // "The wife of X said her husband …": the pronoun is the unnamed relative's, so no named person's
  const at = (role: Role | null, w: number) => w >= 0 && !!role && (role.word === w || role.anchor === w);
  const roleOf = (m: Mention) => grammar.role(m.start, m.end);
  const gender = PRONOUNS.get(site.form)?.gender;
  const named = (w: number) => tiers.some((t) => t.some((c) => at(roleOf(c.m), w)));
  if (grammar.unnamedRelativeOver(site.start, gender === 'm' || gender === 'f' ? gender : null, named)) {
    return { ante: null, rule: 'coref:pronoun-unnamed-relative', score: 0 };
  }
  /** Another person conjoined with `m` in one role ("A and B arrived"): then neither is the more salient. */
  const conjoined = (m: Mention, pool: readonly PronounCandidate[]) => {
    const r = roleOf(m);
    if (!r) return false;
    const root = grammar.firstConjunct(r.word);
    return pool.some((c) => {
      if (c.m.key === m.key) return false;
      const o = roleOf(c.m);
      return (
        !!o &&
        o.word !== r.word &&
        (grammar.firstConjunct(o.word) === root || grammar.coArguments(o.word, r.word))
      );
    });
  };
  for (let t = 0; t < tiers.length; t++) {
    // binding: "Smith praised him" — him is not Smith, nor any other mention of Smith's person
    const barred = new Set<string>();
    for (const c of tiers[t]!) if (c.m.key && at(roleOf(c.m), bound)) barred.add(c.m.key);
    const pool = tiers[t]!.filter((c) => c.m.key && !barred.has(c.m.key));
    if (pool.length === 0) continue;
    if (t === 0) {
      const speech = grammar.speechSubject(site.start);
      const subjectForm = PRONOUNS.get(site.form)?.case === 'subject';
      let pick = subjectForm ? pool.find((c) => c.m.subject || c.m.speaker) : undefined;
      let rule = 'coref:pronoun-subject';
      if (!pick) {
        pick = pool.find((c) => at(roleOf(c.m), speech));
        rule = 'coref:pronoun-speech-subject';
      }
      if (!pick) {
        pick = pool[pool.length - 1]!;
        rule = 'coref:pronoun-nearest';
      }
      if (conjoined(pick.m, pool)) return { ante: null, rule: 'coref:pronoun-tie', score: 0 };
      return { ante: pick.m, rule, score: 0 };
    }
    const best = new Map<string, { m: Mention; surface: number; role: number }>();
    for (const c of pool) {
      const { m } = c;
      const surface = surfaceSalience(m, site.sentence);
      const r = roleOf(m);
      // the speaker of a quotation says "I": for a quoted pronoun a speech verb's subject ranks last on role
      const role = !r
        ? SALIENCE.role.other
        : site.inQuote && grammar.speaks(r.anchor)
          ? 0
          : roleWeight(r.rel);
      const prev = best.get(m.key!);
      if (!prev || surface > prev.surface || (surface === prev.surface && role > prev.role)) {
        best.set(m.key!, { m, surface, role });
      }
    }
    const ranked = [...best.values()].sort((a, b) => b.surface - a.surface || b.role - a.role);
    const top = ranked[0]!;
    const second = ranked[1];
    const rule = !second || top.surface > second.surface ? 'coref:pronoun-salience' : 'coref:pronoun-role';
    if (second && top.surface === second.surface && top.role === second.role) {
      return { ante: null, rule: 'coref:pronoun-tie', score: top.surface };
    }
    if (conjoined(top.m, pool)) return { ante: null, rule: 'coref:pronoun-tie', score: top.surface };
    return { ante: top.m, rule, score: top.surface };
  }
  return { ante: null, rule: 'coref:pronoun-none', score: 0 };
}
