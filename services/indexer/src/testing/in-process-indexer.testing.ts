/** The indexer app in-process against the real stack, on an isolated environment — shared by the indexer's int specs. */
import type { INestApplication } from '@nestjs/common';
import { EventTypes, type EnrichedArticle, type EventEnvelope, type SourceRef } from '@wirestream/contracts';
import { enrichArticle } from '@wirestream/enrichment';
import { parseIngestBody } from '@wirestream/formats';
import { createEnvelope, createKafka, EventPublisher, type Kafka, KafkaBatchServer } from '@wirestream/kafka';
import { DATA_SOURCE, type DataSource } from '@wirestream/persistence';
import { createLogger, startHttpService } from '@wirestream/platform';
import { createIsolatedEnvironment, type IsolatedEnvironment } from '@wirestream/testing';
import { AppModule } from '../app.module';
import { loadIndexerConfig } from '../config/indexer.config';

export interface InProcessIndexer {
  environment: IsolatedEnvironment;
  app: INestApplication;
  url: string;
  kafka: Kafka;
  publisher: EventPublisher;
  dataSource: DataSource;
  /** Publishes enriched events to this environment's `articles.enriched` topic. */
  publishEnriched(...envelopes: EventEnvelope<EnrichedArticle>[]): Promise<void>;
  close(): Promise<void>;
}

export async function startInProcessIndexer(label: string): Promise<InProcessIndexer> {
  const environment = await createIsolatedEnvironment(label);
  const config = loadIndexerConfig(environment.env);
  const logger = createLogger('indexer', 'silent');
  const app = await startHttpService({
    service: 'indexer',
    description: 'test',
    rootModule: AppModule.register(config, logger),
    logger,
    port: 0,
    transport: (app) => app.get(KafkaBatchServer),
    host: '127.0.0.1',
  });
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: `${label}-int-spec`, logger });
  const publisher = new EventPublisher(kafka);
  return {
    environment,
    app,
    url: await app.getUrl(),
    kafka,
    publisher,
    dataSource: app.get<DataSource>(DATA_SOURCE),
    publishEnriched: (...envelopes) =>
      publisher.publish(envelopes.map((envelope) => ({ topic: environment.topics.enriched, envelope }))),
    async close() {
      await publisher.disconnect();
      await app.close();
      await environment.teardown();
    },
  };
}

export const GLOBAL_VILLAGE: SourceRef = { id: 'global-village-space', name: 'Global Village Space' };

/** A real enriched article (the enricher's own code on `text`) wrapped in an `article.enriched` event. */
export function enrichedEvent(
  text: string,
  id: string,
  version: number,
  source: SourceRef = GLOBAL_VILLAGE,
  overrides: Partial<EnrichedArticle> = {},
): EventEnvelope<EnrichedArticle> {
  const [item] = parseIngestBody({ bytes: Buffer.from(text), contentType: 'text/plain' }).items;
  const article = {
    ...enrichArticle({
      id,
      version,
      source,
      item: item!,
      ingestedAt: '2026-02-04T12:00:00.000Z',
      now: '2026-02-04T12:00:01.000Z',
    }),
    ...overrides,
  };
  return createEnvelope({ type: EventTypes.articleEnriched, articleId: id, version, payload: article });
}
