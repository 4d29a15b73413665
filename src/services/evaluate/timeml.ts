import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { NewsintelError } from '../../core/errors.js';
import { extractTimes, type TimeResult } from '../../stages/times/extract.js';
import type { EvaluationResult, Evaluator } from './types.js';

/** One gold TIMEX3 of a TimeML document, with offsets into the tag-stripped TEXT. */
export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string | null;
}

/** A TimeML document reduced to what the times evaluation needs. */
export interface TimemlDoc {
  id: string;
  dct: string | null;
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(name: string): string {
  if (name.startsWith('#x') || name.startsWith('#X'))
    return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
  return ENTITIES[name] ?? `&${name};`;
}

function attr(attrs: string, name: string): string | null {
  const m =
    new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(attrs) ??
    new RegExp(`\\b${name}\\s*=\\s*'([^']*)'`).exec(attrs);
  return m ? m[1]! : null;
}

/**
 * Parses a TimeML file: the DCT value from `<DCT><TIMEX3 value=…>`, and the `<TEXT>` element with every tag
 * stripped and entities decoded, keeping the gold TIMEX3 spans as offsets into that plain text (the text
 * the extractor sees). Non-consuming (empty) TIMEX3s are skipped: they have no span to find.
 */
export function parseTimeml(xml: string, id = ''): TimemlDoc {
  const dctBlock = /<DCT>([\s\S]*?)<\/DCT>/i.exec(xml);
  const dct = dctBlock ? attr(/<TIMEX3\b([^>]*)>/i.exec(dctBlock[1]!)?.[1] ?? '', 'value') : null;
  const tm = /<TEXT>([\s\S]*?)<\/TEXT>/i.exec(xml);
  if (!tm) throw new NewsintelError('E_EVAL_DATA', `timeml: ${id || 'document'} has no <TEXT> element`);
  const src = tm[1]!;
  let out = '';
  const open: { start: number; type: string; value: string | null }[] = [];
  const timexes: GoldTimex[] = [];
  const tok = /<(\/?)([A-Za-z][\w:-]*)([^>]*?)(\/?)>|&(#?\w+);|[^<&]+|[<&]/g;
  for (let m = tok.exec(src); m; m = tok.exec(src)) {
    if (m[2] !== undefined) {
      const closing = m[1] === '/';
      const selfClosing = m[4] === '/';
      if (m[2].toUpperCase() !== 'TIMEX3' || selfClosing) continue;
      if (!closing) {
        open.push({
          start: out.length,
          type: attr(m[3] ?? '', 'type') ?? 'DATE',
          value: attr(m[3] ?? '', 'value'),
        });
      } else {
        const o = open.pop();
        if (o && out.length > o.start) {
          timexes.push({
            start: o.start,
            end: out.length,
            text: out.slice(o.start),
            type: o.type,
            value: o.value,
          });
        }
      }
    } else if (m[5] !== undefined) {
      out += decodeEntity(m[5]);
    } else {
      out += m[0];
    }
  }
  timexes.sort((a, b) => a.start - b.start);
  return { id, dct, text: out, timexes };
}

/** Counts of one scoring run (TempEval-3 definitions). */
export interface TimexCounts {
  docs: number;
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  typeCorrect: number;
  valueCorrect: number;
}

const emptyCounts = (): TimexCounts => ({
  docs: 0,
  gold: 0,
  system: 0,
  strict: 0,
  relaxed: 0,
  typeCorrect: 0,
  valueCorrect: 0,
});

/**
 * Scores system expressions against gold ones, TempEval-3 style: strict = identical extent, relaxed = any
 * overlap (one-to-one, in text order); type and value are judged on relaxed matches, and attribute F1
 * uses P = correct/system and R = correct/gold.
 */
export function scoreTimexes(
  gold: readonly GoldTimex[],
  system: readonly TimeResult[],
  counts: TimexCounts,
): void {
  counts.docs++;
  counts.gold += gold.length;
  counts.system += system.length;
  const used = new Set<number>();
  for (const g of gold) {
    let best = -1;
    for (let i = 0; i < system.length; i++) {
      if (used.has(i)) continue;
      const s = system[i]!;
      if (s.start < g.end && g.start < s.end) {
        if (best === -1 || (s.start === g.start && s.end === g.end)) best = i;
        if (s.start === g.start && s.end === g.end) break;
      }
    }
    if (best === -1) continue;
    used.add(best);
    const s = system[best]!;
    counts.relaxed++;
    if (s.start === g.start && s.end === g.end) counts.strict++;
    if (s.type === g.type) counts.typeCorrect++;
    if ((s.value ?? '') === normaliseValue(g.value)) counts.valueCorrect++;
  }
}

/**
 * Gold values in TimeBank write ISO weeks without padding (`2000-W7`); ISO 8601 and our output pad them
 * (`2000-W07`). Both name the same week, so gold is padded before comparing.
 */
export function normaliseValue(v: string | null): string {
  if (!v) return '';
  return v.replace(/-W(\d)(?!\d)/, '-W0$1');
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pct = (n: number, d: number): number => (d === 0 ? 0 : (100 * n) / d);

/** Precision, recall and F1 figures (percentages) of a run. */
export function figures(c: TimexCounts) {
  const sp = pct(c.strict, c.system);
  const sr = pct(c.strict, c.gold);
  const rp = pct(c.relaxed, c.system);
  const rr = pct(c.relaxed, c.gold);
  const vp = pct(c.valueCorrect, c.system);
  const vr = pct(c.valueCorrect, c.gold);
  const tp = pct(c.typeCorrect, c.system);
  const tr = pct(c.typeCorrect, c.gold);
  return {
    strictP: sp,
    strictR: sr,
    strictF1: f1(sp, sr),
    relaxedP: rp,
    relaxedR: rr,
    relaxedF1: f1(rp, rr),
    typeAccuracy: pct(c.typeCorrect, c.relaxed),
    typeF1: f1(tp, tr),
    valueAccuracy: pct(c.valueCorrect, c.relaxed),
    valueP: vp,
    valueR: vr,
    valueF1: f1(vp, vr),
  };
}

async function listFiles(root: string, ext: string): Promise<string[]> {
  let st: Awaited<ReturnType<typeof stat>>;
  try {
    st = await stat(root);
  } catch (e) {
    throw new NewsintelError('E_EVAL_DATA', `timeml: cannot read ${root}`, { cause: e });
  }
  if (st.isFile()) return [root];
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith(ext)) out.push(p);
    }
  };
  await walk(root);
  return out;
}

