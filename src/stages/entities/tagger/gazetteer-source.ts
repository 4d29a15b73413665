import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GazetteerCategory, GazetteerLists } from './gazetteer.js';

/**
 * Builds the tagger's name lists from the public fact sets in `shared/eval` (mledoze countries, ODbL; CountryInfo,
 * CC-BY-SA; PETRARCH2 Phoenix actors, MIT). Only names are kept (no prose), and the result is embedded in the
 * model file by `scripts/train-ner.ts`, so the shipped model needs no data at run time.
 */
export function buildGazetteerLists(sharedEval: string): GazetteerLists {
  const sets: Record<GazetteerCategory, Set<string>> = {
    country: new Set(),
    city: new Set(),
    region: new Set(),
    demonym: new Set(),
    person: new Set(),
    given: new Set(),
    family: new Set(),
    org: new Set(ORGANISATIONS),
  };
  readMledoze(path.join(sharedEval, 'gazetteer/mledoze-countries/countries.json'), sets);
  readCountryInfo(path.join(sharedEval, 'gazetteer/countryinfo/CountryInfo.120116.txt'), sets);
  readPhoenix(
    path.join(sharedEval, 'events-petrarch2-dictionaries/dictionaries/Phoenix.Countries.actors.txt'),
    sets,
  );
  for (const name of sets.person) addNameTokens(name, sets);
  const out: GazetteerLists = {};
  for (const [k, v] of Object.entries(sets)) {
    out[k as GazetteerCategory] = [...v].filter((s) => s.length > 1).sort();
  }
  return out;
}

/** International organisations common in wire news (written by us; the data sets above list none). */
const ORGANISATIONS = [
  'United Nations',
  'UN Security Council',
  'Security Council',
  'General Assembly',
  'European Union',
  'European Commission',
  'European Parliament',
  'NATO',
  'North Atlantic Treaty Organization',
  'African Union',
  'Arab League',
  'ASEAN',
  'Association of Southeast Asian Nations',
  'OPEC',
  'World Bank',
  'International Monetary Fund',
  'IMF',
  'World Health Organization',
  'WHO',
  'World Trade Organization',
  'WTO',
  'International Atomic Energy Agency',
  'IAEA',
  'Red Cross',
  'International Committee of the Red Cross',
  'UNICEF',
  'UNESCO',
  'UNHCR',
  'Interpol',
  'Hamas',
  'Hezbollah',
  'Taliban',
  'Al-Qaeda',
  'Al Qaeda',
  'Islamic State',
  'ISIL',
  'ISIS',
  'Daesh',
  'Pentagon',
  'Kremlin',
  'White House',
  'State Department',
  'Foreign Ministry',
  'Defense Ministry',
  'Defence Ministry',
  'Xinhua',
  'Reuters',
  'Associated Press',
  'Agence France-Presse',
  'AFP',
  'Yonhap',
  'KCNA',
  'Korean Central News Agency',
  'Kyodo',
  'Tass',
  'Interfax',
  'BBC',
  'CNN',
  'G7',
  'G20',
  'Group of Seven',
  'Group of 20',
  'OSCE',
  'Organization for Security and Cooperation in Europe',
  'Commonwealth',
  'Congress',
  'Senate',
  'Parliament',
  'National Assembly',
  'Supreme Court',
  'Central Intelligence Agency',
  'CIA',
  'FBI',
  'National Intelligence Service',
  'Joint Chiefs of Staff',
];

/** Turns `KIM_JONG_IL_` into `Kim Jong Il` (the case is only for readability; matching is case-free). */
function fromUnderscored(raw: string): string {
  let end = raw.length;
  while (end > 0 && raw[end - 1] === '_') end--;
  return raw
    .slice(0, end)
    .split('_')
    .filter(Boolean)
    .map((w) => (w.length > 0 ? w[0]! + w.slice(1).toLowerCase() : w))
    .join(' ');
}

