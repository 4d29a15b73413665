import { describe, expect, it } from 'vitest';
import { extractEvents } from './index.js';
import { testDoc } from './test-doc.js';

/**
 * Actors named by a description rather than a name ("pro-government forces", "a Burmese dissident group"),
 * definite descriptions and relative pronouns that point to a name elsewhere, and idioms of criticism, on
 * sentences we wrote.
 */
const ENTS = [
  { type: 'GPE', name: 'Iran', country: 'IRN', kb: 'country:IRN', mentions: ['Iran', 'Tehran'] },
  { type: 'GPE', name: 'Russia', country: 'RUS', kb: 'country:RUS', mentions: ['Russia'] },
  { type: 'GPE', name: 'China', country: 'CHN', kb: 'country:CHN', mentions: ['China'] },
  { type: 'GPE', name: 'Kuwait', country: 'KWT', kb: 'country:KWT', mentions: ['Kuwait'] },
  { type: 'GPE', name: 'Iraq', country: 'IRQ', kb: 'country:IRQ', mentions: ['Iraq'] },
  { type: 'GPE', name: 'Jowhar', country: 'SOM', kb: 'city:Jowhar', mentions: ['Jowhar'] },
  { type: 'GPE', name: 'Athens', country: 'GRC', kb: 'city:Athens', mentions: ['Athens'] },
  { type: 'NORP', name: 'Somali', country: 'SOM', kb: 'norp:SOM', mentions: ['Somali'] },
  { type: 'NORP', name: 'Chinese', country: 'CHN', kb: 'norp:CHN', mentions: ['Chinese'] },
  { type: 'NORP', name: 'Ethiopian', country: 'ETH', kb: 'norp:ETH', mentions: ['Ethiopian'] },
  {
    type: 'GPE',
    name: 'United States',
    country: 'USA',
    kb: 'country:USA',
    mentions: ['United States', 'US'],
  },
  { type: 'GPE', name: 'Japan', country: 'JPN', kb: 'country:JPN', mentions: ['Japan'] },
  { type: 'PERSON', name: 'Kim Jang-Soo', country: 'KOR', mentions: ['Kim Jang-Soo'] },
  { type: 'PERSON', name: 'Ann Lee', country: 'KOR', mentions: ['Ann Lee', 'Lee'] },
  { type: 'PERSON', name: 'Bob Ray', country: 'USA', mentions: ['Bob Ray', 'Ray'] },
  { type: 'PERSON', name: 'Cho Ito', country: 'JPN', mentions: ['Cho Ito', 'Ito'] },
];
const id = (name: string) => `e${ENTS.findIndex((e) => e.name === name) + 1}`;

function events(text: string, times: Array<{ text: string; value: string }> = []) {
  return extractEvents(testDoc(text, { entities: ENTS, published: '2024-11-01', times }));
}

describe('actors named by a description', () => {
  it('keeps an event whose actor is a description, with its sector and country', () => {
    const [e] = events('On Wednesday pro-government forces seized Jowhar.');
    expect(e).toMatchObject({ type: 'COERCE', actors: [] });
    expect(e!.genericActor).toMatchObject({ text: 'pro-government forces', sector: 'MIL', country: null });
    const [d] = events('A Somali dissident group called for talks.');
    expect(d!.genericActor).toMatchObject({ text: 'Somali dissident group', sector: 'OPP', country: 'SOM' });
    const [r] = events('Rebels attacked the convoy near the border.');
    expect(r!.genericActor).toMatchObject({ text: 'Rebels', sector: 'REB', country: null });
    const [k] = events('Three villagers were killed by unidentified gunmen on Monday.');
    expect(k!.genericActor).toMatchObject({ text: 'unidentified gunmen', sector: 'REB' });
  });

  it('does not take the backer of "Ethiopian-backed forces" for their country, nor a bare "forces"', () => {
    const [e] = events('Ethiopian-backed forces seized Jowhar.');
    expect(e!.genericActor).toMatchObject({ sector: 'MIL', country: null });
    expect(events('Officials seized Jowhar.').map((x) => x.genericActor)).toEqual([]);
  });

  it('names no generic actor when the clause has a named one', () => {
    const [e] = events('Iraq seized Jowhar.');
    expect(e!.actors).toEqual([id('Iraq')]);
    expect(e!.genericActor).toBeUndefined();
  });
});

