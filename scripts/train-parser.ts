/**
 * `npm run train:parser`: trains newsintel's syntax model (UPOS tagger, lemmatiser, arc-hybrid parser and arc
 * labeller) on Universal Dependencies English and writes `models/parser/parser-ud-en.json.gz`. Reproducible:
 * fixed seed, fixed iteration counts, every path an argument with a default.
 *
 *   --train a.conllu,b.conllu   training treebanks (default: the UD English-EWT train file in /tmp, see README)
 *   --dev   file.conllu         tuning split, scored after training (default: EWT dev in ../shared)
 *   --blind file.conllu         blind split: only its score is printed (default: PUD test in ../shared)
 *   --out   file.json.gz        model file (default: models/parser/parser-ud-en.json.gz)
 *   --seed N  --tagger-iterations N  --parser-iterations N  --labeller-iterations N  --jackknife K
 *   --licence TEXT              licence of the training data, recorded in the model file
 *   --ewt-repo DIR              git dir of UD_English-EWT; a missing en_ewt-ud-train.conllu is written from it
 *
 * The parser and labeller are trained on tags predicted by jackknifing (K taggers each trained without one
 * fold), so that they learn from the kind of tags they will see at run time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatConlluScores, scoreConllu } from '../src/services/evaluate/conllu.js';
import { type ConlluSentence, parseConllu } from '../src/stages/syntax/conllu.js';
import { encodeSentence, UPOS, uposId } from '../src/stages/syntax/encode.js';
import { type LabellerExample, trainLabeller } from '../src/stages/syntax/labeller.js';
import { Lemmatizer } from '../src/stages/syntax/lemmatizer.js';
import { SyntaxModel } from '../src/stages/syntax/model.js';
import { type ParserExample, trainParser } from '../src/stages/syntax/parser.js';
import { buildTagDict, trainTagger, UposTagger } from '../src/stages/syntax/tagger.js';

const here = dirname(fileURLToPath(import.meta.url));
// from dist/scripts or scripts/
const root = existsSync(resolve(here, '..', 'package.json'))
  ? resolve(here, '..')
  : resolve(here, '..', '..');
const ud = resolve(root, '../shared/eval/syntax/ud-english');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

/**
 * Writes the UD English-EWT train file from a clone (or bare mirror) of UniversalDependencies/UD_English-EWT:
 * the released `en_ewt-ud-train.conllu` at HEAD when the clone has it, else the concatenation, in the order of
 * `not-to-release/file-lists/files.train`, of the train documents under `not-to-release/sources/` (the same
 * sentences; the dev file rebuilt this way is identical to the released dev file). Test documents are never read.
 */
function extractEwtTrain(repo: string, target: string): void {
  const git = (...a: string[]) =>
    execFileSync('git', [`--git-dir=${repo}`, ...a], { maxBuffer: 1 << 30, encoding: 'utf8' });
  let text: string;
  try {
    text = git('show', 'HEAD:en_ewt-ud-train.conllu');
  } catch {
    const files = git('show', 'HEAD:not-to-release/file-lists/files.train').split('\n').filter(Boolean);
    text = files.map((f) => git('show', `HEAD:not-to-release/sources/${f}`)).join('');
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`train-parser: wrote ${target} from ${repo}`);
}

function read(file: string): ConlluSentence[] {
  if (!existsSync(file)) {
    console.error(`train-parser: ${file} is missing (see README, "Parser weights", for how to get it)`);
    process.exit(2);
  }
  return parseConllu(readFileSync(file, 'utf8'));
}

/** First parts of hyphenated words the treebank keeps whole, seen in at least two word types or three tokens. */
function hyphenPrefixes(sentences: readonly ConlluSentence[]): string[] {
  const types = new Map<string, Set<string>>();
  const tokens = new Map<string, number>();
  for (const s of sentences) {
    for (const w of s.words) {
      const m = /^([A-Za-z]+)-[A-Za-z]/.exec(w.form);
      if (!m) continue;
      const p = m[1]!.toLowerCase();
      if (!types.has(p)) types.set(p, new Set());
      types.get(p)!.add(w.form.toLowerCase());
      tokens.set(p, (tokens.get(p) ?? 0) + 1);
    }
  }
  return [...types]
    .filter(([p, t]) => t.size >= 2 || (tokens.get(p) ?? 0) >= 3)
    .map(([p]) => p)
    .sort();
}

