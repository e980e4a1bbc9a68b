import { DynamicModule, Module } from '@nestjs/common';
import { KafkaModule } from '@wirestream/kafka';
import { DatabaseModule } from '@wirestream/persistence';
import { PlatformModule, type Logger } from '@wirestream/platform';
import { ArticlesModule } from './articles/articles.module';
import type { IndexerConfig } from './config/indexer.config';
import { IndexingModule } from './indexing/indexing.module';
import { OpsModule } from './ops/ops.module';
import { ReindexModule } from './reindex/reindex.module';
import { RetentionModule } from './retention/retention.module';
import { SearchModule } from './search/search.module';
import { SearchEngineModule } from './search-engine/search-engine.module';

@Module({})
export class AppModule {
  static register(config: IndexerConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'indexer', logger, config }),
        DatabaseModule.forRoot({ applicationName: 'wirestream-indexer' }),
        KafkaModule.forRoot({ clientId: 'wirestream-indexer', readinessCheck: true }),
        SearchEngineModule,
        IndexingModule,
        ArticlesModule,
        SearchModule,
        ReindexModule,
        RetentionModule,
        OpsModule,
      ],
    };
  }
}
