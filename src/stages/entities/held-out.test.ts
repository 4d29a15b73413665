import { describe, expect, it } from 'vitest';
import { Document } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { readWireText } from '../../ingest/wire-text.js';
import { repairStage } from '../repair/index.js';
import { sentencesStage } from '../sentences/index.js';
import { entitiesStage, type StageEntity } from './index.js';

/**
 * Regression tests for wire copy beyond the seed story: other regions, other name origins. The sentences are
 * ours, written for these tests in the style of wire copy.
 */
const pipeline = createPipeline([repairStage(), sentencesStage(), entitiesStage()]);

function analyse(raw: string): StageEntity[] {
  const doc = pipeline.run(new Document('t', readWireText(raw)));
  return doc.get('entities') as StageEntity[];
}

const persons = (ents: StageEntity[]) => ents.filter((e) => e.type === 'PERSON' && !e.members);
const personTexts = (ents: StageEntity[]) =>
  new Set(persons(ents).flatMap((e) => [e.name, ...e.mentions.map((m) => m.text)]));
/** The entity with a mention that reads exactly `text`. */
const at = (ents: StageEntity[], text: string) => ents.find((e) => e.mentions.some((m) => m.text === text));

describe('entities in wire copy from other regions', () => {
  const ents = analyse(
    'GENEVA, March 3 (AFP)\n\n' +
      'The Congolese army retook the town on Sunday, a spokesman for rebel leader Pierre Malonga said, ' +
      'as Ugandan troops left Kisangani. Democratic Republic of Congo officials in Kinshasa welcomed the move.\n\n' +
      'Westinghouse and Boeing bid for the contract, and Christian Ethiopia sent envoys to the Stalinist North Korea.\n\n' +
      '"We will not retreat," Foreign Ministry spokesman Wu Dongsheng said in Beijing. China rejected the plan.\n\n' +
      'US Ambassador to China Thomas Brand and Secretary of State Ellen Marsh met Executive Secretary Piet de Vries.\n\n' +
      'Turkey and Serbia-Montenegro agreed, while Muslims marked Ramadan in Tiananmen Square.',
  );

  it('does not make companies, cities or country phrases persons', () => {
    const p = personTexts(ents);
    for (const not of ['Westinghouse', 'Boeing', 'Kisangani', 'Christian Ethiopia', 'Serbia-Montenegro']) {
      expect(p.has(not), not).toBe(false);
    }
  });

  it('finds names with lower-case particles whole', () => {
    expect(persons(ents).map((e) => e.name)).toEqual(
      expect.arrayContaining(['Pierre Malonga', 'Wu Dongsheng', 'Piet de Vries']),
    );
  });

  it('gives country aliases their country, an ambiguous demonym from the story', () => {
    expect(at(ents, 'Congolese')?.country).toBe('COD');
    expect(at(ents, 'Democratic Republic of Congo')?.country).toBe('COD');
    expect(at(ents, 'Kinshasa')?.country).toBe('COD');
    expect(at(ents, 'North Korea')?.country).toBe('PRK');
    expect(at(ents, 'Turkey')?.country).toBe('TUR');
    expect(at(ents, 'Serbia-Montenegro')?.country).toBe('SRB');
  });

  it('types holidays and squares', () => {
    expect(at(ents, 'Ramadan')?.type).toBe('EVENT');
    expect(at(ents, 'Tiananmen Square')?.type).toBe('FAC');
  });

  it('takes a person’s country from the body they speak for and not from their posting', () => {
    const wu = persons(ents).find((e) => e.name === 'Wu Dongsheng');
    expect(wu).toMatchObject({ role: 'Spokesman', country: 'CHN' });
    expect(persons(ents).find((e) => e.name === 'Thomas Brand')).toMatchObject({
      country: 'USA',
      role: 'Ambassador',
    });
    expect(persons(ents).find((e) => e.name === 'Ellen Marsh')).toMatchObject({
      role: 'Secretary of State',
      country: 'USA',
    });
  });
});

describe('plural references in wire copy', () => {
  it('does not link "the other countries" to the countries just listed', () => {
    const ents = analyse(
      'ROME, May 2 (AFP)\n\nItaly and Albania signed the accord on Friday. The other countries are expected to follow.',
    );
    expect(ents.some((e) => e.members && e.mentions.some((m) => /other countries/.test(m.text)))).toBe(false);
  });

  it('does not make a country and its own government two sides', () => {
    const ents = analyse(
      'KATHMANDU, June 4 (AFP)\n\nNepal’s government and Maoist rebels resumed talks on Monday.\n\n' +
        'The two sides agreed to meet again.',
    );
    const group = ents.find((e) => e.members && e.mentions.some((m) => m.text === 'The two sides'));
    expect(group?.name ?? '').not.toMatch(/Nepal.*Nepal/);
  });
});
