import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { HealthRegistry, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config';
import { DeferredSearchEngine } from './deferred-search-engine';

export const ARTICLE_SEARCH_ENGINE = Symbol('ARTICLE_SEARCH_ENGINE');

/**
 * The engine is set up when it first answers, not at start-up: an indexer started while its engine is down starts
 * not-ready and becomes ready on its own (its consumer waits for `whenReady`).
 */
@Global()
@Module({
  providers: [
    {
      provide: ARTICLE_SEARCH_ENGINE,
      inject: [INDEXER_CONFIG, HealthRegistry, ROOT_LOGGER],
      useFactory: async (
        config: IndexerConfig,
        health: HealthRegistry,
        logger: Logger,
      ): Promise<DeferredSearchEngine> => {
        const engine = new DeferredSearchEngine(
          {
            url: config.SEARCH_URL,
            engine: config.SEARCH_ENGINE,
            indexPrefix: config.SEARCH_INDEX_PREFIX,
            maxBulkDocs: config.INDEXER_MAX_BULK_DOCS,
          },
          logger,
        );
        await engine.start();
        health.register('search', async () => {
          const h = await engine.health();
          if (!h.ok) throw new Error(`search engine is ${h.status}${h.detail ? `: ${h.detail}` : ''}`);
        });
        return engine;
      },
    },
  ],
  exports: [ARTICLE_SEARCH_ENGINE],
})
export class SearchEngineModule implements OnApplicationShutdown {
  constructor(@Inject(ARTICLE_SEARCH_ENGINE) private readonly engine: DeferredSearchEngine) {}

  async onApplicationShutdown(): Promise<void> {
    await this.engine.close();
  }
}
