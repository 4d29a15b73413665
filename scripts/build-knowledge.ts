/**
 * Generates the country, leader, place and person tables of the actor knowledge base (`src/knowledge/data/`).
 *
 * Sources (read from the shared evaluation folder, never shipped raw):
 * - mledoze/countries (`eval/gazetteer/mledoze-countries/countries.json`), ODbL-1.0: names, official names,
 *   alternative spellings, ISO codes, capitals, demonyms.
 * - CountryInfo (`eval/gazetteer/countryinfo/CountryInfo.120116.txt`), CC-BY-SA-3.0: major cities, regions and
 *   national leaders (rulers.org, ~1960 to ~2010).
 * - PETRARCH2 Phoenix country actors (`eval/events-petrarch2-dictionaries/dictionaries/Phoenix.Countries.actors.txt`),
 *   MIT: the place names listed under each country (provinces, states, regions, cities, rivers), and the persons
 *   (ministers, officials, notables) with their country and role sector.
 * The generated files carry the same licences (see `src/knowledge/data/README.md`).
 *
 * Run: `npx vite-node scripts/build-knowledge.ts [sharedDir]` (then `npx biome format --write src/knowledge/data`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeKey } from '../src/knowledge/place-key.js';

interface MledozeCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  capital?: string[];
  altSpellings?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  independent?: boolean | null;
}

/** One generated country row: only facts, aliases curated by hand live in `src/knowledge/countries.ts`. */
interface CountryRow {
  iso3: string;
  iso2: string;
  name: string;
  official: string;
  alt: string[];
  demonyms: string[];
  capitals: string[];
  cities: string[];
  independent: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const shared = path.resolve(process.argv[2] ?? path.join(repoRoot, '../shared'));
const outDir = path.join(repoRoot, 'src/knowledge/data');

/** Latin-script names only: the engine reads English wire copy. */
function latin(s: string): boolean {
  return /^[A-Za-z][A-Za-z .'’()&-]*$/.test(s);
}

/** CountryInfo writes names upper-case with `_` for spaces; restores a readable case. */
function titleCase(raw: string): string {
  return raw
    .replace(/_+$/, '')
    .split('_')
    .filter((w) => w.length > 0)
    .map((w) =>
      w
        .toLowerCase()
        .split('-')
        .map((p, i) => (i === 0 || p.length > 3 ? p.charAt(0).toUpperCase() + p.slice(1) : p))
        .join('-'),
    )
    .join(' ');
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs.filter((x) => x.length > 0))];
}

interface CountryInfoRow {
  name: string;
  cities: string[];
  regions: string[];
  capitals: string[];
  leaders: { name: string; role: string }[];
}

function roleFromSection(tag: string): string | null {
  const t = tag.toLowerCase();
  if (t.includes('premier') || t.includes('prime')) return 'Prime Minister';
  if (t.includes('vice')) return null;
  if (t.includes('president')) return 'President';
  if (t.includes('chancellor')) return 'Chancellor';
  if (t.includes('king') || t.includes('monarch') || t.includes('sovereign')) return 'King';
  if (t.includes('emir')) return 'Emir';
  if (t.includes('sultan')) return 'Sultan';
  if (t.includes('secretary')) return 'General Secretary';
  if (t.includes('chairm')) return 'Chairman';
  if (t.includes('leader') || t.includes('head')) return 'Leader';
  return null;
}

