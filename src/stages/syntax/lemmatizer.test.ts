import { describe, expect, it } from 'vitest';
import type { ConlluSentence } from './conllu.js';
import { Lemmatizer } from './lemmatizer.js';

// Word/lemma pairs written for this test.
function sentence(items: string): ConlluSentence {
  return {
    id: 'x',
    words: items.split(' ').map((it) => {
      const [form, lemma, upos] = it.split('/') as [string, string, string];
      return { form, lemma, upos, xpos: '_', head: -1, deprel: 'root' };
    }),
  };
}

const TRAIN = [
  sentence('cities/city/NOUN parties/party/NOUN armies/army/NOUN talks/talk/NOUN troops/troop/NOUN'),
  sentence('worried/worry/VERB carried/carry/VERB attacked/attack/VERB visited/visit/VERB went/go/VERB'),
  sentence('news/news/NOUN Seoul/Seoul/PROPN The/the/DET'),
];

describe('Lemmatizer', () => {
  it('looks up known words and applies learned suffix edits to unknown ones', () => {
    const l = Lemmatizer.train(TRAIN);
    expect(l.lemma('went', 'VERB')).toBe('go');
    expect(l.lemma('news', 'NOUN')).toBe('news');
    expect(l.lemma('The', 'DET')).toBe('the');
    expect(l.lemma('companies', 'NOUN')).toBe('company');
    expect(l.lemma('buried', 'VERB')).toBe('bury');
    expect(l.lemma('Pyongyang', 'PROPN')).toBe('Pyongyang');
  });

  it('round-trips through its file form', () => {
    const l = new Lemmatizer(Lemmatizer.train(TRAIN).toFile());
    expect(l.lemma('companies', 'NOUN')).toBe('company');
  });
});
