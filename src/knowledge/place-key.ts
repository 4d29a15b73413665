/**
 * Lookup key of a place name: lower case, no diacritics, hyphens and spaces alike, no apostrophes.
 * Shared by the generator that writes the place table (`scripts/build-knowledge.ts`) and the runtime lookup
 * (`places.ts`): both sides must key names identically or generated entries would never be found. Kept free of
 * imports so the generator can load it without the table it is about to write.
 */
export function placeKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[\s-]+/g, ' ')
    .trim();
}
