/**
 * Dumps the quotes of stories as one line per quote (file, kind, rule, cue with the parser's lemma, part of
 * speech and relation, speaker, the first words of the content), so that a change to quote cues or speakers can
 * be read quote by quote on tuned material and checked with `diff` before and after.
 *
 * Run: `npx vite-node scripts/dump-quotes.ts -- <folder or files…> > quotes.txt`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readWireText } from '../src/ingest/wire-text.js';
import { analyzeDocument } from '../src/services/analyze.js';
import { SyntaxIndex } from '../src/stages/syntax/query.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
const files: string[] = [];
for (const a of args) {
  if (!existsSync(a)) throw new Error(`missing ${a}`);
  if (statSync(a).isDirectory()) {
    for (const f of readdirSync(a).sort()) if (f.endsWith('.txt')) files.push(path.join(a, f));
  } else files.push(a);
}
for (const f of files) {
  const doc = analyzeDocument(readWireText(readFileSync(f, 'utf8')));
  const ix = new SyntaxIndex(doc.get('syntax'));
  for (const q of doc.get('quotes')) {
    const k = q.cue ? ix.wordAt(q.cue.start) : -1;
    const w = k >= 0 ? ix.words[k]! : null;
    const cue = q.cue ? `${q.cue.text}[${w ? `${w.lemma}/${w.upos}/${w.deprel}` : '?'}]` : '-';
    const content = q.text.replace(/\s+/g, ' ').slice(0, 90);
    process.stdout.write(
      `${path.basename(f)}\t${q.kind}\t${(q as { rule?: string }).rule ?? ''}\t${cue}\t${q.speakerName ?? q.speaker ?? '-'}\t${content}\n`,
    );
  }
}
