import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { FeedSourceStore, storeProvider } from '@wirestream/persistence';
import { json } from 'express';
import { apiKeyCheckerProvider } from '../auth/api-key.guard';
import { IngestModule } from '../ingest/ingest.module';
import { feedFetcherProvider } from './feed-fetcher';
import { SourcePollerService } from './source-poller.service';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

@Module({
  imports: [IngestModule],
  controllers: [SourcesController],
  providers: [
    SourcesService,
    SourcePollerService,
    storeProvider(FeedSourceStore),
    feedFetcherProvider,
    apiKeyCheckerProvider,
  ],
  exports: [SourcesService, SourcePollerService],
})
export class SourcesModule implements NestModule {
  /** The app has no global body parser (ingest wants raw bytes); the sources API takes small JSON bodies. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(json({ limit: '64kb' })).forRoutes(SourcesController);
  }
}
