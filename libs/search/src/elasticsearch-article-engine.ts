/**
 * Elasticsearch adapter (client 9.x: request bodies are top-level fields, no `body` wrapper).
 * The 9.x client sends `compatible-with=9` headers, so it needs an Elasticsearch 9 server.
 */
import { Client, type estypes } from '@elastic/elasticsearch';
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

export class ElasticsearchArticleEngine extends ArticleEngineBase {
  readonly engine = 'elasticsearch' as const;
  private readonly client: Client;

  constructor(options: ArticleSearchEngineOptions) {
    super(options);
    this.client = new Client({ node: options.url, requestTimeout: options.requestTimeoutMs ?? 30_000, maxRetries: 3 });
  }

  protected async putIndexTemplate(name: string, template: ArticleIndexTemplate): Promise<void> {
    // The mapping is plain JSON shared with OpenSearch; the generated types are narrower than the API accepts.
    await this.client.indices.putIndexTemplate({
      name,
      ...(template as unknown as Omit<estypes.IndicesPutIndexTemplateRequest, 'name'>),
    });
  }

  protected async analyzeWithFilter(filter: ArticleAnalysisFilter['definition']): Promise<void> {
    await this.client.indices.analyze({
      tokenizer: 'standard',
      filter: [filter as estypes.AnalysisTokenFilter],
      text: 'Probe',
    });
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

  protected async sendBulk(
    lines: BulkLine[],
    refresh: BulkWriteOptions['refresh'],
    requireAlias: boolean,
  ): Promise<RawBulkItem[]> {
    // require_alias: a write before ensureIndex must fail (retriably), not auto-create an unmapped `articles` index.
    const response = await this.client.bulk({
      operations: lines as estypes.BulkRequest<ArticleDocument>['operations'],
      require_alias: requireAlias,
      ...(refresh === undefined ? {} : { refresh }),
    });
    return response.items as RawBulkItem[];
  }

  protected async sendHelperBulk(
    index: string,
    docs: readonly ArticleDocument[],
    options: DirectBulkOptions,
  ): Promise<DirectBulkResult> {
    const failures: DirectBulkFailure[] = [];
    const stats = await this.client.helpers.bulk<ArticleDocument>({
      datasource: [...docs],
      onDocument: (doc) => directBulkAction(index, doc) as { index: estypes.BulkIndexOperation },
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
    await this.client.indices.create({ index, settings: settings as estypes.IndicesIndexSettings });
  }

  protected async putIndexSettings(index: string, settings: Record<string, unknown>): Promise<void> {
    await this.client.indices.putSettings({ index, settings: settings as estypes.IndicesIndexSettings });
  }

  protected async aliasTargets(alias: string): Promise<string[]> {
    try {
      return Object.keys(await this.client.indices.getAlias({ name: alias }));
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }

  protected async updateAliases(actions: AliasAction[]): Promise<void> {
    await this.client.indices.updateAliases({ actions: actions as estypes.IndicesUpdateAliasesRequest['actions'] });
  }

  protected async indexDocCounts(pattern: string): Promise<Map<string, number>> {
    const response = await this.client.indices.stats({ index: pattern, metric: 'docs' });
    return new Map(
      Object.entries(response.indices ?? {}).map(([name, stats]) => [name, stats.primaries?.docs?.count ?? 0]),
    );
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

  protected async countDocuments(index: string, timeoutMs: number): Promise<number> {
    const response = await this.client.count({ index }, { requestTimeout: timeoutMs, maxRetries: 0 });
    return response.count;
  }

  protected async listIndices(pattern: string): Promise<string[]> {
    const response = await this.client.indices.get({
      index: pattern,
      allow_no_indices: true,
      ignore_unavailable: true,
    });
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