function readMledoze(file: string, sets: Record<GazetteerCategory, Set<string>>): void {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Array<{
    name: { common: string; official: string };
    altSpellings?: string[];
    capital?: string[];
    demonyms?: { eng?: { f?: string; m?: string } };
  }>;
  for (const c of data) {
    sets.country.add(c.name.common);
    sets.country.add(c.name.official);
    for (const a of c.altSpellings ?? []) {
      if (a.length > 3 && /^[\p{Script=Latin}\s.,'-]+$/u.test(a) && !a.includes(',')) sets.country.add(a);
    }
    for (const cap of c.capital ?? []) sets.city.add(cap);
    const d = c.demonyms?.eng;
    if (d?.f) sets.demonym.add(d.f);
    if (d?.m) sets.demonym.add(d.m);
  }
}

/** Section tags of CountryInfo whose entries are names of the given category. */
const COUNTRYINFO_SECTIONS: Record<string, GazetteerCategory> = {
  Nationality: 'demonym',
  Capital: 'city',
  MajorCities: 'city',
  Regions: 'city',
  GeogFeatures: 'region',
  Leaders: 'person',
  Government: 'person',
};

function readCountryInfo(file: string, sets: Record<GazetteerCategory, Set<string>>): void {
  const text = readFileSync(file, 'latin1');
  let section: GazetteerCategory | null = null;
  for (const line of text.split(/\r?\n/)) {
    const name = /^<CountryName>([^<]+)<\/CountryName>/.exec(line);
    if (name) {
      sets.country.add(fromUnderscored(name[1]!));
      continue;
    }
    const open = /^<([A-Za-z]+)>\s*$/.exec(line);
    if (open) {
      section = COUNTRYINFO_SECTIONS[open[1]!] ?? null;
      continue;
    }
    if (/^<\//.test(line)) {
      if (!/^\t/.test(line)) section = null;
      continue;
    }
    if (!section || /^\s*</.test(line) || /^\s*#/.test(line)) continue;
    const m = /^\s+([A-Z][A-Z0-9'.-]*(?:_[A-Z0-9'.-]+)*_?)/.exec(line);
    if (!m) continue;
    const entry = fromUnderscored(m[1]!);
    // Nationality lists mix demonyms with misspelled country names; both are nationality cues.
    sets[section].add(entry);
    for (const syn of line.matchAll(/\{([A-Z][A-Z0-9_'.-]*)\}/g)) sets[section].add(fromUnderscored(syn[1]!));
  }
}

function readPhoenix(file: string, sets: Record<GazetteerCategory, Set<string>>): void {
  const text = readFileSync(file, 'latin1');
  let inPerson = false;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#') || /^\s/.test(line) || line.length === 0) continue;
    if (line.startsWith('+')) {
      if (inPerson) {
        const m = /^\+([A-Z][A-Z0-9_'.-]*)/.exec(line);
        if (m) sets.person.add(fromUnderscored(m[1]!));
      }
      continue;
    }
    inPerson = /#\s*CountryInfo/.test(line);
    if (!inPerson) continue;
    const m = /^([A-Z][A-Z0-9_'.-]*)/.exec(line);
    if (m) sets.person.add(fromUnderscored(m[1]!));
  }
}

/**
 * Adds given/family tokens of a person name and, for three-part East Asian style names with two short final
 * parts (`Lee Teng Hui`), the hyphenated form wire copy uses (`Lee Teng-hui`).
 */
function addNameTokens(name: string, sets: Record<GazetteerCategory, Set<string>>): void {
  const parts = name.split(' ').filter((p) => /^\p{L}[\p{L}'-]*$/u.test(p) && p.length > 1);
  if (parts.length < 2) return;
  sets.given.add(parts[0]!);
  sets.family.add(parts[parts.length - 1]!);
  if (parts.length === 3 && parts[1]!.length <= 5 && parts[2]!.length <= 5 && parts[0]!.length <= 5) {
    sets.person.add(`${parts[0]} ${parts[1]}-${parts[2]!.toLowerCase()}`);
    sets.given.add(`${parts[1]}-${parts[2]!.toLowerCase()}`);
  }
}
