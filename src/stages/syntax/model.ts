import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { NewsintelError } from '../../core/errors.js';
import { WordClasses, type WordClassesFile } from './classes.js';
import { encodeSentence, TagSet, UPOS } from './encode.js';
import { Lemmatizer, type LemmatizerFile } from './lemmatizer.js';
import { type ParserConfig, parseSentence } from './parser.js';
import { CompactModel, type CompactModelFile } from './perceptron.js';
import { UposTagger } from './tagger.js';

export const MODEL_FORMAT = 'newsintel-syntax';
export const MODEL_VERSION = 2;

/** File name of the shipped model under `models/parser/` (binary container, see {@link SyntaxModel.toFile}). */
export const DEFAULT_SYNTAX_MODEL_FILE = 'parser-ud-en.bin.gz';

/** First bytes of the binary container (after gunzip); anything else is read as the older gzipped JSON. */
const BINARY_MAGIC = 'NXSYNTX1';

/** Where one typed array lies in the binary container: byte offset from the start and element count. */
type Section = [offset: number, length: number];

interface BinaryTable {
  classes: number;
  scale: number;
  keys: Section;
  lens: Section;
  cls: Section;
  val: Section;
}

/** The binary container's JSON header: everything but the weight tables, which follow as raw arrays. */
interface BinaryHeader extends Omit<SyntaxModelFile, 'tagger' | 'parser' | 'arcs'> {
  tables: { tagger: BinaryTable; parser: BinaryTable; arcs: BinaryTable };
}

/** The three weight tables of a model file, whichever container it came in. */
interface Tables {
  tagger: CompactModel;
  parser: CompactModel;
  arcs: CompactModel;
}

