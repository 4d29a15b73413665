/**
 * Number reading for claims: digit strings, number words and vague quantities. Pure functions over plain
 * strings so they can be tested without a document.
 *
 * Choices (documented because the input is ambiguous):
 * - Thousands separators must be commas in groups of three (`10,000`, `1,500,000.5`). `1,2,3` and `12,34`
 *   are not numbers (null), never 123 or 1234.
 * - A dot followed by exactly three digits (`10.000`, `1.500`) is ambiguous between an English decimal and a
 *   European thousands separator, so it is read as null (no claim) rather than guessed; `1.000.000` is null.
 * - More than 15 significant digits is null: such strings are identifiers, not quantities.
 */

/**
 * Cardinal words below twenty. One table for every stage that reads spelled-out numbers (claims here, durations
 * in the time lexicon), so "fourteen" means the same wherever it is read.
 */
export const CARDINALS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const UNITS: Record<string, number> = { zero: 0, ...CARDINALS, dozen: 12 };
/** Tens words ("twenty" … "ninety"), shared like `CARDINALS`. */
export const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Scale words that multiply the number before them ("1.5 million", "three hundred"). */
export const SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  mln: 1e6,
  billion: 1e9,
  bln: 1e9,
  trillion: 1e12,
};

/**
 * Vague plural quantities ("thousands of troops"). We report them with `value: null`, `low` = twice the
 * scale (the smallest amount the plural normally denotes), `high: null` and qualifier `approx`.
 */
export const VAGUE: Readonly<Record<string, number>> = {
  dozens: 12,
  scores: 20,
  hundreds: 100,
  thousands: 1e3,
  millions: 1e6,
  billions: 1e9,
};

/**
 * The names `name in table` is true for: the table's own keys and, as for any object literal, those of
 * `Object.prototype`. A set of them answers the same question for every token without the string-table probe
 * the `in` operator makes for a string it has not seen before (this runs for every token of a story).
 */
export function namesIn(table: object): ReadonlySet<string> {
  return new Set([...Object.keys(table), ...Object.getOwnPropertyNames(Object.prototype)]);
}
const UNITS_IN = namesIn(UNITS);
const TENS_IN = namesIn(TENS);

/** Parses a digit string with optional comma groups and decimals; null when malformed or ambiguous. */
export function parseDigits(s: string): number | null {
  if (s.length === 0 || s.length > 24) return null;
  let clean: string;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) clean = s.replace(/,/g, '');
  else if (/^\d+(\.\d+)?$/.test(s)) {
    if (/^\d{1,3}\.\d{3}$/.test(s)) return null;
    clean = s;
  } else return null;
  if (clean.replace(/^0+/, '').replace('.', '').length > 15) return null;
  const v = Number(clean);
  return Number.isFinite(v) ? v : null;
}

/** Value of a single number word (`three`, `twenty-five`, `dozen`), or null. */
export function wordValue(w: string): number | null {
  const l = w.toLowerCase();
  if (UNITS_IN.has(l)) return UNITS[l]!;
  if (TENS_IN.has(l)) return TENS[l]!;
  const m = /^([a-z]+)-([a-z]+)$/.exec(l);
  if (m && TENS_IN.has(m[1]!) && UNITS_IN.has(m[2]!) && UNITS[m[2]!]! < 10 && UNITS[m[2]!]! > 0) {
    return TENS[m[1]!]! + UNITS[m[2]!]!;
  }
  return null;
}

/** True for words that can start a spelled-out number. */
export function isNumberWord(w: string): boolean {
  return wordValue(w) !== null;
}

/**
 * Reads a spelled-out number from `words` starting at 0 ("three hundred thousand", "a dozen" handled by the
 * caller). Returns the value and how many words it used, or null.
 */
export function readNumberWords(words: readonly string[]): { value: number; used: number } | null {
  let total = 0;
  let current = 0;
  let used = 0;
  let any = false;
  for (let i = 0; i < words.length && i < 8; i++) {
    const w = words[i]!.toLowerCase();
    const v = wordValue(w);
    if (v !== null) {
      if (any && current % 10 !== 0 && current !== 0 && v < 100) break; // "three four" is not a number
      current += v;
      any = true;
      used = i + 1;
      continue;
    }
    if (any && w === 'hundred') {
      current = (current || 1) * 100;
      used = i + 1;
      continue;
    }
    if (any && w in SCALES && w !== 'hundred') {
      total += (current || 1) * SCALES[w]!;
      current = 0;
      used = i + 1;
      continue;
    }
    if (any && w === 'and' && i + 1 < words.length && wordValue(words[i + 1]!) !== null && current >= 100)
      continue;
    break;
  }
  if (!any) return null;
  return { value: total + current, used };
}
