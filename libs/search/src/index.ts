// The only way into the search engine: services import from here, never from the engine clients.
export type { ArticleDocument } from './article-document';
export { toArticleDocument } from './article-document';
export type { ArticleIndexNames, ArticleIndexSettingsOptions } from './article-mapping';
export {
  ARTICLE_MAPPING_VERSION,
  ARTICLE_MAPPINGS,
  articleIndexNames,
  articleIndexSettings,
  articleIndexTemplate,
} from './article-mapping';
export type {
  ArticleSearchEngine,
  ArticleSearchEngineOptions,
  DirectBulkOptions,
  DirectBulkResult,
  SearchEngineHealth,
  SearchEngineKind,
} from './article-search-engine';
export type { BulkDeleteResult, BulkIndexResult, BulkItemFailure, BulkWriteOptions } from './bulk-operations';
export type { CreateArticleSearchEngineOptions, SearchEngineChoice } from './create-article-search-engine';
export { createArticleSearchEngine, detectSearchEngine } from './create-article-search-engine';
export { ElasticsearchArticleEngine } from './elasticsearch-article-engine';
export { OpenSearchArticleEngine } from './opensearch-article-engine';
export { InvalidSearchCursorError } from './search-cursor';
export { SearchEngineFailedError } from './engine-errors';
export type { IsoDate, IsoDateResult } from './iso-date';
export { ISO_DATE_FORMS, ISO_DATE_MAX_LENGTH, parseIsoDate } from './iso-date';
export { buildArticleSearch, DEFAULT_SEARCH_SIZE, InvalidSearchQueryError, MAX_SEARCH_SIZE } from './search-query';
export type { ArticleSearchQuery, ArticleSortOrder } from './search-query-types';
export { toSearchResponse } from './search-response';
export type { ArticleIndexInfo } from './index-lifecycle';
export { aliasSwapActions, nextIndexName, parseIndexName, splitForBulk } from './index-lifecycle';
export { DEFAULT_MAX_BULK_DOCS } from './article-engine-base';
export { buildRelatedArticlesSearch } from './related-query';
export type { RelatedArticleSource, RelatedArticlesOptions } from './related-query';
export type { SyntheticArticle, SyntheticCorpusOptions } from './synthetic-articles';
export {
  SYNTHETIC_ORGANIZATIONS,
  SYNTHETIC_PEOPLE,
  SYNTHETIC_PLACES,
  SYNTHETIC_SOURCES,
  seededRandom,
  syntheticArticles,
} from './synthetic-articles';
