import type { PloverType } from '../../core/types.js';
import GENERATED from './data/event-lexicon.json' with { type: 'json' };
import OVERRIDES from './data/lexicon-overrides.json' with { type: 'json' };
import { cameoToPlover, LEXICON } from './lexicon.js';

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
  /** Dependency roles that hold the actor (`nsubj`, `obl:agent`, `nmod:poss`, `nmod:by`, …). */
  actor: string[];
  /** Dependency roles that hold the target (`obj`, `obl:with`, `nmod:of`, …). */
  target: string[];
  /** Entity types VerbNet allows for the target (absent: any); informative, too coarse to filter on. */
  targetTypes?: string[];
  /** Reviewed: the verb is an event only when its object is a party (an entity or an adversary noun). */
  targetMustBeActor?: boolean;
  actorTypes?: string[];
  patterns?: FramePattern[];
  sources: string[];
  /** True when a person reviewed this entry's sense (an override, or a verb of the trigger lexicon). */
  reviewed?: boolean;
}

/** The generated data file's shape. */
export interface LexiconData {
  entries: FrameEntry[];
}

/** The clause lexicon with its word lists: what the clause refiners and extractors read. */
export interface ClauseLexicon {
  /** Entries by lemma, `verb:attack` / `noun:attack`. */
  byLemma: ReadonlyMap<string, FrameEntry>;
  /** The same entries by bare lemma, one map per part of speech (the per-word look-up). */
  verbs: ReadonlyMap<string, FrameEntry>;
  nouns: ReadonlyMap<string, FrameEntry>;
  adversaryNouns: ReadonlySet<string>;
  sportsWords: ReadonlySet<string>;
  /** Sports words that count only as common nouns ("the final", not "the final declaration"). */
  sportsNouns: ReadonlySet<string>;
  conditionMarks: ReadonlySet<string>;
  expectLemmas: ReadonlySet<string>;
}

let cached: ClauseLexicon | undefined;

/**
 * The clause lexicon, built once: the generated entries (PETRARCH2 codes with VerbNet frames), then the
 * reviewed overrides, then the PLOVER types of the trigger lexicon's unconstrained verbs (our reviewed word
 * senses win over the generated ones). Nouns without a frame of their own take the default noun frame.
 */
export function clauseLexicon(): ClauseLexicon {
  if (cached) return cached;
  const byLemma = new Map<string, FrameEntry>();
  const nounFrame = OVERRIDES.nounFrame;
  for (const raw of (GENERATED as unknown as LexiconData).entries) {
    const e: FrameEntry = { ...raw };
    if (e.pos === 'noun' && e.actor.length === 0) {
      e.actor = nounFrame.actor;
      e.target = nounFrame.target;
    }
    byLemma.set(`${e.pos}:${e.lemma}`, e);
  }
  for (const key of OVERRIDES.drop.entries) byLemma.delete(key);
  for (const o of OVERRIDES.entries as Array<Partial<FrameEntry> & { lemma: string; pos: 'verb' | 'noun' }>) {
    const key = `${o.pos}:${o.lemma}`;
    const base: FrameEntry = byLemma.get(key) ?? {
      lemma: o.lemma,
      pos: o.pos,
      forms: [o.lemma],
      cameo: null,
      type: null,
      mode: null,
      actor: o.pos === 'noun' ? nounFrame.actor : ['nsubj', 'obl:agent'],
      target: o.pos === 'noun' ? nounFrame.target : ['obj'],
      sources: [],
    };
    byLemma.set(key, { ...base, ...o, reviewed: true, sources: [...base.sources, 'override'] });
  }
  // the trigger lexicon's plain verb senses (no object or particle condition) are reviewed
  for (const list of LEXICON.byWord.values()) {
    for (const h of list) {
      if (h.noun || h.obj || h.next || !h.cameo) continue;
      for (const lemma of h.lemmas) {
        const e = byLemma.get(`verb:${lemma}`);
        if (!e || e.reviewed) continue;
        byLemma.set(`verb:${lemma}`, {
          ...e,
          cameo: h.cameo,
          type: cameoToPlover(h.cameo),
          mode: h.mode,
          reviewed: true,
        });
      }
    }
  }
  const verbs = new Map<string, FrameEntry>();
  const nouns = new Map<string, FrameEntry>();
  for (const e of byLemma.values()) (e.pos === 'verb' ? verbs : nouns).set(e.lemma, e);
  cached = {
    byLemma,
    verbs,
    nouns,
    adversaryNouns: new Set(OVERRIDES.adversaryNouns.words),
    sportsWords: new Set(OVERRIDES.sportsWords.words),
    sportsNouns: new Set(OVERRIDES.sportsNouns.words),
    conditionMarks: new Set(OVERRIDES.conditionMarks.words),
    expectLemmas: new Set(OVERRIDES.expectLemmas.words),
  };
  return cached;
}

/** The entry for a word of the syntax layer (by lemma and part of speech), or null. */
export function frameFor(lex: ClauseLexicon, lemma: string, upos: string): FrameEntry | null {
  const map = upos === 'VERB' ? lex.verbs : upos === 'NOUN' ? lex.nouns : null;
  if (!map) return null;
  return map.get(lemma) ?? (hasAsciiUpper(lemma) ? map.get(lemma.toLowerCase()) : undefined) ?? null;
}

/** `/[A-Z]/.test(s)` without the regex call (this runs for every noun and verb of a document). */
function hasAsciiUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}
