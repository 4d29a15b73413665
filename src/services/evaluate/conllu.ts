import { existsSync, readFileSync } from 'node:fs';
import { NewsintelError } from '../../core/errors.js';
import { type ConlluSentence, parseConllu } from '../../stages/syntax/conllu.js';
import { loadDefaultSyntaxModel, type ParsedWord } from '../../stages/syntax/model.js';
import type { EvaluationResult, Evaluator } from './types.js';

/** Relation groups reported by `evaluate conllu` (universal relations, subtypes stripped). */
export const RELATION_GROUPS: Readonly<Record<string, readonly string[]>> = {
  'core args': ['nsubj', 'obj', 'iobj', 'expl'],
  'nominal dependents': ['obl', 'nmod', 'appos', 'nummod', 'vocative', 'dislocated'],
  clausal: ['csubj', 'ccomp', 'xcomp', 'advcl', 'acl', 'parataxis'],
  modifiers: ['amod', 'advmod', 'discourse'],
  'function words': ['aux', 'cop', 'mark', 'det', 'clf', 'case', 'cc'],
  punct: ['punct'],
};

function groupOf(deprel: string): string {
  const base = deprel.split(':')[0]!;
  for (const [g, rels] of Object.entries(RELATION_GROUPS)) if (rels.includes(base)) return g;
  return 'other';
}

/** Anything that parses a tokenised sentence (the shipped model, or one being trained). */
export interface SentenceParser {
  parse(forms: readonly string[]): ParsedWord[];
}

/** Scores of a parser on gold-tokenised sentences. */
export interface ConlluScores {
  words: number;
  upos: number;
  uas: number;
  las: number;
  /** LAS with full labels (subtypes such as `nsubj:pass` must match too). */
  lasFull: number;
  lemma: number;
  groups: { group: string; count: number; uas: number; las: number }[];
  sentences: number;
  seconds: number;
}

/**
 * CoNLL 2018-style scoring on gold tokens: the parser sees only the word forms (never gold tags, heads or
 * lemmas) and is scored on every word, punctuation included; LAS compares universal relations (subtypes
 * stripped), as the shared task did. Per-group figures are grouped by the gold relation.
 */
export function scoreConllu(parser: SentenceParser, sentences: readonly ConlluSentence[]): ConlluScores {
  let words = 0;
  let upos = 0;
  let uas = 0;
  let las = 0;
  let lasFull = 0;
  let lemma = 0;
  const groups = new Map<string, { count: number; uas: number; las: number }>();
  const t0 = process.hrtime.bigint();
  const parsed = sentences.map((s) => parser.parse(s.words.map((w) => w.form)));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  sentences.forEach((s, si) => {
    const p = parsed[si]!;
    s.words.forEach((g, i) => {
      const w = p[i]!;
      words++;
      if (w.upos === g.upos) upos++;
      if (w.lemma === g.lemma) lemma++;
      const headOk = w.head === g.head;
      const labOk = headOk && w.deprel.split(':')[0] === g.deprel.split(':')[0];
      if (headOk) uas++;
      if (labOk) las++;
      if (headOk && w.deprel === g.deprel) lasFull++;
      const grp = groupOf(g.deprel);
      let e = groups.get(grp);
      if (!e) {
        e = { count: 0, uas: 0, las: 0 };
        groups.set(grp, e);
      }
      e.count++;
      if (headOk) e.uas++;
      if (labOk) e.las++;
    });
  });
  const pct = (x: number, n: number) => (n > 0 ? (100 * x) / n : 0);
  const order = [...Object.keys(RELATION_GROUPS), 'other'];
  return {
    words,
    upos: pct(upos, words),
    uas: pct(uas, words),
    las: pct(las, words),
    lasFull: pct(lasFull, words),
    lemma: pct(lemma, words),
    groups: order
      .filter((g) => groups.has(g))
      .map((g) => {
        const e = groups.get(g)!;
        return { group: g, count: e.count, uas: pct(e.uas, e.count), las: pct(e.las, e.count) };
      }),
    sentences: sentences.length,
    seconds,
  };
}

/** The score table `evaluate conllu` prints (before its last line). */
export function formatConlluScores(s: ConlluScores): string {
  const lines = [
    `sentences ${s.sentences}, words ${s.words} (gold tokenisation), ${Math.round(s.words / Math.max(s.seconds, 1e-9))} words/s`,
    `UPOS accuracy  ${s.upos.toFixed(2)}`,
    `lemma accuracy ${s.lemma.toFixed(2)}`,
    `UAS            ${s.uas.toFixed(2)}`,
    `LAS (full labels) ${s.lasFull.toFixed(2)}`,
    '',
    `${'relation group'.padEnd(20)} ${'words'.padStart(7)} ${'UAS'.padStart(7)} ${'LAS'.padStart(7)}`,
    ...s.groups.map(
      (g) =>
        `${g.group.padEnd(20)} ${String(g.count).padStart(7)} ${g.uas.toFixed(2).padStart(7)} ${g.las.toFixed(2).padStart(7)}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** `newsintel evaluate conllu <file>`: the shipped tagger and parser on a CoNLL-U treebank, gold tokens. */
export const conllu: Evaluator = {
  name: 'conllu',
  description: 'dependency parsing on a CoNLL-U file, gold tokens: UPOS, UAS, LAS per relation group',
  async run(path: string, options?: { limit?: number }): Promise<EvaluationResult> {
    if (!existsSync(path)) throw new NewsintelError('E_EVAL_DATA', `conllu: no such file ${path}`);
    let sentences = parseConllu(readFileSync(path, 'utf8'));
    if (sentences.length === 0) throw new NewsintelError('E_EVAL_DATA', `conllu: no sentences in ${path}`);
    if (options?.limit !== undefined) sentences = sentences.slice(0, options.limit);
    const scores = scoreConllu(loadDefaultSyntaxModel(), sentences);
    return { table: formatConlluScores(scores), metric: 'LAS', value: scores.las, details: { ...scores } };
  },
};
