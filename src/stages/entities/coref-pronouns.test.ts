import { describe, expect, it } from 'vitest';
import { type CorefChain, Document, plainSource } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { sentencesStage } from '../sentences/index.js';
import { syntaxStage } from '../syntax/index.js';
import { sameFullName } from './coref.js';
import { entitiesStage, type StageEntity } from './index.js';

// Sentences we wrote for these tests. The pipeline runs the syntax stage, as `analyze` does, so pronouns are
// resolved on clause structure (coref-pronouns.ts).
const pipeline = createPipeline([sentencesStage(), syntaxStage(), entitiesStage()], ['text']);

function analyse(text: string): { entities: StageEntity[]; coref: CorefChain[] } {
  const doc = pipeline.run(new Document('t', plainSource(text), { text }));
  return { entities: doc.get('entities') as StageEntity[], coref: doc.get('coref') };
}

const named = (ents: StageEntity[], name: string) => ents.find((e) => e.name === name);
const texts = (e: StageEntity | undefined) => (e ? e.mentions.map((m) => m.text) : []);
/** Every entity that holds the mention starting at `start`. */
const holders = (ents: StageEntity[], start: number) =>
  ents.filter((e) => e.mentions.some((m) => m.start === start)).map((e) => e.name);

describe('people who share a surname', () => {
  it('keeps a husband and wife apart and gives "she" to the wife', () => {
    const text =
      'Farmer Robert Linden and his wife Clara Linden opened a bakery in Leeds on Monday. ' +
      'Clara Linden said she had saved for ten years.';
    const { entities } = analyse(text);
    const robert = named(entities, 'Robert Linden');
    const clara = named(entities, 'Clara Linden');
    expect(robert).toBeTruthy();
    expect(clara).toBeTruthy();
    expect(robert!.id).not.toBe(clara!.id);
    expect(texts(clara)).toContain('she');
    expect(texts(robert)).not.toContain('Clara Linden');
    expect(texts(robert)).not.toContain('she');
  });

  it('keeps a father and son apart, each full name in its own entity', () => {
    const text =
      'Walter Brisk founded the shipyard in 1961. His son Daniel Brisk runs it today. ' +
      'Daniel Brisk said orders had doubled, and Walter Brisk said he was proud.';
    const { entities } = analyse(text);
    const walter = named(entities, 'Walter Brisk')!;
    const daniel = named(entities, 'Daniel Brisk')!;
    expect(walter.id).not.toBe(daniel.id);
    expect(texts(walter).filter((t) => t === 'Walter Brisk')).toHaveLength(2);
    expect(texts(daniel).filter((t) => t === 'Daniel Brisk')).toHaveLength(2);
    for (const e of entities) {
      const fulls = new Set(e.mentions.filter((m) => m.text.includes(' ')).map((m) => m.text));
      expect(fulls.has('Walter Brisk') && fulls.has('Daniel Brisk')).toBe(false);
    }
  });

  it('leaves the bare surname to the leader, not to his wife introduced through him, even after she spoke', () => {
    const text =
      'Jailed militia leader Omar Haddad will stand for election, his lawyer said on Monday. ' +
      "Haddad's wife Leila said she would campaign for him. Leila Haddad told reporters that her husband " +
      'was innocent. "He never ordered any attack," she said. Haddad is serving five life terms.';
    const { entities } = analyse(text);
    const omar = named(entities, 'Omar Haddad')!;
    const leila = named(entities, 'Leila Haddad')!;
    expect(omar.id).not.toBe(leila.id);
    expect(holders(entities, text.lastIndexOf('Haddad is'))).toEqual(['Omar Haddad']);
    expect(holders(entities, text.indexOf('she would'))).toEqual(['Leila Haddad']);
    expect(holders(entities, text.indexOf('him.'))).toEqual(['Omar Haddad']);
  });

  it('gives "her" after "The wife of X said" to nobody named, and keeps X a man for later pronouns', () => {
    const text =
      'The wife of jailed union leader Karim Nasser said on Wednesday her husband would run for office. ' +
      "Nasser's wife Samira told reporters that he had agreed to stand.";
    const { entities } = analyse(text);
    expect(holders(entities, text.indexOf('her husband'))).toEqual([]);
    expect(holders(entities, text.indexOf('he had'))).toEqual(['Karim Nasser']);
    // the same with the husband as possessor of the subject phrase
    const owned =
      "Jailed union leader Karim Nasser did not appear. Nasser's wife said her husband would run.";
    expect(holders(analyse(owned).entities, owned.indexOf('her husband'))).toEqual([]);
  });

  it('gives a father the bare surname and each daughter her own name and pronouns', () => {
    const text =
      'Farmer Peter Brandt and his two daughters, Anna and Maria, won the cup on Sunday. Brandt said he was ' +
      'proud. Anna Brandt, 19, said she had trained for years. Her sister Maria Brandt said she would compete again.';
    const { entities } = analyse(text);
    expect(holders(entities, text.indexOf('Brandt said'))).toEqual(['Peter Brandt']);
    expect(holders(entities, text.indexOf('he was'))).toEqual(['Peter Brandt']);
    expect(holders(entities, text.indexOf('she had'))).toEqual(['Anna Brandt']);
    expect(holders(entities, text.indexOf('Her sister'))).toEqual(['Anna Brandt']);
    expect(holders(entities, text.indexOf('she would'))).toEqual(['Maria Brandt']);
  });

  it('leaves "he" unresolved after two men of one surname introduced side by side', () => {
    const text = 'Tomas Keller and his brother Anton Keller arrived in Graz. He said the trip was long.';
    const { entities } = analyse(text);
    const he = text.indexOf('He said');
    expect(holders(entities, he)).toEqual([]);
    expect(named(entities, 'Tomas Keller')!.id).not.toBe(named(entities, 'Anton Keller')!.id);
  });
});

