import type { SyntaxWord } from '../../core/document.js';
import { RANK_QUALIFIERS } from '../../knowledge/english/index.js';
import {
  firstNameGender,
  givenNameGender,
  isArmedGroup,
  isGivenName,
  isTitleWord,
  normToken,
} from '../../knowledge/index.js';
import { EAST_ASIAN_SURNAMES } from '../../knowledge/surnames.js';
import { choosePronounAntecedent, type PronounCandidate, PronounGrammar } from './coref-pronouns.js';
import { BODY_HEADS, isNameWord } from './extract.js';
import type { Mention } from './mention.js';
import { mentionKey, REPORTING_VERBS } from './mention.js';
import type { Unit } from './units.js';

interface Cluster {
  key: string;
  words: string[];
  mentions: Mention[];
  last: number;
  gender: 'm' | 'f' | null;
}

function stripParticle(w: string): string {
  return w.replace(/^(?:al|el|Al|El)-/, '');
}

function nameWords(m: Mention): string[] {
  return m.words.filter((w) => normToken(w) !== "'s" && w !== ',' && w !== '.');
}

/** True when a name is written surname first ("Shin Won-sik", "Yoon Suk Yeol", "Ma Ying-jeou"). */
export function surnameFirst(words: readonly string[]): boolean {
  if (words.length < 2 || !EAST_ASIAN_SURNAMES.has(words[0]!)) return false;
  const last = words[words.length - 1]!;
  if (/^\p{Lu}\p{Ll}*-\p{Ll}+$/u.test(last)) return true;
  if (words.length === 3 && words.every((w) => w.length <= 5)) return true;
  return words.length === 2 && words[1]!.length <= 8 && !/-/.test(words[1]!);
}

/**
 * True when the first word of a name may be an East Asian surname ("Lu Yongxiang"), whose gender no given-name
 * list tells, even when the rest is too long for `surnameFirst` to be sure.
 */
function eastAsianFirst(words: readonly string[]): boolean {
  return surnameFirst(words) || EAST_ASIAN_SURNAMES.has(words[0]!);
}

/** Keys a partial mention can use: the surname first, then the other end of the name. */
function clusterKeys(words: readonly string[]): string[] {
  if (words.length === 1) return [stripParticle(words[0]!)];
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const keys = surnameFirst(words) ? [first, last] : [stripParticle(last), last, first];
  const paternal = paternalSurname(words);
  if (paternal) keys.push(paternal);
  return [...new Set(keys)];
}

/** Words after a surname that are no surname ("Jr.", "III"). */
const NAME_SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/;
/** Particles that make the next word a parent's or a place's name, not a surname ("bin Rashid", "de Hoop"). */
const NASAB = /^(?:bin|ibn|ben|bint|abu|abou|de|del|da|dos|van|von|la|le|al|el)$/i;

/**
 * The first of two surnames at the end of a name of three or more words ("Juan Manuel Santos Calderon" →
 * Santos, "Alvaro Uribe Velez" → Uribe): Spanish and Portuguese names keep both, and stories then use the
 * first alone. Never a known given name ("Khurshid Mahmood Kasuri"), a word after a particle ("Mohammed bin
 * Rashid al-Maktoum": Rashid is his father) or a surname-first name; null when none.
 */
function paternalSurname(words: readonly string[]): string | null {
  if (words.length < 3 || surnameFirst(words)) return null;
  const last = words[words.length - 1]!;
  const w = words[words.length - 2]!;
  if (NAME_SUFFIX.test(last) || !/^\p{Lu}\p{Ll}{2,}$/u.test(w) || !/^\p{Lu}/u.test(last)) return null;
  if (NASAB.test(words[words.length - 3]!) || isGivenName(w)) return null;
  return w;
}

function key(w: string): string {
  return normToken(w).toLowerCase();
}

/**
 * Groups person mentions into people: a full name opens a person; a surname or other partial name joins the
 * nearest earlier person it fits ("Shin" → Shin Won-sik, "Sullivan" → Jake Sullivan; of two Kims, the one
 * mentioned last), or a later one when it comes first. A lone capitalised word becomes a person only with
 * evidence (a title, a reporting verb, a known name). Assigns `key`, `type` and `kind` on the mentions.
 */
