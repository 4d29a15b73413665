/**
 * The single writer's cost per story, alone: the 150 wire stories are analysed first (not timed), then stored and
 * linked into fresh SQLite files two ways, interleaved in one process: one transaction to save and one to link per
 * story (the write path before issue 14's group commit), and the ingest writer (`ArticleWriter`: save + link in one
 * savepoint, stories that arrive together committed in one batch, stored columns compressed by the worker).
 * Prints wall and CPU ms per round; compare the two in the same run (the machine may be loaded).
 *
 * Run: `npm run build && node dist/scripts/bench-ingest-write.js [rounds] [arrivals]` (arrivals: how many results
 * reach the writer at once, as a pool delivers them; default 4).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeInput } from '../src/ingest/decode.js';
import { readInput } from '../src/ingest/read-input.js';
import { analyzeDocument, toAnalysis } from '../src/services/analyze.js';
import { ArticleWriter } from '../src/services/article-writer.js';
import { linkStoredArticle } from '../src/services/corpus.js';
import { packAnalysis, packText } from '../src/storage/codec.js';
import { openStore } from '../src/storage/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((a) => a !== '--');
const rounds = Number(args[0] ?? 2);
const arrivals = Number(args[1] ?? 4);
const dir = path.resolve(here, '../../../shared/eval/news/te3-silver-geopolitics/txt');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => path.join(dir, f));
const sources = files.map(
  (f) =>
    readInput(decodeInput(readFileSync(f), { maxBytes: 5e6 }), { filename: f, maxBytes: 5e6 }).sources[0]!,
);
const analyses = sources.map((s) => toAnalysis(analyzeDocument(s)));
const packed = analyses.map((a, i) => ({ raw: packText(sources[i]!.raw), analysis: packAnalysis(a) }));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'newsintel-write-'));

async function run(mode: 'two transactions' | 'writer'): Promise<string> {
  const file = path.join(tmp, `${mode.replace(' ', '-')}.db`);
  for (const x of ['', '-wal', '-shm']) rmSync(file + x, { force: true });
  const store = await openStore(file);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let batches = 0;
  if (mode === 'two transactions') {
    for (let i = 0; i < analyses.length; i++) {
      await store.saveArticle(analyses[i]!, sources[i]!.raw, files[i]!);
      await linkStoredArticle(store, analyses[i]!);
    }
    batches = analyses.length * 2;
  } else {
    const writer = new ArticleWriter(store);
    for (let i = 0; i < analyses.length; i += arrivals) {
      await Promise.all(
        analyses.slice(i, i + arrivals).map((analysis, j) =>
          writer.write({
            analysis,
            raw: sources[i + j]!.raw,
            origin: files[i + j]!,
            packed: packed[i + j],
          }),
        ),
      );
    }
    batches = writer.stats.batches;
  }
  const c = process.cpuUsage(c0);
  const line = `${mode.padEnd(16)} ${(performance.now() - t0).toFixed(0).padStart(6)} ms wall ${((c.user + c.system) / 1000).toFixed(0).padStart(6)} ms cpu, ${batches} commits`;
  await store.close();
  return line;
}

// One untimed pass loads the linker and storage modules and warms both paths.
await run('two transactions');
await run('writer');
for (let r = 1; r <= rounds; r++) {
  for (const mode of ['two transactions', 'writer'] as const) {
    console.log(`round ${r} ${await run(mode)} (load ${os.loadavg()[0]!.toFixed(1)})`);
  }
}
rmSync(tmp, { recursive: true, force: true });
