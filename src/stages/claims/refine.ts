import type { SyntaxWord } from '../../core/document.js';
import type { Claim, Entity } from '../../core/types.js';
import { isSpeechLemma } from '../../knowledge/english/index.js';
import { baseRel, SyntaxIndex } from '../syntax/query.js';
import * as NOT_CLAIMS from './data/not-claims.js';
import { isNumberWord, SCALES } from './numbers.js';

const SPORTS_UNITS: ReadonlySet<string> = new Set(NOT_CLAIMS.SPORTS_UNITS);
const SPORTS_WORDS: ReadonlySet<string> = new Set(NOT_CLAIMS.SPORTS_WORDS);
const DISTANCE_UNITS: ReadonlySet<string> = new Set(NOT_CLAIMS.DISTANCE_UNITS);
const PLACE_WORDS: ReadonlySet<string> = new Set(NOT_CLAIMS.PLACE_WORDS);
const NAME_TYPES: ReadonlySet<string> = new Set(NOT_CLAIMS.NAME_TYPES);
const NAME_LINKS: ReadonlySet<string> = new Set(NOT_CLAIMS.NAME_LINKS);
const NOT_UNIT_HEADS: ReadonlySet<string> = new Set(NOT_CLAIMS.NOT_UNIT_HEADS);
const DURATION_NOUNS: ReadonlySet<string> = new Set(NOT_CLAIMS.DURATION_NOUNS);
const SCALE_WORDS: ReadonlySet<string> = new Set(Object.keys(SCALES));
const SPORTS_STORY_WORDS: ReadonlySet<string> = new Set(NOT_CLAIMS.SPORTS_STORY_WORDS);
const SPORTS_COUNTS: ReadonlySet<string> = new Set(NOT_CLAIMS.SPORTS_COUNTS);

/** Why a figure is not a claim, or null when it stays one. */
export type NotClaimReason =
  | 'score'
  | 'sports-tally'
  | 'distance-in-passing'
  | 'name-number'
  | 'in-a-name'
  | 'duration'
  | 'sports-result'
  | null;

/** The words of the sentence around a claim, lower case, for context checks (bounded: ±12 words). */
function around(text: string, c: Claim): string[] {
  const before = text
    .slice(Math.max(0, c.start - 120), c.start)
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .slice(-12);
  const after = text
    .slice(c.end, c.end + 120)
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .slice(0, 12);
  return [...before, ...after];
}

/**
 * Figures a reader would not call a claim, decided on the text around them (data: `data/not-claims.json`):
 * a match score ("won 3-1", "a 2-0 defeat"), a sports tally ("scored 25 points"), a distance that only
 * places something ("50 km north of the capital", "some 20 miles from the border").
 */
export function notClaimByContext(text: string, c: Claim): NotClaimReason {
  const unit = (c.unit ?? '').toLowerCase();
  const after = text.slice(c.end, c.end + 40);
  const tail = text.slice(c.start, c.end + 8);
  // "3-1", "2-0": two small numbers joined by a hyphen or "to" in a sports context
  if (
    /^\D{0,12}\b\d{1,2}\s*(?:-|–|to)\s*\d{1,2}\b/.test(tail) &&
    around(text, c).some((w) => SPORTS_WORDS.has(w))
  )
    return 'score';
  if (SPORTS_UNITS.has(unit) && around(text, c).some((w) => SPORTS_WORDS.has(w))) return 'sports-tally';
  // a distance unit followed by a place word, inside the claim's phrase ("50 km north") or right after it
  const words = `${c.text} ${after}`.toLowerCase().split(/[^\p{L}\d-]+/u);
  for (let i = 0; i + 1 < words.length && i < 6; i++) {
    if (DISTANCE_UNITS.has(words[i]!) && PLACE_WORDS.has(words[i + 1]!)) return 'distance-in-passing';
  }
  return null;
}

/**
 * True when the story as a whole is a sports report: at least three different words of `SPORTS_STORY_WORDS`
 * and four occurrences in all.
 */
export function isSportsStory(text: string): boolean {
  const seen = new Map<string, number>();
  for (const w of text.toLowerCase().split(/[^\p{L}-]+/u)) {
    if (SPORTS_STORY_WORDS.has(w)) seen.set(w, (seen.get(w) ?? 0) + 1);
  }
  let total = 0;
  for (const n of seen.values()) total += n;
  return seen.size >= 3 && total >= 4;
}

/**
 * A result in a sports story: a tally ("25 points", "three birdies"), a record ("two wins in ten matches") or a
 * bare number with nothing counted and no source ("finished tied at 279").
 */
