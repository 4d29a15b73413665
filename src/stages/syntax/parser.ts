import type { EncodedSentence } from './encode.js';
import { NONE, UPOS } from './encode.js';
import { f1, f2, f3, mix, seededRandom } from './hash.js';
import { AveragedPerceptron, type CompactModel, type Scorer } from './perceptron.js';
import { shuffle } from './tagger.js';

/**
 * Unlabelled arc-hybrid transition parser (Kuhlmann et al. 2011) with the root token at the end of the buffer
 * (Ballesteros & Nivre 2013), greedy decoding and Zhang & Nivre (2011)-style features. It makes exactly 2n
 * transitions for n words, so a sentence of any length parses in linear time. Only one word may attach to the
 * root: LEFT onto the root token is allowed only when the stack holds a single word.
 *
 * Training uses the dynamic oracle of Goldberg & Nivre (2013): every transition's cost is the number of gold
 * arcs it makes unreachable, the perceptron is updated towards the best zero-cost transition, and after the
 * first epoch the parser follows its own (possibly wrong) prediction so that it learns to recover from errors.
 */

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
const MOVES = 3;
const MAX_FEATS = 80;
const ROOT_POS = UPOS.length + 1;
const NO_POS = UPOS.length + 2;

/** Mutable parser configuration over one sentence of n words (index n is the root token). */
class State {
  readonly n: number;
  readonly stack: Int32Array;
  sp = 0;
  b = 0;
  readonly heads: Int32Array;
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nl: Int32Array;
  readonly nr: Int32Array;

  constructor(n: number) {
    this.n = n;
    this.stack = new Int32Array(n + 1);
    this.heads = new Int32Array(n + 1).fill(-1);
    this.lc1 = new Int32Array(n + 1).fill(-1);
    this.lc2 = new Int32Array(n + 1).fill(-1);
    this.rc1 = new Int32Array(n + 1).fill(-1);
    this.rc2 = new Int32Array(n + 1).fill(-1);
    this.nl = new Int32Array(n + 1);
    this.nr = new Int32Array(n + 1);
  }

  get terminal(): boolean {
    return this.sp === 0 && this.b === this.n;
  }

  valid(m: number): boolean {
    if (m === SHIFT) return this.b < this.n;
    if (m === LEFT) return this.sp > 0 && (this.b < this.n || this.sp === 1);
    return this.sp > 1;
  }

  private attach(h: number, d: number): void {
    this.heads[d] = h;
    if (d < h) {
      this.nl[h]!++;
      const l1 = this.lc1[h]!;
      if (l1 < 0 || d < l1) {
        this.lc2[h] = l1;
        this.lc1[h] = d;
      } else if (this.lc2[h]! < 0 || d < this.lc2[h]!) this.lc2[h] = d;
    } else {
      this.nr[h]!++;
      const r1 = this.rc1[h]!;
      if (r1 < 0 || d > r1) {
        this.rc2[h] = r1;
        this.rc1[h] = d;
      } else if (this.rc2[h]! < 0 || d > this.rc2[h]!) this.rc2[h] = d;
    }
  }

  apply(m: number): void {
    if (m === SHIFT) {
      this.stack[this.sp++] = this.b++;
    } else if (m === LEFT) {
      const s0 = this.stack[--this.sp]!;
      this.attach(this.b, s0);
    } else {
      const s0 = this.stack[--this.sp]!;
      this.attach(this.stack[this.sp - 1]!, s0);
    }
  }
}

