import { describe, expect, it } from 'vitest';
import { type CorefChain, Document, plainSource } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { sentencesStage } from '../sentences/index.js';
import { entitiesStage, type StageEntity } from './index.js';

/** Runs sentences + entities over text we wrote and returns both layers the entities stage assigns. */
function run(text: string): { entities: StageEntity[]; coref: CorefChain[] } {
  const pipeline = createPipeline([sentencesStage(), entitiesStage()], ['text']);
  const doc = pipeline.run(new Document('t', plainSource(text), { text }));
  return { entities: doc.get('entities') as StageEntity[], coref: doc.get('coref') };
}

describe('the coref layer', () => {
  const text =
    'Finance Minister Dora Klein arrived in Vienna on Tuesday. Klein said she would meet the central bank governor. ' +
    'She later left for Prague.';

  it('gives one chain per entity, in text order, each mention with the rule that linked it', () => {
    const { entities, coref } = run(text);
    expect(coref.map((c) => c.entity)).toEqual(entities.map((e) => e.id));
    const klein = entities.find((e) => e.name === 'Dora Klein');
    expect(klein).toBeTruthy();
    const chain = coref.find((c) => c.entity === klein!.id)!;
    expect(chain.mentions.map((m) => m.text)).toEqual(['Dora Klein', 'Klein', 'she', 'She']);
    for (const m of chain.mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.rule.length).toBeGreaterThan(0);
    }
    const starts = chain.mentions.map((m) => m.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(chain.mentions.find((m) => m.text === 'she')!.rule).toMatch(/pronoun/);
  });

  it('records the linking rule on each output mention too', () => {
    const { entities } = run(text);
    for (const e of entities) for (const m of e.mentions) expect(typeof m.rule).toBe('string');
  });
});
