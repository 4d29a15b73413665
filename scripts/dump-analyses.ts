/**
 * Writes the full analysis of every story in a folder (default: the 150 wire stories of
 * `../shared/eval/news/te3-silver-geopolitics/txt`) as one JSON file per story, with the internal layers the public
 * analysis leaves out (paragraphs, tokens, syntax, coref), so that a speed-only change can be checked for
 * byte-identical output with `diff -r`.
 *
 * Run: `npm run build && node dist/scripts/dump-analyses.js <out-dir> [folder]`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readWireText } from '../src/ingest/wire-text.js';
import { analyzeDocument, toAnalysis } from '../src/services/analyze.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((a) => a !== '--');
const out = args[0];
if (!out) throw new Error('usage: dump-analyses <out-dir> [folder]');
const dir = path.resolve(args[1] ?? path.join(here, '../../../shared/eval/news/te3-silver-geopolitics/txt'));
if (!existsSync(dir)) throw new Error(`missing ${dir}`);
mkdirSync(out, { recursive: true });
for (const f of readdirSync(dir).sort()) {
  if (!f.endsWith('.txt')) continue;
  const doc = analyzeDocument(readWireText(readFileSync(path.join(dir, f), 'utf8')));
  const internal = Object.fromEntries(
    (['paragraphs', 'tokens', 'syntax', 'coref'] as const).map((k) => [k, doc.has(k) ? doc.get(k) : null]),
  );
  writeFileSync(
    path.join(out, f.replace(/\.txt$/, '.json')),
    `${JSON.stringify({ analysis: toAnalysis(doc), internal }, null, 1)}\n`,
  );
}
