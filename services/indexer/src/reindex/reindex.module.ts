import { Module } from '@nestjs/common';
import { API_KEY_CHECKER, ApiKeyChecker, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config';
import { ReindexController } from './reindex.controller';
import { ReindexService } from './reindex.service';

/** Admin endpoints need `x-api-key` from ADMIN_API_KEYS or ADMIN_API_KEY_HASHES. */
const adminKeyCheckerProvider = {
  provide: API_KEY_CHECKER,
  inject: [INDEXER_CONFIG, ROOT_LOGGER],
  useFactory: (config: IndexerConfig, logger: Logger) =>
    new ApiKeyChecker(
      {
        keys: config.ADMIN_API_KEYS,
        hashes: config.ADMIN_API_KEY_HASHES,
        settings: 'ADMIN_API_KEYS or ADMIN_API_KEY_HASHES',
        scope: 'admin',
      },
      logger,
    ),
};

@Module({ controllers: [ReindexController], providers: [ReindexService, adminKeyCheckerProvider] })
export class ReindexModule {}
