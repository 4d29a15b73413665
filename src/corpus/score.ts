import { NewsintelError } from '../core/errors.js';
import { LINK_MODEL } from './data/link-model.js';
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
  /**
   * Decide versions with the fitted model (`data/link-model.ts`) instead of the shared-text rule. Off by
   * default. Linker 2 refitted it on the tuning halves of two gold sets (dev and our corpus-bulk, hard negatives
   * weighted, threshold held under 1 in 30 hard negatives linked): perfect on both tuning halves, but measured
   * once on the blind halves it linked 3 of 71 hard negatives of corpus-bulk half B and 2 of 10 of dev half B
   * (version F1 40.00 and 81.82; the rule: 88.89 and 0 of 10 on dev half B), BENCHMARKS.md "Corpus". It finds
   * every rewrite (recall 100 on both blind halves) but takes same-topic, same-desk reports for versions.
   */
  versionModel: boolean;
  /** Model probability at or above which a pair is a version when `versionModel` is on. */
  versionProbability: number;
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
  versionModel: false,
  versionProbability: LINK_MODEL.threshold,
  clusterDays: 1,
  clusterCosine: 0.6,
  clusterActors: 2,
});

/** The outcome of comparing two articles. */
export interface PairScore {
  version: boolean;
  sameEvent: boolean;
  /**
   * 0–1 closeness used to rank version candidates of one story: the shared-text figure, or the model's
   * probability when the model decides (shared text favours a short first take over the chain's tail).
   */
  score: number;
  /** The version model's probability (0 when the agency or date gate fails); decides only with `versionModel`. */
  probability: number;
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

/** Shared text of two articles: the larger of shingle containment and paragraph overlap. */
function sharedText(a: ArticleFeatures, b: ArticleFeatures, j = jaccard(a.signature, b.signature)): number {
  const c = containment(j, a.shingleCount, b.shingleCount);
  return Math.max(c, paragraphOverlap(a.paragraphs, b.paragraphs));
}

/** Overlap of the smaller of two sorted key lists; null when either is missing or empty (unknown). */
function leadOverlap(a: readonly string[] | undefined, b: readonly string[] | undefined): number | null {
  if (!a || !b || a.length === 0 || b.length === 0) return null;
  return overlapOfSmaller(a, b);
}

/** 1 when both are known and equal, 0 when both are known and differ, 0.5 when either is unknown. */
function agreement(a: string | null | undefined, b: string | null | undefined): number {
  if (!a || !b) return 0.5;
  return a === b ? 1 : 0;
}

/**
 * Overlap of two articles' figures: shared figures over the smaller set, 0 when either reports fewer than
 * `MIN_FIGURES` (too few to tell), or when either row predates the figures (unknown).
 */
function figureOverlap(a: readonly string[] | undefined, b: readonly string[] | undefined): number {
  if (!a || !b || a.length < MIN_FIGURES || b.length < MIN_FIGURES) return 0;
  return overlapOfSmaller(a, b);
}
const MIN_FIGURES = 2;

/** 1 when the two articles share one of their lead paragraphs word for word; 0 when not or unknown. */
function leadParagraphKept(a: readonly string[] | undefined, b: readonly string[] | undefined): number {
  if (!a || !b) return 0;
  return a.some((h) => b.includes(h)) ? 1 : 0;
}

/**
 * 1 when the update tags agree with the order of the two articles: the later one (by `isEarlier`) claims to
 * update, or carries the higher update number. Two unrelated stories of one day that both carry `ATTENTION -
 * ADDS` slugs get 1 from the symmetric `marker`, but 0 here unless the later one is the only or higher update.
 */
function updateOrder(a: ArticleFeatures, b: ArticleFeatures): number {
  const [first, later] = isEarlier(a, b) ? [a, b] : [b, a];
  if (first.versionNumber !== null && later.versionNumber !== null)
    return later.versionNumber > first.versionNumber ? 1 : 0;
  return later.claimsUpdate && !first.claimsUpdate ? 1 : 0;
}

/** The names of the figures `pairFeatures` computes, in the order the training script fits them. */
export const PAIR_FEATURES = [
  'text',
  'jaccard',
  'stem',
  'topic',
  'leadWords',
  'leadActors',
  'leadEvents',
  'dateline',
  'byline',
  'marker',
  'sameDay',
  'figures',
  'leadParagraph',
  'updateOrder',
] as const;

/** One named pair figure. */
export type PairFeature = (typeof PAIR_FEATURES)[number];

/**
 * Checks that a version model weighs exactly the figures `pairFeatures` computes, in the same order, with a
 * finite weight for each and nothing else, and a threshold inside 0–1; throws `E_STAGE_CONTRACT` naming the
 * difference (a model fitted before a figure was added, renamed or dropped would silently weigh 0 or ignore
 * it). Run on the shipped model the first time it scores a pair; not at import, since the refit script loads
 * this module after a figure is added, to write the model that has it.
 */
export function checkLinkModel(m: LinkModel, features: readonly string[] = PAIR_FEATURES): LinkModel {
  const fail = (why: string): never => {
    throw new NewsintelError(
      'E_STAGE_CONTRACT',
      `corpus: the version model (data/link-model.ts) does not match pairFeatures (${why}); refit it: npx vite-node scripts/train-corpus-linker.ts`,
    );
  };
  const missing = features.filter((f) => !m.features.includes(f));
  const extra = m.features.filter((f) => !features.includes(f));
  if (missing.length > 0) fail(`missing ${missing.join(', ')}`);
  if (extra.length > 0) fail(`unknown ${extra.join(', ')}`);
  if (m.features.length !== features.length || m.features.some((f, i) => f !== features[i]))
    fail(`order ${m.features.join(', ')}, expected ${features.join(', ')}`);
  const weighted = Object.keys(m.weights);
  const unweighted = features.filter((f) => !Number.isFinite(m.weights[f]));
  const stray = weighted.filter((w) => !features.includes(w));
  if (unweighted.length > 0) fail(`no finite weight for ${unweighted.join(', ')}`);
  if (stray.length > 0) fail(`weights for unknown ${stray.join(', ')}`);
  if (!Number.isFinite(m.bias)) fail('bias is not a finite number');
  if (!(m.threshold > 0 && m.threshold < 1)) fail(`threshold ${m.threshold} outside 0–1`);
  return m;
}

/**
 * The named figures the version model weighs, each in 0–1 and symmetric in `a` and `b`: shared text
 * (containment, since an update adds paragraphs, and symmetric Jaccard), headline stem, topic, the lead (its
 * words, actors and `type|actor` events), dateline place and byline agreement, an update marker, closeness in days,
 * shared figures, a kept lead paragraph, and update tags that agree with the order of the two.
 * An unknown lead figure (a row stored before these features existed) takes the neutral value 0.5 (lead events
 * take 0: most leads have none).
 */
export function pairFeatures(
  a: ArticleFeatures,
  b: ArticleFeatures,
  versionDays = 2,
): Record<PairFeature, number> {
  const j = jaccard(a.signature, b.signature);
  return {
    text: sharedText(a, b, j),
    jaccard: j,
    stem: overlapOfSmaller(a.stem, b.stem),
    topic: cosine(a.terms, b.terms),
    leadWords: leadOverlap(a.leadWords, b.leadWords) ?? 0.5,
    leadActors: leadOverlap(a.leadActors, b.leadActors) ?? 0.5,
    leadEvents: leadOverlap(a.leadEvents, b.leadEvents) ?? 0,
    dateline: agreement(a.dateline, b.dateline),
    byline: agreement(a.byline, b.byline),
    marker: a.claimsUpdate || b.claimsUpdate ? 1 : 0,
    sameDay: 1 - Math.min(1, Math.abs(a.day - b.day) / Math.max(1, versionDays)),
    figures: figureOverlap(a.figures, b.figures),
    leadParagraph: leadParagraphKept(a.leadParagraphs, b.leadParagraphs),
    updateOrder: updateOrder(a, b),
  };
}

/** A logistic model over `pairFeatures`: weights by feature name plus a bias. */
export interface LinkModel {
  features: readonly string[];
  weights: Readonly<Record<string, number>>;
  bias: number;
  threshold: number;
}

/** Whether the shipped model was checked against PAIR_FEATURES (once, on its first use, not at import: the refit
 * script must still load this module after a feature is added, which is exactly when the model goes stale). */
let shippedModelChecked = false;

/** The model's probability that two articles are versions of one story. */
export function versionProbability(x: Readonly<Record<string, number>>, m: LinkModel = LINK_MODEL): number {
  if (m === LINK_MODEL && !shippedModelChecked) {
    checkLinkModel(LINK_MODEL);
    shippedModelChecked = true;
  }
  let z = m.bias;
  for (const name of m.features) z += (m.weights[name] ?? 0) * (x[name] ?? 0);
  return 1 / (1 + Math.exp(-z));
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
  const sameAgency = a.agency === null || b.agency === null || a.agency === b.agency;
  const gate = sameAgency && dayGap <= t.versionDays;
  // The model's full figures only for pairs inside the version gate (a few percent of the candidates).
  const x = gate ? pairFeatures(a, b, t.versionDays) : null;
  const text = x ? x.text! : sharedText(a, b);
  const stem = x ? x.stem! : overlapOfSmaller(a.stem, b.stem);
  const topic = x ? x.topic! : cosine(a.terms, b.terms);
  const sharedActors = overlapCount(a.actors.slice(0, 12), b.actors.slice(0, 12));
  const signals: string[] = [];
  if (sameAgency && a.agency) signals.push('same-agency');
  signals.push(`shared-text ${text.toFixed(2)}`);
  if (stem >= t.stemOverlap) signals.push(`headline-stem ${stem.toFixed(2)}`);
  const marker = a.claimsUpdate || b.claimsUpdate;
  if (marker) signals.push('version-tag');
  const probability = x ? versionProbability(x) : 0;
  const byRule =
    text >= t.versionText || (text >= t.versionTextWithStem && (stem >= t.stemOverlap || marker));
  const version = gate && (t.versionModel ? probability >= t.versionProbability : byRule);
  // The model's signals only when it decides: the default rule's links keep the signals they always had.
  if (x && t.versionModel) {
    signals.push(`version-model ${probability.toFixed(2)}`);
    if (version && x.dateline === 1) signals.push('same-dateline');
    if (version && (x.leadEvents ?? 0) > 0) signals.push(`lead-events ${x.leadEvents?.toFixed(2)}`);
  }
  const sameEvent =
    version || (dayGap <= t.clusterDays && topic >= t.clusterCosine && sharedActors >= t.clusterActors);
  if (!version && sameEvent) signals.push(`topic ${topic.toFixed(2)}`, `shared-actors ${sharedActors}`);
  const score = t.versionModel ? probability : text;
  return { version, sameEvent, score, probability, signals, text, stem, topic, sharedActors, dayGap };
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
