import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/services/analyze.js';
import { factChanges, textRows, wordMarks } from './diff.js';

describe('version diff', () => {
  it('aligns unchanged paragraphs and pairs a rewritten one, marking only the changed words', () => {
    const before = 'The storm hit the coast.\n\nAt least 4 people died.\n\nRoads are closed.';
    const after =
      'The storm hit the coast.\n\nAt least 9 people died, officials said.\n\nRoads are closed.\n\nSchools will reopen Monday.';
    const rows = textRows(before, after);
    expect(rows.map((r) => r.kind)).toEqual(['same', 'rewritten', 'same', 'added']);
    const rewritten = rows[1]!;
    expect(rewritten.beforeMarks.map((m) => rewritten.before!.text.slice(m.start, m.end))).toEqual([
      '4',
      'died.',
    ]);
    expect(rewritten.afterMarks.map((m) => rewritten.after!.text.slice(m.start, m.end))).toEqual([
      '9',
      'died, officials said.',
    ]);
  });

  it('reports a removed paragraph that shares no words with any new one', () => {
    const rows = textRows('Alpha beta gamma.\n\nDelta epsilon.', 'Alpha beta gamma.\n\nZeta eta theta iota.');
    expect(rows.map((r) => r.kind)).toEqual(['same', 'removed', 'added']);
  });

  it('marks nothing for identical paragraphs', () => {
    expect(wordMarks('same words here', 'same words here')).toEqual({ before: [], after: [] });
  });

  it('reports a revised figure from the same source as changed and a new quote as added', () => {
    const a = analyze('About 300 people were evacuated, the fire service said.', { published: '2025-01-02' });
    const b = analyze(
      'About 900 people were evacuated, the fire service said.\n\n"The wind turned overnight," fire chief Lena Ortiz said.',
      { published: '2025-01-02' },
    );
    const changes = factChanges(a, b);
    const claim = changes.find((c) => c.layer === 'claim');
    expect(claim?.change).toBe('changed');
    expect(claim?.before?.text).toContain('300');
    expect(claim?.after?.text).toContain('900');
    expect(changes.some((c) => c.layer === 'quote' && c.change === 'added')).toBe(true);
    expect(factChanges(a, a)).toEqual([]);
  });
});
