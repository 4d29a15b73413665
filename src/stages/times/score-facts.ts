import { scoreNorm as normFact } from '../../core/score-norm.js';
import type { Span } from '../../core/types.js';

/** One hand-written gold time fact (see `fixtures/afp-times.json`). */
export interface TimeFact {
  /** Story path relative to `../shared`. */
  file: string;
  split: 'dev' | 'check';
  /** Half-open offsets of the expression in the raw file. */
  start: number;
  end: number;
  /** The expression (a short fact, not article text). */
  text: string;
  /** Part a system expression must contain when the gold span is wider or narrower than ours may be. */
  contains?: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** Accepted TIMEX3 values: a system value matches when it starts with one of them. */
  value: string[];
}

/** A system time expression with its span already mapped back to the raw file. */
export interface RawTime {
  raw: Span;
  text: string;
  value: string | null;
}

/** Outcome for one fact: `hit`, or why not (`missed` = no overlapping expression, `wrong` = other value). */
export interface FactOutcome {
  fact: TimeFact;
  outcome: 'hit' | 'missed' | 'wrong';
  got?: { text: string; value: string | null };
}

/**
 * Scores one story's facts the way score.py scores the seed's `times` (the system text must contain the
 * key, the value must start with a gold value), but stricter in one respect: the system expression must
 * also overlap the fact's own span, so a right value elsewhere in the story ("Friday" twice) does not
 * count for a wrong one here.
 */
export function scoreFacts(facts: readonly TimeFact[], times: readonly RawTime[]): FactOutcome[] {
  return facts.map((fact) => {
    const key = normFact(fact.contains ?? fact.text);
    const near = times.filter((t) => t.raw.start < fact.end && fact.start < t.raw.end);
    const cands = near.filter((t) => normFact(t.text).includes(key));
    const ok = cands.find((t) => fact.value.some((v) => String(t.value ?? '').startsWith(v)));
    if (ok) return { fact, outcome: 'hit', got: { text: ok.text, value: ok.value } };
    const other = cands[0] ?? near[0];
    return other
      ? { fact, outcome: 'wrong', got: { text: other.text, value: other.value } }
      : { fact, outcome: 'missed' };
  });
}