function main(): void {
  const trainFiles = arg('train', '/tmp/en_ewt-ud-train.conllu').split(',').filter(Boolean);
  const devFile = arg('dev', resolve(ud, 'en_ewt-ud-dev.conllu'));
  const blindFile = arg('blind', resolve(ud, 'en_pud-ud-test.conllu'));
  const out = arg('out', resolve(root, 'models/parser/parser-ud-en.json.gz'));
  const seed = Number(arg('seed', '1'));
  const it = {
    tagger: Number(arg('tagger-iterations', '6')),
    parser: Number(arg('parser-iterations', '12')),
    labeller: Number(arg('labeller-iterations', '8')),
  };
  const folds = Number(arg('jackknife', '4'));
  const licence = arg('licence', 'CC BY-SA 4.0 (UD English-EWT)');
  const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

  const ewtRepo = arg('ewt-repo', '/work/.mirror/UniversalDependencies+UD_English-EWT/repo');
  for (const f of trainFiles) {
    if (!existsSync(f) && basename(f) === 'en_ewt-ud-train.conllu' && existsSync(ewtRepo))
      extractEwtTrain(ewtRepo, f);
  }
  const train = trainFiles.flatMap((f) => read(f));
  log(`train: ${train.length} sentences from ${trainFiles.map((f) => basename(f)).join(', ')}`);

  const tagDict = buildTagDict(train);
  log(`tag dictionary: ${tagDict.size} forms`);

  // Jackknifed tags for the parser's training data.
  const predicted: Uint8Array[] = train.map((s) => Uint8Array.from(s.words, (w) => uposId(w.upos)));
  if (folds > 1) {
    for (let f = 0; f < folds; f++) {
      const rest = train.filter((_, i) => i % folds !== f);
      const m = new UposTagger(
        trainTagger(rest, { iterations: it.tagger, seed: seed + f, tagDict }),
        tagDict,
      );
      let right = 0;
      let total = 0;
      train.forEach((s, i) => {
        if (i % folds !== f) return;
        predicted[i] = m.tagIds(encodeSentence(s.words.map((w) => w.form)));
        s.words.forEach((w, j) => {
          total++;
          if (UPOS[predicted[i]![j]!] === w.upos) right++;
        });
      });
      log(`jackknife fold ${f + 1}/${folds}: held-out UPOS ${((100 * right) / total).toFixed(2)}`);
    }
  }
  const taggerModel = trainTagger(train, { iterations: it.tagger, seed, tagDict, log });
  const tagger = new UposTagger(taggerModel, tagDict);
  log(`tagger: ${taggerModel.size} features, ${taggerModel.weights} weights`);

  const lemmatizer = Lemmatizer.train(train);

  const labelSet = new Map<string, number>();
  for (const s of train)
    for (const w of s.words)
      if (w.head >= 0 && !labelSet.has(w.deprel)) labelSet.set(w.deprel, labelSet.size);
  const labels = [...labelSet.keys()];

  const examples: (ParserExample & LabellerExample)[] = train.map((s, i) => ({
    input: { e: encodeSentence(s.words.map((w) => w.form)), tags: predicted[i]! },
    heads: Int32Array.from(s.words, (w) => w.head),
    labels: Uint16Array.from(s.words, (w) => (w.head >= 0 ? labelSet.get(w.deprel)! : 0)),
  }));
  const parser = trainParser(examples, { iterations: it.parser, seed, log });
  log(`parser: ${parser.size} features, ${parser.weights} weights`);
  const labeller = trainLabeller(examples, labels.length, { iterations: it.labeller, seed, log });
  log(`labeller: ${labeller.size} features, ${labeller.weights} weights`);

  const model = new SyntaxModel({
    hyphenPrefixes: hyphenPrefixes(train),
    tagger,
    lemmatizer,
    parser,
    labeller,
    labels,
    meta: { data: trainFiles.map((f) => basename(f)), licence, seed, iterations: it },
  });
  const buf = model.toFile();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buf);
  log(`wrote ${out} (${(buf.length / 1e6).toFixed(2)} MB)`);

  const reloaded = SyntaxModel.fromFile(buf);
  if (existsSync(blindFile)) {
    const s = scoreConllu(reloaded, read(blindFile));
    console.log(
      `blind ${basename(blindFile)}: UPOS ${s.upos.toFixed(2)} UAS ${s.uas.toFixed(2)} LAS ${s.las.toFixed(2)}`,
    );
  }
  if (existsSync(devFile)) {
    const s = scoreConllu(reloaded, read(devFile));
    console.log(`dev ${basename(devFile)}:\n${formatConlluScores(s)}LAS ${s.las.toFixed(2)}`);
  }
}

main();
