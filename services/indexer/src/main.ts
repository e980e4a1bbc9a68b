import 'reflect-metadata';
import { KafkaBatchServer } from '@wirestream/kafka';
import { createLogger, redactConfig, runMain, startHttpService } from '@wirestream/platform';
import { AppModule } from './app.module';
import { loadIndexerConfig } from './config/indexer.config';

runMain('indexer', async () => {
  const config = loadIndexerConfig();
  const logger = createLogger('indexer', config.LOG_LEVEL);
  logger.info({ config: redactConfig(config) }, 'configuration loaded');
  await startHttpService({
    service: 'indexer',
    description:
      'Stores enriched articles (version-guarded) and makes them searchable; serves the search and article APIs.',
    rootModule: AppModule.register(config, logger),
    logger,
    port: config.PORT,
    transport: (app) => app.get(KafkaBatchServer),
  });
});
