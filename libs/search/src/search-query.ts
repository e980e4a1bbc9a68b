/**
 * Turns an `ArticleSearchQuery` into one engine-neutral search request body. Both adapters send it
 * as is (OpenSearch as `{ body }`, Elasticsearch 9 spread into the request), so both engines always
 * answer the same query the same way.
 */
import { parseIsoDate, type IsoDate } from './iso-date';
import { decodeSearchCursor, type SortValue } from './search-cursor';
import type { ArticleSearchQuery, ArticleSortOrder } from './search-query-types';

export const DEFAULT_SEARCH_SIZE = 10;
export const MAX_SEARCH_SIZE = 100;
/** Both engines' default `index.max_result_window`: offset paging (collapsed searches) stops here. */
export const MAX_RESULT_WINDOW = 10_000;

/** A query value the engine would reject (e.g. an unparseable date); HTTP layers answer 400. */
export class InvalidSearchQueryError extends Error {
  override readonly name = 'InvalidSearchQueryError';
  constructor(
    readonly field: keyof ArticleSearchQuery,
    message: string,
  ) {
    super(message);
  }
}

/** Query DSL is JSON; this keeps the builders honest without tying them to either client's typings. */
export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

export interface ArticleSearchRequestBody {
  query: JsonObject;
  size: number;
  from?: number;
  sort: JsonObject[];
  search_after?: SortValue[];
  collapse?: { field: string };
  highlight?: JsonObject;
  aggs: Record<string, JsonObject>;
  track_total_hits: true;
  _source: { includes: string[] };
}

/** What the response mapper needs to know about how the request was built. */
export interface ArticleSearchPlan {
  size: number;
  sort: ArticleSortOrder;
  collapse: boolean;
  /** Offset of this page's first hit, for collapsed (offset-paged) searches. */
  offset: number;
}

export interface BuiltArticleSearch {
  body: ArticleSearchRequestBody;
  plan: ArticleSearchPlan;
}

export const SEARCH_FIELDS = ['title^3', 'summary^2', 'body'];
export const HIGHLIGHT_FRAGMENT_SIZE = 150;
export const FACET_SIZE = 10;

/** Only what a `SearchHit` shows; bodies stay on the server. */
const HIT_SOURCE_FIELDS = [
  'id',
  'version',
  'title',
  'source',
  'url',
  'publishedAt',
  'language',
  'summary',
  'clusterId',
];

// Undated articles sort last. Not `missing: '_last'`: its sentinels are Long.MIN/MAX_VALUE, which a JS
// number cannot hold exactly and which the date parser rejects as a string, so a cursor on an undated hit
// would break. These are real dates (0001-01-01, 9999-12-31T23:59:59.999Z) that round-trip exactly.
export const UNDATED_SORTS_AS_NEWEST_FIRST = -62_135_596_800_000;
export const UNDATED_SORTS_AS_OLDEST_FIRST = 253_402_300_799_999;

const publishedDescending = { publishedAt: { order: 'desc', missing: UNDATED_SORTS_AS_NEWEST_FIRST } };
const publishedAscending = { publishedAt: { order: 'asc', missing: UNDATED_SORTS_AS_OLDEST_FIRST } };

const SORTS: Record<ArticleSortOrder, JsonObject[]> = {
  // publishedAt then id make the order total, which search_after needs to never skip or repeat a hit.
  relevance: [{ _score: { order: 'desc' } }, publishedDescending, { id: { order: 'asc' } }],
  newest: [publishedDescending, { id: { order: 'asc' } }],
  oldest: [publishedAscending, { id: { order: 'asc' } }],
};

export function buildArticleSearch(query: ArticleSearchQuery): BuiltArticleSearch {
  const sort = query.sort ?? 'relevance';
  if (!(sort in SORTS))
    throw new InvalidSearchQueryError('sort', `sort must be relevance, newest or oldest, not "${String(sort)}"`);
  const size = searchSize(query.size);
  const collapse = query.collapse === 'cluster';
  const q = query.q?.trim() ?? '';

  const body: ArticleSearchRequestBody = {
    query: buildQuery(query, q),
    size,
    sort: SORTS[sort],
    aggs: buildFacetAggregations(collapse),
    track_total_hits: true,
    _source: { includes: HIT_SOURCE_FIELDS },
  };
  if (q) body.highlight = HIGHLIGHT;
  if (collapse) body.collapse = { field: 'clusterId' };

  let offset = 0;
  if (query.cursor) {
    const cursor = decodeSearchCursor(query.cursor, sort);
    if ('after' in cursor && !collapse) {
      body.search_after = cursor.after;
    } else if ('offset' in cursor && collapse) {
      offset = cursor.offset;
      body.from = offset;
    } else {
      throw new InvalidSearchQueryError('cursor', 'cursor was issued for a search with a different collapse setting');
    }
  }
  return { body, plan: { size, sort, collapse, offset } };
}

