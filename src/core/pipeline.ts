import type { Document, LayerName, Layers } from './document.js';
import { NewsintelError } from './errors.js';
import type { Stage } from './stage.js';

/** A validated, ordered list of stages. */
export interface Pipeline {
  readonly stages: readonly Stage[];
  run(doc: Document): Document;
}

/**
 * Checks the stage order once, at construction: each stage's `requires` must be assigned by an earlier
 * stage (or present in `initial`). Running then merges each stage's output, rejecting layers a stage did
 * not declare, so a stage cannot silently overwrite another's work.
 */
export function createPipeline(stages: readonly Stage[], initial: readonly LayerName[] = []): Pipeline {
  const available = new Set<LayerName>(initial);
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) {
      throw new NewsintelError('E_PIPELINE_ORDER', `pipeline: stage '${stage.name}' appears twice`);
    }
    names.add(stage.name);
    const missing = stage.requires.filter((r) => !available.has(r));
    if (missing.length > 0) {
      throw new NewsintelError(
        'E_PIPELINE_ORDER',
        `pipeline: stage '${stage.name}' requires ${missing.map((m) => `'${m}'`).join(', ')}, which no earlier stage assigns`,
      );
    }
    for (const a of stage.assigns) available.add(a);
  }
  const frozen = Object.freeze(stages.slice());
  return Object.freeze({
    stages: frozen,
    run(doc: Document): Document {
      let current = doc;
      for (const stage of frozen) {
        const out = stage.run(current);
        const patch: Partial<Layers> = {};
        for (const key of Object.keys(out) as LayerName[]) {
          if (!stage.assigns.includes(key)) {
            throw new NewsintelError(
              'E_STAGE_CONTRACT',
              `pipeline: stage '${stage.name}' returned layer '${key}' it does not declare in assigns`,
            );
          }
          (patch as Record<string, unknown>)[key] = out[key];
        }
        for (const key of stage.assigns) {
          if (out[key] === undefined) {
            throw new NewsintelError(
              'E_STAGE_CONTRACT',
              `pipeline: stage '${stage.name}' did not return layer '${key}' it declares`,
            );
          }
        }
        current = current.with(patch);
      }
      return current;
    },
  });
}
