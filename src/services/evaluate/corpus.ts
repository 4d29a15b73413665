import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NewsintelError } from '../../core/errors.js';
import type { LinkThresholds } from '../../corpus/score.js';
import { decodeInput } from '../../ingest/decode.js';
import { readInput } from '../../ingest/read-input.js';
import { openStore } from '../../storage/index.js';
import { analyzeDocument, toAnalysis } from '../analyze.js';
import { linkStoredArticle } from '../corpus.js';
import type { EvaluationResult, Evaluator } from './types.js';

/** The corpus gold format (`../shared/eval/corpus/README.md`). */
export interface CorpusGold {
  stories: string[];
  versionPairs: { earlier: string; later: string }[];
  negativePairs: { a: string; b: string }[];
  clusters: string[][];
}

export interface PrF {
  p: number;
  r: number;
  f: number;
}

export interface CorpusScores {
  stories: number;
  version: PrF & { tp: number; fp: number; fn: number };
  negativesLinked: number;
  negatives: number;
  cluster: PrF;
}

function prf(tp: number, fp: number, fn: number): PrF {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

function readGold(file: string): CorpusGold {
  let g: unknown;
  try {
    g = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new NewsintelError(
      'E_INPUT_FORMAT',
      `evaluate corpus: cannot read gold ${file}: ${(e as Error).message}`,
    );
  }
  const o = g as CorpusGold;
  if (!Array.isArray(o?.stories) || !Array.isArray(o.versionPairs) || !Array.isArray(o.clusters)) {
    throw new NewsintelError(
      'E_INPUT_FORMAT',
      `evaluate corpus: ${file} is not corpus gold (needs stories, versionPairs, clusters)`,
    );
  }
  return { ...o, negativePairs: o.negativePairs ?? [] };
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent.set(rb, ra);
    else if (rb < ra) this.parent.set(ra, rb);
  }
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Scores predicted links against gold over a subset of stories. Version links are undirected pairs between
 * consecutive gold versions; a predicted link between two non-consecutive stories of one gold chain counts
 * neither way. Clusters are scored with B-cubed over every story of the subset (unclustered = singleton).
 */
export function scoreCorpus(
  gold: CorpusGold,
  subset: ReadonlySet<string>,
  predictedLinks: readonly [string, string][],
  predictedStory: ReadonlyMap<string, string>,
  predictedCluster: ReadonlyMap<string, string>,
): CorpusScores {
  const inSet = (x: string) => subset.has(x);
  const goldPairs = new Set(
    gold.versionPairs
      .filter((p) => inSet(p.earlier) && inSet(p.later))
      .map((p) => pairKey(p.earlier, p.later)),
  );
  const chains = new UnionFind();
  for (const p of gold.versionPairs) chains.union(p.earlier, p.later);
  const predicted = new Set(
    predictedLinks.filter(([a, b]) => inSet(a) && inSet(b) && a !== b).map(([a, b]) => pairKey(a, b)),
  );
  let tp = 0;
  let fp = 0;
  for (const k of predicted) {
    if (goldPairs.has(k)) tp++;
    else {
      const [a, b] = k.split('|') as [string, string];
      if (chains.find(a) !== chains.find(b)) fp++;
    }
  }
  const fn = [...goldPairs].filter((k) => !predicted.has(k)).length;
  const negatives = gold.negativePairs.filter((n) => inSet(n.a) && inSet(n.b));
  const negativesLinked = negatives.filter((n) => {
    const sa = predictedStory.get(n.a);
    return sa !== undefined && sa === predictedStory.get(n.b);
  }).length;
  // B-cubed.
  const stories = gold.stories.filter(inSet);
  const goldOf = new Map<string, string>();
  gold.clusters.forEach((c, i) => {
    for (const s of c) goldOf.set(s, `g${i}`);
  });
  const gKey = (s: string) => goldOf.get(s) ?? `s:${s}`;
  const pKey = (s: string) => predictedCluster.get(s) ?? `s:${s}`;
  const byG = new Map<string, string[]>();
  const byP = new Map<string, string[]>();
  for (const s of stories) {
    byG.set(gKey(s), [...(byG.get(gKey(s)) ?? []), s]);
    byP.set(pKey(s), [...(byP.get(pKey(s)) ?? []), s]);
  }
  let bp = 0;
  let br = 0;
  for (const s of stories) {
    const g = new Set(byG.get(gKey(s)));
    const p = byP.get(pKey(s)) ?? [s];
    const both = p.filter((x) => g.has(x)).length;
    bp += both / p.length;
    br += both / g.size;
  }
  const n = stories.length || 1;
  const cp = bp / n;
  const cr = br / n;
  return {
    stories: stories.length,
    version: { ...prf(tp, fp, fn), tp, fp, fn },
    negativesLinked,
    negatives: negatives.length,
    cluster: { p: cp, r: cr, f: cp + cr === 0 ? 0 : (2 * cp * cr) / (cp + cr) },
  };
}

/**
 * Splits the gold stories into two halves by a fixed rule, keeping every gold group (version chain, cluster,
 * hard-negative pair) whole: a group goes to half B when the first hex digit of the SHA-256 of its smallest id
 * is odd. Half A is for tuning, half B is reported first and never read for errors.
 */
export function splitHalves(gold: CorpusGold): { a: Set<string>; b: Set<string> } {
  const uf = new UnionFind();
  for (const p of gold.versionPairs) uf.union(p.earlier, p.later);
  for (const p of gold.negativePairs) uf.union(p.a, p.b);
  for (const c of gold.clusters) for (const s of c.slice(1)) uf.union(c[0]!, s);
  const a = new Set<string>();
  const b = new Set<string>();
  for (const s of gold.stories) {
    const root = uf.find(s);
    const digit = Number.parseInt(createHash('sha256').update(root).digest('hex')[0]!, 16);
    (digit % 2 === 1 ? b : a).add(s);
  }
  return { a, b };
}

/** Ingests the gold stories into a temporary store (linking each) and scores halves and the whole. */
export async function evaluateCorpus(
  goldFile: string,
  folders: readonly string[],
  options: { thresholds?: Readonly<LinkThresholds>; order?: 'gold' | 'reverse' } = {},
): Promise<EvaluationResult> {
  if (folders.length === 0) {
    throw new NewsintelError(
      'E_USAGE',
      'evaluate corpus: give the gold file and at least one stories folder',
    );
  }
  const gold = readGold(goldFile);
  const files = new Map<string, string>();
  const missing: string[] = [];
  for (const id of gold.stories) {
    const f = folders.map((d) => path.join(d, `${id}.txt`)).find((p) => existsSync(p));
    if (f) files.set(id, f);
    else missing.push(id);
  }
  if (missing.length > 0) {
    throw new NewsintelError(
      'E_INPUT_FORMAT',
      `evaluate corpus: ${missing.length} stories not found in ${folders.join(', ')} (first: ${missing[0]})`,
    );
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsintel-corpus-eval-'));
  const store = await openStore(path.join(dir, 'corpus.db'));
  try {
    const byArticle = new Map<string, string>();
    const order = options.order === 'reverse' ? [...gold.stories].reverse() : gold.stories;
    for (const storyId of order) {
      const file = files.get(storyId)!;
      const text = decodeInput(readFileSync(file), {});
      const { sources } = readInput(text, { filename: file });
      const source = sources[0];
      if (!source) throw new NewsintelError('E_INPUT_FORMAT', `evaluate corpus: no article in ${file}`);
      const analysis = toAnalysis(analyzeDocument(source));
      const saved = await store.saveArticle(analysis, source.raw, file);
      // Dedup by content: a file with the text of one already stored is that article, already linked.
      if (saved.id === analysis.article.id) await linkStoredArticle(store, analysis, options.thresholds);
      byArticle.set(analysis.article.id, storyId);
    }
    const name = (id: string) => byArticle.get(id) ?? id;
    const links = await store.db
      .selectFrom('corpus_links')
      .select(['article_a', 'article_b'])
      .where('kind', '=', 'version')
      .execute();
    const rows = await store.db
      .selectFrom('corpus_articles')
      .select(['article_id', 'story_id', 'cluster_id'])
      .execute();
    const storyOf = new Map(rows.map((r) => [name(r.article_id), r.story_id]));
    const clusterOf = new Map(rows.map((r) => [name(r.article_id), r.cluster_id]));
    const pairs = links.map((l) => [name(l.article_a), name(l.article_b)] as [string, string]);
    const halves = splitHalves(gold);
    const all = new Set(gold.stories);
    const parts: [string, Set<string>][] = [
      ['half B (blind)', halves.b],
      ['half A (tuning)', halves.a],
      ['all', all],
    ];
    const scores = parts.map(([label, set]) => ({
      label,
      s: scoreCorpus(gold, set, pairs, storyOf, clusterOf),
    }));
    const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
    const lines = [
      'set               stories  version P      R      F1  (tp/fp/fn)   negatives linked   cluster B3 P      R      F1',
    ];
    for (const { label, s } of scores) {
      lines.push(
        `${label.padEnd(17)} ${String(s.stories).padStart(7)}  ${pct(s.version.p)} ${pct(s.version.r)} ${pct(s.version.f)}  (${s.version.tp}/${s.version.fp}/${s.version.fn})`.padEnd(
          72,
        ) +
          `${s.negativesLinked}/${s.negatives}`.padEnd(19) +
          `${pct(s.cluster.p)} ${pct(s.cluster.r)} ${pct(s.cluster.f)}`,
      );
    }
    const whole = scores[2]!.s;
    const value = 100 * Math.min(whole.version.f, whole.cluster.f);
    const fpPairs = pairs.filter(
      ([a, b]) => !gold.versionPairs.some((p) => pairKey(p.earlier, p.later) === pairKey(a, b)),
    );
    return {
      table: lines.join('\n'),
      metric: 'corpus F1',
      value,
      details: { scores, predictedLinks: pairs, unmatchedLinks: fpPairs },
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `newsintel evaluate corpus <gold.json> <folder>…`. */
export const corpusEvaluator: Evaluator = {
  name: 'corpus',
  description:
    'story versions and same-event clusters: corpus <gold.json> <stories-folder>… (last line: corpus F1)',
  run(goldFile, options) {
    return evaluateCorpus(goldFile, options?.more ?? []);
  },
};