function searchSize(size: number | undefined): number {
  if (size === undefined) return DEFAULT_SEARCH_SIZE;
  if (!Number.isFinite(size) || size < 0)
    throw new InvalidSearchQueryError('size', 'size must be a number from 0 to 100');
  return Math.min(Math.floor(size), MAX_SEARCH_SIZE);
}

function buildQuery(query: ArticleSearchQuery, q: string): JsonObject {
  const filter: JsonObject[] = [];
  const sources = nonEmpty(query.source);
  if (sources) {
    // Facets show source names, API clients may hold ids: accept either.
    filter.push({
      bool: {
        should: [{ terms: { 'source.id': sources } }, { terms: { 'source.name': sources } }],
        minimum_should_match: 1,
      },
    });
  }
  addTerms(filter, 'language', query.language);
  addTerms(filter, 'people', query.person);
  addTerms(filter, 'places', query.place);
  addTerms(filter, 'organizations', query.organization);
  if (query.cluster) filter.push({ term: { clusterId: query.cluster } });
  const publishedRange = buildPublishedRange(query.from, query.to);
  if (publishedRange) filter.push({ range: { publishedAt: publishedRange } });

  const bool: JsonObject = {
    filter,
    // A withdrawn article must never be found, even if the indexer kept a tombstone document.
    must_not: [{ term: { pubStatus: 'withdrawn' } }],
  };
  if (q) {
    bool['must'] = [
      {
        simple_query_string: {
          query: q,
          fields: SEARCH_FIELDS,
          default_operator: 'and',
          // simple_query_string never throws on syntax; lenient also ignores type mismatches.
          lenient: true,
        },
      },
    ];
  }
  return { bool };
}

function addTerms(filter: JsonObject[], field: string, values: string[] | undefined): void {
  const terms = nonEmpty(values);
  if (terms) filter.push({ terms: { [field]: terms } });
}

function nonEmpty(values: string[] | undefined): string[] | null {
  const kept = (values ?? []).map((value) => value.trim()).filter(Boolean);
  return kept.length > 0 ? kept : null;
}

function buildPublishedRange(from: string | undefined, to: string | undefined): JsonObject | null {
  const lower = from ? validDate('from', from) : null;
  const upper = to ? validDate('to', to) : null;
  if (!lower && !upper) return null;
  // A bare `to` date means "through the end of that day", not its first millisecond.
  if (lower && upper && lower.startMs > upper.endMs - (upper.kind === 'date' ? 1 : 0)) {
    throw new InvalidSearchQueryError('to', `to (${upper.canonical}) is before from (${lower.canonical})`);
  }
  const range: JsonObject = { format: 'strict_date_optional_time' };
  if (lower) range['gte'] = lower.canonical;
  if (upper && upper.kind === 'date') range['lt'] = new Date(upper.endMs).toISOString().slice(0, 10);
  else if (upper) range['lte'] = upper.canonical;
  return range;
}

function validDate(field: 'from' | 'to', value: string): IsoDate {
  const parsed = parseIsoDate(value);
  if (!parsed.ok) throw new InvalidSearchQueryError(field, `${field} ${parsed.reason}`);
  return parsed.date;
}

const HIGHLIGHT: JsonObject = {
  pre_tags: ['<em>'],
  post_tags: ['</em>'],
  // Snippets are HTML: escape the article's own text so only our <em> tags are markup.
  encoder: 'html',
  fields: {
    // Titles are short: highlight the whole title rather than a fragment of it.
    title: { number_of_fragments: 0 },
    body: { fragment_size: HIGHLIGHT_FRAGMENT_SIZE, number_of_fragments: 2 },
  },
};

function buildFacetAggregations(collapse: boolean): Record<string, JsonObject> {
  const aggs: Record<string, JsonObject> = {
    sources: { terms: { field: 'source.name', size: FACET_SIZE } },
    languages: { terms: { field: 'language', size: FACET_SIZE } },
    people: { terms: { field: 'people', size: FACET_SIZE } },
    places: { terms: { field: 'places', size: FACET_SIZE } },
    organizations: { terms: { field: 'organizations', size: FACET_SIZE } },
    published: {
      date_histogram: {
        field: 'publishedAt',
        calendar_interval: 'day',
        format: 'yyyy-MM-dd',
        time_zone: 'UTC',
        // Only days with articles: a corpus spanning years would otherwise answer thousands of empty buckets.
        min_doc_count: 1,
      },
    },
  };
  // Collapsed hits.total still counts documents; the number of clusters is what the caller pages through.
  if (collapse) aggs['clusters'] = { cardinality: { field: 'clusterId', precision_threshold: 3000 } };
  return aggs;
}
