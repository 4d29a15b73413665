/** Public library entry: `import { analyze } from 'newsintel'`. */
export { analyze, analyzeDocument, toAnalysis, type AnalyzeOptions } from './services/analyze.js';
export * from './core/types.js';
export { Document, type DocumentSource, type Layers, type LayerName, type Token } from './core/document.js';
export { createPipeline, type Pipeline } from './core/pipeline.js';
export { defineStage, type Stage } from './core/stage.js';
export { NewsintelError, type ErrorCode } from './core/errors.js';
export { OffsetMap } from './core/offsets.js';