describe('descriptions and pronouns that point elsewhere', () => {
  it('resolves "the defence minister" to the one person the story gives that title', () => {
    const ev = events(
      'Defence minister Kim Jang-Soo spoke to troops. Lee said talks went well. The defence minister also urged Russia to act.',
    );
    expect(ev.find((e) => e.type === 'DEMAND')).toMatchObject({ actors: [id('Kim Jang-Soo')] });
  });

  it('gives a relative clause its antecedent, not a name inside the clause', () => {
    const ev = events(
      'The draft was changed to win over Russia and China, which have ties with Tehran and have opposed sanctions.',
    );
    expect(ev.find((e) => e.type === 'REJECT')).toMatchObject({ actors: [id('Russia'), id('China')] });
  });

  it('takes the actor of "its <time> invasion" from the clause subject', () => {
    const ev = events('Iraq flouted the sanctions in force since its August 1990 invasion of Kuwait.', [
      { text: 'August 1990', value: '1990-08' },
    ]);
    expect(ev.find((e) => e.type === 'FIGHT')).toMatchObject({
      actors: [id('Iraq')],
      targets: [id('Kuwait')],
    });
  });

  it('keeps the speaker as the actor of a verb after "disappointed with X and"', () => {
    const ev = events('Lee said he was "disappointed" with Ray and warned him to be careful.');
    expect(ev.find((e) => e.type === 'DISAPPROVE')).toMatchObject({
      actors: [id('Ann Lee')],
      targets: [id('Bob Ray')],
    });
    expect(ev.find((e) => e.type === 'THREATEN')).toMatchObject({ actors: [id('Ann Lee')] });
  });
});

describe('idioms', () => {
  it('reads "received a grilling by X" as X criticising the subject', () => {
    const ev = events("China's rights record received a grilling by a top US official.");
    expect(ev[0]).toMatchObject({
      type: 'DISAPPROVE',
      actors: [id('United States')],
      targets: [id('China')],
    });
  });

  it('reads "called X a puppet" as criticism of X, and "called for" as a demand', () => {
    expect(events('Lee called Ray "a puppet" of the army.')[0]).toMatchObject({
      type: 'DISAPPROVE',
      actors: [id('Ann Lee')],
      targets: [id('Bob Ray')],
    });
    expect(events('Lee called for talks with Ray.')[0]!.type).toBe('DEMAND');
  });

  it('reads "went on to Athens" as travel, not a strike, and "warned against" as disapproval', () => {
    expect(events('Ito went on to Athens for talks with Lee.').some((e) => e.type === 'PROTEST')).toBe(false);
    expect(events('Ray went on strike.')[0]).toMatchObject({ type: 'PROTEST' });
    expect(events('Ray warned against any graceful exit.')[0]).toMatchObject({ type: 'DISAPPROVE' });
  });

  it('reads "would not follow the US example" as a refusal aimed at the US, and "followed suit" as none', () => {
    expect(events('Japan said it would not follow the US example.')[0]).toMatchObject({
      type: 'REJECT',
      actors: [id('Japan')],
      targets: [id('United States')],
    });
    expect(events('Russia followed suit.')).toEqual([]);
  });
});

