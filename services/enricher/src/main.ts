import 'reflect-metadata';
import { KafkaBatchServer } from '@wirestream/kafka';
import { createLogger, redactConfig, runMain, startHttpService } from '@wirestream/platform';
import { AppModule } from './app.module';
import { loadEnricherConfig } from './config/enricher.config';

runMain('enricher', async () => {
  const config = loadEnricherConfig();
  const logger = createLogger('enricher', config.LOG_LEVEL);
  logger.info({ config: redactConfig(config) }, 'configuration loaded');
  await startHttpService({
    service: 'enricher',
    description:
      'Cleans and enriches raw articles: main text, metadata, language, entities, quotes, keywords, summary, fingerprint.',
    rootModule: AppModule.register(config, logger),
    logger,
    port: config.PORT,
    transport: (app) => app.get(KafkaBatchServer),
  });
});
