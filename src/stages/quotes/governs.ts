import { isSpeechLemma, MODALS } from '../../knowledge/english/index.js';
import { baseRel, type SyntaxIndex } from '../syntax/query.js';

/** Relations by which a reporting verb governs what was said: a content clause, an aside, a complement. */
const VERB_CONTENT: ReadonlySet<string> = new Set(['ccomp', 'parataxis', 'xcomp', 'csubj']);

/** Relations by which a speech noun governs what was said ("the warning *that* …", "a statement: …"). */
const NOUN_CONTENT: ReadonlySet<string> = new Set(['acl', 'ccomp', 'appos', 'parataxis']);

/** Relations by which a stance verb takes what it attributes as a plain object ("X wants *a recount*"). */
const STANCE_CONTENT: ReadonlySet<string> = new Set(['obj', 'iobj']);

/** Conjunctions that make a clause a condition: "if he says …" has said nothing yet. */
const CONDITIONS: ReadonlySet<string> = new Set(['if', 'unless', 'whether']);

/** Subjects that address the reader or a listener ("Do *you* know where …", "Can *you* imagine …"). */
const ADDRESSEES: ReadonlySet<string> = new Set(['you', 'yourself', 'yourselves', 'ye']);

/**
 * The words of a stretch of text whose head lies outside it (the stretch's top words), in text order. A
 * content clause the cue governs has one; a stretch cut across clauses has several.
 */
export function topWords(ix: SyntaxIndex, start: number, end: number): number[] {
  const out: number[] = [];
  const first = ix.wordAt(start);
  for (let i = first; i >= 0 && i < ix.words.length && ix.words[i]!.start < end; i++) {
    const w = ix.words[i]!;
    if (w.end <= start) continue;
    const h = w.head;
    if (h < 0 || ix.words[h]!.start < start || ix.words[h]!.start >= end) out.push(i);
  }
  return out;
}

/** True when `anc` is an ancestor of `i` (at most `depth` steps up). */
function dominates(ix: SyntaxIndex, anc: number, i: number, depth: number): boolean {
  let p = ix.head(i);
  for (let d = 0; p >= 0 && d < depth; d++) {
    if (p === anc) return true;
    p = ix.head(p);
  }
  return false;
}

/**
 * Whether the cue word `k` governs the content [start, end) on the parse: one of the content's top words is
 * the cue's content clause (ccomp, parataxis, xcomp, csubj; for a speech noun also its acl or apposition; a
 * finite clause read as the cue's object), or the cue hangs inside the content's clause ("…, the minister
 * said" read as an aside of the content). With `stance`, a stance verb's plain object counts ("X wants a
 * recount"). False only when the content opens with a circumstance of the cue or a pronoun object; null when
 * the parse says nothing clear (no words in the span, the content hung elsewhere).
 */
export function cueGoverns(
  ix: SyntaxIndex,
  k: number,
  start: number,
  end: number,
  stance = false,
): boolean | null {
  if (k < 0 || !ix.words[k]) return null;
  const tops = topWords(ix, start, end);
  if (tops.length === 0) return null;
  const cue = ix.words[k]!;
  const noun = cue.upos === 'NOUN' || cue.upos === 'PROPN';
  let relativeInMain = false;
  for (const t of tops) {
    const w = ix.words[t]!;
    const rel = baseRel(w.deprel);
    if (w.head === k) {
      if (VERB_CONTENT.has(rel) && !circumstanceClause(ix, t, k)) return true;
      if (noun && NOUN_CONTENT.has(rel)) return true;
      if (stance && STANCE_CONTENT.has(rel)) return true;
      // a finite clause the parser hung on the cue as an object or oblique ("said Monday the talks had failed"),
      // unless a conjunction of time or cause makes it the circumstance of the saying ("said *when she
      // resigned*", "*after the vote*, X said")
      if (
        (rel === 'obj' || rel === 'advcl') &&
        ix.childrenBy(t, 'nsubj').length > 0 &&
        !circumstanceClause(ix, t)
      )
        return true;
    }
    // the cue is an aside inside the content's clause ("The talks, the minister said, had failed"); a relative
    // clause is no aside: in "Everything Trump says is a lie" the main clause is the writer's own
    if (t === cue.head || dominates(ix, t, k, 3)) {
      if (cue.deprel !== 'acl:relcl') return true;
      relativeInMain = true;
    }
  }
  if (relativeInMain) return false;
  if (opensClause(ix, k, start, tops)) return true;
  // only a content that opens with a circumstance of the cue or a pronoun object is shown not to be governed
  // ("charged *with* any crime", "said *it* over and over"); a content the parse
  // hung elsewhere is the parser's slip more often than a non-report
  // a conjunction opening the content ("*But* when Congress cut …, Mexico said") joins the cue's clause to the
  // one before: the content's opening phrase is the one after it
  const lead = tops.filter((t) => {
    const r = baseRel(ix.words[t]!.deprel);
    return !(ix.words[t]!.head === k && (r === 'cc' || r === 'punct') && ix.words[t]!.start <= start + 1);
  });
  const opening = openingTop(
    ix,
    lead.length < tops.length ? ix.words[lead[0] ?? tops[0]!]!.start : start,
    lead,
  );
  if (opening < 0 || ix.words[opening]!.head !== k) return null;
  const o = ix.words[opening]!;
  const rel = baseRel(o.deprel);
  // what a verb of urging demands ("called *for* a moratorium", "called *on* Congress to act") is its content
  const prep = rel === 'obl' ? ix.caseOf(opening) : null;
  if (
    prep &&
    (isSpeechLemma(`${cue.lemma.toLowerCase()} ${prep}`, ['urge']) ||
      isSpeechLemma(cue.lemma.toLowerCase(), ['urge'])) &&
    DEMAND_CASES.has(prep)
  )
    return null;
  if (NOT_CONTENT.has(rel) || circumstanceClause(ix, opening, k)) return false;
  // a pronoun object is a thing said, not the saying ("said *it* over and over")
  if (rel === 'obj' && o.upos === 'PRON' && !WH_CONTENT.has(o.text.toLowerCase())) return false;
  return rel === 'advcl' && !finite(ix, opening) ? false : null;
}