export function isSportsResult(c: Claim): boolean {
  const unit = (c.unit ?? '').toLowerCase();
  if (SPORTS_UNITS.has(unit) || SPORTS_COUNTS.has(unit)) return true;
  return !c.unit && !c.subject && !c.source && !c.sourceName && c.value !== null;
}

/**
 * A number right after the noun it modifies names a thing rather than counting it ("uranium 235", "Boeing
 * 747", "Resolution 1718"): English counts come before their noun. Read on the parse: the number's head is the
 * word right before it (a hyphen may sit between), a noun or name, and the relation is a modifier.
 */
export function isNameNumber(ix: SyntaxIndex, c: Claim): boolean {
  let k = ix.wordAt(c.start);
  const end = c.end;
  while (k >= 0 && k < ix.words.length && ix.words[k]!.start < end && ix.words[k]!.upos !== 'NUM') k++;
  if (k < 0 || k >= ix.words.length || ix.words[k]!.start >= end) return false;
  const w = ix.words[k]!;
  if (followsItsName(ix, k, c)) return true;
  const h = w.head;
  if (h < 0 || h >= k) return false;
  const head = ix.words[h]!;
  if (head.upos !== 'NOUN' && head.upos !== 'PROPN') return false;
  if (!['nummod', 'compound', 'appos', 'flat', 'nmod'].includes(baseRel(w.deprel))) return false;
  let prev = k - 1;
  if (prev > h && /^[-–]$/.test(ix.words[prev]!.text)) prev--;
  if (prev !== h) return false;
  // nothing counted after the number ("uranium 235", not "Group 20 nations"): the claim's unit is not after it
  const next = ix.words[k + 1];
  return !c.unit || head.text.toLowerCase() === c.unit.toLowerCase() || !next || next.start >= end;
}

/**
 * The word shape of a name-number when the parse attaches the number elsewhere: a content word right before it
 * in the same sentence ("uranium 235", "Resolution 1701") and nothing it could count after it (the sentence
 * goes on with a preposition, a conjunction or punctuation, or ends), with no unit of its own.
 */
function followsItsName(ix: SyntaxIndex, k: number, c: Claim): boolean {
  const w = ix.words[k]!;
  const prev = ix.words[k - 1];
  if (!prev || prev.sentence !== w.sentence || !/^\p{L}+$/u.test(prev.text)) return false;
  if (!['NOUN', 'PROPN', 'ADJ'].includes(prev.upos)) return false;
  if (c.unit && c.unit.toLowerCase() !== prev.text.toLowerCase()) return false;
  const next = ix.words[k + 1];
  return !next || next.sentence !== w.sentence || ['ADP', 'PUNCT', 'CCONJ'].includes(next.upos);
}

/**
 * The word that carries a claim's number: the first word inside the claim that is written in digits (with or
 * without a currency sign) or is a number word. -1 when the parse has none there.
 */
export function numberWordOf(ix: SyntaxIndex, c: Claim): number {
  let k = ix.wordAt(c.start);
  for (; k >= 0 && k < ix.words.length && ix.words[k]!.start < c.end; k++) {
    const t = ix.words[k]!.text;
    if (/^[$€£¥]?\d/u.test(t) || isNumberWord(t.toLowerCase())) return k;
  }
  return -1;
}

/**
 * A number that is part of a name ("the Seven Party Alliance", "the Group of Eight", a film called "Two Sons"):
 * its word lies inside a mention of a named entity (`NAME_TYPES` in the data), or it is a spelled number written
 * with a capital inside a sentence, after a lower-case word and before a capitalised one.
 */
export function isInAName(ix: SyntaxIndex, c: Claim, entities: readonly Entity[]): boolean {
  const k = numberWordOf(ix, c);
  if (k < 0) return false;
  const w = ix.words[k]!;
  const inMention = entities.some(
    (e) => NAME_TYPES.has(e.type) && e.mentions.some((m) => m.start <= w.start && w.end <= m.end),
  );
  if (inMention) return true;
  if (!/^\p{Lu}\p{Ll}/u.test(w.text)) return false;
  const prev = ix.words[k - 1];
  const next = ix.words[k + 1];
  return (
    !!prev &&
    !!next &&
    prev.sentence === w.sentence &&
    next.sentence === w.sentence &&
    /^\p{Ll}+$/u.test(prev.text) &&
    /^\p{Lu}/u.test(next.text)
  );
}

