import { existsSync, readFileSync } from 'node:fs';
import { Document, plainSource } from '../../core/document.js';
import { NewsintelError } from '../../core/errors.js';
import type { Pipeline } from '../../core/pipeline.js';
import type { Entity, NewsEvent } from '../../core/types.js';
import type { EventParticipant } from '../../stages/events/index.js';
import { createDefaultPipeline } from '../analyze.js';
import type { EvaluationResult, Evaluator } from './types.js';

/** One PLOVER gold-standard record (the fields we read). */
export interface GsrRecord {
  id: string;
  event: string;
  text: string;
  source?: Array<{ code?: string }> | string | null;
  target?: Array<{ code?: string }> | string | null;
}

/** Gold actor codes that are not countries (PLOVER sector-only codes): not scored for country accuracy. */
const NON_COUNTRY = new Set(['IGO', 'NGO', 'MNC', 'UNK', 'INT', 'REB', 'IMG', 'GOV', 'MIL', 'ISM']);

/**
 * CAMEO country codes that differ from ISO 3166 alpha-3 (the CAMEO manual predates some ISO codes); gold
 * written with them is read as the ISO code our entities carry.
 */
const CAMEO_TO_ISO: Readonly<Record<string, string>> = { JAP: 'JPN', ITL: 'ITA', VTN: 'VNM' };

function codes(v: GsrRecord['source']): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .map((x) => (x?.code ?? '').toUpperCase())
    .map((c) => CAMEO_TO_ISO[c] ?? c)
    .filter((c) => /^[A-Z]{3}$/.test(c) && !NON_COUNTRY.has(c));
}

/** Reads the JSONL gold file; malformed lines are a data error naming the line. */
export function readGsr(path: string): GsrRecord[] {
  if (!existsSync(path)) throw new NewsintelError('E_EVAL_DATA', `plover: no such file ${path}`);
  const out: GsrRecord[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, n) => {
      if (line.trim() === '') return;
      let r: GsrRecord;
      try {
        r = JSON.parse(line) as GsrRecord;
      } catch (e) {
        throw new NewsintelError('E_EVAL_DATA', `plover: line ${n + 1} is not JSON`, { cause: e });
      }
      if (typeof r.text !== 'string' || typeof r.event !== 'string') {
        throw new NewsintelError('E_EVAL_DATA', `plover: line ${n + 1} lacks text or event`);
      }
      out.push(r);
    });
  return out;
}

let pipeline: Pipeline | undefined;

/**
 * The pipeline used for scoring: the standard stages, with the events stage keeping events that have no
 * resolved participants (a record is scored on its type even when our actors are unknown).
 */
function evalPipeline(): Pipeline {
  pipeline ??= createDefaultPipeline({ events: { keepUnattached: true } });
  return pipeline;
}

/**
 * The record's main event: events of the first sentence with participants first, then the earliest
 * trigger. CAMEO manual sentences put the coded event in the main clause, which usually comes first.
 */
export function pickMainEvent(events: readonly NewsEvent[]): NewsEvent | null {
  if (events.length === 0) return null;
  const score = (e: NewsEvent) =>
    e.sentence * 1e6 +
    (e.actors.length + e.targets.length > 0 ? 0 : 5e5) +
    (e.modality === 'hypothetical' ? 2e5 : 0) +
    e.trigger.start;
  return [...events].sort((a, b) => score(a) - score(b))[0]!;
}

/** Runs our pipeline over one record and returns the main event with the entities it refers to. */
export function analyzeRecord(text: string): { event: NewsEvent | null; entities: readonly Entity[] } {
  const clean = text.replace(/[{}]/g, '').trim();
  const doc = evalPipeline().run(new Document('plover', plainSource(clean)));
  return { event: pickMainEvent(doc.get('events')), entities: doc.get('entities') };
}

function pct(k: number, n: number): string {
  return n === 0 ? '   n/a' : `${((100 * k) / n).toFixed(1).padStart(5)}%`;
}

/** Per-record outcome of scoring: `null` fields mean the record has no gold country on that side. */
export interface RecordScore {
  gold: string;
  got: string;
  source: boolean | null;
  target: boolean | null;
}

