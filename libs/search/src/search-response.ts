/** Maps an engine's search answer (same JSON from both engines) to the public `SearchResponse`. */
import { FIELD_LIMITS, type FacetBucket, type SearchHit, type SearchResponse } from '@wirestream/contracts';
import type { ArticleDocument } from './article-document';
import { truncateHighlight, truncateText } from './bounded-text';
import { encodeSearchCursor, type SortValue } from './search-cursor';
import { HIGHLIGHT_FRAGMENT_SIZE, MAX_RESULT_WINDOW, type ArticleSearchPlan } from './search-query';

/** The parts of a search answer we read; both clients' response types are assignable to it. */
export interface RawSearchResponse {
  took?: number | undefined;
  hits: {
    total?: number | { value: number; relation?: string } | undefined;
    hits: RawSearchHit[];
  };
  aggregations?: Record<string, unknown> | undefined;
}

export interface RawSearchHit {
  _id?: string | null | undefined;
  _source?: unknown;
  highlight?: Record<string, string[]> | undefined;
  sort?: SortValue[] | undefined;
}

type HitSource = Partial<
  Pick<
    ArticleDocument,
    'id' | 'version' | 'title' | 'source' | 'url' | 'publishedAt' | 'language' | 'summary' | 'clusterId'
  >
>;

const FACET_NAMES = ['sources', 'languages', 'people', 'places', 'organizations', 'published'] as const;
const HIGHLIGHTED_FIELDS = ['title', 'body'] as const;

/**
 * Visible characters kept of a highlight fragment. The engine's fragment_size is a goal, not a cap (a long
 * sentence can come back whole), and a title is highlighted whole; documents indexed before the enricher capped
 * its fields can hold anything. A hit never carries more than these, whatever the index holds.
 */
export const HIGHLIGHT_MAX_CHARS: Record<(typeof HIGHLIGHTED_FIELDS)[number], number> = {
  title: FIELD_LIMITS.title,
  body: 2 * HIGHLIGHT_FRAGMENT_SIZE,
};

export function toSearchResponse(raw: RawSearchResponse, plan: ArticleSearchPlan): SearchResponse {
  const hits = raw.hits.hits;
  const aggregations = raw.aggregations ?? {};
  const facets = Object.fromEntries(
    FACET_NAMES.map((name) => [name, facetBuckets(aggregations[name])]),
  ) as SearchResponse['facets'];
  return {
    total: plan.collapse ? (cardinality(aggregations['clusters']) ?? hitTotal(raw)) : hitTotal(raw),
    items: hits.map(toSearchHit),
    facets,
    nextCursor: nextCursor(hits, plan),
  };
}

export function toSearchHit(hit: RawSearchHit): SearchHit {
  const source = (hit._source ?? {}) as HitSource;
  const highlights: Record<string, string[]> = {};
  for (const field of HIGHLIGHTED_FIELDS) {
    const snippets = hit.highlight?.[field];
    if (Array.isArray(snippets) && snippets.length > 0)
      highlights[field] = snippets.map((snippet) => truncateHighlight(String(snippet), HIGHLIGHT_MAX_CHARS[field]));
  }
  return {
    id: source.id ?? hit._id ?? '',
    version: source.version ?? 0,
    title: typeof source.title === 'string' ? truncateText(source.title, FIELD_LIMITS.title) : null,
    source: { id: source.source?.id ?? '', name: source.source?.name ?? null },
    url: source.url ?? null,
    publishedAt: source.publishedAt ?? null,
    language: source.language ?? null,
    summary: typeof source.summary === 'string' ? truncateText(source.summary, FIELD_LIMITS.summary) : '',
    clusterId: source.clusterId ?? null,
    highlights,
  };
}

function hitTotal(raw: RawSearchResponse): number {
  const total = raw.hits.total;
  if (typeof total === 'number') return total;
  return total?.value ?? raw.hits.hits.length;
}

function nextCursor(hits: RawSearchHit[], plan: ArticleSearchPlan): string | null {
  // A short page is the last page. A full page may be followed by an empty one; that is the price of not counting ahead.
  if (plan.size === 0 || hits.length < plan.size) return null;
  if (plan.collapse) {
    const offset = plan.offset + hits.length;
    if (offset + plan.size > MAX_RESULT_WINDOW) return null;
    return encodeSearchCursor({ sort: plan.sort, offset });
  }
  const after = hits[hits.length - 1]?.sort;
  return after && after.length > 0 ? encodeSearchCursor({ sort: plan.sort, after }) : null;
}

interface RawBucket {
  key?: unknown;
  key_as_string?: unknown;
  doc_count?: unknown;
}

function facetBuckets(aggregation: unknown): FacetBucket[] {
  const buckets = (aggregation as { buckets?: unknown } | undefined)?.buckets;
  if (!Array.isArray(buckets)) return [];
  return (buckets as RawBucket[]).map((bucket) => ({
    // Date histograms answer epoch millis as `key`; the formatted day is in `key_as_string`.
    value: String(bucket.key_as_string ?? bucket.key),
    count: typeof bucket.doc_count === 'number' ? bucket.doc_count : 0,
  }));
}

function cardinality(aggregation: unknown): number | null {
  const value = (aggregation as { value?: unknown } | undefined)?.value;
  return typeof value === 'number' ? value : null;
}
