import { AMBIGUOUS_DEMONYM_COUNTRIES, COUNTRIES } from './countries.js';
import { GENERATED_GROUPS } from './data/groups.js';
import {
  CONTEXTUAL_BODIES,
  COUNTRY_ONLY_BODIES,
  EVENTS,
  FACILITIES,
  GOVERNMENT_BODIES,
  GROUPS,
  INTERNATIONAL_ORGS,
  NEWS_AGENCIES,
  REGIONS,
} from './organisations.js';
import { findTitleKeys, formatRole, titleKey } from './titles.js';
import type { GazetteerKind, GazetteerMatch, KbEntry } from './types.js';

interface Phrase {
  tokens: string[];
  /** Case-insensitive phrases (contextual bodies: "the presidential office", "Foreign Ministry"). */
  ci: boolean;
  entry: KbEntry;
}

/** Normalises typographic apostrophes so "People’s" and "People's" are one key. */
export function normToken(t: string): string {
  // Most tokens have no apostrophe at all: skip the regex for them (this runs for every token, many times).
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x2019 || c === 0x2018 || c === 0x60) return t.replace(/[’‘`]/g, "'");
  }
  return t;
}

/**
 * Splits a phrase the way the sentence stage tokenises text: on spaces, with a possessive `'s` or a plural's
 * possessive apostrophe as its own token ("People's" → "People", "'s"; "Workers'" → "Workers", "'").
 * Abbreviations ("U.S.") and hyphenated words stay whole.
 */
export function phraseTokens(phrase: string): string[] {
  const out: string[] = [];
  for (const piece of normToken(phrase).split(/\s+/)) {
    if (!piece) continue;
    const m = /^(.+)('s)$/.exec(piece) ?? /^(.+s)(')$/.exec(piece);
    if (m) out.push(m[1]!, m[2]!);
    else out.push(piece);
  }
  return out;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function entry(
  kb: string,
  kind: GazetteerKind,
  name: string,
  type: KbEntry['type'],
  country: string | null,
  extra: Partial<KbEntry> = {},
): KbEntry {
  return Object.freeze({ kb, kind, name, type, country, ...extra });
}

function buildPhrases(): Phrase[] {
  const phrases: Phrase[] = [];
  const add = (text: string, e: KbEntry, ci = false) => {
    const tokens = phraseTokens(text).map((t) => (ci ? t.toLowerCase() : t));
    if (tokens.length > 0) phrases.push({ tokens, ci, entry: e });
  };
  // Sovereign states first: a phrase shared with a territory ("French", "American") names the state.
  const ordered = [...COUNTRIES].sort((a, b) => Number(b.independent) - Number(a.independent));
  for (const c of ordered) {
    const ce = entry(`country:${c.iso3}`, 'country', c.name, 'GPE', c.iso3);
    for (const n of c.names) add(n, ce);
    for (const d of c.demonyms)
      add(d, entry(`norp:${c.iso3}`, 'demonym', c.demonyms[0] ?? d, 'NORP', c.iso3));
    for (const cap of c.capitals) {
      add(cap, entry(`city:${c.iso3}:${slug(cap)}`, 'capital', cap, 'GPE', c.iso3));
    }
    for (const city of c.cities)
      add(city, entry(`city:${c.iso3}:${slug(city)}`, 'city', city, 'GPE', c.iso3));
  }
  for (const [d, isos] of AMBIGUOUS_DEMONYM_COUNTRIES) {
    add(d, entry(`norp:${slug(d)}`, 'demonym', d, 'NORP', null, { candidates: isos }));
  }
  for (const [id, name, ...aliases] of INTERNATIONAL_ORGS) {
    const e = entry(`org:${id}`, 'org', name!, 'ORG', null);
    for (const a of [name!, ...aliases]) add(a, e);
  }
  for (const list of [GROUPS, NEWS_AGENCIES]) {
    for (const [id, iso, name, ...aliases] of list) {
      const e = entry(`org:${id}`, 'org', name!, 'ORG', iso || null);
      for (const a of [name!, ...aliases]) add(a, e);
    }
  }
  // after the hand-written groups, so their names and acronyms win
  for (const [name, iso, , ...aliases] of GENERATED_GROUPS) {
    const e = entry(`org:${slug(name!)}`, 'org', name!, 'ORG', iso || null);
    for (const a of [name!, ...aliases]) add(a, e);
  }
  for (const [id, iso, name, ...aliases] of GOVERNMENT_BODIES) {
    const e = entry(`gov:${id}`, 'gov', name!, 'ORG', iso!);
    for (const a of [name!, ...aliases]) add(a, e);
  }
  for (const [id, name, ...aliases] of CONTEXTUAL_BODIES) {
    const e = entry(`gov:${id}`, 'gov', name!, 'ORG', null, { contextual: true });
    for (const a of aliases) add(a, e, true);
  }
  for (const [id, name, ...aliases] of COUNTRY_ONLY_BODIES) {
    const e = entry(`gov:${id}`, 'gov', name!, 'ORG', null, { contextual: true, needsCountry: true });
    for (const a of aliases) add(a, e, true);
  }
  const simple = (
    list: readonly (readonly string[])[],
    kind: GazetteerKind,
    type: string,
    prefix: string,
  ) => {
    for (const [id, name, iso, ...aliases] of list) {
      const e = entry(`${prefix}:${id}`, kind, name!, type, iso || null);
      for (const a of [name!, ...aliases]) add(a, e);
    }
  };
  simple(REGIONS, 'region', 'LOC', 'loc');
  simple(FACILITIES, 'fac', 'FAC', 'fac');
  for (const [id, name, ...aliases] of EVENTS) {
    const e = entry(`event:${id}`, 'event', name!, 'EVENT', null);
    for (const a of [name!, ...aliases]) add(a, e);
  }
  return phrases;
}

interface Index {
  byFirst: Map<string, Phrase[]>;
  entries: Map<string, KbEntry>;
}

let index: Index | undefined;

/** Builds the phrase index once: phrases keyed by their lower-cased first token, longest first. */
function getIndex(): Index {
  if (index) return index;
  const byFirst = new Map<string, Phrase[]>();
  const entries = new Map<string, KbEntry>();
  const seen = new Set<string>();
  for (const p of buildPhrases()) {
    const sig = `${p.ci}|${p.tokens.join(' ')}`;
    if (seen.has(sig)) continue;
    seen.add(sig);
    if (!entries.has(p.entry.kb)) entries.set(p.entry.kb, p.entry);
    const k = p.tokens[0]!.toLowerCase();
    const list = byFirst.get(k);
    if (list) list.push(p);
    else byFirst.set(k, [p]);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  index = { byFirst, entries };
  return index;
}

function isAllCaps(t: string): boolean {
  return t.length > 1 && /\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t);
}

/** What phrase matching needs of one token string, computed once per distinct token. */
interface TokenFacts {
  norm: string;
  lower: string;
  allCaps: boolean;
  /** The token as the title lists spell it (`titleKey`). */
  title: string;
  /** Phrases whose first token is this one lower-cased (longest first), or null. */
  cands: Phrase[] | null;
}

/**
 * Token string → its facts. Tokens repeat across sentences and stories, and a map hit on the token itself is
 * cheaper than lower-casing it again; the map starts over when it grows large.
 */
const tokenFacts = new Map<string, TokenFacts>();

/** Facts of one-character tokens (punctuation, "a", "I") by character code: no map lookup for them. */
const charFacts: (TokenFacts | undefined)[] = [];

function factsOf(token: string, byFirst: Map<string, Phrase[]>): TokenFacts {
  if (token.length === 1) {
    const c = token.charCodeAt(0);
    let f = charFacts[c];
    if (f === undefined) {
      const norm = normToken(token);
      const lower = norm.toLowerCase();
      f = { norm, lower, allCaps: false, title: titleKey(token), cands: byFirst.get(lower) ?? null };
      if (c < 0x10000) charFacts[c] = f;
    }
    return f;
  }
  let f = tokenFacts.get(token);
  if (f === undefined) {
    if (tokenFacts.size >= 200_000) tokenFacts.clear();
    const norm = normToken(token);
    const lower = norm.toLowerCase();
    f = { norm, lower, allCaps: isAllCaps(norm), title: titleKey(token), cands: byFirst.get(lower) ?? null };
    tokenFacts.set(token, f);
  }
  return f;
}

/** Case-aware token equality: exact, or an ALL-CAPS token (headlines) against the phrase upper-cased. */
function tokenEquals(f: TokenFacts, phrase: string, ci: boolean): boolean {
  if (ci) return f.lower === phrase;
  return f.norm === phrase || (f.allCaps && f.norm === phrase.toUpperCase());
}

/** Title entries by role (frozen, so one object serves every match). */
const titleEntries = new Map<string, KbEntry>();

function titleEntry(role: string): KbEntry {
  let e = titleEntries.get(role);
  if (!e) {
    e = entry(`title:${slug(role)}`, 'title', role, null, null);
    titleEntries.set(role, e);
  }
  return e;
}

/** The entry for a kb id, or null. */
export function kbEntry(kb: string): KbEntry | null {
  return getIndex().entries.get(kb) ?? null;
}

/**
 * Gazetteer phrases in a token array (token indices, half-open): longest match first, left to right, never
 * overlapping. Phrases are case-sensitive (so "us" is not the U.S.) except government bodies every state has
 * ("the foreign ministry") and titles; an ALL-CAPS token matches its capitalised phrase. Title runs
 * ("Vice Foreign Minister") fill the gaps between phrases with kind `title`. Lookups go through a map keyed
 * by the first token, so the cost is linear in the tokens.
 */
export function matchGazetteer(tokens: readonly string[]): GazetteerMatch[] {
  const { byFirst } = getIndex();
  const out: GazetteerMatch[] = [];
  const facts: TokenFacts[] = tokens.map((t) => factsOf(t, byFirst));
  let i = 0;
  while (i < tokens.length) {
    const cands = facts[i]!.cands;
    let best: Phrase | undefined;
    if (cands) {
      for (const p of cands) {
        if (i + p.tokens.length > tokens.length) continue;
        let ok = true;
        for (let k = 0; k < p.tokens.length && ok; k++) ok = tokenEquals(facts[i + k]!, p.tokens[k]!, p.ci);
        if (ok) {
          best = p;
          break;
        }
      }
    }
    if (best) {
      out.push({
        start: i,
        end: i + best.tokens.length,
        kb: best.entry.kb,
        kind: best.entry.kind,
        entry: best.entry,
      });
      i += best.tokens.length;
    } else i++;
  }
  // Titles in the gaps.
  const titles: GazetteerMatch[] = [];
  let prev = 0;
  const gaps: [number, number][] = [];
  for (const m of out) {
    if (m.start > prev) gaps.push([prev, m.start]);
    prev = m.end;
  }
  if (prev < tokens.length) gaps.push([prev, tokens.length]);
  for (const [gs, ge] of gaps) {
    const keys: string[] = [];
    for (let k = gs; k < ge; k++) keys.push(facts[k]!.title);
    for (const t of findTitleKeys(keys)) {
      const words = tokens.slice(gs + t.start, gs + t.end);
      const role = formatRole(words) ?? words.join(' ');
      const e = titleEntry(role);
      titles.push({ start: gs + t.start, end: gs + t.end, kb: e.kb, kind: 'title', entry: e });
    }
  }
  return [...out, ...titles].sort((a, b) => a.start - b.start);
}
