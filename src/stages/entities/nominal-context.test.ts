import { describe, expect, it } from 'vitest';
import { Document, plainSource } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { sentencesStage } from '../sentences/index.js';
import { entitiesStage, type StageEntity } from './index.js';

/**
 * Nominal coreference and country context, each on sentences we wrote ourselves (no article text): a
 * descriptor taken up by "the cleric", generic bodies after another country's word, a demonym before a
 * business, misspelt demonyms and "the Islamic republic".
 */
function analyse(text: string): StageEntity[] {
  const pipeline = createPipeline([sentencesStage(), entitiesStage()], ['text']);
  const doc = pipeline.run(new Document('t', plainSource(text), { text }));
  return doc.get('entities') as StageEntity[];
}

const holding = (ents: StageEntity[], mention: string) =>
  ents.filter((e) => e.mentions.some((m) => m.text === mention));

describe('descriptor nominals', () => {
  it('joins "the cleric" to the one person the story called a cleric', () => {
    const ents = analyse(
      'Senior Sunni cleric Omar Haddad arrived in Cairo on Tuesday for two days of meetings.\n\n' +
        'Trade minister Paul Ritter met him at the airport.\n\n' +
        'The cleric said he hoped the visit would ease tensions.',
    );
    const who = holding(ents, 'The cleric');
    expect(who).toHaveLength(1);
    expect(who[0]!.name).toBe('Omar Haddad');
  });

  it('leaves "the cleric" alone when two people were called clerics', () => {
    const ents = analyse(
      'Senior Sunni cleric Omar Haddad met Shiite cleric Karim Nasser in Cairo on Tuesday.\n\n' +
        'The cleric said he hoped the visit would ease tensions.',
    );
    expect(holding(ents, 'The cleric')).toEqual([]);
  });
});

describe('delayed identification and group nominals', () => {
  it("takes the lead's description to be the person named first in the next sentence", () => {
    const ents = analyse(
      "The leader of the country's biggest farmers' union urged the government on Monday to cut fuel taxes.\n\n" +
        'Jonas Petrauskas, head of the union since 2019, told reporters the cuts were overdue.',
    );
    const who = holding(ents, 'The leader');
    expect(who).toHaveLength(1);
    expect(who[0]!.name).toBe('Jonas Petrauskas');
  });

  it('does not take a newcomer introduced with "a …" for the described person', () => {
    const ents = analyse(
      "The leader of the country's biggest farmers' union urged the government on Monday to cut fuel taxes.\n\n" +
        'Jonas Petrauskas, a spokesman for the ministry, said the cuts were under study.',
    );
    expect(holding(ents, 'The leader').filter((e) => e.name === 'Jonas Petrauskas')).toEqual([]);
  });

  it('joins "the rebel group" to the one armed group named just before', () => {
    const ents = analyse(
      'Ugandan troops clashed with the LRA near the border on Sunday, the army said.\n\n' +
        'Aid agencies urged the rebel group to free the children it holds.',
    );
    const who = holding(ents, 'the rebel group');
    expect(who).toHaveLength(1);
    expect(who[0]!.kb).toBe('org:lra');
  });

  it('leaves "the rebel group" alone between two armed groups', () => {
    const ents = analyse(
      'The LRA and the SPLM traded accusations on Sunday.\n\nMediators urged the rebel group to free the children.',
    );
    expect(holding(ents, 'the rebel group')).toEqual([]);
  });

  it('reads "Lebanese official circles" as the Lebanese government', () => {
    const ents = analyse('Lebanese official circles denied the report on Tuesday.');
    expect(holding(ents, 'official circles')[0]?.kb).toBe('gov:lbn-government');
  });
});

describe('country context', () => {
  it("gives a demonym before a generic fixed body that country's body, and its member that country", () => {
    const ents = analyse(
      'The Chilean Congress voted on Monday to approve the budget.\n\n' +
        'Egyptian National Security Council Secretary Amr Fawzi will visit Rome on Friday.',
    );
    const congress = ents.find((e) => e.mentions.some((m) => m.text.includes('Congress')));
    expect(congress?.country).toBe('CHL');
    expect(congress?.kb).not.toBe('gov:congress');
    expect(ents.find((e) => e.name === 'Amr Fawzi')?.country).toBe('EGY');
  });

  it('does not give a person the country of a business he heads abroad', () => {
    const ents = analyse(
      'Kenji Mori, the president of the Brazilian subsidiary of a Tokyo trading house, was freed on Monday.',
    );
    expect(ents.find((e) => e.name === 'Kenji Mori')?.country).not.toBe('BRA');
  });

  it('reads a misspelt demonym and "the Islamic republic"', () => {
    const ents = analyse(
      'The Ukranian side proposed new talks.\n\nIran said on Monday the Islamic republic would not give in.',
    );
    expect(holding(ents, 'Ukranian')[0]?.country).toBe('UKR');
    expect(holding(ents, 'Islamic republic')[0]?.country).toBe('IRN');
  });
});
