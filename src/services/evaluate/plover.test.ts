import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResult } from './index.js';
import { evaluatePlover, pickMainEvent, ploverEvaluator, readGsr, scoreRecord } from './plover.js';

describe('plover evaluator', () => {
  it('is named plover and rejects bad data with a coded error', () => {
    expect(ploverEvaluator.name).toBe('plover');
    const dir = mkdtempSync(path.join(tmpdir(), 'plover-'));
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"text": "x"}\nnot json\n');
    expect(() => readGsr(bad)).toThrow(/line 1 lacks/);
    expect(() => readGsr(path.join(dir, 'missing.jsonl'))).toThrow(/no such file/);
  });

  it('picks the earliest event with participants as the main one', () => {
    const ev = (start: number, actors: string[]) => ({
      id: 'v',
      type: 'AGREE' as const,
      mode: null,
      cameo: null,
      actors,
      targets: [],
      location: null,
      date: null,
      time: null,
      modality: 'asserted' as const,
      trigger: { start, end: start + 1, text: 'x' },
      sentence: 0,
      quote: null,
    });
    expect(pickMainEvent([ev(5, []), ev(9, ['e1'])])?.trigger.start).toBe(9);
    expect(pickMainEvent([])).toBeNull();
  });

  it('scores a small hand-written file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plover-'));
    const f = path.join(dir, 'mini.jsonl');
    const rec = (event: string, text: string) =>
      JSON.stringify({ id: 'x', event, text, source: [{ code: 'FRA' }], target: [{ code: 'DEU' }] });
    writeFileSync(
      f,
      `${rec('DISAPPROVE', 'France condemned Germany on Monday.')}\n${rec('CONSULT', 'France met Germany on Monday.')}\n`,
    );
    const r = await evaluatePlover(f);
    expect(r.metric).toBe('type accuracy');
    expect(r.value).toBe(100);
    expect(formatResult(r).trimEnd().split('\n').at(-1)).toBe('type accuracy 100.00');
  });
});

describe('plover evaluator halves and country codes', () => {
  it('reports the two halves by record order and reads CAMEO codes as ISO', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plover-'));
    const f = path.join(dir, 'halves.jsonl');
    const rec = (text: string, src: string, tgt: string) =>
      JSON.stringify({
        id: 'x',
        event: 'DISAPPROVE',
        text,
        source: [{ code: src }],
        target: [{ code: tgt }],
      });
    // first half: both sides right (JAP is CAMEO for Japan); second half: the target is wrong
    writeFileSync(
      f,
      `${rec('France condemned Japan on Monday.', 'FRA', 'JAP')}\n${rec('France condemned Germany on Monday.', 'FRA', 'ITA')}\n`,
    );
    const r = await evaluatePlover(f);
    const halves = r.details?.halves as Array<{
      records: number;
      sourceAccuracy: number;
      targetAccuracy: number;
    }>;
    expect(halves.map((h) => h.records)).toEqual([1, 1]);
    expect(halves.map((h) => h.targetAccuracy)).toEqual([100, 0]);
    expect(halves.map((h) => h.sourceAccuracy)).toEqual([100, 100]);
    expect(r.table).toMatch(/second \( {2}1 records\)/);
  });

  it('counts the country of an actor named by a description', () => {
    const s = scoreRecord({
      id: 'x',
      event: 'DEMAND',
      // no entity is an actor here: only the description "Opposition groups" (in Somalia) is
      text: 'Opposition groups in Somalia demanded new elections on Monday.',
      source: [{ code: 'SOM' }],
    });
    expect(s.source).toBe(true);
  });
});

const gsr = path.resolve(import.meta.dirname, '../../../../shared/eval/events/plover/gsr-dev.jsonl');
describe.skipIf(!existsSync(gsr))('plover gold standard (needs ../shared; skipped when absent)', () => {
  it('types most dev records correctly', async () => {
    const r = await evaluatePlover(gsr);
    expect(r.value).toBeGreaterThan(70);
    expect(r.table).toContain('source country accuracy');
  });
});
