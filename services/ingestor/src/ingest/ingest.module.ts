import { MiddlewareConsumer, Module, NestModule, Inject } from '@nestjs/common';
import { RawArticleStore, storeProvider } from '@wirestream/persistence';
import { raw } from 'express';
import { ApiKeyMiddleware, apiKeyCheckerProvider } from '../auth/api-key.guard';
import { INGESTOR_CONFIG, type IngestorConfig } from '../config/ingestor.config';
import { OutboxRelayModule } from '../outbox/outbox-relay.module';
import { BodyParser, PARSE_TASK, PARSE_TASK_MODULE } from './body-parser';
import { IngestController } from './ingest.controller';
import { IngestService } from './ingest.service';

@Module({
  imports: [OutboxRelayModule],
  controllers: [IngestController],
  providers: [
    IngestService,
    storeProvider(RawArticleStore),
    apiKeyCheckerProvider,
    BodyParser,
    { provide: PARSE_TASK, useValue: PARSE_TASK_MODULE },
  ],
  exports: [IngestService],
})
export class IngestModule implements NestModule {
  constructor(@Inject(INGESTOR_CONFIG) private readonly config: IngestorConfig) {}

  /**
   * The API key is checked before a byte of the body is read; then ingest takes the raw bytes whatever the type:
   * detection and decoding are the parsers' job, not Express's.
   */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(ApiKeyMiddleware, raw({ type: () => true, limit: this.config.INGEST_MAX_BYTES }))
      .forRoutes(IngestController);
  }
}
