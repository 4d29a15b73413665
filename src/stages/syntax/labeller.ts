import { END, START, uposId } from './encode.js';
import { f1, f2, f3, hashString, seededRandom } from './hash.js';
import type { ParserInput } from './parser.js';
import { AveragedPerceptron, type CompactModel, type Scorer } from './perceptron.js';
import { argmax, shuffle } from './tagger.js';

/**
 * Dependency labeller: given the unlabelled tree, assigns each arc its UD relation with an averaged perceptron
 * that sees the whole tree (the dependent's function-word children such as "by" or "to", the head's auxiliary
 * such as "was", the head's own relation, the previous sibling's relation). Arcs are labelled top-down and
 * left to right, so the head's relation and earlier siblings' relations are available as features.
 */

const MAX_FEATS = 48;
const NO_LABEL = 0xffff;
const ROOT_POS = 40;
const NONE_W = hashString('<none>');
const FUNCTION_TAGS = new Set([uposId('ADP'), uposId('SCONJ'), uposId('PART'), uposId('AUX')]);
const AUX = uposId('AUX');

function bucket(d: number): number {
  if (d <= 3) return d;
  if (d <= 6) return 4;
  return 5;
}

/** Children lists of a tree in linear order, plus the top-down labelling order. */
export function treeOrder(heads: Int32Array): { children: number[][]; order: number[] } {
  const n = heads.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = heads[i]!;
    if (h < 0) roots.push(i);
    else children[h]!.push(i);
  }
  const order: number[] = [];
  const queue = roots.slice();
  const seen = new Uint8Array(n);
  while (queue.length > 0) {
    const x = queue.shift()!;
    if (seen[x]) continue;
    seen[x] = 1;
    order.push(x);
    for (const c of children[x]!) queue.push(c);
  }
  // Anything unreachable (a cycle cannot come from the parser, but be safe) is labelled last.
  for (let i = 0; i < n; i++) if (!seen[i]) order.push(i);
  return { children, order };
}

function labelFeatures(
  input: ParserInput,
  heads: Int32Array,
  children: number[][],
  labels: Uint16Array,
  d: number,
  out: Uint32Array,
): number {
  const e = input.e;
  const tags = input.tags;
  const n = e.n;
  const h = heads[d]!;
  const dw = e.lower[d]!;
  const dp = tags[d]! + 1;
  const hw = h >= 0 ? e.lower[h]! : START;
  const hp = h >= 0 ? tags[h]! + 1 : ROOT_POS;
  const dir = h < 0 ? 2 : d < h ? 0 : 1;
  const dist = h < 0 ? 0 : dir * 8 + bucket(Math.abs(h - d));
  const hl = h >= 0 ? labels[h]! : NO_LABEL;
  const hh = h >= 0 ? heads[h]! : -1;
  const hhp = h < 0 ? 0 : hh >= 0 ? tags[hh]! + 1 : ROOT_POS;
  // previous sibling in linear order and the first sibling on the same side
  let prevSib = NO_LABEL;
  let firstSib = NO_LABEL;
  let hAux = NONE_W;
  if (h >= 0) {
    const sibs = children[h]!;
    for (const c of sibs) {
      if (c < d) prevSib = labels[c]!;
      if (firstSib === NO_LABEL && c !== d && c < h === d < h) firstSib = labels[c]!;
      if (c < h && tags[c] === AUX) hAux = e.lower[c]!;
    }
  }
  const kids = children[d]!;
  let dFunc = NONE_W;
  for (const c of kids) {
    if (c < d && FUNCTION_TAGS.has(tags[c]!)) {
      dFunc = e.lower[c]!;
      break;
    }
  }
  const dl = kids.length > 0 && kids[0]! < d ? tags[kids[0]!]! + 1 : 0;
  const dr = kids.length > 0 && kids[kids.length - 1]! > d ? tags[kids[kids.length - 1]!]! + 1 : 0;
  const nk = Math.min(kids.length, 3);
  let k = 0;
  out[k++] = f1(201, 0);
  out[k++] = f1(202, dw);
  out[k++] = f1(203, dp);
  out[k++] = f2(204, dw, dp);
  out[k++] = f1(205, hw);
  out[k++] = f1(206, hp);
  out[k++] = f2(207, hw, hp);
  out[k++] = f3(208, hp, dp, dir);
  out[k++] = f3(209, hw, dp, dir);
  out[k++] = f3(210, dw, hp, dir);
  out[k++] = f3(211, hw, dw, dir);
  out[k++] = f3(212, hp, dp, dist);
  out[k++] = f2(213, hl, dp);
  out[k++] = f3(214, hl, hp, dp);
  out[k++] = f3(215, prevSib, dp, dir);
  out[k++] = f2(216, prevSib, hp);
  out[k++] = f2(217, dFunc, dp);
  out[k++] = f3(218, dFunc, dp, hp);
  out[k++] = f2(219, dl, dp);
  out[k++] = f2(220, dr, dp);
  out[k++] = f3(221, hAux, dp, dir);
  out[k++] = f3(222, hAux, hp, dFunc);
  out[k++] = f2(223, e.suf3[d]!, dp);
  out[k++] = f2(224, e.shape[d]!, dp);
  out[k++] = f3(225, hhp, hp, dp);
  out[k++] = f3(226, nk, dp, dir);
  out[k++] = f3(227, dFunc, hw, dir);
  out[k++] = f2(228, d + 1 < n ? e.lower[d + 1]! : END, dp);
  out[k++] = f2(229, d > 0 ? e.lower[d - 1]! : START, dp);
  out[k++] = f3(230, firstSib, dp, dir);
  out[k++] = f3(231, hl, dp, dir);
  out[k++] = f3(232, hAux, dw, dp);
  out[k++] = f3(233, hp, dp, dl);
  out[k++] = f3(234, dFunc, dl, dr);
  out[k++] = f2(235, e.suf3[h >= 0 ? h : d]!, hp);
  out[k++] = f3(236, dw, hp, hl);
  return k;
}

