import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Document, plainSource } from '../../core/document.js';
import { NewsintelError } from '../../core/errors.js';
import { createPipeline, type Pipeline } from '../../core/pipeline.js';
import { defineStage, type Stage } from '../../core/stage.js';
import type { Entity, Quote, Span, TextSpan } from '../../core/types.js';
import { quotesStage } from '../../stages/quotes/index.js';
import { getDefaultPipeline } from '../analyze.js';
import type { EvaluationResult, Evaluator } from './types.js';

/** One gold attribution relation from a PolNeAR brat file: spans in UTF-16 indices of the text. */
export interface GoldAttribution {
  content: Span[];
  cue: Span[];
  source: Span[];
}

/** Parses brat standoff (`T` text-bound and `E` event lines) into attribution relations. */
export function parsePolnearAnn(ann: string, text: string): GoldAttribution[] {
  const toUtf16 = codePointToUtf16(text);
  const spans = new Map<string, Span[]>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    if (line.startsWith('T')) {
      const [id, mid] = line.split('\t');
      if (!id || !mid) continue;
      const sp = mid.indexOf(' ');
      const ranges = mid.slice(sp + 1).split(';');
      const list: Span[] = [];
      for (const r of ranges) {
        const [a, b] = r.trim().split(/\s+/).map(Number);
        if (Number.isFinite(a) && Number.isFinite(b)) list.push({ start: toUtf16(a!), end: toUtf16(b!) });
      }
      spans.set(id, list);
    } else if (line.startsWith('E')) {
      events.push(line.split('\t')[1] ?? '');
    }
  }
  const out: GoldAttribution[] = [];
  for (const ev of events) {
    const g: GoldAttribution = { content: [], cue: [], source: [] };
    for (const arg of ev.split(' ')) {
      const [role, ref] = arg.split(':');
      if (!role || !ref) continue;
      const s = spans.get(ref) ?? [];
      if (role.startsWith('Content')) g.content.push(...s);
      else if (role === 'Cue') g.cue.push(...s);
      else if (role === 'Source') g.source.push(...s);
    }
    if (g.content.length > 0) out.push(g);
  }
  return out;
}

/** brat offsets count code points; JavaScript strings count UTF-16 units. */
function codePointToUtf16(text: string): (cp: number) => number {
  if (!/[\ud800-\udbff]/.test(text)) return (cp) => cp;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (cp) => map[Math.min(cp, map.length - 1)]!;
}

const TRIM = /[\s"'“”‘’«»,.;:()—–-]/;

/** Narrows a span past surrounding space, quote marks and punctuation (for exact matching). */
function core(text: string, s: Span): Span {
  let a = s.start;
  let b = s.end;
  while (a < b && TRIM.test(text[a]!)) a++;
  while (b > a && TRIM.test(text[b - 1]!)) b--;
  if (text.slice(a, a + 5).toLowerCase() === 'that ') a += 5;
  return { start: a, end: b };
}

/** Double quotation marks, straight or curly (single marks are left out: `’` is mostly an apostrophe). */
const OPEN_MARK = '“';
const CLOSE_MARK = '”';
const STRAIGHT_MARK = '"';
const isMark = (c: string | undefined) => c === OPEN_MARK || c === CLOSE_MARK || c === STRAIGHT_MARK;

/**
 * Quoted stretches of a text: from just after an opening double mark to just before its closing one. A
 * straight mark toggles; a curly one says which side it is. A quote left open at the end of a paragraph
 * ends there (wire style reopens a quote that runs on into the next paragraph without closing it first).
 */
export function quotedRegions(text: string): Span[] {
  const out: Span[] = [];
  let open = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === undefined || c === '\n') {
      if (open >= 0 && i > open) out.push({ start: open, end: i });
      open = -1;
    } else if (c === OPEN_MARK || (c === STRAIGHT_MARK && open < 0)) {
      open = i + 1;
    } else if ((c === CLOSE_MARK || c === STRAIGHT_MARK) && open >= 0) {
      out.push({ start: open, end: i });
      open = -1;
    }
  }
  return out;
}

