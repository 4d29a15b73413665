import type { Analysis, TextSpan } from '../core/types.js';
import { STOPWORDS, UPDATE_MARKERS, VERSION_NUMBER_PATTERNS, VERSION_WORDS } from './data/lexicon.js';

/**
 * The version of the corpus linker's features and scoring. Stored with every linked article so `reanalyze`
 * can tell which rows were made by an older linker.
 */
export const CORPUS_LINKER_VERSION = 'corpus-linker/3';

/** MinHash size: 64 values estimate a Jaccard index to about ±0.06, enough to rank version candidates. */
export const MINHASH_SIZE = 64;
/** LSH banding of the signature for blocking: 32 bands of 2 rows find pairs down to Jaccard ≈ 0.2. */
export const LSH_BANDS = 32;
const LSH_ROWS = MINHASH_SIZE / LSH_BANDS;
const SHINGLE = 3;

const STOP = new Set(STOPWORDS);
const VERSION_WORD = new Set(VERSION_WORDS);

/** What the linker keeps about an article: everything needed to score it against a later arrival. */
export interface ArticleFeatures {
  articleId: string;
  agency: string | null;
  published: string | null;
  /** Days since 1970-01-01 of the publication date (or of ingestion when unknown). */
  day: number;
  versionNumber: number | null;
  versionTag: string | null;
  /** The article says it updates an earlier one (LEAD, 2nd LD, UPDATE, ADDS …). */
  claimsUpdate: boolean;
  /** Content words of the headline (or of the first sentence when there is no headline), sorted. */
  stem: string[];
  /** Word 3-shingle count and MinHash signature. */
  shingleCount: number;
  signature: number[];
  /** Hashes of each paragraph's normalised words, in order. */
  paragraphs: string[];
  /** Content-word topic vector: the strongest terms with their counts. */
  terms: Record<string, number>;
  /** Actor keys (knowledge-base ids or normalised names) ordered by mention count. */
  actors: string[];
  /**
   * The lead: what a rewrite of the same story keeps even when its wording changes. Optional because rows
   * stored by linker 1 lack them (a missing lead counts as unknown, never as a mismatch).
   */
  /** Normalised dateline place (`busan south korea`), null when the article has none. */
  dateline?: string | null;
  /** Normalised byline (the reporter), null when none. */
  byline?: string | null;
  /** Content words of the first two sentences, sorted. */
  leadWords?: string[];
  /** Actor keys mentioned in the first two sentences, sorted. */
  leadActors?: string[];
  /** Events of the first two sentences as `TYPE|actor key` (one per actor and target), sorted. */
  leadEvents?: string[];
  /**
   * The figures the text reports (`1,189.42`, `54.67`, `3,000`), normalised and sorted, years and bare numbers
   * under 10 left out: a version repeats its figures, while a templated report of another market, match or day
   * has the same words and other figures. Optional: rows stored before linker 2 lack them (unknown).
   */
  figures?: string[];
  /**
   * Hashes of the first two body paragraphs of at least `LEAD_PARAGRAPH_WORDS` words (so not a headline,
   * dateline or byline line, which unrelated stories of one desk and day share). A rewrite keeps its lead
   * paragraph word for word more often than any other part. Optional: rows before linker 2 lack them.
   */
  leadParagraphs?: string[];
}

/** Lowercase words (letters and digits), the unit of every text comparison. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** 32-bit FNV-1a: a fast, stable string hash (not cryptographic; collisions only cost a false candidate). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number, seed: number): number {
  let x = (h ^ seed) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS: readonly number[] = Array.from({ length: MINHASH_SIZE }, (_, i) => mix(i + 1, 0x9e3779b9));

/** Hashed word shingles of a text. */
export function shingles(tokens: readonly string[], k = SHINGLE): Set<number> {
  const out = new Set<number>();
  if (tokens.length < k) {
    if (tokens.length > 0) out.add(fnv1a(tokens.join(' ')));
    return out;
  }
  for (let i = 0; i + k <= tokens.length; i++) out.add(fnv1a(tokens.slice(i, i + k).join(' ')));
  return out;
}

/** MinHash signature of a shingle set (all 0xffffffff for an empty set). */
export function minhash(set: Set<number>): number[] {
  const sig = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const h of set) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = mix(h, SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard index of the two sets behind two signatures. */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++;
  return same / MINHASH_SIZE;
}

