import 'reflect-metadata';
import { createLogger, redactConfig, runMain, startHttpService } from '@wirestream/platform';
import { AppModule } from './app.module';
import { loadIngestorConfig } from './config/ingestor.config';
import { describeIngestBody } from './ingest/ingest.openapi';

runMain('ingestor', async () => {
  const config = loadIngestorConfig();
  const logger = createLogger('ingestor', config.LOG_LEVEL);
  logger.info({ config: redactConfig(config) }, 'configuration loaded');
  await startHttpService({
    service: 'ingestor',
    description: 'Takes articles in (wire formats, feeds, scraped pages), stores them and queues them for enrichment.',
    rootModule: AppModule.register(config, logger),
    logger,
    port: config.PORT,
    bodyParser: false,
    customizeOpenApi: describeIngestBody,
  });
});
