/**
 * User search queries, parsed once into a tiny AST and rendered for each engine. Users type free text; raw
 * FTS5 or tsquery syntax errors (unbalanced quotes, `AND OR`, stray `*` or `:`) must never reach the
 * database, so everything that is not a word, a balanced "phrase", a `-negation`, a trailing `*` or `OR`
 * is dropped, and every word is re-quoted before rendering.
 *
 * Stemming: both engines stem the query with the stemmer they used for the index (FTS5 `porter`, PostgreSQL
 * `english`), so `agency` matches "agencies" (both stem to the truncated `agenc`). FTS5's porter is the
 * original 1980 algorithm, whose step 1c turns a final y into i *before* step 4 strips -ment: "deploy" and
 * "deploying" stem to `deploi` but "deployment" to `deploy`, so a bare `deploy` misses "deployment". Single
 * words are therefore expanded into their common inflections (`deploy` → deploy, deploys, deployed,
 * deploying, deployment, …) and OR-ed; each form is stemmed exactly as the same word in a document would be,
 * so whichever stem porter picks, it matches. Phrases are not expanded.
 *
 * Prefix queries have a second quirk: FTS5's porter tokenizer also stems the *prefix* token, so `deployme*`
 * becomes `deploym*` and `deploy*` becomes `deploi*`, neither of which prefixes the stored stem `deploy`.
 * Prefixes are passed through for power users, but plain words are the reliable way to search and the UI
 * never adds `*` itself.
 */

/** One searchable item: a single word or a phrase of words. */
export interface QueryItem {
  words: string[];
  /** Trailing `*`: the last word is a prefix. */
  prefix: boolean;
  /** Leading `-`: documents containing it are excluded. */
  negated: boolean;
}

/** Groups are alternatives (OR); items inside a group must all match (AND). */
export interface ParsedQuery {
  groups: QueryItem[][];
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Lower-cases before splitting, so that case folding cannot leave a word with characters the renderers do not
 * expect: "İ" lower-cases to "i" plus a combining dot, which we drop (it is what a Turkish "İstanbul" means in
 * an English index). NFC first, so decomposed accents stay inside their word.
 */
function wordsOf(s: string): string[] {
  return (
    s
      .normalize('NFC')
      .toLowerCase()
      .replace(/i\u0307/g, 'i')
      .match(WORD) ?? []
  );
}

/**
 * Bounds on one query. Each single word expands into about eight forms, so the cost of a query grows with
 * its number of distinct items; repeated items are dropped (they cannot change which documents match) and
 * the rest are capped, so no query can cost more than a fixed amount. The service refuses queries over
 * `MAX_QUERY_CHARS` before they are parsed (see `checkQueryBounds`).
 */
export const MAX_QUERY_ITEMS = 32;
/** The longest query accepted, in UTF-16 code units. */
export const MAX_QUERY_CHARS = 1000;

/** The number of items (words and phrases) over all groups of a parsed query. */
export function queryItemCount(q: ParsedQuery): number {
  return q.groups.reduce((n, g) => n + g.length, 0);
}

function itemKey(i: QueryItem): string {
  return `${i.negated ? '-' : ''}${i.words.join(' ')}${i.prefix ? '*' : ''}`;
}

/** Drops repeated items inside a group and repeated groups (order-insensitive): both are no-ops for matching. */
function dedupe(groups: QueryItem[][]): QueryItem[][] {
  const seenGroups = new Set<string>();
  const out: QueryItem[][] = [];
  for (const g of groups) {
    const seen = new Set<string>();
    const items = g.filter((i) => {
      const k = itemKey(i);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const gk = [...seen].sort().join('\u0000');
    if (seenGroups.has(gk)) continue;
    seenGroups.add(gk);
    out.push(items);
  }
  return out;
}

/**
 * Parses free text into a query. Never throws; an input without words gives no groups. Repeated items are
 * dropped; `checkQueryBounds` tells callers when what is left is still too much.
 */
export function parseSearchQuery(input: string): ParsedQuery {
  const groups: QueryItem[][] = [[]];
  // Balanced "…" phrases, or runs of non-space characters. A lone quote is just dropped by `wordsOf`.
  const re = /(-?)"([^"]*)"(\*?)|(\S+)/g;
  for (let m = re.exec(input); m !== null; m = re.exec(input)) {
    const current = groups[groups.length - 1]!;
    if (m[4] === undefined) {
      const words = wordsOf(m[2] ?? '');
      if (words.length > 0) current.push({ words, prefix: m[3] === '*', negated: m[1] === '-' });
      continue;
    }
    const token = m[4];
    if (token === 'OR' || token === '|') {
      if (current.length > 0) groups.push([]);
      continue;
    }
    if (token === 'AND' || token === 'NOT' || token === 'NEAR' || token === '&') continue;
    const words = wordsOf(token);
    if (words.length === 0) continue;
    current.push({ words, prefix: /\*$/.test(token), negated: token.startsWith('-') });
  }
  // A group of only negations cannot be expressed in FTS5 (NOT is binary) and would match nearly everything.
  return { groups: dedupe(groups.filter((g) => g.some((i) => !i.negated))) };
}

/**
 * Why a query is too costly to run, or null when it is within bounds: over `MAX_QUERY_CHARS` characters, or
 * more than `MAX_QUERY_ITEMS` distinct words and phrases after deduplication.
 */
export function checkQueryBounds(input: string): string | null {
  if (input.length > MAX_QUERY_CHARS) {
    return `the query is ${input.length} characters long; at most ${MAX_QUERY_CHARS} are accepted`;
  }
  const n = queryItemCount(parseSearchQuery(input));
  if (n > MAX_QUERY_ITEMS) {
    return `the query has ${n} distinct words and phrases; at most ${MAX_QUERY_ITEMS} are accepted`;
  }
  return null;
}

/** True when the query has something to search for. */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.groups.length === 0;
}

