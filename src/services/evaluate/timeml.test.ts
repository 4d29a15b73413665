import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NewsintelError } from '../../core/errors.js';
import type { TimeResult } from '../../stages/times/extract.js';
import { figures, heideltimeCases, normaliseValue, parseTimeml, scoreTimexes, timeml } from './timeml.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = path.resolve(repoRoot, '../shared');
const tbaq = path.join(shared, 'eval/time/tempeval3/TBAQ-cleaned');
const cases = path.join(shared, 'eval/time/heideltime-cases');

// A TimeML document written for this test.
const TML = `<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-11-01" functionInDocument="CREATION_TIME">November 1, 2024</TIMEX3></DCT>
<TEXT>
Ministers <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2024-10-31">Thursday</TIMEX3> &amp; agreed to meet <TIMEX3 tid="t2" type="DATE" value="2024-12">next month</TIMEX3>.<TIMEX3 tid="t3" type="DATE" value="2024" />
Talks lasted <TIMEX3 tid="t4" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>`;

describe('parseTimeml', () => {
  it('strips tags, decodes entities and keeps gold offsets into the plain text', () => {
    const doc = parseTimeml(TML, 'TEST1');
    expect(doc.dct).toBe('2024-11-01');
    expect(doc.text).toContain('Ministers met Thursday & agreed');
    expect(doc.timexes.map((t) => [t.text, t.type, t.value])).toEqual([
      ['Thursday', 'DATE', '2024-10-31'],
      ['next month', 'DATE', '2024-12'],
      ['three days', 'DURATION', 'P3D'],
    ]);
    for (const t of doc.timexes) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
  });

  it('rejects a document without TEXT', () => {
    expect(() => parseTimeml('<TimeML><DCT></DCT></TimeML>')).toThrow(NewsintelError);
  });

  it('pads unpadded ISO weeks in gold values', () => {
    expect(normaliseValue('2000-W7')).toBe('2000-W07');
    expect(normaliseValue('2000-W07')).toBe('2000-W07');
    expect(normaliseValue(null)).toBe('');
  });
});

describe('scoreTimexes', () => {
  it('counts strict, relaxed, type and value matches one to one (TempEval-3)', () => {
    const gold = [
      { start: 0, end: 6, text: 'Friday', type: 'DATE', value: '2024-11-01' },
      { start: 10, end: 20, text: 'next month', type: 'DATE', value: '2024-12' },
      { start: 30, end: 40, text: 'three days', type: 'DURATION', value: 'P3D' },
    ];
    const sys: TimeResult[] = [
      { id: 't1', start: 0, end: 12, text: '', type: 'TIME', value: '2024-11-01', rule: 'x' },
      { id: 't2', start: 10, end: 20, text: '', type: 'DATE', value: '2024-11', rule: 'x' },
      { id: 't3', start: 50, end: 55, text: '', type: 'DATE', value: '2024', rule: 'x' },
    ];
    const c = { docs: 0, gold: 0, system: 0, strict: 0, relaxed: 0, typeCorrect: 0, valueCorrect: 0 };
    scoreTimexes(gold, sys, c);
    expect(c).toEqual({
      docs: 1,
      gold: 3,
      system: 3,
      strict: 1,
      relaxed: 2,
      typeCorrect: 1,
      valueCorrect: 1,
    });
    const f = figures(c);
    expect(f.relaxedF1).toBeCloseTo(66.67, 1);
    expect(f.valueF1).toBeCloseTo(33.33, 1);
    expect(f.valueAccuracy).toBeCloseTo(50, 5);
  });
});

describe('timeml evaluator', () => {
  it('scores a folder of .tml files and ends with value F1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'timeml-'));
    writeFileSync(path.join(dir, 'a.tml'), TML);
    const r = await timeml.run(dir);
    expect(r.metric).toBe('value F1');
    expect(r.value).toBeCloseTo(100, 5);
    expect(r.table).toMatch(/total/);
  });

  it('reports a folder without .tml files as an evaluation-data error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'timeml-empty-'));
    await expect(timeml.run(dir)).rejects.toThrow(/no \.tml files/);
    await expect(timeml.run(path.join(dir, 'missing'))).rejects.toThrow(NewsintelError);
  });
});

describe.skipIf(!existsSync(tbaq))('timeml on TempEval-3 TBAQ-cleaned (../shared)', () => {
  it('keeps relaxed span F1 and value F1 above the floors', async () => {
    const r = await timeml.run(tbaq);
    const d = r.details as { relaxedF1: number; valueF1: number };
    expect(d.relaxedF1).toBeGreaterThan(90);
    expect(d.valueF1).toBeGreaterThan(82.3);
  });
});

describe.skipIf(!existsSync(cases))('heideltime-cases (../shared)', () => {
  it('scores the cases as value accuracy', async () => {
    const r = await heideltimeCases.run(cases);
    expect(r.metric).toBe('value accuracy');
    expect(r.value).toBeGreaterThan(72);
  });
});
