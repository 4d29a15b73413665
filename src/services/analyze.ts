import { createHash } from 'node:crypto';
import { Document, type DocumentSource } from '../core/document.js';
import { createPipeline, type Pipeline } from '../core/pipeline.js';
import { ANALYSIS_FORMAT, type Analysis } from '../core/types.js';
import { firstSentenceHeadline } from '../ingest/title.js';
import { readWireText } from '../ingest/wire-text.js';
import { claimsStage } from '../stages/claims/index.js';
import { entitiesStage } from '../stages/entities/index.js';
import { type EventsOptions, eventsStage } from '../stages/events/index.js';
import { quotesStage } from '../stages/quotes/index.js';
import { repairStage } from '../stages/repair/index.js';
import { sentencesStage } from '../stages/sentences/index.js';
import { type SyntaxOptions, syntaxStage } from '../stages/syntax/index.js';
import { timesStage } from '../stages/times/index.js';

/** Options for one analysis. Metadata given here overrides what the reader found in the text. */
export interface AnalyzeOptions {
  /** Publication date (ISO date or date-time); anchors relative dates. */
  published?: string | null;
  source?: string | null;
  url?: string | null;
  headline?: string | null;
}

let defaultPipeline: Pipeline | undefined;

/** Per-stage options for building a pipeline other than the default (evaluation, experiments). */
export interface PipelineOptions {
  events?: EventsOptions;
  /** Syntax stage options; `false` leaves the stage out (benchmark baseline; stages that require it fail). */
  syntax?: SyntaxOptions | false;
}

/** The standard stages in order; benchmarks that need a variant pass stage options instead of re-listing them. */
export function createDefaultPipeline(options: PipelineOptions = {}): Pipeline {
  return createPipeline([
    repairStage(),
    sentencesStage(),
    ...(options.syntax === false ? [] : [syntaxStage(options.syntax)]),
    entitiesStage(),
    timesStage(),
    quotesStage(),
    claimsStage(),
    eventsStage(options.events),
  ]);
}

/** The standard pipeline, built and order-checked once per process. */
export function getDefaultPipeline(): Pipeline {
  defaultPipeline ??= createDefaultPipeline();
  return defaultPipeline;
}

/** Stable article id: a content hash of the raw input, so re-ingesting the same text does not duplicate. */
export function articleId(raw: string): string {
  return 'sha256:' + createHash('sha256').update(raw, 'utf8').digest('hex');
}

function applyOverrides(source: DocumentSource, options: AnalyzeOptions): DocumentSource {
  const meta = { ...source.meta };
  if (options.published) meta.published = options.published;
  if (options.source) meta.source = options.source;
  if (options.url) meta.url = options.url;
  if (options.headline) meta.headline = options.headline;
  return { ...source, meta };
}

/** Runs the pipeline over a read source and returns the Document with every layer. */
export function analyzeDocument(
  source: DocumentSource,
  options: AnalyzeOptions = {},
  pipeline?: Pipeline,
): Document {
  const src = applyOverrides(source, options);
  const doc = new Document(articleId(src.raw), src);
  return (pipeline ?? getDefaultPipeline()).run(doc);
}

/** Converts an analysed Document into the public analysis object. */
export function toAnalysis(doc: Document): Analysis {
  const opt = <K extends 'entities' | 'quotes' | 'times' | 'claims' | 'events'>(k: K) =>
    doc.has(k) ? doc.get(k) : [];
  const sentences = doc.get('sentences');
  // No headline in the title slot (`unchanged`, an ATTENTION note, nothing): the first sentence stands in.
  const fallback = doc.source.meta.headline ? null : firstSentenceHeadline(doc.text, sentences);
  const analysis: Analysis = {
    format: ANALYSIS_FORMAT,
    article: {
      id: doc.id,
      ...doc.source.meta,
      headline: doc.source.meta.headline ?? fallback,
      text: doc.text,
    },
    repairs: doc.get('repairs'),
    sentences: sentences.map((s) => ({ start: s.start, end: s.end })),
    entities: opt('entities'),
    quotes: opt('quotes'),
    times: opt('times'),
    claims: opt('claims'),
    events: opt('events'),
  };
  const warnings = [...doc.source.warnings];
  // an over-long sentence parsed in chunks: its structure (and what is read off it) is less sure
  if (doc.has('syntax')) {
    let last = -1;
    for (const w of doc.get('syntax')) {
      if (!w.warning || w.sentence === last) continue;
      last = w.sentence;
      warnings.push(`${w.warning} (the sentence at offset ${sentences[w.sentence]?.start ?? w.start})`);
    }
  }
  if (fallback) warnings.push('no headline in the title slot: the first sentence stands in');
  if (warnings.length > 0) analysis.warnings = warnings;
  return analysis;
}

/**
 * Analyses one article. `input` is raw wire text (read with the wire-text reader) or an already read source
 * (from the JSON, HTML or feed readers).
 */
export function analyze(input: string | DocumentSource, options: AnalyzeOptions = {}): Analysis {
  const source = typeof input === 'string' ? readWireText(input) : input;
  return toAnalysis(analyzeDocument(source, options));
}
