import { DynamicModule, Module } from '@nestjs/common';
import { KafkaTransportModule, type KafkaConsumersOptions } from '@wirestream/kafka';
import { MetricsRegistry } from '@wirestream/platform';
import { ENRICHER_CONFIG, type EnricherConfig } from '../config/enricher.config';
import { ENRICH_TASK, enrichPoolProvider } from './enrich-pool';
import { EnrichmentController } from './enrichment.controller';
import { EnrichmentService } from './enrichment.service';

/** How `articles.raw.v1` is consumed for `EnrichmentController`'s `@EventPattern('raw')`. */
function enrichmentConsumers(config: EnricherConfig, metrics: MetricsRegistry): KafkaConsumersOptions {
  const deadLettered = metrics.counter('wirestream_enricher_dead_lettered_total', 'Messages sent to the DLQ');
  return {
    raw: {
      groupId: config.ENRICHER_GROUP_ID,
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      retry: { maxAttempts: config.ENRICHER_MAX_ATTEMPTS, baseDelayMs: 250, maxDelayMs: 30000 },
      onDeadLetter: () => deadLettered.inc(),
      batch: { maxBytesPerPartition: config.ENRICHER_MAX_BATCH_BYTES },
    },
  };
}

@Module({})
export class EnrichmentModule {
  static register(taskModule: string): DynamicModule {
    return {
      module: EnrichmentModule,
      imports: [
        KafkaTransportModule.register({ inject: [ENRICHER_CONFIG, MetricsRegistry], useFactory: enrichmentConsumers }),
      ],
      controllers: [EnrichmentController],
      providers: [{ provide: ENRICH_TASK, useValue: taskModule }, enrichPoolProvider, EnrichmentService],
    };
  }
}
