/**
 * The public analysis format (`../shared/spec/analysis-format.md`, version 1) as TypeScript types.
 * These names are a contract: fields may be added, never renamed.
 */

/** Half-open `[start, end)` range in UTF-16 code units of `article.text`. */
export interface Span {
  start: number;
  end: number;
}

/** A span with the substring it covers, so readers never need to re-slice. */
export interface TextSpan extends Span {
  text: string;
}

export interface VersionTag {
  /** The marker as printed, e.g. `3rd LD`, `LEAD`, `URGENT`, `ATTENTION - UPDATES throughout`. */
  tag: string;
  /** Update number when the marker carries one (`LEAD` = 1, `2nd LD` = 2), else null. */
  number: number | null;
}

export interface ArticleMeta {
  id: string;
  source: string | null;
  url: string | null;
  published: string | null;
  headline: string | null;
  byline: string | null;
  dateline: string | null;
  version: VersionTag | null;
  text: string;
}

export type RepairKind =
  | 'joined-split-word'
  | 'line-break-to-space'
  | 'joined-hyphen-space'
  | 'mojibake'
  | 'nbsp'
  | 'control-character'
  | 'collapsed-whitespace'
  | 'removed-truncated-standfirst'
  | (string & {});

export interface Repair extends Span {
  kind: RepairKind;
  /** Where the replaced text sat in the raw input. */
  raw: Span;
  before: string;
  after: string;
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC' | 'EVENT' | 'LAW' | (string & {});

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  kb: string | null;
  country: string | null;
  role: string | null;
  mentions: TextSpan[];
}

export type QuoteKind = 'direct' | 'partial' | 'indirect';

export interface Quote extends TextSpan {
  id: string;
  kind: QuoteKind;
  speaker: string | null;
  speakerName: string | null;
  cue: TextSpan | null;
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeExpression extends TextSpan {
  id: string;
  type: TimeType;
  value: string | null;
}

export type Qualifier =
  | 'exact'
  | 'approx'
  | 'at least'
  | 'at most'
  | 'more than'
  | 'less than'
  | 'up to'
  | 'range'
  | (string & {});

export interface Claim extends TextSpan {
  id: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  unit: string | null;
  subject: string | null;
  source: string | null;
  sourceName: string | null;
  time: string | null;
}

export type PloverType =
  | 'AGREE'
  | 'CONSULT'
  | 'SUPPORT'
  | 'CONCEDE'
  | 'COOPERATE'
  | 'AID'
  | 'RETREAT'
  | 'INVESTIGATE'
  | 'DEMAND'
  | 'DISAPPROVE'
  | 'REJECT'
  | 'THREATEN'
  | 'PROTEST'
  | 'MOBILIZE'
  | 'SANCTION'
  | 'COERCE'
  | 'ASSAULT'
  | 'FIGHT'
  | 'CRIME';

export type Modality = 'asserted' | 'reported' | 'expected' | 'hypothetical' | 'negated';

export interface NewsEvent {
  id: string;
  type: PloverType;
  mode: string | null;
  cameo: string | null;
  actors: string[];
  targets: string[];
  location: string | null;
  date: string | null;
  time: string | null;
  modality: Modality;
  trigger: TextSpan;
  sentence: number;
  quote: string | null;
}

export const ANALYSIS_FORMAT = 'newsintel.analysis/1' as const;

/** One article's analysis: what `analyze --json`, the HTTP API and the JSONL export all emit. */
export interface Analysis {
  format: typeof ANALYSIS_FORMAT;
  article: ArticleMeta;
  repairs: Repair[];
  sentences: Span[];
  entities: Entity[];
  quotes: Quote[];
  times: TimeExpression[];
  claims: Claim[];
  events: NewsEvent[];
  /** Non-fatal notes from reading and analysing (unknown layout, decoding fallbacks). Added field. */
  warnings?: string[];
}
