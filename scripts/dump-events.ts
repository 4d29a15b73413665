/**
 * Dumps the events of every story in a folder (default: the 150 wire stories of
 * `../shared/eval/news/te3-silver-geopolitics/txt`) as one JSON line per story, so that a refactoring of the
 * events stage can be checked for unchanged output with `diff`.
 *
 * Run: `npx vite-node scripts/dump-events.ts -- [folder] > before.jsonl`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/services/analyze.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((a) => a !== '--');
const dir = path.resolve(args[0] ?? path.join(here, '../../shared/eval/news/te3-silver-geopolitics/txt'));
if (!existsSync(dir)) throw new Error(`missing ${dir}`);
for (const f of readdirSync(dir).sort()) {
  if (!f.endsWith('.txt')) continue;
  const a = analyze(readFileSync(path.join(dir, f), 'utf8'));
  process.stdout.write(`${JSON.stringify({ file: f, events: a.events })}\n`);
}
