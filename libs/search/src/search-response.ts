/** Maps an engine's search answer (same JSON from both engines) to the public `SearchResponse`. */
import type { FacetBucket, SearchHit, SearchResponse } from '@wirestream/contracts';
import type { ArticleDocument } from './article-document';
import { encodeSearchCursor, type SortValue } from './search-cursor';
import { MAX_RESULT_WINDOW, type ArticleSearchPlan } from './search-query';

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

type HitSource = Partial<Pick<ArticleDocument, 'id' | 'version' | 'title' | 'source' | 'url' | 'publishedAt' | 'language' | 'summary' | 'clusterId'>>;

const FACET_NAMES = ['sources', 'languages', 'people', 'places', 'organizations', 'published'] as const;
const HIGHLIGHTED_FIELDS = ['title', 'body'] as const;

export function toSearchResponse(raw: RawSearchResponse, plan: ArticleSearchPlan): SearchResponse {
  const hits = raw.hits.hits;
  const aggregations = raw.aggregations ?? {};
  const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, facetBuckets(aggregations[name])])) as SearchResponse['facets'];
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
    if (snippets && snippets.length > 0) highlights[field] = snippets;
  }
  return {
    id: source.id ?? hit._id ?? '',
    version: source.version ?? 0,
    title: source.title ?? null,
    source: { id: source.source?.id ?? '', name: source.source?.name ?? null },
    url: source.url ?? null,
    publishedAt: source.publishedAt ?? null,
    language: source.language ?? null,
    summary: source.summary ?? '',
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
