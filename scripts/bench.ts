/**
 * `npm run bench`: throughput and memory of the pipeline on the 150 shared wire stories (the sample desk when
 * ../shared is absent, said in the output), cold (first pass in this fresh process) and warm (after warm-up), each
 * beside a baseline measured in the same run (reading and splitting the same files); peers like for like. Speed is
 * measured here, never asserted in tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document } from '../src/core/document.js';
import { readWireText } from '../src/ingest/wire-text.js';
import { analyze, articleId, getDefaultPipeline } from '../src/services/analyze.js';
import { defaultModelPath, loadDefaultTagger, loadTagger } from '../src/stages/entities/tagger/index.js';
import { encodeSentence } from '../src/stages/syntax/encode.js';
import {
  DEFAULT_SYNTAX_MODEL_FILE,
  defaultSyntaxModelPath,
  loadDefaultSyntaxModel,
  loadSyntaxModel,
} from '../src/stages/syntax/model.js';
import { parseSentence } from '../src/stages/syntax/parser.js';
import { udTokenize } from '../src/stages/syntax/tokenize.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const corpus = resolve(root, '../shared/eval/news/te3-silver-geopolitics/txt');

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function timeIt(rounds: number, fn: () => void): number {
  fn(); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) fn();
  return Number(process.hrtime.bigint() - t0) / 1e9 / rounds;
}

/**
 * Syntax rows: the UD words of the same stories (sentences stage output, re-tokenised the UD way), timed per
 * component on one core, beside a same-run baseline (UD tokenisation and word hashing alone).
 */
function syntaxBench(docs: readonly Document[], rounds: number): { words: number; rows: [string, number][] } {
  const model = loadDefaultSyntaxModel();
  const sentences: string[][] = [];
  for (const doc of docs) {
    const words = udTokenize(doc.text, doc.get('tokens'), { hyphenPrefixes: model.hyphenPrefixes });
    let cur: string[] = [];
    let si = -1;
    for (const w of words) {
      if (w.sentence !== si && cur.length > 0) {
        sentences.push(cur);
        cur = [];
      }
      si = w.sentence;
      cur.push(w.text);
    }
    if (cur.length > 0) sentences.push(cur);
  }
  const nWords = sentences.reduce((n, s) => n + s.length, 0);
  let sink = 0;
  const baseline = timeIt(rounds, () => {
    for (const doc of docs)
      sink += udTokenize(doc.text, doc.get('tokens'), { hyphenPrefixes: model.hyphenPrefixes }).length;
    for (const s of sentences) sink += encodeSentence(s).n;
  });
  const encoded = sentences.map((s) => encodeSentence(s));
  const tagger = timeIt(rounds, () => {
    for (const e of encoded) sink += model.tagger.tagIds(e).length;
  });
  const inputs = encoded.map((e) => {
    const tags = model.tagger.tagIds(e);
    return { e, tags, upos: Uint8Array.from(tags, (t) => model.tagger.tagset.upos[t]!) };
  });
  const parser = timeIt(rounds, () => {
    for (const input of inputs)
      sink += parseSentence(model.parser, model.arcs, input, model.parserConfig).heads.length;
  });
  const all = timeIt(rounds, () => {
    for (const s of sentences) sink += model.parse(s).length;
  });
  if (sink === -1) console.log(sink);
  return {
    words: nWords,
    rows: [
      ['baseline: UD tokenisation + word hashing', baseline],
      ['UPOS tagger alone', tagger],
      ['parser alone (heads + arc labels, given tags)', parser],
      ['tagger + parser + lemmas (SyntaxModel.parse)', all],
    ],
  };
}

