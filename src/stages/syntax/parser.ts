import { NO_CLASS, ROOT_CLASS, type WordClasses } from './classes.js';
import type { EncodedSentence } from './encode.js';
import { NONE, UPOS, uposId } from './encode.js';
import { f1, f2, f3, mix, seededRandom } from './hash.js';
import { AveragedPerceptron, type CompactModel, type Scorer } from './perceptron.js';
import { argmax, shuffle } from './tagger.js';

/**
 * Arc-hybrid transition parser (Kuhlmann et al. 2011) with the root token at the end of the buffer
 * (Ballesteros & Nivre 2013), greedy decoding and Zhang & Nivre (2011)-style features. Each arc is labelled
 * the moment it is made (its dependent's subtree is complete by then, a property of arc-hybrid) by a second
 * perceptron. (Feeding those relations back as parser features, as Zhang & Nivre do, gave no gain on EWT dev
 * and cost 20% of the speed, so the parser does not read them.) It makes exactly 2n transitions for n
 * words, so a sentence of any length parses in linear time. Only one word may attach to the root: LEFT onto
 * the root token is allowed only when the stack holds a single word.
 *
 * Training uses the dynamic oracle of Goldberg & Nivre (2013): every transition's cost is the number of gold
 * arcs it makes unreachable, the perceptron is updated towards the best zero-cost transition, and after the
 * first epoch the parser follows its own (possibly wrong) prediction so that it learns to recover from errors.
 */

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
const MOVES = 3;
const MAX_FEATS = 112;
const MAX_ARC_FEATS = 32;
const ROOT_POS = 254;
const NO_POS = 255;
const NO_LABEL = 0xfff;
/** UPOS ids of function words, whose form is an arc-label feature of their head ("by", "to", "that"). */
const FUNCTION_UPOS = new Uint8Array(UPOS.length);
for (const t of ['ADP', 'SCONJ', 'PART', 'AUX']) FUNCTION_UPOS[uposId(t)] = 1;
const AUX_UPOS = uposId('AUX');
const VERB_UPOS = uposId('VERB');
const PUNCT_UPOS = uposId('PUNCT');
/** Double quote marks, whose running count tells whether a word stands inside a quotation. */
const QUOTES = new Set(['"', '\u201c', '\u201d', '``', "''"]);

/** Mutable parser configuration over one sentence of n words (index n is the root token, n+1 "nothing"). */
class State {
  readonly n: number;
  readonly nil: number;
  readonly stack: Int32Array;
  sp = 0;
  b = 0;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nl: Int32Array;
  readonly nr: Int32Array;
  /** Label sets of the left and right dependents built so far: bit l of lo (l < 32) or of hi (l - 32). */
  readonly lsLo: Uint32Array;
  readonly lsHi: Uint32Array;
  readonly rsLo: Uint32Array;
  readonly rsHi: Uint32Array;

  constructor(n: number) {
    this.n = n;
    const nil = n + 1;
    this.nil = nil;
    this.stack = new Int32Array(n + 1);
    this.heads = new Int32Array(n + 2).fill(-1);
    this.labels = new Int32Array(n + 2).fill(NO_LABEL);
    this.lc1 = new Int32Array(n + 2).fill(nil);
    this.lc2 = new Int32Array(n + 2).fill(nil);
    this.rc1 = new Int32Array(n + 2).fill(nil);
    this.rc2 = new Int32Array(n + 2).fill(nil);
    this.nl = new Int32Array(n + 2);
    this.nr = new Int32Array(n + 2);
    this.lsLo = new Uint32Array(n + 2);
    this.lsHi = new Uint32Array(n + 2);
    this.rsLo = new Uint32Array(n + 2);
    this.rsHi = new Uint32Array(n + 2);
  }

  get terminal(): boolean {
    return this.sp === 0 && this.b === this.n;
  }

  valid(m: number): boolean {
    if (m === SHIFT) return this.b < this.n;
    if (m === LEFT) return this.sp > 0 && (this.b < this.n || this.sp === 1);
    return this.sp > 1;
  }

  /** The (head, dependent) pair a LEFT or RIGHT move would make. */
  arcOf(m: number): [number, number] {
    const s0 = this.stack[this.sp - 1]!;
    return m === LEFT ? [this.b, s0] : [this.stack[this.sp - 2]!, s0];
  }

