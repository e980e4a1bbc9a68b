import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { OutboxStore } from '@wirestream/persistence';
import { MetricsRegistry, RetentionTask, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { INGESTOR_CONFIG, type IngestorConfig } from '../config/ingestor.config';

/** Deletes outbox rows sent more than OUTBOX_RETENTION_HOURS ago (each holds a copy of its raw article); 0 = off. */
@Injectable()
export class OutboxRetentionService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly task: RetentionTask;

  constructor(
    store: OutboxStore,
    @Inject(INGESTOR_CONFIG) config: IngestorConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
    metrics: MetricsRegistry,
  ) {
    this.task = new RetentionTask({
      what: 'sent outbox rows',
      retentionMs: config.OUTBOX_RETENTION_HOURS * 3_600_000,
      prune: (olderThan) => store.pruneSent(olderThan),
      metric: { name: 'wirestream_outbox_pruned_total', help: 'Sent outbox rows deleted after OUTBOX_RETENTION_HOURS' },
      logger: logger.child({ component: 'outbox-retention' }),
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
