import { existsSync } from 'node:fs';
import { NewsintelError } from '../../core/errors.js';
import { type ConllSentence, readConll } from '../../stages/entities/tagger/conll-data.js';
import { loadDefaultTagger } from '../../stages/entities/tagger/index.js';
import { spansFromIob, type TokenSpan } from '../../stages/entities/tagger/labels.js';
import { formatScoreTable, SpanScorer, type SpanScores } from '../../stages/entities/tagger/score.js';
import type { EvaluationResult, Evaluator } from './types.js';

/** Anything that tags a tokenised sentence (the shipped model, or one being trained). */
export interface SentenceTagger {
  tagSentence(tokens: readonly string[]): { spans: TokenSpan[] };
}

/**
 * conlleval-compatible scoring: gold chunks are read from the IOB1/IOB2 label column with conlleval's chunk
 * rules, predictions come from the tagger given only the token column (never the gold POS/chunk columns, which
 * the pipeline does not have), and a chunk is correct only with exact boundaries and type.
 */
export function scoreConllSentences(tagger: SentenceTagger, sentences: readonly ConllSentence[]): SpanScores {
  const scorer = new SpanScorer();
  sentences.forEach((s, unit) => {
    const gold = spansFromIob(s.labels).map((g) => ({ unit, start: g.start, end: g.end, type: g.type }));
    const pred = tagger
      .tagSentence(s.tokens)
      .spans.map((p) => ({ unit, start: p.start, end: p.end, type: p.type }));
    scorer.add(gold, pred);
  });
  return scorer.result();
}

/** `newsintel evaluate conll <file>`: the shipped tagger on a CoNLL-2003-format file. */
export const conll: Evaluator = {
  name: 'conll',
  description: 'NER on a CoNLL-2003 IOB file (token POS chunk NER): conlleval P/R/F1 per type and overall',
  async run(path: string, options?: { limit?: number }): Promise<EvaluationResult> {
    if (!existsSync(path)) throw new NewsintelError('E_EVAL_DATA', `conll: no such file ${path}`);
    let sentences = readConll(path);
    if (options?.limit !== undefined) sentences = sentences.slice(0, options.limit);
    if (sentences.length === 0) throw new NewsintelError('E_EVAL_DATA', `conll: no sentences in ${path}`);
    const tagger = loadDefaultTagger();
    const t0 = performance.now();
    const scores = scoreConllSentences(tagger, sentences);
    const ms = performance.now() - t0;
    const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
    const table = formatScoreTable(scores, `${sentences.length} sentences, ${tokens} tokens`);
    return {
      table,
      metric: 'overall F1',
      value: scores.overall.f1,
      details: {
        ...scores,
        sentences: sentences.length,
        tokens,
        tokensPerSecond: Math.round((tokens / ms) * 1000),
      },
    };
  },
};