/**
 * Whether a gold content is a DIRECT quote: its span (the hull of its parts, past white space) begins or
 * ends with a double quotation mark, or lies wholly inside one quoted stretch. Direct quotes are what wire
 * stories attribute most and what readers take verbatim, so their speakers are reported apart from those
 * of paraphrases. `regions` is `quotedRegions(text)`, passed in so that it is computed once per text.
 */
export function isDirectContent(text: string, content: Span[], regions: Span[]): boolean {
  if (content.length === 0) return false;
  let { start: a, end: b } = hull(content);
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  if (a >= b) return false;
  if (isMark(text[a]) || isMark(text[b - 1])) return true;
  return regions.some((r) => r.start <= a && b <= r.end);
}

function hull(spans: Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function overlapsAny(a: Span, list: Span[]): boolean {
  return list.some((b) => overlap(a, b) > 0);
}

/** Greedy one-to-one matching by largest overlap; returns pred index to gold index. */
function matchByOverlap(pred: Span[], gold: Span[]): Map<number, number> {
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < pred.length; i++) {
    for (let j = 0; j < gold.length; j++) {
      const ov = overlap(pred[i]!, gold[j]!);
      if (ov > 0) pairs.push([ov, i, j]);
    }
  }
  pairs.sort((x, y) => y[0] - x[0]);
  const out = new Map<number, number>();
  const usedGold = new Set<number>();
  for (const [, i, j] of pairs) {
    if (out.has(i) || usedGold.has(j)) continue;
    out.set(i, j);
    usedGold.add(j);
  }
  return out;
}

interface Counts {
  tp: number;
  pred: number;
  gold: number;
}

function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.pred ? (100 * c.tp) / c.pred : 0;
  const r = c.gold ? (100 * c.tp) / c.gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/**
 * Our quotes as attribution relations. Partial quotes nested in another quote are part of it, and quotes
 * that share one cue span are one relation: we emit a quote split around its cue (`"A," she said. "B."`) as
 * two contiguous quotes, PolNeAR as one relation with a discontinuous content, so they are merged into
 * their hull (the first one's speaker is kept).
 */
export function scoredQuotes(quotes: readonly Quote[]): Quote[] {
  const kept = quotes.filter(
    (q) =>
      q.kind !== 'partial' ||
      !quotes.some((o) => o !== q && o.kind !== 'partial' && o.start <= q.start && o.end >= q.end),
  );
  const byCue = new Map<string, Quote>();
  const out: Quote[] = [];
  for (const q of kept) {
    const key = q.cue ? `${q.cue.start}:${q.cue.end}` : null;
    const prev = key ? byCue.get(key) : undefined;
    if (!prev) {
      const copy = { ...q };
      out.push(copy);
      if (key) byCue.set(key, copy);
      continue;
    }
    prev.start = Math.min(prev.start, q.start);
    prev.end = Math.max(prev.end, q.end);
  }
  return out;
}

/** Totals of one PolNeAR run. */
export interface PolnearScores {
  documents: number;
  exact: Counts;
  overlap: Counts;
  cue: Counts;
  source: { correct: number; total: number };
  /** The same, restricted to gold contents that are direct quotes (`isDirectContent`). */
  directSource: { correct: number; total: number };
}

/**
 * The default pipeline, completed so that it yields quotes: while the quotes stage (or the entities stage
 * it reads) is not yet part of the default pipeline, they are appended (no entities: speakers are then
 * phrases only).
 */
export function quotesPipeline(base: Pipeline = getDefaultPipeline()): Pipeline {
  const stages: Stage[] = [...base.stages] as Stage[];
  const has = (l: string) => stages.some((s) => (s.assigns as readonly string[]).includes(l));
  // PolNeAR annotates stances and intentions as attributions too: score the quotes stage in that mode
  if (has('quotes')) {
    const i = stages.findIndex((s) => s.name === 'quotes');
    stages[i] = quotesStage({ stance: true }) as Stage;
    return createPipeline(stages);
  }
  if (!has('entities')) {
    stages.push(
      defineStage({
        name: 'no-entities',
        requires: [],
        assigns: ['entities'],
        options: {},
        run: () => ({ entities: [] as Entity[] }),
      }) as Stage,
    );
  }
  stages.push(quotesStage({ stance: true }) as Stage);
  return createPipeline(stages);
}

