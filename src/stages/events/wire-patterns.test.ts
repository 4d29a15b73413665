import { describe, expect, it } from 'vitest';
import { extractEvents } from './index.js';
import { testDoc } from './test-doc.js';

/**
 * Wire-story constructions that the rules handle, on sentences we wrote: obligations after "insist",
 * meetings named by nouns, passives and reduced relatives, possessive actors, sending forces, verbal attacks,
 * visits, places as targets, singular anaphors and leading phrases.
 */
const ENTS = [
  { type: 'GPE', name: 'Iran', country: 'IRN', kb: 'country:IRN', mentions: ['Iran', 'Tehran'] },
  {
    type: 'GPE',
    name: 'United States',
    country: 'USA',
    kb: 'country:USA',
    mentions: ['United States', 'Washington'],
  },
  { type: 'GPE', name: 'Sudan', country: 'SDN', kb: 'country:SDN', mentions: ['Sudan'] },
  { type: 'GPE', name: 'Russia', country: 'RUS', kb: 'country:RUS', mentions: ['Russia', 'Moscow'] },
  { type: 'GPE', name: 'Ukraine', country: 'UKR', kb: 'country:UKR', mentions: ['Ukraine'] },
  { type: 'GPE', name: 'France', country: 'FRA', kb: 'country:FRA', mentions: ['France'] },
  { type: 'GPE', name: 'Chad', country: 'TCD', kb: 'country:TCD', mentions: ['Chad'] },
  { type: 'GPE', name: 'Amman', country: 'JOR', kb: 'city:Amman', mentions: ['Amman'] },
  { type: 'PERSON', name: 'Ann Lee', country: 'KOR', mentions: ['Ann Lee', 'Lee'] },
  { type: 'PERSON', name: 'Bob Ray', country: 'USA', mentions: ['Bob Ray', 'Ray'] },
  { type: 'PERSON', name: 'Cho Ito', country: 'JPN', mentions: ['Cho Ito', 'Ito'] },
  { type: 'ORG', name: 'Human Rights Watch', mentions: ['Human Rights Watch'] },
  { type: 'ORG', name: 'International Criminal Court', mentions: ['International Criminal Court'] },
  { type: 'ORG', name: 'Quartet', mentions: ['Quartet'] },
  { type: 'GPE', name: 'Cuba', country: 'CUB', kb: 'country:CUB', mentions: ['Cuba'] },
  { type: 'GPE', name: 'Slovakia', country: 'SVK', kb: 'country:SVK', mentions: ['Slovakia'] },
];
const id = (name: string) => `e${ENTS.findIndex((e) => e.name === name) + 1}`;

function events(text: string, times: Array<{ text: string; value: string }> = []) {
  return extractEvents(testDoc(text, { entities: ENTS, published: '2024-11-01', times }));
}

