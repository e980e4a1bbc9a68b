export type ArticleSortOrder = 'relevance' | 'newest' | 'oldest';

/** What a caller can ask of the article search. Multi-value filters match any value (OR); different filters all apply (AND). */
export interface ArticleSearchQuery {
  /** simple_query_string syntax: "phrases", +must, -exclude, a | b, prefix*. Never a syntax error. */
  q?: string;
  /** Source ids or names (either matches). */
  source?: string[];
  /** ISO 639-1 codes. */
  language?: string[];
  /** Inclusive lower bound on publishedAt (ISO 8601 date or date-time). */
  from?: string;
  /** Inclusive upper bound on publishedAt; a bare date includes that whole (UTC) day. */
  to?: string;
  person?: string[];
  place?: string[];
  organization?: string[];
  cluster?: string;
  /** Default `relevance`. */
  sort?: ArticleSortOrder;
  /** One hit per story cluster (the best one by the chosen sort). */
  collapse?: 'cluster';
  /** Default 10, at most 100; 0 answers facets and total only. */
  size?: number;
  /** `nextCursor` of the previous page, with the same query and sort. */
  cursor?: string;
}
