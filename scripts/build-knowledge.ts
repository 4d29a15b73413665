/**
 * Generates the country and leader tables of the actor knowledge base (`src/knowledge/data/`).
 *
 * Sources (read from the shared evaluation folder, never shipped raw):
 * - mledoze/countries (`eval/gazetteer/mledoze-countries/countries.json`), ODbL-1.0: names, official names,
 *   alternative spellings, ISO codes, capitals, demonyms.
 * - CountryInfo (`eval/gazetteer/countryinfo/CountryInfo.120116.txt`), CC-BY-SA-3.0: major cities and national
 *   leaders (rulers.org, ~1960 to ~2010).
 * The generated files carry the same licences (see `src/knowledge/data/README.md`).
 *
 * Run: `npx vite-node scripts/build-knowledge.ts [sharedDir]` (then `npx biome format --write src/knowledge/data`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  cities: string[];
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
    out.set(code, { cities: field('MajorCities'), capitals: field('Capital'), leaders });
  }
  return out;
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
  console.log(`countries: ${rows.length}, leaders: ${leaderRows.length}`);
}

main();
