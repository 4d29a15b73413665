// The corpus API's response types (src/corpus/types.ts), re-exported for the desk.
export type * from '../../src/corpus/types.js';
