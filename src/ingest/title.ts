import type { VersionTag } from '../core/types.js';

/**
 * Parsing of a wire story's title slot: the headline with its update markers (`(3rd LD)`, `2nd Ld:`,
 * `ATTENTION - ADDS quotes ///`, `=(PICTURE)=`) and bylines (`... by Jacques Boyer`, `By Li Xuejun`) split
 * off. Shared by the wire-text, JSON and HTML readers.
 */
export interface ParsedTitle {
  headline: string | null;
  byline: string | null;
  version: VersionTag | null;
  warnings: string[];
}

interface Marker {
  tag: string;
  number: number | null;
  /** 3 = numbered update, 2 = other update or status marker, 1 = media marker. */
  rank: number;
}

const ORDINAL = '(\\d{1,2})(?:st|nd|rd|th)';
const NUMBERED_PREFIX_RE = new RegExp(`^${ORDINAL}\\s+(?:Ld|LD|Lead|LEAD|lead)\\b\\s*[:\\-–—]?\\s*`);
const UPDATE_PREFIX_RE = /^(UPDATE|Update)[- ]?(\d{1,2})\s*[:\-–—]\s*/;
const STATUS_PREFIX_RE =
  /^(URGENT|FLASH|BULLETIN|ALERT|BREAKING|CORRECTED|CORRECTION|REFILE|REPEAT|WRAPUP(?:\s+\d+)?|LEAD|UPDATE)\s*[:\-–—]\s*/;
const LEADING_PAREN_RE = /^\(([^()]{1,40})\)\s*/;
const TRAILING_PAREN_RE = /(?<!\s)\s*\(([^()]{1,40})\)\s*$/;
const MEDIA_RE =
  /=\s*\(\s*((?:GRAPHIC|PICTURE|PHOTO|VIDEO)(?:\s*\+\s*(?:GRAPHIC|PICTURE|PHOTO|VIDEO)S?)*S?)\s*\)\s*=/gi;
/** Words that make a trailing parenthesis an update or media marker rather than part of the headline. */
const TRAILING_MARKER_WORDS =
  /^(?:ADDS?\b.*|UPDATES?\b.*|RECASTS?\b.*|CORRECTS?\b.*|REFILES?\b.*|REPEATS?\b.*|WRAPS?UP\b.*|new series|pictures?|photos?|graphics?|video|PICTURES?|PHOTOS?|GRAPHICS?|VIDEO|LEAD|URGENT|\d{1,2}(?:st|nd|rd|th) LD)$/i;
const SLUG_KEYWORD_RE =
  /\b(?:ADDS|ADDING|UPDATES|UPDATING|RECASTS|CORRECTS|CORRECTING|REFILING|REFILES|EMBARGO(?:ED)?|REPEATS|WITHDRAWN|KILL|SUBS|CLARIFIES|CHANGES)\b/;

/** Tokens that start a place or title, not a person: `by North Korea` is an agent, not a byline. */
const NOT_NAME_START = new Set([
  'north',
  'south',
  'east',
  'west',
  'new',
  'saudi',
  'sri',
  'white',
  'united',
  'european',
  'security',
  'supreme',
  'president',
  'prime',
  'foreign',
  'defense',
  'defence',
  'un',
  'us',
  'u.s.',
  'the',
  'kim',
  'hong',
  'costa',
  'el',
  'al',
  'los',
  'las',
  'san',
  'santa',
  'st.',
  'mount',
  'lake',
  'cape',
  'gulf',
  'red',
  'black',
  'middle',
  'central',
  'state',
  'national',
  'congress',
  'parliament',
  'israeli',
  'chinese',
  'russian',
  'american',
]);
const PARTICIPLE_BEFORE_BY =
  /(?:ed|en|wn|lt|ht|ck)$|^(?:led|held|hit|won|made|set|shot|cut|put|met|sent|seen|run|struck|beaten|hurt|bought|brought|caught|fought|sought|taught|thought|built|found|kept|left|lost|told|sold|paid|said|read|won|begun|done|gone)$/i;
const NAME_TOKEN = "[A-Z][a-zA-Z'’.\\-]*";
const TRAILING_BYLINE_RE = new RegExp(`^(.*\\S)\\s+by\\s+(${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){1,3})$`);
const WHOLE_BYLINE_RE = new RegExp(
  `^[Bb][Yy]:?\\s+(${NAME_TOKEN}(?:\\s+${NAME_TOKEN}){0,3})(?:\\s*,\\s*[A-Z][\\w .]{0,40})?$`,
);

/** Reads one marker's update number: `LEAD` = 1, `2nd LD` = 2, `UPDATE-2` = 2. */
function markerNumber(tag: string): number | null {
  if (/^lead$/i.test(tag.trim())) return 1;
  const m = /^(\d{1,2})(?:st|nd|rd|th)\s+(?:LD|Ld|Lead|LEAD|lead)$/.exec(tag.trim());
  if (m) return Number(m[1]);
  const u = /^UPDATE[- ]?(\d{1,2})$/i.exec(tag.trim());
  if (u) return Number(u[1]);
  return null;
}

function rankOf(tag: string, number: number | null): number {
  if (number !== null) return 3;
  if (/^(?:GRAPHIC|PICTURE|PHOTO|VIDEO|pictures?|photos?)/i.test(tag)) return 1;
  return 2;
}

function pushMarker(markers: Marker[], tag: string): void {
  const clean = tag.replace(/\s+/g, ' ').trim();
  if (clean === '') return;
  const number = markerNumber(clean);
  markers.push({ tag: clean, number, rank: rankOf(clean, number) });
}