/**
 * The counted noun of a figure read on the parse: the number (its last word when it is several: "400 million")
 * is a `nummod` of a noun after it, with only modifiers between ("two Islamic Hamas militants east of the camp"
 * counts militants). Returns the head word and the first word of its modifiers, or null when the parse does not
 * give such a noun (then the token rules' unit stands).
 */
export function countedNoun(ix: SyntaxIndex, c: Claim, text: string): { head: number; first: number } | null {
  let k = numberWordOf(ix, c);
  if (k < 0) return null;
  while (ix.words[k + 1]?.upos === 'NUM' && ix.head(k) === k + 1) k++;
  const w = ix.words[k]!;
  if (baseRel(w.deprel) !== 'nummod') return null;
  const h = w.head;
  if (h <= k || h - k > 6) return null;
  const head = ix.words[h]!;
  if (head.sentence !== w.sentence || (head.upos !== 'NOUN' && head.upos !== 'PROPN')) return null;
  if (NOT_UNIT_HEADS.has(head.text.toLowerCase())) return null;
  // a head glued on by a hyphen is only part of the noun ("14 hostage-takers" split by the tokenizer)
  if (head.end < text.length && /^[-‐–]\p{L}/u.test(text.slice(head.end, head.end + 2))) return null;
  for (let j = k + 1; j < h; j++) {
    const between = ix.words[j]!;
    if (!['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(between.upos) && !/^["“”'-]$/u.test(between.text))
      return null;
  }
  // the subject starts after the number's own words ("37 trillion won" counts won, not "trillion won")
  let first = k + 1;
  while (first < h && SCALE_WORDS.has(ix.words[first]!.text.toLowerCase())) first++;
  return { head: h, first };
}

/** Where the hyphenated word ending at a word starting at `at` begins ("vice-governors" split as three words). */
function gluedStart(text: string, at: number): number {
  let s = at;
  while (s >= 2 && /[-‐]/u.test(text[s - 1]!) && /\p{L}/u.test(text[s - 2]!)) {
    s -= 2;
    while (s > 0 && /\p{L}/u.test(text[s - 1]!)) s--;
  }
  return s;
}

/**
 * A duration in passing: the counted noun on the parse is a unit of time ("two extra years in power", "in the
 * last 12 seasons"), whatever modifiers stand between it and the number.
 */
export function isDuration(ix: SyntaxIndex, c: Claim, text: string): boolean {
  const n = countedNoun(ix, c, text);
  if (!n) return false;
  const head = ix.words[n.head]!;
  return DURATION_NOUNS.has(head.lemma.toLowerCase()) || DURATION_NOUNS.has(head.text.toLowerCase());
}

/**
 * Unit and subject from the counted noun on the parse, when the token rules read another word as the unit
 * ("two militants east": unit "east"). A unit the number carries itself (a currency, a percentage, a glued
 * count) is kept; so is a measure the token rules took ("165,000 hectares").
 */
export function withCountedNoun(ix: SyntaxIndex, c: Claim, text: string): Claim {
  if (c.unit === 'percent' || /^[$€£¥]/u.test(c.text) || /^\S+-/u.test(c.text)) return c;
  const n = countedNoun(ix, c, text);
  if (!n) return c;
  const head = ix.words[n.head]!;
  // the same noun, or a unit of several words that ends in it ("1,000 cubic meters")
  if (c.unit && c.unit.toLowerCase().split(' ').at(-1) === head.text.toLowerCase()) return c;
  // the token rules' unit is a word of the counted phrase itself ("1,000 cubic meters"): keep it
  if (c.unit && ix.words.slice(n.first, n.head).some((x) => x.text.toLowerCase() === c.unit!.toLowerCase()))
    return c;
  // the span grows to the counted noun, and gives up the words after it only when they held the old unit
  const oldUnitAfter = !!c.unit && text.slice(head.end, c.end).toLowerCase().includes(c.unit.toLowerCase());
  const newEnd = head.end > c.end || oldUnitAfter ? head.end : c.end;
  return {
    ...c,
    end: newEnd,
    text: text.slice(c.start, newEnd),
    unit: text.slice(gluedStart(text, head.start), head.end),
    subject: text.slice(Math.min(ix.words[n.first]!.start, gluedStart(text, head.start)), head.end),
  };
}

/**
 * The name of a claim's source as written in the figure's sentence when it goes on past the entity's mention
 * ("a report by the UN Office on Drugs and Crime" where the mention is "UN Office"): the mention followed by
 * joining words (`NAME_LINKS`) and capitalised words that are no place or nationality of their own. Null when
 * the text adds nothing to the entity's name.
 */
