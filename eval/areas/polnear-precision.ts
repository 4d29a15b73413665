import path from 'node:path';
import { createPipeline } from '../../src/core/pipeline.js';
import type { Stage } from '../../src/core/stage.js';
import type { Quote, Span, TextSpan } from '../../src/core/types.js';
import { getDefaultPipeline } from '../../src/services/analyze.js';
import {
  type GoldAttribution,
  isDirectContent,
  polnearDocuments,
  quotedRegions,
  scoredQuotes,
} from '../../src/services/evaluate/polnear.js';
import { SyntaxIndex } from '../../src/stages/syntax/query.js';
import { type Blindness, type EvalArea, ratio, SHARED } from '../area.js';

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Counts of one precision run, by quote kind. */
interface KindCounts {
  quotes: number;
  /** Quotes whose content overlaps some gold attribution content. */
  attributed: number;
  /** Attributed quotes whose gold attribution has a source. */
  sourced: number;
  /** …whose speaker (phrase or any mention of its entity) overlaps that source. */
  speakerRight: number;
}

const zero = (): KindCounts => ({ quotes: 0, attributed: 0, sourced: 0, speakerRight: 0 });

/** The gold attribution a quote belongs to: the one whose content overlaps it most, or undefined. */
function goldOf(gold: readonly GoldAttribution[], r: Span): GoldAttribution | undefined {
  let best: GoldAttribution | undefined;
  let most = 0;
  for (const g of gold) {
    const ov = g.content.reduce((s, c) => s + overlap(c, r), 0);
    if (ov > most) {
      most = ov;
      best = g;
    }
  }
  return best;
}

/**
 * Precision of the DEFAULT quotes stage (speech only, not the `stance` mode `polnear-*` scores) on a PolNeAR
 * split. PolNeAR annotates nearly every attribution (its README's "pseudo-recall"), so a quote of ours whose
 * content overlaps no gold attribution content is very probably a false positive, and an attributed quote whose
 * speaker misses the gold source a speaker error. Headline: that precision; also speaker accuracy on the
 * attributed quotes, all and direct (a direct quote: gold content opening or closing with a quotation mark).
 * Tuned splits list each false positive and speaker error (rule, cue with its lemma/UPOS/relation, speaker,
 * content) as misses.
 */
export function polnearPrecisionArea(
  name: string,
  split: string,
  blindness: Blindness,
  note: string,
): EvalArea {
  const dir = `eval/quotes/polnear/${split}`;
  return {
    name,
    blindness,
    description: `default quotes stage on PolNeAR ${split}: a quote overlapping no gold attribution is a false positive (${note})`,
    needs: [dir],
    async run() {
      const by = new Map<string, KindCounts>();
      const direct = { sourced: 0, speakerRight: 0 };
      const misses: string[] = [];
      const one = (s: string) => s.replace(/\s+/g, ' ').slice(0, 110);
      let documents = 0;
      // the default pipeline up to its quotes stage (the stages after it do not change quotes)
      const stages = getDefaultPipeline().stages as Stage[];
      const pipeline = createPipeline(stages.slice(0, stages.findIndex((s) => s.name === 'quotes') + 1));
      for (const { base, text, gold, doc } of polnearDocuments(path.join(SHARED, dir), pipeline)) {
        documents++;
        const map = doc.get('offsetMap');
        const ix = blindness === 'blind' ? null : new SyntaxIndex(doc.get('syntax'));
        const ents = new Map(doc.get('entities').map((e) => [e.id, e]));
        const regions = quotedRegions(text);
        for (const q of scoredQuotes(doc.get('quotes')) as (Quote & {
          rule?: string;
          speakerSpan?: TextSpan | null;
        })[]) {
          const c = by.get(q.kind) ?? zero();
          by.set(q.kind, c);
          c.quotes++;
          const r = map.spanToRaw(q);
          const g = goldOf(gold, r);
          const cue = () => {
            if (!q.cue || !ix) return q.cue ? q.cue.text : '-';
            const k = ix.wordAt(q.cue.start);
            const w = k >= 0 ? ix.words[k]! : null;
            return `${q.cue.text}[${w ? `${w.lemma}/${w.upos}/${w.deprel}` : '?'}]`;
          };
          if (!g) {
            if (ix)
              misses.push(
                `FP\t${base}\t${q.kind}\t${q.rule}\t${cue()}\t${q.speakerName ?? '-'}\t${one(q.text)}`,
              );
            continue;
          }
          c.attributed++;
          if (g.source.length === 0) continue;
          c.sourced++;
          const spans: Span[] = [];
          if (q.speakerSpan) spans.push(map.spanToRaw(q.speakerSpan));
          const e = q.speaker ? ents.get(q.speaker) : undefined;
          if (e) for (const m of e.mentions) spans.push(map.spanToRaw(m));
          const ok = spans.some((s) => g.source.some((x) => overlap(s, x) > 0));
          if (ok) c.speakerRight++;
          if (isDirectContent(text, g.content, regions)) {
            direct.sourced++;
            if (ok) direct.speakerRight++;
          }
          if (!ok && ix) {
            const gs = g.source.map((s) => text.slice(s.start, s.end)).join('|');
            misses.push(
              `SRC\t${base}\t${q.kind}\t${q.rule}\t${cue()}\t${q.speakerName ?? '-'} != ${one(gs)}\t${one(q.text)}`,
            );
          }
        }
      }
      const all = zero();
      const lines = [`PolNeAR ${split}, default quotes stage: ${documents} documents`];
      for (const kind of ['direct', 'indirect', 'partial']) {
        const c = by.get(kind) ?? zero();
        for (const k of Object.keys(all) as (keyof KindCounts)[]) all[k] += c[k];
        lines.push(
          `${kind.padEnd(9)} attributed ${ratio(c.attributed, c.quotes).padEnd(20)} speaker ${ratio(c.speakerRight, c.sourced)}`,
        );
      }
      lines.push(
        `${'all'.padEnd(9)} attributed ${ratio(all.attributed, all.quotes).padEnd(20)} speaker ${ratio(all.speakerRight, all.sourced)}`,
      );
      lines.push(`speaker on direct gold contents: ${ratio(direct.speakerRight, direct.sourced)}`);
      // as the exhaustive wire areas count precision: the quote is attributed and its speaker is right
      const strict = all.attributed - (all.sourced - all.speakerRight);
      lines.push(`attributed with the right speaker (or no gold source): ${ratio(strict, all.quotes)}`);
      return {
        lines,
        metric: 'quote precision (attributed)',
        value: all.quotes ? (100 * all.attributed) / all.quotes : 0,
        misses: blindness === 'blind' ? undefined : misses,
      };
    },
  };
}

export const polnearDevPrecision = polnearPrecisionArea(
  'polnear-dev-precision',
  'dev',
  'tuned',
  'tuned on: its false positives are read',
);

export const polnearTrainPrecision = polnearPrecisionArea(
  'polnear-train-precision',
  'train',
  'blind',
  'its errors were never read: totals only',
);
