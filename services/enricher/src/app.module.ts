import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule } from '@wirestream/kafka';
import { PlatformModule, type Logger } from '@wirestream/platform';
import type { EnricherConfig } from './config/enricher.config';
import { ENRICH_TASK_MODULE } from './enrichment/enrich-pool';
import { EnrichmentModule } from './enrichment/enrichment.module';

@Module({})
export class AppModule {
  /** `enrichTaskModule`: the worker task module (default `enrichArticle`); tests pass one that misbehaves. */
  static register(config: EnricherConfig, logger: Logger, options: { enrichTaskModule?: string } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'enricher', logger, config }),
        KafkaModule.forRoot({ clientId: 'wirestream-enricher', readinessCheck: true }),
        EnrichmentModule.register(options.enrichTaskModule ?? ENRICH_TASK_MODULE),
      ],
    };
  }
}