async function main(): Promise<void> {
  // Without ../shared (a fresh clone), measure the sample desk we ship, and say so in the output.
  const dir = existsSync(corpus) ? corpus : resolve(root, 'samples');
  const note =
    dir === corpus
      ? ''
      : ` — ../shared is absent: measuring the sample desk (${dir}), not the 150 wire stories`;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
  const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const words = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);

  // Baseline: read and split the same files (I/O + paragraph and word split), in the same run.
  let sink = 0;
  const once = (fn: () => void): number => {
    const t0 = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const baselinePass = () => {
    for (const f of files) {
      const t = readFileSync(f, 'utf8');
      for (const p of t.split(/\n\s*\n/)) sink += p.split(/\s+/).length;
    }
  };
  // Cold: the first pass of each in this fresh process (models load on first use and are timed in it; the JIT
  // has not warmed up). Both before any other work.
  const coldBaseline = once(baselinePass);
  const analyzePass = () => {
    for (const t of texts) sink += analyze(t).article.text.length;
  };
  const coldFull = once(analyzePass);
  // Warm-up: the JIT needs about four passes over this text to reach its steady speed.
  const warmupPasses = Number(process.env.BENCH_WARMUP ?? 4);
  for (let i = 0; i < warmupPasses; i++) analyzePass();
  const baseline = timeIt(rounds, () => {
    for (const f of files) {
      const t = readFileSync(f, 'utf8');
      for (const p of t.split(/\n\s*\n/)) sink += p.split(/\s+/).length;
    }
  });

  const pipeline = getDefaultPipeline();
  const stageTime = new Map<string, number>();
  const sources = texts.map((t) => readWireText(t));
  const ids = texts.map((t) => articleId(t));
  const full = timeIt(rounds, () => {
    for (const t of texts) {
      const src = readWireText(t);
      let doc = new Document(articleId(t), src);
      doc = pipeline.run(doc);
      sink += doc.text.length;
    }
  });
  // Per-stage cost: run stages one by one and time each.
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < sources.length; i++) {
      let doc = new Document(ids[i]!, sources[i]!);
      for (const stage of pipeline.stages) {
        const t0 = process.hrtime.bigint();
        const out = stage.run(doc);
        stageTime.set(
          stage.name,
          (stageTime.get(stage.name) ?? 0) + Number(process.hrtime.bigint() - t0) / 1e9,
        );
        doc = doc.with(out);
      }
    }
  }
  // Peak RSS of our pipeline: taken here, before compromise (the peer below) is loaded into this process.
  const rssMb = process.resourceUsage().maxRSS / 1024;

  // NER alone, on the sentences and tokens of the same stories, beside compromise and wink-nlp on the same text.
  const tagger = loadDefaultTagger();
  const sentenceTokens: string[][] = [];
  const sentenceTexts: string[] = [];
  for (let i = 0; i < sources.length; i++) {
    let doc = new Document(ids[i]!, sources[i]!);
    for (const stage of pipeline.stages.slice(0, 2)) doc = doc.with(stage.run(doc));
    const toks = doc.get('tokens');
    for (const [si, sent] of doc.get('sentences').entries()) {
      sentenceTokens.push(toks.filter((t) => t.sentence === si).map((t) => t.text));
      sentenceTexts.push(doc.text.slice(sent.start, sent.end));
    }
  }
  const nTokens = sentenceTokens.reduce((n, s) => n + s.length, 0);
  // tagSpans is what the entities stage calls; tagSentence adds per-span confidence scores.
  const ours = timeIt(rounds, () => {
    for (const s of sentenceTokens) sink += tagger.tagSpans(s).length;
  });
  const scored = timeIt(rounds, () => {
    for (const s of sentenceTokens) sink += tagger.tagSentence(s).spans.length;
  });
  // The tagger caches score rows of word pairs it has met, and the rounds above repeat the same text: a fresh
  // model per round shows the speed on text it has never seen (model loading is not timed).
  let cold = 0;
  for (let r = 0; r < rounds; r++) {
    const fresh = loadTagger(defaultModelPath());
    const t0 = process.hrtime.bigint();
    for (const s of sentenceTokens) sink += fresh.tagSpans(s).length;
    cold += Number(process.hrtime.bigint() - t0) / 1e9 / rounds;
  }
  const require = createRequire(import.meta.url);
  const nerRows: Array<[string, number | null]> = [
    ['newsintel tagger, spans (as the entities stage runs it)', ours],
    ['newsintel tagger, spans, first pass with empty caches', cold],
    ['newsintel tagger, spans with confidence scores', scored],
  ];
  // Like for like with compromise (warm, same stories, one core): (a) the whole pipeline: its parse plus its
  // people/places/organisations/quotations, against our whole analyze; (b) the NER part: its parse plus its
  // people/places/organisations (its entities need its tagger), against our NER part (the entities stage on
  // documents already repaired and split, as in the pipeline). wink-nlp is not a peer: its lite model has no
  // people, organisations or places.
  const peerRows: Array<[string, number, number]> = [];
  try {
    const nlp = require('compromise');
    const prepared = sources.map((src, i) => {
      let doc = new Document(ids[i]!, src);
      for (const stage of pipeline.stages.slice(0, 2)) doc = doc.with(stage.run(doc));
      return doc;
    });
    const entitiesStage = pipeline.stages.find((st) => st.name === 'entities');
    const compromiseWhole = timeIt(rounds, () => {
      for (const t of texts) {
        const d = nlp(t);
        sink += d.people().length + d.places().length + d.organizations().length + d.quotations().length;
      }
    });
    const compromiseNer = timeIt(rounds, () => {
      for (const t of texts) {
        const d = nlp(t);
        sink += d.people().length + d.places().length + d.organizations().length;
      }
    });
    const oursNer = entitiesStage
      ? timeIt(rounds, () => {
          for (const d of prepared) sink += Object.keys(entitiesStage.run(d)).length;
        })
      : Number.NaN;
    peerRows.push([
      'whole pipeline: newsintel analyze vs compromise parse + entities + quotations',
      full,
      compromiseWhole,
    ]);
    peerRows.push([
      'NER part: newsintel entities stage vs compromise parse + people/places/organisations',
      oursNer,
      compromiseNer,
    ]);
  } catch {
    nerRows.push(['compromise (not installed)', null]);
  }

  console.log(
    `newsintel bench: ${files.length} stories, ${fmt(words)} words, ${rounds} rounds (Node ${process.version})${note}`,
  );
  console.log('');
  console.log('| pass | measure | seconds | articles/s | words/s | ratio to its baseline |');
  console.log('|---|---|---|---|---|---|');
  console.log(
    `| cold (first pass, fresh process) | baseline: read + split | ${coldBaseline.toFixed(4)} | ${fmt(files.length / coldBaseline)} | ${fmt(words / coldBaseline)} | 1.0x |`,
  );
  console.log(
    `| cold (first pass, fresh process) | analyze (full pipeline) | ${coldFull.toFixed(4)} | ${fmt(files.length / coldFull)} | ${fmt(words / coldFull)} | ${(coldFull / coldBaseline).toFixed(1)}x |`,
  );
  console.log(
    `| warm (after ${warmupPasses} passes; mean of ${rounds}) | baseline: read + split | ${baseline.toFixed(4)} | ${fmt(files.length / baseline)} | ${fmt(words / baseline)} | 1.0x |`,
  );
  console.log(
    `| warm (after ${warmupPasses} passes; mean of ${rounds}) | analyze (full pipeline) | ${full.toFixed(4)} | ${fmt(files.length / full)} | ${fmt(words / full)} | ${(full / baseline).toFixed(1)}x |`,
  );
  console.log('');
  console.log(
    '| stage | seconds/round | share of pipeline | added to the other stages | articles/s (stage alone) |',
  );
  console.log('|---|---|---|---|---|');
  const total = [...stageTime.values()].reduce((a, b) => a + b, 0);
  for (const [name, t] of stageTime) {
    const s = t / rounds;
    const added = (100 * t) / (total - t);
    console.log(
      `| ${name} | ${s.toFixed(4)} | ${((100 * t) / total).toFixed(1)}% | +${added.toFixed(1)}% | ${fmt(files.length / s)} |`,
    );
  }
  console.log('');
  console.log(`NER on the same ${fmt(nTokens)} tokens (${sentenceTokens.length} sentences), one core:`);
  console.log('');
  console.log('| tagger | seconds | tokens/s | ratio to newsintel |');
  console.log('|---|---|---|---|');
  for (const [name, t] of nerRows) {
    if (t === null) console.log(`| ${name} | - | - | - |`);
    else console.log(`| ${name} | ${t.toFixed(4)} | ${fmt(nTokens / t)} | ${(t / ours).toFixed(2)}x time |`);
  }
  if (peerRows.length > 0) {
    console.log('');
    console.log('Like for like with compromise (warm, same stories, one core):');
    console.log('');
    console.log('| job | newsintel s/round | compromise s/round | compromise time / newsintel time |');
    console.log('|---|---|---|---|');
    for (const [name, a, b] of peerRows)
      console.log(`| ${name} | ${a.toFixed(4)} | ${b.toFixed(4)} | ${(b / a).toFixed(2)}x |`);
  }
  const syntaxDocs = sources.map((src, i) => {
    let doc = new Document(ids[i]!, src);
    for (const stage of pipeline.stages.slice(0, 2)) doc = doc.with(stage.run(doc));
    return doc;
  });
  const syn = syntaxBench(syntaxDocs, rounds);
  // Model load from the file (the process already holds one copy; this times a second, fresh load).
  const loadStart = process.hrtime.bigint();
  loadSyntaxModel(defaultSyntaxModelPath());
  const modelLoadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  console.log('');
  console.log(`Syntax on the same stories: ${fmt(syn.words)} UD words, one core:`);
  console.log('');
  console.log('| measure | seconds/round | words/s | ratio to baseline |');
  console.log('|---|---|---|---|');
  for (const [name, t] of syn.rows) {
    console.log(
      `| ${name} | ${t.toFixed(4)} | ${fmt(syn.words / t)} | ${(t / syn.rows[0]![1]).toFixed(1)}x |`,
    );
  }
  console.log('');
  console.log(
    `peak RSS of this bench process after ${1 + warmupPasses + 2 * rounds} pipeline passes (before compromise is loaded): ${fmt(rssMb, 1)} MB; whole bench process: ${fmt(process.resourceUsage().maxRSS / 1024, 1)} MB (the pipeline's own peak, in fresh processes: npm run bench:rss)`,
  );
  console.log(`syntax model load (${DEFAULT_SYNTAX_MODEL_FILE}): ${fmt(modelLoadMs, 0)} ms`);
  console.log(`analyze words/s: ${fmt(words / full)}`);
  if (sink === -1) console.log(sink);
}

await main();
