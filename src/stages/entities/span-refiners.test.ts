import { describe, expect, it } from 'vitest';
import { Document, plainSource } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { sentencesStage } from '../sentences/index.js';
import { entitiesStage, type StageEntity } from './index.js';

/** Sentences written for these tests (fictional names). */
function analyse(text: string): StageEntity[] {
  const pipeline = createPipeline([sentencesStage(), entitiesStage()], ['text']);
  return pipeline.run(new Document('t', plainSource(text), { text })).get('entities') as StageEntity[];
}

describe('refiners over the tagger spans', () => {
  it('types a storm or an operation named like a person as an event', () => {
    const ents = analyse(
      'Typhoon Kestrel hit the coast on Monday. Operation Iron Harvest began a day later.',
    );
    expect(ents.find((e) => e.name === 'Typhoon Kestrel')?.type).toBe('EVENT');
    expect(ents.filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual([]);
  });

  it('splits two full names run together by a missing comma', () => {
    const ents = analyse('The delegates Milan Petrovic, Dragan Jankovic Goran Markovic attended the talks.');
    const persons = ents.filter((e) => e.type === 'PERSON').map((e) => e.name);
    expect(persons).toContain('Dragan Jankovic');
    expect(persons).toContain('Goran Markovic');
    expect(persons).not.toContain('Dragan Jankovic Goran Markovic');
  });

  it('keeps one person whose four-word name has a second given name', () => {
    const ents = analyse('Maria Anna Kovacs Horvath opened the session on Monday.');
    expect(ents.filter((e) => e.type === 'PERSON')).toHaveLength(1);
  });
});
