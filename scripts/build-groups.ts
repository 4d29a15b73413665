/**
 * Generates `src/knowledge/data/groups.ts`: non-state armed and political groups with their home country, from
 * the PETRARCH2 Phoenix non-state actor dictionary (`eval/events-petrarch2-dictionaries/dictionaries/
 * Phoenix.MilNonState.actors.txt`, MIT, Copyright (c) 2014 Open Event Data Alliance; names derived from the START
 * TOPS database). Each entry (`KURDISTAN_WORKERS'_PARTY [TURREB]` with `+` alias lines) becomes
 * `[name, ISO3, sector, ...aliases]` when its code starts with a country (regional codes such as `WAF` and the
 * `IMG`/`INT` codes give none and are skipped). Names are written in title case, the way wire copy prints them;
 * a bracketed acronym of three letters or more ("(LTTE)") is kept as an alias when no other group uses it. Only
 * names that end in a group word ("Front", "Brigades", "Party") are kept, in three words or more or two that
 * are not generic ("Shining Path", not "National Front"): the dictionary also lists members and slogans as
 * aliases, and a single word such as "Kadek" is too easily something else. A name listed for two countries is
 * dropped.
 *
 * Run: `npx vite-node scripts/build-groups.ts [sharedDir]` (then `npx biome format --write src/knowledge/data`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_COUNTRIES } from '../src/knowledge/data/countries.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2).filter((a) => a !== '--');
const shared = path.resolve(args[0] ?? path.join(here, '../../shared'));
const file = path.join(
  shared,
  'eval/events-petrarch2-dictionaries/dictionaries/Phoenix.MilNonState.actors.txt',
);
const out = path.join(here, '../src/knowledge/data/groups.ts');

/** Words wire copy prints in lower case inside a name ("Army of the Pure", "Forces for the Defense of …"). */
const SMALL = new Set([
  'of',
  'the',
  'for',
  'and',
  'in',
  'on',
  'to',
  'a',
  'an',
  'de',
  'la',
  'del',
  'el',
  'e',
  'i',
]);

/**
 * Last words that make a name a group's ("… Front", "… Brigades"): the dictionary also lists members (persons)
 * and slogans as aliases, which must not become organisations.
 */
const GROUP_HEADS = new Set(
  (
    'front army party brigade brigades movement organization organisation group groups forces battalion ' +
    'battalions council union alliance tigers path faction commandos commando cells league congress jihad ' +
    'militia militias squad squads guard guards committee committees mujahideen mujahidin resistance legion ' +
    'coalition rebels command brotherhood association'
  ).split(' '),
);
/** First words of names too generic to stand alone in two words ("National Front", "Islamic Party"). */
const GENERIC_FIRST = new Set(
  (
    'national islamic revolutionary popular people peoples socialist democratic red black white united free ' +
    'patriotic liberation anarchist communist nationalist international armed new holy'
  ).split(' '),
);

/** A name wire copy would print for a group, not a person, slogan or generic phrase. */
function groupLike(name: string): boolean {
  const w = name.toLowerCase().split(' ');
  if (w.length < 2 || !GROUP_HEADS.has(w[w.length - 1]!)) return false;
  return w.length >= 3 || !GENERIC_FIRST.has(w[0]!.replace(/'s?$/, ''));
}

/** `KURDISTAN_WORKERS'_PARTY` → `Kurdistan Workers' Party`. */
function titleCase(raw: string): string {
  const words = raw.replace(/_/g, ' ').trim().split(/\s+/);
  return words
    .map((w, i) =>
      w
        .toLowerCase()
        .split('-')
        .map((p, j) => (SMALL.has(p) && (i > 0 || j > 0) ? p : p.charAt(0).toUpperCase() + p.slice(1)))
        .join('-'),
    )
    .join(' ');
}

interface Group {
  name: string;
  iso: string;
  sector: string;
  aliases: string[];
  acronyms: string[];
}

function main(): void {
  const iso = new Set(GENERATED_COUNTRIES.map((c) => c.iso3));
  const groups: Group[] = [];
  let cur: Group | null = null;
  const nameOf = (raw: string, g: Group) => {
    let s = raw.replace(/#.*$/, '').trim();
    const acr = /\(([A-Z][A-Z-]{2,5})\)_?$/.exec(s);
    if (acr) {
      g.acronyms.push(acr[1]!);
      s = s.slice(0, acr.index);
    }
    const n = titleCase(s.replace(/\+/g, ' ')).replace(/^The /, '');
    return groupLike(n) && /^[\p{L}' .-]+$/u.test(n) ? n : null;
  };
  for (const raw of readFileSync(file, 'latin1').split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (!line.trim()) continue;
    // an indented code line gives the code of an entry whose head line has none (`HAMAS_` then `[PSEREBHMS]`)
    const indented = /^\s+\[([A-Z]{3,})/.exec(line);
    if (indented) {
      if (cur && !cur.iso) [cur.iso, cur.sector] = [indented[1]!.slice(0, 3), indented[1]!.slice(3, 6)];
      continue;
    }
    if (line.startsWith('+')) {
      const n = cur ? nameOf(line.slice(1), cur) : null;
      if (n) cur!.aliases.push(n);
      continue;
    }
    const head = /^([^[]+?)\s*(?:\[([A-Z]{3,})[^\]]*\])?$/.exec(line);
    if (!head) continue;
    const code = head[2] ?? '';
    cur = { name: '', iso: code.slice(0, 3), sector: code.slice(3, 6), aliases: [], acronyms: [] };
    cur.name = nameOf(head[1]!, cur) ?? '';
    groups.push(cur);
  }
  const keep = groups.filter((g) => iso.has(g.iso));
  // a name or acronym listed for two groups of different countries names neither
  const countriesOf = new Map<string, Set<string>>();
  for (const g of groups)
    for (const n of [g.name, ...g.aliases, ...g.acronyms]) {
      if (!n) continue;
      const s = countriesOf.get(n.toLowerCase()) ?? new Set<string>();
      s.add(g.iso);
      countriesOf.set(n.toLowerCase(), s);
    }
  const acronymUses = new Map<string, number>();
  for (const g of groups)
    for (const a of new Set(g.acronyms)) acronymUses.set(a, (acronymUses.get(a) ?? 0) + 1);
  const rows: string[][] = [];
  for (const g of keep) {
    const names = [...new Set([g.name, ...g.aliases])].filter(
      (n) => n && countriesOf.get(n.toLowerCase())!.size === 1,
    );
    const acronyms = [...new Set(g.acronyms)].filter((a) => acronymUses.get(a) === 1);
    if (names.length === 0) continue;
    rows.push([names[0]!, g.iso, g.sector, ...names.slice(1), ...acronyms]);
  }
  rows.sort((a, b) => a[0]!.localeCompare(b[0]!));
  writeFileSync(
    out,
    `// GENERATED by scripts/build-groups.ts — do not edit by hand.\n` +
      `// Non-state armed and political groups of the PETRARCH2 Phoenix MilNonState dictionary: [name, ISO3, sector, ...aliases].\n` +
      `// Licence: derived from the PETRARCH2 Phoenix dictionaries (MIT, Open Event Data Alliance); see README.md here.\n\n` +
      `export const GENERATED_GROUPS: readonly (readonly string[])[] = ${JSON.stringify(rows)};\n`,
  );
  console.log(`groups: ${rows.length} of ${groups.length} entries`);
}

main();
