/**
 * Learns the word classes the NER tagger uses as features: `npm run train:clusters` (then `npm run train:ner`
 * embeds them in the NER model). Deterministic: fixed file order, fixed iterations, no randomness.
 *
 * Unlabelled text (read from ../shared/eval, never copied into the repo; only the word → class table is kept):
 * - news/te3-silver-bulk/txt and news/te3-silver-geopolitics/txt: AFP/Xinhua wire stories (LDC Gigaword,
 *   evaluation only);
 * - ner/conll2003/eng.train: the NER training text itself (Reuters RCV1, research use only);
 * - ner/wikigold: Wikipedia sentences (CC-BY-4.0);
 * - quotes/polnear/{train,dev}/text: political news (no licence stated; evaluation only).
 * The NER model is already research-use-only (CoNLL-2003), so these classes add no new restriction to it; the
 * README says so. Not used: CoNLL eng.testa and any held-out split.
 *
 * Flags: --sizes 32,128,512 (class counts), --iterations N, --min-count N, --out FILE.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { exchangeCluster } from '../src/stages/entities/tagger/clusters.js';
import { packageRoot } from '../src/stages/entities/tagger/index.js';
import { splitSentences, tokenize } from '../src/stages/entities/tagger/tokens.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const root = packageRoot(path.dirname(new URL(import.meta.url).pathname));
const shared = path.resolve(root, '../shared/eval');
if (!existsSync(shared)) {
  console.error(`train-clusters: ${shared} is missing (the unlabelled text lives there)`);
  process.exit(1);
}
const sizes = (arg('sizes') ?? '32,128,512').split(',').map(Number);
const iterations = Number(arg('iterations') ?? 8);
const minCount = Number(arg('min-count') ?? 3);
const out = arg('out') ?? path.join(root, 'models', 'ner', 'word-clusters.json.gz');

/** Sentences of lower-cased tokens from every source, in a fixed order. */
function corpus(): string[][] {
  const sents: string[][] = [];
  const addText = (text: string) => {
    const toks = tokenize(text);
    for (const [s, e] of splitSentences(toks, text))
      sents.push(toks.slice(s, e).map((t) => t.text.toLowerCase()));
  };
  const folder = (dir: string) => {
    if (!existsSync(dir)) return 0;
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    for (const f of files) addText(readFileSync(path.join(dir, f), 'utf8'));
    return files.length;
  };
  const conllTokens = (file: string) => {
    if (!existsSync(file)) return;
    let cur: string[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const w = line.split(/\s+/)[0] ?? '';
      if (w === '' || w === '-DOCSTART-') {
        if (cur.length) sents.push(cur);
        cur = [];
      } else cur.push(w.toLowerCase());
    }
    if (cur.length) sents.push(cur);
  };
  const n1 = folder(path.join(shared, 'news/te3-silver-bulk/txt'));
  const n2 = folder(path.join(shared, 'news/te3-silver-geopolitics/txt'));
  const n3 =
    folder(path.join(shared, 'quotes/polnear/train/text')) +
    folder(path.join(shared, 'quotes/polnear/dev/text'));
  conllTokens(path.join(shared, 'ner/conll2003/eng.train'));
  conllTokens(path.join(shared, 'ner/wikigold/wikigold.conll.txt'));
  console.error(`train-clusters: ${n1 + n2} wire stories, ${n3} PolNeAR texts, CoNLL train, wikigold`);
  return sents;
}

const t0 = Date.now();
const sents = corpus();
const counts = new Map<string, number>();
let tokens = 0;
for (const s of sents) {
  for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  tokens += s.length;
}
const words = [...counts]
  .filter(([, n]) => n >= minCount)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const idOf = new Map<string, number>(words.map(([w], i) => [w, i + 1]));
console.error(
  `train-clusters: ${tokens} tokens, ${sents.length} sentences, ${words.length} words seen ≥ ${minCount}×`,
);
const ids = sents.map((s) => Int32Array.from(s, (w) => idOf.get(w) ?? 0));
const vocab = words.length + 1;
const result: number[][] = [];
for (const k of sizes) {
  const t = Date.now();
  const cls = exchangeCluster(
    { vocab, sentences: ids },
    {
      classes: k,
      iterations,
      onIteration: (it, obj, moved) =>
        console.error(`  k=${k} pass ${it}: objective ${obj.toFixed(0)}, moved ${moved}`),
    },
  );
  result.push(Array.from(cls.subarray(1)));
  console.error(`train-clusters: ${k} classes in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
mkdirSync(path.dirname(out), { recursive: true });
const payload = {
  format: 'newsintel.word-classes/1',
  meta: {
    algorithm: 'predictive exchange (Uszkoreit & Brants 2008), lower-cased tokens',
    tokens,
    minCount,
    iterations,
    data: 'te3-silver-bulk + te3-silver-geopolitics (LDC Gigaword, evaluation only), CoNLL-2003 eng.train (research use only), wikigold (CC-BY-4.0), PolNeAR train+dev text (evaluation only)',
  },
  words: words.map(([w]) => w),
  sizes,
  ids: result,
};
writeFileSync(out, gzipSync(JSON.stringify(payload), { level: 9 }));
console.error(`train-clusters: wrote ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