/** Distinct forms whose lemmas are cached; the cache is emptied when it is full (a bounded memory). */
const LEMMA_CACHE_LIMIT = 50_000;

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
  /** The parser reads the relations of the arcs it has built (absent in older files: it does not). */
  labelFeatures?: boolean;
  /** The parser reads verbs, punctuation and quote marks between stack and buffer words (absent: it does not). */
  clauseFeatures?: boolean;
  /**
   * Which models read the word classes of the file's `wordClasses` table, and the text they were learnt from
   * (absent in older files: none does).
   */
  wordClasses?: { tagger: boolean; parser: boolean; data?: string };
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
  /** The word-class table the tagger and parser read (see {@link SyntaxModelMeta.wordClasses}). */
  wordClasses?: WordClassesFile;
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
  /** The word-class table of the file (undefined for models without class features). */
  readonly classes: WordClasses | undefined;
  /** Which feature templates the parser weights were trained with (from {@link SyntaxModelMeta}). */
  readonly parserConfig: ParserConfig;
  /** Lower-cased first parts of hyphenated words the treebank keeps whole ("e" of "e-mail"). */
  readonly hyphenPrefixes: ReadonlySet<string>;
  /** Lemma cache: form → lemma per UPOS id (see {@link lemmaOf}). */
  private readonly lemmas = new Map<string, (string | undefined)[]>();

  constructor(parts: {
    tagger: UposTagger;
    lemmatizer: Lemmatizer;
    parser: CompactModel;
    arcs: CompactModel;
    labels: readonly string[];
    meta: SyntaxModelMeta;
    hyphenPrefixes: Iterable<string>;
    /** The word-class table, for a model whose meta says the tagger or the parser reads it. */
    classes?: WordClasses;
  }) {
    this.hyphenPrefixes = new Set(parts.hyphenPrefixes);
    this.tagger = parts.tagger;
    this.lemmatizer = parts.lemmatizer;
    this.parser = parts.parser;
    this.arcs = parts.arcs;
    this.labels = parts.labels;
    this.meta = parts.meta;
    this.classes = parts.classes;
    if ((parts.meta.wordClasses?.parser || parts.meta.wordClasses?.tagger) && !parts.classes) {
      throw new NewsintelError('E_INPUT_FORMAT', 'syntax model: word-class features without a class table');
    }
    this.parserConfig = {
      labelFeatures: parts.meta.labelFeatures === true,
      clauseFeatures: parts.meta.clauseFeatures === true,
      ...(parts.meta.wordClasses?.parser ? { classes: parts.classes } : {}),
    };
  }

  /** Tags, lemmatises and parses one tokenised sentence. Time is linear in the number of words. */
  parse(forms: readonly string[]): ParsedWord[] {
    const n = forms.length;
    if (n === 0) return [];
    const { upos, heads, labels } = this.analyse(forms);
    const out: ParsedWord[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const form = forms[i]!;
      const u = upos[i]!;
      const head = heads[i]!;
      out[i] = {
        form,
        upos: UPOS[u]!,
        lemma: this.lemmaOf(form, u),
        head,
        deprel: this.deprelOf(head, labels[i]!),
      };
    }
    return out;
  }

  /**
   * {@link parse} as typed arrays (UPOS ids, heads, label ids), for callers that build their own word objects
   * (the syntax stage): no intermediate object per word.
   */
  analyse(forms: readonly string[]): { upos: Uint8Array; heads: Int32Array; labels: Int32Array } {
    const n = forms.length;
    const e = encodeSentence(forms);
    const tags = this.tagger.tagIds(e);
    const uposOf = this.tagger.tagset.upos;
    const upos = new Uint8Array(n);
    for (let i = 0; i < n; i++) upos[i] = uposOf[tags[i]!]!;
    const { heads, labels } = parseSentence(this.parser, this.arcs, { e, tags, upos }, this.parserConfig);
    return { upos, heads, labels };
  }

  /** The relation name of a word with this head (-1: the root) and label id from {@link analyse}. */
  deprelOf(head: number, label: number): string {
    return head < 0 ? 'root' : (this.labels[label] ?? 'dep');
  }

  /**
   * The lemma of a form with a UPOS id, through a bounded cache (form → lemma per tag): news repeats its words,
   * and the lexicon lookup costs a lower-casing and a string key per word.
   */
  lemmaOf(form: string, upos: number): string {
    let row = this.lemmas.get(form);
    if (row === undefined) {
      if (this.lemmas.size >= LEMMA_CACHE_LIMIT) this.lemmas.clear();
      row = new Array<string | undefined>(UPOS.length);
      this.lemmas.set(form, row);
    }
    let lemma = row[upos];
    if (lemma === undefined) {
      lemma = this.lemmatizer.lemma(form, UPOS[upos]!);
      row[upos] = lemma;
    }
    return lemma;
  }

  /**
   * The model file: gzip of a binary container, so that loading is a gunzip and a few typed-array views
   * instead of parsing 30 MB of JSON and base64 (about ten times faster, and no large transient strings).
   * Layout: the magic `NXSYNTX1`, a little-endian u32 header length, the JSON header (everything but the weight
   * tables, padded to 8 bytes), then each table's `keys`, `lens`, `cls` and `val` arrays as raw little-endian
   * bytes, each starting at a multiple of 8. {@link toJsonFile} still writes the older gzipped JSON.
   */
  /**
   * Lets the three weight tables drop the rows read from the file (see {@link CompactModel.releaseSource}): the
   * shared runtime model only scores, and keeping the gunzipped file costs 28 MB of peak memory per process.
   */
  releaseSources(): void {
    if (this.tagger.model instanceof CompactModel) this.tagger.model.releaseSource();
    this.parser.releaseSource();
    this.arcs.releaseSource();
  }

  toFile(): Buffer {
    const header: BinaryHeader = { ...this.fileFields(), tables: {} as BinaryHeader['tables'] };
    const chunks: Uint8Array[] = [];
    let at = 0;
    const names = ['tagger', 'parser', 'arcs'] as const;
    // Offsets are relative to the end of the header, which is only known once the header is written.
    for (const name of names) {
      const t = this.table(name).tables();
      const place = (a: Uint32Array | Uint8Array | Int16Array): Section => {
        const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
        const section: Section = [at, a.length];
        chunks.push(bytes);
        at += bytes.byteLength;
        const pad = (8 - (at % 8)) % 8;
        if (pad > 0) chunks.push(new Uint8Array(pad));
        at += pad;
        return section;
      };
      header.tables[name] = {
        classes: t.classes,
        scale: t.scale,
        keys: place(t.keys),
        lens: place(t.lens),
        cls: place(t.cls),
        val: place(t.val),
      };
    }
    let json = Buffer.from(JSON.stringify(header), 'utf8');
    const headLen = 12 + json.byteLength;
    const headPad = (8 - (headLen % 8)) % 8;
    json = Buffer.concat([json, Buffer.alloc(headPad, 0x20)]);
    const prefix = Buffer.alloc(12);
    prefix.write(BINARY_MAGIC, 0, 'latin1');
    prefix.writeUInt32LE(json.byteLength, 8);
    return gzipSync(Buffer.concat([prefix, json, ...chunks]), { level: 9 });
  }

  /** The older container (gzipped JSON with base64 tables), still read by {@link fromFile}. */
  toJsonFile(): Buffer {
    const file: SyntaxModelFile = {
      ...this.fileFields(),
      tagger: this.table('tagger').toFile(),
      parser: this.parser.toFile(),
      arcs: this.arcs.toFile(),
    };
    return gzipSync(JSON.stringify(file), { level: 9 });
  }

  private table(name: 'tagger' | 'parser' | 'arcs'): CompactModel {
    return name === 'tagger' ? (this.tagger.model as CompactModel) : this[name];
  }

  private fileFields(): Omit<SyntaxModelFile, 'tagger' | 'parser' | 'arcs'> {
    return {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      meta: this.meta,
      labels: [...this.labels],
      tags: [...this.tagger.tagset.names],
      hyphenPrefixes: [...this.hyphenPrefixes].sort(),
      tagDict: [...this.tagger.tagDict],
      lemmatizer: this.lemmatizer.toFile(),
      ...(this.classes ? { wordClasses: this.classes.file } : {}),
    };
  }

  /** Reads a model file in either container (binary, or the older gzipped JSON). */
  static fromFile(buf: Uint8Array): SyntaxModel {
    let raw: Buffer;
    try {
      raw = gunzipSync(buf);
    } catch (e) {
      throw new NewsintelError('E_INPUT_FORMAT', 'syntax model: not a gzipped model file', { cause: e });
    }
    if (raw.byteLength >= 12 && raw.toString('latin1', 0, 8) === BINARY_MAGIC) return fromBinary(raw);
    let file: SyntaxModelFile;
    try {
      file = JSON.parse(raw.toString('utf8')) as SyntaxModelFile;
    } catch (e) {
      throw new NewsintelError('E_INPUT_FORMAT', 'syntax model: not a gzipped JSON model file', { cause: e });
    }
    checkFormat(file);
    return assemble(file, {
      tagger: CompactModel.fromFile(file.tagger),
      parser: CompactModel.fromFile(file.parser),
      arcs: CompactModel.fromFile(file.arcs),
    });
  }
}

