import { describe, expect, it } from 'vitest';
import type { Analysis, Quote } from '../core/types.js';
import { factDiff, textDiff } from './diff.js';

const A = 'Officials said 3,000 troops were deployed near the border on Monday.';
const B = 'The ministry gave no reason for the deployment.';
const C = 'Talks between the two sides are due to resume next week in the capital.';

describe('text diff between versions', () => {
  it('marks added and removed paragraphs with spans in each version', () => {
    const before = `${A}\n\n${B}`;
    const after = `${A}\n\n${C}`;
    const { changes, unchanged } = textDiff(before, after);
    expect(unchanged).toBe(1);
    const added = changes.find((c) => c.kind === 'added')!;
    expect(after.slice(added.after!.start, added.after!.end)).toBe(C);
    const removed = changes.find((c) => c.kind === 'removed')!;
    expect(before.slice(removed.before!.start, removed.before!.end)).toBe(B);
  });

  it('pairs a changed paragraph as rewritten and marks the changed words', () => {
    const after = A.replace('3,000', '10,000');
    const { changes } = textDiff(`${A}\n\n${B}`, `${after}\n\n${B}`);
    expect(changes).toHaveLength(1);
    const c = changes[0]!;
    expect(c.kind).toBe('rewritten');
    expect(c.afterChanged?.map((s) => after.slice(s.start, s.end))).toEqual(['10,000']);
    expect(c.beforeChanged?.map((s) => A.slice(s.start, s.end))).toEqual(['3,000']);
  });

  it('does not count a moved paragraph as a change', () => {
    const { changes } = textDiff(`${A}\n\n${B}\n\n${C}`, `${C}\n\n${A}\n\n${B}`);
    expect(changes).toEqual([]);
  });
});

/** An analysis holding only quotes (the fact diff reads quotes, claims, events and entities). */
function withQuotes(quotes: [speaker: string | null, text: string][]): Analysis {
  const qs: Quote[] = quotes.map(([speakerName, text], i) => ({
    id: `q${i}`,
    kind: 'direct',
    speaker: null,
    speakerName,
    cue: null,
    start: 0,
    end: text.length,
    text,
  }));
  return { article: { text: '' }, quotes: qs, claims: [], events: [], entities: [] } as unknown as Analysis;
}

describe('quote changes between versions', () => {
  it('reports a quote trimmed by an update, and its new speaker, as one changed quote', () => {
    const before = withQuotes([
      ['officer', 'We shot dead two of the gunmen. Our men later recovered four rifles and a machine gun.'],
    ]);
    const after = withQuotes([
      ['border officer', 'Our men recovered four rifles and a machine gun near the market.'],
    ]);
    const facts = factDiff(before, after).filter((f) => f.layer === 'quote');
    expect(facts.map((f) => f.change)).toEqual(['changed']);
    expect(facts[0]!.summary).toBe('quote speaker officer → border officer, reworded');
  });

  it('keeps an unchanged quote out of the diff and reports different words as removed and added', () => {
    const same = 'The talks will resume next week in the capital.';
    const before = withQuotes([
      ['minister', same],
      ['envoy', 'Nobody expects a breakthrough this year.'],
    ]);
    const after = withQuotes([
      ['minister', same],
      ['envoy', 'The border crossing reopens on Friday morning.'],
    ]);
    const facts = factDiff(before, after).filter((f) => f.layer === 'quote');
    expect(facts.map((f) => f.summary).sort()).toEqual(['new quote by envoy', 'quote by envoy removed']);
  });
});
