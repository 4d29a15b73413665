/**
 * Parser speed of several syntax model files side by side: `npx vite-node scripts/bench-parser-models.ts --
 * a.bin.gz b.bin.gz [--conllu file] [--rounds N]`. The machine is shared, so absolute times are noisy: the
 * models are timed in the same process, rounds interleaved (a b a b …), CPU time (user + system) of
 * `parseSentence` alone on tags each model's own tagger predicted; read the ratios. Default text: EWT dev forms.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseConllu } from '../src/stages/syntax/conllu.js';
import { encodeSentence } from '../src/stages/syntax/encode.js';
import { loadSyntaxModel } from '../src/stages/syntax/model.js';
import { type ParserInput, parseSentence } from '../src/stages/syntax/parser.js';

const args = process.argv.slice(2);
function flag(name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = args[i + 1]!;
  args.splice(i, 2);
  return v;
}
const conllu = flag('conllu', resolve('../shared/eval/syntax/ud-english/en_ewt-ud-dev.conllu'));
const rounds = Number(flag('rounds', '6'));
const files = args.filter((a) => a !== '--');
const sentences = parseConllu(readFileSync(conllu, 'utf8')).map((s) => s.words.map((w) => w.form));
const words = sentences.reduce((n, s) => n + s.length, 0);

const runs = files.map((file) => {
  const model = loadSyntaxModel(file);
  const inputs: ParserInput[] = sentences.map((s) => {
    const e = encodeSentence(s);
    const tags = model.tagger.tagIds(e);
    return { e, tags, upos: Uint8Array.from(tags, (t) => model.tagger.tagset.upos[t]!) };
  });
  return { file, model, inputs, times: [] as number[] };
});
let sink = 0;
for (let r = 0; r <= rounds; r++) {
  for (const run of runs) {
    const t0 = process.cpuUsage();
    for (const input of run.inputs)
      sink += parseSentence(run.model.parser, run.model.arcs, input, run.model.parserConfig).heads.length;
    const t = process.cpuUsage(t0);
    // round 0 warms the JIT and the caches
    if (r > 0) run.times.push((t.user + t.system) / 1e6);
  }
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const base = median(runs[0]!.times);
for (const run of runs) {
  const m = median(run.times);
  const min = Math.min(...run.times);
  console.log(
    `${run.file}: ${words} words, CPU s min ${min.toFixed(3)} median ${m.toFixed(3)} = ${Math.round(words / m)} words/s (median), ${(m / base).toFixed(3)}x the first file`,
  );
}
if (sink < 0) console.log(sink);