/**
 * Estimated containment of the smaller shingle set in the larger, from the Jaccard estimate and the set sizes:
 * a later version that adds paragraphs keeps a high containment even when its Jaccard index drops.
 */
export function containment(j: number, sizeA: number, sizeB: number): number {
  const small = Math.min(sizeA, sizeB);
  if (small === 0) return 0;
  const inter = (j * (sizeA + sizeB)) / (1 + j);
  return Math.min(1, inter / small);
}

/** LSH band keys of a signature, for blocking (two articles sharing one band key are candidates). */
export function bandKeys(sig: readonly number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    const row = sig.slice(b * LSH_ROWS, (b + 1) * LSH_ROWS);
    if (row.every((v) => v === 0xffffffff)) continue;
    keys.push(`b${b}:${fnv1a(row.join(',')).toString(36)}`);
  }
  return keys;
}

/** Paragraphs of an article text (blank-line separated; single lines when the text has no blank lines). */
export function paragraphSpans(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  const blank = /\n[ \t]*\n/.test(text);
  const re = blank ? /[^\n](?:[^\n]|\n(?![ \t]*\n))*/g : /[^\n]+/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (!t) continue;
    const start = m.index + lead;
    out.push({ start, end: start + t.length, text: t });
  }
  return out;
}

/** Hash of a paragraph's normalised words: two paragraphs with the same words in order share it. */
export function paragraphHash(text: string): string {
  return fnv1a(words(text).join(' ')).toString(36);
}

/** Content words of a headline: no function words, no version slug words, no bare numbers. */
export function headlineStem(headline: string): string[] {
  const stem = new Set<string>();
  for (const w of words(headline)) {
    if (STOP.has(w) || VERSION_WORD.has(w) || /^\d+$/.test(w) || w.length < 2) continue;
    stem.add(w);
  }
  return [...stem].sort();
}

/** Normalised agency name, so `Xinhua News Agency` and `XINHUA` compare equal. */
export function agencyKey(source: string | null): string | null {
  if (!source) return null;
  const w = words(source).filter((x) => !['news', 'agency', 'the', 'service', 'press'].includes(x));
  return w.length ? w.join(' ') : null;
}

/** Days since the epoch of an ISO date (date part only); null when unparseable. */
export function dayOf(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso.slice(0, 10));
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : null;
}

/** Update number and update claim from the version tag and the headline. */
export function versionInfo(
  tag: string | null,
  tagNumber: number | null,
  headline: string | null,
): { number: number | null; claimsUpdate: boolean } {
  const texts = [tag ?? '', headline ?? ''];
  let number = tagNumber;
  if (number === null) {
    for (const t of texts) {
      for (const p of VERSION_NUMBER_PATTERNS) {
        const m = p.exec(t);
        if (m) {
          number = Number(m[1]);
          break;
        }
      }
      if (number !== null) break;
    }
  }
  const claimsUpdate =
    (number !== null && number >= 1) || texts.some((t) => UPDATE_MARKERS.some((p) => p.test(t)));
  return { number, claimsUpdate };
}

/** The actor key of an entity: its knowledge-base id, else its normalised name plus country. */
export function actorKey(e: {
  kb: string | null;
  name: string;
  country: string | null;
  type: string;
}): string {
  if (e.kb) return `kb:${e.kb}`;
  return `name:${words(e.name).join(' ')}|${e.country ?? ''}|${e.type === 'PERSON' ? 'P' : e.type}`;
}

const TOPIC_TERMS = 40;

/** Content-word counts of a text, the strongest `TOPIC_TERMS` kept. */
export function topicTerms(text: string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const w of words(text)) {
    if (STOP.has(w) || w.length < 3 || /^\d+$/.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOPIC_TERMS);
  return Object.fromEntries(top);
}

/** Cosine similarity of two term-count vectors. */
export function cosine(a: Record<string, number>, b: Record<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of Object.entries(a)) {
    na += v * v;
    const w = b[k];
    if (w) dot += v * w;
  }
  for (const v of Object.values(b)) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Sentences that make the lead: the first two carry the story's main event and actors. */
const LEAD_SENTENCES = 2;

/** Normalised words of a dateline or byline (`BUSAN, South Korea` → `busan south korea`); null when empty. */
export function placeKey(s: string | null | undefined): string | null {
  const w = words(s ?? '');
  return w.length > 0 ? w.join(' ') : null;
}

