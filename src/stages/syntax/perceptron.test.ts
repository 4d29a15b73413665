import { describe, expect, it } from 'vitest';
import { AveragedPerceptron, CompactModel } from './perceptron.js';

describe('AveragedPerceptron', () => {
  it.each([3, 9])(
    'learns a separable %i-class problem and keeps its decisions through compaction, pruning and a file round trip',
    (K) => {
      // feature k+1 signals class k; feature 99 is shared noise
      const p = new AveragedPerceptron(K, 4);
      const feats = new Uint32Array(2);
      const out = new Float64Array(K);
      for (let epoch = 0; epoch < 5; epoch++) {
        for (let k = 0; k < K; k++) {
          feats[0] = k + 1;
          feats[1] = 99;
          p.score(feats, 2, out);
          let best = 0;
          for (let j = 1; j < K; j++) if (out[j]! > out[best]!) best = j;
          p.update(feats, 2, k, best);
          p.tick();
        }
      }
      const c = CompactModel.fromFile(JSON.parse(JSON.stringify(p.compact().toFile())));
      const small = c.pruned(0.01);
      for (const m of [c, small]) {
        for (let k = 0; k < K; k++) {
          feats[0] = k + 1;
          feats[1] = 99;
          m.score(feats, 2, out);
          expect(out.indexOf(Math.max(...out))).toBe(k);
        }
      }
      expect(c.pruned(1e9).size).toBe(0);
      // an unknown feature scores zero
      feats[0] = 12345;
      c.score(feats, 1, out);
      expect([...out]).toEqual(new Array(K).fill(0));
    },
  );

  it('grows past its initial capacity', () => {
    const p = new AveragedPerceptron(2, 2);
    const feats = new Uint32Array(1);
    for (let i = 1; i <= 1000; i++) {
      feats[0] = i * 7919;
      p.update(feats, 1, 0, 1);
      p.tick();
    }
    expect(p.size).toBe(1000);
    expect(p.compact().size).toBe(1000);
  });

  it('rejects a malformed weight table', () => {
    expect(() => CompactModel.fromFile({} as never)).toThrow(/malformed/);
  });
});
