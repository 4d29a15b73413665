import { isHonorific, isTemporalTitleWord, isTitleWord, normToken } from '../../knowledge/index.js';
import type { SentenceView } from './coref.js';
import { type Mention, mentionKey, REPORTING_VERBS } from './mention.js';

/**
 * Plural references: "they" and "the two officials" name a group of people (or countries) the story has
 * just listed ("Shin, Sullivan and Akiba ... They committed to ..."). The analysis format has one entity per
 * referent, so a referenced group becomes an entity of its own: its members' type (PERSON for people, GPE
 * for states, else ORG), its name the members' names joined ("Shin Won-sik, Jake Sullivan and Takeo Akiba"),
 * and an added `members` field listing the member entities' ids. Its mentions are the plural references
 * only: the listed names stay mentions of their own entities, so no two entities share a span.
 */

type GroupClass = 'person' | 'actor';

/** A coordination of two or more entities in one sentence ("Shin, Sullivan and Akiba"). */
interface ListedGroup {
  sentence: number;
  /** Text offset where the list starts, for recency. */
  start: number;
  end: number;
  cls: GroupClass;
  /** Member entity keys in order of mention, distinct. */
  members: string[];
  inQuote: boolean;
}

const NUMBERS: ReadonlyMap<string, number> = new Map([
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['both', 2],
]);

/** Plural heads that name people. */
const PERSON_HEADS = new Set(
  (
    'officials advisors advisers leaders ministers diplomats envoys negotiators presidents men women ' +
    'chiefs delegates secretaries premiers spokesmen commanders generals heads counterparts politicians'
  ).split(' '),
);
/** Plural heads that name states or bodies. */
const ACTOR_HEADS = new Set(
  'countries nations governments states allies neighbours neighbors powers capitals'.split(' '),
);
/** Plural heads that name either. */
const EITHER_HEADS = new Set(['sides', 'parties']);

/** Gap words allowed between two listed people ("President X, U.S. President Y and then ... Z"). */
const LIST_GAP = new Set([
  ',',
  'and',
  'the',
  'then',
  'former',
  'late',
  'acting',
  'his',
  'her',
  'their',
  // "Shin and his U.S. and Japanese counterparts, Sullivan and Akiba"
  'counterparts',
]);

function low(t: string | undefined): string {
  return t === undefined ? '' : normToken(t).toLowerCase();
}

function classOf(m: Mention): GroupClass | null {
  if (m.members) return null;
  if (m.type === 'PERSON' && m.key && (m.kind === 'name' || m.kind === 'partial')) return 'person';
  if (
    (m.type === 'GPE' && m.country && (m.kb?.startsWith('country:') || m.kb?.startsWith('city:'))) ||
    m.type === 'ORG'
  )
    return m.kind === 'name' ? 'actor' : null;
  return null;
}

/** Lists of people and lists of states or bodies in each sentence. */
function findLists(sents: SentenceView[]): ListedGroup[] {
  const out: ListedGroup[] = [];
  sents.forEach((sent, si) => {
    const { toks } = sent;
    for (const cls of ['person', 'actor'] as const) {
      const ms = sent.mentions
        .filter((m) => classOf(m) === cls)
        .sort((a, b) => a.s - b.s || b.e - a.e)
        .filter((m, i, arr) => i === 0 || m.s >= arr[i - 1]!.e);
      // a list needs two members at least
      if (ms.length < 2) continue;
      const others = sent.mentions.filter((m) => classOf(m) !== cls);
      const coveredByOther = (k: number) => others.some((o) => o.s <= k && k < o.e);
      let run: Mention[] = [];
      let hasAnd = false;
      const flush = () => {
        const members = [...new Set(run.map((m) => mentionKey(m)!))];
        if (hasAnd && members.length >= 2) {
          out.push({
            sentence: si,
            start: run[0]!.start,
            end: run[run.length - 1]!.end,
            cls,
            members,
            inQuote: run[0]!.inQuote,
          });
        }
        run = [];
        hasAnd = false;
      };
      for (const m of ms) {
        const prev = run[run.length - 1];
        if (prev) {
          let ok = m.s > prev.e;
          let and = false;
          let sep = false;
          for (let k = prev.e; k < m.s && ok; k++) {
            const t = low(toks[k]);
            if (t === 'and') and = true;
            if (t === ',' || t === 'and') sep = true;
            ok =
              cls === 'person'
                ? LIST_GAP.has(t) ||
                  isTitleWord(toks[k]!) ||
                  isHonorific(toks[k]!) ||
                  isTemporalTitleWord(toks[k]!) ||
                  coveredByOther(k)
                : t === ',' || t === 'and' || t === 'the';
          }
          if (ok && sep) {
            hasAnd ||= and;
            run.push(m);
            continue;
          }
          flush();
        }
        run = [m];
      }
      flush();
    }
  });
  return out.sort((a, b) => a.start - b.start);
}

