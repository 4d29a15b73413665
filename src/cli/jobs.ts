import { defaultJobs } from '../services/pool/analysis-pool.js';
import { UsageError } from './context.js';

/** Largest `--jobs`: more threads than this only add memory (each holds the models). */
export const MAX_JOBS = 64;

/** Parses `--jobs N` (0 = analyse in the calling thread); the default is one worker per core. */
export function parseJobs(v: string | boolean | undefined): number {
  if (v === undefined) return defaultJobs();
  if (typeof v !== 'string' || !/^\d+$/.test(v) || Number(v) > MAX_JOBS) {
    throw new UsageError(`--jobs must be an integer from 0 to ${MAX_JOBS}, got ${String(v)}`);
  }
  return Number(v);
}

/** Parses a positive integer flag such as `--budget-ms`; undefined when absent. */
export function parsePositive(v: string | boolean | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d+$/.test(v) || Number(v) < 1) {
    throw new UsageError(`--${name} must be a positive integer, got ${String(v)}`);
  }
  return Number(v);
}