/** The lead's content words, actor keys and `TYPE|actor` event keys (see `ArticleFeatures`). */
export function leadFeatures(a: Analysis): {
  leadWords: string[];
  leadActors: string[];
  leadEvents: string[];
} {
  const lead = a.sentences.slice(0, LEAD_SENTENCES);
  const end = lead.at(-1)?.end ?? 0;
  const leadText = a.article.text.slice(0, end);
  const leadWords = new Set<string>();
  for (const w of words(leadText)) if (!STOP.has(w) && w.length > 2 && !/^\d+$/.test(w)) leadWords.add(w);
  const keyOf = new Map<string, string>();
  const leadActors = new Set<string>();
  for (const e of a.entities) {
    keyOf.set(e.id, actorKey(e));
    if (e.mentions.some((m) => m.start < end)) leadActors.add(actorKey(e));
  }
  const leadEvents = new Set<string>();
  for (const ev of a.events) {
    if (ev.sentence >= LEAD_SENTENCES) continue;
    for (const r of [...ev.actors, ...ev.targets]) {
      const k = keyOf.get(r);
      if (k) leadEvents.add(`${ev.type}|${k}`);
    }
  }
  return {
    leadWords: [...leadWords].sort(),
    leadActors: [...leadActors].sort(),
    leadEvents: [...leadEvents].sort(),
  };
}

/** At most this many distinct figures are kept per article (the first in the text). */
const MAX_FIGURES = 40;

/**
 * The distinct figures of a text, in order of first appearance, at most `MAX_FIGURES`: numbers written with
 * digits, thousands separators dropped (`3,000` → `3000`), without years (1900–2099) and without one-digit numbers
 * (counts and days that any two stories share).
 */
export function textFigures(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const n = m[0].replace(/,(?=\d{3}(?:\D|$))/g, '');
    if (/^\d$/.test(n) || /^(?:19|20)\d\d$/.test(n)) continue;
    out.add(n);
    if (out.size >= MAX_FIGURES) break;
  }
  return [...out].sort();
}

/** Fewest words of a paragraph that counts as a lead paragraph (headline, dateline and byline lines are shorter). */
const LEAD_PARAGRAPH_WORDS = 12;

/** Hashes of the first two paragraphs of a text that have at least `LEAD_PARAGRAPH_WORDS` words. */
export function leadParagraphHashes(text: string): string[] {
  const out: string[] = [];
  for (const p of paragraphSpans(text)) {
    const w = words(p.text);
    if (w.length < LEAD_PARAGRAPH_WORDS) continue;
    out.push(fnv1a(w.join(' ')).toString(36));
    if (out.length === 2) break;
  }
  return out;
}

/** Computes the linker's features of one analysed article. `fallbackDay` is used when it has no date. */
export function articleFeatures(a: Analysis, fallbackDay: number): ArticleFeatures {
  const art = a.article;
  const text = art.text;
  const first = a.sentences[0];
  const headlineText = art.headline ?? (first ? text.slice(first.start, first.end) : text.slice(0, 200));
  const v = versionInfo(art.version?.tag ?? null, art.version?.number ?? null, art.headline);
  const sh = shingles(words(text));
  const mentionCount = new Map<string, number>();
  for (const e of a.entities) {
    if (!['PERSON', 'ORG', 'GPE', 'NORP', 'FAC', 'LOC'].includes(e.type)) continue;
    const k = actorKey(e);
    mentionCount.set(k, (mentionCount.get(k) ?? 0) + e.mentions.length);
  }
  return {
    articleId: art.id,
    agency: agencyKey(art.source),
    published: art.published,
    day: dayOf(art.published) ?? fallbackDay,
    versionNumber: v.number,
    versionTag: art.version?.tag ?? null,
    claimsUpdate: v.claimsUpdate,
    stem: headlineStem(headlineText),
    shingleCount: sh.size,
    signature: minhash(sh),
    paragraphs: paragraphSpans(text).map((p) => paragraphHash(p.text)),
    terms: topicTerms(`${art.headline ?? ''} ${text}`),
    actors: [...mentionCount].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([k]) => k),
    dateline: placeKey(art.dateline),
    byline: placeKey(art.byline),
    ...leadFeatures(a),
    figures: textFigures(text),
    leadParagraphs: leadParagraphHashes(text),
  };
}