const fmt = (n: number): string => n.toFixed(2).padStart(7);

function row(name: string, c: TimexCounts): string {
  const f = figures(c);
  return [
    name.padEnd(16),
    String(c.docs).padStart(5),
    String(c.gold).padStart(6),
    String(c.system).padStart(6),
    fmt(f.strictF1),
    fmt(f.relaxedP),
    fmt(f.relaxedR),
    fmt(f.relaxedF1),
    fmt(f.typeAccuracy),
    fmt(f.valueAccuracy),
    fmt(f.valueF1),
  ].join(' ');
}

/**
 * `newsintel evaluate timeml <folder>`: every `*.tml` under the folder (TimeBank, AQUAINT, TempEval-3 and
 * the silver wire versions), our extractor run on the plain TEXT with the DCT as publication date. Rows
 * per sub-folder and a total; the headline is value F1.
 */
export const timeml: Evaluator = {
  name: 'timeml',
  description: 'TimeML folders (TempEval-3 TBAQ, *.tml): time expression span, type and value F1',
  async run(root: string, options?: { limit?: number }): Promise<EvaluationResult> {
    let files = await listFiles(root, '.tml');
    if (files.length === 0) throw new NewsintelError('E_EVAL_DATA', `timeml: no .tml files under ${root}`);
    if (options?.limit && options.limit > 0) files = files.slice(0, options.limit);
    const total = emptyCounts();
    const groups = new Map<string, TimexCounts>();
    const base = (await stat(root)).isFile() ? path.dirname(root) : root;
    const seen = new Set<string>();
    let duplicates = 0;
    for (const file of files) {
      // The same document filed twice (TBAQ ships AP900815-0044 also under testpipeline/) counts once.
      if (seen.has(path.basename(file))) {
        duplicates++;
        continue;
      }
      seen.add(path.basename(file));
      const doc = parseTimeml(await readFile(file, 'utf8'), path.basename(file));
      const sys = extractTimes(doc.text, { published: doc.dct });
      const group = path.relative(base, path.dirname(file)) || '.';
      let g = groups.get(group);
      if (!g) {
        g = emptyCounts();
        groups.set(group, g);
      }
      scoreTimexes(doc.timexes, sys, g);
      scoreTimexes(doc.timexes, sys, total);
    }
    const header = [
      'set'.padEnd(16),
      'docs'.padStart(5),
      'gold'.padStart(6),
      'sys'.padStart(6),
      'strictF'.padStart(7),
      'relP'.padStart(7),
      'relR'.padStart(7),
      'relF'.padStart(7),
      'typeAcc'.padStart(7),
      'valAcc'.padStart(7),
      'valF1'.padStart(7),
    ].join(' ');
    const lines = [header];
    if (groups.size > 1) for (const [name, c] of groups) lines.push(row(name, c));
    lines.push(row('total', total));
    if (duplicates > 0)
      lines.push(`(${duplicates} duplicate file name${duplicates === 1 ? '' : 's'} skipped)`);
    const f = figures(total);
    return {
      table: lines.join('\n'),
      metric: 'value F1',
      value: f.valueF1,
      details: { counts: total, duplicates, ...f },
    };
  },
};

