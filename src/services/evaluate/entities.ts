import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NewsintelError } from '../../core/errors.js';
import { scoreNorm } from '../../core/score-norm.js';
import type { Analysis, Entity } from '../../core/types.js';
import { readInput } from '../../ingest/read-input.js';
import { analyzeDocument, toAnalysis } from '../analyze.js';
import type { Evaluator } from './types.js';

/**
 * Entity gold in the shape of `../shared/eval/gold/seed.json`: the story file (relative to the folder that holds
 * `eval/`), the persons it names (full names), strings that must not be persons, and country aliases per ISO3
 * code. `exhaustive` may list `persons` and/or `countries`: the file then holds every person (every
 * country-bearing mention), so precision is measured too. `persons_optional` lists debatable persons that are
 * never counted as misses or as false positives.
 */
export interface EntityGold {
  file: string;
  persons?: string[];
  persons_optional?: string[];
  not_persons?: string[];
  countries?: Record<string, string[]>;
  exhaustive?: string[];
}

/** One scored check, kept so `-v`-style listings and tests can see which item failed. */
export interface EntityCheck {
  area: 'persons' | 'nonpersons' | 'countries' | 'persons-prec' | 'countries-prec';
  item: string;
  ok: boolean;
}

/** Normalises like score.py (one implementation: `core/score-norm.ts`). */
export const normName = scoreNorm;

const stripThe = (s: string) => (s.startsWith('the ') ? s.slice(4) : s);

/** A system person name matches a gold name when equal or when it contains the gold name (score.py's rule). */
function personMatches(system: string, gold: string): boolean {
  const n = normName(system);
  const g = normName(gold);
  return n === g || (g.length > 0 && n.includes(g));
}

/**
 * Scores one analysis against one gold file. Recall checks follow score.py exactly (so figures agree with it);
 * precision checks are ours: every system PERSON must match a gold or optional person, and every mention of a
 * country-bearing entity whose text the gold lists under some code must carry that code.
 */
export function scoreEntities(gold: EntityGold, analysis: Analysis): EntityCheck[] {
  const ents: Entity[] = analysis.entities ?? [];
  const persons = ents.filter((e) => e.type === 'PERSON');
  const checks: EntityCheck[] = [];
  for (const p of gold.persons ?? []) {
    checks.push({ area: 'persons', item: p, ok: persons.some((e) => personMatches(e.name, p)) });
  }
  const personTexts = new Set<string>();
  for (const e of persons) {
    personTexts.add(normName(e.name));
    for (const m of e.mentions ?? []) personTexts.add(normName(m.text));
  }
  for (const p of gold.not_persons ?? []) {
    checks.push({ area: 'nonpersons', item: p, ok: !personTexts.has(normName(p)) });
  }
  const aliasCode = new Map<string, string>();
  for (const [code, aliases] of Object.entries(gold.countries ?? {})) {
    for (const alias of aliases) {
      const want = stripThe(normName(alias));
      aliasCode.set(want, code.toUpperCase());
      const same = (text: string) => {
        const t = stripThe(normName(text));
        return t === want || t.startsWith(`${want}'`);
      };
      const ok = ents.some(
        (e) =>
          (e.country ?? '').toUpperCase() === code.toUpperCase() &&
          (e.mentions ?? []).some((m) => same(m.text)),
      );
      checks.push({ area: 'countries', item: `${code} <- ${alias}`, ok });
    }
  }
  const exhaustive = new Set(gold.exhaustive ?? []);
  if (exhaustive.has('persons')) {
    const allowed = [...(gold.persons ?? []), ...(gold.persons_optional ?? [])];
    for (const e of persons) {
      checks.push({ area: 'persons-prec', item: e.name, ok: allowed.some((g) => personMatches(e.name, g)) });
    }
  }
  if (exhaustive.has('countries')) {
    for (const e of ents) {
      if (!e.country) continue;
      for (const m of e.mentions ?? []) {
        const t = stripThe(normName(m.text)).replace(/'s?$/, '');
        const code = aliasCode.get(t);
        if (code === undefined) continue;
        checks.push({
          area: 'countries-prec',
          item: `${e.country} <- ${m.text}`,
          ok: code === e.country.toUpperCase(),
        });
      }
    }
  }
  return checks;
}

/** The folder a gold `file` path is relative to: the one holding `eval/` (the shared folder), as in score.py. */
function goldRoot(goldPath: string): string {
  let dir = path.dirname(path.resolve(goldPath));
  for (let i = 0; i < 6; i++) {
    if (path.basename(dir) === 'eval') return path.dirname(dir);
    dir = path.dirname(dir);
  }
  return path.dirname(path.dirname(path.resolve(goldPath)));
}

function readGold(file: string): EntityGold {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new NewsintelError('E_EVAL_DATA', `evaluate entities: no gold file at ${file}`);
  }
  let gold: EntityGold;
  try {
    gold = JSON.parse(readFileSync(file, 'utf8')) as EntityGold;
  } catch (e) {
    throw new NewsintelError(
      'E_EVAL_DATA',
      `evaluate entities: ${file} is not JSON (${(e as Error).message})`,
    );
  }
  if (typeof gold?.file !== 'string') {
    throw new NewsintelError('E_EVAL_DATA', `evaluate entities: ${file} has no "file" (the story path)`);
  }
  return gold;
}

