import type { OffsetMap } from './offsets.js';
import type {
  ArticleMeta,
  Claim,
  Entity,
  NewsEvent,
  Quote,
  Repair,
  Span,
  TextSpan,
  TimeExpression,
} from './types.js';

/** A token: a span of `text` plus its sentence index. */
export interface Token extends TextSpan {
  sentence: number;
}

/**
 * One word of the `syntax` layer (UD conventions): the syntax stage's own tokenisation of each sentence, with
 * the universal POS tag, lemma and dependency head. `head` is the index in the `syntax` array of the head word
 * (-1 for a sentence root), so clause structure can be walked without re-tokenising. Stages that need subjects,
 * objects or governing verbs read this layer instead of matching regexes over the text.
 */
export interface SyntaxWord extends TextSpan {
  /** Index of the sentence in the `sentences` layer. */
  sentence: number;
  /** Universal POS tag (NOUN, PROPN, VERB, AUX, ADP, …). */
  upos: string;
  lemma: string;
  /** Index of the head word in the `syntax` array; -1 for the root of its sentence. */
  head: number;
  /** Universal dependency relation, with subtype when predicted (nsubj, obj, obl:tmod, …). */
  deprel: string;
  /**
   * Set on the root word of each chunk when an over-long sentence was parsed in chunks (bad input such as a
   * 5,000-word run-on); says why, so that consumers can discount clause structure there.
   */
  warning?: string;
}

/**
 * One coreference chain of the `coref` layer: the mentions (spans) that refer to one entity, each with the
 * rule that linked it. Assigned once by the entities stage; quotes, events and claims read it.
 */
export interface CorefChain {
  /** The entity id (`e1`, …) the chain resolves to. */
  entity: string;
  mentions: { start: number; end: number; text: string; rule: string }[];
}

/**
 * Every annotation layer a stage can assign. `text` and `offsetMap` are assigned by the repair stage; all
 * other spans index into that repaired text.
 */
export interface Layers {
  text: string;
  offsetMap: OffsetMap;
  repairs: Repair[];
  paragraphs: Span[];
  sentences: Span[];
  tokens: Token[];
  syntax: SyntaxWord[];
  entities: Entity[];
  coref: CorefChain[];
  quotes: Quote[];
  times: TimeExpression[];
  claims: Claim[];
  events: NewsEvent[];
}

export type LayerName = keyof Layers;

/** Metadata the reader found (everything in `article` except id and text). */
export type DocumentMeta = Omit<ArticleMeta, 'id' | 'text'>;

/** What a reader hands to the pipeline: the raw input and where its body lies. */
export interface DocumentSource {
  /** The whole decoded input (file contents, or the record's text for JSON input). */
  raw: string;
  /** The body's region in `raw`. */
  body: Span;
  meta: DocumentMeta;
  /** Repairs the reader made itself (e.g. a removed truncated standfirst), with raw offsets. */
  repairs: Repair[];
  warnings: string[];
}

/**
 * One article: its source and the layers assigned so far. Stages receive it read-only; only the pipeline
 * runner produces a new Document with merged layers.
 */
export class Document {
  readonly id: string;
  readonly source: Readonly<DocumentSource>;
  private readonly layers: Readonly<Partial<Layers>>;

  constructor(id: string, source: DocumentSource, layers: Partial<Layers> = {}) {
    this.id = id;
    this.source = Object.freeze({ ...source });
    this.layers = Object.freeze({ ...layers });
  }

  /** The body before repair. */
  get rawBody(): string {
    return this.source.raw.slice(this.source.body.start, this.source.body.end);
  }

  has(name: LayerName): boolean {
    return this.layers[name] !== undefined;
  }

  /** A layer's value; throws if a stage asks for a layer no earlier stage assigned (a contract bug). */
  get<K extends LayerName>(name: K): Layers[K] {
    const v = this.layers[name];
    if (v === undefined) throw new Error(`layer '${name}' is not assigned`);
    return v as Layers[K];
  }

  /** The repaired text (assigned by the repair stage). */
  get text(): string {
    return this.get('text');
  }

  /** A new Document with `patch` merged over the current layers. */
  with(patch: Partial<Layers>): Document {
    return new Document(this.id, this.source, { ...this.layers, ...patch });
  }
}

/** Metadata with every field unknown: the starting point for readers and for plain text. */
export function emptyMeta(): DocumentMeta {
  return {
    source: null,
    url: null,
    published: null,
    headline: null,
    byline: null,
    dateline: null,
    version: null,
  };
}

/**
 * A source whose whole text is the body, for plain text with no layout (evaluation sentences, tests, API
 * input that is already clean). `meta` fills in what the caller knows.
 */
export function plainSource(text: string, meta: Partial<DocumentMeta> = {}): DocumentSource {
  return {
    raw: text,
    body: { start: 0, end: text.length },
    meta: { ...emptyMeta(), ...meta },
    repairs: [],
    warnings: [],
  };
}
