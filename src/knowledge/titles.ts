/**
 * Titles and roles. A title is a run of title words ending in a head word ("Vice Foreign Minister",
 * "National Security Communications Advisor", "chief negotiator"). Titles are not part of names: the
 * entities stage strips them from person spans and keeps them as the person's `role`.
 */

/** Words that end a title (lower case). */
const HEADS = [
  'president',
  'president-elect',
  'president-designate',
  'minister-designate',
  'premier-designate',
  'vice-president',
  'minister',
  'premier',
  'chancellor',
  'advisor',
  'adviser',
  'secretary',
  'secretary-general',
  'undersecretary',
  'under-secretary',
  'ambassador',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'consul',
  'envoy',
  'negotiator',
  'coach',
  'chairman',
  'chairwoman',
  'chairperson',
  'director',
  'director-general',
  'commander',
  'commander-in-chief',
  'general',
  'admiral',
  'colonel',
  'leader',
  'king',
  'queen',
  'prince',
  'princess',
  'emir',
  'sheikh',
  'sultan',
  'governor',
  'mayor',
  'senator',
  'congressman',
  'congresswoman',
  'lawmaker',
  'legislator',
  'chief',
  'counselor',
  'counsellor',
  'attache',
  'delegate',
  'prosecutor',
  'judge',
  'justice',
  'pope',
  'cardinal',
  'archbishop',
  'bishop',
  'ayatollah',
  'imam',
  'cleric',
  'captain',
  'lieutenant',
  'sergeant',
  'marshal',
  'inspector',
  'commissioner',
  'rapporteur',
  'official',
  'officer',
  'aide',
  'diplomat',
  'analyst',
  'professor',
  'speaker',
  'whip',
  'ceo',
  'founder',
  'editor',
  'correspondent',
  'monarch',
  'dictator',
  'strongman',
  'warlord',
  'representative',
  'deputy',
  'attorney',
  'treasurer',
  'administrator',
  'coordinator',
  'mediator',
  'observer',
  'head',
  'dr.',
  'mr.',
  'mrs.',
  'ms.',
  'miss',
  'sen.',
  'rep.',
  'gen.',
  'col.',
  'adm.',
  'capt.',
  'lt.',
  'maj.',
  'sgt.',
  'gov.',
  'prof.',
  'pres.',
  'amb.',
  'sir',
  'lord',
  'lady',
  'dame',
  // forms wire copy carries over from other languages and faiths
  'capitan',
  'comandante',
  'coronel',
  'presidente',
  'mullah',
  'mufti',
  'rabbi',
  'reverend',
  'rev.',
  'monsignor',
  'patriarch',
  'emperor',
  'empress',
  'shah',
] as const;

/** Words that may precede a head inside a title (lower case). */
const MODIFIERS = [
  'vice',
  // "Grand Ayatollah", "Rear Admiral", "Field Marshal"
  'grand',
  'rear',
  'field',
  'deputy',
  'assistant',
  'acting',
  'associate',
  'senior',
  'special',
  'chief',
  'principal',
  'first',
  'second',
  'national',
  'security',
  'communications',
  'foreign',
  'defense',
  'defence',
  'interior',
  'home',
  'finance',
  'financial',
  'trade',
  'commerce',
  'economy',
  'economic',
  'unification',
  'justice',
  'oil',
  'energy',
  'information',
  'health',
  'education',
  'labor',
  'labour',
  'agriculture',
  'culture',
  'industry',
  'transport',
  'environment',
  'intelligence',
  'affairs',
  'state',
  'general',
  'supreme',
  'executive',
  'prime',
  'crown',
  'presidential',
  'press',
  'top',
  'nuclear',
  'lieutenant',
  'lt.',
  'maj.',
  'brig.',
  'major',
  'brigadier',
  'army',
  'navy',
  'naval',
  'air',
  'force',
  'military',
  'joint',
  'armed',
  'forces',
  'staff',
  'high',
  'human',
  'rights',
  'peace',
  'party',
  'opposition',
  'majority',
  'minority',
  'cabinet',
  'parliamentary',
  'regional',
  'provincial',
  'police',
  'science',
  'technology',
  'legal',
  'policy',
  'planning',
  'strategic',
  'political',
  'public',
  'relations',
  'head',
  'team',
  'coast',
  'guard',
  'central',
  'bank',
  'treasury',
  'homeland',
  'veterans',
  'immigration',
  'communist',
  'vice-foreign',
  'permanent',
  'interim',
  'caretaker',
  'outgoing',
  'incoming',
  'newly',
  'elected',
  'appointed',
  'secretary',
  'minister',
  'president',
  'commander',
  'director',
  'general',
  'governor',
  'ambassador',
  'information',
  'media',
  'spokesman',
  'spokeswoman',
] as const;

/** Connectors allowed between title words ("Secretary of State", "Minister for Foreign Affairs"). */
const CONNECTORS = new Set(['of', 'for', 'the', 'on', 'and']);