/** Per-move cost under the dynamic oracle: the number of gold arcs the move makes unreachable. */
function costs(
  st: State,
  gold: Int32Array,
  children: readonly number[][],
  onStack: Uint8Array,
  out: Int32Array,
): void {
  const b = st.b;
  const s0 = st.sp > 0 ? st.stack[st.sp - 1]! : -1;
  const s1 = st.sp > 1 ? st.stack[st.sp - 2]! : -1;
  // SHIFT: b loses a head lower in the stack than s0, and every dependent still on the stack.
  if (st.valid(SHIFT)) {
    let c = 0;
    const h = gold[b]!;
    if (h !== s0 && h >= 0 && h < b && onStack[h]) c++;
    for (const d of children[b]!) if (onStack[d]) c++;
    out[SHIFT] = c;
  } else out[SHIFT] = 1 << 20;
  if (s0 >= 0) {
    let dep = 0;
    for (const d of children[s0]!) if (d >= b) dep++;
    const h = gold[s0]!;
    // LEFT: s0 gets b as head; loses a head that is s1 or further in the buffer, and its buffer dependents.
    out[LEFT] = st.valid(LEFT) ? dep + (h !== b && (h === s1 || h > b) ? 1 : 0) : 1 << 20;
    // RIGHT: s0 gets s1 as head; loses a head in the buffer, and its buffer dependents.
    out[RIGHT] = st.valid(RIGHT) ? dep + (h !== s1 && h >= b ? 1 : 0) : 1 << 20;
  } else {
    out[LEFT] = 1 << 20;
    out[RIGHT] = 1 << 20;
  }
}

function distBucket(d: number): number {
  if (d <= 4) return d;
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  return 7;
}

/** The parser's view of a sentence: word hashes and (predicted) tag ids, plus the root token. */
export interface ParserInput {
  e: EncodedSentence;
  tags: Uint8Array;
}

class FeatureBuffers {
  readonly W: Uint32Array;
  readonly P: Uint32Array;
  readonly WP: Uint32Array;
  constructor(input: ParserInput) {
    const n = input.e.n;
    this.W = new Uint32Array(n + 1);
    this.P = new Uint32Array(n + 1);
    this.WP = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) {
      this.W[i] = input.e.lower[i]!;
      this.P[i] = input.tags[i]! + 1;
      this.WP[i] = mix(this.W[i]!, this.P[i]!);
    }
    this.W[n] = mix(NONE, 7);
    this.P[n] = ROOT_POS;
    this.WP[n] = mix(this.W[n]!, ROOT_POS);
  }
}