export function clusterPersons(mentions: Mention[]): void {
  const clusters: Cluster[] = [];
  const byFull = new Map<string, Cluster>();
  const byKey = new Map<string, { c: Cluster; rank: number }[]>();
  const register = (c: Cluster) => {
    clusterKeys(c.words).forEach((k, rank) => {
      const list = byKey.get(key(k)) ?? [];
      if (!list.some((x) => x.c === c)) list.push({ c, rank });
      byKey.set(key(k), list);
    });
    byFull.set(c.words.map(key).join(' '), c);
  };
  /** Links `m` to `c`; a mention joining people already met records the rule that linked it. */
  const attach = (c: Cluster, m: Mention, kind: Mention['kind'], rule: string) => {
    if (c.mentions.length > 0 && m.rule !== 'coref:kin') m.rule = rule;
    m.key = c.key;
    m.type = 'PERSON';
    m.kind = kind;
    c.mentions.push(m);
    c.last = Math.max(c.last, m.start);
    c.gender ??= m.gender;
  };
  const pending: Mention[] = [];
  for (const m of mentions) {
    if (m.type !== 'PERSON' && m.type !== 'UNK' && m.type !== 'BARE') {
      // A tagger span typed as a place or body that is really a person met before ("Akiba", "Biden").
      // A country is one only as a speaker whose name is a person's surname ("Rep. Jim Jordan … Jordan said").
      const countrySpeaker = m.speaker && m.kb?.startsWith('country:') && m.e - m.s === 1;
      if ((m.kb && !countrySpeaker) || m.kind !== 'name' || m.type === 'LAW' || m.type === 'EVENT') continue;
      const words = nameWords(m);
      const full = byFull.get(words.map(key).join(' '));
      if (full) {
        attach(full, m, 'name', 'coref:same-name');
        continue;
      }
      if (words.length !== 1) continue;
      const best = (byKey.get(key(stripParticle(words[0]!))) ?? [])
        .filter((x) => x.rank === 0 && x.c.words.length > 1)
        .sort((a, b) => b.c.last - a.c.last)[0];
      if (best) {
        if (countrySpeaker) {
          m.kb = null;
          m.entry = null;
          m.country = null;
        }
        attach(best.c, m, 'partial', 'coref:surname-latest');
      }
      continue;
    }
    const words = nameWords(m);
    if (words.length === 0) continue;
    if (words.length >= 2 && m.type !== 'BARE') {
      if (m.type === 'UNK' && !(m.speaker || m.role || m.gender)) {
        m.type = words.length > 4 ? 'MISC' : 'UNK';
        if (m.type === 'MISC') continue;
      }
      const full = words.map(key).join(' ');
      let c = byFull.get(full);
      let rule = 'coref:same-name';
      if (!c) {
        // A person first met by a partial name ("Kirby said … John Kirby").
        const cands = clusterKeys(words).flatMap((k) => byKey.get(key(k)) ?? []);
        c = firstMetBy(cands, words);
        rule = 'coref:name-after-part';
        if (c) {
          c.words = words;
          register(c);
        } else {
          rule = 'coref:shorter-name';
          // A shorter form of a longer name met before ("Ladi Luya" after "Michel Ladi Luya").
          const lw = words.map(key);
          c = cands
            .map((x) => x.c)
            .filter((x) => x.words.length > words.length)
            .filter((x) => {
              const xw = x.words.map(key);
              const tail = xw.slice(xw.length - lw.length).join(' ');
              const head = xw.slice(0, lw.length).join(' ');
              return tail === lw.join(' ') || head === lw.join(' ');
            })
            .sort((a, b) => b.last - a.last)[0];
        }
      }
      // the merge guard: two full names that share a surname and differ in the rest are two people
      if (c && rule !== 'coref:same-name' && fullNameClash(c, words)) c = undefined;
      if (!c) {
        c = { key: `p${clusters.length + 1}`, words, mentions: [], last: m.start, gender: null };
        clusters.push(c);
        register(c);
      }
      attach(c, m, 'name', rule);
      continue;
    }
    const w = words[0]!;
    if (words.length === 1 && (isTitleWord(w) || w.length < 2)) continue;
    const cands = (byKey.get(key(stripParticle(w))) ?? []).concat(byKey.get(key(w)) ?? []);
    if (cands.length > 0) {
      const live = cands.filter(
        (x) => x.c.mentions.length > 0 && !(m.role && EAST_ASIAN_SURNAMES.has(w) && otherRole(x.c, m.role)),
      );
      const best = live.length > 0 ? choosePerson(live, m) : undefined;
      if (best) {
        attach(best.c, m, best.c.words.length > words.length ? 'partial' : 'name', best.rule);
        continue;
      }
      // several people share the name and none fits this mention (a "Mrs." among men): leave it alone
      if (live.length > 0) continue;
    }
    if (m.type === 'PERSON' || (m.type === 'UNK' && m.speaker)) {
      const c: Cluster = { key: `p${clusters.length + 1}`, words, mentions: [], last: m.start, gender: null };
      clusters.push(c);
      register(c);
      attach(c, m, 'name', 'coref:new-person');
    } else pending.push(m);
  }
  // Partial names met before the full name.
  for (const m of pending) {
    const w = nameWords(m)[0]!;
    const cands = byKey.get(key(stripParticle(w))) ?? [];
    const best = cands.sort((a, b) => a.rank - b.rank)[0];
    if (best && best.c.words.length > 1) attach(best.c, m, 'partial', 'coref:part-before-name');
  }
  joinMisspelt(clusters, pending);
  splitClashes(clusters);
  // Gender from the given name when no title gave one ("Angela Merkel" → f), then on every mention so that
  // pronoun resolution sees it.
  for (const c of clusters) {
    if (!c.gender && c.words.length >= 2 && !eastAsianFirst(c.words)) c.gender = firstNameGender(c.words[0]!);
    if (c.gender) for (const m of c.mentions) m.gender ??= c.gender;
  }
}

/** The words of a full name as keys, in order; empty for a one-word name. */
function fullNameKeys(words: readonly string[]): string[] {
  return words.length >= 2 ? words.map((w) => key(stripParticle(w)).replace(/\.$/, '')) : [];
}

/** The surname key of a full name's keys (first word for East Asian order, else the last). */
function surnameKey(words: readonly string[], keys: readonly string[]): string {
  return surnameFirst(words) ? keys[0]! : keys[keys.length - 1]!;
}

/**
 * True when two full names can name one person: every word of the shorter one stands, in order, in the
 * longer one, an initial standing for a word with that letter ("George Bush" and "George W. Bush", "J. Smith"
 * and "John Smith", "Ladi Luya" and "Michel Ladi Luya"); "Laura Bush" and "George W. Bush" cannot.
 */
export function sameFullName(a: readonly string[], b: readonly string[]): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  let j = 0;
  for (const w of s) {
    while (
      j < l.length &&
      !(l[j] === w || (w.length === 1 && l[j]!.startsWith(w)) || (l[j]!.length === 1 && w.startsWith(l[j]!)))
    )
      j++;
    if (j === l.length) return false;
    j++;
  }
  return true;
}

/**
 * The merge guard: true when the cluster holds a full name that shares this full name's surname but cannot
 * be the same person's name (husband and wife, father and son: "Robert Linden", "Clara Linden").
 */
function fullNameClash(c: Cluster, words: readonly string[]): boolean {
  const keys = fullNameKeys(words);
  if (keys.length === 0) return false;
  const sur = surnameKey(words, keys);
  const seen = new Set<string>();
  const names = [c.words];
  for (const o of c.mentions) {
    if (o.kind !== 'name' || seen.has(o.text)) continue;
    seen.add(o.text);
    names.push(nameWords(o));
  }
  return names.some((n) => {
    const nk = fullNameKeys(n);
    return nk.length > 0 && surnameKey(n, nk) === sur && !sameFullName(keys, nk);
  });
}

/**
 * The guard again over finished clusters, whatever linked their mentions: a cluster whose full names name
 * two people who share a surname keeps the people of its first full name; each other full name, with the
 * mentions of its exact wording, becomes a person of its own (rule `coref:guard-split`).
 */