/** True when `name` reads as a person's name rather than a place or an organisation. */
function looksLikePersonName(name: string): boolean {
  const first = name.split(/\s+/)[0]!.toLowerCase();
  if (NOT_NAME_START.has(first)) return false;
  if (/^[A-Z.]{2,}$/.test(name.split(/\s+/)[0]!)) return false; // an acronym: `by UN Security`
  return true;
}

/**
 * Parses a title line. When the slot holds only a slug, tag or media marker the headline is null; a
 * fragment left by truncation (`unchanged`, `water pollution`) is dropped with a warning, a longer
 * lower-case fragment is kept as a best-effort headline with a warning.
 */
export function parseTitleLine(line: string): ParsedTitle {
  const warnings: string[] = [];
  const markers: Marker[] = [];
  let byline: string | null = null;
  let t = line.replace(/\s+/g, ' ').trim();

  t = t.replace(MEDIA_RE, (_m, inner: string) => {
    pushMarker(markers, inner.replace(/\s+/g, '').toUpperCase());
    return ' ';
  });
  t = t.trim();

  // AFP slug lines end in `///`: `ATTENTION - ADDS quotes ///`, `xxx as sent. Here is a corrected repetition: ///`.
  const slash = t.indexOf('///');
  if (slash >= 0) {
    const slug = t.slice(0, slash).trim();
    const rest = t.slice(slash + 3).trim();
    const attention = /^ATTENTION\s*-+\s*(.+)$/i.exec(slug);
    const keyword = SLUG_KEYWORD_RE.exec(slug);
    if (attention) pushMarker(markers, `ATTENTION - ${attention[1]!.trim()}`);
    else if (/corrected repetition/i.test(slug)) pushMarker(markers, 'CORRECTED REPETITION');
    else if (keyword) pushMarker(markers, slug.slice(keyword.index).trim());
    else if (slug !== '') warnings.push(`title slot holds a truncated slug: ${JSON.stringify(slug)}`);
    else if (rest === '') warnings.push('title slot holds an empty slug (///), no headline');
    t = rest;
  }

  for (let guard = 0; guard < 4; guard++) {
    let m = LEADING_PAREN_RE.exec(t);
    if (m) {
      pushMarker(markers, m[1]!);
      t = t.slice(m[0].length);
      continue;
    }
    m = NUMBERED_PREFIX_RE.exec(t);
    if (m) {
      const tag = m[0].replace(/(?<!\s)\s*(?:[:\-–—]\s*)?$/, '');
      pushMarker(markers, tag);
      t = t.slice(m[0].length);
      continue;
    }
    m = UPDATE_PREFIX_RE.exec(t);
    if (m) {
      pushMarker(markers, `${m[1]}-${m[2]}`);
      t = t.slice(m[0].length);
      continue;
    }
    m = STATUS_PREFIX_RE.exec(t);
    if (m) {
      pushMarker(markers, m[1]!);
      t = t.slice(m[0].length);
      continue;
    }
    break;
  }

  const whole = WHOLE_BYLINE_RE.exec(t);
  if (whole && looksLikePersonName(whole[1]!)) {
    byline = whole[1]!;
    t = '';
  }

  for (let guard = 0; guard < 4 && t !== ''; guard++) {
    const m = TRAILING_PAREN_RE.exec(t);
    if (!m || !TRAILING_MARKER_WORDS.test(m[1]!.trim())) {
      const by = TRAILING_BYLINE_RE.exec(t);
      if (by && byline === null) {
        const before = by[1]!;
        const lastWord = before.split(/\s+/).pop() ?? '';
        if (looksLikePersonName(by[2]!) && !PARTICIPLE_BEFORE_BY.test(lastWord)) {
          byline = by[2]!;
          t = before.trim();
          continue;
        }
      }
      break;
    }
    pushMarker(markers, m[1]!);
    t = t.slice(0, m.index).trim();
  }

  let headline: string | null = t.trim() === '' ? null : t.trim();
  if (headline !== null) {
    const words = headline.split(' ').length;
    const first = headline[0]!;
    const lowerStart = first !== first.toUpperCase() && first === first.toLowerCase();
    if (lowerStart && words < 5) {
      warnings.push(`title slot holds a fragment, not a headline: ${JSON.stringify(headline)}`);
      headline = null;
    } else if (lowerStart) {
      warnings.push(`headline looks truncated: ${JSON.stringify(headline)}`);
    } else if (words === 1 && headline.length < 20) {
      warnings.push(`title slot holds a single word, not a headline: ${JSON.stringify(headline)}`);
      headline = null;
    }
  }

  let version: VersionTag | null = null;
  let best: Marker | null = null;
  for (const m of markers) if (best === null || m.rank > best.rank) best = m;
  if (best) version = { tag: best.tag, number: best.number };
  return { headline, byline, version, warnings };
}

/** Longest fallback headline, in characters; a longer first sentence is cut at a word and marked with `…`. */
export const FALLBACK_HEADLINE_CHARS = 160;

/**
 * The headline to show when the title slot gave none (it held `unchanged`, an `ATTENTION - …///` note, a slug,
 * or nothing): the article's first sentence, cut at a word boundary when long. `sentences` are the spans of
 * the sentence layer in `text`. Null only when there is no sentence with a letter in it.
 */
export function firstSentenceHeadline(
  text: string,
  sentences: readonly { start: number; end: number }[],
): string | null {
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
    if (!/\p{L}/u.test(sentence)) continue;
    if (sentence.length <= FALLBACK_HEADLINE_CHARS) return sentence;
    const cut = sentence.lastIndexOf(' ', FALLBACK_HEADLINE_CHARS - 1);
    return `${sentence.slice(0, cut > 40 ? cut : FALLBACK_HEADLINE_CHARS - 1).replace(/(?<![\s,;:–—-])[\s,;:–—-]+$/, '')}…`;
  }
  return null;
}
