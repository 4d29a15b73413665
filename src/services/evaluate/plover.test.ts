import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResult } from './index.js';
import { evaluatePlover, pickMainEvent, ploverEvaluator, readGsr } from './plover.js';

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

const gsr = path.resolve(import.meta.dirname, '../../../../shared/eval/events/plover/gsr-dev.jsonl');
describe.skipIf(!existsSync(gsr))('plover gold standard (needs ../shared; skipped when absent)', () => {
  it('types most dev records correctly', async () => {
    const r = await evaluatePlover(gsr);
    expect(r.value).toBeGreaterThan(70);
    expect(r.table).toContain('source country accuracy');
  });
});