describe('pronouns on the syntax layer', () => {
  it('gives "he" in the next sentence to the subject, not the object', () => {
    const text = 'Martin Hale met Victor Sand in Geneva on Tuesday. He said the talks were useful.';
    const { entities } = analyse(text);
    expect(holders(entities, text.indexOf('He said'))).toEqual(['Martin Hale']);
  });

  it('prefers the speaker in "X told Y that he …"', () => {
    const text = 'Martin Hale told Victor Sand that he would resign.';
    const { entities } = analyse(text);
    expect(holders(entities, text.indexOf('he would'))).toEqual(['Martin Hale']);
  });

  it('never binds an object pronoun to the subject of its own clause', () => {
    const text = 'Victor Sand arrived late. Martin Hale praised him.';
    const { entities } = analyse(text);
    // "him" is not Hale (binding), so it is Sand, the subject of the sentence before
    expect(holders(entities, text.indexOf('him'))).toEqual(['Victor Sand']);
  });

  it('lets a possessive refer to its own clause subject', () => {
    const text = 'Victor Sand arrived late. Martin Hale praised his staff.';
    const { entities } = analyse(text);
    expect(holders(entities, text.indexOf('his staff'))).toEqual(['Martin Hale']);
  });

  it('gives "she" to the only woman even when a man is the subject', () => {
    const text = 'Martin Hale met Angela Rossi in Rome. She said the meeting went well.';
    const { entities } = analyse(text);
    expect(holders(entities, text.indexOf('She said'))).toEqual(['Angela Rossi']);
  });

  it('does not reach back more than one sentence of narration', () => {
    const text =
      'Martin Hale left Rome on Monday. The storm closed the airport. Flights resumed. He said nothing.';
    const { entities } = analyse(text);
    expect(holders(entities, text.indexOf('He said'))).toEqual([]);
  });

  it('records the salience rule that linked each pronoun', () => {
    const text = 'Martin Hale met Victor Sand in Geneva on Tuesday. He said the talks were useful.';
    const { coref } = analyse(text);
    const he = coref.flatMap((c) => c.mentions).find((m) => m.text === 'He')!;
    expect(he.rule).toMatch(/^coref:pronoun-/);
  });
});

