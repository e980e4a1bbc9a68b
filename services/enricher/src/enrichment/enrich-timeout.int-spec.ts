/**
 * The enricher's per-item time budget against the real Kafka: an item that never finishes (a test task module
 * that spins) has its worker replaced and is dead-lettered with `enrich-timeout`, the item behind it on the same
 * partition is enriched, and `/health/live` answers within 200 ms all along (enrichment is off the event loop).
 */
import type { INestApplication } from '@nestjs/common';
import {
  deadLetterTopic,
  EventTypes,
  type ArticleReceivedPayload,
  type DeadLetterPayload,
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
import { createLogger, sleep, startHttpService } from '@wirestream/platform';
import {
  createIsolatedEnvironment,
  EXAMPLE_GLOBAL_VILLAGE,
  readExample,
  type IsolatedEnvironment,
} from '@wirestream/testing';
import path from 'node:path';
import { AppModule } from '../app.module';
import { loadEnricherConfig } from '../config/enricher.config';
import { SPIN_MARKER } from './spinning-enrich.task.testing';

const ITEM_TIMEOUT_MS = 2000;

describe('enricher time budget (integration)', () => {
  let environment: IsolatedEnvironment;
  let app: INestApplication;
  let kafka: Kafka;
  let publisher: EventPublisher;
  let baseUrl: string;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('enrichtimeout');
    const config = loadEnricherConfig({
      ...environment.env,
      ENRICHER_WORKERS: '2',
      ENRICH_ITEM_TIMEOUT_MS: String(ITEM_TIMEOUT_MS),
      // Every item on a worker: the budget applies there (short items are enriched in-process, see EnrichPool).
      ENRICH_INLINE_MAX_CHARS: '0',
    });
    const logger = createLogger('enricher', 'silent');
    const rootModule = AppModule.register(config, logger, {
      enrichTaskModule: path.join(__dirname, 'spinning-enrich.task.testing.ts'),
    });
    app = await startHttpService({
      service: 'enricher',
      description: 'test',
      rootModule,
      logger,
      port: 0,
      transport: (app) => app.get(KafkaBatchServer),
      host: '127.0.0.1',
    });
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'enrich-timeout-int-spec', logger });
    publisher = new EventPublisher(kafka);
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await app?.close();
    await environment?.teardown();
  });

  function receivedEvent(text: string, articleId: string, version: number): EventEnvelope<ArticleReceivedPayload> {
    const [item] = parseIngestBody({ bytes: Buffer.from(text), contentType: 'text/plain' }).items;
    return createEnvelope({
      type: EventTypes.articleReceived,
      articleId,
      version,
      payload: {
        source: { id: 'global-village-space', name: 'Global Village Space' },
        format: 'text',
        contentType: 'text/plain',
        receivedAt: '2026-02-04T12:00:00.000Z',
        rawRef: { table: 'raw_articles', id: articleId, version },
        item: item!,
      },
    });
  }

  it('dead-letters an item over budget with enrich-timeout, enriches the next one, and stays live throughout', async () => {
    const articleId = '6f1d3c9e-4444-5222-8333-444455556666';
    const story = readExample(EXAMPLE_GLOBAL_VILLAGE);
    // One untimed probe first: the first fetch loads and connects the HTTP client, which is not the service's doing.
    await fetch(`${baseUrl}/health/live`);
    let probing = true;
    const liveLatencies: number[] = [];
    const prober = (async () => {
      while (probing) {
        const started = performance.now();
        const res = await fetch(`${baseUrl}/health/live`);
        liveLatencies.push(res.status === 200 ? performance.now() - started : Number.POSITIVE_INFINITY);
        await sleep(50);
      }
    })();
    // Same key, so same partition: version 2 waits behind the spinning version 1.
    await publisher.publish([
      { topic: environment.topics.raw, envelope: receivedEvent(`${story}\n\n${SPIN_MARKER}`, articleId, 1) },
      { topic: environment.topics.raw, envelope: receivedEvent(story, articleId, 2) },
    ]);
    try {
      const dead = await readTopic(kafka, deadLetterTopic(environment.topics.raw), {
        until: (r) => r.length >= 1,
        timeoutMs: 60000,
      });
      const letter = JSON.parse(dead[0]!.value!) as DeadLetterPayload;
      expect(letter).toMatchObject({ key: articleId, errorCode: 'enrich-timeout', attempts: 1 });
      expect(letter.reason).toMatch(new RegExp(`longer than ${ITEM_TIMEOUT_MS} ms`));
      expect((JSON.parse(letter.value!) as EventEnvelope<unknown>).version).toBe(1);

      const enriched = await readTopic(kafka, environment.topics.enriched, {
        until: (r) => r.length >= 1,
        timeoutMs: 60000,
      });
      expect(enriched).toHaveLength(1);
      expect((JSON.parse(enriched[0]!.value!) as EventEnvelope<unknown>).version).toBe(2);
    } finally {
      probing = false;
      await prober;
    }
    // The probes spanned the spin (at least the budget's worth of them), each answered well inside 200 ms.
    expect(liveLatencies.length).toBeGreaterThan(ITEM_TIMEOUT_MS / 250);
    expect(Math.max(...liveLatencies)).toBeLessThan(200);
  });
});
