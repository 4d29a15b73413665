import { GENERATED_LEADERS } from './data/leaders.js';
import { GENERATED_PERSONS } from './data/persons.js';
import { isGivenName } from './given-names.js';
import { EAST_ASIAN_SURNAMES, HYPHENATED_GIVEN_NAME } from './surnames.js';

/**
 * A person the knowledge base knows: national leaders, heads of international organisations and the ministers,
 * officials and notables of the PETRARCH2 Phoenix country dictionaries.
 */
export interface KnownPerson {
  /** Null when only the country is known: a bare surname several listed persons of one country share. */
  kb: string | null;
  name: string;
  country: string | null;
  /** Title from the leader tables ("President"); null for Phoenix persons, whose sources give no title. */
  role: string | null;
  /** CAMEO/Phoenix role sector of the person's latest dated code (`GOV`, `MIL`, `ELI`...), when known. */
  sector: string | null;
}

/** Heads of international bodies often named in wire copy (hand-written facts). `[name, ISO3, role]`. */
const IGO_PEOPLE: readonly (readonly [string, string, string])[] = [
  ['Kofi Annan', 'GHA', 'UN Secretary-General'],
  ['Boutros Boutros-Ghali', 'EGY', 'UN Secretary-General'],
  ['Ban Ki-moon', 'KOR', 'UN Secretary-General'],
  ['Antonio Guterres', 'PRT', 'UN Secretary-General'],
  ['Javier Solana', 'ESP', 'NATO Secretary-General'],
  ['Mohamed ElBaradei', 'EGY', 'IAEA Director General'],
  ['Hans Blix', 'SWE', 'IAEA Director General'],
  ['Richard Butler', 'AUS', 'UNSCOM Chairman'],
  ['Rolf Ekeus', 'SWE', 'UNSCOM Chairman'],
];

function personKey(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[’']/g, "'")
      // "Lee Teng-hui" and "Lee Teng Hui" are one name
      .replace(/[\s-]+/g, ' ')
      .trim()
  );
}

/** Knowledge-base id for a person name: `person:lee-teng-hui`. */
export function personKb(name: string): string {
  return (
    'person:' +
    personKey(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  );
}

/**
 * Name particles and initials that spellings of one name keep or drop ("Omar El Bashir", "Omar Hassan
 * al-Bashir", "Omar Al Bashir"): left out of the loose keys.
 */
const PARTICLES: ReadonlySet<string> = new Set(
  'al el ad ar as ash at az an bin ibn ben de da van von der du la le del di dos das jr sr ii iii'.split(' '),
);

/** The name's words without particles and initials: `["omar", "hassan", "bashir"]`. */
function looseWords(name: string): string[] {
  return personKey(name)
    .split(' ')
    .map((w) => w.replace(/\.$/, ''))
    .filter((w) => w.length > 1 && !PARTICLES.has(w));
}

interface Tables {
  exact: Map<string, KnownPerson>;
  /** First and last word (particles dropped) → the persons so named. */
  firstLast: Map<string, KnownPerson[]>;
  /** Last word → the persons so named and the countries of the leaders (rulers.org) among them. */
  surname: Map<string, { persons: KnownPerson[]; leaders: Set<string> }>;
}

let tables: Tables | undefined;

function getTables(): Tables {
  if (tables) return tables;
  const exact = new Map<string, KnownPerson>();
  const firstLast = new Map<string, KnownPerson[]>();
  const surname = new Map<string, { persons: KnownPerson[]; leaders: Set<string> }>();
  const index = (p: KnownPerson, leader: boolean) => {
    const k = personKey(p.name);
    if (!exact.has(k)) exact.set(k, p);
    const w = looseWords(p.name);
    if (w.length < 2) return;
    const fl = `${w[0]} ${w[w.length - 1]}`;
    firstLast.set(fl, [...(firstLast.get(fl) ?? []), p]);
    const s = surname.get(w[w.length - 1]!) ?? { persons: [], leaders: new Set<string>() };
    s.persons.push(p);
    if (leader && p.country) s.leaders.add(p.country);
    surname.set(w[w.length - 1]!, s);
  };
  for (const [name, country, role] of IGO_PEOPLE)
    index({ kb: personKb(name), name, country, role, sector: null }, true);
  for (const [name, country, role] of GENERATED_LEADERS)
    index({ kb: personKb(name), name, country, role, sector: null }, true);
  // Loaded last so the hand-written and leader rows win. Only multi-word names are generated: a bare surname
  // ("Putin") is resolved below only when every listed bearer is of one country.
  for (const [name, country, sector] of GENERATED_PERSONS)
    index({ kb: personKb(name), name, country, role: null, sector: sector || null }, false);
  tables = { exact, firstLast, surname };
  return tables;
}

/**
 * True when a name is written East Asian surname first with a syllabic given name ("Kim Kwang-min", "Park
 * Sung Ho", "Nguyen Tan Dung"); "Lee Harvey Oswald" is not.
 */
function surnameFirstOrder(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || !EAST_ASIAN_SURNAMES.has(words[0]!)) return false;
  const rest = words.slice(1);
  if (rest.some((x) => HYPHENATED_GIVEN_NAME.test(x))) return true;
  return rest.every((x) => x.length <= 5 && /^\p{Lu}\p{Ll}+$/u.test(x)) && !isGivenName(rest[0]!);
}

