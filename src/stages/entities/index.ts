import type { CorefChain, DocumentMeta, SyntaxWord, Token } from '../../core/document.js';
import { NewsintelError } from '../../core/errors.js';
import type { OffsetMap } from '../../core/offsets.js';
import { defineStage, type Stage } from '../../core/stage.js';
import type { Entity, Span, TextSpan } from '../../core/types.js';
import { KIN_NOUNS as ENGLISH_KIN_NOUNS, FAMILY_GROUP_NOUNS } from '../../knowledge/english/index.js';
import {
  countryByIso3,
  givenNameGender,
  isHonorific,
  isTitleWord,
  kbEntry,
  lookupPerson,
  matchGazetteer,
  normToken,
  phraseTokens,
  titleGender,
} from '../../knowledge/index.js';
import { DIVIDED_COUNTRIES, type DividedCountry } from '../../knowledge/regional.js';
import { clusterPersons, resolveReferences } from './coref.js';
import {
  BODY_HEADS,
  type DocContext,
  gazetteerPass,
  isNameWord,
  nerSpans,
  type SentenceAnalysis,
  sentenceMentions,
  type WordKnowledge,
} from './extract.js';
import { CAPITALISED_STOPWORDS, fallbackTagger, type NerTagger } from './fallback-tagger.js';
import { resolveGroups } from './groups.js';
import { type Mention, type MentionKind, mentionKey } from './mention.js';
import { harmoniseDocument } from './tagger/document.js';
import { GAZETTEER_CATEGORIES, type GazetteerCategory, tokenKey } from './tagger/gazetteer.js';
import { loadDefaultTagger } from './tagger/index.js';
import { buildUnits } from './units.js';

/**
 * The text before the first `,` or `(` of the last line, as `s.replace(/[,(].*$/, '')` gave it, in linear
 * time (that regex rescans to the end from every comma).
 */
function beforeClauseMark(s: string): string {
  let lineStart = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if ('\n\r\u2028\u2029'.includes(s[i]!)) {
      lineStart = i + 1;
      break;
    }
  }
  const i = s.slice(lineStart).search(/[,(]/);
  return i < 0 ? s : s.slice(0, lineStart + i);
}

export type { NerSpan, NerTagger } from './fallback-tagger.js';
export { fallbackTagger } from './fallback-tagger.js';

/** Options of the entities stage. */
export interface EntitiesOptions {
  /**
   * The NER tagger: CoNLL-style PER/ORG/LOC/MISC spans over one sentence's tokens. `'model'` (default) is the
   * shipped statistical tagger (`./tagger/`), falling back to the rules when its model file is missing;
   * `'rules'` is the capitalised-sequence tagger alone; a function plugs in any other tagger.
   */
  tagger?: NerTagger | 'model' | 'rules';
  /** ISO3 home country of the story, for "the presidential office"; default: from dateline or publisher. */
  homeCountry?: string;
}

/** A mention in the output: its span and text plus how it names the entity (an added field). */
export interface EntityMention extends TextSpan {
  kind: MentionKind;
  /** The rule or model that found this mention or linked it to its entity (`coref:pronoun`, …; added field). */
  rule: string;
}

/**
 * An output entity with the rule that found it (added field). A group that the story refers to as a whole
 * ("they", "the two officials", "the three countries") is an entity too, with `members`: the ids of its
 * member entities (added field); its name joins theirs and its mentions are the plural references.
 */
export interface StageEntity extends Entity {
  mentions: EntityMention[];
  rule: string;
  members?: string[];
}

/** The shipped model as a NerTagger, or null when its file is missing (the rules stand in). */
function modelTagger(): NerTagger | null {
  try {
    const model = loadDefaultTagger();
    return (tokens) => model.tagSpans(tokens);
  } catch {
    return null;
  }
}

/** Word facts from the shipped model's name lists and statistics, or null when it is missing. */
let wordsCache: WordKnowledge | null | undefined;
function modelWords(): WordKnowledge | null {
  if (wordsCache !== undefined) return wordsCache;
  wordsCache = loadWords();
  return wordsCache;
}