export function sourceNameInText(
  ix: SyntaxIndex,
  c: Claim,
  text: string,
  entities: readonly Entity[],
): string | null {
  const e = c.source ? entities.find((x) => x.id === c.source) : undefined;
  const k = numberWordOf(ix, c);
  if (!e || k < 0) return null;
  const sentence = ix.words[k]!.sentence;
  const inSentence = (off: number) => {
    const w = ix.wordAt(off);
    return w >= 0 && ix.words[w]!.sentence === sentence;
  };
  const place = (off: number) =>
    entities.some(
      (x) => ['GPE', 'LOC', 'NORP'].includes(x.type) && x.mentions.some((m) => m.start <= off && off < m.end),
    );
  for (const m of e.mentions) {
    if (!inSentence(m.start)) continue;
    let end = m.end;
    let linked = false;
    for (let guard = 0; guard < 6; guard++) {
      const r = /^ ([a-z]+) (?:the )?(\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)*)/u.exec(text.slice(end, end + 80));
      if (!r || !NAME_LINKS.has(r[1]!) || (r[1] === 'and' && !linked)) break;
      const wordAt = end + r[0].length - r[2]!.length;
      if (place(wordAt) || text[end + r[0].length] === "'" || text[end + r[0].length] === '\u2019') break;
      end += r[0].length;
      linked = true;
    }
    if (end === m.end) continue;
    const mention = text.slice(m.start, m.end);
    const base = e.name.endsWith(mention) ? e.name : mention;
    return base + text.slice(m.end, end);
  }
  return null;
}

/** Prepositions whose object is never the one who gives a figure ("the murder *of* X", "charges *against* X"). */
const NOT_SOURCE_CASES: ReadonlySet<string> = new Set(NOT_CLAIMS.NOT_SOURCE_CASES);

/**
 * True when the source the token rules gave a figure is, on the parse, no one who speaks: the phrase (a mention
 * of the source entity, or the source name as written) stands in the figure's sentence only as the subject of a
 * passive ("incidents have been reported", "alerts were said to …"), an object, or the object of a preposition
 * such as "of" ("the murder of X"). A source phrase not found in the sentence (a speaker named before) is kept.
 */
export function isMisreadSource(
  ix: SyntaxIndex,
  c: Claim,
  text: string,
  entities: readonly Entity[],
): boolean {
  if (!c.source && !c.sourceName) return false;
  const k = numberWordOf(ix, c);
  if (k < 0) return false;
  const sentence = ix.words[k]!.sentence;
  const spans: { start: number; end: number }[] = [];
  const e = c.source ? entities.find((x) => x.id === c.source) : undefined;
  for (const m of e?.mentions ?? []) spans.push(m);
  if (c.sourceName) {
    for (let at = text.indexOf(c.sourceName); at >= 0; at = text.indexOf(c.sourceName, at + 1))
      spans.push({ start: at, end: at + c.sourceName.length });
  }
  const roles: string[] = [];
  for (const sp of spans) {
    const first = ix.wordAt(sp.start);
    if (first < 0 || ix.words[first]!.sentence !== sentence) continue;
    // the phrase's head: its word whose head lies outside it
    let head = -1;
    for (let w = first; w < ix.words.length && ix.words[w]!.start < sp.end; w++) {
      const h = ix.head(w);
      if (h < 0 || ix.words[h]!.start < sp.start || ix.words[h]!.start >= sp.end) {
        head = w;
        break;
      }
    }
    if (head < 0) continue;
    const rel = ix.words[head]!.deprel;
    const base = baseRel(rel);
    const kase = ix.caseOf(head);
    roles.push(
      rel === 'nsubj:pass' || base === 'obj' || base === 'iobj' || base === 'det'
        ? 'not'
        : (base === 'nmod' || base === 'obl') && kase && NOT_SOURCE_CASES.has(kase.toLowerCase())
          ? 'not'
          : 'ok',
    );
  }
  return roles.length > 0 && roles.every((r) => r === 'not');
}

/**
 * Drops figures that are not claims: match scores, sports tallies, distances in passing, and (when the
 * document was parsed) numbers that name a thing or are part of a name; gives a source read on the clause to
 * figures that had none, the counted noun read on the parse as unit and subject, and the source's full name as
 * written. Ids are renumbered.
 */
