import { Module } from '@nestjs/common';
import { articleStoreProvider, OpsStore, storeProvider } from '@wirestream/persistence';
import { FreshnessRecorder } from '../ops/freshness-recorder';
import { IndexingConsumer } from './indexing.consumer';
import { IndexingService } from './indexing.service';

@Module({
  providers: [
    IndexingService,
    IndexingConsumer,
    FreshnessRecorder,
    articleStoreProvider('indexer'),
    storeProvider(OpsStore),
  ],
  exports: [IndexingService],
})
export class IndexingModule {}
