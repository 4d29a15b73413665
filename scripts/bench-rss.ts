/**
 * Peak RSS of the analysis pipeline alone, as a distribution: one process's peak depends on when V8 collects
 * (the same tree gave 470 MB and 613 MB in two `npm run bench` runs), so a single sample cannot say whether the
 * pipeline stays under a limit. This runs `runs` fresh processes; each loads the default pipeline and analyses
 * the stories `passes` times (the first pass is the cold one), then reports its `maxRSS`. Prints every run and
 * the median. Nothing is asserted: speed and memory are reported by benches, never by tests.
 *
 * Run: `npm run build && node dist/scripts/bench-rss.js [runs=5] [passes=3] [folder]`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((a) => a !== '--');

async function child(passes: number, dir: string): Promise<void> {
  const { getDefaultPipeline, articleId } = await import('../src/services/analyze.js');
  const { Document } = await import('../src/core/document.js');
  const { readWireText } = await import('../src/ingest/wire-text.js');
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
  const pipeline = getDefaultPipeline();
  let sink = 0;
  for (let p = 0; p < passes; p++) {
    for (const t of texts) sink += pipeline.run(new Document(articleId(t), readWireText(t))).text.length;
  }
  process.stdout.write(`${(process.resourceUsage().maxRSS / 1024).toFixed(1)} ${sink}\n`);
}

if (args[0] === '--child') {
  await child(Number(args[1]), args[2]!);
} else {
  const runs = Number(args[0] ?? 5);
  const passes = Number(args[1] ?? 3);
  const dir = path.resolve(
    args[2] ?? path.join(here, '../../../shared/eval/news/te3-silver-geopolitics/txt'),
  );
  const peaks: number[] = [];
  for (let r = 0; r < runs; r++) {
    const out = execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--child', String(passes), dir],
      {
        encoding: 'utf8',
      },
    );
    peaks.push(Number(out.trim().split(' ')[0]));
    console.log(`run ${r + 1}: peak RSS ${peaks[r]!.toFixed(1)} MB`);
  }
  const sorted = [...peaks].sort((a, b) => a - b);
  console.log(
    `peak RSS of the pipeline over ${runs} fresh processes (${passes} passes each): median ${sorted[Math.floor(runs / 2)]!.toFixed(1)} MB, min ${sorted[0]!.toFixed(1)}, max ${sorted[runs - 1]!.toFixed(1)}`,
  );
}
