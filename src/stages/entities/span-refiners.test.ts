import { describe, expect, it } from 'vitest';
import { Document, plainSource } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { sentencesStage } from '../sentences/index.js';
import { NER_SPAN_REFINERS } from './extract.js';
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

  it('ends a person before a sentence opener that a missing full stop ran into the name', () => {
    const ents = analyse(
      'Several senior officials spoke against Marco Lind The Organization of American States condemned it.',
    );
    const persons = ents.filter((e) => e.type === 'PERSON').map((e) => e.name);
    expect(persons).toEqual(['Marco Lind']);
    expect(ents.find((e) => e.name === 'Marco Lind')?.rule).toBe('ner:sentence-start-tail');
  });

  it('splits two full names run together by a missing comma', () => {
    const ents = analyse('The delegates Milan Petrovic, Dragan Jankovic Goran Markovic attended the talks.');
    const persons = ents.filter((e) => e.type === 'PERSON').map((e) => e.name);
    expect(persons).toContain('Dragan Jankovic');
    expect(persons).toContain('Goran Markovic');
    expect(persons).not.toContain('Dragan Jankovic Goran Markovic');
  });

  it('reads a surname-first name with a hyphenated given name as one person, whatever the tagger said', () => {
    const ents = analyse(
      'Chinese envoy Wang Jia-rui met Vietnamese officials in Hanoi. Later Chen Bao-lin arrived from Beijing.',
    );
    const persons = ents.filter((e) => e.type === 'PERSON').map((e) => e.name);
    expect(persons).toContain('Wang Jia-rui');
    expect(persons).toContain('Chen Bao-lin');
    expect(ents.filter((e) => e.type !== 'PERSON' && /Jia-rui|Bao-lin/.test(e.name))).toEqual([]);
  });

  it('mends a person span the tagger cut to the surname of an East Asian name, and keeps a longer body', () => {
    const refine = NER_SPAN_REFINERS.find((r) => r.name === 'east-asian-name')!.refine;
    const toks = ['Minister', 'Park', 'Min-ho', 'resigned'];
    expect(refine(toks, [{ start: 1, end: 2, type: 'PER' }], null)).toEqual([
      { start: 1, end: 3, type: 'PER', rule: 'ner:east-asian-name' },
    ]);
    const centre = [{ start: 0, end: 4, type: 'ORG' }];
    expect(refine(['the', 'Park', 'Min-ho', 'Centre'], centre, null)).toEqual(centre);
  });

  it('keeps one person whose four-word name has a second given name', () => {
    const ents = analyse('Maria Anna Kovacs Horvath opened the session on Monday.');
    expect(ents.filter((e) => e.type === 'PERSON')).toHaveLength(1);
  });

  it('widens a storm name the tagger read alone to the storm word before it', () => {
    const ents = analyse('Hurricane Marisol struck the island on Monday, officials said.');
    const storm = ents.find((e) => e.name === 'Hurricane Marisol');
    expect(storm?.type).toBe('EVENT');
    expect(storm?.rule).toBe('ner:named-event');
    expect(ents.some((e) => e.name === 'Marisol')).toBe(false);
  });

  it('splits two initialled names run together by a missing comma', () => {
    const ents = analyse('The squad includes A. Petrovic, B. Jankovic C. Markovic and D. Nikolic.');
    const persons = ents.filter((e) => e.type === 'PERSON').map((e) => e.name);
    expect(persons).toEqual(expect.arrayContaining(['B. Jankovic', 'C. Markovic']));
    expect(persons.some((p) => p.includes('Jankovic') && p.includes('Markovic'))).toBe(false);
  });

  it('keeps a middle initial inside one name', () => {
    const ents = analyse('Senator John Q. Adamson spoke on Monday.');
    expect(ents.filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual(['John Q. Adamson']);
  });

  it('reads a given name closed by a bracket and the surname after it as one person', () => {
    const ents = analyse(
      '(Moldovan President Andrei) Lupascu met the press. Lupascu said talks would go on.',
    );
    const persons = ents.filter((e) => e.type === 'PERSON');
    expect(persons.map((e) => e.name)).toEqual(['Andrei Lupascu']);
    expect(persons[0]!.mentions).toHaveLength(2);
    expect(persons[0]!.rule).toBe('ner:bracketed-given-name');
  });

  it('types newspaper titles after "the" as bodies, with their whole title', () => {
    const ents = analyse('The Observer and the Sunday Express both reported the deal on Monday.');
    expect(ents.find((e) => e.name === 'Observer')?.type).toBe('ORG');
    expect(ents.find((e) => e.name === 'Sunday Express')?.type).toBe('ORG');
    expect(ents.filter((e) => e.type === 'PERSON' || e.type === 'GPE')).toEqual([]);
  });

  it('makes no body of a plural common noun opening a sentence', () => {
    const ents = analyse('Employers said the strike cost millions. Acme Corp said it would appeal.');
    expect(ents.map((e) => e.name)).not.toContain('Employers');
    expect(ents.find((e) => e.name === 'Acme Corp')?.type).toBe('ORG');
  });
});
