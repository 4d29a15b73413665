import { describe, expect, it } from 'vitest';
import { textDiff } from './diff.js';

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
