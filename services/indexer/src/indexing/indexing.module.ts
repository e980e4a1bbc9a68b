import { Module } from '@nestjs/common';
import { FreshnessRecorder } from '../ops/freshness-recorder';
import { IndexingConsumer } from './indexing.consumer';
import { IndexingService } from './indexing.service';

@Module({ providers: [IndexingService, IndexingConsumer, FreshnessRecorder], exports: [IndexingService] })
export class IndexingModule {}