/** Scores one record: event type and whether our source/target countries include a gold country. */
export function scoreRecord(r: GsrRecord): RecordScore {
  const { event, entities } = analyzeRecord(r.text);
  const gold = r.event.toUpperCase();
  const got = event?.type ?? 'NONE';
  const byId = new Map(entities.map((e) => [e.id, e]));
  // each participant's country in this event (its entity's, else one named in its own phrase); the entity's
  // country when the events stage gave none
  const given = new Map<string, string | null>();
  for (const p of (event as { participants?: EventParticipant[] } | null)?.participants ?? [])
    given.set(p.id, p.country);
  const countryOf = (id: string) => (given.has(id) ? given.get(id)! : (byId.get(id)?.country ?? null));
  const countriesOf = (ids: readonly string[]) => new Set(ids.map(countryOf).filter((c): c is string => !!c));
  const gs = codes(r.source);
  const actorCountries = countriesOf(event?.actors ?? []);
  // "Somali troops attacked …": an actor named only by a description still carries the country it names
  const generic = (event as { genericActor?: { country: string | null } } | null)?.genericActor?.country;
  if (generic) actorCountries.add(generic);
  const source = gs.length > 0 ? gs.some((c) => actorCountries.has(c)) : null;
  const gt = codes(r.target);
  let target: boolean | null = null;
  if (gt.length > 0) {
    const mine = countriesOf([...(event?.targets ?? []), ...(event?.actors ?? [])]);
    const targetsOnly = countriesOf(event?.targets ?? []);
    // compound SRC/TAR records list the same countries on both sides; otherwise only our targets count
    const pool = gs.length > 0 && gt.every((c) => gs.includes(c)) ? mine : targetsOnly;
    target = gt.some((c) => pool.has(c));
  }
  return { gold, got, source, target };
}

interface Tally {
  n: number;
  ok: number;
  srcN: number;
  srcOk: number;
  tgtN: number;
  tgtOk: number;
}

function tally(scores: readonly RecordScore[]): Tally {
  const t: Tally = { n: 0, ok: 0, srcN: 0, srcOk: 0, tgtN: 0, tgtOk: 0 };
  for (const s of scores) {
    t.n++;
    if (s.gold === s.got) t.ok++;
    if (s.source !== null) {
      t.srcN++;
      if (s.source) t.srcOk++;
    }
    if (s.target !== null) {
      t.tgtN++;
      if (s.target) t.tgtOk++;
    }
  }
  return t;
}

/**
 * Scores event type and source/target country accuracy on PLOVER gold-standard records. The table also
 * reports the first and second half of the file (by record order) separately, so that a fix tuned on the
 * errors of the first half can be checked on the second without any extra option.
 */
export async function evaluatePlover(
  path: string,
  options: { limit?: number } = {},
): Promise<EvaluationResult> {
  let records = readGsr(path);
  if (options.limit !== undefined) records = records.slice(0, options.limit);
  if (records.length === 0) throw new NewsintelError('E_EVAL_DATA', `plover: ${path} has no records`);
  const scores = records.map(scoreRecord);
  const perType = new Map<string, { n: number; ok: number }>();
  const confusion = new Map<string, number>();
  for (const { gold, got } of scores) {
    const row = perType.get(gold) ?? { n: 0, ok: 0 };
    row.n++;
    if (got === gold) row.ok++;
    else confusion.set(`${gold} -> ${got}`, (confusion.get(`${gold} -> ${got}`) ?? 0) + 1);
    perType.set(gold, row);
  }
  const all = tally(scores);
  const mid = Math.ceil(scores.length / 2);
  const halves = [tally(scores.slice(0, mid)), tally(scores.slice(mid))] as const;
  const lines = ['type         n   correct'];
  for (const [t, v] of [...perType.entries()].sort())
    lines.push(`${t.padEnd(12)} ${String(v.n).padStart(3)} ${pct(v.ok, v.n)}`);
  lines.push('');
  lines.push(`source country accuracy ${pct(all.srcOk, all.srcN)} (${all.srcOk}/${all.srcN})`);
  lines.push(`target country accuracy ${pct(all.tgtOk, all.tgtN)} (${all.tgtOk}/${all.tgtN})`);
  lines.push('');
  lines.push('halves by record order     type   source   target');
  halves.forEach((h, i) => {
    const name = i === 0 ? 'first ' : 'second';
    lines.push(
      `  ${name} (${String(h.n).padStart(3)} records) ${pct(h.ok, h.n)} ${pct(h.srcOk, h.srcN)} (${h.srcOk}/${h.srcN}) ${pct(h.tgtOk, h.tgtN)} (${h.tgtOk}/${h.tgtN})`,
    );
  });
  lines.push('');
  lines.push('most frequent confusions:');
  for (const [k, v] of [...confusion.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10))
    lines.push(`  ${k}  ${v}`);
  const value = (100 * all.ok) / records.length;
  const acc = (k: number, n: number) => (n ? (100 * k) / n : null);
  return {
    table: lines.join('\n'),
    metric: 'type accuracy',
    value,
    details: {
      records: records.length,
      typeCorrect: all.ok,
      sourceAccuracy: acc(all.srcOk, all.srcN),
      targetAccuracy: acc(all.tgtOk, all.tgtN),
      halves: halves.map((h) => ({
        records: h.n,
        typeAccuracy: acc(h.ok, h.n),
        sourceAccuracy: acc(h.srcOk, h.srcN),
        targetAccuracy: acc(h.tgtOk, h.tgtN),
      })),
    },
  };
}

/** `newsintel evaluate plover <jsonl>`: PLOVER gold-standard records (CAMEO manual sentences). */
export const ploverEvaluator: Evaluator = {
  name: 'plover',
  description: 'event type and source/target country accuracy on PLOVER gold-standard records (JSONL)',
  run: (path, options) => evaluatePlover(path, options),
};
