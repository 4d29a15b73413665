import { describe, expect, it } from 'vitest';
import { type EncodedSentence, encodeSentence } from './encode.js';
import { seededRandom } from './hash.js';
import { loadDefaultSyntaxModel } from './model.js';
import { argmax, taggerFeatures, type UposTagger } from './tagger.js';

/** Greedy tagging that scores every feature of `taggerFeatures` at once (the training path). */
function referenceTags(tagger: UposTagger, e: EncodedSentence): number[] {
  const feats = new Uint32Array(32);
  const scores = new Float64Array(tagger.model.classes);
  const out: number[] = [];
  let t1 = 99;
  let t2 = 99;
  for (let i = 0; i < e.n; i++) {
    let t = tagger.tagDict.get(e.forms[i]!);
    if (t === undefined) {
      const k = taggerFeatures(e, i, t1, t2, feats);
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
