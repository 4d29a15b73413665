/**
 * Learns the word classes the NER tagger uses as features: `npm run train:clusters` (then `npm run train:ner
 * -- --clusters` embeds them in the NER model). Deterministic: fixed file order, fixed iterations, no randomness.
 *
 * Unlabelled text: only sources whose licence lets us ship weights derived from them. Nothing is downloaded at
 * run time and no text is copied into the repo; only the word → class table is kept (inside the NER model).
 * - ../shared/eval/ner/conll2003/eng.train: the NER training text itself (Reuters RCV1, research use only; the
 *   NER model is already derived from it under the same terms);
 * - ../shared/eval/ner/wikigold: Wikipedia sentences (CC-BY-4.0);
 * - from --text DIR, ewt/*.conllu: UD English Web Treebank train + dev documents (CC-BY-SA-4.0), the per-document files under not-to-release/sources/ listed in
 *   not-to-release/file-lists/files.{train,dev} of UniversalDependencies/UD_English-EWT (commit 15d613d8);
 *   the `# text =` lines are read, not the treebank's tokens (our tokenizer is used, as at tagging time);
 * - from --text DIR, gum/*.conllu: the UD English GUM documents (UniversalDependencies/UD_English-GUM, commit
 *   afb41ee9, not-to-release/sources/) of the genres whose texts are CC-BY or public domain by GUM's LICENSE.txt:
 *   news, interview and bio (Wikinews/Wikipedia), voyage (Wikivoyage), textbook (OpenStax), speech (public
 *   domain), vlog (YouTube CC-BY), conversation (Santa Barbara Corpus, CC-BY). Left out: whow and fiction
 *   (CC-BY-NC-SA), and academic, court, essay, letter, podcast (no licence stated for the text). GUM's
 *   annotations are CC-BY-NC-SA; we read only the text (`# text =`), never an annotation.
 * Not used (evaluation only or tuned on): the Gigaword AFP/Xinhua stories, PolNeAR, re3d, UD PUD, EWT test,
 * CoNLL eng.testa and any held-out split.
 *
 * To make --text DIR from the two snapshots: for EWT, `git show HEAD:not-to-release/sources/<f>` for each <f> of
 * files.train and files.dev, saved as ewt/<f with / → _>; for GUM, each not-to-release/sources/GUM_<genre>_*.conllu
 * of the genres above, saved as gum/<name>. Without --text the classes are learnt from the first two sources.
 *
 * Words keep their case (see `normaliseCase`); --lower clusters lower-cased words instead.
 *
 * Flags: --sizes 32,128,512 (class counts), --iterations N, --min-count N, --text DIR, --lower, --out FILE,
 * --no-eng-train (leave out CoNLL eng.train: the parser's classes, whose weights carry no research-only term).
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
const textDir = arg('text');
const flag = (name: string) => process.argv.includes(`--${name}`);
const out = arg('out') ?? path.join(root, 'models', 'ner', 'word-classes.json.gz');

let ewtDocs = 0;

/** Sentences of tokens as written from every source, in a fixed order. */
function corpus(): string[][] {
  const sents: string[][] = [];
  const addText = (text: string) => {
    const toks = tokenize(text);
    for (const [s, e] of splitSentences(toks, text)) sents.push(toks.slice(s, e).map((t) => t.text));
  };
  // CoNLL-U: the `# text =` line of each sentence (the raw sentence), tokenized as at tagging time.
  const conllu = (dir: string) => {
    if (!existsSync(dir)) return 0;
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.conllu'))
      .sort();
    for (const f of files)
      for (const line of readFileSync(path.join(dir, f), 'utf8').split('\n'))
        if (line.startsWith('# text = ')) addText(line.slice(9));
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
      } else cur.push(w);
    }
    if (cur.length) sents.push(cur);
  };
  // --no-eng-train: leave out the Reuters text (research use only), for weights shared under CC terms
  const engTrain = !flag('no-eng-train');
  if (engTrain) conllTokens(path.join(shared, 'ner/conll2003/eng.train'));
  conllTokens(path.join(shared, 'ner/wikigold/wikigold.conll.txt'));
  const nEwt = textDir ? conllu(path.join(textDir, 'ewt')) : 0;
  ewtDocs = nEwt;
  const nGum = textDir ? conllu(path.join(textDir, 'gum')) : 0;
  console.error(
    `train-clusters: ${engTrain ? 'CoNLL eng.train, ' : ''}wikigold, ${nEwt} EWT documents, ${nGum} GUM documents`,
  );
  return sents;
}

/**
 * Case as the classes keep it: a word keeps its case ("Park" the name, "park" the noun), except where case says
 * nothing: a sentence's first word and a word in capitals (a headline) take the form of the word seen most often
 * elsewhere (as written, title case or lower case; lower case if none), as `wordClassOf` looks them up.
 */
function normaliseCase(sents: string[][]): void {
  const isCaps = (w: string) => w.length > 1 && w !== w.toLowerCase() && w === w.toUpperCase();
  const seen = new Map<string, number>();
  for (const s of sents)
    for (let i = 1; i < s.length; i++) if (!isCaps(s[i]!)) seen.set(s[i]!, (seen.get(s[i]!) ?? 0) + 1);
  for (const s of sents)
    for (let i = 0; i < s.length; i++) {
      const w = s[i]!;
      if (i > 0 && !isCaps(w)) continue;
      const lower = w.toLowerCase();
      let best = lower;
      let n = seen.get(lower) ?? 0;
      for (const c of [w, w[0]! + w.slice(1).toLowerCase()]) {
        const k = seen.get(c) ?? 0;
        if (k > n) {
          n = k;
          best = c;
        }
      }
      s[i] = best;
    }
}

const t0 = Date.now();
const sents = corpus();
if (!flag('lower')) normaliseCase(sents);
else for (const s of sents) for (let i = 0; i < s.length; i++) s[i] = s[i]!.toLowerCase();
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
    algorithm: flag('lower')
      ? 'predictive exchange (Uszkoreit & Brants 2008), lower-cased tokens'
      : 'predictive exchange (Uszkoreit & Brants 2008), tokens as written (sentence-initial and capitals words normalised)',
    tokens,
    minCount,
    iterations,
    data: flag('no-eng-train')
      ? `wikigold (CC-BY-4.0), UD English EWT text of ${ewtDocs} train/dev documents (CC-BY-SA-4.0), UD English GUM text of its CC-BY and public-domain genres (news, interview, bio, voyage, textbook, speech, vlog, conversation)`
      : 'CoNLL-2003 eng.train (Reuters RCV1, research use only), wikigold (CC-BY-4.0), UD English EWT train+dev text (CC-BY-SA-4.0), UD English GUM text of its CC-BY and public-domain genres (news, interview, bio, voyage, textbook, speech, vlog, conversation)',
  },
  words: words.map(([w]) => w),
  sizes,
  ids: result,
};
writeFileSync(out, gzipSync(JSON.stringify(payload), { level: 9 }));
console.error(`train-clusters: wrote ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
