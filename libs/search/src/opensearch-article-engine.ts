/** OpenSearch adapter (client 3.x: every request body goes in `{ body }`). */
import { Client, type API } from '@opensearch-project/opensearch';
import type { ArticleDocument } from './article-document';
import { ArticleEngineBase, type ArticleIndexTemplate, type ClusterHealthStatus } from './article-engine-base';
import type { ArticleSearchEngineOptions } from './article-search-engine';
import type { BulkLine, BulkWriteOptions, RawBulkItem } from './bulk-operations';
import { isNotFound } from './engine-errors';
import type { ArticleSearchRequestBody } from './search-query';
import type { RawSearchResponse } from './search-response';

export class OpenSearchArticleEngine extends ArticleEngineBase {
  readonly engine = 'opensearch' as const;
  private readonly client: Client;

  constructor(options: ArticleSearchEngineOptions) {
    super(options);
    this.client = new Client({ node: options.url, requestTimeout: options.requestTimeoutMs ?? 30_000, maxRetries: 3 });
  }

  protected async putIndexTemplate(name: string, template: ArticleIndexTemplate): Promise<void> {
    // The mapping is plain JSON built for both engines; the client's generated types are narrower than the API.
    await this.client.indices.putIndexTemplate({ name, body: template as unknown as API.Indices_PutIndexTemplate_RequestBody });
  }

  protected async aliasExists(alias: string): Promise<boolean> {
    const response = await this.client.indices.existsAlias({ name: alias });
    return response.body === true;
  }

  protected async createIndexWithAlias(index: string, alias: string): Promise<void> {
    await this.client.indices.create({ index, body: { aliases: { [alias]: { is_write_index: true } } } });
  }

  protected async putAlias(index: string, alias: string): Promise<void> {
    await this.client.indices.putAlias({ index, name: alias, body: { is_write_index: true } });
  }

  protected async sendBulk(lines: BulkLine[], refresh: BulkWriteOptions['refresh']): Promise<RawBulkItem[]> {
    // require_alias: a write before ensureIndex must fail (retriably), not auto-create an unmapped `articles` index.
    const response = await this.client.bulk({ body: lines, require_alias: true, ...(refresh === undefined ? {} : { refresh }) });
    return response.body.items as RawBulkItem[];
  }

  protected async sendSearch(index: string, body: ArticleSearchRequestBody): Promise<RawSearchResponse> {
    const response = await this.client.search({ index, body: body as unknown as API.Search_RequestBody });
    return response.body as RawSearchResponse;
  }

  protected async getSource(index: string, id: string): Promise<ArticleDocument | null> {
    try {
      const response = await this.client.get({ index, id });
      return response.body.found ? (response.body._source as ArticleDocument) : null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  protected async refreshIndex(index: string): Promise<void> {
    await this.client.indices.refresh({ index });
  }

  protected async clusterHealth(): Promise<ClusterHealthStatus> {
    const response = await this.client.cluster.health({});
    return response.body.status.toLowerCase() as ClusterHealthStatus;
  }

  protected async listIndices(pattern: string): Promise<string[]> {
    const response = await this.client.indices.get({ index: pattern, allow_no_indices: true, ignore_unavailable: true });
    return Object.keys(response.body);
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
