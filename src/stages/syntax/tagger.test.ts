import { describe, expect, it } from 'vitest';
import { type EncodedSentence, encodeSentence } from './encode.js';
import { seededRandom } from './hash.js';
import { loadDefaultSyntaxModel } from './model.js';
import { argmax, taggerFeatures, type UposTagger } from './tagger.js';

/** Greedy tagging that scores every feature of `taggerFeatures` at once (the training path). */
function referenceTags(tagger: UposTagger, e: EncodedSentence): number[] {
  const feats = new Uint32Array(40);
  const cls = tagger.classes?.of(e);
  const scores = new Float64Array(tagger.model.classes);
  const out: number[] = [];
  let t1 = 99;
  let t2 = 99;
  for (let i = 0; i < e.n; i++) {
    let t = tagger.tagDict.get(e.forms[i]!);
    if (t === undefined) {
      const k = taggerFeatures(e, i, t1, t2, feats, cls);
      tagger.model.score(feats, k, scores);
      t = argmax(scores, tagger.model.classes);
    }
    out.push(t);
    t2 = t1;
    t1 = t;
  }
  return out;
}

const VOCABULARY = (
  'the minister said talks would resume on Monday . Rebels were blamed by officials for attacks in north , ' +
  '" We will not accept this she told reporters 3,000 U.S. troops left Kabul after 20 years of war ; ' +
  'Xinhua quoted Beijing as saying tariffs hurt trade e-mail co-operation UN-backed 1990s $ 5.4 bn'
).split(' ');

describe('UPOS tagger', () => {
  it('tags exactly as scoring all its features at once, with the tag-history sums cached', () => {
    const tagger = loadDefaultSyntaxModel().tagger;
    const rng = seededRandom(11);
    const sentences: string[][] = [['Talks'], ['He', 'left'], ['Kabul', 'Kabul', 'Kabul']];
    for (let s = 0; s < 200; s++) {
      const n = 1 + Math.floor(rng() * 30);
      sentences.push(Array.from({ length: n }, () => VOCABULARY[Math.floor(rng() * VOCABULARY.length)]!));
    }
    // twice: the second pass reads the tag-history sums cached in the first
    for (let pass = 0; pass < 2; pass++) {
      for (const s of sentences) {
        const e = encodeSentence(s);
        expect(Array.from(tagger.tagIds(e))).toEqual(referenceTags(tagger, e));
      }
    }
  });
});

describe('UPOS tagger with word classes', () => {
  it('tags a word it never saw in training like the words of its class, not like the words it looks like', async () => {
    const { WordClasses } = await import('./classes.js');
    const { TagSet } = await import('./encode.js');
    const { trainTagger, UposTagger: Tagger } = await import('./tagger.js');
    // training shows the first four of each; "lens" ends like the verbs and "stole" starts like "stone"
    const nouns = ['stone', 'wood', 'clay', 'brick', 'lens'];
    const verbs = ['sells', 'buys', 'moves', 'needs', 'stole'];
    const classes = new WordClasses({
      sizes: [2, 2, 2],
      words: [...nouns, ...verbs],
      ids: [0, 1, 2].map(() => [...nouns.map(() => 0), ...verbs.map(() => 1)]),
    });
    const word = (form: string, upos: string) => ({
      id: 1,
      form,
      upos,
      lemma: '_',
      xpos: '_',
      head: 0,
      deprel: '_',
    });
    const sentences = [
      ...nouns.slice(0, 4).map((w) => ({ words: [word(w, 'NOUN')] })),
      ...verbs.slice(0, 4).map((w) => ({ words: [word(w, 'VERB')] })),
    ];
    const tagset = new TagSet(['NOUN', 'VERB']);
    const tagOf = (w: { upos: string }) => tagset.id(w.upos);
    const opts = { iterations: 5, seed: 1, tagset, tagOf, tagDict: new Map<string, number>() };
    const withClasses = new Tagger(
      trainTagger(sentences as never, { ...opts, classes }),
      tagset,
      new Map(),
      classes,
    );
    const without = new Tagger(trainTagger(sentences as never, opts), tagset, new Map());
    expect([...withClasses.tag(['lens']), ...withClasses.tag(['stole'])]).toEqual(['NOUN', 'VERB']);
    expect([...without.tag(['lens']), ...without.tag(['stole'])]).not.toEqual(['NOUN', 'VERB']);
  });
});