/** Analyses the story a gold file names, read by the same readers as ingest. */
function analyseStory(goldPath: string, gold: EntityGold): Analysis {
  const story = path.resolve(goldRoot(goldPath), gold.file);
  if (!existsSync(story)) {
    throw new NewsintelError(
      'E_EVAL_DATA',
      `evaluate entities: the story ${gold.file} is missing (${story})`,
    );
  }
  const { sources } = readInput(readFileSync(story, 'utf8'), { filename: story });
  const source = sources[0];
  if (!source) throw new NewsintelError('E_EVAL_DATA', `evaluate entities: nothing to read in ${story}`);
  return toAnalysis(analyzeDocument(source));
}

const AREAS: EntityCheck['area'][] = ['persons', 'nonpersons', 'countries', 'persons-prec', 'countries-prec'];

/** `newsintel evaluate entities <gold.json…>`: persons, non-persons and countries, with precision when exhaustive. */
export const entitiesEvaluator: Evaluator = {
  name: 'entities',
  description:
    'entity gold files in the seed.json shape (persons, not_persons, countries; precision if exhaustive)',
  multiPath: true,
  async run(first, options) {
    const files = [first, ...(options?.more ?? [])];
    const totals = new Map<string, [number, number]>();
    const lines: string[] = [];
    for (const file of files) {
      const gold = readGold(file);
      const checks = scoreEntities(gold, analyseStory(file, gold));
      lines.push(`== ${path.basename(file)}`);
      for (const area of AREAS) {
        const mine = checks.filter((c) => c.area === area);
        if (mine.length === 0) continue;
        const k = mine.filter((c) => c.ok).length;
        const t = totals.get(area) ?? [0, 0];
        totals.set(area, [t[0] + k, t[1] + mine.length]);
        lines.push(`${area.padEnd(15)} ${k}/${mine.length}`);
        for (const c of mine) if (!c.ok) lines.push(`  miss: ${c.item}`);
      }
    }
    const pct = (k: number, n: number) => (n ? (100 * k) / n : 0);
    lines.push('== total');
    for (const [area, [k, n]] of totals) lines.push(`${area.padEnd(15)} ${k}/${n} ${pct(k, n).toFixed(1)}%`);
    const [pk, pn] = totals.get('persons') ?? [0, 0];
    const [qk, qn] = totals.get('persons-prec') ?? [0, 0];
    // Headline: persons F1 when some file measures person precision, else person recall.
    const recall = pct(pk, pn);
    const value = qn
      ? (() => {
          const p = pct(qk, qn);
          return p + recall > 0 ? (2 * p * recall) / (p + recall) : 0;
        })()
      : recall;
    return {
      table: `${lines.join('\n')}\n`,
      metric: qn ? 'persons F1' : 'persons recall',
      value,
      details: Object.fromEntries([...totals].map(([a, [k, n]]) => [a, { correct: k, total: n }])),
    };
  },
};
