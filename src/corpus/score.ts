import { type ArticleFeatures, containment, cosine, jaccard } from './features.js';

/**
 * Thresholds of the pairwise decisions. Typed, documented and frozen; tuned on one half of the dev gold
 * (see BENCHMARKS.md, "Corpus") and measured on the other.
 */
export interface LinkThresholds {
  /** Largest publication-day gap between two versions of one story. */
  versionDays: number;
  /** Shared text (max of shingle containment and paragraph overlap) that alone makes a version. */
  versionText: number;
  /** Shared text that makes a version when the headline stem or an update marker agrees too. */
  versionTextWithStem: number;
  /** Headline-stem overlap (of the smaller stem) that counts as "agrees". */
  stemOverlap: number;
  /** Largest day gap between two reports of one happening. */
  clusterDays: number;
  /** Topic-vector cosine for same-event reports from different stories. */
  clusterCosine: number;
  /** Shared actors needed beside the cosine. */
  clusterActors: number;
}

export const DEFAULT_THRESHOLDS: Readonly<LinkThresholds> = Object.freeze({
  versionDays: 2,
  versionText: 0.55,
  versionTextWithStem: 0.35,
  stemOverlap: 0.5,
  clusterDays: 1,
  clusterCosine: 0.6,
  clusterActors: 2,
});

/** The outcome of comparing two articles. */
export interface PairScore {
  version: boolean;
  sameEvent: boolean;
  /** 0–1 confidence of the version decision (the shared-text figure). */
  score: number;
  signals: string[];
  /** Figures behind the decision, for tuning and display. */
  text: number;
  stem: number;
  topic: number;
  sharedActors: number;
  dayGap: number;
}

function overlapOfSmaller(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  let n = 0;
  for (const x of new Set(a)) if (sb.has(x)) n++;
  return n / Math.min(new Set(a).size, sb.size);
}

/** Share of the smaller article's paragraphs found word for word in the other. */
export function paragraphOverlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const small = a.length <= b.length ? a : b;
  const big = new Set(a.length <= b.length ? b : a);
  let n = 0;
  for (const p of small) if (big.has(p)) n++;
  return n / small.length;
}

/**
 * Compares two articles. Symmetric (the result does not depend on which arrived first), so linking gives the
 * same links whatever the ingest order.
 */
export function comparePair(
  a: ArticleFeatures,
  b: ArticleFeatures,
  t: Readonly<LinkThresholds> = DEFAULT_THRESHOLDS,
): PairScore {
  const dayGap = Math.abs(a.day - b.day);
  const j = jaccard(a.signature, b.signature);
  const c = containment(j, a.shingleCount, b.shingleCount);
  const p = paragraphOverlap(a.paragraphs, b.paragraphs);
  const text = Math.max(c, p);
  const stem = overlapOfSmaller(a.stem, b.stem);
  const topic = cosine(a.terms, b.terms);
  const sharedActors = overlapCount(a.actors.slice(0, 12), b.actors.slice(0, 12));
  const sameAgency = a.agency === null || b.agency === null || a.agency === b.agency;
  const signals: string[] = [];
  if (sameAgency && a.agency) signals.push('same-agency');
  signals.push(`shared-text ${text.toFixed(2)}`);
  if (stem >= t.stemOverlap) signals.push(`headline-stem ${stem.toFixed(2)}`);
  const marker = a.claimsUpdate || b.claimsUpdate;
  if (marker) signals.push('version-tag');
  let version = false;
  if (sameAgency && dayGap <= t.versionDays) {
    if (text >= t.versionText) version = true;
    else if (text >= t.versionTextWithStem && (stem >= t.stemOverlap || marker)) version = true;
  }
  const sameEvent =
    version || (dayGap <= t.clusterDays && topic >= t.clusterCosine && sharedActors >= t.clusterActors);
  if (!version && sameEvent) signals.push(`topic ${topic.toFixed(2)}`, `shared-actors ${sharedActors}`);
  return { version, sameEvent, score: text, signals, text, stem, topic, sharedActors, dayGap };
}

function overlapCount(a: readonly string[], b: readonly string[]): number {
  const sb = new Set(b);
  let n = 0;
  for (const x of a) if (sb.has(x)) n++;
  return n;
}

/**
 * Which of two linked versions came first: the earlier publication day, else the lower update number (when
 * both carry one), else the one with less text (a later version adds), else the smaller id. Returns true when
 * `a` is the earlier.
 */
export function isEarlier(a: ArticleFeatures, b: ArticleFeatures): boolean {
  if (a.published && b.published && a.published.slice(0, 10) !== b.published.slice(0, 10)) {
    return a.published < b.published;
  }
  if (a.versionNumber !== null && b.versionNumber !== null && a.versionNumber !== b.versionNumber) {
    return a.versionNumber < b.versionNumber;
  }
  if (a.shingleCount !== b.shingleCount) return a.shingleCount < b.shingleCount;
  if (a.published && b.published && a.published !== b.published) return a.published < b.published;
  return a.articleId < b.articleId;
}