const SUFFIXES = [
  'ations',
  'ation',
  'ments',
  'ment',
  'ings',
  'ing',
  'ions',
  'ion',
  'ers',
  'er',
  'ed',
  'es',
  's',
];

/**
 * A word and its common English inflections, found by stripping one known suffix (keeping a base of at
 * least four letters) and adding each suffix back. Over-generation is harmless: an invented form only
 * matches documents that contain a word with the same stem.
 */
export function wordForms(word: string): string[] {
  if (/\d/.test(word) || word.length < 3) return [word];
  let base = word;
  for (const suf of SUFFIXES) {
    if (word.endsWith(suf) && word.length - suf.length >= 4) {
      base = word.slice(0, -suf.length);
      break;
    }
  }
  const forms = new Set([word, base]);
  if (base.length < 4) {
    forms.add(base + 's');
    return [...forms];
  }
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  forms.add(base.endsWith('s') ? base + 'es' : base + 's');
  forms.add(stem + 'ed');
  forms.add(stem + 'ing');
  forms.add(base + 'ment');
  forms.add(stem + 'ion');
  forms.add(stem + 'er');
  if (/[^aeiou]y$/.test(base)) {
    forms.add(base.slice(0, -1) + 'ies');
    forms.add(base.slice(0, -1) + 'ied');
  }
  return [...forms];
}

function fts5Item(i: QueryItem): string {
  if (i.words.length === 1 && !i.prefix) {
    const forms = wordForms(i.words[0]!).map((f) => `"${f}"`);
    return forms.length === 1 ? forms[0]! : `(${forms.join(' OR ')})`;
  }
  return `"${i.words.join(' ')}"${i.prefix ? '*' : ''}`;
}

/** Renders for an FTS5 MATCH. Words contain only letters and digits, so quoting them is always safe. */
export function toFts5(q: ParsedQuery): string {
  return q.groups
    .map((g) => {
      const pos = g.filter((i) => !i.negated).map(fts5Item);
      const neg = g.filter((i) => i.negated).map(fts5Item);
      return '(' + pos.join(' AND ') + neg.map((n) => ` NOT ${n}`).join('') + ')';
    })
    .join(' OR ');
}

function tsItem(i: QueryItem): string {
  if (i.words.length === 1 && !i.prefix) {
    const forms = wordForms(i.words[0]!);
    const body = forms.length === 1 ? forms[0]! : `(${forms.join(' | ')})`;
    return i.negated ? `!${body}` : body;
  }
  const words = i.words.map((w, k) => (i.prefix && k === i.words.length - 1 ? `${w}:*` : w));
  const body = words.length === 1 ? words[0]! : `(${words.join(' <-> ')})`;
  return i.negated ? `!${body}` : body;
}

/** Renders for PostgreSQL `to_tsquery('english', …)`, which stems each word as the index did. */
export function toTsQuery(q: ParsedQuery): string {
  return q.groups.map((g) => `(${g.map(tsItem).join(' & ')})`).join(' | ');
}