function features(st: State, fb: FeatureBuffers, out: Uint32Array): number {
  const { W, P, WP } = fb;
  const n = st.n;
  const sp = st.sp;
  const s0 = sp > 0 ? st.stack[sp - 1]! : -1;
  const s1 = sp > 1 ? st.stack[sp - 2]! : -1;
  const s2 = sp > 2 ? st.stack[sp - 3]! : -1;
  const b0 = st.b;
  const b1 = b0 + 1 <= n ? b0 + 1 : -1;
  const b2 = b0 + 2 <= n ? b0 + 2 : -1;
  const w = (x: number) => (x < 0 ? NONE : W[x]!);
  const p = (x: number) => (x < 0 ? NO_POS : P[x]!);
  const wp = (x: number) => (x < 0 ? NONE : WP[x]!);
  const s0w = w(s0);
  const s0p = p(s0);
  const s0wp = wp(s0);
  const s1w = w(s1);
  const s1p = p(s1);
  const s1wp = wp(s1);
  const b0w = w(b0);
  const b0p = p(b0);
  const b0wp = wp(b0);
  const b1p = p(b1);
  const b2p = p(b2);
  const s2p = p(s2);
  const s0l = s0 >= 0 ? st.lc1[s0]! : -1;
  const s0l2 = s0 >= 0 ? st.lc2[s0]! : -1;
  const s0r = s0 >= 0 ? st.rc1[s0]! : -1;
  const s0r2 = s0 >= 0 ? st.rc2[s0]! : -1;
  const s1l = s1 >= 0 ? st.lc1[s1]! : -1;
  const s1r = s1 >= 0 ? st.rc1[s1]! : -1;
  const b0l = st.lc1[b0]!;
  const b0l2 = st.lc2[b0]!;
  const s0lp = p(s0l);
  const s0rp = p(s0r);
  const s1lp = p(s1l);
  const s1rp = p(s1r);
  const b0lp = p(b0l);
  const d = s0 >= 0 ? distBucket(b0 - s0) : 0;
  const d1 = s1 >= 0 ? distBucket(s0 - s1) : 0;
  const s0vl = s0 >= 0 ? st.nl[s0]! : 0;
  const s0vr = s0 >= 0 ? st.nr[s0]! : 0;
  const b0vl = st.nl[b0]!;
  let k = 0;
  out[k++] = f1(1, 0);
  out[k++] = f1(2, s0w);
  out[k++] = f1(3, s0p);
  out[k++] = f1(4, s0wp);
  out[k++] = f1(5, s1w);
  out[k++] = f1(6, s1p);
  out[k++] = f1(7, s1wp);
  out[k++] = f1(8, b0w);
  out[k++] = f1(9, b0p);
  out[k++] = f1(10, b0wp);
  out[k++] = f1(11, w(b1));
  out[k++] = f1(12, b1p);
  out[k++] = f1(13, wp(b1));
  out[k++] = f1(14, w(b2));
  out[k++] = f1(15, b2p);
  out[k++] = f2(16, s0wp, b0wp);
  out[k++] = f2(17, s0wp, b0w);
  out[k++] = f2(18, s0w, b0wp);
  out[k++] = f2(19, s0wp, b0p);
  out[k++] = f2(20, s0p, b0wp);
  out[k++] = f2(21, s0w, b0w);
  out[k++] = f2(22, s0p, b0p);
  out[k++] = f2(23, b0p, b1p);
  out[k++] = f3(24, b0p, b1p, b2p);
  out[k++] = f3(25, s0p, b0p, b1p);
  out[k++] = f3(26, s1p, s0p, b0p);
  out[k++] = f3(27, s0p, s0lp, b0p);
  out[k++] = f3(28, s0p, s0rp, b0p);
  out[k++] = f3(29, s0p, b0p, b0lp);
  out[k++] = f3(30, s1p, s0p, s0lp);
  out[k++] = f3(31, s1p, s0p, s0rp);
  out[k++] = f3(32, s1p, s1rp, s0p);
  out[k++] = f3(33, s2p, s1p, s0p);
  out[k++] = f3(34, s1p, s1lp, s0p);
  out[k++] = f2(35, s0w, d);
  out[k++] = f2(36, s0p, d);
  out[k++] = f2(37, b0w, d);
  out[k++] = f2(38, b0p, d);
  out[k++] = f3(39, s0w, b0w, d);
  out[k++] = f3(40, s0p, b0p, d);
  out[k++] = f2(41, s0w, s0vr);
  out[k++] = f2(42, s0p, s0vr);
  out[k++] = f2(43, s0w, s0vl);
  out[k++] = f2(44, s0p, s0vl);
  out[k++] = f2(45, b0w, b0vl);
  out[k++] = f2(46, b0p, b0vl);
  out[k++] = f1(47, w(s0l));
  out[k++] = f1(48, s0lp);
  out[k++] = f1(49, w(s0r));
  out[k++] = f1(50, s0rp);
  out[k++] = f1(51, w(b0l));
  out[k++] = f1(52, b0lp);
  out[k++] = f1(53, w(s0l2));
  out[k++] = f1(54, p(s0l2));
  out[k++] = f1(55, w(s0r2));
  out[k++] = f1(56, p(s0r2));
  out[k++] = f1(57, w(b0l2));
  out[k++] = f1(58, p(b0l2));
  out[k++] = f3(59, s0p, s0lp, p(s0l2));
  out[k++] = f3(60, s0p, s0rp, p(s0r2));
  out[k++] = f3(61, b0p, b0lp, p(b0l2));
  out[k++] = f2(62, s1w, s0w);
  out[k++] = f2(63, s1wp, s0p);
  out[k++] = f2(64, s1p, s0wp);
  out[k++] = f2(65, s1wp, s0wp);
  out[k++] = f3(66, s1p, s0p, d1);
  out[k++] = f3(67, s1w, s0w, d1);
  out[k++] = f2(68, s1p, b0p);
  out[k++] = f3(69, s1p, s0p, b1p);
  out[k++] = f2(70, s0p, s1rp);
  out[k++] = f1(71, w(s1r));
  out[k++] = f3(72, s0wp, b0p, b1p);
  out[k++] = f3(73, s0p, b0wp, b1p);
  out[k++] = f2(74, Math.min(sp, 3), b0p);
  return k;
}