function splitClashes(clusters: Cluster[]): void {
  const n = clusters.length;
  for (let ci = 0; ci < n; ci++) {
    const c = clusters[ci]!;
    const fulls = c.mentions.filter((o) => o.kind === 'name' && nameWords(o).length >= 2);
    if (fulls.length < 2) continue;
    const head = nameWords(fulls[0]!);
    const headKeys = fullNameKeys(head);
    const moved = new Map<string, Cluster>();
    for (const o of fulls) {
      const w = nameWords(o);
      const k = fullNameKeys(w);
      if (surnameKey(w, k) !== surnameKey(head, headKeys) || sameFullName(k, headKeys)) continue;
      const id = k.join(' ');
      let to = moved.get(id);
      if (!to) {
        to = { key: `p${clusters.length + 1}`, words: w, mentions: [], last: o.start, gender: null };
        clusters.push(to);
        moved.set(id, to);
      }
      o.key = to.key;
      o.rule = 'coref:guard-split';
      to.mentions.push(o);
      to.last = Math.max(to.last, o.start);
      to.gender ??= o.gender;
    }
    if (moved.size > 0) c.mentions = c.mentions.filter((o) => o.key === c.key);
  }
}

/**
 * The person a full name met after one of its parts extends ("Kirby said … John Kirby"). When both its given
 * name and its surname were met alone as different people ("Fujimori's son, Kenji … Fujimori said … Kenji
 * Fujimori"), the given name decides: a story uses a bare given name to tell a relative apart from the
 * better-known bearer of the surname, who keeps the bare surname.
 */
function firstMetBy(
  cands: readonly { c: Cluster; rank: number }[],
  words: readonly string[],
): Cluster | undefined {
  const single = cands.filter((x) => x.c.words.length === 1);
  if (single.length === 0) return undefined;
  if (words.length >= 2 && !surnameFirst(words)) {
    const given = key(words[0]!);
    const byGiven = single.find((x) => key(x.c.words[0]!) === given);
    if (byGiven && single.some((x) => x.c !== byGiven.c)) return byGiven.c;
  }
  return single[0]!.c;
}

/** The head word of a role ("Defence Minister" → minister), lower-cased. */
function roleHead(role: string): string {
  const words = role.toLowerCase().split(/\s+/);
  return words[words.length - 1]!;
}

/**
 * True when the cluster's mentions carry roles and none has the head word of `role`: "Defence Minister Kim" is
 * not the Kim the story calls leader. East Asian surnames are shared by many unrelated people in one story.
 */
function otherRole(c: Cluster, role: string): boolean {
  const head = roleHead(role);
  let any = false;
  for (const o of c.mentions) {
    if (!o.role) continue;
    if (roleHead(o.role) === head) return false;
    any = true;
  }
  return any;
}

/** True when `a` and `b` differ by one dropped or doubled letter ("Lehman"/"Lehmann", "Karah"/"Karaha"). */
export function oneLetterApart(a: string, b: string): boolean {
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  if (l.length !== s.length + 1 || s.length < 5 || s[0] !== l[0]) return false;
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}

/**
 * A misspelt surname ("Lehman" in a story about Tyge Lehmann): a person known only by one word that is one
 * dropped or doubled letter from the surname of exactly one fully named person joins that person. Only when
 * no other person's surname is that close, and never a known given name (a different person "Maris").
 */
function joinMisspelt(clusters: Cluster[], pending: Mention[]): void {
  const full = clusters.filter((c) => c.words.length >= 2 && c.mentions.length > 0);
  if (full.length === 0) return;
  const surname = (c: Cluster) =>
    key(surnameFirst(c.words) ? c.words[0]! : stripParticle(c.words[c.words.length - 1]!));
  // Surnames and their one-letter deletions, so that each lookup is a few hashes, not a scan of everyone.
  const index = new Map<string, Set<Cluster>>();
  const put = (k: string, c: Cluster) => {
    const set = index.get(k);
    if (set) set.add(c);
    else index.set(k, new Set([c]));
  };
  const deletions = (w: string) => {
    const out = new Set<string>();
    for (let i = 0; i < w.length; i++) out.add(w.slice(0, i) + w.slice(i + 1));
    return out;
  };
  for (const c of full) {
    const s = surname(c);
    if (s.length < 5) continue;
    put(`=${s}`, c);
    for (const d of deletions(s)) put(`-${d}`, c);
  }
  const target = (w: string): Cluster | null => {
    if (givenNameGender(w) !== null) return null;
    const k = key(w);
    const near = new Set<Cluster>(index.get(`-${k}`) ?? []);
    for (const d of deletions(k)) for (const c of index.get(`=${d}`) ?? []) near.add(c);
    const fit = [...near].filter((c) => oneLetterApart(k, surname(c)));
    return fit.length === 1 ? fit[0]! : null;
  };
  for (const c of clusters) {
    if (c.words.length !== 1 || c.mentions.length === 0) continue;
    const t = target(c.words[0]!);
    if (!t) continue;
    for (const m of c.mentions) {
      m.key = t.key;
      m.rule = 'coref:misspelt';
      if (m.kind === 'name') m.kind = 'partial';
      t.mentions.push(m);
    }
    c.mentions = [];
  }
  for (const m of pending) {
    if (m.key) continue;
    const words = nameWords(m);
    if (words.length !== 1) continue;
    const t = target(words[0]!);
    if (!t) continue;
    m.key = t.key;
    m.type = 'PERSON';
    m.kind = 'partial';
    m.rule = 'coref:misspelt';
    t.mentions.push(m);
  }
}

/** A cluster's gender: from titles, else from a given name ("Laura Bush" → f); null when unknown. */
function clusterGender(c: Cluster): 'm' | 'f' | null {
  if (c.gender) return c.gender;
  return c.words.length >= 2 && !eastAsianFirst(c.words) ? firstNameGender(c.words[0]!) : null;
}

/**
 * The person a short name (a surname) joins among the candidates its key finds: the best key rank first;
 * then, when several people share the name (Laura Bush and George W. Bush), only those whose gender agrees
 * with the mention's title ("Mrs. Bush") and, when the mention has a role ("President Bush"), those met
 * with that role if any; then the one named last if the story has just made them the lead subject or a
 * speaker, else
 * the one named more often, then the one named last. East Asian names written
 * surname first ("of two Kims") go to the one named last: their surnames are shared by many unrelated
 * people and the nearest is the one the story is about. Undefined when the gender rules out everyone.
 */
