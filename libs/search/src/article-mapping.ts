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
  /**
   * Token filters (names as the chains below use them) the engine lacks: they are left out of every chain, which
   * is the nearest analysis the engine can build. Empty on a full distribution. See `articleAnalysisFilters`.
   */
  missingFilters?: readonly string[];
}

// Built-in filter names and our own filter definitions, by the name the chains use.
const ARTICLE_FILTERS = {
  article_possessive: { type: 'stemmer', language: 'possessive_english' },
  // Light (KStem) stemming: "elections" finds "election" without Porter's over-stemming.
  article_light_stem: { type: 'stemmer', language: 'light_english' },
} as const;

// No stop-word filter: phrases like "to be or not to be" and titles like "The Who" stay searchable.
const ARTICLE_TEXT_FILTERS = ['article_possessive', 'lowercase', 'asciifolding', 'article_light_stem'] as const;
// Sorting on title.keyword should not put "Zebra" before "apple".
const ARTICLE_SORT_FILTERS = ['lowercase', 'asciifolding'] as const;

export function articleIndexSettings(options: ArticleIndexSettingsOptions = {}) {
  const missing = new Set(options.missingFilters ?? []);
  const available = (chain: readonly string[]) => chain.filter((name) => !missing.has(name));
  return {
    number_of_shards: options.shards ?? 1,
    number_of_replicas: options.replicas ?? 0,
    analysis: {
      filter: Object.fromEntries(Object.entries(ARTICLE_FILTERS).filter(([name]) => !missing.has(name))),
      analyzer: {
        article_text: { type: 'custom', tokenizer: 'standard', filter: available(ARTICLE_TEXT_FILTERS) },
      },
      normalizer: {
        article_sort: { type: 'custom', filter: available(ARTICLE_SORT_FILTERS) },
      },
    },
  };
}

/** A token filter the article analysis uses, and what an `_analyze` request is given to find out whether the engine has it. */
export interface ArticleAnalysisFilter {
  /** The name in the analyzer/normalizer chains. */
  name: string;
  /** A built-in filter's name, or our definition of it (its `type` is what an engine may lack). */
  definition: string | { readonly type: string; readonly language?: string };
}

/**
 * Every filter the full article analysis needs. The standard tokenizer is in every Elasticsearch/OpenSearch server;
 * stemmer and asciifolding live in the analysis-common module, which a bare Elasticsearch server does not have.
 */
export function articleAnalysisFilters(): ArticleAnalysisFilter[] {
  const names = [...new Set<string>([...ARTICLE_TEXT_FILTERS, ...ARTICLE_SORT_FILTERS])];
  const defined: Record<string, ArticleAnalysisFilter['definition']> = ARTICLE_FILTERS;
  return names.map((name) => ({ name, definition: defined[name] ?? name }));
}

/** `article_light_stem (stemmer light_english)`, `asciifolding`: for the one log line about missing filters. */
export function describeAnalysisFilter(filter: ArticleAnalysisFilter): string {
  if (typeof filter.definition === 'string') return filter.definition;
  return `${filter.name} (${[filter.definition.type, filter.definition.language].filter(Boolean).join(' ')})`;
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
    title: {
      ...articleText,
      fields: { keyword: { type: 'keyword', ignore_above: KEYWORD_IGNORE_ABOVE, normalizer: 'article_sort' } },
    },
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
    _meta: {
      owner: '@wirestream/search',
      mappingVersion: ARTICLE_MAPPING_VERSION,
      // Visible in GET _index_template: this cluster indexes with less analysis than the mapping asks for.
      ...(settings.missingFilters?.length ? { missingAnalysisFilters: [...settings.missingFilters] } : {}),
    },
    template: {
      settings: articleIndexSettings(settings),
      mappings: ARTICLE_MAPPINGS,
    },
  };
}