/** One annotated PolNeAR article run through a pipeline. */
export interface PolnearDocument {
  /** The article's file name without `.txt`. */
  base: string;
  text: string;
  gold: GoldAttribution[];
  doc: Document;
}

/**
 * The annotated articles of a PolNeAR split folder (holding `text/` and `attributions/`), in name order, each
 * with its gold relations (one annotator per article: the first annotation file in name order) and the
 * document `pipeline` made of it. Shared by the evaluator and the error-listing script.
 */
export function* polnearDocuments(
  dir: string,
  pipeline: Pipeline,
  limit?: number,
): Generator<PolnearDocument> {
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) {
    throw new NewsintelError('E_EVAL_DATA', `polnear: ${dir} has no text/ and attributions/ folders`);
  }
  const anns = readdirSync(annDir)
    .filter((f) => f.endsWith('.ann'))
    .sort();
  let files = readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (limit !== undefined) files = files.slice(0, limit);
  for (const f of files) {
    const base = f.slice(0, -4);
    const annFile = anns.find((a) => a.startsWith(`${base}_`) || a === `${base}.ann`);
    if (!annFile) continue;
    const text = readFileSync(path.join(textDir, f), 'utf8');
    const gold = parsePolnearAnn(readFileSync(path.join(annDir, annFile), 'utf8'), text);
    yield { base, text, gold, doc: pipeline.run(new Document(base, plainSource(text))) };
  }
}

/** Scores a pipeline on one PolNeAR split folder (holding `text/` and `attributions/`). */
export function scorePolnear(dir: string, pipeline: Pipeline, limit?: number): PolnearScores {
  const sc: PolnearScores = {
    documents: 0,
    exact: { tp: 0, pred: 0, gold: 0 },
    overlap: { tp: 0, pred: 0, gold: 0 },
    cue: { tp: 0, pred: 0, gold: 0 },
    source: { correct: 0, total: 0 },
    directSource: { correct: 0, total: 0 },
  };
  for (const { text, gold, doc } of polnearDocuments(dir, pipeline, limit)) {
    const map = doc.get('offsetMap');
    const ents = new Map((doc.has('entities') ? doc.get('entities') : []).map((e) => [e.id, e]));
    const quotes = scoredQuotes(doc.get('quotes'));
    const toRaw = (s: Span) => map.spanToRaw(s);
    const pred = quotes.map((q) => toRaw(q));
    const goldContent = gold.map((g) => hull(g.content));
    const regions = quotedRegions(text);
    sc.documents++;
    sc.overlap.pred += pred.length;
    sc.overlap.gold += gold.length;
    sc.exact.pred += pred.length;
    sc.exact.gold += gold.length;
    const m = matchByOverlap(pred, goldContent);
    sc.overlap.tp += m.size;
    const goldCore = new Set(goldContent.map((g) => JSON.stringify(core(text, g))));
    const seenExact = new Set<string>();
    for (const p of pred) {
      const k = JSON.stringify(core(text, p));
      if (goldCore.has(k) && !seenExact.has(k)) {
        seenExact.add(k);
        sc.exact.tp++;
      }
    }
    // cues: unique predicted cue spans vs gold cue spans
    const cueKeys = new Set<string>();
    const predCues: Span[] = [];
    for (const q of quotes) {
      if (!q.cue) continue;
      const r = toRaw(q.cue);
      const k = `${r.start}:${r.end}`;
      if (!cueKeys.has(k)) {
        cueKeys.add(k);
        predCues.push(r);
      }
    }
    const goldCues = gold.filter((g) => g.cue.length > 0).map((g) => hull(g.cue));
    sc.cue.pred += predCues.length;
    sc.cue.gold += goldCues.length;
    sc.cue.tp += matchByOverlap(predCues, goldCues).size;
    // sources on matched contents
    for (const [i, j] of m) {
      const g = gold[j]!;
      if (g.source.length === 0) continue;
      sc.source.total++;
      const q = quotes[i]! as Quote & { speakerSpan?: TextSpan | null };
      const spans: Span[] = [];
      if (q.speakerSpan) spans.push(toRaw(q.speakerSpan));
      const e = q.speaker ? ents.get(q.speaker) : undefined;
      if (e) for (const mm of e.mentions) spans.push(toRaw(mm));
      const ok = spans.some((s) => overlapsAny(s, g.source));
      if (ok) sc.source.correct++;
      if (isDirectContent(text, g.content, regions)) {
        sc.directSource.total++;
        if (ok) sc.directSource.correct++;
      }
    }
  }
  return sc;
}

