import { GENERATED_COUNTRIES } from './data/countries.js';

/**
 * Short forms, abbreviations, historical names and common misspellings that wire copy uses but the
 * gazetteers lack. Written by hand (facts, not text); keyed by ISO3.
 */
const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  USA: ['U.S.', 'US', 'U.S.A.', 'USA', 'America', 'United States of America', 'Washington D.C.'],
  GBR: [
    'Britain',
    'Great Britain',
    'UK',
    'U.K.',
    'Britian',
    'England',
    'Scotland',
    'Wales',
    'Northern Ireland',
  ],
  PRK: [
    'N. Korea',
    'N.K.',
    'DPRK',
    'D.P.R.K.',
    'DPR Korea',
    "Democratic People's Republic of Korea",
    "Democratic Peoples' Republic of Korea",
    'North Kroea',
  ],
  KOR: ['S. Korea', 'ROK', 'R.O.K.', 'Republic of Korea', 'South Kroea'],
  CHN: ['PRC', 'P.R.C.', "People's Republic of China", 'Mainland China', 'mainland China'],
  TWN: ['Republic of China', 'Formosa'],
  UKR: ['Ukraina'],
  IRN: ['Islamic Republic of Iran', 'Islamic Republic', 'Islamic republic'],
  ARE: ['UAE', 'U.A.E.', 'Emirates'],
  SAU: ['Saudi'],
  NLD: ['Holland'],
  MMR: ['Burma'],
  CIV: ["Cote d'Ivoire", "Côte d'Ivoire", 'Ivory Coast'],
  COD: [
    'DRC',
    'D.R. Congo',
    'DR Congo',
    'DROC',
    'Congo-Kinshasa',
    'Congo-Zaire',
    'Zaire',
    'Democratic Republic of the Congo',
  ],
  COG: ['Congo-Brazzaville'],
  VAT: ['Vatican', 'Holy See'],
  CZE: ['Czech Republic'],
  MKD: ['Macedonia', 'FYROM'],
  BIH: ['Bosnia', 'Bosnia-Herzegovina', 'Bosnia-Hercegovina', 'Bosnia Herzegovina'],
  RUS: ['Russian Federation'],
  TUR: ['Turkey', 'Turkiye', 'Türkiye', 'Republic of Turkey'],
  ETH: ['Ethopia', 'Abyssinia'],
  BLR: ['Byelorussia', 'Belorussia'],
  KGZ: ['Kirghizia', 'Kyrgyz Republic'],
  MDA: ['Moldavia'],
  BEN: ['Dahomey'],
  BFA: ['Upper Volta'],
  STP: ['Sao Tome and Principe', 'Sao Tome'],
  PSE: ['Palestinian territories', 'Palestinian Territories', 'Occupied Palestinian Territory'],
  SYR: ['Syrian Arab Republic'],
  LBY: ['Libyan Arab Jamahiriya'],
  SWZ: ['Swaziland'],
  CPV: ['Cape Verde'],
  TLS: ['East Timor'],
  KHM: ['Kampuchea'],
  LKA: ['Ceylon'],
  NZL: ['N.Z.'],
  AUS: ['Aussie'],
};

