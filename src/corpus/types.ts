/**
 * JSON response types of the corpus views (stories, clusters, actors, events, network, claim series), shared by
 * the services, the HTTP API (`/api/stories/:id`, `/api/clusters/:id`, `/api/actors`, `/api/actors/:id`,
 * `/api/events`, `/api/network`, `/api/claims/series`) and the web desk. These names are a contract like the
 * analysis format: fields may be added, never renamed or removed.
 *
 * Conventions: ids of corpus objects are opaque strings (`story:…`, `cluster:…`, `actor:…`, `event:…`,
 * `series:…`); article ids are the analysis `article.id` (`sha256:…`). Dates are ISO strings (`YYYY-MM-DD` or a
 * full date-time) or null when unknown. Spans are half-open UTF-16 ranges into the named article's
 * `article.text`, with the covered text.
 */
import type { Modality, PloverType, QuoteKind, Span, TextSpan, VersionTag } from '../core/types.js';

/** A page of a longer list: `total` counts every item matching the query, not just this page. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Who reported something first. */
export interface ReportRef {
  articleId: string;
  headline: string | null;
  source: string | null;
  published: string | null;
}

/** A corpus actor as other objects cite it; `id` is null when the name matched no corpus actor. */
export interface ActorRef {
  id: string | null;
  name: string;
  country: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// Stories (GET /api/stories/:id, `newsintel story`)

/** One article in a story chain, oldest first. */
export interface StoryVersion extends ReportRef {
  /** 0 for the first version. */
  position: number;
  version: VersionTag | null;
  ingestedAt: string;
  /** The analysis pipeline version that produced this article's stored analysis. */
  pipelineVersion: string | null;
}

/** Why two articles were linked as versions. */
export interface VersionLink {
  earlier: string;
  later: string;
  /** 0–1, the linker's confidence. */
  score: number;
  /** The signals that fired, e.g. `same-agency`, `version-tag`, `headline-stem`, `shared-text 0.82`. */
  signals: string[];
}

/** A paragraph-level text change between two successive versions. */
export interface TextChange {
  kind: 'added' | 'removed' | 'rewritten';
  /** The paragraph in the earlier version (null for `added`). */
  before: TextSpan | null;
  /** The paragraph in the later version (null for `removed`). */
  after: TextSpan | null;
  /** For `rewritten`: word-level spans that differ, inside `before` and `after` respectively. */
  beforeChanged?: Span[];
  afterChanged?: Span[];
  /** For `rewritten`: 0–1 word-shingle similarity of the two paragraphs. */
  similarity?: number;
}

export type FactLayer = 'quote' | 'event' | 'claim' | 'entity';

/** One fact as it stands in one version. */
export interface FactRef {
  /** The item's id inside that article's analysis (`q2`, `v1`, `c3`, `e4`). */
  annId: string;
  /** Short human label: `3,000 troops (source NIS)`, `CONSULT Kim Jong Un → Putin`, `quote by John Kirby`. */
  label: string;
  evidence: TextSpan;
}

/** A fact added, removed or changed between two successive versions. */
export interface FactChange {
  layer: FactLayer;
  change: 'added' | 'removed' | 'changed';
  before: FactRef | null;
  after: FactRef | null;
  /** One line, e.g. `claim 3,000 troops → 10,000 troops, source NIS`, `new quote by John Kirby`. */
  summary: string;
}

/** What changed from `from` (earlier) to `to` (later). */
export interface VersionDiff {
  from: string;
  to: string;
  text: TextChange[];
  facts: FactChange[];
  stats: {
    paragraphsAdded: number;
    paragraphsRemoved: number;
    paragraphsRewritten: number;
    paragraphsUnchanged: number;
  };
}

export interface StoryResponse {
  /** Stable for the story: the id of its first stored version's story record. */
  id: string;
  /** The article the request named (any version of the story). */
  requested: string;
  clusterId: string | null;
  headline: string | null;
  /** Ordered oldest first (by version number, then publication date, then link order). */
  versions: StoryVersion[];
  links: VersionLink[];
  /** One diff per step of `versions`: versions[i] → versions[i + 1], in order. */
  diffs: VersionDiff[];
  /** Articles of this story that announced an update of something not (yet) stored. */
  pendingPredecessors: { articleId: string; reason: string }[];
}

// ---------------------------------------------------------------------------------------------------------
// Events (inside clusters, GET /api/events, exports)

/** One report of a corpus event: an event item in one article. */
export interface EventMention extends ReportRef {
  /** The event's id inside that article's analysis. */
  annId: string;
  trigger: TextSpan;
  modality: Modality;
  /** The sentence holding the trigger (evidence). */
  sentence: TextSpan | null;
}

/** A deduplicated event: the same happening reported in one or more articles of a cluster. */
export interface CorpusEvent {
  id: string;
  clusterId: string;
  type: PloverType;
  mode: string | null;
  /** CAMEO code and its two-digit root. */
  cameo: string | null;
  cameoRoot: string | null;
  actors: ActorRef[];
  targets: ActorRef[];
  /** ISO alpha-3 countries of actors, targets and location. */
  countries: string[];
  location: string | null;
  date: string | null;
  /** How many event mentions (reports) were merged into this event. */
  reportCount: number;
  /** How many distinct articles report it. */
  articleCount: number;
  articleIds: string[];
  firstReport: ReportRef;
  /** Distinct agencies / sources, first reporter first. */
  sources: string[];
}

/** A corpus event with its mentions (cluster pages, `GET /api/events?…&mentions=1`). */
export interface CorpusEventDetail extends CorpusEvent {
  mentions: EventMention[];
}

/** A row of an event query: one deduplicated event; `reportCount` beside it counts the reports. */
export type EventRow = CorpusEvent;

export interface EventsResponse extends Page<EventRow> {
  /** Over the whole query (not just the page): deduplicated events and the reports behind them. */
  counts: { events: number; reports: number };
  /** Per PLOVER type over the whole query. */
  byType: { type: PloverType; events: number; reports: number }[];
  /** The filters as understood (normalised), for display. */
  query: {
    type: string | null;
    actor: string | null;
    country: string | null;
    from: string | null;
    to: string | null;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Clusters (GET /api/clusters/:id)

export interface ClusterArticle extends ReportRef {
  storyId: string | null;
  version: VersionTag | null;
}

/** One day of a timeline (per actor or per cluster). */
export interface TimelinePoint {
  date: string;
  events: number;
  reports: number;
  articles: number;
}

export interface ClusterResponse {
  id: string;
  headline: string | null;
  articles: ClusterArticle[];
  /** Distinct stories (version chains) in the cluster. */
  storyIds: string[];
  events: CorpusEventDetail[];
  /** Event mentions over all articles, and distinct articles. */
  reportCount: number;
  articleCount: number;
  firstReport: ReportRef;
  sources: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  timeline: TimelinePoint[];
}

// ---------------------------------------------------------------------------------------------------------
// Actors (GET /api/actors?q=, GET /api/actors/:id, `newsintel actor`)

export interface ActorSummary {
  id: string;
  name: string;
  /** Entity type (PERSON, ORG, GPE, …). */
  type: string;
  kb: string | null;
  country: string | null;
  role: string | null;
  aliases: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  mentionCount: number;
  articleCount: number;
}

export interface ActorMention extends ReportRef {
  /** The entity id inside that article's analysis. */
  annId: string;
  /** The name as written there. */
  name: string;
  /** Every mention of the actor in that article. */
  spans: TextSpan[];
  /**
   * The role and country this article gives the actor, on the one mention the actor row takes them from
   * (absent on the others and on facts stored before linker 3): the actor's role and country are those of the
   * latest article that gives one, whatever the order the articles were linked in.
   */
  role?: string | null;
  country?: string | null;
}

export interface ActorQuote extends ReportRef {
  annId: string;
  kind: QuoteKind;
  quote: TextSpan;
  cue: TextSpan | null;
}

/** An actor this actor met (CONSULT events), with how often. */
export interface MetActor {
  actor: ActorRef;
  /** Deduplicated CONSULT events. */
  weight: number;
  reports: number;
  firstDate: string | null;
  lastDate: string | null;
}

export interface ActorResponse extends ActorSummary {
  mentions: Page<ActorMention>;
  quotes: Page<ActorQuote>;
  /** Corpus events with the actor as actor or target. */
  events: Page<EventRow>;
  claims: Page<ClaimPoint>;
  met: MetActor[];
  timeline: TimelinePoint[];
}

// ---------------------------------------------------------------------------------------------------------
// Network (GET /api/network?from=&to=)

export interface NetworkNode {
  actor: ActorRef;
  /** Sum of the weights of its edges. */
  weight: number;
  degree: number;
}

/** Who met whom: an undirected edge from CONSULT events, `a` and `b` ordered by actor id. */
export interface NetworkEdge {
  a: ActorRef;
  b: ActorRef;
  /** Deduplicated CONSULT events. */
  weight: number;
  /** Reports behind those events. */
  reports: number;
  firstDate: string | null;
  lastDate: string | null;
  eventIds: string[];
}

export interface NetworkResponse extends Page<NetworkEdge> {
  /** Nodes touched by the edges of this page. */
  nodes: NetworkNode[];
  query: { from: string | null; to: string | null };
}

// ---------------------------------------------------------------------------------------------------------
// Claim series (GET /api/claims/series?subject=)

/** One claim in one article: a point to chart. */
export interface ClaimPoint {
  articleId: string;
  /** The article that carries the claim (its `source` is the agency, not the claimant). */
  report: ReportRef;
  annId: string;
  seriesId: string;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string | null;
  /** The claim's qualifier (`exact`, `approx`, `at least`, `up to`, …). */
  qualifier: string;
  /** Hedging around the figure (`reportedly`, `estimated`, `about`, `according to`), null when asserted flat. */
  hedge: string | null;
  /** Who made the claim: the source actor, or its name when it is not a corpus actor. */
  source: ActorRef | null;
  /** The date the claim is about when stated, else the report's publication date. */
  date: string | null;
  evidence: TextSpan;
}

/** The same quantity about the same subject across articles and dates. */
export interface ClaimSeries {
  id: string;
  subject: string;
  unit: string | null;
  points: ClaimPoint[];
  /** Smallest and largest value over the points (null when none has a value). */
  min: number | null;
  max: number | null;
  firstDate: string | null;
  lastDate: string | null;
}

export interface ClaimSeriesResponse extends Page<ClaimSeries> {
  query: { subject: string };
}