function readCountryInfo(file: string): Map<string, CountryInfoRow> {
  const text = readFileSync(file, 'latin1');
  const out = new Map<string, CountryInfoRow>();
  const blocks = text.split('<Country>').slice(1);
  for (const block of blocks) {
    const code = /<CountryCode>([A-Z]{3})<\/CountryCode>/.exec(block)?.[1];
    if (!code) continue;
    const field = (tag: string): string[] => {
      const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(block);
      if (!m) return [];
      return m[1]!
        .split('\n')
        .map((l) => l.replace(/#.*$/, '').trim())
        .filter((l) => /^[A-Z][A-Z_.'-]+$/.test(l))
        .map(titleCase);
    };
    const leaders: { name: string; role: string }[] = [];
    const lm = /<Leaders>([\s\S]*?)<\/Leaders>/.exec(block);
    if (lm) {
      let role: string | null = null;
      for (const line of lm[1]!.split('\n')) {
        const open = /^\s*<([^/][^>]*)>\s*$/.exec(line);
        if (open) {
          role = roleFromSection(open[1]!);
          continue;
        }
        if (/^\s*<\//.test(line)) {
          role = null;
          continue;
        }
        const nm = /^\s*([A-Z][A-Z_.'-]+?)_?\s+\[/.exec(line);
        if (nm && role) {
          const name = titleCase(nm[1]!);
          if (name.includes(' ')) leaders.push({ name, role });
        }
      }
    }
    const name = titleCase(/<CountryName>([^<]+)<\/CountryName>/.exec(block)?.[1] ?? '');
    out.set(code, {
      name,
      cities: field('MajorCities'),
      regions: field('Regions'),
      capitals: field('Capital'),
      leaders,
    });
  }
  return out;
}

/**
 * Place names listed under each country in the Phoenix actor dictionary: the `+` lines that follow a country
 * header (`IRAQ_  [IRQ]`, or a header whose name is a known country), up to the first actor (`NAME_ # …`).
 * Returns `[name, ISO3]` pairs; the name is in title case.
 */
function readPhoenixPlaces(file: string, countryCode: (name: string) => string | null): [string, string][] {
  const out: [string, string][] = [];
  let iso: string | null = null;
  for (const line of readFileSync(file, 'latin1').split(/\r?\n/)) {
    if (line.length === 0 || /^\s/.test(line) || line.startsWith('#')) continue;
    if (line.startsWith('+')) {
      const m = /^\+([A-Z][A-Z0-9_'.-]*)\s*(?:#.*)?$/.exec(line.trimEnd());
      if (iso && m) out.push([titleCase(m[1]!), iso]);
      continue;
    }
    iso = null;
    if (/#/.test(line)) continue;
    const head = /^([A-Z][A-Z_'.-]*?)_?\s*(?:\[([A-Z]{3,6})\])?\s*$/.exec(line);
    if (!head) continue;
    const code = head[2];
    if (code) iso = code.length === 6 && countryCode(code.slice(3)) ? code.slice(3) : code.slice(0, 3);
    else iso = countryCode(titleCase(head[1]!));
  }
  return out;
}

/** Words that mark a Phoenix alias as a title phrase ("PRESIDENT_VLADIMIR_PUTIN") or an organisation, not a name. */
const NOT_NAME_WORDS = new Set(
  (
    'PRESIDENT PRES. PRIME MINISTER PM GENERAL GEN. KING QUEEN PRINCE PRINCESS CHIEF SECRETARY CHAIRMAN LEADER ' +
    'FOREIGN DEFENSE DEFENCE PARTY OF THE AND FOR MR. MRS. MS. MR MRS DR. DR SIR AMBASSADOR SENATOR GOVERNOR ' +
    'COLONEL COL. MAJOR CAPTAIN CAPT. LT. LIEUTENANT ADMIRAL MARSHAL DEPUTY VICE SPEAKER MAYOR POPE CARDINAL ' +
    'ARCHBISHOP BISHOP REV. REVEREND FATHER COMMANDER MINISTRY GOVERNMENT ARMY POLICE COUNCIL COMMITTEE FRONT ' +
    'MOVEMENT UNION PARLIAMENT CABINET OFFICIAL SPOKESMAN JUDGE JUSTICE EMPEROR SULTAN AYATOLLAH PREMIER'
  ).split(' '),
);

/** Role sectors of CAMEO/Phoenix actor codes, read after the country part (`RUSGOV`, `FRAGOVMIL`). */
const SECTORS = new Set([
  'GOV',
  'MIL',
  'ELI',
  'SPY',
  'COP',
  'JUD',
  'LEG',
  'OPP',
  'REB',
  'INS',
  'BUS',
  'MED',
  'EDU',
  'LAB',
  'REL',
  'CVL',
]);

/** CountryInfo codes that are not ISO 3166 alpha-3. */
const LEGACY_CODES: Record<string, string> = { TMP: 'TLS' };

/** `991231` / `20120515` as a sortable number (two-digit years below 30 are 20xx). */
function phoenixDate(d: string | undefined): number {
  if (!d) return 0;
  if (d.length === 8) return Number(d);
  const yy = Number(d.slice(0, 2));
  return (yy < 30 ? 20000000 : 19000000) + Number(d);
}

/**
 * Persons of the PETRARCH2 Phoenix country actors: each block of name lines (`VLADIMIR_PUTIN_  # CountryInfo.txt`,
 * `+VLADIMIR_VLADIMIROVICH_PUTIN_`) followed by indented dated codes (`[RUSGOV 991231-080507]`). Only multi-word
 * names are kept — a bare surname alias (`+PUTIN_`) would give any other Putin a country — and title phrases
 * (`+PRESIDENT_VLADIMIR_PUTIN_`) are dropped. The country is the most frequent ISO3 of the codes (only codes that
 * start with a country; IGO/NGO codes are skipped); only blocks whose head line says it comes from CountryInfo
 * are persons (the others are agencies, armed forces, parties). The sector is that of the latest-starting dated code.
 * Returns `[name, ISO3, sector]`.
 */
function readPhoenixPersons(file: string, isCountry: (iso3: string) => boolean): [string, string, string][] {
  const out: [string, string, string][] = [];
  let names: string[] = [];
  let codes: { iso: string; sector: string; start: number }[] = [];
  let inCodes = false;
  let inCountry = false;
  let started = false;
  let isPerson = false;
  const flush = () => {
    if (isPerson && names.length > 0 && codes.length > 0) {
      const count = new Map<string, number>();
      for (const c of codes) count.set(c.iso, (count.get(c.iso) ?? 0) + 1);
      const iso = [...count].sort((a, b) => b[1] - a[1])[0]![0];
      const mine = codes.filter((c) => c.iso === iso && c.sector);
      const latest = mine.sort((a, b) => b.start - a.start)[0];
      for (const n of uniq(names)) out.push([n, iso, latest?.sector ?? '']);
    }
    names = [];
    codes = [];
    inCodes = false;
    started = false;
  };
  for (const raw of readFileSync(file, 'latin1').split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (line.trim().length === 0) continue;
    if (/^\s/.test(line)) {
      const m = /^\s+\[([A-Z]{3,})(?:\s+>?(\d{6,8})?)?/.exec(line);
      if (!m || inCountry) continue;
      inCodes = true;
      const iso = LEGACY_CODES[m[1]!.slice(0, 3)] ?? m[1]!.slice(0, 3);
      if (!isCountry(iso)) continue;
      const sector = m[1]!.slice(3, 6);
      codes.push({ iso, sector: SECTORS.has(sector) ? sector : '', start: phoenixDate(m[2]) });
      continue;
    }
    if (inCodes) flush();
    if (/\[/.test(line)) {
      // A country or territory entry with an inline code: its `+` lines are places, not persons.
      flush();
      inCountry = true;
      continue;
    }
    const plus = line.startsWith('+');
    if (!plus) inCountry = false;
    if (inCountry) continue;
    if (!started) {
      // Person blocks are the ones translated from CountryInfo; the others are agencies, forces and parties.
      started = true;
      isPerson = !plus && /#\s*countryinfo/i.test(raw);
    }
    const words = line
      .replace(/^\+/, '')
      .trim()
      .replace(/\s+/g, '_')
      .split('_')
      .filter((w) => w.length > 0);
    if (words.length < 2 || words.length > 6) continue;
    if (words.some((w) => NOT_NAME_WORDS.has(w) || w.includes(','))) continue;
    const name = titleCase(words.join('_'));
    if (latin(name)) names.push(name);
  }
  flush();
  return out;
}

/**
 * Regions and rivers that span several states although the sources list them under one ("Kurdistan" under
 * Iran, "Tyrol" under Italy): no country is better than a wrong one.
 */
const CROSS_BORDER = new Set(
  [
    'Kurdistan',
    'Nile',
    'Tyrol',
    'Punjab',
    'Bengal',
    'Kashmir',
    'Galicia',
    'Silesia',
    'Karelia',
    'Lapland',
    'Ossetia',
    'Baluchistan',
    'Balochistan',
    'Macedonia',
    'Moldavia',
    'Pashtunistan',
  ].map((n) => placeKey(n)),
);

/**
 * Subnational and other places with their country: CountryInfo regions plus Phoenix place names, minus names the
 * country table already has (countries, demonyms, capitals, cities), names listed under two countries, and
 * names with characters other than letters, spaces, hyphens, dots and apostrophes.
 */
function buildPlaces(
  rows: readonly CountryRow[],
  info: ReadonlyMap<string, CountryInfoRow>,
  phoenix: readonly [string, string][],
): [string, string][] {
  const known = new Set<string>();
  for (const r of rows) {
    for (const n of [r.name, r.official, ...r.alt, ...r.demonyms, ...r.capitals, ...r.cities])
      known.add(placeKey(n));
  }
  for (const [, ci] of info) known.add(placeKey(ci.name));
  const valid = new Set(rows.map((r) => r.iso3));
  const byKey = new Map<string, { name: string; isos: Set<string> }>();
  const add = (name: string, iso: string) => {
    if (!valid.has(iso) || !latin(name) || name.length < 3) return;
    const k = placeKey(name);
    if (known.has(k) || CROSS_BORDER.has(k)) return;
    const cur = byKey.get(k);
    if (cur) cur.isos.add(iso);
    else byKey.set(k, { name, isos: new Set([iso]) });
  };
  for (const [iso, ci] of info) for (const r of ci.regions) add(r, iso);
  for (const [name, iso] of phoenix) add(name, iso);
  const out: [string, string][] = [];
  for (const { name, isos } of byKey.values()) if (isos.size === 1) out.push([name, [...isos][0]!]);
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

function main(): void {
  const countries = JSON.parse(
    readFileSync(path.join(shared, 'eval/gazetteer/mledoze-countries/countries.json'), 'utf8'),
  ) as MledozeCountry[];
  const info = readCountryInfo(path.join(shared, 'eval/gazetteer/countryinfo/CountryInfo.120116.txt'));
  const rows: CountryRow[] = [];
  for (const c of countries) {
    const ci = info.get(c.cca3);
    const name = c.name.common;
    const official = c.name.official;
    const alt = uniq(
      (c.altSpellings ?? [])
        .filter(latin)
        .filter((a) => a.length > 3 || /\./.test(a))
        .filter((a) => a !== name && a !== official && !a.includes(',')),
    );
    const dem = c.demonyms?.eng;
    const demonyms = uniq(dem ? [dem.m, dem.f].filter(latin) : []);
    const capitals = uniq([...(c.capital ?? []).filter(latin)]);
    const cities = uniq((ci?.cities ?? []).filter((x) => !capitals.includes(x) && x.length > 2));
    rows.push({
      iso3: c.cca3,
      iso2: c.cca2,
      name,
      official,
      alt,
      demonyms,
      capitals,
      cities,
      independent: c.independent === true,
    });
  }
  rows.sort((a, b) => a.iso3.localeCompare(b.iso3));

  const leaders: [string, string, string][] = [];
  const seen = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const [code, row] of info) {
    for (const l of row.leaders) {
      const key = l.name.toLowerCase();
      const prev = seen.get(key);
      if (prev && prev !== code) ambiguous.add(key);
      if (prev) continue;
      seen.set(key, code);
      leaders.push([l.name, code, l.role]);
    }
  }
  const leaderRows = leaders
    .filter(([n]) => !ambiguous.has(n.toLowerCase()))
    .sort((a, b) => a[0].localeCompare(b[0]));

  const byName = new Map<string, string>();
  for (const r of rows) for (const n of [r.name, r.official, ...r.alt]) byName.set(placeKey(n), r.iso3);
  for (const [iso, ci] of info) if (!byName.has(placeKey(ci.name))) byName.set(placeKey(ci.name), iso);
  const phoenix = readPhoenixPlaces(
    path.join(shared, 'eval/events-petrarch2-dictionaries/dictionaries/Phoenix.Countries.actors.txt'),
    (name) => (/^[A-Z]{3}$/.test(name) ? name : (byName.get(placeKey(name)) ?? null)),
  );
  const places = buildPlaces(rows, info, phoenix);

  const isoSet = new Set([...rows.map((r) => r.iso3), ...info.keys()]);
  const personCountries = new Map<string, Set<string>>();
  const personRows: [string, string, string][] = [];
  for (const p of readPhoenixPersons(
    path.join(shared, 'eval/events-petrarch2-dictionaries/dictionaries/Phoenix.Countries.actors.txt'),
    (iso) => isoSet.has(iso),
  )) {
    const key = placeKey(p[0]);
    const set = personCountries.get(key) ?? new Set<string>();
    if (set.size === 0) personRows.push(p);
    set.add(p[1]);
    personCountries.set(key, set);
  }
  // A name that two countries' lists share ("Mohamed Ali") says nothing about either.
  const leaderKeys = new Set(leaderRows.map(([n]) => placeKey(n)));
  const phoenixPersons = personRows
    .filter(([n]) => personCountries.get(placeKey(n))!.size === 1 && !leaderKeys.has(placeKey(n)))
    .sort((a, b) => a[0].localeCompare(b[0]));

  const header = (what: string) =>
    `// GENERATED by scripts/build-knowledge.ts — do not edit by hand.\n` +
    `// ${what}\n` +
    `// Licence: derived from mledoze/countries (ODbL-1.0) and CountryInfo (CC-BY-SA-3.0); see README.md here.\n\n`;
  writeFileSync(
    path.join(outDir, 'countries.ts'),
    header('Countries: names, official names, alternative spellings, demonyms, capitals, major cities.') +
      `/** One country as generated from the gazetteers. */\n` +
      `export interface GeneratedCountry {\n  iso3: string;\n  iso2: string;\n  name: string;\n  official: string;\n` +
      `  alt: string[];\n  demonyms: string[];\n  capitals: string[];\n  cities: string[];\n  independent: boolean;\n}\n\n` +
      `export const GENERATED_COUNTRIES: readonly GeneratedCountry[] = ${JSON.stringify(rows)};\n`,
  );
  writeFileSync(
    path.join(outDir, 'leaders.ts'),
    header('National leaders (rulers.org via CountryInfo, ~1960 to ~2010): [name, ISO3, role].') +
      `export const GENERATED_LEADERS: readonly (readonly [string, string, string])[] = ${JSON.stringify(leaderRows)};\n`,
  );
  writeFileSync(
    path.join(outDir, 'places.ts'),
    `// GENERATED by scripts/build-knowledge.ts — do not edit by hand.\n` +
      `// Places below the country (provinces, states, regions, cities, rivers) and their country: [name, ISO3].\n` +
      `// Licence: derived from CountryInfo (CC-BY-SA-3.0) and the PETRARCH2 Phoenix dictionaries (MIT); see README.md here.\n\n` +
      `export const GENERATED_PLACES: readonly (readonly [string, string])[] = ${JSON.stringify(places)};\n`,
  );
  writeFileSync(
    path.join(outDir, 'persons.ts'),
    `// GENERATED by scripts/build-knowledge.ts — do not edit by hand.\n` +
      `// Persons of the PETRARCH2 Phoenix country actors (multi-word names and aliases only): [name, ISO3, sector].\n` +
      `// Licence: derived from the PETRARCH2 Phoenix dictionaries (MIT); see README.md here.\n\n` +
      `export const GENERATED_PERSONS: readonly (readonly [string, string, string])[] = ${JSON.stringify(phoenixPersons)};\n`,
  );
  console.log(
    `countries: ${rows.length}, leaders: ${leaderRows.length}, places: ${places.length}, persons: ${phoenixPersons.length}`,
  );
}

main();