/** The persons' one shared country, or null when they have none or several. */
function oneCountry(persons: readonly KnownPerson[]): string | null {
  const c = persons[0]?.country ?? null;
  return c && persons.every((p) => p.country === c) ? c : null;
}

/**
 * The known person a name refers to, else null. Tried in order:
 * 1. the exact full name (case-, accent- and hyphen-insensitive);
 * 2. first and last word without particles ("Omar El Bashir" = "Omar Hassan Ahmad Al Bashir"), when every
 *    listed person so named is of one country;
 * 3. a bare surname ("Mugabe"), when it is no given name ("Sharon", "Jordan") and its bearers point to one
 *    country: all of them, listed at least twice or for a national leader (one obscure namesake is no
 *    evidence), or the leaders among them and at least three in four of all bearers ("Clinton"). The leader
 *    or, failing one, the shortest spelling answers; bearers who are different persons give the country
 *    with no `kb`, since which of them is meant is unknown.
 */
export function lookupPerson(name: string): KnownPerson | null {
  const t = getTables();
  const hit = t.exact.get(personKey(name));
  if (hit) return hit;
  const w = looseWords(name);
  if (w.length >= 2) {
    // "Kim Kwang-min" is not "Kim Jong Min": a surname-first name's given name is its last two syllables,
    // so its first and last word name nobody
    if (surnameFirstOrder(name)) return null;
    const cands = t.firstLast.get(`${w[0]} ${w[w.length - 1]}`) ?? [];
    return oneCountry(cands) ? cands[0]! : null;
  }
  if (w.length !== 1 || w[0]!.length < 4 || isGivenName(w[0]!)) return null;
  const s = t.surname.get(w[0]!);
  if (!s) return null;
  let country = oneCountry(s.persons);
  if (country && s.persons.length < 2 && s.leaders.size === 0) return null;
  if (!country && s.leaders.size === 1) {
    const [lead] = s.leaders;
    const share = s.persons.filter((p) => p.country === lead).length / s.persons.length;
    if (share >= 0.75) country = lead!;
  }
  if (!country) return null;
  const mine = s.persons.filter((p) => p.country === country);
  // "Vladimir Putin", "Vladimir V. Putin": spellings of one person share their first word
  const people = new Set(mine.map((p) => looseWords(p.name)[0]));
  const best = [...mine].sort(
    (a, b) => Number(!!b.role) - Number(!!a.role) || a.name.length - b.name.length,
  )[0]!;
  return people.size === 1 ? best : { kb: null, name, country, role: null, sector: best.sector };
}
