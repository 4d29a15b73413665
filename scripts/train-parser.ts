/**
 * `npm run train:parser`: trains newsintel's syntax model (UPOS tagger, lemmatiser, arc-hybrid parser and arc
 * arc labeller) on Universal Dependencies English and writes `models/parser/parser-ud-en.bin.gz`. Reproducible:
 * fixed seed, fixed iteration counts, every path an argument with a default.
 *
 *   --train a.conllu,b.conllu   training treebanks (default: UD English-EWT train, from /tmp, see
 *                               models/parser/README.md, plus EWT dev, plus the CC-BY part of UD English-GUM,
 *                               /tmp/en_gum-ud-ccby.conllu; tune with --train <EWT train>,<GUM file>, without dev)
 *   --dev   file.conllu         tuning split, scored after training (default: EWT dev in ../shared)
 *   --blind file.conllu         blind split: only its score is printed (default: PUD test in ../shared)
 *   --out   file.bin.gz         model file (default: models/parser/parser-ud-en.bin.gz; binary container)
 *   --seed N  --tagger-iterations N  --parser-iterations N  --jackknife K  --explore P
 *   --folds-by block|stride     jackknife folds: K contiguous blocks, whole documents (default), or every K-th sentence
 *   --fine-tags yes|no          tag UPOS paired with the treebank's XPOS (default) or UPOS alone
 *   --prune W                   drop weights of magnitude below W (default 0.25; 0 keeps all)
 *   --label-features yes|no     the parser reads the relations of the arcs built so far (default no)
 *   --clause-features yes|no    the parser reads verbs, punctuation and quotes between s0, s1 and b0 (default no)
 *   --word-classes FILE|none    word-class table (`npm run train:clusters` output) whose classes the tagger and
 *                               parser read as features, stored in the model file (default none)
 *   --class-features both|tagger|parser   which models read the classes (default both)
 *   --curve-from N              score the dev split after every epoch from N on (a learning curve; default off)
 *   --snapshots 12,14           also write the model after these epochs (<out>-e12.bin.gz), each identical to the
 *                               file of a run with that many parser iterations
 *   --blind none                skip the blind split (for tuning runs: it is scored only for a final candidate)
 *   --licence TEXT              licence of the training data, recorded in the model file
 *   --ewt-repo DIR              git dir of UD_English-EWT; a missing en_ewt-ud-train.conllu is written from it
 *   --gum-repo DIR              git dir of UD_English-GUM; a missing en_gum-ud-ccby.conllu is written from it
 *                               (the CC-BY and public-domain genres of its train and dev documents, see GUM_GENRES)
 *
 * The parser and its arc labeller are trained on tags predicted by jackknifing (K taggers each trained without one
 * fold), so that they learn from the kind of tags they will see at run time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { formatConlluScores, scoreConllu } from '../src/services/evaluate/conllu.js';
import { WordClasses, type WordClassesFile } from '../src/stages/syntax/classes.js';
import { type ConlluSentence, type ConlluWord, parseConllu } from '../src/stages/syntax/conllu.js';
import { encodeSentence, TagSet, UPOS } from '../src/stages/syntax/encode.js';
import { Lemmatizer } from '../src/stages/syntax/lemmatizer.js';
import { SyntaxModel } from '../src/stages/syntax/model.js';
import { type ParserExample, trainParser } from '../src/stages/syntax/parser.js';
import type { CompactModel } from '../src/stages/syntax/perceptron.js';
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

/**
 * GUM genres whose source texts, and so their annotations, the GUM LICENSE.txt puts under CC-BY or in the public
 * domain: Wikinews news, interviews and biographies and Wikivoyage (CC-BY), OpenStax textbooks (CC-BY), YouTube
 * Creative Commons vlogs (CC-BY), political speeches (public domain), Santa Barbara Corpus conversations (CC-BY).
 * Left out: wikiHow and fiction (CC-BY-NC-SA), Reddit (separate licence, forms underscored in the UD release) and
 * genres the licence file does not name (academic, court, essay, letter, podcast).
 */