describe('events on wire-story constructions', () => {
  it('reads an obligation after "insisted that" as a demand, and a plain "insisted that" as nothing', () => {
    expect(events('Iran insisted that the sanctions must be lifted.')[0]).toMatchObject({
      type: 'DEMAND',
      actors: [id('Iran')],
    });
    expect(events('Iran insisted that the talks went well.')).toHaveLength(0);
  });

  it('codes "held a meeting with" and "talks between A and B ended" as CONSULT with both sides', () => {
    expect(events('Lee held a meeting with Ray on Monday.')[0]).toMatchObject({
      type: 'CONSULT',
      actors: [id('Ann Lee')],
      targets: [id('Bob Ray')],
    });
    const t = events('Talks between Iran and the United States ended on Monday.', [
      { text: 'on Monday', value: '2024-10-28' },
    ]);
    expect(t[0]).toMatchObject({ type: 'CONSULT', date: '2024-10-28' });
    expect([...t[0]!.actors, ...t[0]!.targets].sort()).toEqual([id('Iran'), id('United States')].sort());
  });

  it('finds a meeting whose particle follows a time, and one in an adverbial after the speaker', () => {
    const [m] = events('In talks late Monday with Ray, Lee pledged to help.', [
      { text: 'late Monday', value: '2024-10-28' },
    ]);
    expect(m).toMatchObject({
      type: 'CONSULT',
      actors: [id('Ann Lee')],
      targets: [id('Bob Ray')],
      date: '2024-10-28',
    });
    const [a] = events('Lee said after talks with Ray and Ito that progress was made.');
    expect(a).toMatchObject({ type: 'CONSULT', actors: [id('Ann Lee')], date: '2024-11-01' });
  });

  it('reads the target of a passive "sanctions imposed on X by Y"', () => {
    expect(events('Sanctions imposed on Sudan by the United States remain in force.')[0]).toMatchObject({
      type: 'SANCTION',
      actors: [id('United States')],
      targets: [id('Sudan')],
    });
  });

  it('takes the actor of "its invasion of Y" from the possessor', () => {
    const e = events('France condemned Russia over its invasion of Ukraine.').find((x) => x.type === 'FIGHT');
    expect(e).toMatchObject({ actors: [id('Russia')], targets: [id('Ukraine')] });
  });

  it("codes forces sent to another party as AID and to one's own territory as MOBILIZE", () => {
    expect(events('France sent troops to Chad.')[0]).toMatchObject({ type: 'AID', targets: [id('Chad')] });
    expect(events('France sent three warships to its territory in the Indian Ocean.')[0]!.type).toBe(
      'MOBILIZE',
    );
  });

  it('codes a verbal attack as DISAPPROVE and a military one as FIGHT', () => {
    expect(events('Lee attacked the decision by the United States.')[0]!.type).toBe('DISAPPROVE');
    expect(events('Lee launched a scathing attack on Ray.')[0]!.type).toBe('DISAPPROVE');
    expect(events('Russian troops attacked Ukraine.')[0]!.type).toBe('FIGHT');
  });

  it('makes the visited place the target of a visit and of an action done there', () => {
    expect(events('Lee arrived in Amman on a visit.')[0]).toMatchObject({
      type: 'CONSULT',
      targets: [id('Amman')],
    });
    expect(events('France imposed a curfew in Amman.')[0]).toMatchObject({
      type: 'COERCE',
      targets: [id('Amman')],
    });
  });

  it('resolves "it" to the organisation just named, and a pronoun in a report to the reporting subject', () => {
    const ev = events(
      'Human Rights Watch released a report. It called on the International Criminal Court to act.',
    );
    expect(ev.find((e) => e.type === 'DEMAND')).toMatchObject({
      actors: [id('Human Rights Watch')],
      targets: [id('International Criminal Court')],
    });
    expect(events('France announced that it will withdraw its troops from Chad.')[0]).toMatchObject({
      actors: [id('France')],
    });
  });

  it('skips a participial phrase after the subject and dates a meeting only by its own clause', () => {
    expect(
      events('Lee, meeting here with Ray, pledged to step up dialogue.').find((e) => e.type === 'AGREE'),
    ).toMatchObject({
      actors: [id('Ann Lee')],
    });
    const ev = events('As he left after meeting Ray, Lee called on Russia to act.');
    expect(ev.find((e) => e.type === 'DEMAND')).toMatchObject({
      actors: [id('Ann Lee')],
      targets: [id('Russia')],
    });
  });

  it('does not read "committed" atrocities as a pledge', () => {
    expect(
      events('Atrocities committed in Sudan were documented by Human Rights Watch.').some(
        (e) => e.type === 'AGREE',
      ),
    ).toBe(false);
  });

  it('reads a subjunctive after "insists that", "expected X to" and "want X to" as demands', () => {
    expect(events('Russia insists that Iran halt the programme.')[0]).toMatchObject({
      type: 'DEMAND',
      actors: [id('Russia')],
      targets: [id('Iran')],
    });
    expect(events('Russia insists that Iran halts the programme.')).toHaveLength(0);
    expect(events('Russia expected Iran to freeze enrichment.')[0]).toMatchObject({
      type: 'DEMAND',
      actors: [id('Russia')],
      targets: [id('Iran')],
    });
    expect(events('Russia expects to win the vote.')).toHaveLength(0);
  });

  it('skips a dashed aside between a subject and its verb', () => {
    expect(
      events(
        'The Quartet \u2014 made up of Russia, France and the United States \u2014 has demanded that Iran halt the programme.',
      )[0],
    ).toMatchObject({ type: 'DEMAND', actors: [id('Quartet')] });
  });

  it('finds the target of an embargo "against" a country before a time phrase', () => {
    expect(
      events('The United States has maintained a trade embargo against Cuba since 1962.')[0],
    ).toMatchObject({
      type: 'SANCTION',
      targets: [id('Cuba')],
    });
  });

  it('reads refutations, "lashed out at", "willing to" and flying to a country', () => {
    expect(events('Ito refuted the reports.')[0]).toMatchObject({ type: 'REJECT', actors: [id('Cho Ito')] });
    expect(events('Ito lashed out at the settlers.')[0]).toMatchObject({ type: 'DISAPPROVE' });
    expect(events('Ukraine is willing to implement the resolution.')[0]).toMatchObject({ type: 'AGREE' });
    expect(events('Ito flew to Slovakia on Monday.')[0]).toMatchObject({
      type: 'CONSULT',
      actors: [id('Cho Ito')],
      targets: [id('Slovakia')],
    });
    expect(events('Ito flew to safety.')).toHaveLength(0);
  });

  it('takes the subject of a deplored that-clause as the target', () => {
    expect(events('Ito complained that Iran did not notify Tokyo.')[0]).toMatchObject({
      type: 'DISAPPROVE',
      targets: [id('Iran')],
    });
  });

  it('reads a secured or clinched deal as an agreement with the party named before the deal', () => {
    expect(events('Ito secured a huge Sudan oil deal on Monday.')[0]).toMatchObject({
      type: 'AGREE',
      actors: [id('Cho Ito')],
      targets: [id('Sudan')],
    });
    expect(events('Ito secured the border.')).toHaveLength(0);
  });

  it('takes the named appositive of "X\'s envoy, NAME," as the actor', () => {
    expect(events("Lee's envoy in Amman, Cho Ito, has been mediating talks with Ray.")[0]).toMatchObject({
      type: 'CONSULT',
      actors: [id('Cho Ito')],
    });
  });
});