describe('wire constructions', () => {
  it('does not let "it" skip over an unnamed subject to an older name', () => {
    const ev = events(
      'The United States has been pushing for tougher sanctions. But the European draft does not include that. It asks Russia to report.',
    );
    expect(ev.find((e) => e.type === 'DEMAND' && e.sentence === 0)).toMatchObject({
      actors: [id('United States')],
    });
    expect(ev.some((e) => e.sentence === 2 && e.actors.includes(id('United States')))).toBe(false);
  });

  it('reads forces sent "to the south" as a mobilisation and a time before a past verb as no noun', () => {
    expect(
      events('Iraq earlier this week sent nine helicopters to the south.', [
        { text: 'earlier this week', value: '2024-W44' },
      ])[0],
    ).toMatchObject({ type: 'MOBILIZE', actors: [id('Iraq')] });
  });

  it('finds the sides of "talks in <city>, <country>, with X" and the person of "by <country> ambassador in <country> X"', () => {
    const ev = events('Ray spoke after talks in Jowhar, Iraq, with Lee.');
    expect(ev.find((e) => e.type === 'CONSULT')).toMatchObject({
      actors: [id('Bob Ray')],
      targets: [id('Ann Lee')],
    });
    const op = events('It was a move opposed by US ambassador in Iraq Bob Ray.');
    expect(op.find((e) => e.type === 'REJECT')).toMatchObject({ actors: [id('Bob Ray')] });
  });

  it('gives a participle after "while" and an adverb the main subject', () => {
    const ev = events('While enthusiastically praising Russia, China warned Iran.');
    expect(ev.find((e) => e.type === 'SUPPORT')).toMatchObject({
      actors: [id('China')],
      targets: [id('Russia')],
    });
  });

  it('dates "its August 1990 invasion" and "said Thursday after talks with X" by their own times', () => {
    const inv = events('Iraq flouted the sanctions in force since its August 1990 invasion of Kuwait.', [
      { text: 'August 1990', value: '1990-08' },
    ]);
    expect(inv.find((e) => e.type === 'FIGHT')).toMatchObject({ date: '1990-08' });
    const talks = events('"We will stay," Ray said Thursday after talks with Lee.', [
      { text: 'Thursday', value: '2024-10-31' },
    ]);
    expect(talks.find((e) => e.type === 'CONSULT')).toMatchObject({ date: '2024-10-31' });
  });

  it('gives "X\'s announcement that it would …" to X, "so far" no clause break, "claimed to have" the claimant', () => {
    const ev = events("Lee spoke of China's announcement that it would sign the convention.");
    expect(ev.find((e) => e.type === 'AGREE')).toMatchObject({ actors: [id('China')] });
    const sofar = events('But Iran, which won the vote, has so far refused the plan.');
    expect(sofar.find((e) => e.type === 'REJECT')).toMatchObject({ actors: [id('Iran')] });
    const claimed = events('Iran claimed to have captured a town from Iraq.');
    expect(claimed.find((e) => e.type === 'FIGHT')).toMatchObject({ actors: [id('Iran')] });
  });

  it('reads regret as disapproval', () => {
    expect(events('Lee regretted the refusal of Iran.')[0]).toMatchObject({
      type: 'DISAPPROVE',
      actors: [id('Ann Lee')],
    });
    expect(events('Lee said he felt regretful about the vote.')[0]).toMatchObject({ type: 'DISAPPROVE' });
  });

  it('reads "concern raised by A, B and C over Chinese dominance" with both sides, and "met Secretary of State X"', () => {
    const ev = events(
      'It followed concern raised by Iran, Japan and Russia over possible Chinese dominance.',
    );
    expect(ev.find((e) => e.type === 'DISAPPROVE')).toMatchObject({
      actors: [id('Iran'), id('Japan'), id('Russia')],
      targets: [id('China')],
    });
    const met = events('Ito confirmed Lee met Secretary of State Bob Ray.');
    expect(met.find((e) => e.type === 'CONSULT')).toMatchObject({
      actors: [id('Ann Lee')],
      targets: [id('Bob Ray')],
    });
  });
});
