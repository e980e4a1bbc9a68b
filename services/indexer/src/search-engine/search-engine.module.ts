import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { HealthRegistry, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { createArticleSearchEngine, type ArticleSearchEngine } from '@wirestream/search';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config';

export const ARTICLE_SEARCH_ENGINE = Symbol('ARTICLE_SEARCH_ENGINE');

@Global()
@Module({
  providers: [
    {
      provide: ARTICLE_SEARCH_ENGINE,
      inject: [INDEXER_CONFIG, HealthRegistry, ROOT_LOGGER],
      useFactory: async (config: IndexerConfig, health: HealthRegistry, logger: Logger): Promise<ArticleSearchEngine> => {
        const engine = await createArticleSearchEngine({ url: config.SEARCH_URL, engine: config.SEARCH_ENGINE, indexPrefix: config.SEARCH_INDEX_PREFIX, maxBulkDocs: config.INDEXER_MAX_BULK_DOCS });
        await engine.ensureIndex();
        logger.info({ engine: engine.engine, alias: engine.names.alias }, 'search engine ready');
        health.register('search', async () => {
          const h = await engine.health();
          if (!h.ok) throw new Error(`search engine is ${h.status}`);
        });
        return engine;
      },
    },
  ],
  exports: [ARTICLE_SEARCH_ENGINE],
})
export class SearchEngineModule implements OnApplicationShutdown {
  constructor(@Inject(ARTICLE_SEARCH_ENGINE) private readonly engine: ArticleSearchEngine) {}

  async onApplicationShutdown(): Promise<void> {
    await this.engine.close();
  }
}
