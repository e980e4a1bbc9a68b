import { DynamicModule, Module } from '@nestjs/common';
import { ENRICH_TASK, enrichPoolProvider } from './enrich-pool';
import { EnrichmentConsumer } from './enrichment.consumer';
import { EnrichmentService } from './enrichment.service';

@Module({})
export class EnrichmentModule {
  static register(taskModule: string): DynamicModule {
    return {
      module: EnrichmentModule,
      providers: [
        { provide: ENRICH_TASK, useValue: taskModule },
        enrichPoolProvider,
        EnrichmentService,
        EnrichmentConsumer,
      ],
    };
  }
}
