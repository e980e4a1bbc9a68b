import type { ArticleSearchEngine, ArticleSearchEngineOptions, SearchEngineKind } from './article-search-engine';
import { ElasticsearchArticleEngine } from './elasticsearch-article-engine';
import { OpenSearchArticleEngine } from './opensearch-article-engine';

export type SearchEngineChoice = SearchEngineKind | 'auto';

export interface CreateArticleSearchEngineOptions extends ArticleSearchEngineOptions {
  /** `auto` asks the server which engine it is (one `GET /`). */
  engine: SearchEngineChoice;
}

export async function createArticleSearchEngine(
  options: CreateArticleSearchEngineOptions,
): Promise<ArticleSearchEngine> {
  const kind = options.engine === 'auto' ? await detectSearchEngine(options.url) : options.engine;
  return kind === 'opensearch' ? new OpenSearchArticleEngine(options) : new ElasticsearchArticleEngine(options);
}

/**
 * OpenSearch answers `GET /` with `version.distribution: "opensearch"`; Elasticsearch has no
 * distribution field. Plain fetch, because neither client can be asked before we know which to use
 * (the ES 9 client even refuses to talk to a server that does not identify as Elasticsearch).
 */
export async function detectSearchEngine(url: string, timeoutMs = 10_000): Promise<SearchEngineKind> {
  const { endpoint, headers } = withoutCredentials(url);
  let response: Response;
  try {
    response = await fetch(endpoint, { headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new Error(
      `search engine at ${endpoint} did not answer: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (!response.ok) throw new Error(`search engine at ${endpoint} answered ${response.status} to GET /`);
  const info = (await response.json()) as { version?: { distribution?: unknown } };
  return info.version?.distribution === 'opensearch' ? 'opensearch' : 'elasticsearch';
}

/** fetch refuses URLs with user:password; move them into a Basic Authorization header. */
function withoutCredentials(url: string): { endpoint: string; headers: Record<string, string> } {
  const parsed = new URL(url);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (parsed.username || parsed.password) {
    const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
    headers['authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
    parsed.username = '';
    parsed.password = '';
  }
  return { endpoint: parsed.toString(), headers };
}
