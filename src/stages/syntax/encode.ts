import { hashString, mix } from './hash.js';

/** The universal POS tags in a fixed order (model class ids). */
export const UPOS = [
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
] as const;

export type Upos = (typeof UPOS)[number];

const UPOS_ID = new Map<string, number>(UPOS.map((t, i) => [t, i]));

/** Class id of a UPOS tag; unknown tags map to X. */
export function uposId(tag: string): number {
  return UPOS_ID.get(tag) ?? UPOS.length - 1;
}

/** Hash values that stand for "no token here" and for the sentence boundaries. */
export const NONE = hashString('<none>');
export const START = hashString('<s>');
export const END = hashString('</s>');

/**
 * A sentence's words as integer hashes, computed once and shared by the tagger, the parser and the labeller,
 * so that no feature extraction builds strings.
 */
export interface EncodedSentence {
  n: number;
  forms: readonly string[];
  /** Hash of the lower-cased form (numbers normalised to one shape per digit pattern). */
  lower: Uint32Array;
  /** Hash of the exact form. */
  form: Uint32Array;
  suf1: Uint32Array;
  suf2: Uint32Array;
  suf3: Uint32Array;
  suf4: Uint32Array;
  pre1: Uint32Array;
  pre3: Uint32Array;
  /** Hash of the word shape ("Xx", "d,d", "x-x"). */
  shape: Uint32Array;
}

/** Collapsed word shape: X for capitals, x for lower-case letters, d for digits, runs collapsed. */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length && out.length < 8; i++) {
    const c = w.charCodeAt(i);
    let k: string;
    if (c >= 48 && c <= 57) k = 'd';
    else if (c >= 65 && c <= 90) k = 'X';
    else if (c >= 97 && c <= 122) k = 'x';
    else {
      const ch = w[i]!;
      k = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    }
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

/** Lower-cased form, with digits folded so that all numbers of one pattern share a vector ("dd,ddd"). */
export function normalForm(w: string): string {
  const lower = w.toLowerCase();
  if (!/\d/.test(lower)) return lower;
  return lower.replace(/\d/g, '0');
}

const SUFFIX_CACHE_LIMIT = 50_000;
const cache = new Map<string, Uint32Array>();

function wordVector(w: string): Uint32Array {
  let v = cache.get(w);
  if (v) return v;
  const lower = normalForm(w);
  const n = lower.length;
  v = new Uint32Array(9);
  v[0] = hashString(lower);
  v[1] = hashString(w);
  v[2] = mix(1, hashString(lower.slice(Math.max(0, n - 1))));
  v[3] = mix(2, hashString(lower.slice(Math.max(0, n - 2))));
  v[4] = mix(3, hashString(lower.slice(Math.max(0, n - 3))));
  v[5] = mix(4, hashString(lower.slice(Math.max(0, n - 4))));
  v[6] = mix(5, hashString(lower.slice(0, 1)));
  v[7] = mix(6, hashString(lower.slice(0, 3)));
  v[8] = mix(7, hashString(wordShape(w)));
  if (cache.size >= SUFFIX_CACHE_LIMIT) cache.clear();
  cache.set(w, v);
  return v;
}

/** Encodes a sentence's word forms (bounded cache of per-word hashes). */
export function encodeSentence(forms: readonly string[]): EncodedSentence {
  const n = forms.length;
  const e: EncodedSentence = {
    n,
    forms,
    lower: new Uint32Array(n),
    form: new Uint32Array(n),
    suf1: new Uint32Array(n),
    suf2: new Uint32Array(n),
    suf3: new Uint32Array(n),
    suf4: new Uint32Array(n),
    pre1: new Uint32Array(n),
    pre3: new Uint32Array(n),
    shape: new Uint32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const v = wordVector(forms[i]!);
    e.lower[i] = v[0]!;
    e.form[i] = v[1]!;
    e.suf1[i] = v[2]!;
    e.suf2[i] = v[3]!;
    e.suf3[i] = v[4]!;
    e.suf4[i] = v[5]!;
    e.pre1[i] = v[6]!;
    e.pre3[i] = v[7]!;
    e.shape[i] = v[8]!;
  }
  return e;
}

/**
 * The tagger's tag inventory. With fine tags each class is a UPOS tag paired with the treebank's language-
 * specific tag (`VERB|VBN`, `VERB|VBD`), which the parser reads as its part-of-speech feature: the finer
 * distinction (participle or past tense, "to" or preposition) is what decides many attachments. Each class maps
 * back to its UPOS tag for the output.
 */
export class TagSet {
  readonly names: readonly string[];
  /** UPOS id of each tag id. */
  readonly upos: Uint8Array;
  private readonly index: Map<string, number>;

  constructor(names: readonly string[]) {
    if (names.length === 0 || names.length > 250) {
      throw new Error(`syntax: a tag set needs 1 to 250 tags, got ${names.length}`);
    }
    this.names = names;
    this.index = new Map(names.map((n, i) => [n, i]));
    this.upos = Uint8Array.from(names, (n) => uposId(n.split('|')[0]!));
  }

  /** Id of a tag name; -1 when unknown. */
  id(name: string): number {
    return this.index.get(name) ?? -1;
  }

  /** The tag name of a treebank word under this inventory's granularity. */
  static nameOf(word: { upos: string; xpos?: string }, fine: boolean): string {
    return fine && word.xpos && word.xpos !== '_' ? `${word.upos}|${word.xpos}` : word.upos;
  }

  /** The tags of a treebank, most frequent first. */
  static fromTreebank(words: Iterable<{ upos: string; xpos?: string }>, fine: boolean): TagSet {
    const counts = new Map<string, number>();
    for (const w of words) {
      const n = TagSet.nameOf(w, fine);
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    return new TagSet([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n));
  }
}
