/**
 * `npm run eval [-- [--verbose] [--list] [--json OUT] [area …]]`: prints every quality figure of the project,
 * blind areas first (data whose errors nobody read: the honest figures), then the tuned ones (regression
 * guards). Each area is one module listed in `eval/areas.ts`. Areas that need `../shared` are skipped with
 * a message when it is absent, so a clone without the data still runs. Blind areas never print item-level
 * errors, even with `--verbose`, so that reading the output cannot un-blind them.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type AreaResult, type EvalArea, SHARED } from './area.js';
import { AREAS } from './areas.js';

/** The areas to run, in print order: blind ones first (the honest figures), then the tuned ones. */
export function orderAreas(areas: readonly EvalArea[], names: readonly string[] = []): EvalArea[] {
  const chosen = areas.filter((a) => names.length === 0 || names.includes(a.name));
  return [...chosen.filter((a) => a.blindness === 'blind'), ...chosen.filter((a) => a.blindness !== 'blind')];
}

async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const jsonAt = argv.indexOf('--json');
  const jsonOut = jsonAt >= 0 ? argv[jsonAt + 1] : undefined;
  const names = argv.filter((a, i) => !a.startsWith('-') && (jsonAt < 0 || i !== jsonAt + 1));
  const unknown = names.filter((n) => !AREAS.some((a) => a.name === n));
  if (unknown.length > 0) {
    console.error(`eval: unknown area ${unknown.join(', ')} (known: ${AREAS.map((a) => a.name).join(', ')})`);
    return 2;
  }
  const chosen = AREAS.filter((a) => names.length === 0 || names.includes(a.name));
  const ordered = [
    ...chosen.filter((a) => a.blindness === 'blind'),
    ...chosen.filter((a) => a.blindness !== 'blind'),
  ];
  if (argv.includes('--list')) {
    for (const a of ordered) console.log(`${a.name.padEnd(22)} ${a.blindness.padEnd(6)} ${a.description}`);
    return 0;
  }
  const summary: { area: string; blindness: string; metric: string; value: number | null; note?: string }[] =
    [];
  for (const area of ordered) {
    console.log(`### ${area.name} [${area.blindness}]: ${area.description}`);
    const missing = area.needs.filter((p) => !existsSync(path.join(SHARED, p)));
    if (missing.length > 0) {
      console.log(`skipped: ${missing.map((p) => path.join(SHARED, p)).join(', ')} absent\n`);
      summary.push({ area: area.name, blindness: area.blindness, metric: '-', value: null, note: 'skipped' });
      continue;
    }
    const t0 = Date.now();
    let r: AreaResult;
    try {
      r = await area.run();
    } catch (err) {
      console.log(`failed: ${err instanceof Error ? err.message : String(err)}\n`);
      summary.push({ area: area.name, blindness: area.blindness, metric: '-', value: null, note: 'failed' });
      continue;
    }
    for (const line of r.lines) console.log(line);
    if (verbose && area.blindness !== 'blind') for (const m of r.misses ?? []) console.log(`  miss: ${m}`);
    console.log(`${r.metric} ${r.value.toFixed(2)}   (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
    summary.push({ area: area.name, blindness: area.blindness, metric: r.metric, value: r.value });
  }
  console.log('### summary (blind first)');
  for (const s of summary) {
    const v = s.value === null ? s.note : s.value.toFixed(2);
    console.log(`${s.area.padEnd(22)} ${s.blindness.padEnd(6)} ${s.metric.padEnd(30)} ${v}`);
  }
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(summary, null, 1)}\n`);
  return summary.some((s) => s.note === 'failed') ? 1 : 0;
}

// run only as the entry point, so that tests can import `orderAreas`
if (process.argv[1] && /run\.[jt]s$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