/** Heads of an unlabelled parse: `heads[i]` is the head word's index, -1 for the sentence root. */
export function parseHeads(model: Scorer, input: ParserInput): Int32Array {
  const n = input.e.n;
  const st = new State(n);
  const fb = new FeatureBuffers(input);
  const feats = new Uint32Array(MAX_FEATS);
  const scores = new Float64Array(MOVES);
  while (!st.terminal) {
    const k = features(st, fb, feats);
    model.score(feats, k, scores);
    let best = -1;
    for (let m = 0; m < MOVES; m++) {
      if (st.valid(m) && (best < 0 || scores[m]! > scores[best]!)) best = m;
    }
    st.apply(best);
  }
  const heads = new Int32Array(n);
  for (let i = 0; i < n; i++) heads[i] = st.heads[i] === n ? -1 : st.heads[i]!;
  return heads;
}

/** One training sentence for the parser: input plus gold heads (-1 for the root). */
export interface ParserExample {
  input: ParserInput;
  heads: Int32Array;
}

/**
 * Trains the parser with the dynamic oracle and exploration; `explore` is the probability of following a
 * wrong prediction after the first epoch.
 */
export function trainParser(
  examples: readonly ParserExample[],
  options: { iterations: number; seed: number; explore?: number; log?: (m: string) => void },
): CompactModel {
  const p = new AveragedPerceptron(MOVES, 1 << 20);
  const rng = seededRandom(options.seed);
  const explore = options.explore ?? 0.9;
  const order = examples.map((_, i) => i);
  const feats = new Uint32Array(MAX_FEATS);
  const scores = new Float64Array(MOVES);
  const cost = new Int32Array(MOVES);
  for (let it = 0; it < options.iterations; it++) {
    shuffle(order, rng);
    let right = 0;
    let total = 0;
    for (const ei of order) {
      const ex = examples[ei]!;
      const n = ex.input.e.n;
      const gold = new Int32Array(n + 1);
      const children: number[][] = Array.from({ length: n + 1 }, () => []);
      for (let i = 0; i < n; i++) {
        const h = ex.heads[i]! < 0 ? n : ex.heads[i]!;
        gold[i] = h;
        children[h]!.push(i);
      }
      gold[n] = -1;
      const st = new State(n);
      const fb = new FeatureBuffers(ex.input);
      const onStack = new Uint8Array(n + 1);
      while (!st.terminal) {
        const k = features(st, fb, feats);
        p.score(feats, k, scores);
        costs(st, gold, children, onStack, cost);
        let best = -1;
        let minCost = 1 << 20;
        for (let m = 0; m < MOVES; m++) {
          if (!st.valid(m)) continue;
          if (best < 0 || scores[m]! > scores[best]!) best = m;
          if (cost[m]! < minCost) minCost = cost[m]!;
        }
        let g = -1;
        for (let m = 0; m < MOVES; m++) {
          if (st.valid(m) && cost[m] === minCost && (g < 0 || scores[m]! > scores[g]!)) g = m;
        }
        let next = best;
        if (cost[best]! > minCost) {
          p.update(feats, k, g, best);
          if (it === 0 || rng() >= explore) next = g;
        }
        p.tick();
        if (next === SHIFT) onStack[st.b] = 1;
        else onStack[st.stack[st.sp - 1]!] = 0;
        st.apply(next);
      }
      for (let i = 0; i < n; i++) {
        if (st.heads[i] === gold[i]) right++;
        total++;
      }
    }
    options.log?.(`parser iteration ${it + 1}: train UAS (explored) ${((100 * right) / total).toFixed(2)}`);
  }
  return p.compact();
}