function loadWords(): WordKnowledge | null {
  try {
    const model = loadDefaultTagger();
    const gaz = model.context.gazetteer;
    const ratio = model.context.stats.lowerRatio;
    const bit = (c: GazetteerCategory) => 1 << GAZETTEER_CATEGORIES.indexOf(c);
    const place = bit('city') | bit('country');
    const person = bit('given') | bit('family') | bit('person');
    // One lookup (a tokenisation and a hash) per distinct word and all its categories at once.
    const memo = new Map<string, number>();
    const mask = (word: string) => {
      let m = memo.get(word);
      if (m === undefined) {
        if (memo.size >= 100_000) memo.clear();
        m = gaz.lookup(word);
        memo.set(word, m);
      }
      return m;
    };
    return {
      isPlace(word) {
        const m = mask(word);
        return (m & place) !== 0 && (m & person) === 0;
      },
      lowerRatio: (word) => ratio.get(tokenKey(word.toLowerCase())) ?? 0,
      isPersonName: (word) => (mask(word) & person) !== 0,
      isGivenName: (word) => {
        const m = mask(word);
        return (m & bit('given')) !== 0 && (m & bit('family')) === 0;
      },
    };
  } catch {
    return null;
  }
}

function resolveTagger(t: EntitiesOptions['tagger']): NerTagger | null {
  if (typeof t === 'function') return t;
  if (t === 'rules') return null;
  return modelTagger();
}

