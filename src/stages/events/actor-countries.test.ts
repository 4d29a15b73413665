import { describe, expect, it } from 'vitest';
import { extractEvents } from './index.js';
import { testDoc } from './test-doc.js';

/**
 * Which countries an event's two sides carry, on sentences we wrote: places in what was agreed or demanded,
 * descriptions placed in a country, capitalised sector words at a sentence start, and arrests in a country
 * with no agent named.
 */
const ENTS = [
  { type: 'GPE', name: 'Japan', country: 'JPN', kb: 'country:JPN', mentions: ['Japan', 'Tokyo'] },
  { type: 'GPE', name: 'Lebanon', country: 'LBN', kb: 'country:LBN', mentions: ['Lebanon'] },
  { type: 'GPE', name: 'Geneva', country: 'CHE', kb: 'city:Geneva', mentions: ['Geneva'] },
  { type: 'GPE', name: 'Zambia', country: 'ZMB', kb: 'country:ZMB', mentions: ['Zambia'] },
  { type: 'GPE', name: 'France', country: 'FRA', kb: 'country:FRA', mentions: ['France'] },
  { type: 'ORG', name: 'Trade Forum', mentions: ['Trade Forum'] },
  { type: 'ORG', name: 'Relief Council', mentions: ['Relief Council'] },
  { type: 'PERSON', name: 'Ann Lee', country: 'KOR', mentions: ['Ann Lee', 'Lee'] },
  { type: 'NORP', name: 'Danish', country: 'DNK', kb: 'norp:DNK', mentions: ['Danish'] },
  { type: 'NORP', name: 'French', country: 'FRA', kb: 'norp:FRA', mentions: ['French'] },
];
const id = (name: string) => `e${ENTS.findIndex((e) => e.name === name) + 1}`;

function events(text: string) {
  return extractEvents(testDoc(text, { entities: ENTS, published: '2024-11-01' }));
}

describe('countries of the two sides', () => {
  it('takes a place inside what was agreed or demanded as the target, not a venue before the trigger', () => {
    const [a] = events('The Trade Forum has agreed to build a new research centre in Tokyo.');
    expect(a).toMatchObject({ type: 'AGREE', actors: [id('Trade Forum')], targets: [id('Japan')] });
    const [d] = events('The Relief Council demanded that fighters in Lebanon open the roads.');
    expect(d).toMatchObject({ type: 'DEMAND', targets: [id('Lebanon')] });
    const [v] = events('In Geneva, the Trade Forum agreed to cut tariffs.');
    expect(v).toMatchObject({ type: 'AGREE', actors: [id('Trade Forum')], targets: [] });
  });

  it('gives a description placed in a country that country, also with a capital at the sentence start', () => {
    const [o] = events('Opposition groups in Zambia are demanding new elections.');
    expect(o).toMatchObject({ type: 'DEMAND', actors: [] });
    expect(o!.genericActor).toMatchObject({ text: 'Opposition groups', sector: 'OPP', country: 'ZMB' });
    const [r] = events('Rebel groups attacked the convoy near the border.');
    expect(r!.genericActor).toMatchObject({ text: 'Rebel groups', sector: 'REB', country: null });
  });

  it('makes the state the source of an arrest in its country when no agent is named', () => {
    const [e] = events('A Danish journalist was arrested in Lebanon on Monday.');
    expect(e).toMatchObject({ type: 'COERCE', actors: [id('Lebanon')], targets: [id('Danish')] });
    // a national arrested at home: the place is no second side
    const [h] = events('A French tourist was arrested in France on Monday.');
    expect(h).toMatchObject({ type: 'COERCE', actors: [] });
  });
});

describe('a person read as a place', () => {
  it('gives a place no gazetteer locates the country of the one known person of that name', () => {
    const ents = [
      { type: 'GPE', name: 'Putin', mentions: ['Putin'] },
      { type: 'GPE', name: 'France', country: 'FRA', kb: 'country:FRA', mentions: ['France'] },
    ];
    const [e] = extractEvents(testDoc('Putin criticised France on Monday.', { entities: ents }));
    expect(e?.participants).toContainEqual({
      id: 'e1',
      role: 'actor',
      country: 'RUS',
      countryFrom: 'person',
    });
    const [u] = extractEvents(
      testDoc('Kivuland criticised France on Monday.', {
        entities: [{ type: 'GPE', name: 'Kivuland', mentions: ['Kivuland'] }, ents[1]!],
      }),
    );
    expect(u?.participants).toContainEqual({ id: 'e1', role: 'actor', country: null, countryFrom: null });
  });
});