/** File name under which the CC-BY part of GUM is written. */
const GUM_FILE = 'en_gum-ud-ccby.conllu';

const GUM_GENRES = ['bio', 'conversation', 'interview', 'news', 'speech', 'textbook', 'vlog', 'voyage'];

/**
 * Writes the CC-BY part of UD English-GUM's train and dev documents from a clone (or bare mirror) of
 * UniversalDependencies/UD_English-GUM: the documents of `not-to-release/file-lists/files.train` and `files.dev`
 * (in that order) whose genre is in GUM_GENRES, read from `not-to-release/sources/`; sentences with a `_` word form
 * (text withheld) are dropped. GUM test documents are never read.
 */
function extractGumCcBy(repo: string, target: string): void {
  const git = (...a: string[]) =>
    execFileSync('git', [`--git-dir=${repo}`, ...a], { maxBuffer: 1 << 30, encoding: 'utf8' });
  const docs = ['train', 'dev']
    .flatMap((split) => git('show', `HEAD:not-to-release/file-lists/files.${split}`).split('\n'))
    .filter((d) => GUM_GENRES.includes(/^GUM_([a-z]+)_/.exec(d)?.[1] ?? ''));
  let kept = 0;
  let dropped = 0;
  const out: string[] = [];
  for (const d of docs) {
    for (const block of git('show', `HEAD:not-to-release/sources/${d}.conllu`).split(/\n\s*\n/)) {
      if (!block.trim()) continue;
      const withheld = block
        .split('\n')
        .some((l) => !l.startsWith('#') && l.split('\t')[1] === '_' && /^\d+\t/.test(l));
      if (withheld) dropped++;
      else {
        kept++;
        out.push(`${block.trim()}\n\n`);
      }
    }
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, out.join(''));
  console.log(
    `train-parser: wrote ${target} from ${repo}: ${docs.length} documents, ${kept} sentences (${dropped} with withheld forms dropped)`,
  );
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
  const devFile = arg('dev', resolve(ud, 'en_ewt-ud-dev.conllu'));
  // The shipped model is trained on EWT train + dev once settings were tuned on dev with train alone.
  const trainFiles = arg('train', `/tmp/en_ewt-ud-train.conllu,${devFile},/tmp/${GUM_FILE}`)
    .split(',')
    .filter(Boolean);
  const blindFile = arg('blind', resolve(ud, 'en_pud-ud-test.conllu'));
  const out = arg('out', resolve(root, 'models/parser/parser-ud-en.bin.gz'));
  const seed = Number(arg('seed', '1'));
  const it = {
    tagger: Number(arg('tagger-iterations', '6')),
    parser: Number(arg('parser-iterations', '8')),
  };
  const folds = Number(arg('jackknife', '4'));
  const licence = arg(
    'licence',
    'CC BY-SA 4.0 (UD English-EWT); CC BY 4.0 / public domain parts of UD English-GUM',
  );
  const log = (m: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${m}`);

  const ewtRepo = arg('ewt-repo', '/work/.mirror/UniversalDependencies+UD_English-EWT/repo');
  const gumRepo = arg('gum-repo', '/work/.mirror/UniversalDependencies+UD_English-GUM/repo');
  for (const f of trainFiles) {
    if (!existsSync(f) && basename(f) === 'en_ewt-ud-train.conllu' && existsSync(ewtRepo))
      extractEwtTrain(ewtRepo, f);
    if (!existsSync(f) && basename(f) === GUM_FILE && existsSync(gumRepo)) extractGumCcBy(gumRepo, f);
  }
  const train = trainFiles.flatMap((f) => read(f));
  log(`train: ${train.length} sentences from ${trainFiles.map((f) => basename(f)).join(', ')}`);

  // Word classes learnt from unlabelled text (see models/parser/README.md for the table the shipped file uses).
  const classFile = arg('word-classes', 'none');
  let classes: WordClasses | undefined;
  let classData: string | undefined;
  if (classFile !== 'none') {
    const raw = JSON.parse(gunzipSync(readFileSync(classFile)).toString('utf8')) as WordClassesFile & {
      meta?: { data?: string };
    };
    classData = raw.meta?.data;
    classes = new WordClasses({ sizes: raw.sizes, words: raw.words, ids: raw.ids, data: classData });
    log(`word classes: ${raw.words.length} words, sizes ${raw.sizes.join('/')} from ${basename(classFile)}`);
  }
  const classUse = arg('class-features', 'both');
  const taggerClasses = classUse === 'both' || classUse === 'tagger' ? classes : undefined;
  const parserClasses = classUse === 'both' || classUse === 'parser' ? classes : undefined;

  const fine = arg('fine-tags', 'yes') === 'yes';
  const tagset = TagSet.fromTreebank(
    train.flatMap((s) => s.words),
    fine,
  );
  const tagOf = (w: ConlluWord) => tagset.id(TagSet.nameOf(w, fine));
  const tagDict = buildTagDict(train, tagOf);
  log(
    `tag set: ${tagset.names.length} tags (${fine ? 'UPOS|XPOS' : 'UPOS'}); tag dictionary: ${tagDict.size} forms`,
  );

  // Jackknifed tags for the parser's training data. Folds are either every K-th sentence ('stride') or K
  // contiguous blocks ('block'): treebank files keep a document's sentences together, so blocks hold out whole
  // documents and their words, and the held-out tags are as noisy as on new text.
  const foldsBy = arg('folds-by', 'block');
  const foldOf = (i: number) => (foldsBy === 'block' ? Math.floor((i * folds) / train.length) : i % folds);
  const predicted: Uint8Array[] = train.map((s) => Uint8Array.from(s.words, tagOf));
  if (folds > 1) {
    for (let f = 0; f < folds; f++) {
      const rest = train.filter((_, i) => foldOf(i) !== f);
      const m = new UposTagger(
        trainTagger(rest, {
          iterations: it.tagger,
          seed: seed + f,
          tagset,
          tagOf,
          tagDict,
          classes: taggerClasses,
        }),
        tagset,
        tagDict,
        taggerClasses,
      );
      let right = 0;
      let total = 0;
      train.forEach((s, i) => {
        if (foldOf(i) !== f) return;
        predicted[i] = m.tagIds(encodeSentence(s.words.map((w) => w.form)));
        s.words.forEach((w, j) => {
          total++;
          if (UPOS[tagset.upos[predicted[i]![j]!]!] === w.upos) right++;
        });
      });
      log(`jackknife fold ${f + 1}/${folds}: held-out UPOS ${((100 * right) / total).toFixed(2)}`);
    }
  }
  const taggerModel = trainTagger(train, {
    iterations: it.tagger,
    seed,
    tagset,
    tagOf,
    tagDict,
    classes: taggerClasses,
    log,
  });
  log(`tagger: ${taggerModel.size} features, ${taggerModel.weights} weights`);

  const lemmatizer = Lemmatizer.train(train);

  const labelSet = new Map<string, number>();
  for (const s of train)
    for (const w of s.words)
      if (w.head >= 0 && !labelSet.has(w.deprel)) labelSet.set(w.deprel, labelSet.size);
  const labels = [...labelSet.keys()];

  const examples: ParserExample[] = train.map((s, i) => ({
    input: {
      e: encodeSentence(s.words.map((w) => w.form)),
      tags: predicted[i]!,
      upos: Uint8Array.from(predicted[i]!, (t) => tagset.upos[t]!),
    },
    heads: Int32Array.from(s.words, (w) => w.head),
    labels: Uint16Array.from(s.words, (w) => (w.head >= 0 ? labelSet.get(w.deprel)! : 0)),
  }));
  const explore = Number(arg('explore', '0.9'));
  const labelFeatures = arg('label-features', 'no') === 'yes';
  const clauseFeatures = arg('clause-features', 'no') === 'yes';
  const curveFrom = Number(arg('curve-from', '0'));
  const curveDev = curveFrom > 0 && existsSync(devFile) ? read(devFile) : [];
  const snapshots = new Set(arg('snapshots', '').split(',').filter(Boolean).map(Number));
  // Weights below the prune threshold are dropped: smaller tables, fewer cache misses, faster parsing.
  const prune = Number(arg('prune', '0.25'));
  const prefixes = hyphenPrefixes(train);
  const tagger = new UposTagger(taggerModel.pruned(prune), tagset, tagDict, taggerClasses);
  /** The model file a run of `epochs` parser iterations writes (averaged weights after that many epochs). */
  const build = (parser: CompactModel, arcs: CompactModel, epochs: number) =>
    new SyntaxModel({
      hyphenPrefixes: prefixes,
      tagger,
      lemmatizer,
      parser: parser.pruned(prune),
      arcs: arcs.pruned(prune),
      labels,
      classes,
      meta: {
        data: trainFiles.map((f) => basename(f)),
        licence,
        seed,
        iterations: { ...it, parser: epochs },
        prune,
        labelFeatures,
        clauseFeatures,
        ...(classes
          ? { wordClasses: { tagger: !!taggerClasses, parser: !!parserClasses, data: classData } }
          : {}),
      },
    });
  const write = (model: SyntaxModel, file: string) => {
    const buf = model.toFile();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, buf);
    log(`wrote ${file} (${(buf.length / 1e6).toFixed(2)} MB)`);
    return buf;
  };
  const onEpoch = (epoch: number, parser: CompactModel, arcs: CompactModel) => {
    if (curveDev.length > 0 && epoch >= curveFrom) {
      const s = scoreConllu(build(parser, arcs, epoch), curveDev);
      log(`curve: epoch ${epoch} dev UAS ${s.uas.toFixed(2)} LAS ${s.las.toFixed(2)}`);
    }
    // identical to the file of a run with --parser-iterations <epoch> (same seed, same order of updates)
    if (snapshots.has(epoch))
      write(build(parser, arcs, epoch), out.replace(/\.bin\.gz$/, `-e${epoch}.bin.gz`));
  };
  const { parser, arcs } = trainParser(examples, labels.length, {
    iterations: it.parser,
    seed,
    explore,
    config: { labelFeatures, clauseFeatures, ...(parserClasses ? { classes: parserClasses } : {}) },
    log,
    onEpoch,
  });
  log(
    `parser: ${parser.size} features, ${parser.weights} weights; arc labeller: ${arcs.size} features, ${arcs.weights} weights`,
  );

  const model = build(parser, arcs, it.parser);
  log(`after pruning at ${prune}: parser ${model.parser.size}, arcs ${model.arcs.size} features`);
  const buf = write(model, out);

  const reloaded = SyntaxModel.fromFile(buf);
  if (blindFile !== 'none' && existsSync(blindFile)) {
    const s = scoreConllu(reloaded, read(blindFile));
    console.log(
      `blind ${basename(blindFile)}: UPOS ${s.upos.toFixed(2)} UAS ${s.uas.toFixed(2)} LAS ${s.las.toFixed(2)}`,
    );
  }
  if (existsSync(devFile)) {
    const s = scoreConllu(reloaded, read(devFile));
    const seen = trainFiles.some((f) => resolve(f) === resolve(devFile));
    const note = seen ? ' (IN THE TRAINING DATA: not a held-out figure)' : '';
    console.log(`dev ${basename(devFile)}${note}:\n${formatConlluScores(s)}LAS ${s.las.toFixed(2)}`);
  }
}

main();
