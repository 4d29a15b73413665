import { describe, expect, it } from 'vitest';
import { WordClasses } from './classes.js';
import { encodeSentence, uposId } from './encode.js';
import { type ParserExample, parseSentence, trainParser } from './parser.js';

/** word/UPOS/head(1-based, 0 = root)/relation */
const TREES = [
  'She/PRON/2/nsubj said/VERB/0/root talks/NOUN/5/nsubj would/AUX/5/aux resume/VERB/2/ccomp ./PUNCT/2/punct',
  'Rebels/NOUN/3/nsubj:pass were/AUX/3/aux:pass blamed/VERB/0/root by/ADP/5/case officials/NOUN/3/obl ./PUNCT/3/punct',
  'The/DET/2/det army/NOUN/3/nsubj attacked/VERB/0/root the/DET/5/det town/NOUN/3/obj ./PUNCT/3/punct',
  'He/PRON/2/nsubj told/VERB/0/root reporters/NOUN/2/obj that/SCONJ/6/mark talks/NOUN/6/nsubj failed/VERB/2/ccomp ./PUNCT/2/punct',
  'Police/NOUN/2/nsubj arrested/VERB/0/root two/NUM/4/nummod men/NOUN/2/obj in/ADP/6/case Paris/PROPN/2/obl ./PUNCT/2/punct',
  '"/PUNCT/3/punct Talks/NOUN/3/nsubj failed/VERB/7/ccomp ,/PUNCT/3/punct "/PUNCT/3/punct he/PRON/7/nsubj said/VERB/0/root ./PUNCT/7/punct',
];

/** A made-up class table: nouns, verbs, function words (coarse = middle = fine). */
const CLASS_OF: Record<string, number> = { talks: 0, officials: 0, town: 0, men: 0, reporters: 0, army: 0 };
for (const w of ['said', 'resume', 'blamed', 'attacked', 'told', 'failed', 'arrested']) CLASS_OF[w] = 1;
for (const w of ['the', 'The', 'by', 'in', 'that', 'would', 'were']) CLASS_OF[w] = 2;
const CLASSES = {
  sizes: [3, 3, 3],
  words: Object.keys(CLASS_OF),
  ids: [0, 1, 2].map(() => Object.values(CLASS_OF)),
};

const labelNames: string[] = [];
const examples: ParserExample[] = TREES.map((t) => {
  const words = t.split(' ').map((w) => w.split('/') as [string, string, string, string]);
  const upos = Uint8Array.from(words, (w) => uposId(w[1]));
  return {
    // the toy tag set is UPOS itself
    input: { e: encodeSentence(words.map((w) => w[0])), tags: upos, upos },
    heads: Int32Array.from(words, (w) => Number(w[2]) - 1),
    labels: Uint16Array.from(words, (w) => {
      if (!labelNames.includes(w[3])) labelNames.push(w[3]);
      return labelNames.indexOf(w[3]);
    }),
  };
});

describe('arc-hybrid parser training', () => {
  const configs = [
    { labelFeatures: false },
    { labelFeatures: true },
    { labelFeatures: false, clauseFeatures: true },
    { labelFeatures: false, classes: new WordClasses(CLASSES) },
  ];
  for (const config of configs) {
    const name = JSON.stringify({ ...config, classes: config.classes ? 'word classes' : undefined });
    it(`learns the trees and relations of a small treebank (${name})`, () => {
      const curve: number[] = [];
      const { parser, arcs } = trainParser(examples, labelNames.length, {
        iterations: 15,
        seed: 3,
        config,
        onEpoch: (epoch) => curve.push(epoch),
      });
      // a learning-curve hook after every epoch but the last (the caller scores the final model itself)
      expect(curve).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
      for (const ex of examples) {
        const r = parseSentence(parser, arcs, ex.input, config);
        expect(Array.from(r.heads)).toEqual(Array.from(ex.heads));
        ex.heads.forEach((h, i) => {
          if (h >= 0) expect(labelNames[r.labels[i]!]).toBe(labelNames[ex.labels[i]!]);
        });
      }
    });
  }
});
