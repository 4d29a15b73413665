import { existsSync } from 'node:fs';
import { NewsintelError } from '../../core/errors.js';
import { type ConllSentence, readConll } from '../../stages/entities/tagger/conll-data.js';
import { harmoniseDocument, type TaggedSentence } from '../../stages/entities/tagger/document.js';
import { loadDefaultTagger } from '../../stages/entities/tagger/index.js';
import { spansFromIob, type TokenSpan } from '../../stages/entities/tagger/labels.js';
import { formatScoreTable, SpanScorer, type SpanScores } from '../../stages/entities/tagger/score.js';
import type { EvaluationResult, Evaluator } from './types.js';

/** Anything that tags a tokenised sentence (the shipped model, or one being trained). */
export interface SentenceTagger {
  tagSentence(tokens: readonly string[]): { spans: TokenSpan[] };
  /** A document's sentences tagged together (a model with a document layer); used in document mode. */
  tagDocument?(sentences: readonly (readonly string[])[]): TokenSpan[][];
}

/**
 * conlleval-compatible scoring: gold chunks are read from the IOB1/IOB2 label column with conlleval's chunk
 * rules, predictions come from the tagger given only the token column (never the gold POS/chunk columns, which
 * the pipeline does not have), and a chunk is correct only with exact boundaries and type.
 *
 * With `document: true` the sentences of each `-DOCSTART-` document are tagged first and then harmonised
 * (`harmoniseDocument`), as the entities stage does for a story; without it, each sentence stands alone (what
 * training reports per epoch).
 */
export function scoreConllSentences(
  tagger: SentenceTagger,
  sentences: readonly ConllSentence[],
  options: { document?: boolean; noHarmonise?: boolean } = {},
): SpanScores {
  const byDocument = options.document && tagger.tagDocument !== undefined;
  const tagged: TaggedSentence[] = sentences.map((s) => ({
    tokens: s.tokens,
    spans: byDocument
      ? []
      : tagger.tagSentence(s.tokens).spans.map((p) => ({ start: p.start, end: p.end, type: p.type })),
  }));
  if (options.document) {
    let from = 0;
    for (let i = 1; i <= sentences.length; i++) {
      if (i === sentences.length || sentences[i]!.doc !== sentences[from]!.doc) {
        if (byDocument) {
          const spans = tagger.tagDocument!(sentences.slice(from, i).map((s) => s.tokens));
          spans.forEach((sp, j) => {
            tagged[from + j]!.spans = sp.map((p) => ({ start: p.start, end: p.end, type: p.type }));
          });
        }
        if (!options.noHarmonise) harmoniseDocument(tagged.slice(from, i));
        from = i;
      }
    }
  }
  const scorer = new SpanScorer();
  sentences.forEach((s, unit) => {
    const gold = spansFromIob(s.labels).map((g) => ({ unit, start: g.start, end: g.end, type: g.type }));
    scorer.add(
      gold,
      tagged[unit]!.spans.map((p) => ({ unit, start: p.start, end: p.end, type: p.type })),
    );
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
    const scores = scoreConllSentences(tagger, sentences, { document: true });
    const ms = performance.now() - t0;
    // Sentence by sentence, without the document pass: the tagger alone.
    const sentenceLevel = scoreConllSentences(tagger, sentences);
    const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
    const table = formatScoreTable(
      scores,
      `${sentences.length} sentences, ${tokens} tokens; documents harmonised ` +
        `(sentence by sentence: F1 ${sentenceLevel.overall.f1.toFixed(2)})`,
    );
    return {
      table,
      metric: 'overall F1',
      value: scores.overall.f1,
      details: {
        ...scores,
        sentenceLevelF1: sentenceLevel.overall.f1,
        sentences: sentences.length,
        tokens,
        tokensPerSecond: Math.round((tokens / ms) * 1000),
      },
    };
  },
};
