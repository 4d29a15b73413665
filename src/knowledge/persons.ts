import { GENERATED_LEADERS } from './data/leaders.js';
import { GENERATED_PERSONS } from './data/persons.js';

/**
 * A person the knowledge base knows: national leaders, heads of international organisations and the ministers,
 * officials and notables of the PETRARCH2 Phoenix country dictionaries.
 */
export interface KnownPerson {
  kb: string;
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

let table: Map<string, KnownPerson> | undefined;

function getTable(): Map<string, KnownPerson> {
  if (table) return table;
  table = new Map();
  for (const [name, country, role] of [...IGO_PEOPLE, ...GENERATED_LEADERS]) {
    const k = personKey(name);
    if (!table.has(k)) table.set(k, { kb: personKb(name), name, country, role, sector: null });
  }
  // Loaded last so the hand-written and leader rows win. Only multi-word names are generated: a bare surname
  // ("Putin") would give every namesake the same country.
  for (const [name, country, sector] of GENERATED_PERSONS) {
    const k = personKey(name);
    if (!table.has(k))
      table.set(k, { kb: personKb(name), name, country, role: null, sector: sector || null });
  }
  return table;
}

/** The known person with exactly this full name (case- and accent-insensitive), else null. */
export function lookupPerson(name: string): KnownPerson | null {
  return getTable().get(personKey(name)) ?? null;
}
