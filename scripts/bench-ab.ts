/**
 * Interleaved A/B timing of the whole pipeline for speed-only changes: two built trees (e.g. a copy of `dist`
 * made before the change, and `dist` after it) are loaded into one process and run over the same stories in
 * alternating rounds (ABBA order), so that the load other processes put on a shared machine falls on both
 * alike. Reports each tree's median and best CPU seconds per round (CPU time of this process, steadier than
 * wall time under load) and the speed ratio B/A; speed is never asserted in tests.
 *
 * Run: `npm run build && cp -r dist /tmp/dist-a && …change… && npm run build &&
 * node dist/scripts/bench-ab.js /tmp/dist-a dist [rounds=8] [warm-up=3] [folder]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((a) => a !== '--');
const [a, b] = args;
if (!a || !b) throw new Error('usage: bench-ab <dist-a> <dist-b> [rounds] [warm-up] [folder]');
const rounds = Number(args[2] ?? 8);
const warmup = Number(args[3] ?? 3);
const dir = path.resolve(args[4] ?? path.join(here, '../../../shared/eval/news/te3-silver-geopolitics/txt'));
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(dir, f), 'utf8'));
const words = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);

interface Analyze {
  getDefaultPipeline(): { run(doc: unknown): { text: string } };
  articleId(text: string): string;
}

async function load(dist: string): Promise<() => number> {
  const at = (p: string) => pathToFileURL(path.resolve(dist, p)).href;
  const m = (await import(at('src/services/analyze.js'))) as Analyze;
  const { Document } = (await import(at('src/core/document.js'))) as {
    Document: new (id: string, src: unknown) => unknown;
  };
  const { readWireText } = (await import(at('src/ingest/wire-text.js'))) as {
    readWireText(t: string): unknown;
  };
  const pipeline = m.getDefaultPipeline();
  return () => {
    let sink = 0;
    for (const t of texts) sink += pipeline.run(new Document(m.articleId(t), readWireText(t))).text.length;
    return sink;
  };
}

const passes = [await load(a), await load(b)];
for (let w = 0; w < warmup; w++) for (const p of passes) p();
const times: number[][] = [[], []];
for (let r = 0; r < rounds; r++) {
  for (const i of r % 2 === 0 ? [0, 1] : [1, 0]) {
    const c0 = process.cpuUsage();
    passes[i]!();
    const c = process.cpuUsage(c0);
    times[i]!.push((c.user + c.system) / 1e6);
  }
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
for (const [i, name] of [a, b].entries()) {
  const t = times[i]!;
  console.log(
    `${name}: median ${median(t).toFixed(3)} s (${Math.round(words / median(t))} words/s), best ${Math.min(...t).toFixed(3)} s (${Math.round(words / Math.min(...t))} words/s) [${t.map((x) => x.toFixed(3)).join(' ')}]`,
  );
}
console.log(
  `speed ratio B/A: median ${(median(times[0]!) / median(times[1]!)).toFixed(3)}, best ${(Math.min(...times[0]!) / Math.min(...times[1]!)).toFixed(3)} (${words} words, ${texts.length} stories, ${rounds} rounds)`,
);
