import { Module } from '@nestjs/common';
import { EnrichmentConsumer } from './enrichment.consumer';
import { EnrichmentService } from './enrichment.service';

@Module({ providers: [EnrichmentService, EnrichmentConsumer] })
export class EnrichmentModule {}