function choosePerson(
  cands: readonly { c: Cluster; rank: number }[],
  m: Mention,
): { c: Cluster; rule: string } | undefined {
  const top = Math.min(...cands.map((x) => x.rank));
  let pool = cands.filter((x, i) => x.rank === top && cands.findIndex((y) => y.c === x.c) === i);
  const as = (x: { c: Cluster } | undefined, rule: string) => (x ? { c: x.c, rule } : undefined);
  // "Tom Adler … Mrs. Adler": a courtesy title of the other gender is someone else even when only one
  // person of that name was met (his wife, named only by her given name or not at all)
  if (pool.length <= 1) {
    const g = pool[0] && m.gender ? clusterGender(pool[0].c) : null;
    return g && g !== m.gender ? undefined : as(pool[0], 'coref:surname');
  }
  if (m.gender) {
    pool = pool.filter((x) => {
      const g = clusterGender(x.c);
      return !g || g === m.gender;
    });
    if (pool.length === 0) return undefined;
    if (pool.length === 1) return as(pool[0], 'coref:surname-gender');
  }
  if (m.role && pool.length > 1) {
    const role = m.role.toLowerCase();
    const same = pool.filter((x) => x.c.mentions.some((o) => o.role?.toLowerCase() === role));
    if (same.length > 0) pool = same;
  }
  const recent = (a: { c: Cluster }, b: { c: Cluster }) => b.c.last - a.c.last;
  const latest = [...pool].sort(recent)[0]!;
  if (pool.every((x) => surnameFirst(x.c.words) || x.c.words.length === 1))
    return as(latest, 'coref:surname-latest');
  // a relative introduced as such ("his son Kenji Fujimori", "Haddad's wife Leila") leaves the bare surname
  // to the person the story is about, even once the relative has spoken: a story names a relative with a
  // title or the given name ("Mrs. Bush", "Leila") when it means them
  const principal = pool.filter((x) => x.c.mentions[0]?.rule !== 'coref:kin');
  if (principal.length === 1) return as(principal[0], 'coref:surname-principal');
  // the one named last, when the story has just made them the lead subject or a speaker ("The port's chief,
  // Anne Martin, said … ‘…,’ Martin said"); else the one named more often (the lead's "President Bush", not
  // "were … his wife Laura Bush" named in passing)
  const last = latest.c.mentions.find((o) => o.start === latest.c.last);
  if (last && (last.lead || last.speaker) && m.sentence - last.sentence <= 2)
    return as(latest, 'coref:surname-subject');
  return as(
    [...pool].sort((a, b) => b.c.mentions.length - a.c.mentions.length || recent(a, b))[0],
    'coref:surname-frequent',
  );
}

const SUBJECT_PRONOUNS = new Set(['he', 'she']);
/** A Map, not an object literal: "constructor" in the text must not look like a pronoun. */
const PERSON_PRONOUNS: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ['he', 'm'],
  ['him', 'm'],
  ['his', 'm'],
  ['she', 'f'],
  ['her', 'f'],
]);
const NOMINAL_HEADS = new Set([
  'official',
  'minister',
  'president',
  'advisor',
  'adviser',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'envoy',
  'ambassador',
  'diplomat',
  'leader',
  'premier',
  'chancellor',
  'secretary',
  'negotiator',
  'general',
  'commander',
  'prosecutor',
  'judge',
  'lawyer',
  'mayor',
  'governor',
  'chairman',
  'chairwoman',
  'director',
  'senator',
  'lawmaker',
  'governor',
]);

/** Everything the pronoun pass needs per sentence. */
export interface SentenceView {
  units: Unit[];
  toks: string[];
  mentions: Mention[];
}

function score(m: Mention, sentence: number): number {
  return (
    10 -
    3 * (sentence - m.sentence) +
    (m.speaker ? 4 : 0) +
    (m.subject ? 2 : 0) -
    (m.inQuote ? 3 : 0) +
    m.start / 1e12
  );
}

/**
 * The tier of a candidate antecedent in an earlier sentence for a pronoun, lower first, -1 for none: the
 * previous sentence of narration (sentences wholly inside a quotation do not count); for a narrated pronoun,
 * a name outside quotation marks there comes first (0), then the narrated person one sentence further back
 * (1: "…, the lawyer told the jury, 'was signed by A, not B.' He went on to say" — a narrated "he" is not
 * someone the last narrated sentence only quoted), then a quoted name of the previous sentence (2).
 */
function narratedTier(m: Mention, between: number, inQuote: boolean): number {
  if (inQuote) return between === 0 ? 0 : -1;
  if (between === 0) return m.inQuote ? 2 : 0;
  return between === 1 && !m.inQuote ? 1 : -1;
}

/**
 * The candidate antecedents of a person pronoun at `at` in sentence `si`, in one pass: the compatible names
 * of its sentence before it (outside quotations unless the pronoun is quoted), then the mentions of the
 * earlier sentences and the pronouns of its own by `narratedTier`, by tier. The own sentence comes first, as in Hobbs's search; the
 * chooser takes the first tier that binding leaves someone in, and salience ranks the people within it.
 */
function pronounCandidates(
  persons: Mention[][],
  si: number,
  at: number,
  inQuote: boolean,
  compatible: (m: Mention) => boolean,
  narrationBetween: (k: number, si: number) => number,
): PronounCandidate[][] {
  const tiers: PronounCandidate[][] = [[], [], [], []];
  for (let k = Math.max(0, si - 3); k <= si; k++) {
    for (const m of persons[k] ?? []) {
      if (!m.key || !compatible(m)) continue;
      let tier: number;
      if (k === si && (m.start >= at || (m.inQuote && !inQuote))) continue;
      if (k === si && m.kind !== 'pronoun') tier = 0;
      else {
        tier = narratedTier(m, narrationBetween(k, si), inQuote);
        if (tier >= 0) tier++;
      }
      if (tier < 0) continue;
      tiers[tier]!.push({ m, same: k === si });
    }
  }
  return tiers;
}

