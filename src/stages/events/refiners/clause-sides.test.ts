import { describe, expect, it } from 'vitest';
import { analyze } from '../../../services/analyze.js';

/**
 * Sides of an event read off the clause around it (issue 11), through the whole pipeline on sentences we wrote:
 * "their meeting" names the clause's parties, a participle that the parse hangs on its subject still gives that
 * subject, and a relative pronoun stands for the name before it.
 */
function events(text: string, published?: string): Array<{ line: string; date: string | null }> {
  const a = analyze(text, published ? { published } : {});
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  const names = (ids: readonly string[]) => ids.map((id) => name.get(id) ?? id).join(',');
  return a.events.map((e) => ({
    line: `${e.type} ${e.trigger.text} ${names(e.actors)}->${names(e.targets)}`,
    date: e.date,
  }));
}
const lines = (text: string) => events(text).map((e) => e.line);

describe('sides of an event from its clause', () => {
  it('gives "their meeting" the subject and the object of the clause it stands in', () => {
    const got = lines('"We have made progress," Ola Berg told Kim Moe at the start of their meeting.');
    expect(got).toContain('CONSULT meeting Ola Berg->Kim Moe');
  });

  it('finds no sides for "their meeting" when the clause names only one party', () => {
    const got = lines('Ola Berg spoke at the start of their meeting.');
    expect(got.filter((e) => e.startsWith('CONSULT meeting'))).toEqual([]);
  });

  it('gives a meeting after which someone spoke to the speaker, dated by the report ("X, speaking after …, said")', () => {
    const got = events(
      'Swedish Prime Minister Ola Berg, speaking after a meeting with his Norwegian counterpart Kim Moe in the northern town of Kiruna, said: "Sweden is ready."',
      '2006-03-08',
    );
    const meeting = got.find((e) => e.line.startsWith('CONSULT meeting'));
    expect(meeting?.line).toBe('CONSULT meeting Ola Berg->Kim Moe');
    expect(meeting?.date).toBe('2006-03-08');
  });

  it('reads a relative pronoun as the names before it ("Iran and Syria, whom he accuses of …")', () => {
    const got = lines(
      'Prime Minister Ola Berg spoke on Monday. He has ruled out talks with Iran and Syria, whom he accuses of arming the rebels.',
    );
    expect(got).toContain('DISAPPROVE accuses Ola Berg->Iran,Syria');
  });

  it('does not read a relative pronoun as a country named in the description before it', () => {
    const got = lines(
      'The contract went to the European plane-maker, which is fighting its US rival for market share.',
    );
    expect(got.filter((e) => e.startsWith('FIGHT'))).toEqual([]);
  });
});

describe('relative pronoun subjects', () => {
  it('gives an event whose subject is "which" or "who" to the name before the comma', () => {
    const got = lines(
      'Norway -- which pulled out its troops and officials from Greenland in 2004 but keeps a base there -- said the talks should go on.',
    );
    expect(got).toContain('RETREAT pulled out Norway->Greenland');
  });

  it('gives no actor to an event whose relative subject stands for a description', () => {
    const got = lines(
      'The plane-maker, which pulled out its staff from Greenland in 2004, said it would return.',
    );
    expect(got.filter((e) => e.startsWith('RETREAT'))).toEqual([]);
  });
});

describe('named subjects the token rules missed', () => {
  it('gives the event to the named subject of its verb when an adverb stands between them', () => {
    expect(lines('The talks ended on Monday. Denmark later vowed to continue the fight.')).toContain(
      'AGREE vowed Denmark->',
    );
    expect(lines('The talks ended on Monday. Denmark later accused the minister of lying.')).toContain(
      'DISAPPROVE accused Denmark->',
    );
  });

  it('takes no country named only by a modifier of the subject ("a Norway-based group") as actor', () => {
    const got = lines('The talks ended on Monday. A Norway-based relief group later appealed for food aid.');
    expect(got.filter((e) => e.includes('Norway->'))).toEqual([]);
  });
});

describe('targets of event nouns', () => {
  it('reads the target of an event noun off its frame when the token rules found none', () => {
    const got = lines("The talks ended on Monday. Sweden's arrest of two Norwegian fishermen angered Oslo.");
    expect(got).toContain('COERCE arrest Sweden->Norwegian');
  });

  it('takes no target for a withdrawal from its "of" dependent, who withdraws', () => {
    const got = lines(
      'The talks ended on Monday. Ola Berg sought the complete withdrawal of Norwegian troops by 2015.',
    );
    expect(got.filter((e) => e.startsWith('RETREAT') && e.endsWith('->Norwegian'))).toEqual([]);
  });
});

describe('relational descriptions as participants', () => {
  const first =
    'The talks ended on Monday. Swedish Foreign Minister Ola Berg met his Norwegian counterpart Kim Moe in Oslo.';

  it('reads "his counterpart" as the one person the story introduced as the counterpart', () => {
    expect(lines(`${first} Berg later criticized his counterpart over fishing quotas.`)).toContain(
      'DISAPPROVE criticized Ola Berg->Kim Moe',
    );
    expect(lines(`${first} His counterpart later criticized the plan.`)).toContain(
      'DISAPPROVE criticized Kim Moe->',
    );
  });

  it('resolves no counterpart when the story introduced two', () => {
    const two = `${first} Danish Foreign Minister Per Lund met his Finnish counterpart Aino Virta in Helsinki.`;
    const got = lines(`${two} Berg later criticized his counterpart over fishing quotas.`);
    expect(got.filter((e) => e.startsWith('DISAPPROVE') && !e.endsWith('->'))).toEqual([]);
  });
});

describe('events the parse hides from the token rules', () => {
  it('reads an adverbial clause under a found event as an event of its own ("before she was to meet …")', () => {
    const got = lines(
      'The talks ended on Monday. Prime Minister Ola Berg said he telephoned Danish Prime Minister Ida Lund hours before she was to meet President Aino Virta of Finland in Turku.',
    );
    expect(got).toContain('CONSULT meet Ida Lund->Aino Virta');
  });

  it('gives talks after which someone spoke to the speaker, also with "here" in between', () => {
    const got = lines(
      'The talks ended on Monday. "Such a plan will make things worse," Berg said after talks here with his Danish counterpart Ida Lund.',
    );
    expect(got).toContain('CONSULT talks Berg->Ida Lund');
  });

  it('takes a name in apposition to the object as the target ("backed a right-winger, X, for president")', () => {
    const got = lines(
      'The talks ended on Monday. Sweden had backed a different right-winger, Ola Berg, for president, and distanced itself from the party.',
    );
    expect(got).toContain('SUPPORT backed Sweden->Ola Berg');
  });

  it('takes no side of a dispute inside the topic of a meeting verb as its target', () => {
    const got = lines(
      'The talks ended on Monday. Berg and his visitor discussed regional issues, including the dispute with the breakaway region of Karelia.',
    );
    expect(got.filter((e) => e.includes('->Karelia'))).toEqual([]);
  });
});
