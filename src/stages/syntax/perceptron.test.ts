import { describe, expect, it } from 'vitest';
import { seededRandom } from './hash.js';
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

/**
 * A random weight table whose keys crowd a few home buckets/slots (same low bits), so that buckets overflow into
 * the next ones and probes wrap around the end of the table.
 */
function crowdedTable(K: number, rows: number, seed: number) {
  const rnd = seededRandom(seed);
  const keys = new Uint32Array(rows);
  const seen = new Set<number>();
  for (let r = 0; r < rows; r++) {
    let k = 0;
    // half the keys share their low 8 bits with a handful of values, the rest are spread
    while (k === 0 || seen.has(k)) {
      const hi = Math.floor(rnd() * 0xffffff) << 8;
      k = (r % 2 === 0 ? hi | (0xff - (r % 3)) : Math.floor(rnd() * 0xffffffff)) >>> 0;
    }
    seen.add(k);
    keys[r] = k;
  }
  const lens = new Uint8Array(rows);
  const cls: number[] = [];
  const val: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < K; c++) {
      if (rnd() < 0.5 && !(c === K - 1 && lens[r] === 0)) continue;
      cls.push(c);
      val.push(Math.round((rnd() * 2 - 1) * 32767));
      lens[r]!++;
    }
  }
  return { keys, lens, cls: Uint8Array.from(cls), val: Int16Array.from(val), scale: 0.000123 };
}

/** Scores as a table of 32-bit float weights adds them (the layout before 16-bit weights), feature by feature. */
function referenceScores(t: ReturnType<typeof crowdedTable>, K: number, feats: Uint32Array, n: number) {
  const f32 = new Float32Array(1);
  const start = new Map<number, number>();
  let at = 0;
  for (let r = 0; r < t.keys.length; r++) {
    start.set(t.keys[r]!, at);
    at += t.lens[r]!;
  }
  const row = new Map<number, number>();
  for (let r = 0; r < t.keys.length; r++) row.set(t.keys[r]!, r);
  const out = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    const r = row.get(feats[i]!);
    if (r === undefined) continue;
    const from = start.get(feats[i]!)!;
    for (let j = from; j < from + t.lens[r]!; j++) {
      f32[0] = t.val[j]! * t.scale;
      out[t.cls[j]!]! += f32[0]!;
    }
  }
  return out;
}

describe('CompactModel lookup with 16-bit weights', () => {
  it.each([1, 2, 3, 4, 9, 50])(
    'gives the scores of a table of 32-bit float weights, bit for bit, with %i classes and overflowing buckets',
    (K) => {
      const t = crowdedTable(K, 3000, 7 + K);
      const m = new CompactModel(K, t.keys, t.lens, t.cls, t.val, t.scale);
      expect(m.size).toBe(3000);
      const rnd = seededRandom(K);
      const feats = new Uint32Array(300);
      const out = new Float64Array(K);
      for (let trial = 0; trial < 40; trial++) {
        const n = 1 + Math.floor(rnd() * 299);
        for (let i = 0; i < n; i++) {
          // mostly known features (some repeated), some unknown ones that land in crowded buckets
          const unknown = rnd() < 0.3;
          feats[i] = unknown
            ? ((Math.floor(rnd() * 0xffffff) << 8) | 0xfe) >>> 0 || 1
            : t.keys[Math.floor(rnd() * t.keys.length)]!;
        }
        m.score(feats, n, out);
        expect([...out]).toEqual([...referenceScores(t, K, feats, n)]);
      }
    },
  );

  it('keeps every row through the file order it writes (rows sorted by home bucket)', () => {
    const t = crowdedTable(3, 2000, 11);
    const m = new CompactModel(3, t.keys, t.lens, t.cls, t.val, t.scale);
    const w = m.tables();
    const again = new CompactModel(3, w.keys, w.lens, w.cls, w.val, w.scale);
    const out1 = new Float64Array(3);
    const out2 = new Float64Array(3);
    const feats = new Uint32Array(1);
    for (const k of t.keys) {
      feats[0] = k;
      m.score(feats, 1, out1);
      again.score(feats, 1, out2);
      expect([...out2]).toEqual([...out1]);
      expect(out1.some((x) => x !== 0)).toBe(true);
    }
  });

  it('rejects a row whose class id is outside the model', () => {
    expect(
      () => new CompactModel(3, Uint32Array.of(5), Uint8Array.of(1), Uint8Array.of(3), Int16Array.of(7), 1),
    ).toThrow(/class id/);
  });
});
