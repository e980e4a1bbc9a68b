/**
 * Elasticsearch adapter (client 9.x: request bodies are top-level fields, no `body` wrapper).
 * The 9.x client sends `compatible-with=9` headers, so it needs an Elasticsearch 9 server.
 */
import { Client, type estypes } from '@elastic/elasticsearch';
import type { ArticleDocument } from './article-document';
import { ArticleEngineBase, type ArticleIndexTemplate, type ClusterHealthStatus } from './article-engine-base';
import type { ArticleSearchEngineOptions } from './article-search-engine';
import type { BulkLine, BulkWriteOptions, RawBulkItem } from './bulk-operations';
import { isNotFound } from './engine-errors';
import type { ArticleSearchRequestBody } from './search-query';
import type { RawSearchResponse } from './search-response';

export class ElasticsearchArticleEngine extends ArticleEngineBase {
  readonly engine = 'elasticsearch' as const;
  private readonly client: Client;

  constructor(options: ArticleSearchEngineOptions) {
    super(options);
    this.client = new Client({ node: options.url, requestTimeout: options.requestTimeoutMs ?? 30_000, maxRetries: 3 });
  }

  protected async putIndexTemplate(name: string, template: ArticleIndexTemplate): Promise<void> {
    // The mapping is plain JSON shared with OpenSearch; the generated types are narrower than the API accepts.
    await this.client.indices.putIndexTemplate({ name, ...(template as unknown as Omit<estypes.IndicesPutIndexTemplateRequest, 'name'>) });
  }

  protected aliasExists(alias: string): Promise<boolean> {
    return this.client.indices.existsAlias({ name: alias });
  }

  protected async createIndexWithAlias(index: string, alias: string): Promise<void> {
    await this.client.indices.create({ index, aliases: { [alias]: { is_write_index: true } } });
  }

  protected async putAlias(index: string, alias: string): Promise<void> {
    await this.client.indices.putAlias({ index, name: alias, is_write_index: true });
  }

  protected async sendBulk(lines: BulkLine[], refresh: BulkWriteOptions['refresh']): Promise<RawBulkItem[]> {
    // require_alias: a write before ensureIndex must fail (retriably), not auto-create an unmapped `articles` index.
    const response = await this.client.bulk({
      operations: lines as estypes.BulkRequest<ArticleDocument>['operations'],
      require_alias: true,
      ...(refresh === undefined ? {} : { refresh }),
    });
    return response.items as RawBulkItem[];
  }

  protected async sendSearch(index: string, body: ArticleSearchRequestBody): Promise<RawSearchResponse> {
    const request = { index, ...(body as unknown as Omit<estypes.SearchRequest, 'index'>) };
    const response = await this.client.search<ArticleDocument>(request);
    return response as RawSearchResponse;
  }

  protected async getSource(index: string, id: string): Promise<ArticleDocument | null> {
    try {
      const response = await this.client.get<ArticleDocument>({ index, id });
      return response.found ? (response._source ?? null) : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  protected async refreshIndex(index: string): Promise<void> {
    await this.client.indices.refresh({ index });
  }

  protected async clusterHealth(): Promise<ClusterHealthStatus> {
    const response = await this.client.cluster.health();
    return response.status.toLowerCase() as ClusterHealthStatus;
  }

  protected async listIndices(pattern: string): Promise<string[]> {
    const response = await this.client.indices.get({ index: pattern, allow_no_indices: true, ignore_unavailable: true });
    return Object.keys(response);
  }

  protected async deleteIndices(indices: string[]): Promise<void> {
    await this.client.indices.delete({ index: indices, ignore_unavailable: true });
  }

  protected async deleteIndexTemplate(name: string): Promise<void> {
    try {
      await this.client.indices.deleteIndexTemplate({ name });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  protected async closeClient(): Promise<void> {
    await this.client.close();
  }
}
