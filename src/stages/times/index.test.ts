import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Document, type DocumentSource } from '../../core/document.js';
import { NewsintelError } from '../../core/errors.js';
import { createPipeline } from '../../core/pipeline.js';
import { readWireText } from '../../ingest/wire-text.js';
import { repairStage } from '../repair/index.js';
import { sentencesStage } from '../sentences/index.js';
import type { TimeResult } from './extract.js';
import { timesStage } from './index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = path.resolve(repoRoot, '../shared');
const example = path.join(shared, 'examples/yonhap-2024-11-01-nk-troops-3rd-ld.txt');
const seedGold = path.join(shared, 'eval/gold/seed.json');

function source(body: string, published: string | null): DocumentSource {
  return {
    raw: body,
    body: { start: 0, end: body.length },
    meta: { source: null, url: null, published, headline: null, byline: null, dateline: null, version: null },
    repairs: [],
    warnings: [],
  };
}

const pipeline = createPipeline([repairStage(), sentencesStage(), timesStage()]);

describe('timesStage', () => {
  it('declares its contract and validates options', () => {
    const st = timesStage();
    expect(st.name).toBe('times');
    expect(st.requires).toEqual(['text', 'sentences']);
    expect(st.assigns).toEqual(['times']);
    expect(() => timesStage({ chrono: 'yes' } as never)).toThrow(NewsintelError);
    expect(() => timesStage({ nope: true } as never)).toThrow(/unknown option/);
    expect(() => createPipeline([timesStage()])).toThrow(/requires/);
  });

  it('assigns times resolved against the publication date in the metadata', () => {
    const body = 'The two leaders met Thursday and will meet again next month.';
    const doc = pipeline.run(new Document('d1', source(body, '2024-11-01')));
    const ts = doc.get('times') as TimeResult[];
    expect(ts.map((t) => [t.id, t.text, t.value])).toEqual([
      ['t1', 'Thursday', '2024-10-31'],
      ['t2', 'next month', '2024-12'],
    ]);
    expect(ts.every((t) => typeof t.rule === 'string')).toBe(true);
  });

  it('keeps relative values null without a publication date', () => {
    const doc = pipeline.run(new Document('d2', source('The two leaders met Thursday.', null)));
    expect((doc.get('times') as TimeResult[])[0]?.value).toBeNull();
  });

  it('reads numeric dates through the chrono fallback unless it is switched off', () => {
    const body = 'The accord dated 10/29/1999 was filed.';
    const withChrono = pipeline.run(new Document('d3', source(body, '2024-11-01')));
    expect((withChrono.get('times') as TimeResult[]).find((t) => t.rule === 'chrono')?.value).toBe(
      '1999-10-29',
    );
    const rulesOnly = createPipeline([repairStage(), sentencesStage(), timesStage({ chrono: false })]);
    const without = rulesOnly.run(new Document('d4', source(body, '2024-11-01')));
    expect((without.get('times') as TimeResult[]).some((t) => t.rule === 'chrono')).toBe(false);
  });
});

describe.skipIf(!existsSync(example) || !existsSync(seedGold))(
  'timesStage on the example article (../shared)',
  () => {
    it('finds every gold time of the seed facts with an accepted value', () => {
      const raw = readFileSync(example, 'utf8');
      const src = readWireText(raw);
      const doc = pipeline.run(new Document('ex', src));
      const ts = doc.get('times') as TimeResult[];
      const gold = JSON.parse(readFileSync(seedGold, 'utf8')) as {
        times: { text: string; value: string[]; contains?: string }[];
      };
      const norm = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();
      for (const g of gold.times) {
        const key = norm(g.contains ?? g.text);
        const cands = ts.filter((t) => norm(t.text).includes(key));
        const ok = cands.some((t) => g.value.some((v) => String(t.value ?? '').startsWith(v)));
        expect(ok, `time '${g.text}' = ${g.value[0]}; got ${JSON.stringify(cands.map((c) => c.value))}`).toBe(
          true,
        );
      }
    });
  },
);
