import { NewsintelError } from '../../core/errors.js';
import { conll } from './conll.js';
import { conllu } from './conllu.js';
import { corpusEvaluator } from './corpus.js';
import { entitiesEvaluator } from './entities.js';
import { ploverEvaluator } from './plover.js';
import { polnear } from './polnear.js';
import { re3d } from './re3d.js';
import { heideltimeCases, timeml } from './timeml.js';
import type { EvaluateOptions, EvaluationResult, Evaluator } from './types.js';

export type { EvaluationResult, Evaluator } from './types.js';

/** Every benchmark format. Later issues add one module each under this folder and one line here. */
const evaluators: Evaluator[] = [
  conll,
  re3d,
  polnear,
  timeml,
  heideltimeCases,
  ploverEvaluator,
  corpusEvaluator,
  conllu,
  entitiesEvaluator,
];

export function listEvaluators(): readonly Evaluator[] {
  return evaluators;
}

/** Runs the named benchmark; an unknown format is a usage error that lists the known ones. */
export async function evaluate(
  format: string,
  path: string,
  options?: EvaluateOptions,
): Promise<EvaluationResult> {
  const ev = evaluators.find((e) => e.name === format);
  if (!ev) {
    const known = evaluators.map((e) => e.name).join(', ') || '(none yet)';
    throw new NewsintelError('E_USAGE', `evaluate: unknown format '${format}' (known: ${known})`);
  }
  if (options?.more?.length && !ev.multiPath && ev.name !== 'corpus') {
    throw new NewsintelError('E_USAGE', `evaluate: ${format} takes one path`);
  }
  return ev.run(path, options);
}

/** Formats a result the way the CLI prints it: the table, then `<metric> <value>` as the last line. */
export function formatResult(r: EvaluationResult): string {
  return `${r.table.trimEnd()}\n${r.metric} ${r.value.toFixed(2)}\n`;
}
