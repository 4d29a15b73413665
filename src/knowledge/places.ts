import { GENERATED_PLACES } from './data/places.js';
import { placeKey } from './place-key.js';
import type { KbEntry } from './types.js';

/**
 * Places below the country (provinces, states, regions, cities, rivers) with their country, from CountryInfo and
 * the PETRARCH2 Phoenix dictionaries (`scripts/build-knowledge.ts`), plus a few names wire copy spells its own
 * way. They are not gazetteer phrases: many are also surnames or common words ("Sharon", "Victoria"), so the
 * entities stage asks here only for spans the tagger already read as places.
 */

/** Hand-written spellings wire copy uses that the generated table lacks (facts): `[name, ISO3]`. */
const EXTRA_PLACES: readonly (readonly [string, string])[] = [
  ['Erbil', 'IRQ'],
  ['Irbil', 'IRQ'],
  ['Arbil', 'IRQ'],
  ['Baqouba', 'IRQ'],
  ['Baquba', 'IRQ'],
  ['Baqubah', 'IRQ'],
  ['Gaza', 'PSE'],
  ['Gaza City', 'PSE'],
  ['West Bank', 'PSE'],
  ['Gaza Strip', 'PSE'],
  ['South Ossetia', 'GEO'],
  ['Nagorno-Karabakh', 'AZE'],
  ['Transdniestr', 'MDA'],
  ['Transnistria', 'MDA'],
  ['Jammu and Kashmir', 'IND'],
  ['Crimea', 'UKR'],
  ['Donetsk', 'UKR'],
  ['Luhansk', 'UKR'],
  ['Kisangani', 'COD'],
  ['Mbuji-Mayi', 'COD'],
  ['Lubumbashi', 'COD'],
  ['Goma', 'COD'],
  ['Bukavu', 'COD'],
  ['Katanga', 'COD'],
  ['Kandahar', 'AFG'],
  ['Helmand', 'AFG'],
  ['Waziristan', 'PAK'],
  ['Peshawar', 'PAK'],
  ['Mogadishu', 'SOM'],
  ['Baidoa', 'SOM'],
  ['Kismayo', 'SOM'],
  ['Puntland', 'SOM'],
  ['Somaliland', 'SOM'],
  ['Tigray', 'ETH'],
  ['Ogaden', 'ETH'],
];

/** Generic words after a place name ("Diyala province", "Ibaraki Prefecture") that the table may lack. */
const GENERIC_TAILS = new Set([
  'province',
  'prefecture',
  'region',
  'governorate',
  'state',
  'district',
  'county',
  'oblast',
  'territory',
  'city',
]);

function slug(s: string): string {
  return placeKey(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

let index: Map<string, KbEntry> | undefined;

function getIndex(): Map<string, KbEntry> {
  if (index) return index;
  index = new Map();
  for (const [name, iso] of [...EXTRA_PLACES, ...GENERATED_PLACES]) {
    const k = placeKey(name);
    if (index.has(k)) continue;
    index.set(
      k,
      Object.freeze({ kb: `place:${iso}:${slug(name)}`, kind: 'region', name, type: 'GPE', country: iso }),
    );
  }
  return index;
}

/**
 * The place a name written in the text denotes ("Diyala", "Diyala province", "Mbuji Mayi"), with its country, or
 * null. Only for text already read as a place: the table holds surnames and common words too.
 */
export function lookupPlace(name: string): KbEntry | null {
  let hit = lookups.get(name);
  if (hit === undefined) {
    if (lookups.size >= 50_000) lookups.clear();
    hit = findPlace(name);
    lookups.set(name, hit);
  }
  return hit;
}

/** Names looked up before (the same names recur in every story; the key normalisation is the costly part). */
const lookups = new Map<string, KbEntry | null>();

function findPlace(name: string): KbEntry | null {
  const idx = getIndex();
  const k = placeKey(name);
  const found = idx.get(k);
  if (found) return found;
  const words = k.split(' ');
  if (words.length >= 2 && GENERIC_TAILS.has(words[words.length - 1]!)) {
    return idx.get(words.slice(0, -1).join(' ')) ?? null;
  }
  // "West Darfur", "Northern Kivu": a part of a listed place is in the same country
  if (words.length >= 2 && COMPASS.has(words[0]!)) {
    const whole = idx.get(words.slice(1).join(' '));
    if (whole?.country) {
      const part: KbEntry = {
        kb: `place:${whole.country}:${slug(name)}`,
        kind: 'region',
        name: name.trim(),
        type: 'GPE',
        country: whole.country,
      };
      idx.set(k, Object.freeze(part));
      return part;
    }
  }
  return null;
}

/** Compass and position words that name a part of a place. */
const COMPASS = new Set(
  'north south east west northern southern eastern western central upper lower northeast northwest southeast southwest'.split(
    ' ',
  ),
);
