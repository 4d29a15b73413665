/**
 * Lists the quotes of a PolNeAR split that overlap no gold content (false positives) and the matched quotes
 * whose speaker misses the gold source, one line each with the rule and the cue's lemma, tag and relation, so
 * that a change to quote cues can be read error by error on the tuned split.
 *
 * Run: `npx vite-node scripts/polnear-errors.ts -- ../shared/eval/quotes/polnear/dev [--default]`
 * (`--default` scores the default quotes stage instead of the `stance` mode the evaluator uses).
 */
import { createPipeline, type Pipeline } from '../src/core/pipeline.js';
import type { Stage } from '../src/core/stage.js';
import type { Quote, Span, TextSpan } from '../src/core/types.js';
import { getDefaultPipeline } from '../src/services/analyze.js';
import { polnearDocuments, quotesPipeline, scoredQuotes } from '../src/services/evaluate/polnear.js';
import { quotesStage } from '../src/stages/quotes/index.js';
import { SyntaxIndex } from '../src/stages/syntax/query.js';

const args = process.argv.slice(2).filter((a) => a !== '--');
const dir = args.find((a) => !a.startsWith('--'))!;
let pipeline: Pipeline = quotesPipeline();
if (args.includes('--default')) {
  const stages = [...getDefaultPipeline().stages] as Stage[];
  stages[stages.findIndex((s) => s.name === 'quotes')] = quotesStage() as Stage;
  pipeline = createPipeline(stages);
}
const ov = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const one = (s: string) => s.replace(/\s+/g, ' ').slice(0, 110);
for (const { base, text, gold, doc } of polnearDocuments(dir, pipeline)) {
  const map = doc.get('offsetMap');
  const ix = new SyntaxIndex(doc.get('syntax'));
  const ents = new Map(doc.get('entities').map((e) => [e.id, e]));
  for (const q of scoredQuotes(doc.get('quotes')) as (Quote & {
    rule?: string;
    speakerSpan?: TextSpan | null;
  })[]) {
    const r = map.spanToRaw(q);
    const k = q.cue ? ix.wordAt(q.cue.start) : -1;
    const w = k >= 0 ? ix.words[k]! : null;
    const cue = q.cue ? `${q.cue.text}[${w ? `${w.lemma}/${w.upos}/${w.deprel}` : '?'}]` : '-';
    const g = gold.find((x) => x.content.some((c) => ov(c, r) > 0));
    if (!g) {
      process.stdout.write(
        `FP\t${base}\t${q.kind}\t${q.rule}\t${cue}\t${q.speakerName ?? '-'}\t${one(q.text)}\n`,
      );
      continue;
    }
    if (g.source.length === 0) continue;
    const spans: Span[] = [];
    if (q.speakerSpan) spans.push(map.spanToRaw(q.speakerSpan));
    const e = q.speaker ? ents.get(q.speaker) : undefined;
    if (e) for (const m of e.mentions) spans.push(map.spanToRaw(m));
    if (!spans.some((s) => g.source.some((x) => ov(s, x) > 0))) {
      const gs = g.source.map((s) => text.slice(s.start, s.end)).join('|');
      process.stdout.write(
        `SRC\t${base}\t${q.kind}\t${q.rule}\t${cue}\t${q.speakerName ?? '-'} != ${one(gs)}\t${one(q.text)}\n`,
      );
    }
  }
}
