import { Module } from '@nestjs/common';
import { KafkaTransportModule, type KafkaConsumersOptions } from '@wirestream/kafka';
import { MetricsRegistry } from '@wirestream/platform';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config';
import { articleStoreProvider, OpsStore, storeProvider } from '@wirestream/persistence';
import { FreshnessRecorder } from '../ops/freshness-recorder';
import type { DeferredSearchEngine } from '../search-engine/deferred-search-engine';
import { ARTICLE_SEARCH_ENGINE } from '../search-engine/search-engine.module';
import { IndexingController } from './indexing.controller';
import { IndexingService } from './indexing.service';

/**
 * How `articles.enriched.v1` is consumed for `IndexingController`'s `@EventPattern('enriched')`. Consuming starts
 * once the engine is set up, so an indexer started while the engine is down runs (not ready) and begins on its own
 * when the engine appears, instead of retrying every batch into the DLQ.
 */
function indexingConsumers(
  config: IndexerConfig,
  metrics: MetricsRegistry,
  engine: DeferredSearchEngine,
): KafkaConsumersOptions {
  const deadLettered = metrics.counter('wirestream_indexer_dead_lettered_total', 'Messages sent to the DLQ');
  return {
    enriched: {
      groupId: config.INDEXER_GROUP_ID,
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      retry: { maxAttempts: config.INDEXER_MAX_ATTEMPTS, baseDelayMs: 250, maxDelayMs: 30000 },
      onDeadLetter: () => deadLettered.inc(),
      batch: { maxBytesPerPartition: config.INDEXER_MAX_BATCH_BYTES, maxWaitTimeInMs: config.INDEXER_LINGER_MS },
      startWhen: {
        name: 'search-engine',
        reason: 'the consumer starts once the search engine is set up',
        isOpen: () => engine.isReady,
        whenOpen: () => engine.whenReady(),
      },
    },
  };
}

@Module({
  imports: [
    KafkaTransportModule.register({
      inject: [INDEXER_CONFIG, MetricsRegistry, ARTICLE_SEARCH_ENGINE],
      useFactory: indexingConsumers,
    }),
  ],
  controllers: [IndexingController],
  providers: [IndexingService, FreshnessRecorder, articleStoreProvider('indexer'), storeProvider(OpsStore)],
  exports: [IndexingService],
})
export class IndexingModule {}
