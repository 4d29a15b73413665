/**
 * `npm run fuzz -- --count N [--seed S]`: a long fuzz run of the whole pipeline (see `fuzz-lib.ts` for the
 * inputs and invariants). Prints progress every 10,000 inputs so a run cut short still says how far it got,
 * and a summary line with the seed, which reproduces the run.
 */
import fc from 'fast-check';
import { anyInput, checkOne, warmUp } from './fuzz-lib.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) {
    process.stderr.write(`fuzz: --${name} must be a non-negative integer\n`);
    process.exit(2);
  }
  return Number(v);
}

const count = arg('count', 10_000);
const seed = arg('seed', Date.now() % 2 ** 31);
warmUp();
const t0 = performance.now();
let done = 0;
const progress = fc.property(anyInput, ({ input, kind }) => {
  checkOne(input, kind);
  done++;
  if (done % 10_000 === 0) {
    const s = (performance.now() - t0) / 1000;
    process.stdout.write(`fuzz: ${done} inputs, 0 failures, ${s.toFixed(0)} s (seed ${seed})\n`);
  }
});
try {
  fc.assert(progress, { numRuns: count, seed });
  const s = (performance.now() - t0) / 1000;
  process.stdout.write(
    `fuzz: done: ${count} inputs, 0 failures, ${s.toFixed(0)} s, ${(count / s).toFixed(0)} inputs/s (seed ${seed})\n`,
  );
} catch (e) {
  const cause = (e as Error & { cause?: unknown }).cause;
  const why = cause instanceof Error ? `\n${cause.message}` : '';
  process.stdout.write(`fuzz: FAILED after ${done} inputs (seed ${seed}):\n${(e as Error).message}${why}\n`);
  process.exit(1);
}