/** Adjectival and plural demonyms beyond the gazetteer's singular adjective. */
const EXTRA_DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  USA: ['American', 'Americans'],
  GBR: ['British', 'Briton', 'Britons', 'English', 'Scottish', 'Welsh'],
  PRK: ['North Korean', 'North Koreans', 'N. Korean', 'N.Korean'],
  KOR: ['South Korean', 'South Koreans', 'S. Korean', 'S.Korean'],
  NLD: ['Dutch'],
  CHN: ['Chinese'],
  JPN: ['Japanese'],
  FRA: ['French', 'Frenchman'],
  ESP: ['Spanish', 'Spaniard', 'Spaniards'],
  CHE: ['Swiss'],
  IRL: ['Irish'],
  DNK: ['Danish', 'Dane', 'Danes'],
  SWE: ['Swedish', 'Swede', 'Swedes'],
  FIN: ['Finnish', 'Finn', 'Finns'],
  POL: ['Polish', 'Pole', 'Poles'],
  TUR: ['Turkish', 'Turk', 'Turks'],
  PHL: ['Filipino', 'Filipinos', 'Philippine'],
  AFG: ['Afghan', 'Afghans'],
  SAU: ['Saudi', 'Saudis'],
  MMR: ['Burmese'],
  ISR: ['Israeli', 'Israelis'],
  PSE: ['Palestinian', 'Palestinians'],
  THA: ['Thai', 'Thais'],
  NZL: ['New Zealander', 'New Zealanders'],
  CZE: ['Czech', 'Czechs'],
  SVK: ['Slovak', 'Slovaks', 'Slovakian', 'Slovakians'],
  BIH: ['Bosnian', 'Bosnians'],
  ARE: ['Emirati', 'Emiratis'],
  VNM: ['Vietnamese'],
  LAO: ['Lao', 'Laotian'],
  PRT: ['Portuguese'],
  LBN: ['Lebanese'],
  SDN: ['Sudanese'],
  SEN: ['Senegalese'],
  TWN: ['Taiwanese'],
  COD: ['Zairean', 'Zaireans', 'Zairian', 'Zairians'],
  KAZ: ['Kazakh', 'Kazakhs', 'Kazak'],
  UZB: ['Uzbek', 'Uzbeks', 'Uzbekistani'],
  KGZ: ['Kyrgyz', 'Kirghiz', 'Kyrgyzstani'],
  TJK: ['Tajik', 'Tajiks', 'Tajikistani'],
  TKM: ['Turkmen', 'Turkmens'],
  AZE: ['Azeri', 'Azeris', 'Azerbaijani', 'Azerbaijanis'],
  ECU: ['Ecuadorian', 'Ecuadorians', 'Ecuadoran', 'Ecuadorans'],
  ARG: ['Argentinian', 'Argentinians', 'Argentinean', 'Argentineans', 'Argentines'],
  BLR: ['Belarussian', 'Belarussians', 'Byelorussian'],
  HRV: ['Croat', 'Croats'],
  SRB: ['Serb', 'Serbs'],
  GRC: ['Greek', 'Greeks'],
  ISL: ['Icelandic', 'Icelanders'],
  YEM: ['Yemenite', 'Yemenis'],
  SOM: ['Somalian', 'Somalis'],
  SLV: ['Salvadoran', 'Salvadorans', 'Salvadorean'],
  CPV: ['Cape Verdean', 'Cape Verdeans'],
  GNB: ['Bissau-Guinean', 'Bissau-Guineans'],
  CAF: ['Central African', 'Central Africans'],
  ZAF: ['South African', 'South Africans'],
  KHM: ['Cambodian', 'Cambodians'],
  IRQ: ['Iraqis'],
  OMN: ['Omani', 'Omanis'],
  KWT: ['Kuwaitis'],
  QAT: ['Qataris'],
  BHR: ['Bahraini', 'Bahrainis'],
  PAK: ['Pakistanis'],
  BGD: ['Bangladeshis'],
  NPL: ['Nepali', 'Nepalis'],
  LKA: ['Sri Lankans'],
  MDV: ['Maldivian', 'Maldivians'],
  MNG: ['Mongol', 'Mongols'],
  MDA: ['Moldovan', 'Moldovans'],
  MKD: ['Macedonian', 'Macedonians'],
  ATG: ['Antiguan', 'Antiguans'],
};

/**
 * Misspellings of country names and demonyms that wire copy prints now and then ("Ukranian", "Phillipines").
 * Only forms that are no English word or name, so that adding them cannot make a false country. Appended after
 * the correct forms: the canonical name and demonym stay first.
 */
const MISSPELT_NAMES: Readonly<Record<string, readonly string[]>> = {
  UKR: ['Ukriane', 'Ukarine'],
  PHL: ['Phillipines', 'Philipines', 'Phillippines'],
  AFG: ['Afganistan'],
  ISR: ['Isreal'],
  LBY: ['Lybia'],
  KAZ: ['Kazakstan'],
  KGZ: ['Kyrgystan', 'Kyrgizstan'],
  TJK: ['Tadjikistan'],
  SVN: ['Slovania'],
  VEN: ['Venezuala'],
};
const MISSPELT_DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  UKR: ['Ukranian', 'Ukranians', 'Ukrainan'],
  PHL: ['Phillipine', 'Philipine'],
  ISR: ['Isreali', 'Isrealis'],
  LBY: ['Lybian', 'Lybians'],
  ARG: ['Argentinan'],
  VEN: ['Venezualan', 'Venezualans'],
  PAK: ['Pakistany'],
};