/** Words before a title that say when, not what ("then Japanese Prime Minister", "former President"). */
const TEMPORAL = new Set(['then', 'former', 'ex', 'ex-', 'late', 'then-', 'outgoing', 'incoming', 'future']);

/** Courtesy titles: they give a gender, not a role. */
const HONORIFIC_GENDER: Readonly<Record<string, 'm' | 'f'>> = {
  'mr.': 'm',
  mr: 'm',
  'mrs.': 'f',
  mrs: 'f',
  'ms.': 'f',
  ms: 'f',
  miss: 'f',
  sir: 'm',
  lord: 'm',
  lady: 'f',
  dame: 'f',
  king: 'm',
  queen: 'f',
  prince: 'm',
  princess: 'f',
  spokesman: 'm',
  spokeswoman: 'f',
  chairman: 'm',
  chairwoman: 'f',
  congressman: 'm',
  congresswoman: 'f',
};

const HEAD_SET: ReadonlySet<string> = new Set(HEADS);
const WORD_SET: ReadonlySet<string> = new Set<string>([...HEADS, ...MODIFIERS]);

function key(token: string): string {
  const k = token.toLowerCase();
  // Most tokens have no curly apostrophe: skip the regex for them.
  return k.includes('’') || k.includes('‘') ? k.replace(/[’‘]/g, "'") : k;
}

/** True when `token` can end a title. */
export function isTitleHead(token: string): boolean {
  return HEAD_SET.has(key(token));
}

/** True when `token` can be part of a title (head or modifier). */
export function isTitleWord(token: string): boolean {
  return WORD_SET.has(key(token));
}

/** True for "then", "former" and the like. */
export function isTemporalTitleWord(token: string): boolean {
  return TEMPORAL.has(key(token));
}

/** True for courtesy titles with no role ("Mr.", "Ms."). */
export function isHonorific(token: string): boolean {
  const k = key(token);
  return (
    k === 'mr.' || k === 'mr' || k === 'mrs.' || k === 'mrs' || k === 'ms.' || k === 'ms' || k === 'miss'
  );
}

/** Gender a title implies ("Mr." → m, "spokeswoman" → f), else null. */
export function titleGender(token: string): 'm' | 'f' | null {
  return HONORIFIC_GENDER[key(token)] ?? null;
}

/**
 * Title runs in a token array: maximal runs of title words (with inner connectors) that end in a head word,
 * as `[start, end)` token indices. Case-insensitive, because wire copy writes "Foreign Minister Kim" and
 * "the foreign minister" alike.
 */
export function findTitles(tokens: readonly string[]): { start: number; end: number }[] {
  return findTitleKeys(tokens.map(key));
}

/** The lookup form of a token for the title lists (lower case, straight apostrophes). */
export function titleKey(token: string): string {
  return key(token);
}

/** `findTitles` over tokens already in `titleKey` form (callers that keep them per token). */
export function findTitleKeys(keys: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let i = 0;
  while (i < keys.length) {
    if (!WORD_SET.has(keys[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let lastHead = -1;
    while (j < keys.length) {
      const k = keys[j]!;
      if (WORD_SET.has(k)) {
        if (HEAD_SET.has(k)) lastHead = j;
        j++;
      } else if (CONNECTORS.has(k) && j + 1 < keys.length && WORD_SET.has(keys[j + 1]!) && j > i) {
        j++;
      } else break;
    }
    if (lastHead >= 0) {
      // "Secretary of State", "Minister for Foreign Affairs", "Chief of Staff": a head's complement
      const complement = lastHead + 1 < j && /^(?:of|for)$/.test(keys[lastHead + 1]!);
      const end = complement ? j : lastHead + 1;
      out.push({ start: i, end });
      i = end;
    } else i = j;
  }
  return out;
}

const SMALL = new Set(['of', 'for', 'the', 'on', 'and']);

/** A role as displayed: title case, connectors lower case ("Secretary of State"). */
export function formatRole(tokens: readonly string[]): string | null {
  const words = tokens.filter((t) => !isHonorific(t) && !isTemporalTitleWord(t));
  while (words.length > 0 && SMALL.has(key(words[0]!))) words.shift();
  if (words.length === 0) return null;
  return words
    .map((w, i) => {
      const k = key(w);
      if (i > 0 && SMALL.has(k)) return k;
      if (/^[A-Z]{2,}$/.test(w)) return w;
      return k
        .split('-')
        .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
        .join('-');
    })
    .join(' ');
}

/** Roles that only one state uses, as `formatRole` writes them (hand-written facts). */
const TITLE_COUNTRIES: Readonly<Record<string, string>> = {
  'Secretary of State': 'USA',
  'Secretary of Defense': 'USA',
  'Chief Cabinet Secretary': 'JPN',
};

/**
 * The country a role implies when no country word is given ("Secretary of State Condoleezza Rice" is a US
 * official), else null. Only roles one state alone uses are listed.
 */
export function titleCountry(role: string): string | null {
  return TITLE_COUNTRIES[role] ?? null;
}
