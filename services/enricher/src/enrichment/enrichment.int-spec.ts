/** The enricher in-process against the real Kafka: raw events in, enriched events and dead letters out. */
import type { INestApplication } from '@nestjs/common';
import {
  deadLetterTopic,
  EventTypes,
  type ArticleReceivedPayload,
  type DeadLetterPayload,
  type EnrichedArticle,
  type EventEnvelope,
} from '@wirestream/contracts';
import { parseIngestBody } from '@wirestream/formats';
import {
  createEnvelope,
  createKafka,
  EventPublisher,
  readTopic,
  type Kafka,
  KafkaBatchServer,
} from '@wirestream/kafka';
import { createLogger, startHttpService } from '@wirestream/platform';
import {
  createIsolatedEnvironment,
  EXAMPLE_GLOBAL_VILLAGE,
  readExample,
  type IsolatedEnvironment,
} from '@wirestream/testing';
import { AppModule } from '../app.module';
import { loadEnricherConfig } from '../config/enricher.config';

describe('enricher (integration)', () => {
  let environment: IsolatedEnvironment;
  let app: INestApplication;
  let kafka: Kafka;
  let publisher: EventPublisher;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('enricher');
    const config = loadEnricherConfig(environment.env);
    const logger = createLogger('enricher', 'silent');
    app = await startHttpService({
      service: 'enricher',
      description: 'test',
      rootModule: AppModule.register(config, logger),
      logger,
      port: 0,
      transport: (app) => app.get(KafkaBatchServer),
      host: '127.0.0.1',
    });
    kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'enricher-int-spec', logger });
    publisher = new EventPublisher(kafka);
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await app?.close();
    await environment?.teardown();
  });

  function receivedEvent(text: string, articleId: string): EventEnvelope<ArticleReceivedPayload> {
    const [item] = parseIngestBody({ bytes: Buffer.from(text), contentType: 'text/plain' }).items;
    return createEnvelope({
      type: EventTypes.articleReceived,
      articleId,
      version: 1,
      payload: {
        source: { id: 'global-village-space', name: 'Global Village Space' },
        format: 'text',
        contentType: 'text/plain',
        receivedAt: '2026-02-04T12:00:00.000Z',
        rawRef: { table: 'raw_articles', id: articleId, version: 1 },
        item: item!,
      },
    });
  }

  it('dead-letters a poison message with its reason and still enriches the next one on the same partition', async () => {
    const articleId = '6f1d3c9e-1111-5222-8333-444455556666';
    // Same key → same partition, poison first: the good event behind it must not be blocked.
    await publisher.publishRaw(environment.topics.raw, [
      { key: articleId, value: '{"this is": not json', headers: {} },
    ]);
    await publisher.publish([
      { topic: environment.topics.raw, envelope: receivedEvent(readExample(EXAMPLE_GLOBAL_VILLAGE), articleId) },
    ]);

    const enriched = await readTopic(kafka, environment.topics.enriched, {
      until: (r) => r.length >= 1,
      timeoutMs: 60000,
    });
    expect(enriched).toHaveLength(1);
    expect(enriched[0]!.key).toBe(articleId);
    const envelope = JSON.parse(enriched[0]!.value!) as EventEnvelope<EnrichedArticle>;
    expect(envelope.type).toBe('article.enriched');
    const article = envelope.payload;
    expect(article.title).toBe('Trump meets with Colombia’s Petro after diplomatic row over cartels');
    expect(article.publishedAt?.startsWith('2026-02-04')).toBe(true);
    expect(article.source.name).toBe('Global Village Space');
    expect(article.relatedLinks).toHaveLength(2);
    expect(article.body).not.toContain('Read more:');
    expect(article.ingestedAt).toBe('2026-02-04T12:00:00.000Z');

    const dead = await readTopic(kafka, deadLetterTopic(environment.topics.raw), {
      until: (r) => r.length >= 1,
      timeoutMs: 30000,
    });
    expect(dead).toHaveLength(1);
    const letter = JSON.parse(dead[0]!.value!) as DeadLetterPayload;
    expect(letter).toMatchObject({
      originalTopic: environment.topics.raw,
      key: articleId,
      value: '{"this is": not json',
      errorCode: 'malformed-event',
      attempts: 1,
    });
    expect(letter.reason).toMatch(/not JSON/);
    expect(dead[0]!.headers['x-dlq-reason']).toBe(letter.reason);
  });

  it('dead-letters an event whose payload is not a raw article, naming the bad fields', async () => {
    const articleId = '6f1d3c9e-2222-5222-8333-444455556666';
    const bad = createEnvelope({
      type: EventTypes.articleReceived,
      articleId,
      version: 1,
      payload: { source: { id: 'x' }, receivedAt: 'now', item: { contentType: 'pdf' } },
    });
    await publisher.publish([{ topic: environment.topics.raw, envelope: bad as EventEnvelope<unknown> }]);
    const dead = await readTopic(kafka, deadLetterTopic(environment.topics.raw), {
      until: (r) => r.some((m) => m.key === articleId),
      timeoutMs: 30000,
    });
    const letter = JSON.parse(dead.find((m) => m.key === articleId)!.value!) as DeadLetterPayload;
    expect(letter.reason).toMatch(/payload\.item\.content must be a string/);
    expect(letter.reason).toMatch(/contentType must be html or text/);
  });

  it('re-delivery produces the same enriched event id, so the indexer can skip it', async () => {
    const articleId = '6f1d3c9e-3333-5222-8333-444455556666';
    const event = receivedEvent(readExample(EXAMPLE_GLOBAL_VILLAGE), articleId);
    await publisher.publish([
      { topic: environment.topics.raw, envelope: event },
      { topic: environment.topics.raw, envelope: event },
    ]);
    const enriched = await readTopic(kafka, environment.topics.enriched, {
      until: (r) => r.filter((m) => m.key === articleId).length >= 2,
      timeoutMs: 60000,
    });
    const ids = enriched
      .filter((m) => m.key === articleId)
      .map((m) => (JSON.parse(m.value!) as EventEnvelope<unknown>).eventId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });
});