/** Capitals and seats of government named for the country ("Washington said"). */
const EXTRA_CAPITALS: Readonly<Record<string, readonly string[]>> = {
  USA: ['Washington'],
  UKR: ['Kiev', 'Kyiv'],
  IND: ['New Delhi'],
  ISR: ['Tel Aviv'],
  MMR: ['Rangoon', 'Yangon', 'Naypyidaw'],
  KAZ: ['Astana', 'Almaty'],
  CHN: ['Peking'],
  NGA: ['Abuja'],
  TUR: ['Ankara'],
  BRA: ['Brasilia'],
  CIV: ['Abidjan', 'Yamoussoukro'],
  PSE: ['Ramallah'],
  BEL: ['Brussels'],
  // Capitals the generated table lacks or keeps only with diacritics or apostrophes.
  COL: ['Bogota', 'Bogotá'],
  BOL: ['La Paz'],
  YEM: ['Sanaa', "Sana'a"],
  CMR: ['Yaounde', 'Yaoundé'],
  CRI: ['San Jose', 'San José'],
  MDA: ['Chisinau', 'Kishinev'],
  PRY: ['Asuncion', 'Asunción'],
  TGO: ['Lome', 'Lomé'],
  STP: ['Sao Tome', 'São Tomé'],
  NLD: ['The Hague'],
  TZA: ['Dar es Salaam', 'Dodoma'],
  CHE: ['Bern', 'Berne'],
  SRB: ['Belgrade'],
  VNM: ['Hanoi'],
};

/** Demonyms that name no single country. */
const AMBIGUOUS_DEMONYMS = new Set(['Korean', 'Koreans', 'Congolese', 'Guinean', 'Dominican', 'Samoan']);

/** Names that are also ordinary English words or first names: matched only in a country sense elsewhere. */
const UNSAFE_NAMES = new Set([
  'Chad',
  'Jordan',
  'Georgia',
  'Turkey',
  'Niger',
  'Guinea',
  'Man',
  'Jersey',
  'Nice',
]);

export interface Country {
  iso3: string;
  iso2: string;
  /** Common English name ("North Korea"), the canonical entity name. */
  name: string;
  official: string;
  /** Every name form: common, official, alternative, short forms, misspellings. */
  names: string[];
  demonyms: string[];
  capitals: string[];
  cities: string[];
  /** Sovereign state (territories share demonyms with their state and yield to it). */
  independent: boolean;
  /** For a state that no longer exists: the ISO3 code of its successor ("SUN" → "RUS"). */
  successor?: string;
}

function uniq(xs: readonly string[]): string[] {
  return [...new Set(xs.filter((x) => x.length > 0))];
}

/** Each name and its form without diacritics: wire copy writes "Bogota" and "Lome" as often as not. */
function withAscii(xs: readonly string[]): string[] {
  const out: string[] = [];
  for (const x of xs) {
    out.push(x);
    const plain = x.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (plain !== x) out.push(plain);
  }
  return out;
}

/** Regular English plural of a demonym ("Ukrainian" → "Ukrainians"); null when it does not inflect. */
export function pluralDemonym(d: string): string | null {
  if (/(ese|ish|ch|ss|s|i)$/.test(d)) return d.endsWith('i') ? d + 's' : null;
  if (/(an|er|ot|ite)$/.test(d)) return d + 's';
  return null;
}

/**
 * States that no longer exist, under their own codes (ISO 3166-3 and the Phoenix actor dictionaries use the
 * same ones), so that a 1991 "Yugoslav army" stays Yugoslav instead of becoming its successor's army, and the
 * Soviet Union is not Russia. Each names the state that succeeded it (`successor`), for queries that want to
 * follow a country through time. Hand-written facts.
 */
