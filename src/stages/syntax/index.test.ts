import { describe, expect, it } from 'vitest';
import { Document, plainSource, type SyntaxWord } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createDefaultPipeline } from '../../services/analyze.js';
import { sentencesStage } from '../sentences/index.js';
import { SyntaxIndex, syntaxStage } from './index.js';

// Sentences written for these tests.
function parse(text: string, options = {}): SyntaxWord[] {
  const pipeline = createPipeline([sentencesStage(), syntaxStage(options)], ['text']);
  const doc = pipeline.run(new Document('t', plainSource(text), { text }));
  return doc.get('syntax');
}

/** Every sentence (or chunk) is a tree: heads stay in the sentence and reach a root without a cycle. */
function expectTrees(words: readonly SyntaxWord[]): void {
  words.forEach((w, i) => {
    if (w.head >= 0) expect(words[w.head]!.sentence).toBe(w.sentence);
    let p = i;
    let steps = 0;
    while (p >= 0 && steps <= words.length) {
      p = words[p]!.head;
      steps++;
    }
    expect(p).toBe(-1);
  });
}

describe('syntax stage', () => {
  it('assigns UD words with spans into the text, tags, lemmas and a tree per sentence', () => {
    const text = 'The minister said the army had attacked two villages. Officials didn\u2019t comment.';
    const words = parse(text);
    for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(words.map((w) => w.text)).toContain('n\u2019t');
    expect(new Set(words.map((w) => w.sentence))).toEqual(new Set([0, 1]));
    expect(words.filter((w) => w.head < 0)).toHaveLength(2);
    expectTrees(words);
    const attacked = words.find((w) => w.text === 'attacked')!;
    expect(attacked.upos).toBe('VERB');
    expect(attacked.lemma).toBe('attack');
  });

  it('gives the clause structure other stages need: subject, object and governing verb', () => {
    const words = parse('The minister said the army attacked the town.');
    const q = new SyntaxIndex(words);
    const at = (t: string) => words.findIndex((w) => w.text === t);
    expect(q.subjectOf(at('attacked'))).toBe(at('army'));
    expect(q.objectsOf(at('attacked'))).toEqual([at('town')]);
    expect(q.governingVerb(at('attacked'))).toBe(at('said'));
    expect(q.subjectOf(at('said'))).toBe(at('minister'));
  });

  it('marks negation of a verb', () => {
    const words = parse('The ministry has not accused the company.');
    const q = new SyntaxIndex(words);
    expect(q.isNegated(words.findIndex((w) => w.text === 'accused'))).toBe(true);
  });

  it('parses a 5,000-word run-on sentence in chunks, each root carrying a warning', () => {
    const text = `${Array.from({ length: 1000 }, (_, i) => `troops moved ${i} miles`).join(' and ')}.`;
    const words = parse(text);
    expect(words.length).toBe(5000);
    expect(new Set(words.map((w) => w.sentence)).size).toBe(1);
    const roots = words.filter((w) => w.head < 0);
    expect(roots.length).toBeGreaterThanOrEqual(Math.ceil(words.length / 250));
    for (const r of roots) expect(r.warning).toMatch(/chunks/);
    expectTrees(words);
  });

  it('does not fail on garbled or non-English text', () => {
    for (const text of [
      '%%%% ### @@@ ~~ \u0000\u0001 ((((',
      'Der Minister sagte, die Armee habe das Dorf angegriffen.',
      '\u4e2d\u6587 \u0639\u0631\u0628\u064a \ud83d\ude00',
    ]) {
      const words = parse(text);
      expectTrees(words);
      for (const w of words) expect(text.slice(w.start, w.end)).toBe(w.text);
    }
  });

  it('rejects unknown or invalid options', () => {
    expect(() => syntaxStage({ beam: 4 } as never)).toThrow(/unknown option/);
    expect(() => syntaxStage({ maxSentenceWords: 2 })).toThrow(/maxSentenceWords/);
  });

  it('runs in the default pipeline right after the sentences stage', () => {
    const names = createDefaultPipeline().stages.map((s) => s.name);
    expect(names.indexOf('syntax')).toBe(names.indexOf('sentences') + 1);
  });
});
