import { Module } from '@nestjs/common';
import { ProcessedEventStore, storeProvider } from '@wirestream/persistence';
import { RetentionService } from './retention.service';

@Module({ providers: [RetentionService, storeProvider(ProcessedEventStore)] })
export class RetentionModule {}
