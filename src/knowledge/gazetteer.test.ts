import { describe, expect, it } from 'vitest';
import {
  AMBIGUOUS_DEMONYM_COUNTRIES,
  COUNTRIES,
  contextualKb,
  countryByIso3,
  findTitles,
  formatRole,
  lookupPerson,
  matchGazetteer,
  phraseTokens,
  titleCountry,
} from './index.js';

function found(sentence: string) {
  const toks = sentence.split(' ');
  return matchGazetteer(toks).map((m) => ({
    text: toks.slice(m.start, m.end).join(' '),
    kb: m.kb,
    kind: m.kind,
  }));
}

describe('countries', () => {
  it('has every ISO country with names, demonyms and capitals', () => {
    expect(COUNTRIES.length).toBeGreaterThan(240);
    const prk = countryByIso3('PRK')!;
    expect(prk.name).toBe('North Korea');
    expect(prk.names).toEqual(
      expect.arrayContaining(['DPRK', 'N. Korea', "Democratic People's Republic of Korea"]),
    );
    expect(prk.demonyms).toEqual(expect.arrayContaining(['North Korean', 'North Koreans']));
    expect(prk.capitals).toContain('Pyongyang');
    expect(countryByIso3('USA')!.names).toEqual(expect.arrayContaining(['U.S.', 'US', 'America']));
    expect(countryByIso3('xxx')).toBeNull();
  });
});

describe('matchGazetteer', () => {
  it('finds countries, short forms, capitals, demonyms and bodies with kb ids', () => {
    const m = found(
      'S. Korea ’s ROK and the U.S. met in Pyongyang with Japanese and Ukrainian officials at the White House',
    );
    expect(m).toEqual(
      expect.arrayContaining([
        { text: 'S. Korea', kb: 'country:KOR', kind: 'country' },
        { text: 'ROK', kb: 'country:KOR', kind: 'country' },
        { text: 'U.S.', kb: 'country:USA', kind: 'country' },
        { text: 'Pyongyang', kb: 'city:PRK:pyongyang', kind: 'capital' },
        { text: 'Japanese', kb: 'norp:JPN', kind: 'demonym' },
        { text: 'Ukrainian', kb: 'norp:UKR', kind: 'demonym' },
        { text: 'White House', kb: 'gov:white-house', kind: 'gov' },
      ]),
    );
  });

  it('prefers the longest phrase and keeps possessives as their own token', () => {
    const toks = phraseTokens("the Democratic People's Republic of Korea and the U.N. Security Council");
    const m = matchGazetteer(toks).filter((x) => x.kind !== 'title');
    expect(m.map((x) => x.kb)).toEqual(['country:PRK', 'org:un-security-council']);
    expect(m[0]!.end - m[0]!.start).toBe(6);
  });

  it('knows non-state groups of the Phoenix dictionary with their country, and not their members as groups', () => {
    const m = matchGazetteer(phraseTokens('the Abu Sayyaf Group and the Islamic Resistance Movement'));
    expect(m.filter((x) => x.kind === 'org').map((x) => x.entry.country)).toEqual(['PHL', 'PSE']);
    // Phoenix lists "Khaled Meshaal" among the aliases of Hamas: a person, never an organisation
    expect(matchGazetteer(phraseTokens('Khaled Meshaal said')).filter((x) => x.kind === 'org')).toEqual([]);
  });

  it("splits a plural's possessive apostrophe as the sentence stage does, so such names still match", () => {
    expect(phraseTokens("Kurdistan Workers' Party")).toEqual(['Kurdistan', 'Workers', "'", 'Party']);
    const m = matchGazetteer(['the', 'Kurdistan', 'Workers', "'", 'Party']).filter((x) => x.kind !== 'title');
    expect(m.map((x) => x.kb)).toEqual(['org:pkk']);
  });

  it('is case-aware: "us" is not the U.S., but an ALL-CAPS headline still matches', () => {
    expect(found('give us time').filter((x) => x.kind !== 'title')).toEqual([]);
    expect(found('SOUTH KOREA AND JAPAN')).toEqual([
      { text: 'SOUTH KOREA', kb: 'country:KOR', kind: 'country' },
      { text: 'JAPAN', kb: 'country:JPN', kind: 'country' },
    ]);
  });

  it('matches government bodies every state has case-insensitively, and titles in the gaps', () => {
    const m = found("China 's Foreign Ministry spokesman and the presidential office said");
    expect(m.map((x) => x.kind)).toEqual(['country', 'gov', 'title', 'gov']);
    expect(m[2]!.text).toBe('spokesman');
  });

  it('gives sovereign states precedence over territories that share a demonym', () => {
    expect(found('French troops')[0]!.kb).toBe('norp:FRA');
    expect(found('American troops')[0]!.kb).toBe('norp:USA');
  });
});

