/**
 * Trains the shipped NER model: `npm run train:ner` (builds, then runs dist/scripts/train-ner.js).
 *
 * Data (read from ../shared/eval, never copied into the repo):
 * - CoNLL-2003 English eng.train (Reuters RCV1, research use only) — training;
 * - wikigold (CC-BY-4.0) — optional extra training sentences (--wikigold);
 * - eng.testa — development set, scored after training (and per epoch with --dev-every).
 * Gazetteers are generated from shared/eval/gazetteer and the PETRARCH2 dictionaries and embedded in the model.
 *
 * Deterministic: fixed sentence order seed, fixed epochs; the same inputs give the same weights file.
 * Flags: --epochs N, --scheme BIO|BILOU, --limit N (first N training sentences), --wikigold, --dev-every,
 * --min-count N, --prune X, --out FILE, --holdout-docs K (score every K-th eng.train document, held out of
 * training), --clusters FILE (another word-class table than models/ner/word-classes.json.gz, which is used by
 * default), --no-clusters (train without word classes, as the model shipped before issue 16).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { scoreConllSentences } from '../src/services/evaluate/conll.js';
import { type ConllSentence, readConll } from '../src/stages/entities/tagger/conll-data.js';
import { documentFeatures } from '../src/stages/entities/tagger/doc-features.js';
import { buildGazetteerLists } from '../src/stages/entities/tagger/gazetteer-source.js';
import { DEFAULT_MODEL_FILE, packageRoot } from '../src/stages/entities/tagger/index.js';
import { spansFromIob, type TagScheme, tagsFromSpans } from '../src/stages/entities/tagger/labels.js';
import { type ModelFile, NerModel, type WordClassTable } from '../src/stages/entities/tagger/model.js';
import {
  DEFAULT_TRAIN_OPTIONS,
  type DocLayerItem,
  type TrainOptions,
  trainDocLayer,
  trainTagger,
} from '../src/stages/entities/tagger/train.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const root = packageRoot(path.dirname(new URL(import.meta.url).pathname));
const shared = path.resolve(root, '../shared/eval');
const out = arg('out') ?? path.join(root, 'models', 'ner', DEFAULT_MODEL_FILE);

const t0 = Date.now();
let train: ConllSentence[] = readConll(path.join(shared, 'ner/conll2003/eng.train'));
const limit = arg('limit');
if (limit) train = train.slice(0, Number(limit));
// wikigold (Wikipedia) lowered eng.testa F1 by ~0.4 in our runs, so it is opt-in.
const useWikigold = flag('wikigold');
if (useWikigold) {
  // Some wikigold tokens carry document-start markers; readConll handles them.
  train = train.concat(readConll(path.join(shared, 'ner/wikigold/wikigold.conll.txt')));
}
const dev = readConll(path.join(shared, 'ner/conll2003/eng.testa'));
// A test-style split nobody tunes on: every K-th document of eng.train is held out of training and scored
// (--holdout-docs K). The shipped model is trained without this flag, on all of eng.train.
const holdoutK = Number(arg('holdout-docs') ?? 0);
let holdout: ConllSentence[] = [];
if (holdoutK > 1) {
  holdout = train.filter((s) => s.doc % holdoutK === holdoutK - 1);
  train = train.filter((s) => s.doc % holdoutK !== holdoutK - 1);
}
// Word classes from unlabelled news (`npm run train:clusters`, committed as models/ner/word-classes.json.gz): the
// shipped model is trained with them (issue 16); --clusters FILE takes another table, --no-clusters trains without.
const clustersFlag = process.argv.indexOf('--clusters');
const clusterArg = clustersFlag >= 0 ? process.argv[clustersFlag + 1] : undefined;
const useClusters = !flag('no-clusters');
const clusterFile =
  clusterArg && !clusterArg.startsWith('--')
    ? clusterArg
    : path.join(root, 'models', 'ner', 'word-classes.json.gz');
let clusters: WordClassTable | null = null;
let clusterData: string | null = null;
if (useClusters) {
  if (!existsSync(clusterFile)) {
    console.error(`train-ner: ${clusterFile} is missing: run \`npm run train:clusters\` first`);
    process.exit(1);
  }
  const file = JSON.parse(gunzipSync(readFileSync(clusterFile)).toString('utf8')) as WordClassTable & {
    meta?: { data?: string; tokens?: number };
  };
  clusters = { words: file.words, sizes: file.sizes, ids: file.ids };
  clusterData = file.meta?.data ?? null;
  console.log(`word classes: ${clusters.words.length} words at ${clusters.sizes.join('/')} classes`);
}
const gazetteer = buildGazetteerLists(shared);
const gazSizes = Object.fromEntries(Object.entries(gazetteer).map(([k, v]) => [k, v?.length ?? 0]));
console.log(`training sentences: ${train.length}; gazetteer: ${JSON.stringify(gazSizes)}`);

const opts: TrainOptions = {
  ...DEFAULT_TRAIN_OPTIONS,
  scheme: (arg('scheme') as TagScheme | undefined) ?? DEFAULT_TRAIN_OPTIONS.scheme,
  epochs: Number(arg('epochs') ?? DEFAULT_TRAIN_OPTIONS.epochs),
  minCount: Number(arg('min-count') ?? DEFAULT_TRAIN_OPTIONS.minCount),
  prune: Number(arg('prune') ?? DEFAULT_TRAIN_OPTIONS.prune),
  log: (m) => console.log(m),
};
if (flag('dev-every')) {
  opts.onEpoch = (epoch, model) => {
    const s = scoreConllSentences(model, dev);
    console.log(`  epoch ${epoch} eng.testa F1 ${s.overall.f1.toFixed(2)}`);
  };
}
const meta = {
  trainedOn: useWikigold ? 'CoNLL-2003 eng.train + wikigold' : 'CoNLL-2003 eng.train',
  licenceNote: 'CoNLL-2003 (Reuters RCV1) is licensed for research use only',
};
let model = trainTagger(
  train,
  gazetteer,
  opts,
  {
    ...meta,
    wordClasses: clusters ? clusters.sizes : null,
    ...(clusterData ? { wordClassData: clusterData } : {}),
  },
  clusters,
);
// The document layer (--doc-layer K): K models, each trained without one K-th of the documents, give the
// first-pass scores and tags of the documents they did not see; the document features' weights are learnt on
// those (cross-fitting), then attached to the model trained on everything.
const docFolds = Number(arg('doc-layer') ?? 0);
if (docFolds > 1) {
  const items: DocLayerItem[] = [];
  for (let f = 0; f < docFolds; f++) {
    const part = train.filter((s) => s.doc % docFolds !== f);
    const fold = trainTagger(
      part,
      gazetteer,
      { ...opts, log: undefined, onEpoch: undefined },
      meta,
      clusters,
    );
    const held = train.filter((s) => s.doc % docFolds === f);
    let from = 0;
    for (let i = 1; i <= held.length; i++) {
      if (i < held.length && held[i]!.doc === held[from]!.doc) continue;
      const docS = held.slice(from, i);
      const passes = docS.map((s) => fold.firstPass(s.tokens));
      const df = documentFeatures(
        docS.map((s) => s.tokens),
        passes.map((p) => p.path),
        fold.tags,
      );
      docS.forEach((s, j) => {
        const g = tagsFromSpans(spansFromIob(s.labels), s.tokens.length, fold.scheme);
        items.push({
          em: passes[j]!.em,
          feats: df[j]!.feats,
          offsets: df[j]!.offsets,
          gold: Int32Array.from(g, (t) => fold.tags.indexOf(t)),
        });
      });
      from = i;
    }
    console.log(`document layer: fold ${f + 1}/${docFolds} scored (${held.length} sentences)`);
  }
  const layer = trainDocLayer(
    items,
    model.decodeTables(),
    model.tags.length,
    Number(arg('doc-epochs') ?? 8),
    opts.seed,
  );
  console.log(`document layer: ${layer.keys.length} features`);
  const file = JSON.parse(gunzipSync(model.toFile()).toString('utf8')) as ModelFile;
  file.docLayer = layer;
  file.meta = { ...file.meta, docLayer: { folds: docFolds } };
  model = NerModel.fromFile(gzipSync(JSON.stringify(file)));
}
const trainMs = Date.now() - t0;

const te = performance.now();
const scores = scoreConllSentences(model, dev);
const evalMs = performance.now() - te;
const devTokens = dev.reduce((n, s) => n + s.tokens.length, 0);
console.log(
  `eng.testa: P ${scores.overall.precision.toFixed(2)} R ${scores.overall.recall.toFixed(2)} F1 ${scores.overall.f1.toFixed(2)}`,
);
for (const [t, v] of Object.entries(scores.byType)) console.log(`  ${t}: F1 ${v.f1.toFixed(2)}`);
// What `evaluate conll` reports: the same model with the document pass the entities stage applies.
console.log(
  `eng.testa with the document pass: F1 ${scoreConllSentences(model, dev, { document: true }).overall.f1.toFixed(2)}`,
);
if (model.docLayer) {
  const dn = scoreConllSentences(model, dev, { document: true, noHarmonise: true });
  console.log(`eng.testa with the document layer, without harmonising: F1 ${dn.overall.f1.toFixed(2)}`);
}
if (holdout.length > 0) {
  const h = scoreConllSentences(model, holdout);
  const hd = scoreConllSentences(model, holdout, { document: true });
  const hn = model.docLayer
    ? `; document layer without harmonising ${scoreConllSentences(model, holdout, { document: true, noHarmonise: true }).overall.f1.toFixed(2)}`
    : '';
  console.log(
    `eng.train held-out docs (every ${holdoutK}th, ${holdout.length} sentences, never tuned on): F1 ${h.overall.f1.toFixed(2)}; with the document pass ${hd.overall.f1.toFixed(2)}${hn}`,
  );
}
console.log(
  `tagging: ${Math.round((devTokens / evalMs) * 1000)} tokens/s; training ${(trainMs / 1000).toFixed(1)} s`,
);

// Fit the span-score temperature on dev: the grid value with the best gold-tag log-likelihood.
const calib = dev.slice(0, 1000).map((s) => {
  const gold = tagsFromSpans(spansFromIob(s.labels), s.tokens.length, model.scheme);
  return { tokens: s.tokens, ids: gold.map((t) => model.tags.indexOf(t)) };
});
let bestT = 1;
let bestLL = -Infinity;
for (const t of [1, 2, 3, 4, 6, 8, 12, 16, 24, 32]) {
  model.setTemperature(t);
  let ll = 0;
  for (const c of calib)
    for (const p of model.tagPosteriors(c.tokens, c.ids)) ll += Math.log(Math.max(p, 1e-9));
  if (ll > bestLL) {
    bestLL = ll;
    bestT = t;
  }
}
model.setTemperature(bestT);
console.log(`span-score temperature: ${bestT}`);
(model.meta as Record<string, unknown>).devF1 = Math.round(scores.overall.f1 * 100) / 100;
mkdirSync(path.dirname(out), { recursive: true });
const buf = model.toFile();
writeFileSync(out, buf);
console.log(`wrote ${out} (${(buf.length / 1e6).toFixed(2)} MB, ${model.meta.features} features)`);
