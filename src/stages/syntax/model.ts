import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { NewsintelError } from '../../core/errors.js';
import { encodeSentence, TagSet, UPOS } from './encode.js';
import { Lemmatizer, type LemmatizerFile } from './lemmatizer.js';
import { parseSentence } from './parser.js';
import { CompactModel, type CompactModelFile } from './perceptron.js';
import { UposTagger } from './tagger.js';

export const MODEL_FORMAT = 'newsintel-syntax';
export const MODEL_VERSION = 2;

/** File name of the shipped model under `models/parser/`. */
export const DEFAULT_SYNTAX_MODEL_FILE = 'parser-ud-en.json.gz';

/** What the model file records about its own training (shown by `evaluate conllu` and the README). */
export interface SyntaxModelMeta {
  /** Treebank files the weights were trained on. */
  data: string[];
  /** Licence of that training data. */
  licence: string;
  seed: number;
  iterations: { tagger: number; parser: number };
  /** Weights below this magnitude were dropped when the file was written. */
  prune?: number;
}

interface SyntaxModelFile {
  format: string;
  version: number;
  meta: SyntaxModelMeta;
  labels: string[];
  tags: string[];
  hyphenPrefixes: string[];
  tagDict: [string, number][];
  tagger: CompactModelFile;
  parser: CompactModelFile;
  arcs: CompactModelFile;
  lemmatizer: LemmatizerFile;
}

/** One analysed word: UPOS, lemma, head (index in the sentence, -1 for the root) and relation. */
export interface ParsedWord {
  form: string;
  upos: string;
  lemma: string;
  head: number;
  deprel: string;
}

/**
 * The syntax model: UPOS tagger, lemmatiser, arc-hybrid parser and its arc labeller, all trained by
 * `npm run train:parser` on Universal Dependencies English. One instance is read-only and shared.
 */
export class SyntaxModel {
  readonly tagger: UposTagger;
  readonly lemmatizer: Lemmatizer;
  readonly parser: CompactModel;
  /** The arc labeller the parser runs as it builds each arc. */
  readonly arcs: CompactModel;
  readonly labels: readonly string[];
  readonly meta: SyntaxModelMeta;
  /** Lower-cased first parts of hyphenated words the treebank keeps whole ("e" of "e-mail"). */
  readonly hyphenPrefixes: ReadonlySet<string>;

  constructor(parts: {
    tagger: UposTagger;
    lemmatizer: Lemmatizer;
    parser: CompactModel;
    arcs: CompactModel;
    labels: readonly string[];
    meta: SyntaxModelMeta;
    hyphenPrefixes: Iterable<string>;
  }) {
    this.hyphenPrefixes = new Set(parts.hyphenPrefixes);
    this.tagger = parts.tagger;
    this.lemmatizer = parts.lemmatizer;
    this.parser = parts.parser;
    this.arcs = parts.arcs;
    this.labels = parts.labels;
    this.meta = parts.meta;
  }

  /** Tags, lemmatises and parses one tokenised sentence. Time is linear in the number of words. */
  parse(forms: readonly string[]): ParsedWord[] {
    if (forms.length === 0) return [];
    const e = encodeSentence(forms);
    const tags = this.tagger.tagIds(e);
    const uposOf = this.tagger.tagset.upos;
    const input = { e, tags, upos: Uint8Array.from(tags, (t) => uposOf[t]!) };
    const { heads, labels } = parseSentence(this.parser, this.arcs, input);
    const out: ParsedWord[] = new Array(forms.length);
    for (let i = 0; i < forms.length; i++) {
      const upos = UPOS[input.upos[i]!]!;
      out[i] = {
        form: forms[i]!,
        upos,
        lemma: this.lemmatizer.lemma(forms[i]!, upos),
        head: heads[i]!,
        deprel: heads[i]! < 0 ? 'root' : (this.labels[labels[i]!] ?? 'dep'),
      };
    }
    return out;
  }

  toFile(): Buffer {
    const file: SyntaxModelFile = {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      meta: this.meta,
      labels: [...this.labels],
      tags: [...this.tagger.tagset.names],
      hyphenPrefixes: [...this.hyphenPrefixes].sort(),
      tagDict: [...this.tagger.tagDict],
      tagger: (this.tagger.model as CompactModel).toFile(),
      parser: this.parser.toFile(),
      arcs: this.arcs.toFile(),
      lemmatizer: this.lemmatizer.toFile(),
    };
    return gzipSync(JSON.stringify(file), { level: 9 });
  }

  static fromFile(buf: Buffer): SyntaxModel {
    let file: SyntaxModelFile;
    try {
      file = JSON.parse(gunzipSync(buf).toString('utf8')) as SyntaxModelFile;
    } catch (e) {
      throw new NewsintelError('E_INPUT_FORMAT', 'syntax model: not a gzipped JSON model file', { cause: e });
    }
    if (file.format !== MODEL_FORMAT || file.version !== MODEL_VERSION) {
      throw new NewsintelError(
        'E_INPUT_FORMAT',
        `syntax model: unsupported format ${file.format}/${file.version}`,
      );
    }
    return new SyntaxModel({
      tagger: new UposTagger(
        CompactModel.fromFile(file.tagger),
        new TagSet(file.tags),
        new Map(file.tagDict),
      ),
      lemmatizer: new Lemmatizer(file.lemmatizer),
      parser: CompactModel.fromFile(file.parser),
      arcs: CompactModel.fromFile(file.arcs),
      labels: file.labels,
      meta: file.meta,
      hyphenPrefixes: file.hyphenPrefixes ?? [],
    });
  }
}

function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'models'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new NewsintelError('E_NOT_FOUND', 'syntax: no package root with models/');
    dir = up;
  }
}

/** Path of the shipped model file. */
export function defaultSyntaxModelPath(): string {
  return path.join(packageRoot(), 'models', 'parser', DEFAULT_SYNTAX_MODEL_FILE);
}

/** Loads a model file; E_NOT_FOUND when it is missing. */
export function loadSyntaxModel(file: string): SyntaxModel {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new NewsintelError(
      'E_NOT_FOUND',
      `syntax: model file ${file} not found (run npm run train:parser)`,
      {
        cause: e,
      },
    );
  }
  return SyntaxModel.fromFile(buf);
}

let cached: SyntaxModel | null = null;

/** The shipped model, loaded once on first use and shared (a cache of one). */
export function loadDefaultSyntaxModel(): SyntaxModel {
  cached ??= loadSyntaxModel(defaultSyntaxModelPath());
  return cached;
}
