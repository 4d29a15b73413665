/** Moved to `src/core/doc-index.ts` (shared by events, claims and quotes); this re-export keeps old imports working. */
export * from '../../core/doc-index.js';
