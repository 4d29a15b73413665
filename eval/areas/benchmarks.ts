import path from 'node:path';
import { evaluate } from '../../src/services/evaluate/index.js';
import { type Blindness, type EvalArea, SHARED } from '../area.js';

/**
 * An area that runs one of the public-benchmark evaluators of `src/services/evaluate/` (the same code as
 * `newsintel evaluate <format> <path>`) on a path under `../shared`.
 */
export function benchmarkArea(
  name: string,
  format: string,
  sharedPath: string,
  blindness: Blindness,
  description: string,
): EvalArea {
  return {
    name,
    blindness,
    description,
    needs: [sharedPath],
    async run() {
      const r = await evaluate(format, path.join(SHARED, sharedPath));
      return { lines: r.table.trimEnd().split('\n'), metric: r.metric, value: r.value };
    },
  };
}
