import { Module } from '@nestjs/common';
import { IndexingConsumer } from './indexing.consumer';
import { IndexingService } from './indexing.service';

@Module({ providers: [IndexingService, IndexingConsumer], exports: [IndexingService] })
export class IndexingModule {}