export function refineClaims(
  claims: readonly Claim[],
  text: string,
  words: readonly SyntaxWord[] | null,
  entities: readonly Entity[] = [],
): Claim[] {
  const ix = words && words.length > 0 ? new SyntaxIndex(words) : null;
  const sports = isSportsStory(text);
  return claims
    .filter(
      (c) =>
        notClaimByContext(text, c) === null &&
        !(sports && isSportsResult(c)) &&
        !(ix && (isNameNumber(ix, c) || isInAName(ix, c, entities) || isDuration(ix, c, text))),
    )
    .map((c, i) => {
      if (!ix) return { ...c, id: `c${i + 1}` };
      // a source the parse shows to be no speaker is dropped
      const b = isMisreadSource(ix, c, text, entities) ? { ...c, source: null, sourceName: null } : c;
      // "according to X" in the figure's own clause names its source, before a speech verb further away
      const k = numberWordOf(ix, b);
      const according = k >= 0 ? accordingToSource(ix, k, entities) : null;
      // a figure the token rules left without a source may still be reported by a speech verb above it
      const src =
        according && according.source !== b.source
          ? according
          : !b.source && !b.sourceName
            ? clauseSource(ix, b, entities)
            : null;
      const d = withCountedNoun(ix, { ...b, id: `c${i + 1}`, ...(src ?? {}) }, text);
      const name = sourceNameInText(ix, d, text, entities);
      return name ? { ...d, sourceName: name } : d;
    });
}

/**
 * The source named by "according to X" in the clause of the number word `k`, resolved to the entity one of whose
 * mentions covers X's head word (or a word of its name); null when there is none.
 */
export function accordingToSource(
  ix: SyntaxIndex,
  k: number,
  entities: readonly Entity[],
): { source: string; sourceName: string } | null {
  // the number's clause, then the clauses above it up to the sentence's root (bounded walk)
  for (let clause = ix.clauseOf(k), guard = 0; clause >= 0 && guard < 6; guard++) {
    // any nominal of the clause marked by "according (to)", whatever relation the parse gave it
    for (const o of ix.children(clause)) {
      const kids = ix.children(o);
      if (!kids.some((x) => ix.words[x]!.text.toLowerCase() === 'according')) continue;
      // "according to a report by X": the report's author
      for (const w of [o, ...ix.childrenBy(o, 'nmod')]) {
        const word = ix.words[w]!;
        const e = entities.find((x) => x.mentions.some((m) => m.start <= word.start && word.end <= m.end));
        if (e) return { source: e.id, sourceName: e.name };
      }
    }
    const up = ix.head(clause);
    if (up < 0) break;
    clause = ix.clauseOf(up);
  }
  return null;
}

/** Relations by which a clause is what a reporting verb reports ("said *that 3,000 fled*", "…, he said"). */
const REPORTED = new Set(['ccomp', 'parataxis', 'xcomp', 'advcl']);

/**
 * The source of a figure read on the parse: the subject of the speech verb whose reported clause holds the
 * number ("the ministry said 3,000 people fled"), or the object of "according to" in the number's clause;
 * resolved to the entity one of whose mentions covers the source's head word. Null when the parse names none.
 */
export function clauseSource(
  ix: SyntaxIndex,
  c: Claim,
  entities: readonly Entity[],
): { source: string; sourceName: string } | null {
  let k = ix.wordAt(c.start);
  while (k >= 0 && k < ix.words.length && ix.words[k]!.start < c.end && ix.words[k]!.upos !== 'NUM') k++;
  if (k < 0 || k >= ix.words.length || ix.words[k]!.start >= c.end) return null;
  const entityAt = (w: number) => {
    const word = ix.words[w]!;
    return entities.find((e) => e.mentions.some((m) => m.start <= word.start && word.end <= m.end)) ?? null;
  };
  // "according to X" in the number's own clause
  const clause = ix.clauseOf(k);
  const according = accordingToSource(ix, k, entities);
  if (according) return according;
  // up the clause chain to a speech verb that reports it (bounded walk)
  let child = clause;
  for (let guard = 0; child >= 0 && guard < 8; guard++) {
    const p = ix.head(child);
    if (p < 0) return null;
    const pw = ix.words[p]!;
    if (
      REPORTED.has(baseRel(ix.words[child]!.deprel)) &&
      (pw.upos === 'VERB' || pw.upos === 'AUX') &&
      isSpeechLemma(pw.lemma.toLowerCase()) &&
      !ix.isNegated(p)
    ) {
      const subj = ix.subjectOf(p);
      const e = subj >= 0 ? entityAt(subj) : null;
      return e ? { source: e.id, sourceName: e.name } : null;
    }
    child = ix.clauseOf(p);
    if (child === p && ix.head(p) < 0) return null;
  }
  return null;
}
