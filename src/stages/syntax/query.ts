import type { SyntaxWord } from '../../core/document.js';
import type { Span } from '../../core/types.js';

/** Relations that head a clause of their own (UD clausal dependents plus the root). */
const CLAUSAL = new Set(['root', 'ccomp', 'xcomp', 'advcl', 'acl', 'parataxis', 'csubj']);
const SUBJECTS = new Set(['nsubj', 'csubj']);
const OBJECTS = new Set(['obj', 'iobj']);
/** Lemmas of the English negators UD attaches as advmod/det/cc:preconj ("not", "n't", "never", "no"). */
const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'nothing', 'nobody', 'none']);

/** The universal part of a relation ("nsubj" of "nsubj:pass"). */
export function baseRel(deprel: string): string {
  const c = deprel.indexOf(':');
  return c < 0 ? deprel : deprel.slice(0, c);
}

/**
 * Read-only queries over the `syntax` layer, the API other stages use to read clause structure: children,
 * subjects and objects of a predicate, the verb that governs a word, negation, the clause a word belongs to,
 * and subtree spans. Word arguments and results are indices into the `syntax` array; "none" is -1 or [].
 * Built once per document in linear time.
 */
export class SyntaxIndex {
  readonly words: readonly SyntaxWord[];
  private readonly kids: number[][];

  constructor(words: readonly SyntaxWord[]) {
    this.words = words;
    this.kids = words.map(() => []);
    words.forEach((w, i) => {
      if (w.head >= 0 && w.head < words.length) this.kids[w.head]!.push(i);
    });
  }

  /** Dependents of word `i` in text order. */
  children(i: number): readonly number[] {
    return this.kids[i] ?? [];
  }

  /** Dependents of `i` whose relation is `rel` or a subtype of it (`obl` matches `obl:tmod`). */
  childrenBy(i: number, rel: string): number[] {
    return this.children(i).filter(
      (c) => baseRel(this.words[c]!.deprel) === rel || this.words[c]!.deprel === rel,
    );
  }

  /** The head of `i` (-1 for a root). */
  head(i: number): number {
    return this.words[i]?.head ?? -1;
  }

  /**
   * The subject of a predicate: its nsubj/csubj (including `:pass`). A verb with none inherits the subject of
   * the verb it is coordinated with ("X arrived and met Y") or, for an open complement (xcomp: "X wants to
   * meet Y"), the object or else the subject of the verb that controls it. -1 when there is none.
   */
  subjectOf(pred: number): number {
    for (let p = pred, guard = 0; p >= 0 && p < this.words.length && guard < 50; guard++) {
      const own = this.children(p).find((c) => SUBJECTS.has(baseRel(this.words[c]!.deprel)));
      if (own !== undefined) return own;
      const rel = baseRel(this.words[p]!.deprel);
      if (rel === 'conj') {
        p = this.words[p]!.head;
        continue;
      }
      if (rel === 'xcomp') {
        const h = this.words[p]!.head;
        const obj = this.children(h).find((c) => baseRel(this.words[c]!.deprel) === 'obj');
        if (obj !== undefined) return obj;
        p = h;
        continue;
      }
      return -1;
    }
    return -1;
  }

  /** True when the predicate's subject is a passive subject (or it has a passive auxiliary). */
  isPassive(pred: number): boolean {
    return this.children(pred).some((c) => {
      const d = this.words[c]!.deprel;
      return d === 'nsubj:pass' || d === 'aux:pass' || d === 'csubj:pass';
    });
  }

  /** The agent of a passive predicate: the nominal of its `obl:agent` or of an `obl` introduced by "by". */
  agentOf(pred: number): number {
    for (const c of this.childrenBy(pred, 'obl')) {
      if (this.words[c]!.deprel === 'obl:agent') return c;
      if (this.caseOf(c) === 'by' && this.isPassive(pred)) return c;
    }
    return -1;
  }

