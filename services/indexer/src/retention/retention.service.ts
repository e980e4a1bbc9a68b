import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { ProcessedEventStore } from '@wirestream/persistence';
import { MetricsRegistry, RetentionTask, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config';

/** Deletes processed event ids older than PROCESSED_EVENTS_RETENTION_DAYS (0 = off). */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly task: RetentionTask;

  constructor(
    store: ProcessedEventStore,
    @Inject(INDEXER_CONFIG) config: IndexerConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
    metrics: MetricsRegistry,
  ) {
    this.task = new RetentionTask({
      what: 'processed event ids',
      retentionMs: config.PROCESSED_EVENTS_RETENTION_DAYS * 86_400_000,
      prune: (olderThan) => store.prune(olderThan),
      metric: {
        name: 'wirestream_processed_events_pruned_total',
        help: 'Processed event ids deleted after PROCESSED_EVENTS_RETENTION_DAYS',
      },
      logger: logger.child({ component: 'retention' }),
      metrics,
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