describe('names and nominals that name someone else', () => {
  it('never gives "Mrs." with the surname to the one man of that name', () => {
    const text =
      'Thomas Adler was arrested on Friday. His wife was not charged. Mrs. Adler said she was shocked.';
    const { entities } = analyse(text);
    const thomas = named(entities, 'Thomas Adler')!;
    expect(texts(thomas)).not.toContain('Adler');
    expect(texts(thomas)).not.toContain('she');
  });

  it('leaves "he" to an unnamed spokesman who says it, and to the named one a spokesman speaks for', () => {
    const text = 'Omar Tal was arrested on Monday. A police spokesman said he could not comment further.';
    expect(holders(analyse(text).entities, text.indexOf('he could'))).toEqual([]);
    const named = 'Omar Tal met the governor on Monday. A spokesman for Tal said he would resign.';
    expect(holders(analyse(named).entities, named.indexOf('he would'))).toEqual(['Omar Tal']);
    const own = 'Mark Dunn was sentenced on Monday. Dunn told reporters he would appeal.';
    expect(holders(analyse(own).entities, own.indexOf('he would'))).toEqual(['Mark Dunn']);
  });

  it('gives the pronoun to a named speaker set beside a speaker noun', () => {
    const text =
      'Prosecutors charged Paul Vane on Monday. Michael Reins, the attorney representing Vane, told reporters ' +
      'he would ask for bail.';
    expect(holders(analyse(text).entities, text.indexOf('he would'))).toEqual(['Michael Reins']);
  });

  it('knows the gender of common given names beyond the hand-written lists, and never pairs them crosswise', () => {
    const text = 'Nora Vell met Luke Harden in Oslo. Harden said she had offered him a job.';
    const { entities } = analyse(text);
    expect(holders(entities, text.indexOf('she'))).toEqual(['Nora Vell']);
    expect(holders(entities, text.indexOf('him'))).toEqual(['Luke Harden']);
  });

  it('gives no gender from a name that may be an East Asian surname', () => {
    const text = 'Lu Yongxiang met the delegation on Monday. He is vice chairman of the congress.';
    expect(holders(analyse(text).entities, text.indexOf('He is'))).toEqual(['Lu Yongxiang']);
  });

  it('never gives a quoted "he" to the speaker of that quotation', () => {
    const text =
      'Coach Luis Moreno praised striker Pablo Ruiz after the match. "He played like a champion," Moreno said.';
    const { entities } = analyse(text);
    expect(holders(entities, text.indexOf('He played'))).toEqual(['Pablo Ruiz']);
    const own =
      'Opposition leader Dan Ortiz called on Prime Minister Carl Berg to go. "He must resign," Ortiz said.';
    expect(holders(analyse(own).entities, own.indexOf('He must'))).not.toContain('Dan Ortiz');
  });

  it('never gives an object pronoun to the person a relative pronoun subject stands for', () => {
    const text = 'Daniel Ortuno met the envoy Thomas Shand, who had strongly opposed him in the election.';
    expect(holders(analyse(text).entities, text.indexOf('him as'))).not.toContain('Thomas Shand');
  });

  it('reads a comma phrase after a name as its apposition for a relative pronoun the parser hung elsewhere', () => {
    const text =
      "Peru's president-elect, Daniel Ortuno, met on Tuesday with Thomas Shand, the visiting United States " +
      'deputy secretary of state for trade, who had strongly opposed him as a presidential candidate.';
    expect(holders(analyse(text).entities, text.indexOf('him as'))).not.toContain('Thomas Shand');
  });

  it('still gives a possessive "her" in a relative clause to the woman it describes', () => {
    const text =
      'Forget Wang Tao. Zhu Lan, the former world chess champion who will represent her adopted country ' +
      'Qatar at the games, has beaten the best Chinese players.';
    expect(holders(analyse(text).entities, text.indexOf('her adopted'))).toEqual(['Zhu Lan']);
  });

  it('does not make a vice president "the president"', () => {
    const text =
      'Vice President Amos Tarka left the ruling party on Sunday. ' +
      'The constitution says the vice president must belong to the party of the president.';
    const { entities } = analyse(text);
    expect(holders(entities, text.lastIndexOf('the president'))).toEqual([]);
  });

  it('joins the first of two Spanish surnames used alone to the full name', () => {
    const text =
      'Former president Alvaro Ribera Velez criticised the deal on Monday. Ribera said it rewarded the rebels.';
    const { entities } = analyse(text);
    expect(holders(entities, text.indexOf('Ribera said'))).toEqual(['Alvaro Ribera Velez']);
  });

  it('keeps the father named after "bin" apart from his son', () => {
    const text =
      'Sheikh Khalid bin Faisal al-Nour opened the port. His father, Faisal al-Nour, founded the city. ' +
      'Faisal said the port would grow.';
    const { entities } = analyse(text);
    expect(holders(entities, text.indexOf('Faisal said'))).not.toContain('Khalid bin Faisal al-Nour');
  });
});

describe('the full-name merge guard', () => {
  it('accepts a shorter or initialled form of one name and refuses another given name', () => {
    const k = (s: string) => s.toLowerCase().replace(/\./g, '').split(' ');
    expect(sameFullName(k('George Bush'), k('George W. Bush'))).toBe(true);
    expect(sameFullName(k('J. Smith'), k('John Smith'))).toBe(true);
    expect(sameFullName(k('Ladi Luya'), k('Michel Ladi Luya'))).toBe(true);
    expect(sameFullName(k('Laura Bush'), k('George W. Bush'))).toBe(false);
    expect(sameFullName(k('Daniel Brisk'), k('Walter Brisk'))).toBe(false);
  });
});
