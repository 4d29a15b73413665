import type { PloverType } from '../../core/types.js';

/** A pattern that changes a predicate's code: a particle, an object head or an oblique ("hold * TALKS"). */
export interface FramePattern {
  particle?: string;
  prep?: string;
  heads?: string[];
  /** CAMEO code, or null: this use is not an event ("face * PROBLEM"). */
  cameo: string | null;
  type?: PloverType;
  mode?: string | null;
}

/** One predicate of the clause lexicon (generated, then overridden). */
export interface FrameEntry {
  lemma: string;
  pos: 'verb' | 'noun';
  forms: string[];
  /** Default CAMEO code, or null when only a pattern makes it an event. */
  cameo: string | null;
  type: PloverType | null;
  mode: string | null;
  /** Dependency roles that hold the actor (`nsubj`, `obl:agent`, `nmod:poss`, …). */
  actor: string[];
  /** Dependency roles that hold the target (`obj`, `obl:with`, `nmod:of`, …). */
  target: string[];
  /** Entity types the actor must have (absent: any). */
  actorTypes?: string[];
  /** Entity types the target must have (absent: any). */
  targetTypes?: string[];
  patterns?: FramePattern[];
  sources: string[];
}

/** The generated data file's shape. */
export interface LexiconData {
  entries: FrameEntry[];
}
