import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analysis, TextSpan } from '../core/types.js';
import { analyze } from './analyze.js';

const corpus = resolve(import.meta.dirname, '../../../shared/eval/news/te3-silver-geopolitics/txt');
const haveCorpus = existsSync(corpus);

/** Checks the span invariants of the public format: every span lies in the text and repeats its substring. */
function checkSpans(a: Analysis): string[] {
  const problems: string[] = [];
  const text = a.article.text;
  const span = (where: string, s: { start: number; end: number }) => {
    if (
      !(
        Number.isInteger(s.start) &&
        Number.isInteger(s.end) &&
        s.start >= 0 &&
        s.start <= s.end &&
        s.end <= text.length
      )
    ) {
      problems.push(`${where}: bad span ${s.start}-${s.end}`);
    }
  };
  const textSpan = (where: string, s: TextSpan) => {
    span(where, s);
    if (text.slice(s.start, s.end) !== s.text)
      problems.push(`${where}: text ${JSON.stringify(s.text)} is not the covered substring`);
  };
  for (const [i, s] of a.sentences.entries()) span(`sentence ${i}`, s);
  for (let i = 1; i < a.sentences.length; i++) {
    if (a.sentences[i]!.start < a.sentences[i - 1]!.end)
      problems.push(`sentence ${i} overlaps the previous one`);
  }
  const ids = new Set<string>();
  const unique = (id: string) => {
    if (ids.has(id)) problems.push(`duplicate id ${id}`);
    ids.add(id);
  };
  for (const e of a.entities) {
    unique(e.id);
    for (const m of e.mentions) textSpan(`entity ${e.id}`, m);
  }
  for (const q of a.quotes) {
    unique(q.id);
    textSpan(`quote ${q.id}`, q);
    if (q.cue) textSpan(`quote ${q.id} cue`, q.cue);
    if (q.speaker && !a.entities.some((e) => e.id === q.speaker))
      problems.push(`quote ${q.id}: unknown speaker ${q.speaker}`);
  }
  for (const t of a.times) {
    unique(t.id);
    textSpan(`time ${t.id}`, t);
  }
  for (const c of a.claims) {
    unique(c.id);
    textSpan(`claim ${c.id}`, c);
  }
  for (const v of a.events) {
    unique(v.id);
    textSpan(`event ${v.id} trigger`, v.trigger);
    for (const id of [...v.actors, ...v.targets]) {
      if (!a.entities.some((e) => e.id === id)) problems.push(`event ${v.id}: unknown entity ${id}`);
    }
  }
  return problems;
}

describe('analyze', () => {
  it('returns the public format for text we wrote', () => {
    const a = analyze(
      'May 5, 2025\n\nMinisters meet in Lisbon (LEAD)\n\nLISBON, May 5 (Newsintel Wire) -- Foreign ministers from Portugal and Spain met on Monday, officials said.\n\n"We agreed on a plan," the Portuguese minister said.\n\nSource: Newsintel Sample Desk\n',
    );
    expect(a.format).toBe('newsintel.analysis/1');
    expect(a.article.published).toBe('2025-05-05');
    expect(a.article.version?.number).toBe(1);
    expect(checkSpans(a)).toEqual([]);
  });

  it('warns once when an over-long run-on sentence was parsed in chunks', () => {
    const words = Array.from({ length: 1200 }, (_, i) => (i % 7 === 6 ? 'and' : 'officials')).join(' ');
    const a = analyze(`Run-on (our own text)\n\nCITY (Test Wire) -- ${words} met.\n`, {
      source: 'Test Wire',
    });
    const chunked = (a.warnings ?? []).filter((w) => /parsed in \d+ chunks/.test(w));
    expect(chunked).toHaveLength(1);
    expect(chunked[0]).toMatch(
      /sentence of \d+ words parsed in [5-9] chunks of at most 250 \(the sentence at offset \d+\)/,
    );
  });

  it('gives the same analysis for the same input (deterministic)', () => {
    const text = 'Officials from three countries met in Geneva on Friday. "It was useful," one said.';
    expect(JSON.stringify(analyze(text))).toBe(JSON.stringify(analyze(text)));
  });

  it.skipIf(!haveCorpus)('analyzes every shared wire story with valid spans and the metadata filled', () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const a = analyze(readFileSync(join(corpus, f), 'utf8'));
      expect(checkSpans(a), f).toEqual([]);
      expect(a.article.published, f).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(a.article.source, f).toBeTruthy();
      // The title slot holds a headline, a version slug or a byline; when it holds none (a stray fragment), say so.
      const explained = (a.warnings ?? []).some((w) => /title slot/.test(w));
      expect(
        a.article.headline ?? a.article.version ?? a.article.byline ?? (explained || null),
        f,
      ).toBeTruthy();
      expect(a.article.text.length, f).toBeGreaterThan(100);
    }
  });
});
if (!haveCorpus) console.warn(`skipping corpus checks: ${corpus} is absent`);
