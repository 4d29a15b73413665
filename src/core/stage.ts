import type { Document, LayerName, Layers } from './document.js';

/**
 * A pipeline stage. It declares what it reads (`requires`) and what it writes (`assigns`), so the runner
 * can reject a mis-ordered pipeline before any text is processed (after spaCy's pipeline analysis). `run` is
 * pure: it reads the document and returns the layers it assigns; it never mutates the document.
 */
export interface Stage<O = unknown> {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  /** Validated, frozen options. */
  readonly options: Readonly<O>;
  run(doc: Document): Partial<Layers>;
}

/** Freezes a stage definition and its options so that nothing can change them after construction. */
export function defineStage<O>(stage: Stage<O>): Stage<O> {
  return Object.freeze({ ...stage, options: Object.freeze({ ...stage.options }) });
}
