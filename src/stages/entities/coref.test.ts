import { describe, expect, it } from 'vitest';
import { Document, plainSource } from '../../core/document.js';
import { OffsetMap } from '../../core/offsets.js';
import { createPipeline } from '../../core/pipeline.js';
import { repairStage } from '../repair/index.js';
import { sentencesStage } from '../sentences/index.js';
import { type EntitiesOptions, entitiesStage, type StageEntity, snapToRepairs } from './index.js';

function analyse(text: string, options: EntitiesOptions = {}, repair = false) {
  const stages = repair
    ? [repairStage(), sentencesStage(), entitiesStage(options)]
    : [sentencesStage(), entitiesStage(options)];
  const pipeline = createPipeline(stages, repair ? [] : ['text']);
  const source = plainSource(text);
  const doc = pipeline.run(new Document('t', source, repair ? {} : { text }));
  return { doc, entities: doc.get('entities') as StageEntity[] };
}

const named = (ents: StageEntity[], name: string) => ents.find((e) => e.name === name);
const texts = (e: StageEntity | undefined) => (e ? e.mentions.map((m) => m.text) : []);

// Our own sentences, written for these tests.
const GROUPS =
  'Defence Minister Anna Berg, Foreign Minister Tomas Lind and Trade Minister Omar Haddad met in Oslo on Monday. ' +
  'They agreed to meet again in March, Berg said.\n\n' +
  'Separately, Lind held talks with Haddad on fishing rights. The two officials said progress was slow.\n\n' +
  '“The three ministers share one goal,” a spokesman said. Norway, Sweden and Finland signed the accord, ' +
  'and the three countries will review it next year.';

describe('plural references (groups)', () => {
  for (const tagger of ['model', 'rules'] as const) {
    it(`links "they", "the two officials", "the three ministers" and "the three countries" (${tagger})`, () => {
      const { entities } = analyse(GROUPS, { tagger });
      const berg = named(entities, 'Anna Berg')!;
      const lind = named(entities, 'Tomas Lind')!;
      const haddad = named(entities, 'Omar Haddad')!;
      expect(berg && lind && haddad).toBeTruthy();
      const trio = entities.find((e) => e.members?.length === 3 && e.type === 'PERSON')!;
      expect(trio.members).toEqual([berg.id, lind.id, haddad.id]);
      expect(trio.name).toBe('Anna Berg, Tomas Lind and Omar Haddad');
      expect(texts(trio)).toEqual(['They', 'The three ministers']);
      const pair = entities.find((e) => e.members?.length === 2 && e.type === 'PERSON')!;
      expect(pair.members).toEqual([lind.id, haddad.id]);
      expect(texts(pair)).toEqual(['The two officials']);
      const states = entities.find((e) => e.type === 'GPE' && e.members)!;
      expect(states.members).toHaveLength(3);
      expect(texts(states)).toEqual(['the three countries']);
      // the names stay with their own entities
      expect(texts(berg)).toContain('Berg');
    });
  }

  it('does not invent a group without a list or a matching number', () => {
    const { entities } = analyse('Anna Berg met reporters in Oslo. They asked about the budget.');
    expect(entities.some((e) => e.members)).toBe(false);
  });
});

describe('person references', () => {
  it('gives "he said" after a quotation to the man of the previous narrated sentence, not one named earlier', () => {
    const text =
      'His remarks came a day after Chancellor Tomas Berg said the talks were dead.\n\n' +
      'Ivan Markov, who came to Oslo from Sofia on his first trip abroad, named the cost as the obstacle.\n\n' +
      '"The largest party must hold key posts. That is the problem," he said.';
    const { entities } = analyse(text);
    expect(texts(named(entities, 'Ivan Markov'))).toContain('he');
    expect(texts(named(entities, 'Tomas Berg'))).not.toContain('he');
  });

  it('never links "she" to a man or "he" to a woman known by given name', () => {
    const { entities } = analyse(
      'John Carter met Angela Weiss in Berlin on Tuesday. She said the talks went well, and he agreed.',
    );
    expect(texts(named(entities, 'Angela Weiss'))).toContain('She');
    expect(texts(named(entities, 'John Carter'))).toContain('he');
    expect(texts(named(entities, 'John Carter'))).not.toContain('She');
  });

  it('sends a shared surname to the person whose title gender agrees, else the one named more often', () => {
    const { entities } = analyse(
      'President Daniel Marsh arrived in Canberra on Saturday for a three-day visit.\n\n' +
        "Marsh's plane landed at the capital's airport, and Marsh thanked the crew. Travelling with him were " +
        'his wife Helen Marsh and two aides.\n\n' +
        'Two pupils presented flowers to Marsh at the airport. Mrs. Marsh later visited a school.',
    );
    const daniel = texts(named(entities, 'Daniel Marsh'));
    const helen = texts(named(entities, 'Helen Marsh'));
    // "Mrs. Marsh" is Helen; "flowers to Marsh" is Daniel (named more often) although Helen was named last
    expect(helen).toEqual(['Helen Marsh', 'Marsh']);
    expect(daniel.filter((t) => t.startsWith('Marsh'))).toHaveLength(3);
  });

  it('sends a shared surname to the one just made the subject', () => {
    const { entities } = analyse(
      'Union leader Paul Berg said the strike would go on. Berg said members were angry.\n\n' +
        'The company’s chief executive, Anne Berg, said the offer was fair.\n\n' +
        '“We urge the union to return,” Berg said.',
    );
    expect(texts(named(entities, 'Anne Berg'))).toEqual(['Anne Berg', 'Berg']);
  });

  it('leaves a surname unresolved when the title gender fits none of the people sharing it', () => {
    const { entities } = analyse(
      'Finance Minister Paul Brandt and his brother Peter Brandt opened a factory in Lyon. Mrs. Brandt was absent.',
    );
    const all = entities.filter((e) => e.type === 'PERSON').flatMap((e) => texts(e));
    expect(all.filter((t) => t === 'Brandt')).toHaveLength(0);
  });

  it('resolves "the 61-year-old" to the person given that age', () => {
    const { entities } = analyse(
      'Peter Olsen, 61, and Mark Dahl, 45, were arrested in Bergen on Friday. ' +
        'Police said the 61-year-old had been released.',
    );
    expect(texts(named(entities, 'Peter Olsen'))).toContain('the 61-year-old');
    expect(texts(named(entities, 'Mark Dahl'))).not.toContain('the 61-year-old');
  });

  it('leaves "the official" unlinked when an unnamed official was introduced before', () => {
    const { entities } = analyse(
      'Secretary of State Laura Finch announced the sanctions on Tuesday. ' +
        'A Ruritanian official rejected the move. The official said it would change nothing.',
    );
    expect(texts(named(entities, 'Laura Finch'))).not.toContain('The official');
  });

  it('gives a person the country of the body in a nominal that refers to them', () => {
    const { entities } = analyse(
      'Communications Advisor Mark Ellis said the talks were useful. ' +
        '“We made progress,” the White House official said.',
    );
    expect(named(entities, 'Mark Ellis')).toMatchObject({ country: 'USA' });
    expect(texts(named(entities, 'Mark Ellis'))).toContain('the White House official');
  });
});

