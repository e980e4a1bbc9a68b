/**
 * "More like this" for one article, engine-neutral like `buildArticleSearch`: the engine's `more_like_this` over
 * title and body (the article's own text as the `like`), helped by shared people, organisations, places and
 * keywords; the article's own story cluster (itself and its near-duplicate copies) and withdrawn articles excluded.
 */
import type { ArticleDocument } from './article-document';
import { DEFAULT_SEARCH_SIZE, MAX_SEARCH_SIZE, type ArticleSearchRequestBody, type JsonObject } from './search-query';

/** What the builder needs of the article: its text, its entities and its cluster. */
export type RelatedArticleSource = Pick<
  ArticleDocument,
  'id' | 'clusterId' | 'title' | 'body' | 'keywords' | 'people' | 'places' | 'organizations'
>;

export interface RelatedArticlesOptions {
  /** Default 10, at most 100. */
  size?: number;
}

/** Texts longer than this are cut before they go to the engine: the best terms of a long body are in its first part anyway. */
export const RELATED_LIKE_MAX_CHARS = 20_000;
export const RELATED_MAX_QUERY_TERMS = 40;
/** Share of the selected terms a related article must contain. */
export const RELATED_MINIMUM_SHOULD_MATCH = '20%';
/** At most this many of each entity kind and of keywords go into the query. */
export const RELATED_MAX_TERMS_PER_KIND = 20;

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

export function buildRelatedArticlesSearch(
  article: RelatedArticleSource,
  options: RelatedArticlesOptions = {},
): ArticleSearchRequestBody {
  const size = Math.min(Math.max(0, Math.floor(options.size ?? DEFAULT_SEARCH_SIZE)), MAX_SEARCH_SIZE);
  const like = [article.title ?? '', article.body ?? ''].filter(Boolean).join('\n\n').slice(0, RELATED_LIKE_MAX_CHARS);
  const should: JsonObject[] = [];
  if (like.trim()) {
    should.push({
      more_like_this: {
        fields: ['title', 'body'],
        like,
        // A story's vocabulary is small: one mention is a signal, and a new story's words are in few documents yet.
        min_term_freq: 1,
        min_doc_freq: 1,
        max_query_terms: RELATED_MAX_QUERY_TERMS,
        minimum_should_match: RELATED_MINIMUM_SHOULD_MATCH,
      },
    });
  }
  const entityBoosts: [keyof RelatedArticleSource, number][] = [
    ['people', 2],
    ['organizations', 1.5],
    ['places', 1],
    ['keywords', 1],
  ];
  for (const [field, boost] of entityBoosts) {
    const values = distinct(article[field] as string[] | undefined).slice(0, RELATED_MAX_TERMS_PER_KIND);
    if (values.length) should.push({ terms: { [field]: values, boost } });
  }
  const mustNot: JsonObject[] = [{ ids: { values: [article.id] } }, { term: { pubStatus: 'withdrawn' } }];
  if (article.clusterId) mustNot.push({ term: { clusterId: article.clusterId } });

  return {
    // Nothing to compare with → match nothing rather than everything.
    query: should.length ? { bool: { should, minimum_should_match: 1, must_not: mustNot } } : { match_none: {} },
    size,
    sort: [{ _score: { order: 'desc' } }, { id: { order: 'asc' } }],
    aggs: {},
    track_total_hits: true,
    _source: { includes: HIT_SOURCE_FIELDS },
  };
}

function distinct(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
}
