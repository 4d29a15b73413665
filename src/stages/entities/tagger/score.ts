/**
 * Exact-match span scoring in the manner of conlleval: a predicted entity counts only when its boundaries and
 * type both equal a gold entity's. Per-type and overall precision, recall and F1 (percentages).
 */

export interface TypedSpan {
  /** Any key that identifies the unit the span is in (sentence index, document id). */
  unit: number | string;
  start: number;
  end: number;
  type: string;
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SpanScores {
  overall: PRF;
  byType: Record<string, PRF>;
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp > 0 ? (100 * tp) / (tp + fp) : 0;
  const recall = tp + fn > 0 ? (100 * tp) / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

export class SpanScorer {
  private readonly counts = new Map<string, { tp: number; fp: number; fn: number }>();

  private c(type: string) {
    let v = this.counts.get(type);
    if (!v) {
      v = { tp: 0, fp: 0, fn: 0 };
      this.counts.set(type, v);
    }
    return v;
  }

  /** Adds one unit's gold and predicted spans (duplicates within a list are counted once). */
  add(gold: readonly TypedSpan[], pred: readonly TypedSpan[]): void {
    const key = (s: TypedSpan) => `${s.unit}\u0000${s.start}\u0000${s.end}\u0000${s.type}`;
    const g = new Map(gold.map((s) => [key(s), s]));
    const p = new Map(pred.map((s) => [key(s), s]));
    for (const [k, s] of p) {
      if (g.has(k)) this.c(s.type).tp++;
      else this.c(s.type).fp++;
    }
    for (const [k, s] of g) if (!p.has(k)) this.c(s.type).fn++;
  }

  result(): SpanScores {
    const byType: Record<string, PRF> = {};
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const type of [...this.counts.keys()].sort()) {
      const v = this.counts.get(type)!;
      byType[type] = prf(v.tp, v.fp, v.fn);
      tp += v.tp;
      fp += v.fp;
      fn += v.fn;
    }
    return { overall: prf(tp, fp, fn), byType };
  }
}

/** A fixed-width table: one row per type then `overall`, with gold/predicted counts and P/R/F1. */
export function formatScoreTable(s: SpanScores, title?: string): string {
  const rows: string[] = [];
  if (title) rows.push(title);
  rows.push(
    `${'type'.padEnd(10)} ${'gold'.padStart(6)} ${'pred'.padStart(6)} ${'P'.padStart(7)} ${'R'.padStart(7)} ${'F1'.padStart(7)}`,
  );
  const line = (name: string, v: PRF) =>
    `${name.padEnd(10)} ${String(v.tp + v.fn).padStart(6)} ${String(v.tp + v.fp).padStart(6)} ${v.precision.toFixed(2).padStart(7)} ${v.recall.toFixed(2).padStart(7)} ${v.f1.toFixed(2).padStart(7)}`;
  for (const [t, v] of Object.entries(s.byType)) rows.push(line(t, v));
  rows.push(line('overall', s.overall));
  return `${rows.join('\n')}\n`;
}
