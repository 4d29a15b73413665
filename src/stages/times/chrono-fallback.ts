import * as chrono from 'chrono-node';
import type { Span } from '../../core/types.js';
import type { Anchor } from './anchor.js';
import { dateValue, monthDayYear } from './resolve.js';
import type { Candidate } from './rules.js';

/** Sentences worth handing to chrono: numeric dates our rules do not read (`10/29/99`, `1.3.1999`). */
const NUMERIC_DATE = /(?<![\d.])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d.]\d)/;

/**
 * chrono-node as a fallback extractor: its strict English parser is right for numeric and slash dates,
 * which news rarely uses, and too slow and too eager for the rest (it gives day precision for "earlier
 * this month"). It only runs on sentences with such a date that no rule of ours already covers, and only
 * chrono's *known* components become the value (never its implied ones, which come from the reference
 * instant). The reference instant is the anchor, or a fixed instant when there is none, never the clock.
 */
export function chronoFallback(
  text: string,
  sentences: readonly Span[],
  taken: readonly Candidate[],
  anchor: Anchor | null,
): Candidate[] {
  const out: Candidate[] = [];
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    if (!NUMERIC_DATE.test(sentence)) continue;
    const instant = anchor
      ? new Date(Date.UTC(anchor.y, anchor.m - 1, anchor.d, 12))
      : new Date(Date.UTC(2000, 0, 1));
    let parsed: chrono.ParsedResult[];
    try {
      parsed = chrono.en.strict.parse(sentence, { instant, timezone: 0 });
    } catch {
      continue;
    }
    for (const p of parsed) {
      const start = s.start + p.index;
      const end = start + p.text.length;
      if (!NUMERIC_DATE.test(p.text)) continue;
      if (taken.some((c) => c.start < end && start < c.end)) continue;
      const y = p.start.isCertain('year') ? p.start.get('year') : null;
      const m = p.start.isCertain('month') ? p.start.get('month') : null;
      const d = p.start.isCertain('day') ? p.start.get('day') : null;
      if (m === null || d === null) continue;
      let value: string | null;
      if (y !== null) value = dateValue(y, m, d);
      else if (anchor) value = dateValue(monthDayYear(anchor, m, d, null), m, d);
      else value = `XXXX-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      // "12/29/2000 20:29": a time stamp printed with its clock time keeps it, as the text gives it.
      const hh = p.start.isCertain('hour') ? p.start.get('hour') : null;
      const mi = p.start.isCertain('minute') ? p.start.get('minute') : null;
      const se = p.start.isCertain('second') ? p.start.get('second') : null;
      const two = (n: number) => String(n).padStart(2, '0');
      const clock =
        hh !== null && mi !== null ? `T${two(hh)}:${two(mi)}${se !== null ? `:${two(se)}` : ''}` : '';
      if (value && clock) value += clock;
      out.push({
        start,
        end,
        type: clock && value ? 'TIME' : 'DATE',
        rule: 'chrono',
        priority: 1000,
        kind: 'date',
        resolve: () => value,
      });
    }
  }
  return out;
}
