import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../core/types.js';
import { type EntityGold, entitiesEvaluator, scoreEntities } from './entities.js';

/** A minimal analysis holding only the entities the scorer reads. */
function analysisWith(entities: Array<{ type: string; name: string; country?: string; mentions: string[] }>) {
  return {
    entities: entities.map((e, i) => ({
      id: `e${i + 1}`,
      type: e.type,
      name: e.name,
      country: e.country ?? null,
      mentions: e.mentions.map((text) => ({ start: 0, end: text.length, text })),
    })),
  } as unknown as Analysis;
}

describe('entity gold scoring', () => {
  const gold: EntityGold = {
    file: 'x.txt',
    persons: ['Park Sung Ho', 'Mara Velt'],
    persons_optional: ['Velt'],
    not_persons: ['Sunday Express'],
    countries: { KOR: ['South Korea', 'Seoul'], JPN: ['Tokyo'] },
    exhaustive: ['persons', 'countries'],
  };

  it('does not credit a three-part name cut short', () => {
    const a = analysisWith([{ type: 'PERSON', name: 'Park Sung', mentions: ['Park Sung'] }]);
    const checks = scoreEntities(gold, a);
    expect(checks.find((c) => c.item === 'Park Sung Ho')?.ok).toBe(false);
    expect(checks.find((c) => c.area === 'persons-prec')?.ok).toBe(false);
  });

  it('counts a publication typed as a person against the non-person list', () => {
    const a = analysisWith([{ type: 'PERSON', name: 'Sunday Express', mentions: ['Sunday Express'] }]);
    expect(scoreEntities(gold, a).find((c) => c.area === 'nonpersons')?.ok).toBe(false);
  });

  it('measures country precision only on mention texts the gold lists', () => {
    const a = analysisWith([
      { type: 'GPE', name: 'Seoul', country: 'JPN', mentions: ['Seoul'] },
      { type: 'GPE', name: 'Tokyo', country: 'JPN', mentions: ['Tokyo', 'Nowhere'] },
    ]);
    const prec = scoreEntities(gold, a).filter((c) => c.area === 'countries-prec');
    expect(prec.map((c) => [c.item, c.ok])).toEqual([
      ['JPN <- Seoul', false],
      ['JPN <- Tokyo', true],
    ]);
  });

  it('takes an optional person as neither a miss nor a false positive', () => {
    const a = analysisWith([
      { type: 'PERSON', name: 'Park Sung Ho', mentions: ['Park Sung Ho'] },
      { type: 'PERSON', name: 'Velt', mentions: ['Velt'] },
    ]);
    const checks = scoreEntities(gold, a);
    expect(checks.filter((c) => c.area === 'persons-prec').every((c) => c.ok)).toBe(true);
    expect(checks.find((c) => c.item === 'Mara Velt')?.ok).toBe(false);
  });

  it('scores several gold files over stories it analyses, with a persons F1 headline', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'newsintel-entgold-'));
    mkdirSync(path.join(root, 'eval'));
    // A story written for this test (fictional).
    writeFileSync(
      path.join(root, 'story.txt'),
      'Harbour talks resume\n\nLISBON, March 3 -- Portuguese Foreign Minister Tiago Ferraz met Spanish envoy Lucia Ramos in Lisbon on Monday. Ferraz said the talks were useful.\n',
    );
    const g1 = path.join(root, 'eval', 'a.json');
    writeFileSync(
      g1,
      JSON.stringify({
        file: 'story.txt',
        persons: ['Tiago Ferraz', 'Lucia Ramos'],
        exhaustive: ['persons'],
      }),
    );
    const g2 = path.join(root, 'eval', 'b.json');
    writeFileSync(g2, JSON.stringify({ file: 'story.txt', persons: ['Nobody Here'] }));
    const r = await entitiesEvaluator.run(g1, { more: [g2] });
    expect(r.metric).toBe('persons F1');
    expect(r.table).toContain('== a.json');
    expect(r.table).toContain('miss: Nobody Here');
    expect(r.value).toBeGreaterThan(0);
    expect(r.value).toBeLessThan(100);
  });

  it('refuses a gold file that names no story', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'newsintel-entgold-'));
    const g = path.join(root, 'bad.json');
    writeFileSync(g, '{"persons": []}');
    await expect(entitiesEvaluator.run(g)).rejects.toThrow(/has no "file"/);
  });
});
