import { describe, expect, it } from 'vitest';
import { compileViterbi, constraintMatrix, viterbi } from './decode.js';
import { loadDefaultTagger, tokenize } from './index.js';
import { spansFromIob } from './labels.js';

const SENTENCES = [
  'Foreign Minister Park Jin-woo met Lisa Grant in Geneva on Monday.',
  'NORTH KOREA FIRES MISSILE INTO EAST SEA, SEOUL SAYS',
  'The U.N. Security Council will meet in New York, a diplomat at the United Nations said.',
  'Kim Jong-gyu , Shin Won-sik and al-Sadr were seen in Mbuji-Mayi and Abu Dhabi .',
  'x',
  '',
  'President Lee Myung-bak told reporters in Seoul that the talks , held at the Blue House , went well .',
  'Talks between Iran and the IAEA resumed on Tuesday , the Islamic Republic News Agency ( IRNA ) reported .',
  '" We will not accept it , " said Jean-Pierre Dupont , a spokesman for the French Foreign Ministry .',
  'UN SECRETARY-GENERAL BAN KI-MOON URGES CALM',
  'In Mbuji-Mayi , 12,000 people fled ; Kinshasa said 3.5 % of them were children .',
];

/** Dense first-order Viterbi (the textbook loop) to check the sparse one against. */
function denseViterbi(
  em: Float64Array,
  n: number,
  L: number,
  trans: Float32Array,
  mask: Float32Array,
  end: Float32Array,
): number[] {
  const d = new Float64Array(n * L);
  const bk = new Int32Array(n * L);
  for (let y = 0; y < L; y++) d[y] = em[y]! + trans[L * L + y]! + mask[L * L + y]!;
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      for (let p = 0; p < L; p++) {
        const s = d[(i - 1) * L + p]! + trans[p * L + y]! + mask[p * L + y]!;
        if (s > best) {
          best = s;
          bk[i * L + y] = p;
        }
      }
      d[i * L + y] = best + em[i * L + y]!;
    }
  }
  let arg = 0;
  let best = -Infinity;
  for (let y = 0; y < L; y++) {
    if (d[(n - 1) * L + y]! + end[y]! > best) {
      best = d[(n - 1) * L + y]! + end[y]!;
      arg = y;
    }
  }
  const out = [arg];
  for (let i = n - 1; i > 0; i--) {
    arg = bk[i * L + arg]!;
    out.unshift(arg);
  }
  return out;
}

describe('tagger fast path', () => {
  const model = loadDefaultTagger();

  it('gives the same emission scores as the training feature extractor', () => {
    for (const s of SENTENCES) {
      const toks = tokenize(s).map((t) => t.text);
      // twice: the second call reads the per-word cache
      for (let round = 0; round < 2; round++) {
        expect(Array.from(model.emissionsFast(toks))).toEqual(Array.from(model.emissionsReference(toks)));
      }
    }
  });

  it('decodes like the dense Viterbi and reads the same spans as the IOB reader', () => {
    const L = model.tags.length;
    const { trans: mask, end } = constraintMatrix(model.tags, model.scheme);
    for (const s of SENTENCES) {
      const toks = tokenize(s).map((t) => t.text);
      if (toks.length === 0) continue;
      const em = model.emissionsFast(toks);
      // random transitions make ties and odd paths likely to show a difference
      const trans = new Float32Array((L + 1) * L).map((_, i) => ((i * 7919) % 13) - 6);
      const sparse = Array.from(viterbi(em, toks.length, L, trans, mask, end, new Int32Array(toks.length)));
      expect(sparse).toEqual(denseViterbi(em, toks.length, L, trans, mask, end));
      // the compiled decoder reads integer sums and a scale: the same scores, the same path
      const scale = 0.37;
      const acc = Int32Array.from(em, (v, k) => Math.round(v * 1000) + ((k * 31) % 7) - 3);
      const scaled = Float64Array.from(acc, (v) => v * scale);
      const ref = Array.from(viterbi(scaled, toks.length, L, trans, mask, end, new Int32Array(toks.length)));
      const compiled = compileViterbi(trans, mask, end, L)(
        acc,
        scale,
        toks.length,
        new Int32Array(toks.length),
      );
      expect(Array.from(compiled)).toEqual(ref);
      const r = model.tagSentence(toks);
      expect(r.spans.map(({ start, end, type }) => ({ start, end, type }))).toEqual(spansFromIob(r.labels));
      expect(model.tagSpans(toks)).toEqual(r.spans.map(({ start, end, type }) => ({ start, end, type })));
    }
  });
});