interface HeidelCase {
  file: string;
  method: string;
  ignored: boolean;
  fragment: string;
  dct: string | null;
  expected: { text: string; value: string | null }[];
}

/** True when a gold value says only "some day/month/year" (`XXXX-XX-XX`): our null means the same. */
const unresolved = (v: string | null): boolean => v === null || /^[X-]+$/.test(v) || v === 'XXXX-WXX-WE';

/**
 * `newsintel evaluate heideltime-cases <file-or-folder>`: the HeidelTime English unit cases (fragment,
 * optional DCT, expected expressions) as value accuracy. An expected value is matched by a system
 * expression overlapping its text with the same value; fully unspecified gold values (`XXXX-XX-XX`) also
 * accept null. A case expecting nothing is correct when nothing is found.
 */
export const heideltimeCases: Evaluator = {
  name: 'heideltime-cases',
  description: 'HeidelTime English test cases (JSONL): time value accuracy',
  async run(root: string, options?: { limit?: number }): Promise<EvaluationResult> {
    const files = await listFiles(root, '.jsonl');
    if (files.length === 0)
      throw new NewsintelError('E_EVAL_DATA', `heideltime-cases: no .jsonl file under ${root}`);
    const cases: HeidelCase[] = [];
    for (const file of files) {
      for (const line of (await readFile(file, 'utf8')).split('\n')) {
        if (!line.trim()) continue;
        try {
          cases.push(JSON.parse(line) as HeidelCase);
        } catch (e) {
          throw new NewsintelError('E_EVAL_DATA', `heideltime-cases: bad JSON line in ${file}`, { cause: e });
        }
      }
    }
    const use = cases.filter(
      (c) => !c.ignored && typeof c.fragment === 'string' && Array.isArray(c.expected),
    );
    const limited = options?.limit && options.limit > 0 ? use.slice(0, options.limit) : use;
    const per = new Map<string, { n: number; ok: number }>();
    let n = 0;
    let ok = 0;
    for (const c of limited) {
      const sys = extractTimes(c.fragment, { published: c.dct });
      const items: boolean[] = [];
      if (c.expected.length === 0) items.push(sys.length === 0);
      let from = 0;
      for (const e of c.expected) {
        let at = c.fragment.indexOf(e.text, from);
        if (at < 0) at = c.fragment.indexOf(e.text);
        if (at >= 0) from = at + e.text.length;
        const end = at + e.text.length;
        const hit = sys.find((s) => at >= 0 && s.start < end && at < s.end);
        items.push(
          hit !== undefined && (hit.value === e.value || (unresolved(e.value) && unresolved(hit.value))),
        );
      }
      const key = c.file.replace(/^English|\.java$/g, '');
      const p = per.get(key) ?? { n: 0, ok: 0 };
      for (const it of items) {
        p.n++;
        n++;
        if (it) {
          p.ok++;
          ok++;
        }
      }
      per.set(key, p);
    }
    const lines = [
      `${'set'.padEnd(16)} ${'items'.padStart(6)} ${'correct'.padStart(7)} ${'acc'.padStart(7)}`,
    ];
    for (const [k, p] of per)
      lines.push(
        `${k.padEnd(16)} ${String(p.n).padStart(6)} ${String(p.ok).padStart(7)} ${fmt(pct(p.ok, p.n))}`,
      );
    lines.push(`${'total'.padEnd(16)} ${String(n).padStart(6)} ${String(ok).padStart(7)} ${fmt(pct(ok, n))}`);
    return {
      table: lines.join('\n'),
      metric: 'value accuracy',
      value: pct(ok, n),
      details: { items: n, correct: ok },
    };
  },
};
