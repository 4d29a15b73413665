import { describe, expect, it } from 'vitest';
import { extractEvents } from './index.js';
import { testDoc } from './test-doc.js';

/**
 * Constructions behind the misses of the fresh5 split, on sentences we wrote: warnings given as nouns, "with
 * whom" meetings, visits to a place with an adjective, titles with a remit before the name, coordinated
 * descriptions, companies after a nationality and a company noun, verbal attacks on a possessor's record,
 * clauses joined by "and", demands with an "unless" condition, and unstripped datelines.
 */
const ENTS = [
  { type: 'GPE', name: 'Russia', country: 'RUS', kb: 'country:RUS', mentions: ['Russia'] },
  { type: 'GPE', name: 'Ukraine', country: 'UKR', kb: 'country:UKR', mentions: ['Ukraine'] },
  { type: 'GPE', name: 'Slovakia', country: 'SVK', kb: 'country:SVK', mentions: ['Slovakia'] },
  {
    type: 'GPE',
    name: 'Brussels',
    country: 'BEL',
    kb: 'city:BEL:brussels',
    mentions: ['BRUSSELS', 'Brussels'],
  },
  { type: 'PERSON', name: 'Ann Lee', country: 'KOR', mentions: ['Ann Lee', 'Lee'] },
  { type: 'PERSON', name: 'Bob Ray', country: 'USA', mentions: ['Bob Ray', 'Ray'] },
  { type: 'PERSON', name: 'Cho Ito', country: 'JPN', mentions: ['Cho Ito', 'Ito'] },
  { type: 'ORG', name: 'United Nations', kb: 'org:un', mentions: ['UN'] },
  { type: 'NORP', name: 'Ukrainian', country: 'UKR', mentions: ['Ukrainian'] },
  { type: 'NORP', name: 'Buddhist', mentions: ['Buddhist'] },
  { type: 'MISC', name: 'Anglo-Dutch', mentions: ['Anglo-Dutch'] },
  { type: 'ORG', name: 'Shell', mentions: ['Shell'] },
  { type: 'ORG', name: 'NATO', kb: 'org:nato', mentions: ['NATO'] },
  { type: 'ORG', name: 'European Union', kb: 'org:eu', mentions: ['EU', 'European Union'] },
  { type: 'GPE', name: 'Iraq', country: 'IRQ', kb: 'country:IRQ', mentions: ['Iraq'] },
];
const id = (name: string) => `e${ENTS.findIndex((e) => e.name === name) + 1}`;

function events(text: string) {
  return extractEvents(testDoc(text, { entities: ENTS, published: '2024-11-01' }));
}

describe('events on wire-story constructions', () => {
  it('reads "gave a warning to X" as a threat by the subject against X', () => {
    expect(events('Lee gave a thinly veiled warning to Slovakia on Monday.')[0]).toMatchObject({
      type: 'THREATEN',
      actors: [id('Ann Lee')],
      targets: [id('Slovakia')],
    });
  });

  it('takes the antecedent of "with whom" as the other side of a meeting', () => {
    const e = events('Ray praised Ann Lee, with whom Ito met on Monday.').find((x) => x.type === 'CONSULT');
    expect(e).toMatchObject({ actors: [id('Cho Ito')], targets: [id('Ann Lee')] });
  });

  it('finds the place of "a visit to the neighbouring X" and gives the visit to the main subject', () => {
    const e = events(
      'Ray has often voiced his views, most recently during a visit to the neighbouring Slovakia.',
    ).find((x) => x.type === 'CONSULT');
    expect(e).toMatchObject({ actors: [id('Bob Ray')], targets: [id('Slovakia')] });
  });

  it('reaches the person after a title with a remit ("the UN diplomat on Ukrainian ties with Russia NAME")', () => {
    expect(
      events('Russia criticized the top UN diplomat on Ukrainian ties with Russia Bob Ray.')[0],
    ).toMatchObject({
      type: 'DISAPPROVE',
      actors: [id('Russia')],
      targets: [id('Bob Ray')],
    });
  });

  it('continues a target list past a nationality and its noun ("the Buddhist monk and the X authorities")', () => {
    const e = events('Russia accused the Buddhist monk and the Slovakia authorities of plotting.')[0];
    expect(e?.targets).toContain(id('Slovakia'));
  });

  it('takes the company named after a nationality and a company noun', () => {
    const e = events('Russia agreed to pay a fee to the consortium led by Anglo-Dutch giant Shell.')[0];
    expect(e?.targets).toEqual([id('Shell')]);
  });

  it("reads an attack on a possessor's record as criticism", () => {
    expect(events("Russia attacked Ito's own human rights record.")[0]).toMatchObject({ type: 'DISAPPROVE' });
  });

  it('does not carry a name across "and" into the next clause, and finds the target of an "unless" demand', () => {
    const e = events(
      'Ukraine pays Russia a subsidised fee for gas and Russia demanded an increase unless Ukraine agreed.',
    ).find((x) => x.type === 'DEMAND');
    expect(e).toMatchObject({ actors: [id('Russia')], targets: [id('Ukraine')] });
  });

  it('keeps an unstripped dateline city out of the first subject', () => {
    expect(events('BRUSSELS - NATO urged Russia to withdraw.')[0]).toMatchObject({
      type: 'DEMAND',
      actors: [id('NATO')],
    });
  });

  it('reads "a ceasefire between X and Y" and "an agreement between X and Y" as agreements of both sides', () => {
    const e = events('A ceasefire between Russia and Ukraine went into effect on Sunday.')[0];
    expect(e).toMatchObject({ type: 'AGREE' });
    expect(e?.actors.sort()).toEqual([id('Russia'), id('Ukraine')].sort());
  });

  it('reads "X\'s detention of Y" as an arrest of Y by X', () => {
    const e = events("NATO condemned Russia's detention of Bob Ray.").find((x) => x.type === 'COERCE');
    expect(e).toMatchObject({ actors: [id('Russia')], targets: [id('Bob Ray')] });
  });

  it('reads "his allegations that X …" as an accusation by the person just named against X', () => {
    const e = events(
      'Ukraine criticized Bob Ray over his recent allegations that Russia smuggles arms.',
    ).find((x) => x.trigger.text === 'allegations');
    expect(e).toMatchObject({ type: 'DISAPPROVE', actors: [id('Bob Ray')], targets: [id('Russia')] });
  });

  it("aims demands that a verb rejects at that verb's subject", () => {
    const e = events('The EU has rejected demands by Russia and Ukraine to cut subsidies.').find(
      (x) => x.type === 'DEMAND',
    );
    expect(e?.targets).toEqual([id('European Union')]);
  });

  it('takes the owner of a blocked stance as the target', () => {
    const e = events('Ukraine blocked a common EU stance on Russia.')[0];
    expect(e).toMatchObject({ type: 'REJECT', targets: [id('European Union')] });
  });

  it('reads "spent a day in X" as a visit and a ban on contacts as a sanction', () => {
    expect(events('Ray spent a day in Iraq on Monday.')[0]).toMatchObject({
      type: 'CONSULT',
      actors: [id('Bob Ray')],
    });
    expect(events('Russia forbade contacts with Bob Ray.')[0]).toMatchObject({
      type: 'SANCTION',
      targets: [id('Bob Ray')],
    });
  });
});