/**
 * Conjunctions that make a clause the time, cause or concession of the verb it hangs on, never what was said
 * ("said when she resigned", "said because …"): a content clause opens with "that", a question word or
 * nothing. ("if" is left out: "said if the talks fail, …" often reads the condition as part of the content.)
 */
const CIRCUMSTANCE_MARKS: ReadonlySet<string> = new Set([
  'when',
  'whenever',
  'after',
  'before',
  'while',
  'because',
  'since',
  'until',
  'although',
  'though',
  'once',
]);

/** Verbs whose content may be an indirect question ("asked when …", "explained why …"): "when" is content there. */
const INQUIRY_LEMMAS: ReadonlySet<string> = new Set([
  'ask',
  'wonder',
  'inquire',
  'enquire',
  'explain',
  'know',
  'question',
  'specify',
  'decide',
  'clarify',
  'reveal',
  'disclose',
  'indicate',
]);

/**
 * True for a clause `t` opened by a conjunction of time, cause or concession (`CIRCUMSTANCE_MARKS`, a `mark`
 * or, for "when", the parser's `advmod`) that hangs on the cue `k`: the circumstance of the saying. "When"
 * after a verb of asking or explaining opens a question, which is content ("asked when the talks resume").
 */
export function circumstanceClause(ix: SyntaxIndex, t: number, k = ix.words[t]!.head): boolean {
  const first = ix.subtree(t)[0]!;
  const w = ix.words[first]!;
  if (w.head !== t || !CIRCUMSTANCE_MARKS.has(w.text.toLowerCase())) return false;
  const rel = baseRel(w.deprel);
  if (rel !== 'mark' && rel !== 'advmod') return false;
  // "Since its inception in 2003, the center had received …": a comma before the clause's verb makes the
  // word a preposition over the phrase it closes, not the conjunction of the clause
  for (let i = first + 1; i < t; i++) if (ix.words[i]!.text === ',') return false;
  const cue = k >= 0 ? ix.words[k] : undefined;
  return !(w.text.toLowerCase() === 'when' && cue && INQUIRY_LEMMAS.has(cue.lemma.toLowerCase()));
}

/** Relations by which a phrase hangs on a verb as a circumstance, never as what was said. */
const NOT_CONTENT: ReadonlySet<string> = new Set(['obl', 'advmod', 'nmod', 'compound', 'npadvmod']);

/** Prepositions that introduce what a verb of urging asks for. */
const DEMAND_CASES: ReadonlySet<string> = new Set(['for', 'on']);

/** Pronouns that open a content clause of their own ("showed *what* the plant would cost"). */
const WH_CONTENT: ReadonlySet<string> = new Set([
  'what',
  'how',
  'why',
  'whether',
  'who',
  'which',
  'where',
  'when',
]);

/** The top word whose subtree holds the content's first word, or -1. */
function openingTop(ix: SyntaxIndex, start: number, tops: readonly number[]): number {
  let p = ix.wordAt(start);
  for (let guard = 0; p >= 0 && guard < 50; guard++) {
    if (tops.includes(p)) return p;
    p = ix.words[p]!.head;
  }
  return -1;
}

/** Relations of a clause's subject. */
const SUBJECT_RELS: ReadonlySet<string> = new Set(['nsubj', 'csubj', 'expl']);

/** True for a predicate that is finite on the parse: it has an auxiliary, a copula or a subject of its own. */
function finite(ix: SyntaxIndex, i: number): boolean {
  return ix.children(i).some((c) => {
    const r = baseRel(ix.words[c]!.deprel);
    return r === 'aux' || r === 'cop' || SUBJECT_RELS.has(r);
  });
}

/**
 * The parser's usual slip on a content clause: the content opens with the subject of a finite clause that
 * the parse hung elsewhere. True when the content's first phrase is the subject of a predicate inside the
 * content ("District chiefs … had been sacked, he added" read as an adverbial), or the content opens with
 * what the parse took for the cue's subject placed after it ("said an eight-member committee … had been
 * established", the committee read as the subject of "said").
 */