const HISTORICAL_STATES: readonly {
  iso3: string;
  name: string;
  official: string;
  alt: readonly string[];
  demonyms: readonly string[];
  successor: string;
}[] = [
  {
    iso3: 'SUN',
    name: 'Soviet Union',
    official: 'Union of Soviet Socialist Republics',
    alt: ['USSR', 'U.S.S.R.'],
    demonyms: ['Soviet', 'Soviets'],
    successor: 'RUS',
  },
  {
    iso3: 'YUG',
    name: 'Yugoslavia',
    official: 'Socialist Federal Republic of Yugoslavia',
    alt: ['SFRY', 'former Yugoslavia'],
    demonyms: ['Yugoslav', 'Yugoslavs', 'Yugoslavian', 'Yugoslavians'],
    successor: 'SRB',
  },
  {
    iso3: 'SCG',
    name: 'Serbia and Montenegro',
    official: 'Federal Republic of Yugoslavia',
    alt: ['Serbia-Montenegro', 'Rump Yugoslavia', 'FRY'],
    demonyms: [],
    successor: 'SRB',
  },
  {
    iso3: 'CSK',
    name: 'Czechoslovakia',
    official: 'Czechoslovak Socialist Republic',
    alt: ['Czech and Slovak Federative Republic'],
    demonyms: ['Czechoslovak', 'Czechoslovaks', 'Czechoslovakian', 'Czechoslovakians'],
    successor: 'CZE',
  },
  {
    iso3: 'DDR',
    name: 'East Germany',
    official: 'German Democratic Republic',
    alt: ['GDR'],
    demonyms: ['East German', 'East Germans'],
    successor: 'DEU',
  },
];

function buildCountries(): Country[] {
  const historical: Country[] = HISTORICAL_STATES.map((h) => ({
    iso3: h.iso3,
    iso2: '',
    name: h.name,
    official: h.official,
    names: uniq([h.name, h.official, ...h.alt]),
    demonyms: [...h.demonyms],
    capitals: [],
    cities: [],
    independent: true,
    successor: h.successor,
  }));
  return [...buildCurrent(), ...historical];
}

function buildCurrent(): Country[] {
  return GENERATED_COUNTRIES.map((g) => {
    const demBase = uniq([
      ...g.demonyms,
      ...(EXTRA_DEMONYMS[g.iso3] ?? []),
      ...(MISSPELT_DEMONYMS[g.iso3] ?? []),
    ]);
    const plurals = demBase.map(pluralDemonym).filter((p): p is string => p !== null);
    return {
      iso3: g.iso3,
      iso2: g.iso2,
      name: g.name,
      official: g.official,
      names: uniq(
        withAscii([
          g.name,
          g.official,
          ...g.alt,
          ...(EXTRA_NAMES[g.iso3] ?? []),
          ...(MISSPELT_NAMES[g.iso3] ?? []),
        ]),
      ).filter((n) => !n.includes('(')),
      demonyms: uniq([...demBase, ...plurals]).filter((d) => !AMBIGUOUS_DEMONYMS.has(d)),
      capitals: uniq(withAscii([...g.capitals, ...(EXTRA_CAPITALS[g.iso3] ?? [])])),
      cities: uniq(withAscii(g.cities)),
      independent: g.independent,
    };
  });
}

/** Every country, built once at import from the generated table plus the hand-written short forms. */
export const COUNTRIES: readonly Country[] = Object.freeze(buildCountries());

/**
 * Demonyms that fit more than one sovereign state ("Congolese": DR Congo and Congo; "Korean": both Koreas),
 * with their candidate ISO3 codes. They are kept out of each country's own demonyms; the entities stage picks
 * the one the story is about, when it names only one of them.
 */
export const AMBIGUOUS_DEMONYM_COUNTRIES: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const g of GENERATED_COUNTRIES) {
    if (!g.independent) continue;
    for (const d of [...g.demonyms, ...(EXTRA_DEMONYMS[g.iso3] ?? [])]) {
      if (!AMBIGUOUS_DEMONYMS.has(d)) continue;
      for (const form of [d, pluralDemonym(d)]) {
        if (!form) continue;
        const list = out.get(form) ?? [];
        if (!list.includes(g.iso3)) list.push(g.iso3);
        out.set(form, list);
      }
    }
  }
  for (const [plural, isos] of [
    ['Koreans', ['KOR', 'PRK']],
    ['Korean', ['KOR', 'PRK']],
  ] as const) {
    out.set(plural, [...isos]);
  }
  return out;
})();

const byIso3 = new Map(COUNTRIES.map((c) => [c.iso3, c]));

/** The country with this ISO3 code, or null. */
export function countryByIso3(iso3: string): Country | null {
  return byIso3.get(iso3.toUpperCase()) ?? null;
}

/** True for a country name that is also a common word or first name ("Jordan", "Chad"). */
export function isUnsafeCountryName(name: string): boolean {
  return UNSAFE_NAMES.has(name);
}