function checkFormat(file: { format?: unknown; version?: unknown }): void {
  if (file.format !== MODEL_FORMAT || file.version !== MODEL_VERSION) {
    throw new NewsintelError(
      'E_INPUT_FORMAT',
      `syntax model: unsupported format ${String(file.format)}/${String(file.version)}`,
    );
  }
}

function assemble(file: Omit<SyntaxModelFile, 'tagger' | 'parser' | 'arcs'>, t: Tables): SyntaxModel {
  const classes = file.wordClasses ? new WordClasses(file.wordClasses) : undefined;
  return new SyntaxModel({
    classes,
    tagger: new UposTagger(
      t.tagger,
      new TagSet(file.tags),
      new Map(file.tagDict),
      file.meta.wordClasses?.tagger ? classes : undefined,
    ),
    lemmatizer: new Lemmatizer(file.lemmatizer),
    parser: t.parser,
    arcs: t.arcs,
    labels: file.labels,
    meta: file.meta,
    hyphenPrefixes: file.hyphenPrefixes ?? [],
  });
}

function fromBinary(raw: Buffer): SyntaxModel {
  // Typed-array views need an aligned start; a gunzipped buffer normally has its own ArrayBuffer.
  const bytes = raw.byteOffset % 8 === 0 ? raw : Buffer.from(Uint8Array.prototype.slice.call(raw));
  const bad = (why: string) => new NewsintelError('E_INPUT_FORMAT', `syntax model: ${why}`);
  const headLen = bytes.readUInt32LE(8);
  if (12 + headLen > bytes.byteLength) throw bad('truncated header');
  let header: BinaryHeader;
  try {
    header = JSON.parse(bytes.toString('utf8', 12, 12 + headLen)) as BinaryHeader;
  } catch (e) {
    throw new NewsintelError('E_INPUT_FORMAT', 'syntax model: unreadable header', { cause: e });
  }
  checkFormat(header);
  const base = bytes.byteOffset + 12 + headLen;
  const end = bytes.byteOffset + bytes.byteLength;
  const view = <T>(s: Section, size: number, make: (b: ArrayBuffer, o: number, n: number) => T): T => {
    const [off, n] = s;
    if (!Number.isInteger(off) || !Number.isInteger(n) || off < 0 || n < 0 || base + off + n * size > end) {
      throw bad('a weight table lies outside the file');
    }
    return make(bytes.buffer as ArrayBuffer, base + off, n);
  };
  const table = (t: BinaryTable | undefined): CompactModel => {
    if (!t || typeof t.classes !== 'number' || typeof t.scale !== 'number')
      throw bad('malformed weight table');
    return new CompactModel(
      t.classes,
      view(t.keys, 4, (b, o, n) => new Uint32Array(b, o, n)),
      view(t.lens, 1, (b, o, n) => new Uint8Array(b, o, n)),
      view(t.cls, 1, (b, o, n) => new Uint8Array(b, o, n)),
      view(t.val, 2, (b, o, n) => new Int16Array(b, o, n)),
      t.scale,
    );
  };
  const tables = header.tables ?? ({} as BinaryHeader['tables']);
  return assemble(header, {
    tagger: table(tables.tagger),
    parser: table(tables.parser),
    arcs: table(tables.arcs),
  });
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
  if (!cached) {
    cached = loadSyntaxModel(defaultSyntaxModelPath());
    // the pipeline only scores: the file's rows (28 MB) need not stay in memory beside the hash tables
    cached.releaseSources();
  }
  return cached;
}