function opensClause(ix: SyntaxIndex, k: number, start: number, tops: readonly number[]): boolean {
  let p = ix.wordAt(start);
  if (p < 0) return false;
  const top = new Set(tops);
  for (let guard = 0; p >= 0 && guard < 50; guard++) {
    const w = ix.words[p]!;
    const rel = baseRel(w.deprel);
    if (top.has(p)) {
      return SUBJECT_RELS.has(rel) && w.head === k && p > k;
    }
    if (SUBJECT_RELS.has(rel) && finite(ix, w.head)) return true;
    p = w.head;
  }
  return false;
}

/** How a cue's clause presents the speech: said, denied by a negation, only possible, conditional, or asked of someone. */
export type CueMood = 'asserted' | 'negated' | 'modal' | 'conditional' | 'addressed';

/**
 * The mood of a cue verb's clause: `negated` ("has not said"), `modal` ("would say", "could announce"),
 * `conditional` ("if he says …"), `addressed` (the subject is the listener: "Do you know where …", an
 * imperative "Ask yourself …"), else `asserted`. Only an asserted cue reports that something was said.
 */
export function cueMood(ix: SyntaxIndex, k: number): CueMood {
  const w = ix.words[k];
  if (!w) return 'asserted';
  if (ix.isNegated(k)) return 'negated';
  if (ix.childrenBy(k, 'aux').some((a) => MODALS.has(ix.words[a]!.text.toLowerCase()))) return 'modal';
  // the condition marks the cue's own clause, or the clause the cue's (infinitive) complement belongs to
  const marks = [...ix.childrenBy(k, 'mark')];
  if (baseRel(w.deprel) === 'xcomp' && w.head >= 0) marks.push(...ix.childrenBy(w.head, 'mark'));
  if (marks.some((m) => CONDITIONS.has(ix.words[m]!.text.toLowerCase()))) return 'conditional';
  const subj = ix.children(k).find((c) => baseRel(ix.words[c]!.deprel) === 'nsubj');
  if (subj !== undefined && ADDRESSEES.has(ix.words[subj]!.text.toLowerCase())) return 'addressed';
  if (imperative(ix, k)) return 'addressed';
  return 'asserted';
}

/** Words that may open a sentence before an imperative ("Now tell us …", "Seriously, please ask …", "And ask"). */
const BEFORE_IMPERATIVE: ReadonlySet<string> = new Set(['ADV', 'INTJ', 'PUNCT', 'CCONJ']);

/**
 * An imperative: a bare verb with no subject and no auxiliary heading its sentence, preceded in it by adverbs,
 * interjections and punctuation only ("Please ask yourself …", "Now tell us …"), or coordinated with one
 * ("Go a step further, and ask …").
 */
function imperative(ix: SyntaxIndex, k: number): boolean {
  for (let p = k, guard = 0; p >= 0 && guard < 4; guard++) {
    const w = ix.words[p]!;
    if (ix.children(p).some((c) => SUBJECT_RELS.has(baseRel(ix.words[c]!.deprel)))) return false;
    if (ix.childrenBy(p, 'aux').length > 0 || w.text.toLowerCase() !== w.lemma.toLowerCase()) return false;
    if (w.head >= 0 && baseRel(w.deprel) === 'conj') {
      p = w.head;
      continue;
    }
    if (w.head >= 0) return false;
    for (let i = p - 1; i >= 0 && ix.words[i]!.sentence === w.sentence; i--)
      if (!BEFORE_IMPERATIVE.has(ix.words[i]!.upos)) return false;
    return true;
  }
  return false;
}

/**
 * Where the governed part of a content begins when the rules' content opens with a circumstance of the cue
 * ("said *after the convention* he would not accept …"): the first later top word that is the cue's content
 * clause (or a finite clause hung on the cue), from its first word past a "that" and punctuation. -1 when
 * there is none.
 */
export function governedStart(ix: SyntaxIndex, k: number, start: number, end: number, text: string): number {
  for (const t of topWords(ix, start, end)) {
    const w = ix.words[t]!;
    if (w.head !== k) continue;
    const rel = baseRel(w.deprel);
    if (!VERB_CONTENT.has(rel) && !((rel === 'obj' || rel === 'advcl' || rel === 'conj') && finite(ix, t)))
      continue;
    if (circumstanceClause(ix, t, k)) continue;
    const sub = ix.subtree(t).filter((i) => ix.words[i]!.start >= start);
    let first = Math.min(...sub);
    while (
      first < t &&
      (baseRel(ix.words[first]!.deprel) === 'mark' || baseRel(ix.words[first]!.deprel) === 'punct')
    )
      first++;
    let a = ix.words[first]!.start;
    while (a < end && /[\s,;:]/.test(text[a]!)) a++;
    return a > start && end - a >= 12 ? a : -1;
  }
  return -1;
}
