import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConll, readConll } from '../../stages/entities/tagger/conll-data.js';
import { loadDefaultTagger } from '../../stages/entities/tagger/index.js';
import type { TokenSpan } from '../../stages/entities/tagger/labels.js';
import { conll, type SentenceTagger, scoreConllSentences } from './conll.js';

// Hand-made IOB1 snippet (ours): 4 gold chunks.
const GOLD = `-DOCSTART- -X- O O

Anna NNP I-NP I-PER
Berg NNP I-NP I-PER
met VBD I-VP O
Acme NNP I-NP I-ORG
in IN I-PP O
Oslo NNP I-NP I-LOC
. . O O

Bergen NNP I-NP I-LOC
Oslo NNP I-NP B-LOC
`;

/** A fake tagger returning fixed spans per sentence, to check the arithmetic alone. */
function fixed(bySentence: TokenSpan[][]): SentenceTagger {
  let i = 0;
  return { tagSentence: () => ({ spans: bySentence[i++] ?? [] }) };
}

describe('scoreConllSentences', () => {
  it('computes conlleval exact-match precision, recall and F1', () => {
    const sentences = parseConll(GOLD);
    expect(sentences).toHaveLength(2);
    const tagger = fixed([
      [
        { start: 0, end: 2, type: 'PER' }, // correct
        { start: 3, end: 4, type: 'LOC' }, // wrong type
        { start: 5, end: 6, type: 'LOC' }, // correct
      ],
      [{ start: 0, end: 2, type: 'LOC' }], // wrong boundaries (gold is two LOC chunks)
    ]);
    const s = scoreConllSentences(tagger, sentences);
    // gold 5 chunks (PER, ORG, LOC, LOC, LOC); predicted 4; correct 2
    expect(s.overall.tp).toBe(2);
    expect(s.overall.precision).toBeCloseTo(50, 10);
    expect(s.overall.recall).toBeCloseTo(40, 10);
    expect(s.overall.f1).toBeCloseTo((2 * 50 * 40) / 90, 10);
    expect(s.byType.PER!.f1).toBe(100);
    expect(s.byType.ORG).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(s.byType.LOC).toMatchObject({ tp: 1, fp: 2, fn: 2 });
  });
});

describe('scoreConllSentences with the document pass', () => {
  // Hand-made (ours): one document naming Berg in full, then by surname read as a place.
  const DOC = `-DOCSTART- -X- O O

Anna NNP I-NP I-PER
Berg NNP I-NP I-PER
spoke VBD I-VP O

Berg NNP I-NP I-PER
left VBD I-VP O
`;
  const tagger = () => fixed([[{ start: 0, end: 2, type: 'PER' }], [{ start: 0, end: 1, type: 'LOC' }]]);

  it('makes a surname agree with the full name met in the same document', () => {
    const sentences = parseConll(DOC);
    expect(scoreConllSentences(tagger(), sentences).overall.tp).toBe(1);
    expect(scoreConllSentences(tagger(), sentences, { document: true }).overall.tp).toBe(2);
  });
});

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const testa = path.resolve(repoRoot, '../shared/eval/ner/conll2003/eng.testa');

describe.skipIf(!existsSync(testa))('CoNLL-2003 eng.testa (needs ../shared)', () => {
  it('scores above 85 F1 on the first 500 sentences', () => {
    const s = scoreConllSentences(loadDefaultTagger(), readConll(testa).slice(0, 500));
    expect(s.overall.f1).toBeGreaterThan(85);
  });

  it('scores higher with the document pass than sentence by sentence', () => {
    const sentences = readConll(testa).slice(0, 800);
    const alone = scoreConllSentences(loadDefaultTagger(), sentences).overall.f1;
    const doc = scoreConllSentences(loadDefaultTagger(), sentences, { document: true }).overall.f1;
    expect(doc).toBeGreaterThan(alone);
  });

  it('runs as the conll evaluator with a table and the overall F1 metric', async () => {
    const r = await conll.run(testa, { limit: 50 });
    expect(r.metric).toBe('overall F1');
    expect(r.table).toMatch(/overall/);
    expect(r.value).toBeGreaterThan(50);
  });
});

describe('conll evaluator errors', () => {
  it('rejects a missing file with E_EVAL_DATA', async () => {
    await expect(conll.run('/nonexistent/eng.testa')).rejects.toMatchObject({ code: 'E_EVAL_DATA' });
  });
});
