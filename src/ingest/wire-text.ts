import { type DocumentSource, emptyMeta } from '../core/document.js';
import type { Repair } from '../core/types.js';
import { lookupPlace, matchGazetteer, phraseTokens } from '../knowledge/index.js';
import { agencyName } from './agencies.js';
import { isoDate, MONTH_SOURCE, monthNumber, parseDateLine } from './dates.js';
import { type RawParagraph, splitParagraphs } from './paragraphs.js';
import { parseTitleLine } from './title.js';

/**
 * The wire-story reader. Layout (Yonhap, AFP, Xinhua as distributed in plain text):
 *
 *     November 1, 2024                        ← date line → published
 *     (3rd LD) Headline by Byline             ← title slot → headline, version, byline
 *     Truncated standfirst repeating para 1…  ← optional, removed (a recorded repair)
 *     GENEVA, April 1 , 1997 (AFP)            ← optional standalone dateline → dateline, agency
 *     SEOUL, Nov. 1 (Yonhap) -- Body…         ← or an inline dateline opening the body
 *     Body paragraphs…
 *     Source: Agence France-Presse            ← source
 *
 * `meta.dateline` is the place as printed (`GENEVA`, `BELGRADE, Serbia-Montenegro`, `CRAWFORD, Texas`): the
 * qualifier is part of the dateline and tells which Crawford is meant. When the body opens with its own inline
 * dateline (Xinhua roundups filed from a desk elsewhere) that one wins, as it names where the story is from.
 * Unknown layouts degrade: the whole text is the body (only an unambiguous inline dateline and a trailing
 * `Source:` line are still taken) and a warning says so. Never throws.
 */
export function readWireText(raw: string): DocumentSource {
  try {
    return read(String(raw ?? ''));
  } catch (e) {
    // Defensive: a reader bug must not lose the article.
    const text = String(raw ?? '');
    return {
      raw: text,
      body: { start: 0, end: text.length },
      meta: emptyMeta(),
      repairs: [],
      warnings: [
        `wire reader failed (${e instanceof Error ? e.message : String(e)}): the whole text is the body`,
      ],
    };
  }
}

const PLACE = "[A-Z][A-Z.'’\\- ]*[A-Z.](?:, [A-Z][A-Za-z.'’\\- ]{1,40}?){0,2}";
/** A dateline place in title case (`Seoul, Dec. 3`): only when a date follows, which makes it a dateline. */
const TITLE_PLACE = `[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=,\\s+(?:${MONTH_SOURCE}))`;
const AGENCY = '[A-Z][A-Za-z\\-]{1,19}(?: [A-Z][A-Za-z\\-]+){0,2}';
/** `GENEVA, April 1 , 1997 (AFP)`, `WASHINGTON, Dec 11 , 2006, 2006`, `BELGRADE, Serbia-Montenegro, Nov. 2 , 2005 (Xinhua)`. */
const STANDALONE_DATELINE_RE = new RegExp(
  `^(${PLACE}),\\s+(${MONTH_SOURCE})\\s*(\\d{1,2})\\s*(?:,\\s*(\\d{4}))?(?:\\s*,\\s*\\d{4})*\\s*,?\\s*(?:\\((${AGENCY})\\))?$`,
);
/** `SEOUL, Nov. 1 (Yonhap) -- `, `LONDON (Reuters) - `, `JERUSALEM, Nov. 26 (Xinhua) -- `. */
const INLINE_DATELINE_RE = new RegExp(
  `^(${PLACE}|${TITLE_PLACE})(?:,\\s+(${MONTH_SOURCE})\\s*(\\d{1,2})(?:\\s*,\\s*(\\d{4}))?)?\\s*\\((${AGENCY})\\)\\s*(?:--|—|–|-|:)\\s*`,
);
/**
 * An inline dateline with no agency, as US papers and many sites print it: `WASHINGTON — `, `KYIV, Ukraine — `,
 * `BRUSSELS, Dec 3 - `, `Seoul, Dec. 3 -- `. Without the agency in parentheses an ALL-CAPS word and a dash could
 * be text ("NATO - the alliance…"), so `bareDateline` also asks for a date, a qualifier or a known place.
 */
const BARE_DATELINE_RE = new RegExp(
  `^(${PLACE}|${TITLE_PLACE})(?:,\\s+(${MONTH_SOURCE})\\s*(\\d{1,2})(?:\\s*,\\s*(\\d{4}))?)?\\s+(?:--|—|–|-)\\s+(?=["“‘A-Z0-9])`,
);
/** `Source: …` (2–80 characters after the colon); the lookaheads make the whitespace split unique (linear). */
const SOURCE_RE = /^Source\s*:(?=.{2})\s*(?=\S|$)(.{0,80})$/i;
/**
 * Paragraphs that are wire furniture, not text: `(END)`, `///`, e-mail sign-offs, `(MORE)`. Written so that
 * every character has one way to match (linear time): e-mail addresses in a list are separated by
 * whitespace, and no two adjacent repetitions can take the same characters. The earlier form,
 * `(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*)+`, let `a@b.cccc` × 17 backtrack exponentially (issue 15).
 */
