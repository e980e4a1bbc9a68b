import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule } from '@wirestream/kafka';
import { PlatformModule, type Logger } from '@wirestream/platform';
import type { EnricherConfig } from './config/enricher.config';
import { EnrichmentModule } from './enrichment/enrichment.module';

@Module({})
export class AppModule {
  static register(config: EnricherConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: 'enricher', logger, config }), KafkaModule.forRoot({ clientId: 'wirestream-enricher', readinessCheck: true }), EnrichmentModule],
    };
  }
}
