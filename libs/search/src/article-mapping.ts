/**
 * The article index: names, settings and the explicit mapping. Shared by both engines —
 * only constructs that OpenSearch 2+/3 and Elasticsearch 8+/9 read the same way appear here.
 */

/** Bump when the mapping changes incompatibly; a new concrete index is then built and the alias swapped. */
export const ARTICLE_MAPPING_VERSION = 1;

export interface ArticleIndexNames {
  /** What every read and write goes through. */
  alias: string;
  /** The composable index template that gives every concrete article index its settings and mapping. */
  template: string;
  /** Matches every concrete article index of this prefix (and nothing of another prefix). */
  pattern: string;
  /** The concrete index `ensureIndex` creates behind the alias when there is none yet. */
  firstIndex: string;
}

export function articleIndexNames(indexPrefix = ''): ArticleIndexNames {
  const alias = `${indexPrefix}articles`;
  return {
    alias,
    template: alias,
    pattern: `${alias}-*`,
    // A fixed counter rather than a timestamp: concurrent ensureIndex calls then race to create
    // the same name, exactly one wins and the alias can never end up over two indices.
    firstIndex: `${alias}-v${ARTICLE_MAPPING_VERSION}-000001`,
  };
}

export interface ArticleIndexSettingsOptions {
  /** Default 1: a single node holds everything locally; production sizes this per cluster. */
  shards?: number;
  /** Default 0: a single-node cluster can never allocate replicas (it would stay yellow). */
  replicas?: number;
}

export function articleIndexSettings(options: ArticleIndexSettingsOptions = {}) {
  return {
    number_of_shards: options.shards ?? 1,
    number_of_replicas: options.replicas ?? 0,
    analysis: {
      filter: {
        article_possessive: { type: 'stemmer', language: 'possessive_english' },
        // Light (KStem) stemming: "elections" finds "election" without Porter's over-stemming.
        article_light_stem: { type: 'stemmer', language: 'light_english' },
      },
      analyzer: {
        // No stop-word filter: phrases like "to be or not to be" and titles like "The Who" stay searchable.
        article_text: {
          type: 'custom',
          tokenizer: 'standard',
          filter: ['article_possessive', 'lowercase', 'asciifolding', 'article_light_stem'],
        },
      },
      normalizer: {
        // Sorting on title.keyword should not put "Zebra" before "apple".
        article_sort: { type: 'custom', filter: ['lowercase', 'asciifolding'] },
      },
    },
  };
}

/**
 * Every keyword field has `ignore_above`: Lucene refuses a term over 32,766 bytes, and the whole document with it
 * (the bulk item fails, the indexer would dead-letter the article). A longer value stays in `_source` but is not
 * indexed. 512 characters are at most ~2 KB of UTF-8; `toArticleDocument` already bounds the derived fields below it.
 */
const KEYWORD_IGNORE_ABOVE = 512;
const keyword = { type: 'keyword', ignore_above: KEYWORD_IGNORE_ABOVE } as const;
const date = { type: 'date', format: 'strict_date_optional_time||epoch_millis' } as const;
// Offsets in the postings let the highlighter skip re-analysing long bodies.
const articleText = { type: 'text', analyzer: 'article_text', index_options: 'offsets' } as const;

/**
 * `dynamic: 'strict'`: a field the mapping does not know is a per-item rejection, not a silently
 * guessed mapping. The document shape is built in one place (`toArticleDocument`), so drift between
 * it and this mapping is a bug that should fail loudly and early — a dynamically added field would
 * otherwise get whatever type the first value suggested, forever, in this index.
 */
export const ARTICLE_MAPPINGS = {
  dynamic: 'strict',
  _meta: { mappingVersion: ARTICLE_MAPPING_VERSION },
  properties: {
    id: keyword,
    version: { type: 'long' },
    pubStatus: keyword,
    source: {
      properties: {
        id: keyword,
        name: { ...keyword, fields: { text: { type: 'text', analyzer: 'article_text' } } },
      },
    },
    url: { type: 'keyword', ignore_above: 4096 },
    title: { ...articleText, fields: { keyword: { type: 'keyword', ignore_above: KEYWORD_IGNORE_ABOVE, normalizer: 'article_sort' } } },
    subtitle: { type: 'text', analyzer: 'article_text' },
    byline: { type: 'text', analyzer: 'article_text' },
    summary: { type: 'text', analyzer: 'article_text' },
    body: articleText,
    language: keyword,
    publishedAt: date,
    updatedAt: date,
    ingestedAt: date,
    enrichedAt: date,
    keywords: keyword,
    people: keyword,
    places: keyword,
    organizations: keyword,
    clusterId: keyword,
    // Kept in _source and doc values for near-duplicate checks; nobody searches by it.
    fingerprint: { ...keyword, index: false },
  },
} as const;

export type ArticleMappings = typeof ARTICLE_MAPPINGS;

/** The body of the composable index template, in the shape both engines' `_index_template` API take. */
export function articleIndexTemplate(names: ArticleIndexNames, settings: ArticleIndexSettingsOptions = {}) {
  return {
    index_patterns: [names.pattern],
    // Above the built-in templates; prefixes never overlap (`a_articles-*` vs `articles-*`), so equal priorities cannot clash.
    priority: 200,
    version: ARTICLE_MAPPING_VERSION,
    _meta: { owner: '@wirestream/search', mappingVersion: ARTICLE_MAPPING_VERSION },
    template: {
      settings: articleIndexSettings(settings),
      mappings: ARTICLE_MAPPINGS,
    },
  };
}
