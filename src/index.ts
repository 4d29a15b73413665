/** Public library entry: `import { analyze } from 'newsintel'`. */

export {
  Document,
  type DocumentSource,
  emptyMeta,
  type LayerName,
  type Layers,
  plainSource,
  type Token,
} from './core/document.js';
export { type ErrorCode, NewsintelError } from './core/errors.js';
export { OffsetMap } from './core/offsets.js';
export { createPipeline, type Pipeline } from './core/pipeline.js';
export { defineStage, type Stage } from './core/stage.js';
export * from './core/types.js';
export { type AnalyzeOptions, analyze, analyzeDocument, toAnalysis } from './services/analyze.js';
