import type { Document, SyntaxWord } from '../../core/document.js';
import { NewsintelError } from '../../core/errors.js';
import { defineStage, type Stage } from '../../core/stage.js';
import { UPOS } from './encode.js';
import { loadDefaultSyntaxModel, loadSyntaxModel, type SyntaxModel } from './model.js';
import { type SyntaxToken, udTokenize } from './tokenize.js';

export { type ConlluSentence, type ConlluWord, parseConllu } from './conllu.js';
export { defaultSyntaxModelPath, loadDefaultSyntaxModel, type ParsedWord, SyntaxModel } from './model.js';
export { SyntaxIndex } from './query.js';
export { type SyntaxToken, udTokenize } from './tokenize.js';

/** Options of the syntax stage. */
export interface SyntaxOptions {
  /**
   * Longest sentence (in words) parsed as one unit. A longer "sentence" (a table, a list, garbled text) is
   * parsed in chunks of at most this many words, cut after punctuation where possible; the root word of each
   * chunk carries a warning. Default 250.
   */
  maxSentenceWords?: number;
  /** Model file to use instead of the shipped one (experiments, evaluation of a candidate model). */
  modelPath?: string;
}

const DEFAULT_MAX_WORDS = 250;
const CUT_AFTER = new Set([',', ';', ':', '.', '!', '?', '--', '—', '–', '-', ')']);

function validate(options: SyntaxOptions): Required<Pick<SyntaxOptions, 'maxSentenceWords'>> & SyntaxOptions {
  if (options === null || typeof options !== 'object') {
    throw new NewsintelError('E_OPTIONS', 'syntax: options must be an object');
  }
  for (const k of Object.keys(options)) {
    if (k !== 'maxSentenceWords' && k !== 'modelPath') {
      throw new NewsintelError('E_OPTIONS', `syntax: unknown option '${k}'`);
    }
  }
  const max = options.maxSentenceWords ?? DEFAULT_MAX_WORDS;
  if (!Number.isInteger(max) || max < 10) {
    throw new NewsintelError('E_OPTIONS', `syntax: maxSentenceWords must be an integer ≥ 10, got ${max}`);
  }
  if (options.modelPath !== undefined && typeof options.modelPath !== 'string') {
    throw new NewsintelError('E_OPTIONS', 'syntax: modelPath must be a string');
  }
  return { ...options, maxSentenceWords: max };
}

/** Splits a long word sequence into chunks of at most `max` words, cutting after punctuation where possible. */
export function chunkWords(words: readonly SyntaxToken[], max: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  while (words.length - from > max) {
    let cut = from + max;
    for (let i = from + max - 1; i >= from + Math.floor(max / 2); i--) {
      if (CUT_AFTER.has(words[i]!.text)) {
        cut = i + 1;
        break;
      }
    }
    out.push([from, cut]);
    from = cut;
  }
  out.push([from, words.length]);
  return out;
}

/**
 * Parses every sentence of a document into `SyntaxWord`s (heads are indices into the returned array).
 * Exported for callers that hold a model of their own; the stage uses the shipped one.
 */
export function parseDocument(
  model: SyntaxModel,
  text: string,
  tokens: Parameters<typeof udTokenize>[1],
  maxWords = DEFAULT_MAX_WORDS,
): SyntaxWord[] {
  const words = udTokenize(text, tokens, { hyphenPrefixes: model.hyphenPrefixes });
  const out: SyntaxWord[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i;
    const sentence = words[i]!.sentence;
    while (j < words.length && words[j]!.sentence === sentence) j++;
    const n = j - i;
    const chunks: [number, number][] = n > maxWords ? chunkWords(words.slice(i, j), maxWords) : [[0, n]];
    for (const [a, b] of chunks) {
      const base = out.length;
      const forms: string[] = new Array(b - a);
      for (let k = a; k < b; k++) forms[k - a] = words[i + k]!.text;
      const { upos, heads, labels } = model.analyse(forms);
      for (let k = 0; k < forms.length; k++) {
        const w = words[i + a + k]!;
        const u = upos[k]!;
        const head = heads[k]!;
        const word: SyntaxWord = {
          start: w.start,
          end: w.end,
          text: w.text,
          sentence,
          upos: UPOS[u]!,
          lemma: model.lemmaOf(w.text, u),
          head: head < 0 ? -1 : base + head,
          deprel: model.deprelOf(head, labels[k]!),
        };
        if (chunks.length > 1 && head < 0) {
          word.warning = `sentence of ${n} words parsed in ${chunks.length} chunks of at most ${maxWords}`;
        }
        out.push(word);
      }
    }
    i = j;
  }
  return out;
}

/**
 * The syntax stage: UD tokenisation, UPOS tags, lemmas and a labelled dependency tree for every sentence
 * (the `syntax` layer). Later stages read clause structure from it (`SyntaxIndex`) instead of matching
 * regular expressions. The model is read from `models/parser/` on first use and shared; parsing is linear in
 * sentence length, and over-long sentences are parsed in chunks with a warning on each chunk's root.
 */
export function syntaxStage(options: SyntaxOptions = {}): Stage<SyntaxOptions> {
  const opts = validate(options);
  let own: SyntaxModel | null = null;
  const model = (): SyntaxModel => {
    if (opts.modelPath === undefined) return loadDefaultSyntaxModel();
    own ??= loadSyntaxModel(opts.modelPath);
    return own;
  };
  return defineStage({
    name: 'syntax',
    requires: ['text', 'sentences', 'tokens'],
    assigns: ['syntax'],
    options: opts,
    run(doc: Document) {
      return { syntax: parseDocument(model(), doc.text, doc.get('tokens'), opts.maxSentenceWords) };
    },
  });
}