/** A plural reference at token `i`: its end, the number it gives (if any) and the class it names. */
function pluralAt(
  toks: string[],
  i: number,
): { end: number; n: number | null; cls: GroupClass | null; sides?: boolean } | null {
  // only "they", "the", "both" and "all" open a plural reference: skip other words before lower-casing
  const len = toks[i]!.length;
  if (len !== 3 && len !== 4) return null;
  const w = low(toks[i]);
  if (w === 'they') {
    // subject of a verb or of a reporting verb: "They committed", "they said", "(They) resolved"
    let k = i + 1;
    if (toks[k] === ')' || toks[k] === ']') k++;
    const next = toks[k] ?? '';
    if (!/^\p{Ll}/u.test(next) || next === 'and' || next === 'or') return null;
    return { end: i + 1, n: null, cls: null };
  }
  if (w !== 'the' && w !== 'both' && w !== 'all') return null;
  let k = i + 1;
  let n: number | null = w === 'both' ? 2 : null;
  const num = low(toks[k]);
  // (a map, not an object: `Object.hasOwn` with a token string probes the engine's string table every call)
  if (w !== 'both' && NUMBERS.has(num) && num !== 'both') {
    n = NUMBERS.get(num)!;
    k++;
  }
  for (let h = k; h < k + 4 && h < toks.length; h++) {
    const t = low(toks[h]);
    const cls = PERSON_HEADS.has(t)
      ? 'person'
      : ACTOR_HEADS.has(t)
        ? 'actor'
        : EITHER_HEADS.has(t)
          ? null
          : undefined;
    if (cls !== undefined) {
      const next = toks[h + 1];
      // "the leaders of China and Japan", "the officials' talks", "the two countries' ties" introduce or own
      if (next && (/^(?:of|from|who)$/.test(low(next)) || /^\p{Lu}/u.test(next))) return null;
      if (next && /^['’]$/.test(next)) return null;
      // without a number only subjects count: "the officials said", not "met the officials"
      if (n === null && w === 'the' && !(i === 0 || /^[,“"(]$/.test(toks[i - 1] ?? ''))) return null;
      if (w === 'all' && n === null) return null;
      return { end: h + 1, n, cls, sides: cls === null };
    }
    // modifiers: lower-case words (adjectives, title words), "U.S.", nothing else; "the other countries"
    // names those not listed
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(toks[h]!) || /^(?:and|or|of|to|in|said|other|remaining)$/.test(t))
      return null;
  }
  return null;
}

/**
 * Finds plural references and links each to the group it names: the latest list of the right class and
 * size in this or the three previous sentences (six with a number) (lists in quotations serve only references in quotations),
 * or, for a reference with a number ("the two officials"), the people named in the previous sentence when
 * they are exactly that many. Returns new mentions with `members` set; `mentionKey` groups them.
 */
export function resolveGroups(sents: SentenceView[], quoted: (start: number) => boolean): Mention[] {
  const lists = findLists(sents);
  const out: Mention[] = [];
  sents.forEach((sent, si) => {
    const { toks, units } = sent;
    for (let i = 0; i < toks.length; i++) {
      const ref = pluralAt(toks, i);
      if (!ref) continue;
      const u = units[i]!;
      const inQuote = quoted(u.start);
      const fits = (g: { cls: GroupClass; members: string[] }) =>
        (ref.cls === null || g.cls === ref.cls) &&
        (ref.n === null || g.members.length === ref.n) &&
        // "the two sides" are not two people of one country
        !(ref.sides && g.cls === 'person' && sameCountry(sents, g.members));
      let group: { cls: GroupClass; members: string[]; type: string } | null = null;
      for (let k = lists.length - 1; k >= 0; k--) {
        const g = lists[k]!;
        // a number is a strong cue and may reach further back than a bare "they"
        if (g.start >= u.start || g.sentence < si - (ref.n === null ? 3 : 6)) continue;
        if (g.inQuote && !inQuote && g.sentence !== si) continue;
        if (!fits(g)) continue;
        group = { cls: g.cls, members: g.members, type: groupType(sents, g) };
        break;
      }
      if (!group && ref.n !== null && si > 0) {
        // "Shin held talks with Sullivan ... The two officials condemned ..."
        for (const cls of ['person', 'actor'] as const) {
          const prior = ownBodies(sents[si - 1]!.mentions.filter((m) => classOf(m) === cls && !m.inQuote));
          const members = [...new Set(prior.map((m) => mentionKey(m)!))];
          const g = { cls, members };
          if (members.length === ref.n && fits(g)) {
            group = {
              ...g,
              type: cls === 'person' ? 'PERSON' : prior.every((m) => m.type === 'GPE') ? 'GPE' : 'ORG',
            };
            break;
          }
        }
      }
      if (!group) continue;
      const last = units[ref.end - 1]!;
      out.push({
        sentence: u.sentence,
        s: i,
        e: ref.end,
        start: u.start,
        end: last.end,
        text: '',
        type: group.type,
        kb: null,
        country: null,
        role: null,
        kind: ref.end - i === 1 ? 'pronoun' : 'nominal',
        rule: ref.end - i === 1 ? 'coref:group-pronoun' : 'coref:group-nominal',
        gender: null,
        speaker: REPORTING_VERBS.has(low(toks[ref.end])),
        inQuote,
        subject: false,
        entry: null,
        words: toks.slice(i, ref.end),
        key: null,
        members: [...group.members].sort(),
      });
      i = ref.end - 1;
    }
  });
  return out;
}

function groupType(sents: SentenceView[], g: ListedGroup): string {
  if (g.cls === 'person') return 'PERSON';
  const ms = sents[g.sentence]!.mentions.filter((m) => g.members.includes(mentionKey(m) ?? ''));
  return ms.every((m) => m.type === 'GPE') ? 'GPE' : 'ORG';
}

/** Drops a country named beside its own body ("Nepal's government"): the two are one side, not two. */
function ownBodies(ms: Mention[]): Mention[] {
  return ms.filter(
    (m) =>
      !(
        m.type === 'GPE' &&
        m.country &&
        ms.some((o) => o !== m && o.type === 'ORG' && o.kb?.startsWith('gov:') && o.country === m.country)
      ),
  );
}

/** True when every member person of a group has the same known country. */
function sameCountry(sents: SentenceView[], members: readonly string[]): boolean {
  const countries = new Set<string | null>();
  for (const key of members) {
    let c: string | null = null;
    for (const sent of sents) {
      const m = sent.mentions.find((x) => mentionKey(x) === key && x.country);
      if (m) {
        c = m.country;
        break;
      }
    }
    countries.add(c);
  }
  return countries.size === 1 && !countries.has(null);
}
