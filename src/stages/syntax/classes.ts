import type { EncodedSentence } from './encode.js';

/**
 * Distributional word classes for the syntax models (Koo, Carreras & Collins 2008 use Brown clusters this way):
 * a table of words, each with its class at a few granularities (32, 128, 512), learnt from unlabelled text by
 * `npm run train:clusters` (predictive exchange clustering). A word the treebank never had still shares the
 * evidence of the words of its class, in the tagger (unknown words) and in the parser (bilexical templates
 * backed off to classes). The table is stored in the model file's header.
 */
export interface WordClassesFile {
  /** Class counts, coarse to fine (32, 128, 512). */
  sizes: number[];
  /** Words as the table keeps them (case kept; a sentence's first word in its commonest form). */
  words: string[];
  /** `ids[g][i]`: class of `words[i]` at granularity `g` (0-based). */
  ids: number[][];
  /** The unlabelled text the classes were learnt from, with its licences. */
  data?: string;
}

/** Class values per position at three granularities (coarse, middle, fine); 0 means "not in the table". */
export interface ClassIds {
  c0: Uint16Array;
  c1: Uint16Array;
  c2: Uint16Array;
}

/** The class values of the root token and of "no word" in the parser's buffers. */
export const ROOT_CLASS = 0xfffe;
export const NO_CLASS = 0xffff;

export class WordClasses {
  readonly file: WordClassesFile;
  /** Word → index into `packed` (three class values + 1 per word). */
  private readonly index = new Map<string, number>();
  private readonly packed: Uint16Array;
  /** Memo of the encoded sentences this table has annotated (a sentence is often tagged then parsed). */
  private readonly memo = new WeakMap<EncodedSentence, ClassIds>();

  constructor(file: WordClassesFile) {
    if (!Array.isArray(file.sizes) || file.sizes.length === 0 || file.ids.length !== file.sizes.length) {
      throw new Error('syntax: malformed word-class table');
    }
    this.file = file;
    const G = file.sizes.length;
    // three granularities: the first, the middle and the last of the table's
    const pick = [0, Math.floor((G - 1) / 2), G - 1];
    this.packed = new Uint16Array(file.words.length * 3);
    file.words.forEach((w, i) => {
      this.index.set(w, i * 3);
      for (let g = 0; g < 3; g++) this.packed[i * 3 + g] = file.ids[pick[g]!]![i]! + 1;
    });
  }

  /** Index into `packed` of a word as the table keeps it: as written, else title case (capitals), else lower. */
  private find(w: string): number {
    const asWritten = this.index.get(w);
    if (asWritten !== undefined) return asWritten;
    const lower = w.toLowerCase();
    if (lower === w) return -1;
    if (w.length > 1 && w === w.toUpperCase()) {
      const title = this.index.get(w[0]! + lower.slice(1));
      if (title !== undefined) return title;
    }
    return this.index.get(lower) ?? -1;
  }

  /** The class values of one word (coarse, middle, fine; 0 when the word is not in the table). */
  classOf(w: string): [number, number, number] {
    const at = this.find(w);
    return at < 0 ? [0, 0, 0] : [this.packed[at]!, this.packed[at + 1]!, this.packed[at + 2]!];
  }

  /** The class values of a sentence's words, computed once per encoded sentence. */
  of(e: EncodedSentence): ClassIds {
    let c = this.memo.get(e);
    if (c) return c;
    const n = e.n;
    c = { c0: new Uint16Array(n), c1: new Uint16Array(n), c2: new Uint16Array(n) };
    for (let i = 0; i < n; i++) {
      const at = this.find(e.forms[i]!);
      if (at < 0) continue;
      c.c0[i] = this.packed[at]!;
      c.c1[i] = this.packed[at + 1]!;
      c.c2[i] = this.packed[at + 2]!;
    }
    this.memo.set(e, c);
    return c;
  }
}
