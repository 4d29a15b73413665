import { describe, expect, it } from 'vitest';
import { AveragedPerceptron, CompactModel } from './perceptron.js';

describe('AveragedPerceptron', () => {
  it('learns a separable three-class problem and keeps its decisions through compaction and a file round trip', () => {
    // feature k+1 signals class k; feature 99 is shared noise
    const p = new AveragedPerceptron(3, 4);
    const feats = new Uint32Array(2);
    const out = new Float64Array(3);
    for (let epoch = 0; epoch < 5; epoch++) {
      for (let k = 0; k < 3; k++) {
        feats[0] = k + 1;
        feats[1] = 99;
        p.score(feats, 2, out);
        let best = 0;
        for (let j = 1; j < 3; j++) if (out[j]! > out[best]!) best = j;
        p.update(feats, 2, k, best);
        p.tick();
      }
    }
    const c = CompactModel.fromFile(JSON.parse(JSON.stringify(p.compact().toFile())));
    for (let k = 0; k < 3; k++) {
      feats[0] = k + 1;
      feats[1] = 99;
      c.score(feats, 2, out);
      expect(out.indexOf(Math.max(...out))).toBe(k);
    }
    // an unknown feature scores zero
    feats[0] = 12345;
    c.score(feats, 1, out);
    expect([...out]).toEqual([0, 0, 0]);
  });

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