const FURNITURE_RE =
  /^(?:\((?:END|MORE|Yonhap|AFP|Xinhua|Reuters)\)|\/\/.*|-{2,}(?:\s*(?:END|MORE)\s*-*|\s+-*)?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*\(END\))?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)*\s*)$/;
/** `(END)` at the very end; the lookbehind starts the match only at the start of a whitespace run (linear). */
const TRAILING_END_RE = /(?<!\s)\s*\((?:END|MORE)\)\s*$/;
const BYLINE_PARA_RE = /^[Bb][Yy]:?\s+([A-Z][a-zA-Z'’.-]*(?:\s+[A-Z][a-zA-Z'’.-]*){0,3})$/;

interface DatelineInfo {
  place: string;
  published: string | null;
  agency: string | null;
}

function datelineFrom(m: RegExpExecArray): DatelineInfo {
  const place = m[1]!.trim().replace(/\s+/g, ' ');
  const month = m[2] ? monthNumber(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  const year = m[4] ? Number(m[4]) : null;
  const published = month && day && year ? isoDate(year, month, day) : null;
  return { place, published, agency: m[5] ?? null };
}

/** A `BARE_DATELINE_RE` match that carries a date, a qualifier (`KYIV, Ukraine`) or names a known place. */
function bareDateline(head: string): RegExpExecArray | null {
  const m = BARE_DATELINE_RE.exec(head);
  if (!m) return null;
  if (m[2] || m[1]!.includes(',')) return m;
  const place = m[1]!.trim();
  if (lookupPlace(place)) return m;
  const tokens = phraseTokens(place);
  const hits = matchGazetteer(tokens);
  const hit = hits.length === 1 ? hits[0]! : null;
  return hit &&
    hit.start === 0 &&
    hit.end === tokens.length &&
    (hit.entry.type === 'GPE' || hit.entry.type === 'LOC')
    ? m
    : null;
}

function parseStandaloneDateline(text: string): DatelineInfo | null {
  if (text.length > 140 || text.includes('\n')) return null;
  const m = STANDALONE_DATELINE_RE.exec(text.trim());
  return m ? datelineFrom(m) : null;
}

function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The repair record for a dropped truncated standfirst: it lies outside the body, so its repaired span is
 * empty and only the raw span says what was removed.
 */
function truncatedStandfirstRepair(p: RawParagraph): Repair {
  return {
    kind: 'removed-truncated-standfirst',
    start: 0,
    end: 0,
    raw: { start: p.start, end: p.end },
    before: p.text,
    after: '',
  };
}

/** A standfirst cut off with an ellipsis that repeats the opening of the next paragraph. */
function isTruncatedRepeat(p: RawParagraph, next: RawParagraph | undefined): boolean {
  if (!next) return false;
  const t = normalizeSpace(p.text);
  const m = /(?:…|\.\.\.|\.\s\.\s\.)$/.exec(t);
  if (!m) return false;
  const prefix = t.slice(0, m.index).trimEnd();
  if (prefix.length < 20) return false;
  return normalizeSpace(next.text).startsWith(prefix);
}

/** A one-line title: short, and not a finished sentence (`U.S.` at the end is fine, `said.` is not). */
function isTitleLike(p: RawParagraph): boolean {
  if (p.text.includes('\n') || p.text.length > 300) return false;
  if (p.text.split(/\s+/).length > 35) return false;
  return !/[a-z]\.$/.test(p.text);
}

function read(raw: string): DocumentSource {
  const meta = emptyMeta();
  const warnings: string[] = [];
  const repairs: Repair[] = [];
  const paras = splitParagraphs(raw);
  if (paras.length === 0) {
    return { raw, body: { start: 0, end: 0 }, meta, repairs, warnings: ['input has no text'] };
  }

  let idx = 0;
  let known = false;
  const dateLine = parseDateLine(paras[0]!.text);
  if (dateLine) {
    meta.published = dateLine;
    idx = 1;
    known = true;
  }

  // A standalone dateline within the first few paragraphs ends the header.
  let dlIdx = -1;
  let dateline: DatelineInfo | null = null;
  for (let k = idx; k < Math.min(paras.length, idx + 4); k++) {
    const d = parseStandaloneDateline(paras[k]!.text);
    if (d) {
      dlIdx = k;
      dateline = d;
      break;
    }
  }
  if (dlIdx >= 0) known = true;

  let bodyIdx = idx;
  let titleText: string | null = null;
  if (known) {
    const headerEnd = dlIdx >= 0 ? dlIdx : paras.length;
    // Title slot: the first header paragraph, when it reads as a title.
    if (idx < headerEnd && (dlIdx >= 0 || isTitleLike(paras[idx]!)) && paras.length > idx + 1) {
      titleText = normalizeSpace(paras[idx]!.text);
      const title = parseTitleLine(paras[idx]!.text);
      meta.headline = title.headline;
      meta.byline = title.byline;
      meta.version = title.version;
      warnings.push(...title.warnings);
      idx++;
    }
    // Between the title and the dateline: bylines and standfirsts.
    const stop = dlIdx >= 0 ? dlIdx : idx + 1;
    while (idx < stop && idx < paras.length - 1) {
      const p = paras[idx]!;
      const by = BYLINE_PARA_RE.exec(p.text);
      if (by) {
        meta.byline ??= by[1]!;
        idx++;
        continue;
      }
      const nextText = dlIdx >= 0 ? paras[dlIdx + 1] : paras[idx + 1];
      if (isTruncatedRepeat(p, nextText)) {
        repairs.push(truncatedStandfirstRepair(p));
        idx++;
        continue;
      }
      if (dlIdx >= 0) {
        // A full standfirst above the dateline: outside the body span, so record that it was left out.
        repairs.push({
          kind: 'removed-standfirst',
          start: 0,
          end: 0,
          raw: { start: p.start, end: p.end },
          before: p.text,
          after: '',
        });
        warnings.push('a paragraph between the headline and the dateline was left out of the body');
        idx++;
        continue;
      }
      break;
    }
    bodyIdx = dlIdx >= 0 ? dlIdx + 1 : idx;
  } else {
    warnings.push('unknown layout (no date line or dateline found): the whole text is the body');
  }

  // Trailing furniture: `Source:` line, `(END)`, e-mail sign-offs, `///`.
  let last = paras.length - 1;
  while (last >= bodyIdx) {
    const t = paras[last]!.text;
    const src = SOURCE_RE.exec(t);
    if (src && !t.includes('\n')) {
      meta.source ??= src[1]!.trim();
      last--;
      continue;
    }
    if (FURNITURE_RE.test(t.trim())) {
      last--;
      continue;
    }
    break;
  }

  // Leading furniture in the body: a repeated headline, a byline, a truncated standfirst, an inline dateline.
  let bodyStart = bodyIdx <= last ? paras[bodyIdx]!.start : raw.length;
  for (let guard = 0; guard < 4 && bodyIdx < last; guard++) {
    const p = paras[bodyIdx]!;
    if (titleText !== null && normalizeSpace(p.text) === titleText) {
      repairs.push({
        kind: 'removed-repeated-headline',
        start: 0,
        end: 0,
        raw: { start: p.start, end: p.end },
        before: p.text,
        after: '',
      });
      bodyIdx++;
      continue;
    }
    const by = BYLINE_PARA_RE.exec(p.text);
    if (by) {
      meta.byline ??= by[1]!;
      bodyIdx++;
      continue;
    }
    if (isTruncatedRepeat(p, paras[bodyIdx + 1])) {
      repairs.push(truncatedStandfirstRepair(p));
      bodyIdx++;
      continue;
    }
    break;
  }
  if (bodyIdx <= last) bodyStart = paras[bodyIdx]!.start;
  let bodyEnd = bodyIdx <= last ? paras[last]!.end : bodyStart;
  const endMarker = TRAILING_END_RE.exec(raw.slice(Math.max(bodyStart, bodyEnd - 20), bodyEnd));
  if (endMarker) bodyEnd -= endMarker[0].length;

  if (bodyStart < bodyEnd) {
    const head = raw.slice(bodyStart, Math.min(bodyEnd, bodyStart + 200));
    const inline = INLINE_DATELINE_RE.exec(head) ?? bareDateline(head);
    if (inline) {
      const d = datelineFrom(inline);
      dateline = d;
      bodyStart += inline[0].length;
    }
  }

  if (dateline) {
    meta.dateline = dateline.place;
    meta.published ??= dateline.published;
    if (dateline.agency) meta.source ??= agencyName(dateline.agency);
  }
  if (meta.source) meta.source = agencyName(meta.source);
  if (!meta.published && known) warnings.push('no publication date found');
  return { raw, body: { start: bodyStart, end: Math.max(bodyStart, bodyEnd) }, meta, repairs, warnings };
}