describe('body references', () => {
  it('finds a body by its head word and links "the ministry" to it', () => {
    const { entities } = analyse(
      'The Flood Relief Ministry said 40 people had died. “Teams are working,” the ministry said on Monday.',
    );
    const ministry = named(entities, 'Flood Relief Ministry');
    expect(ministry).toMatchObject({ type: 'ORG' });
    expect(texts(ministry)).toEqual(['Flood Relief Ministry', 'the ministry']);
  });
});

describe('repaired text', () => {
  it('never starts or ends a mention strictly inside a repaired block', () => {
    const raw =
      'Foreign Minister Jane Ro\nwe of Chile met Presi\ndent Omar Said in Cai\nro on Fri\nday.\n\n' +
      'The gover\nnment of Egy\npt said Rowe and Said agreed, and th\ne Chilean envoy left for Pe\nru.';
    const { doc, entities } = analyse(raw, { tagger: 'model' }, true);
    const map = doc.get('offsetMap');
    const blocks = map.segments.filter((s) => s.repaired);
    expect(blocks.length).toBeGreaterThan(3);
    expect(entities.length).toBeGreaterThan(2);
    for (const e of entities) {
      for (const m of e.mentions) {
        expect(doc.text.slice(m.start, m.end)).toBe(m.text);
        for (const b of blocks) {
          expect(b.textStart < m.start && m.start < b.textEnd).toBe(false);
          expect(b.textStart < m.end && m.end < b.textEnd).toBe(false);
        }
      }
    }
  });

  it('widens a mention that cuts a repaired block to the whole block', () => {
    const text = 'Omar Said left.';
    const ents: StageEntity[] = [
      {
        id: 'e1',
        type: 'PERSON',
        name: 'Omar Said',
        kb: null,
        country: null,
        role: null,
        rule: 'test',
        mentions: [{ start: 1, end: 7, text: 'mar Sa', kind: 'name', rule: 'test' }],
      },
    ];
    const map = new OffsetMap([
      { textStart: 0, textEnd: 3, rawStart: 0, rawEnd: 4, repaired: true },
      { textStart: 3, textEnd: 5, rawStart: 4, rawEnd: 6, repaired: false },
      { textStart: 5, textEnd: 9, rawStart: 6, rawEnd: 11, repaired: true },
      { textStart: 9, textEnd: 15, rawStart: 11, rawEnd: 17, repaired: false },
    ]);
    snapToRepairs(ents, text, map);
    expect(ents[0]!.mentions[0]).toMatchObject({ start: 0, end: 9, text: 'Omar Said' });
  });
});

describe('awkward input with the model tagger', () => {
  it('handles no names, Hangul, Cyrillic, ALL-CAPS and a 100,000-token document', () => {
    expect(analyse('it was raining and nothing happened at all.').entities).toEqual([]);
    expect(() =>
      analyse('대한민국 외교부는 금요일 성명을 발표했다. Москва заявила о переговорах.'),
    ).not.toThrow();
    const caps = analyse('NORTH KOREA SENDS TROOPS TO RUSSIA, SOUTH KOREA SAYS').entities;
    expect(caps.map((e) => e.kb)).toEqual(expect.arrayContaining(['country:PRK', 'country:RUS']));
    expect(caps.some((e) => e.type === 'PERSON')).toBe(false);
    const para =
      'Foreign Minister Jane Doe of Chile met President Omar Said in Cairo, and she said Egypt agreed. ';
    const { doc, entities } = analyse(para.repeat(5_300));
    expect(doc.get('tokens').length).toBeGreaterThan(100_000);
    expect(named(entities, 'Jane Doe')?.mentions.length).toBeGreaterThan(4000);
  });
});