  /** Direct and indirect objects of a predicate (each followed by its conjuncts: "met X and Y"). */
  objectsOf(pred: number): number[] {
    const out: number[] = [];
    for (const c of this.children(pred)) {
      if (OBJECTS.has(baseRel(this.words[c]!.deprel))) out.push(...this.conjuncts(c));
    }
    return out;
  }

  /** Oblique nominals of a predicate with their preposition ("talks *with* X" → {word: X, case: "with"}). */
  obliquesOf(pred: number): { word: number; case: string | null }[] {
    return this.childrenBy(pred, 'obl').map((c) => ({ word: c, case: this.caseOf(c) }));
  }

  /** The lower-cased case marker (preposition) of a nominal, or null. */
  caseOf(nominal: number): string | null {
    const c = this.children(nominal).find((k) => baseRel(this.words[k]!.deprel) === 'case');
    return c === undefined ? null : this.words[c]!.text.toLowerCase();
  }

  /** `i` and everything coordinated with it ("X, Y and Z" → [X, Y, Z]), in text order. */
  conjuncts(i: number): number[] {
    const out = [i];
    for (let k = 0; k < out.length; k++) {
      for (const c of this.childrenBy(out[k]!, 'conj')) out.push(c);
    }
    return out.sort((a, b) => a - b);
  }

  /**
   * The verb (or other predicate) whose clause contains `i`: `i` itself when it heads a clause, else the
   * nearest ancestor that does. -1 when `i` is not a word.
   */
  clauseOf(i: number): number {
    if (!this.words[i]) return -1;
    let p = i;
    for (let guard = 0; p >= 0 && guard < 1000; guard++) {
      const w = this.words[p]!;
      const rel = baseRel(w.deprel);
      if (CLAUSAL.has(rel) || w.head < 0) return p;
      if (rel === 'conj' && this.isPredicate(p)) return p;
      p = w.head;
    }
    return p;
  }

  /**
   * The verb that governs the clause of `i`: the head of the clause's own head, walked up to a predicate
   * ("said" for "attacked" in "X said Y attacked Z"). -1 at the root clause.
   */
  governingVerb(i: number): number {
    const clause = this.clauseOf(i);
    if (clause < 0) return -1;
    let h = this.words[clause]!.head;
    for (let guard = 0; h >= 0 && guard < 1000; guard++) {
      if (this.isPredicate(h)) return h;
      h = this.words[h]!.head;
    }
    return -1;
  }

  /** True for a verb, or for a word that heads a copular clause ("X is *responsible*"). */
  isPredicate(i: number): boolean {
    const w = this.words[i];
    if (!w) return false;
    if (w.upos === 'VERB') return true;
    return this.children(i).some((c) => baseRel(this.words[c]!.deprel) === 'cop');
  }

  /** True when the predicate is negated by a dependent negator ("did *not* attack", "*never* met"). */
  isNegated(pred: number): boolean {
    return this.children(pred).some((c) => {
      const w = this.words[c]!;
      const rel = baseRel(w.deprel);
      return (
        (rel === 'advmod' || rel === 'det' || rel === 'cc') &&
        NEGATORS.has(w.text.toLowerCase().replace('\u2019', "'"))
      );
    });
  }

  /** Every word of the subtree of `i` (in text order). */
  subtree(i: number): number[] {
    if (!this.words[i]) return [];
    const out = [i];
    for (let k = 0; k < out.length; k++) out.push(...this.children(out[k]!));
    return out.sort((a, b) => a - b);
  }

  /** The text span covered by the subtree of `i` (from its first to its last word); null for no word. */
  span(i: number): Span | null {
    const t = this.subtree(i);
    if (t.length === 0) return null;
    return { start: this.words[t[0]!]!.start, end: this.words[t[t.length - 1]!]!.end };
  }

  /** Index of the word covering text offset `offset`, or -1. Binary search (words are in text order). */
  wordAt(offset: number): number {
    let lo = 0;
    let hi = this.words.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const w = this.words[mid]!;
      if (offset < w.start) hi = mid - 1;
      else if (offset >= w.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
}
