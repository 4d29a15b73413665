import type { RepairKind } from '../../core/types.js';

/** One replacement of `[start, end)` of some input string by `after`, with the repair kind to report. */
export interface Edit {
  start: number;
  end: number;
  after: string;
  kind: RepairKind;
}
