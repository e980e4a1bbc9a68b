/**
 * Issue-5 acceptance at its stated sizes: replaying the same 100 events leaves 100 rows and 100 documents, and one
 * document the engine rejects goes to the DLQ while its 99 batch-mates become searchable.
 */
import {
  deadLetterTopic,
  type DeadLetterPayload,
  type EnrichedArticle,
  type EventEnvelope,
  type SearchResponse,
} from '@wirestream/contracts';
import { EventPublisher, readTopic, type Kafka } from '@wirestream/kafka';
import type { DataSource } from '@wirestream/persistence';
import {
  EXAMPLE_GLOBAL_VILLAGE,
  readExample,
  selectCount,
  waitFor,
  type IsolatedEnvironment,
} from '@wirestream/testing';
import { randomUUID } from 'node:crypto';
import {
  enrichedEvent,
  GLOBAL_VILLAGE,
  startInProcessIndexer,
  type InProcessIndexer,
} from '../testing/in-process-indexer.testing';

describe('indexer replay and partial rejection at 100 events (integration)', () => {
  let environment: IsolatedEnvironment;
  let indexer: InProcessIndexer;
  let url: string;
  let kafka: Kafka;
  let publisher: EventPublisher;
  let dataSource: DataSource;
  const fixture = readExample(EXAMPLE_GLOBAL_VILLAGE);

  beforeAll(async () => {
    indexer = await startInProcessIndexer('replay100');
    ({ environment, url, kafka, publisher, dataSource } = indexer);
  });

  afterAll(async () => {
    await indexer?.close();
  });

  /** A distinct article per index: its own id and a title word no other test uses. */
  function event(tag: string, i: number, overrides: Partial<EnrichedArticle> = {}): EventEnvelope<EnrichedArticle> {
    return enrichedEvent(fixture, randomUUID(), 1, GLOBAL_VILLAGE, { title: `${tag} number ${i}`, ...overrides });
  }

  const total = async (q: string): Promise<number> => {
    const res = await fetch(`${url}/v1/search?q=${encodeURIComponent(q)}&size=0`);
    return ((await res.json()) as SearchResponse).total;
  };

  const rowsWithTitle = async (tag: string): Promise<number> => {
    return selectCount(dataSource, `SELECT count(*)::int AS n FROM articles WHERE title LIKE $1`, [`${tag} number %`]);
  };

  it('replaying the same 100 events leaves 100 rows and 100 documents', async () => {
    const events = Array.from({ length: 100 }, (_, i) => event('Replayzebra', i));
    const send = () => publisher.publish(events.map((envelope) => ({ topic: environment.topics.enriched, envelope })));
    await send();
    await waitFor('100 documents', async () => ((await total('Replayzebra')) === 100 ? true : undefined), {
      timeoutMs: 60000,
    });
    await send();
    await send();
    // Every replayed event produces an articles.indexed event when handled: wait for all 300, then count.
    await readTopic(kafka, environment.topics.indexed, { until: (r) => r.length >= 300, timeoutMs: 90000 });
    expect(await rowsWithTitle('Replayzebra')).toBe(100);
    const versions = await selectCount(
      dataSource,
      `SELECT count(*)::int AS n FROM article_versions v JOIN articles a ON a.id = v.article_id WHERE a.title LIKE 'Replayzebra number %'`,
    );
    expect(versions).toBe(100);
    // Past the index's 1 s refresh interval, so a wrongly added document would be visible.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await total('Replayzebra')).toBe(100);
  });

  it('one document the engine rejects goes to the DLQ; its 99 batch-mates are searchable', async () => {
    const events = Array.from({ length: 100 }, (_, i) => event('Batchyak', i));
    // Postgres keeps the document as JSON and takes it; the engine's date mapping cannot.
    const rejected = event('Batchyak', 100, { enrichedAt: 'sometime on Tuesday' });
    events.splice(57, 1, rejected);
    await publisher.publish(events.map((envelope) => ({ topic: environment.topics.enriched, envelope })));

    const dead = await readTopic(kafka, deadLetterTopic(environment.topics.enriched), {
      until: (r) => r.some((m) => m.key === rejected.articleId),
      timeoutMs: 60000,
    });
    const letter = JSON.parse(dead.find((m) => m.key === rejected.articleId)!.value!) as DeadLetterPayload;
    expect(letter.errorCode).toBe('document-rejected');
    expect(letter.reason).toMatch(/enrichedAt/);
    await waitFor('99 batch-mates searchable', async () => ((await total('Batchyak')) === 99 ? true : undefined), {
      timeoutMs: 60000,
    });
    expect(
      dead.filter(
        (m) => JSON.parse(m.value!).originalTopic === environment.topics.enriched && m.key !== rejected.articleId,
      ),
    ).toHaveLength(0);
  });
});
