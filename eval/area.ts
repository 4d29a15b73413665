import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is `eval/area.ts`, or `dist/eval/area.js` once built). */
export const ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

/** The shared, read-only evaluation data (`../shared` next to the checkout). */
export const SHARED = path.resolve(ROOT, '../shared');

/**
 * Whether the errors of an area's data were ever read while building the system. `blind` figures are the
 * honest ones (nobody looked at their errors); `tuned` figures only guard against regressions.
 */
export type Blindness = 'blind' | 'tuned';

/** What an area hands back: the lines it prints, and one headline figure. */
export interface AreaResult {
  /** Table lines, printed under the area's title. Blind areas never list individual errors. */
  lines: string[];
  /** Headline: `<metric> <value>` (a percentage, 0–100). */
  metric: string;
  value: number;
  /** Item-level misses, printed only with `--verbose` and never for blind areas. */
  misses?: string[];
}

/** One quality measurement of `npm run eval`. Register it with one line in `eval/areas.ts`. */
export interface EvalArea {
  /** Short unique name (`polnear-train`), used to select areas on the command line. */
  name: string;
  blindness: Blindness;
  /** What is measured, on which data, and the data's history (which splits were read, when). */
  description: string;
  /** Paths under `../shared` the area reads; it is skipped with a message when one is absent. */
  needs: string[];
  run(): Promise<AreaResult>;
}

/** Formats k/n as `k/n (p%)`. */
export function ratio(k: number, n: number): string {
  return `${k}/${n} (${n ? ((100 * k) / n).toFixed(1) : 'n/a'}%)`;
}

/**
 * Runs `../shared/eval/score.py` on gold files with our CLI (`bin/newsintel.js`, so the built `dist/`) and
 * returns its printed lines (without `-v`, so no item-level errors) and its `--json` totals
 * (`{area: {hit, of}}`). Gold given as objects is written to a temporary folder first.
 */
export function runScorePy(
  gold: (string | object)[],
  verbose = false,
): {
  lines: string[];
  totals: Record<string, { hit: number; of: number }>;
} {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'newsintel-eval-'));
  try {
    const files = gold.map((g, i) => {
      if (typeof g === 'string') return g;
      const f = path.join(tmp, `gold-${i + 1}.json`);
      writeFileSync(f, JSON.stringify(g));
      return f;
    });
    const out = path.join(tmp, 'totals.json');
    const cmd = `node ${path.join(ROOT, 'bin/newsintel.js')} analyze {file} --json`;
    const r = spawnSync(
      'python3',
      [
        path.join(SHARED, 'eval/score.py'),
        ...files,
        '--cmd',
        cmd,
        '--root',
        SHARED,
        '--json',
        out,
        ...(verbose ? ['-v'] : []),
      ],
      { encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    if (r.status !== 0) throw new Error(`score.py failed: ${r.stderr || r.stdout}`);
    const totals = JSON.parse(readFileSync(out, 'utf8')) as Record<string, { hit: number; of: number }>;
    return { lines: r.stdout.trimEnd().split('\n'), totals };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