/** Formats the scores as the evaluate table. */
export function formatPolnear(sc: PolnearScores): string {
  const row = (name: string, c: Counts) => {
    const r = prf(c);
    return `${name.padEnd(18)} ${String(c.gold).padStart(6)} ${String(c.pred).padStart(6)} ${String(c.tp).padStart(6)} ${r.p.toFixed(2).padStart(7)} ${r.r.toFixed(2).padStart(7)} ${r.f1.toFixed(2).padStart(7)}`;
  };
  const pct = (c: { correct: number; total: number }) => (c.total ? (100 * c.correct) / c.total : 0);
  const acc = pct(sc.source);
  return [
    `PolNeAR attribution: ${sc.documents} documents`,
    `${'span'.padEnd(18)} ${'gold'.padStart(6)} ${'pred'.padStart(6)} ${'match'.padStart(6)} ${'P'.padStart(7)} ${'R'.padStart(7)} ${'F1'.padStart(7)}`,
    row('content exact', sc.exact),
    row('content overlap', sc.overlap),
    row('cue overlap', sc.cue),
    `source on matched contents: ${sc.source.correct}/${sc.source.total} (${acc.toFixed(2)}%)`,
    `source on direct quotes: ${sc.directSource.correct}/${sc.directSource.total} (${pct(sc.directSource).toFixed(2)}%)`,
  ].join('\n');
}

/**
 * `newsintel evaluate polnear <folder>`: quotes and attribution against PolNeAR brat annotations (Source,
 * Cue, Content). `<folder>` is a split (`…/polnear/dev`) or the corpus root (then `dev` is used). Content
 * spans are scored exactly (after trimming quote marks, punctuation and a leading "that") and by overlap
 * (greedy one-to-one); cues by overlap; the speaker is correct on a matched content when its phrase or any
 * mention of its entity overlaps the gold Source. The same accuracy is also reported on the matched contents
 * that are direct quotes (`isDirectContent`), the attributions readers take verbatim.
 */
export const polnear: Evaluator = {
  name: 'polnear',
  description:
    'quotes and attribution on PolNeAR (brat Source/Cue/Content): content and cue F1, speaker accuracy',
  async run(dir: string, options?: { limit?: number }): Promise<EvaluationResult> {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new NewsintelError('E_EVAL_DATA', `polnear: no such folder ${dir}`);
    }
    const split = existsSync(path.join(dir, 'text')) ? dir : path.join(dir, 'dev');
    const t0 = performance.now();
    const sc = scorePolnear(split, quotesPipeline(), options?.limit);
    const ms = performance.now() - t0;
    if (sc.documents === 0)
      throw new NewsintelError('E_EVAL_DATA', `polnear: no annotated articles in ${split}`);
    const acc = sc.source.total ? (100 * sc.source.correct) / sc.source.total : 0;
    return {
      table: formatPolnear(sc),
      metric: 'speaker accuracy',
      value: acc,
      details: {
        ...sc,
        exactF1: prf(sc.exact).f1,
        overlapF1: prf(sc.overlap).f1,
        cueF1: prf(sc.cue).f1,
        directSpeakerAccuracy: sc.directSource.total
          ? (100 * sc.directSource.correct) / sc.directSource.total
          : 0,
        ms: Math.round(ms),
      },
    };
  },
};
