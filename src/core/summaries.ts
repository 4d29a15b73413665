import type { Span, VersionTag } from './types.js';

/**
 * The list and search shapes of stored articles, shared by storage, the API and the web bundle (so this module
 * has no Node imports): one definition instead of a copy per layer.
 */

/** What a list shows about an article, without loading its analysis. */
export interface ArticleSummary {
  id: string;
  headline: string | null;
  source: string | null;
  published: string | null;
  dateline: string | null;
  version: VersionTag | null;
  origin: string | null;
  ingestedAt: string;
}

/** One search result. `snippet` is plain text; `highlights` mark the matched words inside it. */
export interface SearchHit {
  id: string;
  headline: string | null;
  published: string | null;
  source: string | null;
  dateline: string | null;
  version: VersionTag | null;
  snippet: string;
  highlights: Span[];
  /** Higher is better; comparable only within one result list. */
  score: number;
}