/**
 * Resolves he/she/his/him/her to people, "it" in speaker position ("it added") to bodies and places, and
 * definite nominals ("the White House official", "the minister", "the 61-year-old") to people with a
 * compatible role and country. Same-sentence antecedents come first (the sentence subject for "he said",
 * the nearest name for "his"); otherwise the most salient of the last three sentences, where speakers and
 * subjects outrank objects and quoted names. Returns the new mentions.
 */
export function resolveReferences(
  sents: SentenceView[],
  quoted: (start: number) => boolean,
  syntax?: readonly SyntaxWord[],
): Mention[] {
  const out: Mention[] = [];
  // pronouns read clause structure when the syntax layer ran (`syntax: false` leaves the surface rules)
  const grammar = syntax && syntax.length > 0 ? new PronounGrammar(syntax) : null;
  const persons: Mention[][] = sents.map((s) => s.mentions.filter((m) => m.type === 'PERSON' && m.key));
  const bodies: Mention[][] = sents.map((s) =>
    s.mentions.filter((m) => (m.type === 'ORG' || m.type === 'GPE') && m.speaker && m.kb),
  );
  const genders = new Map<string, 'm' | 'f'>();
  const countryOf = new Map<string, string>();
  const roleOf = new Map<string, string>();
  for (const list of persons) {
    for (const m of list) {
      if (!m.key) continue;
      if (m.gender) genders.set(m.key, m.gender);
      if (m.country && !countryOf.has(m.key)) countryOf.set(m.key, m.country);
      if (m.role && !roleOf.has(m.key)) roleOf.set(m.key, m.role);
    }
  }

  // Ages given beside names ("Smith, 61, said"; "Smith (61)") for "the 61-year-old".
  const ageOf = new Map<string, number>();
  sents.forEach((sent, si) => {
    for (const m of persons[si] ?? []) {
      const a = sent.toks[m.e];
      const b = sent.toks[m.e + 1];
      const c = sent.toks[m.e + 2];
      if (
        (a === ',' || a === '(') &&
        b &&
        /^\d{1,3}$/.test(b) &&
        (c === ',' || c === ')' || c === '.' || !c)
      ) {
        if (m.key) ageOf.set(m.key, Number(b));
      }
    }
  });
  const ages = new Set(ageOf.values());
  const descriptors = describedPersons(sents, persons);
  const delayed = delayedIdentification(sents, persons);
  for (const m of delayed.values()) {
    persons[m.sentence]!.push(m);
    out.push(m);
  }

  // Sentences of narration: those with a word outside quotation marks.
  const narration = new Int32Array(sents.length + 1);
  sents.forEach((sent, si) => {
    narration[si + 1] = narration[si]! + (sent.units.some((u) => !quoted(u.start)) ? 1 : 0);
  });
  /** Sentences of narration strictly between sentences `k` and `si` (k < si). */
  const narrationBetween = (k: number, si: number) => (k >= si ? 0 : narration[si]! - narration[k + 1]!);

  const pick = (
    pool: Mention[][],
    si: number,
    before: number,
    inQuote: boolean,
    window: number,
    ok: (m: Mention) => boolean,
  ) => {
    let best: Mention | null = null;
    let bestScore = -Infinity;
    for (let k = Math.max(0, si - window); k <= si; k++) {
      for (const m of pool[k] ?? []) {
        if (k === si && (m.start >= before || (m.inQuote && !inQuote))) continue;
        if (!ok(m)) continue;
        const sc = score(m, si);
        if (sc > bestScore) {
          best = m;
          bestScore = sc;
        }
      }
    }
    return best;
  };

  sents.forEach((sent, si) => {
    const { units, toks } = sent;
    for (let i = 0; i < units.length; i++) {
      // pronouns, "it" and "the" have two or three letters: skip longer words before lower-casing
      if (toks[i]!.length > 3) continue;
      const w = toks[i]!.toLowerCase();
      const gender = PERSON_PRONOUNS.get(w);
      // only pronouns, "it" and "the …" start a reference: skip other words before any lookup
      if (!gender && w !== 'it' && w !== 'the') continue;
      const u = units[i]!;
      const inQuote = quoted(u.start);
      if (gender) {
        // '"He played like a champion," Moreno said': a quoted third-person pronoun is never the quotation's
        // own speaker, named outside the quotation marks in its sentence
        const speaks = (m: Mention) => {
          if (!grammar) return m.speaker;
          const r = grammar.role(m.start, m.end);
          return !!r && grammar.speaks(r.anchor);
        };
        const speakers = inQuote
          ? new Set((persons[si] ?? []).filter((m) => !m.inQuote && m.key && speaks(m)).map((m) => m.key))
          : null;
        const compatible = (m: Mention) => {
          if (speakers?.has(m.key)) return false;
          const g = m.key ? genders.get(m.key) : undefined;
          return !g || g === gender;
        };
        let ante: Mention | null = null;
        let rule = 'coref:pronoun';
        if (grammar) {
          const choice = choosePronounAntecedent(
            grammar,
            { start: u.start, end: u.end, form: w, sentence: si, inQuote },
            pronounCandidates(persons, si, u.start, inQuote, compatible, narrationBetween),
          );
          ante = choice.ante;
          rule = choice.rule;
        } else {
          const same = (persons[si] ?? []).filter(
            (m) => m.start < u.start && (!m.inQuote || inQuote) && compatible(m) && m.kind !== 'pronoun',
          );
          if (same.length > 0) {
            const subj = same.find((m) => m.subject || m.speaker);
            ante = SUBJECT_PRONOUNS.has(w) && subj ? subj : same[same.length - 1]!;
          } else {
            // one ordered search over the sentences before: see `narratedTier`
            let bestTier = 3;
            let bestScore = -Infinity;
            for (let k = Math.max(0, si - 3); k <= si; k++) {
              for (const m of persons[k] ?? []) {
                if (k === si && (m.start >= u.start || (m.inQuote && !inQuote))) continue;
                if (!compatible(m)) continue;
                const tier = narratedTier(m, narrationBetween(m.sentence, si), inQuote);
                if (tier < 0 || tier > bestTier) continue;
                const sc = score(m, si);
                if (tier < bestTier || sc > bestScore) {
                  ante = m;
                  bestTier = tier;
                  bestScore = sc;
                }
              }
            }
          }
        }
        if (!ante?.key) continue;
        const m = pronounMention(u, i, ante, 'PERSON', toks, inQuote);
        m.rule = rule;
        m.gender = gender;
        genders.set(ante.key, gender);
        persons[si]!.push(m);
        out.push(m);
        continue;
      }
      const reported =
        REPORTING_VERBS.has(toks[i - 1] ?? '') ||
        (toks[i - 1] === 'that' && REPORTING_VERBS.has(toks[i - 2] ?? ''));
      if (w === 'it' && (speakerNext(toks, i) || reported)) {
        const ante = pick(bodies, si, u.start, inQuote, 3, () => true);
        if (!ante?.kb) continue;
        const m = pronounMention(u, i, ante, ante.type, toks, inQuote);
        out.push(m);
        continue;
      }
      if (w === 'the' && i + 2 < toks.length) {
        const group = armedGroupAt(sents, si, toks, i, u.start);
        if (group) {
          const m = pronounMention(u, i, group.ante, 'ORG', toks, inQuote);
          m.e = group.head + 1;
          m.end = units[group.head]!.end;
          m.kind = 'nominal';
          m.rule = 'coref:group-nominal';
          m.key = mentionKey(group.ante);
          m.speaker = speakerNext(toks, group.head);
          m.words = toks.slice(i, group.head + 1);
          out.push(m);
          i = group.head;
          continue;
        }
      }
      if (w === 'the' && i + 1 < toks.length) {
        // "the ministry said": the latest body whose name ends in that word
        const head = toks[i + 1]!;
        const next = toks[i + 2];
        const Head = head.charAt(0).toUpperCase() + head.slice(1);
        if (
          /^\p{Ll}+$/u.test(head) &&
          BODY_HEADS.has(Head) &&
          (next === undefined || !(isNameWord(next) || /^(?:of|for|'s|’s)$/.test(next)))
        ) {
          let ante: Mention | null = null;
          for (let k = si; k >= 0 && !ante; k--) {
            for (const m of sents[k]!.mentions) {
              if (m.type !== 'ORG' || m.kind !== 'name' || (k === si && m.start >= u.start)) continue;
              const words = m.text.split(/\s+/);
              if (words[words.length - 1] === Head && words.length >= 2) ante = m;
            }
          }
          if (ante) {
            const m = pronounMention(u, i, ante, 'ORG', toks, inQuote);
            const last = units[i + 1]!;
            m.e = i + 2;
            m.end = last.end;
            m.kind = 'nominal';
            m.rule = 'coref:body-nominal';
            m.key = mentionKey(ante);
            m.speaker = speakerNext(toks, i + 1);
            m.words = toks.slice(i, i + 2);
            out.push(m);
            i++;
            continue;
          }
        }
      }
      if (w === 'the' && i === 0 && delayed.has(si)) {
        i = delayed.get(si)!.e - 1;
        continue;
      }
      if (w === 'the') {
        const described = descriptorAt(toks, i, descriptors, si, u.start);
        // "A close ally of Cuban President Fidel Castro, the leftist leader …": never someone just named
        if (described && !(persons[si] ?? []).some((m) => m.key === described.key && m.start < u.start)) {
          let ante: Mention | undefined;
          for (let k = si; k >= Math.max(0, si - 5) && !ante; k--) {
            ante = persons[k]?.find((m) => m.key === described.key && m.kind !== 'pronoun');
          }
          if (ante) {
            const m = nominalMention(ante, sent, i, described.head, 'coref:descriptor', inQuote, false, null);
            persons[si]!.push(m);
            out.push(m);
            i = described.head;
            continue;
          }
        }
        const nom = nominalAt(toks, i);
        if (!nom) continue;
        const mods = sent.mentions.filter((m) => m.s > i && m.e <= nom.head && m.country);
        const country = mods[0]?.country ?? null;
        const head = toks[nom.head]!.toLowerCase();
        const age = /^(\d+)-year-old$/.exec(toks[nom.head]!.toLowerCase());
        const ok = (m: Mention) => {
          if (age) {
            const n = Number(age[1]);
            const known = m.key ? ageOf.get(m.key) : undefined;
            // the person given that age, if any; never one given another age
            if (ages.has(n) ? known !== n : known !== undefined) return false;
          }
          const c = (m.key && countryOf.get(m.key)) || null;
          if (country && c && c !== country) return false;
          if (NOMINAL_HEADS.has(head) && head !== 'official' && head !== 'diplomat') {
            const role = ((m.key && roleOf.get(m.key)) || '').toLowerCase();
            const needed = toks
              .slice(i + 1, nom.head + 1)
              .map((t) => t.toLowerCase())
              .filter((t) => isTitleWord(t) && !LOOSE_MODIFIERS.has(t));
            // whole words: a "presidential spokesman" is no "president"
            const roleWords = role.split(/[\s-]+/);
            const at = roleWords.indexOf(head);
            // "the president" is not the vice president: a rank word before the role's head must be in the
            // nominal too
            const said = new Set(toks.slice(i + 1, nom.head + 1).flatMap((t) => t.toLowerCase().split('-')));
            if (roleWords.slice(0, at).some((t) => RANK_QUALIFIERS.has(t) && !said.has(t))) return false;
            return (
              at >= 0 &&
              needed.every((t) => role.includes(t.replace('defence', 'defense')) || role.includes(t))
            );
          }
          return true;
        };
        // "A Burmese official accused … The official said": a generic head met before with "a"/"an" and no
        // name is that unnamed person, not anyone named nearby
        if ((head === 'official' || head === 'diplomat') && unnamedBefore(sents, si, i, head)) {
          i = nom.head;
          continue;
        }
        // a role that must match ("the minister") is evidence enough to reach back through the whole story
        const roleBound = NOMINAL_HEADS.has(head) && head !== 'official' && head !== 'diplomat';
        const ante = pick(persons, si, u.start, inQuote, roleBound ? si : 5, ok);
        if (!ante?.key) continue;
        // "the White House official": the body's country becomes the person's when none is known
        const own = ante.key && !countryOf.has(ante.key) ? country : null;
        const m = nominalMention(ante, sent, i, nom.head, 'coref:nominal', inQuote, false, own);
        if (ante.key && country && !countryOf.has(ante.key)) countryOf.set(ante.key, country);
        persons[si]!.push(m);
        out.push(m);
        i = nom.head;
      }
    }
  });
  return out;
}

/**
 * Nouns a story uses to describe a person before or after the name ("Shiite cleric Abdel Aziz al-Hakim",
 * "Hakim, the leader of …") and then alone ("the cleric said"). Titles are matched by the role pass; these are
 * descriptions that are no office.
 */
const DESCRIPTOR_NOUNS = new Set([
  'cleric',
  'leader',
  'imam',
  'ayatollah',
  'rebel',
  'warlord',
  'militant',
  'activist',
  'dissident',
  'businessman',
  'businesswoman',
  'tycoon',
  'executive',
  'magnate',
  'billionaire',
  'millionaire',
  'journalist',
  'reporter',
  'writer',
  'author',
  'novelist',
  'priest',
  'bishop',
  'archbishop',
  'cardinal',
  'monk',
  'rabbi',
  'pastor',
  'candidate',
  'veteran',
  'hardliner',
  'reformist',
  'moderate',
  'strongman',
  'dictator',
  'monarch',
  'king',
  'queen',
  'prince',
  'princess',
  'economist',
  'analyst',
  'scientist',
  'physicist',
  'singer',
  'actor',
  'actress',
  'player',
  'coach',
  'suspect',
  'defendant',
  'hostage',
  'captain',
  'pilot',
]);

interface Described {
  key: string;
  sentence: number;
  /** Offset of the name the description was given with. */
  start: number;
  /** Given as "X, the leader of …": only such a description may be taken up with its "of" phrase. */
  of: boolean;
}

/**
 * Descriptor noun → the people the story gave it, with the sentence: the word just before a name (after any
 * demonym or capitalised qualifier is skipped: "Shiite cleric X", "opposition leader X") or the first such noun
 * in an appositive after it ("X, the leader of …", "X, a senior cleric,"). One pass over the mentions.
 */
function describedPersons(sents: SentenceView[], persons: Mention[][]): Map<string, Described[]> {
  const out = new Map<string, Described[]>();
  const add = (w: string, m: Mention, key: string, of: boolean) => {
    const d: Described = { key, sentence: m.sentence, start: m.start, of };
    const list = out.get(w);
    if (!list) out.set(w, [d]);
    else list.push(d);
  };
  sents.forEach((sent, si) => {
    const { toks } = sent;
    for (const m of persons[si] ?? []) {
      if (!m.key || m.kind === 'pronoun' || m.kind === 'nominal') continue;
      const before = toks[m.s - 1]?.toLowerCase();
      if (before && DESCRIPTOR_NOUNS.has(before)) add(before, m, m.key, false);
      if (toks[m.e] === ',') {
        let p = m.e + 1;
        if (/^(?:the|a|an)$/i.test(toks[p] ?? '')) p++;
        for (let k = 0; k < 3 && p < toks.length; k++, p++) {
          const t = toks[p]!;
          if (!/^\p{Ll}+$/u.test(t)) {
            // "X, a Shiite cleric": a capitalised qualifier may stand before the noun
            if (/^\p{Lu}\p{Ll}+$/u.test(t)) continue;
            break;
          }
          if (DESCRIPTOR_NOUNS.has(t)) {
            add(t, m, m.key, toks[p + 1] === 'of');
            break;
          }
        }
      }
    }
  });
  return out;
}

/**
 * "the cleric", "the leader of Iraq's largest Shiite party": a definite description whose head noun the story
 * gave exactly one person in the last five sentences (before this point). Adjectives may come between ("the
 * veteran Shiite cleric"). Null when none or several people fit: conservative by design.
 */
function descriptorAt(
  toks: string[],
  i: number,
  descriptors: ReadonlyMap<string, Described[]>,
  si: number,
  at: number,
): { key: string; head: number } | null {
  if (descriptors.size === 0) return null;
  for (let h = i + 1; h <= i + 3 && h < toks.length; h++) {
    const t = toks[h]!;
    const list = descriptors.get(t);
    if (list) {
      const next = toks[h + 1];
      // "the cleric Abdel …" names someone; "the leader board" is no person
      if (next && (isNameWord(next) || normToken(next) === "'s")) return null;
      if (
        next &&
        /^\p{Ll}/u.test(next) &&
        next !== 'of' &&
        !NOMINAL_FOLLOW.has(next) &&
        !REPORTING_VERBS.has(next)
      )
        return null;
      // a description refers back across sentences: one named in this sentence would be a pronoun
      const near = list.filter((d) => d.start < at && d.sentence < si && si - d.sentence <= 5);
      const keys = new Set(near.map((d) => d.key));
      if (keys.size !== 1) return null;
      // "the leader of …" again: only when the story gave the person that noun with an "of" phrase too
      if (next === 'of' && !near.some((d) => d.of)) return null;
      return { key: near[0]!.key, head: h };
    }
    if (!/^\p{L}[\p{L}-]*$/u.test(t) || /^(?:and|or|two|three|both|other|said|of)$/i.test(t)) return null;
  }
  return null;
}

const FIGHTER_WORDS = new Set([
  'rebel',
  'militant',
  'guerrilla',
  'guerilla',
  'insurgent',
  'armed',
  'separatist',
]);
const GROUP_HEADS = new Set(['group', 'movement', 'militia', 'organisation', 'organization']);

/**
 * "the rebel group", "the militant movement": the one listed armed group the story named in this sentence
 * (before) or the five before it. Null when none or two different groups were named: "the rebel group"
 * between the LRA and the SPLM could be either.
 */
function armedGroupAt(
  sents: SentenceView[],
  si: number,
  toks: string[],
  i: number,
  at: number,
): { ante: Mention; head: number } | null {
  if (!FIGHTER_WORDS.has(toks[i + 1]!.toLowerCase()) || !GROUP_HEADS.has(toks[i + 2]!.toLowerCase())) {
    return null;
  }
  const next = toks[i + 3];
  if (next && isNameWord(next)) return null;
  let ante: Mention | null = null;
  for (let k = si; k >= 0 && si - k <= 5; k--) {
    for (const m of sents[k]!.mentions) {
      if (!m.kb || !isArmedGroup(m.kb) || (k === si && m.start >= at)) continue;
      if (ante && ante.kb !== m.kb) return null;
      ante ??= m;
    }
  }
  return ante ? { ante, head: i + 2 } : null;
}

/**
 * Delayed identification, the wire lead's habit: "The leader of Iraq's largest Shiite party urged … / Abdel
 * Aziz al-Hakim, head of …, told reporters …". A sentence among the first three that opens with "the" and a
 * person noun (a title head or a descriptor) and names nobody, followed by a sentence that opens with a full
 * name in apposition, named there for the first time: the description is that person. Sentence index → the
 * new mention (the description up to its head noun).
 */
function delayedIdentification(sents: SentenceView[], persons: Mention[][]): Map<number, Mention> {
  const out = new Map<number, Mention>();
  const seen = new Set<string>();
  for (let si = 0; si + 1 < sents.length && si < 3; si++) {
    for (const m of persons[si] ?? []) if (m.key) seen.add(m.key);
    const view = sents[si]!;
    const { toks } = view;
    if (toks[0]?.toLowerCase() !== 'the' || (persons[si] ?? []).length > 0) continue;
    let head = -1;
    for (let h = 1; h <= 4 && h < toks.length; h++) {
      const t = toks[h]!;
      const lw = t.toLowerCase();
      if (lw === t && (DESCRIPTOR_NOUNS.has(lw) || NOMINAL_HEADS.has(lw))) {
        head = h;
        break;
      }
      if (!/^\p{L}[\p{L}-]*$/u.test(t) || /^(?:and|or|of|two|three|both|other)$/.test(lw)) break;
    }
    if (head < 0) continue;
    const after = toks[head + 1];
    if (!after || isNameWord(after) || normToken(after) === "'s") continue;
    const next = sents[si + 1]!;
    const named = (persons[si + 1] ?? []).find((m) => m.s === 0 && m.kind === 'name');
    if (!named?.key || named.e - named.s < 2 || next.toks[named.e] !== ',' || seen.has(named.key)) continue;
    // "…, a spokesman for the union," introduces someone new, not the one the lead described
    const appositive = next.toks[named.e + 1]?.toLowerCase();
    if (appositive === 'a' || appositive === 'an') continue;
    out.set(si, nominalMention(named, view, 0, head, 'coref:delayed', false, true, null));
  }
  return out;
}

/**
 * True when an indefinite phrase with the same head ("a Burmese official", "an Asian diplomat"), not followed
 * by a name, occurs in the current sentence before token `at` or in the five sentences before it. Bounded.
 */
function unnamedBefore(sents: SentenceView[], si: number, at: number, head: string): boolean {
  for (let k = si; k >= 0 && si - k <= 5; k--) {
    const toks = sents[k]!.toks;
    const end = k === si ? at : toks.length;
    for (let j = 0; j < end; j++) {
      const w = toks[j]!.toLowerCase();
      if (w !== 'a' && w !== 'an' && w !== 'one') continue;
      for (let h = j + 1; h <= j + 4 && h < end; h++) {
        const x = toks[h]!.toLowerCase();
        if (x === head) {
          const next = toks[h + 1];
          if (!next || !isNameWord(next)) return true;
          break;
        }
        if (/^[,.;:“”"()]$/.test(x)) break;
      }
    }
  }
  return false;
}

/**
 * A nominal mention ("the cleric", "the White House official") over tokens `i..head` of a sentence, standing for
 * `ante`: one constructor so every nominal rule builds the same shape (the property order matters to V8).
 */
function nominalMention(
  ante: Mention,
  view: SentenceView,
  i: number,
  head: number,
  rule: string,
  inQuote: boolean,
  subject: boolean,
  country: string | null,
): Mention {
  const u = view.units[i]!;
  return {
    ...ante,
    sentence: u.sentence,
    s: i,
    e: head + 1,
    start: u.start,
    end: view.units[head]!.end,
    text: '',
    kind: 'nominal',
    rule,
    speaker: speakerNext(view.toks, head),
    inQuote,
    subject,
    words: view.toks.slice(i, head + 1),
    role: null,
    country,
  };
}

function speakerNext(toks: string[], i: number): boolean {
  const n = toks[i + 1]?.toLowerCase() ?? '';
  const n2 = toks[i + 2]?.toLowerCase() ?? '';
  return REPORTING_VERBS.has(n) || ((n === 'also' || n === 'has' || n === 'had') && REPORTING_VERBS.has(n2));
}

function pronounMention(
  u: Unit,
  i: number,
  ante: Mention,
  type: string,
  toks: string[],
  inQuote: boolean,
): Mention {
  return {
    ...ante,
    type,
    sentence: u.sentence,
    s: i,
    e: i + 1,
    start: u.start,
    end: u.end,
    text: '',
    kind: 'pronoun',
    rule: 'coref:pronoun',
    speaker: speakerNext(toks, i),
    inQuote,
    subject: false,
    words: [toks[i]!],
    role: null,
    country: null,
  };
}

const LOOSE_MODIFIERS = new Set(['top', 'senior', 'former', 'then', 'acting', 'new', 'chief', 'first']);

const NOMINAL_FOLLOW = new Set([
  'who',
  'has',
  'had',
  'have',
  'was',
  'is',
  'also',
  'did',
  'does',
  'would',
  'will',
  'could',
  'later',
  'then',
  'added',
  'in',
  'at',
  'on',
]);

/** "the [modifiers] head" naming one person, not followed by a name ("the foreign minister said"). */
function nominalAt(toks: string[], i: number): { head: number } | null {
  for (let h = i + 1; h <= i + 4 && h < toks.length; h++) {
    const t = toks[h]!;
    const lw = t.toLowerCase();
    if (NOMINAL_HEADS.has(lw) || /^\d+-year-old$/.test(lw)) {
      const next = toks[h + 1];
      if (next && (isNameWord(next) || /^(?:of|for)$/.test(next) || normToken(next) === "'s")) return null;
      if (next && /^\p{Ll}/u.test(next) && !NOMINAL_FOLLOW.has(next) && !REPORTING_VERBS.has(next))
        return null;
      return { head: h };
    }
    if (/^[,.;:“”"()]$/.test(t) || normToken(t) === "'s" || /^(?:and|or|two|three|both|other|said)$/.test(lw))
      return null;
  }
  return null;
}