describe('titles', () => {
  it('finds title runs ending in a head word', () => {
    const toks = 'National Security Communications Advisor John Kirby and the vice foreign minister'.split(
      ' ',
    );
    expect(findTitles(toks)).toEqual([
      { start: 0, end: 4 },
      { start: 8, end: 11 },
    ]);
    expect(findTitles(['security', 'cooperation'])).toEqual([]);
  });

  it('formats roles in title case without temporal words', () => {
    expect(formatRole(['then', 'prime', 'minister'])).toBe('Prime Minister');
    expect(formatRole(['Secretary', 'of', 'State'])).toBe('Secretary of State');
    expect(formatRole(['Mr.'])).toBeNull();
  });
});

describe('knowledge lookups', () => {
  it('maps contextual bodies to a country and to fixed bodies where one exists', () => {
    expect(contextualKb('foreign-ministry', 'CHN')).toBe('gov:chn-foreign-ministry');
    expect(contextualKb('presidential-office', 'USA')).toBe('gov:white-house');
    expect(contextualKb('intelligence-agency', 'KOR')).toBe('gov:kor-intelligence-agency');
  });

  it('knows national leaders and heads of international bodies', () => {
    expect(lookupPerson('Lee Teng-hui')).toMatchObject({ kb: 'person:lee-teng-hui', country: 'TWN' });
    expect(lookupPerson('KOFI ANNAN')?.country).toBe('GHA');
    expect(lookupPerson('Nobody Atall')).toBeNull();
  });

  it('finds a leader whether the name is written with hyphens or spaces', () => {
    expect(lookupPerson('Kim Dae-jung')).toMatchObject({ kb: 'person:kim-dae-jung', country: 'KOR' });
    expect(lookupPerson('Lee Teng Hui')?.kb).toBe('person:lee-teng-hui');
  });
});

describe('country coverage for wire copy', () => {
  const country = (phrase: string) => {
    const toks = phraseTokens(phrase);
    const m = matchGazetteer(toks).find((g) => g.start === 0 && g.end === toks.length);
    return m ? m.entry.country : null;
  };

  it('knows short, historical and hyphenated country names', () => {
    expect(country('Turkey')).toBe('TUR');
    expect(country('Bosnia-Herzegovina')).toBe('BIH');
    expect(country('Democratic Republic of Congo')).toBe('COD');
  });

  it('keeps states that no longer exist under their own codes, not their successors', () => {
    expect(country('Serbia-Montenegro')).toBe('SCG');
    expect(country('Soviet Union')).toBe('SUN');
    expect(country('USSR')).toBe('SUN');
    expect(country('Yugoslav')).toBe('YUG');
    expect(country('Czechoslovakia')).toBe('CSK');
    expect(country('East Germany')).toBe('DDR');
    expect(country('Russia')).toBe('RUS');
    expect(country('Serbia')).toBe('SRB');
  });

  it('knows Central Asian and Latin American demonyms and capitals written without accents', () => {
    expect(country('Kazakh')).toBe('KAZ');
    expect(country('Uzbek')).toBe('UZB');
    expect(country('Zairean')).toBe('COD');
    expect(country('Ecuadorian')).toBe('ECU');
    expect(country('Bogota')).toBe('COL');
    expect(country('Sanaa')).toBe('YEM');
    expect(country('La Paz')).toBe('BOL');
  });

  it('keeps demonyms several states share apart, with their candidates', () => {
    expect(AMBIGUOUS_DEMONYM_COUNTRIES.get('Congolese')).toEqual(expect.arrayContaining(['COD', 'COG']));
    expect(AMBIGUOUS_DEMONYM_COUNTRIES.get('Korean')).toEqual(['KOR', 'PRK']);
    const m = matchGazetteer(['Congolese'])[0];
    expect(m?.entry.country).toBeNull();
    expect(m?.entry.candidates).toEqual(expect.arrayContaining(['COD', 'COG']));
  });

  it('reads a title with its complement and the country only one state gives it', () => {
    const toks = 'Secretary of State Condoleezza Rice'.split(' ');
    expect(findTitles(toks)).toEqual([{ start: 0, end: 3 }]);
    expect(titleCountry('Secretary of State')).toBe('USA');
    expect(titleCountry('Foreign Minister')).toBeNull();
  });
});
