import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { OpsStore } from '@wirestream/persistence';
import { MetricsRegistry, RetentionTask, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config';
import { OpsStatusService } from './ops-status.service';

/**
 * The pipeline-wide figures of the status as gauges, read at scrape time (from the status, cached for 2 s), for the
 * Prometheus alerts. Every indexer instance exports the same values: aggregate them with `max`, not `sum`. A gauge
 * whose source did not answer is left out of the scrape rather than kept at a stale value.
 * Also prunes the freshness rows after FRESHNESS_RETENTION_DAYS.
 */
@Injectable()
export class OpsMetricsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly retention: RetentionTask;

  constructor(
    private readonly status: OpsStatusService,
    metrics: MetricsRegistry,
    store: OpsStore,
    @Inject(INDEXER_CONFIG) config: IndexerConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    metrics.gauge(
      'wirestream_oldest_unsearchable_seconds',
      'Age of the oldest article version accepted in the last hour that the indexer has not stored yet (0 when none)',
      [],
      async (gauge) => {
        const s = await this.status.status();
        gauge.reset();
        if (!s.unavailable.includes('postgres')) gauge.set(s.freshness.oldestUnsearchableSeconds ?? 0);
      },
    );
    metrics.gauge(
      'wirestream_outbox_oldest_pending_seconds',
      'Age of the oldest accepted article not yet published to Kafka (0 when the outbox is empty)',
      [],
      async (gauge) => {
        const s = await this.status.status();
        gauge.reset();
        if (s.outbox) gauge.set(s.outbox.oldestPendingSeconds ?? 0);
      },
    );
    metrics.gauge(
      'wirestream_dlq_messages',
      'Messages retained by each dead-letter topic',
      ['topic'],
      async (gauge) => {
        const s = await this.status.status();
        gauge.reset();
        for (const dlq of s.deadLetters) gauge.set({ topic: dlq.topic }, dlq.size);
      },
    );
    metrics.gauge(
      'wirestream_source_gone_quiet',
      '1 when a source that usually delivers has gone quiet (rule: /v1/ops/status quietRule), else 0',
      ['source'],
      async (gauge) => {
        const s = await this.status.status();
        gauge.reset();
        for (const source of s.sources)
          if (source.lastItemAt) gauge.set({ source: source.id }, source.goneQuiet ? 1 : 0);
      },
    );
    this.retention = new RetentionTask({
      what: 'freshness samples',
      retentionMs: config.FRESHNESS_RETENTION_DAYS * 86_400_000,
      prune: (olderThan) => store.pruneFreshness(olderThan),
      metric: {
        name: 'wirestream_freshness_samples_pruned_total',
        help: 'Per-article freshness rows deleted after FRESHNESS_RETENTION_DAYS',
      },
      logger: logger.child({ component: 'ops' }),
      metrics,
    });
  }

  onApplicationBootstrap(): void {
    this.retention.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.retention.stop();
  }
}
