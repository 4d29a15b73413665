import { describe, expect, it } from 'vitest';
import { exchangeCluster } from './clusters.js';
import { wordClassOf } from './features.js';
import { tokenKey } from './gazetteer.js';
import { classMap, NerModel } from './model.js';
import { DEFAULT_TRAIN_OPTIONS, trainTagger } from './train.js';

/** Sentences we made up: two kinds of word (names, verbs) that occur in the same slots. */
function corpus(): { vocab: number; sentences: Int32Array[]; words: string[] } {
  const names = ['ana', 'ben', 'cleo', 'dev', 'eli'];
  const verbs = ['runs', 'sings', 'waits', 'talks', 'reads'];
  const words = ['<unk>', 'the', 'man', 'said', 'that', ...names, ...verbs];
  const id = (w: string) => words.indexOf(w);
  const sentences: Int32Array[] = [];
  for (let r = 0; r < 20; r++) {
    for (const n of names) {
      const v = verbs[(r + n.length) % verbs.length]!;
      sentences.push(Int32Array.from(['the', 'man', 'said', 'that', n, v].map(id)));
    }
  }
  return { vocab: words.length, sentences, words };
}

describe('word classes (predictive exchange)', () => {
  it('puts words that precede the same words into one class and keeps the kinds apart', () => {
    const c = corpus();
    const cls = exchangeCluster(c, { classes: 4, iterations: 10 });
    const classOf = (w: string) => cls[c.words.indexOf(w)]!;
    const nameClasses = new Set(['ana', 'ben', 'cleo', 'dev', 'eli'].map(classOf));
    const verbClasses = new Set(['runs', 'sings', 'waits', 'talks', 'reads'].map(classOf));
    expect(nameClasses.size).toBe(1);
    expect(verbClasses.size).toBe(1);
    expect([...nameClasses][0]).not.toBe([...verbClasses][0]);
  });

  it('is deterministic and never raises the objective it reports', () => {
    const c = corpus();
    const seen: number[] = [];
    const a = exchangeCluster(c, { classes: 3, iterations: 5, onIteration: (_i, o) => seen.push(o) });
    const b = exchangeCluster(c, { classes: 3, iterations: 5 });
    expect(Array.from(a)).toEqual(Array.from(b));
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]! - 1e-6);
  });

  it('refuses a class count it cannot store', () => {
    expect(() => exchangeCluster(corpus(), { classes: 1, iterations: 1 })).toThrow(/classes/);
  });
});

describe('a tagger with word-class features', () => {
  const train = [
    {
      tokens: ['Ana', 'Vell', 'met', 'Ben', 'Orr', '.'],
      labels: ['I-PER', 'I-PER', 'O', 'I-PER', 'I-PER', 'O'],
      doc: 0,
    },
    {
      tokens: ['Cleo', 'Dane', 'visited', 'Lisbon', '.'],
      labels: ['I-PER', 'I-PER', 'O', 'I-LOC', 'O'],
      doc: 0,
    },
    { tokens: ['Talks', 'in', 'Porto', 'ended', '.'], labels: ['O', 'O', 'I-LOC', 'O', 'O'], doc: 1 },
  ];
  const clusters = {
    words: ['ana', 'ben', 'cleo', 'lisbon', 'porto', 'met', 'visited'],
    sizes: [2, 4],
    ids: [
      [0, 0, 0, 1, 1, 1, 1],
      [0, 0, 0, 1, 1, 2, 2],
    ],
  };

  it('scores tokens the same on the fast path and the training path, and keeps its classes in the file', () => {
    const model = trainTagger(train, {}, { ...DEFAULT_TRAIN_OPTIONS, epochs: 3 }, {}, clusters);
    const again = NerModel.fromFile(model.toFile());
    expect(again.clusterTable).toEqual(clusters);
    for (const toks of [['Eli', 'Ross', 'met', 'Ana', 'in', 'Porto', '.'], ['Visited', 'Lisbon'], ['x']]) {
      expect(Array.from(again.emissionsFast(toks))).toEqual(Array.from(again.emissionsReference(toks)));
    }
  });

  it('looks a word up as written, then in title case if in capitals, then in lower case', () => {
    const table = classMap({ words: ['Park', 'park', 'the'], sizes: [4], ids: [[1, 2, 3]] });
    const of = (w: string) => wordClassOf(w, tokenKey(w.toLowerCase()), table)?.[0] ?? null;
    expect(of('Park')).toBe(1); // the name
    expect(of('park')).toBe(2); // the noun
    expect(of('PARK')).toBe(1); // a headline writes the name in capitals
    expect(of('The')).toBe(3); // a sentence's first word
    expect(of('Kestrel')).toBeNull();
  });
});
