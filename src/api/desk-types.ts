/**
 * Response types of the desk's own routes (`/api/desk/home`, `/api/desk/search`). Free of Node imports so the
 * web bundle can import them too.
 */

import type { ArticleSummary, SearchHit } from '../core/summaries.js';

export type { ArticleSummary, SearchHit };

/** Actors shown on the home page. */
export interface ActiveActor {
  name: string;
  type: string;
  country: string | null;
  articles: number;
  mentions: number;
}

export interface DeskHomeResponse {
  latest: ArticleSummary[];
  total: number;
  /** The `since` the digest was computed for (null on a first visit: then the last 100 stored articles). */
  since: string | null;
  newArticles: number;
  /** Event clusters first seen since `since` (the corpus's same-happening groups), most reported first. */
  newClusters: NewCluster[];
  /** Articles ingested since `since` that carry no update tag or the first one: new stories. */
  newStories: ArticleSummary[];
  /** Articles ingested since `since` that update an earlier version (2nd LD, UPDATE …). */
  updatedStories: ArticleSummary[];
  activeActors: ActiveActor[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface DeskSearchResponse {
  query: string;
  hits: SearchHit[];
  /** Hits after the facet filters, over the first `scanned` ranked hits. */
  total: number;
  scanned: number;
  limit: number;
  offset: number;
  facets: { source: FacetCount[]; month: FacetCount[]; actor: FacetCount[]; eventType: FacetCount[] };
  filters: {
    source: string | null;
    from: string | null;
    to: string | null;
    actor: string | null;
    type: string | null;
  };
}

/** A corpus event cluster new since the last visit. */
export interface NewCluster {
  id: string;
  /** Headline of one of its articles. */
  headline: string | null;
  articleId: string;
  articles: number;
  /** Distinct agencies reporting it. */
  sources: number;
}