/** Assigns a label id to every word of a parsed sentence. */
export function labelTree(model: Scorer, input: ParserInput, heads: Int32Array): Uint16Array {
  const { children, order } = treeOrder(heads);
  const labels = new Uint16Array(heads.length).fill(NO_LABEL);
  const feats = new Uint32Array(MAX_FEATS);
  const scores = new Float64Array(model.classes);
  for (const d of order) {
    const k = labelFeatures(input, heads, children, labels, d, feats);
    model.score(feats, k, scores);
    labels[d] = argmax(scores, model.classes);
  }
  return labels;
}

/** One labeller training sentence: input, gold heads and gold label ids. */
export interface LabellerExample {
  input: ParserInput;
  heads: Int32Array;
  labels: Uint16Array;
}

/** Trains the labeller on gold trees, with its own predictions as the label history (as at run time). */
export function trainLabeller(
  examples: readonly LabellerExample[],
  classes: number,
  options: { iterations: number; seed: number; log?: (m: string) => void },
): CompactModel {
  const p = new AveragedPerceptron(classes, 1 << 18);
  const rng = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const feats = new Uint32Array(MAX_FEATS);
  const scores = new Float64Array(classes);
  for (let it = 0; it < options.iterations; it++) {
    shuffle(order, rng);
    let right = 0;
    let total = 0;
    for (const ei of order) {
      const ex = examples[ei]!;
      const { children, order: top } = treeOrder(ex.heads);
      const labels = new Uint16Array(ex.heads.length).fill(NO_LABEL);
      for (const d of top) {
        const k = labelFeatures(ex.input, ex.heads, children, labels, d, feats);
        p.score(feats, k, scores);
        const guess = argmax(scores, classes);
        p.update(feats, k, ex.labels[d]!, guess);
        p.tick();
        labels[d] = guess;
        if (guess === ex.labels[d]) right++;
        total++;
      }
    }
    options.log?.(`labeller iteration ${it + 1}: train accuracy ${((100 * right) / total).toFixed(2)}`);
  }
  return p.compact();
}
