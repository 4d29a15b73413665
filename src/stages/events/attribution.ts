/** Moved to `src/core/attribution.ts` (one attribution layer for events and claims); re-exported for old imports. */
export * from '../../core/attribution.js';
