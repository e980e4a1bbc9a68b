/** OpenSearch adapter (client 3.x: every request body goes in `{ body }`). */
import { Client, type API } from '@opensearch-project/opensearch';
import type { ArticleDocument } from './article-document';
import type { ArticleAnalysisFilter } from './article-mapping';
import { ArticleEngineBase, type ArticleIndexTemplate, type ClusterHealthStatus } from './article-engine-base';
import type { ArticleSearchEngineOptions, DirectBulkOptions, DirectBulkResult } from './article-search-engine';
import { directBulkAction, type DirectBulkFailure } from './bulk-operations';
import type { AliasAction } from './index-lifecycle';
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
    await this.client.indices.putIndexTemplate({
      name,
      body: template as unknown as API.Indices_PutIndexTemplate_RequestBody,
    });
  }

  protected async analyzeWithFilter(filter: ArticleAnalysisFilter['definition']): Promise<void> {
    // The client types a filter definition as a closed union of every filter type; ours is a plain one of them.
    const body = {
      tokenizer: 'standard',
      filter: [filter],
      text: 'Probe',
    } as unknown as API.Indices_Analyze_RequestBody;
    await this.client.indices.analyze({ body });
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

  protected async sendBulk(
    lines: BulkLine[],
    refresh: BulkWriteOptions['refresh'],
    requireAlias: boolean,
  ): Promise<RawBulkItem[]> {
    // require_alias: a write before ensureIndex must fail (retriably), not auto-create an unmapped `articles` index.
    const response = await this.client.bulk({
      body: lines,
      require_alias: requireAlias,
      ...(refresh === undefined ? {} : { refresh }),
    });
    return response.body.items as RawBulkItem[];
  }

  protected async sendHelperBulk(
    index: string,
    docs: readonly ArticleDocument[],
    options: DirectBulkOptions,
  ): Promise<DirectBulkResult> {
    const failures: DirectBulkFailure[] = [];
    const stats = await this.client.helpers.bulk<ArticleDocument>({
      datasource: [...docs],
      onDocument: (doc) => directBulkAction(index, doc),
      ...(options.flushBytes === undefined ? {} : { flushBytes: options.flushBytes }),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.refreshOnCompletion ? { refreshOnCompletion: true } : {}),
      onDrop: (dropped) => {
        if (failures.length < 10)
          failures.push({
            id: dropped.document.id,
            status: dropped.status,
            reason: dropped.error?.reason ?? dropped.error?.type ?? 'dropped',
          });
      },
    });
    return {
      total: stats.total,
      successful: stats.successful,
      failed: stats.failed,
      timeMs: stats.time,
      bytes: stats.bytes,
      failures,
    };
  }

  protected async createIndexNamed(index: string, settings: Record<string, unknown>): Promise<void> {
    await this.client.indices.create({ index, body: { settings } as API.Indices_Create_RequestBody });
  }

  protected async putIndexSettings(index: string, settings: Record<string, unknown>): Promise<void> {
    await this.client.indices.putSettings({ index, body: settings as API.Indices_PutSettings_Request['body'] });
  }

  protected async aliasTargets(alias: string): Promise<string[]> {
    try {
      const response = await this.client.indices.getAlias({ name: alias });
      return Object.keys(response.body as Record<string, unknown>);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  protected async updateAliases(actions: AliasAction[]): Promise<void> {
    await this.client.indices.updateAliases({ body: { actions } as API.Indices_UpdateAliases_RequestBody });
  }

  protected async indexDocCounts(pattern: string): Promise<Map<string, number>> {
    const response = await this.client.indices.stats({ index: pattern, metric: 'docs' });
    const indices = (response.body.indices ?? {}) as Record<string, { primaries?: { docs?: { count?: number } } }>;
    return new Map(Object.entries(indices).map(([name, stats]) => [name, stats.primaries?.docs?.count ?? 0]));
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

  protected async countDocuments(index: string, timeoutMs: number): Promise<number> {
    const response = await this.client.count({ index }, { requestTimeout: timeoutMs, maxRetries: 0 });
    return response.body.count;
  }

  protected async listIndices(pattern: string): Promise<string[]> {
    const response = await this.client.indices.get({
      index: pattern,
      allow_no_indices: true,
      ignore_unavailable: true,
    });
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