/** Quotation regions of the text, as a sorted list of `[open, close)` offsets. */
function quoteRegions(text: string): (start: number) => boolean {
  const regions: Span[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) open = i;
    else if (c === 0x201d) {
      if (open >= 0) regions.push({ start: open, end: i });
      open = -1;
    } else if (c === 0x22) {
      if (open >= 0) {
        regions.push({ start: open, end: i });
        open = -1;
      } else open = i;
    } else if (c === 0x0a && open >= 0 && text.charCodeAt(i + 1) === 0x0a) open = -1;
  }
  return (start: number) => {
    let lo = 0;
    let hi = regions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = regions[mid]!;
      if (start < r.start) hi = mid - 1;
      else if (start > r.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** The story's home country from its dateline ("SEOUL") or publisher ("Yonhap News Agency"). */
export function homeCountry(meta: Partial<DocumentMeta>): string | null {
  for (const s of [meta.dateline, meta.source]) {
    if (!s) continue;
    const toks = phraseTokens(beforeClauseMark(s));
    const m = matchGazetteer(toks).find((g) => g.kind !== 'title' && g.entry.country && !g.entry.contextual);
    if (m) return m.entry.country;
  }
  return null;
}

/**
 * "the North" and "the South" in a story about a divided country (data: `DIVIDED_COUNTRIES` in
 * `src/knowledge/regional.ts`); "the two Koreas" names both halves.
 */
function dividedMentions(sents: SentenceAnalysis[], d: DividedCountry): void {
  for (const sent of sents) {
    const { toks, units } = sent;
    for (let k = 0; k + 1 < toks.length; k++) {
      if (toks[k]!.toLowerCase() !== 'the' && toks[k]!.toLowerCase() !== 'both') continue;
      const covered = (i: number) => sent.mentions.some((m) => m.s <= i && i < m.e && m.kb);
      const clear = (i: number) => {
        sent.mentions = sent.mentions.filter((m) => m.kb || !(m.s <= i && i < m.e));
      };
      const w = toks[k + 1]!;
      if ((w === 'North' || w === 'South') && toks[k]!.toLowerCase() === 'the' && !covered(k + 1)) {
        const next = toks[k + 2];
        if (next && isNameWord(next) && normToken(next) !== "'s") continue;
        const iso = w === 'North' ? d.north : d.south;
        clear(k + 1);
        sent.mentions.push(koreaMention(units, k, k + 2, iso, 'divided:the-north-south'));
        continue;
      }
      let e = k + 1;
      if (/^two$/i.test(toks[e]!)) e++;
      if (d.plural && toks[e] === d.plural && !covered(e)) {
        clear(e);
        sent.mentions.push(koreaMention(units, k, e + 1, d.north, 'divided:both-halves'));
        sent.mentions.push(koreaMention(units, k, e + 1, d.south, 'divided:both-halves'));
      }
    }
  }
}

function koreaMention(
  units: SentenceAnalysis['units'],
  s: number,
  e: number,
  iso: string,
  rule: string,
): Mention {
  const entry = kbEntry(`country:${iso}`);
  return {
    sentence: units[s]!.sentence,
    s,
    e,
    start: units[s]!.start,
    end: units[e - 1]!.end,
    text: '',
    type: 'GPE',
    kb: `country:${iso}`,
    country: iso,
    role: null,
    kind: 'name',
    rule,
    gender: null,
    speaker: false,
    inQuote: false,
    subject: false,
    entry,
    words: units.slice(s, e).map((u) => u.text),
    key: null,
    lead: false,
  };
}

/** How often the story names each country (by name, demonym, capital or city; bodies and titles aside). */
function countryCounts(
  bases: readonly {
    gaz: readonly { entry: { kind: string; country: string | null; contextual?: boolean } }[];
  }[],
): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of bases) {
    for (const g of b.gaz) {
      const c = g.entry.country;
      if (c && !g.entry.contextual && g.entry.kind !== 'title' && g.entry.kind !== 'org')
        out.set(c, (out.get(c) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * The country unqualified bodies ("the foreign ministry") belong to: the home country (dateline, publisher)
 * when the story names it beyond the dateline, else the country the story names most (a GENEVA-datelined
 * story about China), else the home country.
 */
function bodyHome(home: string | null, counts: ReadonlyMap<string, number>): string | null {
  if (home && (counts.get(home) ?? 0) >= 2) return home;
  let best: string | null = null;
  let n = 1;
  for (const [c, k] of counts) {
    if (k > n) {
      best = c;
      n = k;
    }
  }
  return best ?? home;
}

/**
 * Picks, for a demonym several states share ("Congolese", "Korean"), the one state among them that the story
 * names (by name, capital, city or its own demonym), else the home country if it is one of them, else null.
 */
function demonymResolver(
  counts: ReadonlyMap<string, number>,
  home: string | null,
): (candidates: readonly string[]) => string | null {
  return (candidates) => {
    const hits = candidates.filter((c) => counts.has(c));
    if (hits.length === 1) return hits[0]!;
    if (hits.length === 0 && home && candidates.includes(home)) return home;
    return null;
  };
}

/** Capitalised words no rule claimed: candidates for surnames of people already met ("Shin, Sullivan"). */
function bareWords(sents: SentenceAnalysis[]): void {
  for (const sent of sents) {
    const { toks, units } = sent;
    const covered = new Uint8Array(toks.length);
    for (const m of sent.mentions) for (let k = m.s; k < m.e; k++) covered[k] = 1;
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      if (covered[k] || !isNameWord(t) || CAPITALISED_STOPWORDS.has(t) || isTitleWord(t) || t.length < 2)
        continue;
      if (/^\p{Lu}+$/u.test(t) && t.length <= 4) continue;
      // "the Williams sisters": a family's name, not a mention of one member
      if (FAMILY_GROUP_NOUNS.has((toks[k + 1] ?? '').toLowerCase())) continue;
      sent.mentions.push({
        sentence: units[k]!.sentence,
        s: k,
        e: k + 1,
        start: units[k]!.start,
        end: units[k]!.end,
        text: t,
        type: 'BARE',
        kb: null,
        country: null,
        role: null,
        kind: 'partial',
        rule: 'coref:surname',
        // "Mrs. Bush": the courtesy title tells which of two Bushes
        gender: k > 0 && isHonorific(toks[k - 1]!) ? titleGender(toks[k - 1]!) : null,
        speaker: false,
        inQuote: false,
        subject: false,
        entry: null,
        words: [t],
        key: null,
        lead: false,
      });
    }
    sent.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

/** Kinship nouns and the gender they give the name after them ("his wife Lonnie", "Fujimori's son, Kenji"). */
const KIN_NOUNS = ENGLISH_KIN_NOUNS;

/**
 * A name right after a lower-case kinship noun ("his wife Lonnie", "his 60-year-old wife Tetsuyo", "X's son,
 * Kenji") is a person, whatever the tagger made of it (often nothing, or a place): nobody's wife is a town.
 * Listed entities (a kb id) keep their reading. The rule `coref:kin` also tells coreference that the story
 * introduced this person through a relative, who keeps the bare shared surname.
 */
function kinNames(sents: SentenceAnalysis[]): void {
  for (const sent of sents) {
    const { toks } = sent;
    const names = sent.mentions.filter((m) => !m.kb && m.kind === 'name' && m.type !== 'NORP');
    for (let i = 0; i < names.length; i++) {
      const m = names[i]!;
      if (m.s === 0) continue;
      const k = toks[m.s - 1] === ',' ? m.s - 2 : m.s - 1;
      const noun = k >= 0 ? toks[k]! : '';
      const one = KIN_NOUNS.get(noun);
      const many = PLURAL_KIN.get(noun);
      if (one === undefined && many === undefined) continue;
      // "his daughters Venus and Serena", "his sons A, B and C": every name of the list is a relative
      const list = [m];
      if (many !== undefined) {
        for (let j = i + 1; j < names.length; j++) {
          const prev = list[list.length - 1]!;
          const gap = toks.slice(prev.e, names[j]!.s);
          if (gap.length !== 1 || (gap[0] !== ',' && gap[0] !== 'and')) break;
          list.push(names[j]!);
          if (gap[0] === 'and') break;
        }
      }
      for (const x of list) {
        // the rule marks the person as introduced through a relative, for choosing between namesakes (coref.ts)
        x.type = 'PERSON';
        x.rule = 'coref:kin';
        x.gender ??= (one ?? many) || null;
      }
    }
  }
}

/** Plural kinship nouns ("daughters", "wives") and the gender of each relative they name (null: either). */
const PLURAL_KIN: ReadonlyMap<string, 'm' | 'f' | null> = new Map(
  [...KIN_NOUNS].map(([w, g]) => [w === 'wife' ? 'wives' : `${w}s`, g] as const),
);

/**
 * "Venus and Serena Williams", "Raul and Fidel Castro": a lone given name joined by "and" to a full name of
 * two words shares that name's surname, so it is that sibling's full name, not a person called only "Venus".
 * Only a given name the tagger or the kin rule made a person, never a listed entity.
 */
function sharedSurnames(sents: SentenceAnalysis[]): void {
  for (const sent of sents) {
    const { toks } = sent;
    for (const m of sent.mentions) {
      if (m.type !== 'PERSON' || m.kb || m.kind !== 'name' || m.e - m.s !== 1 || toks[m.e] !== 'and')
        continue;
      const next = sent.mentions.find((n) => n.s === m.e + 1 && n.type === 'PERSON' && n.e - n.s === 2);
      if (!next || next.kb || !isNameWord(toks[next.e - 1]!)) continue;
      m.words = [m.words[0]!, next.words[next.words.length - 1]!];
    }
  }
}

/** Last words of a body named after a cause, which a place can follow ("… for Human Rights in Burma"). */
const CAUSE_WORDS = new Set(
  (
    'Rights Democracy Freedom Freedoms Peace Security Cooperation Co-operation Development Reconciliation ' +
    'Justice Reform Reforms Unification Reunification Independence Liberation Solidarity Truth Accountability'
  ).split(' '),
);

/**
 * "US Committee for Human Rights in North Korea", "Organization for Security and Cooperation in Europe": a
 * body named "… for/of <cause>" that the tagger ended before "in <country or region>" takes the place in; the
 * place is part of its name, not a mention of the place. Cities stay apart ("… for Human Rights in Geneva" is
 * more often where the body sits).
 */
function bodyPlaceTails(sents: SentenceAnalysis[], text: string): void {
  for (const sent of sents) {
    const { toks, units } = sent;
    let drop: Mention | null = null;
    for (const m of sent.mentions) {
      if (m.type !== 'ORG' || m.kind !== 'name' || toks[m.e] !== 'in') continue;
      if (!CAUSE_WORDS.has(toks[m.e - 1]!)) continue;
      if (!toks.slice(m.s, m.e).some((t) => t === 'for' || t === 'of' || t === 'on')) continue;
      const place = sent.mentions.find(
        (n) =>
          n.s === m.e + 1 &&
          (n.type === 'GPE' || n.type === 'LOC') &&
          (n.kb?.startsWith('country:') || n.kb?.startsWith('loc:')),
      );
      if (!place || (toks[place.e] !== undefined && isNameWord(toks[place.e]!))) continue;
      m.e = place.e;
      m.end = place.end;
      m.words = units.slice(m.s, m.e).map((u) => u.text);
      m.text = text.slice(m.start, m.end);
      drop = place;
      break;
    }
    if (drop) sent.mentions = sent.mentions.filter((x) => x !== drop);
  }
}

/**
 * "The US Air Force said … Air Force sergeant Danny Matlock": a national body the story has tied to exactly
 * one country (by a country word before it) is that country's body where it stands alone, capitalised.
 */
function storyBodies(sents: SentenceAnalysis[], bases: readonly { gaz: SentenceAnalysis['gaz'] }[]): void {
  const resolved = new Map<string, Mention | null>();
  const loose: Mention[] = [];
  const looseKb = new Map<Mention, string>();
  sents.forEach((sent, i) => {
    for (const g of bases[i]?.gaz ?? []) {
      if (!g.entry.needsCountry) continue;
      const m = sent.mentions.find((x) => x.s === g.start && x.e === g.end);
      if (!m) continue;
      if (m.kb && m.kb !== g.kb && m.rule === 'gazetteer:contextual') {
        const prev = resolved.get(g.kb);
        // two countries' armies: a bare "Army" could be either
        if (prev === undefined) resolved.set(g.kb, m);
        else if (prev && prev.kb !== m.kb) resolved.set(g.kb, null);
      } else if (!m.kb && m.kind === 'name' && /^\p{Lu}/u.test(m.words[0] ?? '') && m.type !== 'PERSON') {
        loose.push(m);
        looseKb.set(m, g.kb);
      }
    }
  });
  for (const m of loose) {
    const target = resolved.get(looseKb.get(m)!);
    if (!target) continue;
    m.type = target.type;
    m.kb = target.kb;
    m.entry = target.entry;
    m.country = target.country;
    m.rule = 'gazetteer:contextual-story';
  }
}

/** "(R-Ohio)", "(D-N.Y.)": a US lawmaker's party and state after the name. */
const PARTY_TAG = /^[RDI]-\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?$/u;

/** Reporting verbs that open an inverted attribution at the start of a sentence ("Said Ellis: …"). */
const INVERTED_VERBS = new Set(['Said', 'Says', 'Added', 'Asked', 'Wrote', 'Explained', 'Noted']);

/**
 * Tidies spans the tagger takes from American copy: a party-and-state tag in brackets after a name ("Rep. Jim
 * Jordan (R-Ohio)") is no entity, and an inverted attribution at the start of a sentence ("Said Ellis: …")
 * is the person without the verb.
 */
function usCopy(sents: SentenceAnalysis[], text: string): void {
  for (const sent of sents) {
    const { toks, units } = sent;
    let changed = false;
    for (const m of sent.mentions) {
      if (m.kb) continue;
      if (toks[m.s - 1] === '(' && toks[m.e] === ')' && PARTY_TAG.test(text.slice(m.start, m.end))) {
        m.type = 'DROP';
        changed = true;
        continue;
      }
      const first = m.words[0] ?? '';
      if (
        (m.type === 'PERSON' || m.type === 'UNK') &&
        m.kind === 'name' &&
        INVERTED_VERBS.has(first) &&
        m.e - m.s >= 2 &&
        (m.s === 0 || /^[“"‘']$/.test(toks[m.s - 1]!)) &&
        // a colon, or a comma and the quotation ("Said Ellis, “…”"): not "Said Jalili, the negotiator, …"
        (toks[m.e] === ':' || (toks[m.e] === ',' && /^[“"‘']$/.test(toks[m.e + 1] ?? '')))
      ) {
        m.s++;
        m.start = units[m.s]!.start;
        m.words = m.words.slice(1);
        m.text = text.slice(m.start, m.end);
        m.speaker = true;
      }
    }
    if (changed) sent.mentions = sent.mentions.filter((m) => m.type !== 'DROP');
  }
}

/**
 * "Patriot Coal … Patriot filed for bankruptcy": a lone capitalised word after a body the story names in full,
 * that is that body's first word (and of no person it names, and no listed personal name) is that body's
 * short name. Not a word often written in lower case ("Tax Justice" … "Tax"), and not the first word of a
 * committee or ministry ("Senate Armed Services Committee" … "Senate" is another body).
 */
function shortBodyNames(sents: SentenceAnalysis[], words: WordKnowledge | null): void {
  const isPersonName = words?.isPersonName ?? null;
  const firsts = new Map<string, Mention | null>();
  const firstAt = new Map<string, number>();
  const personWords = new Set<string>();
  for (const sent of sents) {
    for (const m of sent.mentions) {
      if (m.kind !== 'name') continue;
      if (m.type === 'PERSON' || m.type === 'UNK') {
        if (m.e - m.s >= 2) for (const w of m.words) personWords.add(w);
      } else if (
        m.type === 'ORG' &&
        m.e - m.s >= 2 &&
        !m.kb &&
        !BODY_HEADS.has(m.words[m.words.length - 1]!)
      ) {
        const w = m.words[0]!;
        if (!/^\p{Lu}\p{Ll}+$/u.test(w) || CAPITALISED_STOPWORDS.has(w) || isTitleWord(w)) continue;
        if (words && words.lowerRatio(w) > 2) continue;
        const prev = firsts.get(w);
        // "Patriot Coal" and "Patriot Bank": the short name could be either
        if (prev === undefined) {
          firsts.set(w, m);
          firstAt.set(w, m.start);
        } else if (prev && prev.text !== m.text) firsts.set(w, null);
      }
    }
  }
  if (firsts.size === 0) return;
  for (const sent of sents) {
    for (const m of sent.mentions) {
      if (m.kb || m.e - m.s !== 1 || m.role || m.gender) continue;
      if (m.type !== 'PERSON' && m.type !== 'UNK' && m.type !== 'ORG' && m.type !== 'BARE') continue;
      const w = m.words[0]!;
      const target = firsts.get(w);
      // the short name follows the full one ("Tax" in a headline is no "Tax Foundation")
      if (!target || m.start < firstAt.get(w)!) continue;
      if (personWords.has(w) || isPersonName?.(w) || givenNameGender(w)) continue;
      m.type = 'ORG';
      m.key = mentionKey(target);
      m.country = target.country;
      m.rule = 'ner:short-name';
    }
  }
}

/** Words left out of an acronym ("Organization of the Petroleum Exporting Countries" → OPEC). */
const ACRONYM_SKIP = new Set([
  'of',
  'the',
  'and',
  'for',
  'on',
  'in',
  'to',
  'de',
  'du',
  'des',
  'la',
  'le',
  '&',
]);

/** The initials a name's words give, with and without its small words ("Human Rights Watch" → HRW). */
function initials(words: readonly string[]): string[] {
  const parts = words.flatMap((w) => w.split('-')).filter((w) => /^\p{L}/u.test(w));
  const all = parts.map((w) => w[0]!.toUpperCase()).join('');
  const main = parts
    .filter((w) => !ACRONYM_SKIP.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return all === main ? [main] : [main, all];
}

/**
 * "Human Rights Watch (HRW) said … HRW urged": an acronym in brackets right after a name whose initials it
 * spells names the same entity for the rest of the story; every mention of it (however the tagger typed it,
 * or untagged) joins that entity.
 */
function acronyms(sents: SentenceAnalysis[]): void {
  const defs = new Map<string, Mention>();
  for (const sent of sents) {
    const { toks } = sent;
    for (const m of sent.mentions) {
      if (m.type === 'PERSON' || m.kind !== 'name' || m.e - m.s < 2) continue;
      if (toks[m.e] !== '(' || toks[m.e + 2] !== ')') continue;
      const acr = toks[m.e + 1]!;
      if (!/^\p{Lu}{2,8}$/u.test(acr) || defs.has(acr)) continue;
      if (initials(m.words).includes(acr)) defs.set(acr, m);
    }
  }
  if (defs.size === 0) return;
  for (const sent of sents) {
    const { toks, units } = sent;
    for (let k = 0; k < toks.length; k++) {
      const target = defs.get(toks[k]!);
      if (!target) continue;
      const here = sent.mentions.filter((m) => m.s <= k && k < m.e);
      if (here.some((m) => m.e - m.s > 1 || m.kind !== 'name')) continue;
      let m = here[0];
      if (!m) {
        const u = units[k]!;
        m = {
          ...target,
          sentence: u.sentence,
          s: k,
          e: k + 1,
          start: u.start,
          end: u.end,
          words: [u.text],
          speaker: false,
          subject: false,
          inQuote: false,
        };
        sent.mentions.push(m);
        sent.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
      }
      m.type = target.type;
      m.kb = target.kb;
      m.entry = target.entry;
      m.country = target.country;
      m.role = null;
      m.gender = null;
      m.key = mentionKey(target);
      m.rule = 'acronym';
      m.text = toks[k]!;
    }
  }
}

/**
 * A name the story shows to be a newspaper or agency once ("the daily Kommersant", "Kommersant reported") is
 * one wherever it stands alone with no title or gender ("Kommersant said"), not a person nor an unlisted place
 * ("according to Kommersant").
 */
function publications(sents: SentenceAnalysis[]): void {
  const names = new Map<string, Mention>();
  for (const sent of sents) {
    for (const m of sent.mentions) if (m.rule === 'ner:publication') names.set(m.words.join(' '), m);
  }
  if (names.size === 0) return;
  for (const sent of sents) {
    for (const m of sent.mentions) {
      const placeLike = (m.type === 'GPE' || m.type === 'LOC') && !m.kb;
      if (m.type !== 'PERSON' && m.type !== 'UNK' && m.type !== 'BARE' && !placeLike) continue;
      if (m.role || m.gender || m.kind !== 'name') continue;
      const target = names.get(m.words.join(' '));
      if (!target) continue;
      m.type = 'ORG';
      m.kb = target.kb;
      m.entry = target.entry;
      m.country = target.country;
      m.rule = 'ner:publication';
    }
  }
}

/** A mention written in capitals only ("KIM JONG-IL" in a headline). */
function allCaps(t: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t);
}

function displayName(m: Mention): string {
  if (m.kb?.startsWith('gov:') && m.entry?.contextual && m.country) {
    const c = countryByIso3(m.country);
    const adj = c?.demonyms[0] ?? c?.name ?? m.country;
    return `${adj} ${m.entry.name}`;
  }
  return m.entry?.name ?? m.text;
}

/**
 * Runs mention finding, person clustering and reference resolution over a document's text, sentences and
 * tokens, and returns the public entities (ids e1… in order of first mention).
 */
export function extractEntities(
  text: string,
  sentences: readonly Span[],
  tokens: readonly Token[],
  meta: Partial<DocumentMeta>,
  options: EntitiesOptions = {},
  syntax?: readonly SyntaxWord[],
): StageEntity[] {
  const units = buildUnits(text, tokens, sentences);
  const quoted = quoteRegions(text);
  const bases = units.map((u) => gazetteerPass(u));
  const home = options.homeCountry ?? homeCountry(meta);
  const counts = countryCounts(bases);
  const ctx: DocContext = {
    home: options.homeCountry ?? bodyHome(home, counts),
    named: counts,
    demonymCountry: demonymResolver(counts, home),
    quoted,
    tagger: resolveTagger(options.tagger),
    fallback: fallbackTagger,
    words: options.tagger === 'rules' || typeof options.tagger === 'function' ? null : modelWords(),
  };
  // Tag every sentence first, then make the story's readings of one name agree (tagger/document.ts).
  const tagged = bases.map((b) => nerSpans(b, ctx));
  if (ctx.tagger && tagged.length > 1) {
    harmoniseDocument(tagged.map((t) => ({ tokens: t.input, spans: t.spans })));
  }
  const sents = bases.map((b, i) => sentenceMentions(b, ctx, tagged[i]!.spans));
  // "the North"/"the South" only in a story that names one half (or the peninsula: `loc:korea…` kb ids)
  for (const d of DIVIDED_COUNTRIES) {
    const about = sents.some((s) =>
      s.gaz.some(
        (g) =>
          g.entry.country === d.north ||
          g.entry.country === d.south ||
          (d.plural !== null && g.kb.startsWith(`loc:${d.plural.toLowerCase().replace(/s$/, '')}`)),
      ),
    );
    if (about) dividedMentions(sents, d);
  }
  usCopy(sents, text);
  bareWords(sents);
  kinNames(sents);
  sharedSurnames(sents);
  bodyPlaceTails(sents, text);
  storyBodies(sents, bases);
  acronyms(sents);
  publications(sents);
  shortBodyNames(sents, ctx.words ?? null);
  const ordered = sents.flatMap((s) => s.mentions);
  clusterPersons(ordered);
  const refs = resolveReferences(sents, quoted, syntax);
  const plural = resolveGroups(sents, quoted);

  // Group into entities.
  const groups = new Map<string, Mention[]>();
  for (const m of [...ordered, ...refs, ...plural]) {
    const k = mentionKey(m);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(m);
    else groups.set(k, [m]);
  }
  const entities: StageEntity[] = [];
  const byKey = new Map<string, StageEntity>();
  const groupLists: [StageEntity, string[]][] = [];
  const memberOf = new Map<StageEntity, StageEntity[]>();
  for (const [gk, list] of groups) {
    list.sort((a, b) => a.start - b.start);
    const first = list[0]!;
    const names = list.filter((m) => m.kind === 'name' || m.kind === 'partial');
    const seen = new Set<number>();
    const mentions: EntityMention[] = [];
    for (const m of list) {
      // exact while (length + 1)² < 2^53, i.e. for any text under 94 million characters
      const id = m.start * (text.length + 1) + m.end;
      if (seen.has(id)) continue;
      seen.add(id);
      mentions.push({
        start: m.start,
        end: m.end,
        text: text.slice(m.start, m.end),
        kind: m.kind,
        rule: m.rule,
      });
    }
    let name: string;
    let kb: string | null = first.kb;
    let country: string | null = list.find((m) => m.country)?.country ?? null;
    let role: string | null = null;
    if (first.members) {
      name = '';
      kb = null;
    } else if (first.type === 'PERSON') {
      // The fullest name, written in ordinary case when the story has it so (not "KIM JONG-IL" from a headline).
      const fullest = (names.length > 0 ? names : list).reduce((a, b) =>
        b.words.length > a.words.length ||
        (b.words.length === a.words.length &&
          (allCaps(a.text) !== allCaps(b.text) ? allCaps(a.text) : b.end - b.start > a.end - a.start))
          ? b
          : a,
      );
      name = text.slice(fullest.start, fullest.end).replace(/[’']s$/, '');
      // "Jacques) Chirac": a name joined across a bracket is its words
      if (name.includes(')')) name = fullest.words.join(' ').replace(/ [’']s$/, '');
      const known = lookupPerson(name);
      kb = known?.kb ?? null;
      country ??= known?.country ?? null;
      role = list.find((m) => m.role)?.role ?? null;
    } else {
      const withEntry = list.find((m) => m.entry);
      name = withEntry ? displayName(withEntry) : text.slice(first.start, first.end).replace(/[’']s$/, '');
      if (!withEntry) {
        const longest = list.reduce((a, b) =>
          allCaps(a.text) !== allCaps(b.text)
            ? allCaps(a.text)
              ? b
              : a
            : b.end - b.start > a.end - a.start
              ? b
              : a,
        );
        name = text.slice(longest.start, longest.end);
      }
    }
    const ent: StageEntity = {
      id: '',
      type: first.type,
      name,
      kb,
      country,
      role,
      mentions,
      rule: first.rule,
    };
    if (first.members) groupLists.push([ent, first.members]);
    byKey.set(gk, ent);
    entities.push(ent);
  }
  // Groups: name, shared country and role from the members (members missing from the output drop out).
  for (const [ent, keys] of groupLists) {
    const members = keys
      .map((k) => byKey.get(k))
      .filter((e): e is StageEntity => !!e && !e.members)
      .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
    if (members.length < 2) {
      entities.splice(entities.indexOf(ent), 1);
      continue;
    }
    const names = members.map((e) => e.name);
    ent.name = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const same = (f: (e: StageEntity) => string | null) => {
      const v = f(members[0]!);
      return members.every((e) => f(e) === v) ? v : null;
    };
    ent.country = same((e) => e.country);
    ent.role = same((e) => e.role);
    memberOf.set(ent, members);
  }

  entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start || a.name.localeCompare(b.name));
  entities.forEach((e, i) => {
    e.id = `e${i + 1}`;
  });
  for (const [group, members] of memberOf) group.members = members.map((m) => m.id);
  return entities;
}

/**
 * Widens any mention edge that falls strictly inside a repaired block (the repair stage's `OffsetMap`) to the
 * block's edge, so that every mention maps back to whole raw characters. Tokens normally respect repaired
 * blocks already; this makes it a guarantee whatever tokeniser ran.
 */
export function snapToRepairs(entities: StageEntity[], text: string, map: OffsetMap): void {
  const blocks = map.segments.filter((s) => s.repaired && s.textEnd - s.textStart > 1);
  if (blocks.length === 0) return;
  const inside = (i: number) => {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = blocks[mid]!;
      if (i <= b.textStart) hi = mid - 1;
      else if (i >= b.textEnd) lo = mid + 1;
      else return b;
    }
    return null;
  };
  for (const e of entities) {
    for (const m of e.mentions) {
      const a = inside(m.start);
      const b = inside(m.end);
      if (!a && !b) continue;
      if (a) m.start = a.textStart;
      if (b) m.end = b.textEnd;
      m.text = text.slice(m.start, m.end);
    }
  }
}

/**
 * The `coref` layer: one chain per entity, its mentions in text order with the rule that linked each. It is
 * computed once here, from the same clusters the entities carry, so quotes, events and claims read one answer
 * to "who is 'he'?" instead of resolving references again.
 */
export function corefChains(entities: readonly StageEntity[]): CorefChain[] {
  return entities.map((e) => ({
    entity: e.id,
    mentions: e.mentions
      .map((m) => ({ start: m.start, end: m.end, text: m.text, rule: m.rule }))
      .sort((a, b) => a.start - b.start || a.end - b.end),
  }));
}

/**
 * The entities stage: named entities typed PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, LAW, resolved against the
 * actor knowledge base (kb id, country, role), with every mention including surnames, pronouns and
 * nominals. NER spans come from the pluggable tagger and are refined with the gazetteer; no span crosses a
 * sentence.
 */
export function entitiesStage(options: EntitiesOptions = {}): Stage<EntitiesOptions> {
  const t = options.tagger;
  if (t !== undefined && typeof t !== 'function' && t !== 'model' && t !== 'rules') {
    throw new NewsintelError('E_OPTIONS', "entities: options.tagger must be 'model', 'rules' or a function");
  }
  if (options.homeCountry !== undefined && !countryByIso3(options.homeCountry)) {
    throw new NewsintelError('E_OPTIONS', `entities: unknown home country '${options.homeCountry}'`);
  }
  return defineStage({
    name: 'entities',
    requires: ['text', 'sentences', 'tokens'],
    assigns: ['entities', 'coref'],
    options,
    run(doc) {
      const entities = extractEntities(
        doc.text,
        doc.get('sentences'),
        doc.get('tokens'),
        doc.source.meta,
        options,
        // pronouns read clause structure when the syntax stage ran before (it is optional: `syntax: false`)
        doc.has('syntax') ? doc.get('syntax') : undefined,
      );
      if (doc.has('offsetMap')) snapToRepairs(entities, doc.text, doc.get('offsetMap'));
      return { entities, coref: corefChains(entities) };
    },
  });
}
