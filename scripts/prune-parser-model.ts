/**
 * Drops small weights from a trained syntax model file: `npx vite-node scripts/prune-parser-model.ts -- in.bin.gz
 * out.bin.gz W`. The tagger, parser and arc labeller tables lose every weight of magnitude below W (and rows left
 * empty), as `npm run train:parser -- --prune W` does when it writes the file; the meta records the threshold.
 * Used to bring a model trained without pruning under the size limit without training it again.
 */
import { writeFileSync } from 'node:fs';
import { loadSyntaxModel, SyntaxModel } from '../src/stages/syntax/model.js';
import { CompactModel } from '../src/stages/syntax/perceptron.js';
import { UposTagger } from '../src/stages/syntax/tagger.js';

const [input, output, w] = process.argv.slice(2).filter((a) => a !== '--');
if (!input || !output || !w || !(Number(w) >= 0)) {
  console.error('usage: prune-parser-model.ts <in.bin.gz> <out.bin.gz> <threshold>');
  process.exit(2);
}
const prune = Number(w);
const m = loadSyntaxModel(input);
if (!(m.tagger.model instanceof CompactModel)) throw new Error('tagger weights are not a compact table');
const pruned = new SyntaxModel({
  hyphenPrefixes: m.hyphenPrefixes,
  classes: m.classes,
  tagger: new UposTagger(m.tagger.model.pruned(prune), m.tagger.tagset, m.tagger.tagDict, m.tagger.classes),
  lemmatizer: m.lemmatizer,
  parser: m.parser.pruned(prune),
  arcs: m.arcs.pruned(prune),
  labels: m.labels,
  meta: { ...m.meta, prune: Math.max(prune, m.meta.prune ?? 0) },
});
const buf = pruned.toFile();
writeFileSync(output, buf);
console.log(
  `${output}: ${(buf.length / 1e6).toFixed(2)} MB; parser ${m.parser.size} -> ${pruned.parser.size} features, arcs ${m.arcs.size} -> ${pruned.arcs.size}`,
);