  private attach(h: number, d: number, label: number): void {
    const nil = this.nil;
    this.heads[d] = h;
    this.labels[d] = label;
    const bit = label < 32 ? (1 << label) >>> 0 : label < 64 ? (1 << (label - 32)) >>> 0 : 0;
    if (d < h) {
      if (label < 32) this.lsLo[h]! |= bit;
      else this.lsHi[h]! |= bit;
      this.nl[h]!++;
      const l1 = this.lc1[h]!;
      if (l1 === nil || d < l1) {
        this.lc2[h] = l1;
        this.lc1[h] = d;
      } else if (this.lc2[h] === nil || d < this.lc2[h]!) this.lc2[h] = d;
    } else {
      if (label < 32) this.rsLo[h]! |= bit;
      else this.rsHi[h]! |= bit;
      this.nr[h]!++;
      const r1 = this.rc1[h]!;
      if (r1 === nil || d > r1) {
        this.rc2[h] = r1;
        this.rc1[h] = d;
      } else if (this.rc2[h] === nil || d > this.rc2[h]!) this.rc2[h] = d;
    }
  }

  apply(m: number, label: number): void {
    if (m === SHIFT) {
      this.stack[this.sp++] = this.b++;
    } else if (m === LEFT) {
      const s0 = this.stack[--this.sp]!;
      this.attach(this.b, s0, label);
    } else {
      const s0 = this.stack[--this.sp]!;
      this.attach(this.stack[this.sp - 1]!, s0, label);
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

/** The parser's view of a sentence: word hashes, (predicted) tag ids and their UPOS ids. */
export interface ParserInput {
  e: EncodedSentence;
  /** Tag ids of the tagger's tag set (fine tags when the model has them): the parser's POS feature. */
  tags: Uint8Array;
  upos: Uint8Array;
}

/** Word, tag and word+tag values per position; n is the root token and n+1 "no word". */
class FeatureBuffers {
  readonly W: Uint32Array;
  readonly P: Uint32Array;
  readonly WP: Uint32Array;
  /** 1 for function words (ADP, SCONJ, PART, AUX), 2 for auxiliaries among them. */
  readonly fn: Uint8Array;
  /** Running counts before each position (index i counts words 0..i-1): verbs, punctuation, double quotes. */
  readonly verbs: Uint16Array;
  readonly puncts: Uint16Array;
  readonly quotes: Uint16Array;
  /** Word classes (coarse, middle, fine) per position when the model reads them, else empty. */
  readonly C0: Uint16Array;
  readonly C1: Uint16Array;
  readonly C2: Uint16Array;
  constructor(input: ParserInput, classes?: WordClasses) {
    const n = input.e.n;
    if (classes) {
      const c = classes.of(input.e);
      this.C0 = new Uint16Array(n + 2);
      this.C1 = new Uint16Array(n + 2);
      this.C2 = new Uint16Array(n + 2);
      this.C0.set(c.c0);
      this.C1.set(c.c1);
      this.C2.set(c.c2);
      this.C0[n] = this.C1[n] = this.C2[n] = ROOT_CLASS;
      this.C0[n + 1] = this.C1[n + 1] = this.C2[n + 1] = NO_CLASS;
    } else {
      this.C0 = this.C1 = this.C2 = new Uint16Array(0);
    }
    this.verbs = new Uint16Array(n + 2);
    this.puncts = new Uint16Array(n + 2);
    this.quotes = new Uint16Array(n + 2);
    for (let i = 0; i <= n; i++) {
      const u = i < n ? input.upos[i]! : -1;
      this.verbs[i + 1] = this.verbs[i]! + (u === VERB_UPOS ? 1 : 0);
      this.puncts[i + 1] = this.puncts[i]! + (u === PUNCT_UPOS ? 1 : 0);
      this.quotes[i + 1] = this.quotes[i]! + (i < n && QUOTES.has(input.e.forms[i]!) ? 1 : 0);
    }
    this.fn = new Uint8Array(n + 2);
    for (let i = 0; i < n; i++) {
      const u = input.upos[i]!;
      this.fn[i] = u === AUX_UPOS ? 2 : FUNCTION_UPOS[u]!;
    }
    this.W = new Uint32Array(n + 2);
    this.P = new Uint32Array(n + 2);
    this.WP = new Uint32Array(n + 2);
    for (let i = 0; i < n; i++) {
      this.W[i] = input.e.lower[i]!;
      this.P[i] = input.tags[i]! + 1;
      this.WP[i] = mix(this.W[i]!, this.P[i]!);
    }
    this.W[n] = mix(NONE, 7);
    this.P[n] = ROOT_POS;
    this.WP[n] = mix(this.W[n]!, ROOT_POS);
    this.W[n + 1] = NONE;
    this.P[n + 1] = NO_POS;
    this.WP[n + 1] = NONE;
  }
}

/**
 * Parser options stored with the model. `labelFeatures` adds Zhang & Nivre (2011)'s label templates (relations
 * of the nearest children of s0 and b0, and the label sets of their dependents): nine more look-ups per state.
 */
export interface ParserConfig {
  labelFeatures: boolean;
  /**
   * Four templates for clause and punctuation attachment: the verbs and punctuation marks between s0 and b0 and
   * between s1 and s0 (0, 1, 2+ of each), the quote marks between s0 and b0 and whether b0 stands inside a
   * quotation, and b0's word with the tags of s0 and s1 (which of the two a comma or period attaches to).
   */
  clauseFeatures?: boolean;
  /**
   * Word-class templates (Koo et al. 2008): the fine class of s0, s1, b0, the middle class of b1 and of the
   * nearest children of s0 and b0, and the word-pair and tag templates of s0, s1, b0 with classes in place of
   * words; the arc labeller reads the classes of head and dependent. Absent: no class features.
   */
  classes?: WordClasses;
}

const PLAIN: ParserConfig = { labelFeatures: false };

function features(st: State, fb: FeatureBuffers, out: Uint32Array, cfg: ParserConfig): number {
  const { W, P, WP } = fb;
  const { n, nil, sp, stack, lc1, lc2, rc1, rc2 } = st;
  const s0 = sp > 0 ? stack[sp - 1]! : nil;
  const s1 = sp > 1 ? stack[sp - 2]! : nil;
  const s2 = sp > 2 ? stack[sp - 3]! : nil;
  const b0 = st.b;
  const b1 = b0 + 1 <= n ? b0 + 1 : nil;
  const b2 = b0 + 2 <= n ? b0 + 2 : nil;
  const s0w = W[s0]!;
  const s0p = P[s0]!;
  const s0wp = WP[s0]!;
  const s1w = W[s1]!;
  const s1p = P[s1]!;
  const s1wp = WP[s1]!;
  const b0w = W[b0]!;
  const b0p = P[b0]!;
  const b0wp = WP[b0]!;
  const b1p = P[b1]!;
  const b2p = P[b2]!;
  const s2p = P[s2]!;
  const s0l = lc1[s0]!;
  const s0l2 = lc2[s0]!;
  const s0r = rc1[s0]!;
  const s0r2 = rc2[s0]!;
  const s1l = lc1[s1]!;
  const s1r = rc1[s1]!;
  const b0l = lc1[b0]!;
  const b0l2 = lc2[b0]!;
  const s0lp = P[s0l]!;
  const s0rp = P[s0r]!;
  const s1lp = P[s1l]!;
  const s1rp = P[s1r]!;
  const b0lp = P[b0l]!;
  const d = s0 !== nil ? distBucket(b0 - s0) : 0;
  const d1 = s1 !== nil ? distBucket(s0 - s1) : 0;
  const s0vl = st.nl[s0]!;
  const s0vr = st.nr[s0]!;
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
  out[k++] = f1(11, W[b1]!);
  out[k++] = f1(12, b1p);
  out[k++] = f1(13, WP[b1]!);
  out[k++] = f1(14, W[b2]!);
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
  out[k++] = f1(47, W[s0l]!);
  out[k++] = f1(48, s0lp);
  out[k++] = f1(49, W[s0r]!);
  out[k++] = f1(50, s0rp);
  out[k++] = f1(51, W[b0l]!);
  out[k++] = f1(52, b0lp);
  out[k++] = f1(53, W[s0l2]!);
  out[k++] = f1(54, P[s0l2]!);
  out[k++] = f1(55, W[s0r2]!);
  out[k++] = f1(56, P[s0r2]!);
  out[k++] = f1(57, W[b0l2]!);
  out[k++] = f1(58, P[b0l2]!);
  out[k++] = f3(59, s0p, s0lp, P[s0l2]!);
  out[k++] = f3(60, s0p, s0rp, P[s0r2]!);
  out[k++] = f3(61, b0p, b0lp, P[b0l2]!);
  out[k++] = f2(62, s1w, s0w);
  out[k++] = f2(63, s1wp, s0p);
  out[k++] = f2(64, s1p, s0wp);
  out[k++] = f2(65, s1wp, s0wp);
  out[k++] = f3(66, s1p, s0p, d1);
  out[k++] = f3(67, s1w, s0w, d1);
  out[k++] = f2(68, s1p, b0p);
  out[k++] = f3(69, s1p, s0p, b1p);
  out[k++] = f2(70, s0p, s1rp);
  out[k++] = f1(71, W[s1r]!);
  out[k++] = f3(72, s0wp, b0p, b1p);
  out[k++] = f3(73, s0p, b0wp, b1p);
  out[k++] = f2(74, Math.min(sp, 3), b0p);
  if (cfg.labelFeatures) {
    const L = st.labels;
    out[k++] = f2(75, s0p, L[s0l]!);
    out[k++] = f2(76, s0p, L[s0r]!);
    out[k++] = f2(77, b0p, L[b0l]!);
    out[k++] = f3(78, s0p, L[s0l]!, L[s0l2]!);
    out[k++] = f3(79, s0p, L[s0r]!, L[s0r2]!);
    out[k++] = f3(80, b0p, L[b0l]!, L[b0l2]!);
    out[k++] = f3(81, s0p, st.lsLo[s0]!, st.lsHi[s0]!);
    out[k++] = f3(82, s0p, st.rsLo[s0]!, st.rsHi[s0]!);
    out[k++] = f3(83, b0p, st.lsLo[b0]!, st.lsHi[b0]!);
  }
  if (cfg.clauseFeatures) {
    const { verbs, puncts, quotes } = fb;
    // verbs and punctuation strictly between s0 and b0, and between s1 and s0 (0, 1, 2+ each; 9: no such pair)
    const vsb =
      s0 < b0 ? Math.min(verbs[b0]! - verbs[s0 + 1]!, 2) * 3 + Math.min(puncts[b0]! - puncts[s0 + 1]!, 2) : 9;
    const vss =
      s1 < s0 ? Math.min(verbs[s0]! - verbs[s1 + 1]!, 2) * 3 + Math.min(puncts[s0]! - puncts[s1 + 1]!, 2) : 9;
    // quote marks between s0 and b0 (0, 1, 2+), and whether b0 stands inside a quotation (odd count before it)
    const q = (s0 < b0 ? Math.min(quotes[b0]! - quotes[s0 + 1]!, 2) * 2 : 6) + (quotes[b0]! & 1);
    out[k++] = f3(90, s0p, b0p, vsb);
    out[k++] = f3(91, s1p, s0p, vss);
    out[k++] = f3(92, s0p, b0p, q);
    out[k++] = f3(93, b0w, s0p, s1p);
  }
  if (cfg.classes) {
    const { C0, C1, C2 } = fb;
    const s0c = C1[s0]!;
    const b0c = C1[b0]!;
    const s1c = C1[s1]!;
    out[k++] = f1(200, C2[s0]!);
    out[k++] = f1(201, C2[b0]!);
    out[k++] = f1(202, C2[s1]!);
    out[k++] = f1(203, C1[b1]!);
    out[k++] = f2(204, s0c, b0c);
    out[k++] = f2(205, s0c, b0p);
    out[k++] = f2(206, s0p, b0c);
    out[k++] = f3(207, s0c, b0c, d);
    out[k++] = f2(208, s1c, s0c);
    out[k++] = f3(209, s1p, s0c, b0p);
    out[k++] = f3(210, C0[s0]!, C0[b0]!, C0[b1]!);
    out[k++] = f3(211, s0p, C1[s0l]!, b0p);
    out[k++] = f3(212, s0p, C1[s0r]!, b0p);
    out[k++] = f3(213, s0p, b0p, C1[b0l]!);
    out[k++] = f3(214, C2[s0]!, C2[b0]!, s0p);
  }
  return k;
}

/** Features of an arc h → d at the moment it is made (d's subtree is complete, h's is not). */
function arcFeatures(
  st: State,
  fb: FeatureBuffers,
  h: number,
  d: number,
  out: Uint32Array,
  classes = false,
): number {
  const { W, P } = fb;
  const { nil, n, labels: L } = st;
  const dw = W[d]!;
  const dp = P[d]!;
  const hw = W[h]!;
  const hp = P[h]!;
  const left = d < h;
  const dir = h === n ? 2 : left ? 0 : 1;
  const dist = dir * 8 + distBucket(Math.abs(h - d));
  // the sibling made just before (nearest to d on the same side)
  const sib = left ? st.lc1[h]! : st.rc1[h]!;
  const sibL = L[sib]!;
  // d's first function-word child ("by", "to", "that") and its outer children
  let func = NONE;
  for (let c = st.lc1[d]!, guard = 0; c !== nil && c < d && guard < 64; guard++) {
    if (fb.fn[c] && st.heads[c] === d) {
      func = W[c]!;
      break;
    }
    c++;
    while (c < d && st.heads[c] !== d) c++;
    if (c >= d) break;
  }
  // h's auxiliary among its left children ("was" of a passive)
  let aux = NONE;
  for (let c = st.lc1[h]!, guard = 0; c !== nil && c < h && guard < 64; guard++) {
    if (st.heads[c] === h && fb.fn[c] === 2) aux = W[c]!;
    c++;
    while (c < h && st.heads[c] !== h) c++;
    if (c >= h) break;
  }
  const dlL = L[st.lc1[d]!]!;
  const drL = L[st.rc1[d]!]!;
  let k = 0;
  out[k++] = f1(301, 0);
  out[k++] = f1(302, dw);
  out[k++] = f1(303, dp);
  out[k++] = f2(304, dw, dp);
  out[k++] = f1(305, hw);
  out[k++] = f2(306, hp, dir);
  out[k++] = f3(307, hw, hp, dir);
  out[k++] = f3(308, hp, dp, dir);
  out[k++] = f3(309, hw, dp, dir);
  out[k++] = f3(310, dw, hp, dir);
  out[k++] = f3(311, hw, dw, dir);
  out[k++] = f3(312, hp, dp, dist);
  out[k++] = f3(313, sibL, dp, dir);
  out[k++] = f3(314, sibL, hp, dp);
  out[k++] = f2(315, func, dp);
  out[k++] = f3(316, func, dp, hp);
  out[k++] = f3(317, dlL, drL, dp);
  out[k++] = f3(318, aux, dp, dir);
  out[k++] = f3(319, aux, hp, func);
  out[k++] = f2(320, fb.W[d + 1 <= n ? d + 1 : nil]!, dp);
  out[k++] = f3(321, st.nl[d]!, st.nr[d]!, dp);
  out[k++] = f3(322, func, hw, dir);
  out[k++] = f3(323, aux, dw, dp);
  out[k++] = f3(324, dlL, dp, hp);
  if (classes) {
    out[k++] = f2(330, fb.C2[d]!, dir);
    out[k++] = f3(331, fb.C1[h]!, fb.C1[d]!, dir);
    out[k++] = f3(332, fb.C1[h]!, dp, dir);
  }
  return k;
}

/** Heads and arc labels of a parse: `heads[i]` is the head word's index (-1 for the root). */
export interface ParseResult {
  heads: Int32Array;
  /** Label ids from the arc labeller (NO_LABEL for the root). */
  labels: Int32Array;
}

/** Parses one sentence greedily. */
export function parseSentence(
  model: Scorer,
  arcModel: Scorer,
  input: ParserInput,
  cfg: ParserConfig = PLAIN,
): ParseResult {
  const n = input.e.n;
  const st = new State(n);
  const fb = new FeatureBuffers(input, cfg.classes);
  const feats = new Uint32Array(MAX_FEATS);
  const arcFeats = new Uint32Array(MAX_ARC_FEATS);
  const scores = new Float64Array(MOVES);
  const labelScores = new Float64Array(arcModel.classes);
  while (!st.terminal) {
    // the valid moves, as State.valid says, without a call per move
    const canShift = st.b < n;
    const canLeft = st.sp > 0 && (canShift || st.sp === 1);
    const canRight = st.sp > 1;
    let best: number;
    // with one valid move (empty stack, or only the root left in the buffer) there is nothing to score
    if ((canShift ? 1 : 0) + (canLeft ? 1 : 0) + (canRight ? 1 : 0) > 1) {
      const k = features(st, fb, feats, cfg);
      model.score(feats, k, scores);
      best = -1;
      if (canShift) best = SHIFT;
      if (canLeft && (best < 0 || scores[LEFT]! > scores[best]!)) best = LEFT;
      if (canRight && (best < 0 || scores[RIGHT]! > scores[best]!)) best = RIGHT;
    } else best = canRight ? RIGHT : canLeft ? LEFT : SHIFT;
    let label = NO_LABEL;
    if (best !== SHIFT) {
      // the arc this move makes (State.arcOf, without the pair)
      const d = st.stack[st.sp - 1]!;
      const h = best === LEFT ? st.b : st.stack[st.sp - 2]!;
      const ak = arcFeatures(st, fb, h, d, arcFeats, cfg.classes !== undefined);
      arcModel.score(arcFeats, ak, labelScores);
      label = argmax(labelScores, arcModel.classes);
    }
    st.apply(best, label);
  }
  const heads = new Int32Array(n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    heads[i] = st.heads[i] === n ? -1 : st.heads[i]!;
    labels[i] = st.labels[i]!;
  }
  return { heads, labels };
}

/** One training sentence for the parser: input, gold heads (-1 for the root) and gold label ids. */
export interface ParserExample {
  input: ParserInput;
  heads: Int32Array;
  labels: Uint16Array;
}

/**
 * Trains the parser and its arc labeller with the dynamic oracle and exploration; `explore` is the
 * probability of following a wrong prediction after the first epoch.
 */
export function trainParser(
  examples: readonly ParserExample[],
  classes: number,
  options: {
    iterations: number;
    seed: number;
    explore?: number;
    config?: ParserConfig;
    log?: (m: string) => void;
    /** Called after each epoch with the averaged weights so far (for a learning curve on a tuning split). */
    onEpoch?: (epoch: number, parser: CompactModel, arcs: CompactModel) => void;
  },
): { parser: CompactModel; arcs: CompactModel } {
  const cfg = options.config ?? PLAIN;
  const p = new AveragedPerceptron(MOVES, 1 << 20);
  const a = new AveragedPerceptron(classes, 1 << 17);
  const rng = seededRandom(options.seed);
  const explore = options.explore ?? 0.9;
  const order = examples.map((_, i) => i);
  const feats = new Uint32Array(MAX_FEATS);
  const arcFeats = new Uint32Array(MAX_ARC_FEATS);
  const scores = new Float64Array(MOVES);
  const labelScores = new Float64Array(classes);
  const cost = new Int32Array(MOVES);
  for (let it = 0; it < options.iterations; it++) {
    shuffle(order, rng);
    let right = 0;
    let labelled = 0;
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
      const fb = new FeatureBuffers(ex.input, cfg.classes);
      const onStack = new Uint8Array(n + 1);
      while (!st.terminal) {
        const k = features(st, fb, feats, cfg);
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
        let label = NO_LABEL;
        if (next !== SHIFT) {
          const [h, d] = st.arcOf(next);
          const ak = arcFeatures(st, fb, h, d, arcFeats, cfg.classes !== undefined);
          a.score(arcFeats, ak, labelScores);
          label = argmax(labelScores, classes);
          if (gold[d] === h && h !== n) {
            a.update(arcFeats, ak, ex.labels[d]!, label);
            a.tick();
            // the gold label in the first epoch, then the parser's own, as at run time
            if (it === 0) label = ex.labels[d]!;
          }
        }
        if (next === SHIFT) onStack[st.b] = 1;
        else onStack[st.stack[st.sp - 1]!] = 0;
        st.apply(next, label);
      }
      for (let i = 0; i < n; i++) {
        if (st.heads[i] === gold[i]) {
          right++;
          if (gold[i] === n || st.labels[i] === ex.labels[i]) labelled++;
        }
        total++;
      }
    }
    options.log?.(
      `parser iteration ${it + 1}: train UAS ${((100 * right) / total).toFixed(2)} LAS ${((100 * labelled) / total).toFixed(2)} (explored)`,
    );
    if (options.onEpoch && it + 1 < options.iterations) options.onEpoch(it + 1, p.compact(), a.compact());
  }
  return { parser: p.compact(), arcs: a.compact() };
}
