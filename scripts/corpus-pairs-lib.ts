/**
 * Shared by `scripts/train-corpus-linker.ts`: analyses the tuning half (half A) of the corpus dev gold once
 * (cached in the OS temp folder) and lists its article pairs with their link features and gold labels. It
 * reads only half A's stories and pairs (`splitHalves`), never half B's.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Analysis } from '../src/core/types.js';
import { decodeInput } from '../src/ingest/decode.js';
import { readInput } from '../src/ingest/read-input.js';
import { analyzeDocument, toAnalysis } from '../src/services/analyze.js';
import { pipelineVersion } from '../src/services/corpus-version.js';
import { type CorpusGold, splitHalves } from '../src/services/evaluate/corpus.js';

export interface HalfA {
  gold: CorpusGold;
  ids: string[];
  analyses: Map<string, Analysis>;
}

/** Loads half A of the gold and its analyses (cached per pipeline version). */
export function loadHalfA(goldFile: string, folders: readonly string[]): HalfA {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as CorpusGold;
  gold.negativePairs ??= [];
  const { a } = splitHalves(gold);
  const ids = gold.stories.filter((s) => a.has(s));
  const cacheDir = path.join(os.tmpdir(), 'newsintel-corpus-train');
  mkdirSync(cacheDir, { recursive: true });
  const cache = path.join(
    cacheDir,
    `${path.basename(goldFile, '.json')}-half-a-${pipelineVersion().replace(/[^\w.-]/g, '_')}.json`,
  );
  const analyses = new Map<string, Analysis>();
  if (existsSync(cache)) {
    for (const [k, v] of Object.entries(JSON.parse(readFileSync(cache, 'utf8')) as Record<string, Analysis>))
      analyses.set(k, v);
  }
  let fresh = false;
  for (const id of ids) {
    if (analyses.has(id)) continue;
    const file = folders.map((d) => path.join(d, `${id}.txt`)).find((p) => existsSync(p));
    if (!file) throw new Error(`${id}.txt not found in ${folders.join(', ')}`);
    const src = readInput(decodeInput(readFileSync(file), {}), { filename: file }).sources[0];
    if (!src) throw new Error(`no article in ${file}`);
    analyses.set(id, toAnalysis(analyzeDocument(src)));
    fresh = true;
  }
  if (fresh) writeFileSync(cache, JSON.stringify(Object.fromEntries(analyses)));
  const half = new Set(ids);
  return {
    gold: {
      stories: ids,
      versionPairs: gold.versionPairs.filter((p) => half.has(p.earlier) && half.has(p.later)),
      negativePairs: gold.negativePairs.filter((p) => half.has(p.a) && half.has(p.b)),
      clusters: gold.clusters.map((c) => c.filter((s) => half.has(s))).filter((c) => c.length > 0),
    },
    ids,
    analyses,
  };
}
