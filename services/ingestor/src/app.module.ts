import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule } from '@wirestream/kafka';
import { DatabaseModule } from '@wirestream/persistence';
import { PlatformModule, type Logger } from '@wirestream/platform';
import type { IngestorConfig } from './config/ingestor.config';
import { IngestModule } from './ingest/ingest.module';
import { SourcesModule } from './sources/sources.module';

@Module({})
export class AppModule {
  static register(config: IngestorConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'ingestor', logger, config }),
        DatabaseModule.forRoot({ applicationName: 'wirestream-ingestor' }),
        // Not a readiness check: articles are accepted with Kafka down (the outbox holds them).
        KafkaModule.forRoot({ clientId: 'wirestream-ingestor', readinessCheck: false }),
        IngestModule,
        SourcesModule,
      ],
    };
  }
}
