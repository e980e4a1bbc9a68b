/** The indexer in-process against real Kafka, Postgres and the search engine: version-safe, idempotent, partial-failure safe. */
import {
  deadLetterTopic,
  FIELD_LIMITS,
  type DeadLetterPayload,
  type EnrichedArticle,
  type SearchResponse,
} from '@wirestream/contracts';
import { EventPublisher, readTopic, type Kafka } from '@wirestream/kafka';
import type { DataSource } from '@wirestream/persistence';
import {
  EXAMPLE_GLOBAL_VILLAGE,
  metricSamples,
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

describe('indexer (integration)', () => {
  let environment: IsolatedEnvironment;
  let indexer: InProcessIndexer;
  let url: string;
  let kafka: Kafka;
  let publisher: EventPublisher;
  let dataSource: DataSource;
  const fixture = readExample(EXAMPLE_GLOBAL_VILLAGE);

  beforeAll(async () => {
    indexer = await startInProcessIndexer('indexer');
    ({ environment, url, kafka, publisher, dataSource } = indexer);
  });

  afterAll(async () => {
    await indexer?.close();
  });

  const enriched = (text: string, id: string, version: number, overrides: Partial<EnrichedArticle> = {}) =>
    enrichedEvent(text, id, version, GLOBAL_VILLAGE, overrides);

  const search = async (query: string): Promise<SearchResponse> => {
    const res = await fetch(`${url}/v1/search?${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as SearchResponse;
  };

  const countRows = async (id: string): Promise<number> => {
    return selectCount(dataSource, 'SELECT count(*)::int AS n FROM articles WHERE id = $1', [id]);
  };

  it('exports its consumer lag and the time per stage on /metrics', async () => {
    const id = randomUUID();
    await publisher.publish([{ topic: environment.topics.enriched, envelope: enriched(fixture, id, 1) }]);
    await readTopic(kafka, environment.topics.indexed, { until: (r) => r.some((m) => m.key === id), timeoutMs: 60000 });
    const metrics = await waitFor('lag back to 0 once the batch is committed', async () => {
      const text = await (await fetch(`${url}/metrics`)).text();
      const lags = metricSamples(text, 'wirestream_consumer_lag', { topic: environment.topics.enriched });
      return lags.length === 12 && lags.every((lag) => lag === 0) ? text : undefined; // KAFKA_TOPIC_PARTITIONS' default
    });
    for (const stage of ['postgres', 'engine', 'publish']) {
      const [count] = metricSamples(metrics, 'wirestream_index_stage_seconds_count', { stage });
      expect(count).toBeGreaterThanOrEqual(1);
    }
  });

  it('replayed events leave one row and one document; an older version after a newer one changes nothing', async () => {
    const id = randomUUID();
    const v2 = enriched(fixture, id, 2, { title: 'Corrected: Trump meets Petro' });
    const v1 = enriched(fixture, id, 1);
    await publisher.publish([v2, v2, v1, v2].map((envelope) => ({ topic: environment.topics.enriched, envelope })));

    const indexed = await readTopic(kafka, environment.topics.indexed, {
      until: (r) => r.filter((m) => m.key === id).length >= 2,
      timeoutMs: 60000,
    });
    expect(indexed.filter((m) => m.key === id).length).toBeGreaterThanOrEqual(1);
    const result = await waitFor('the article in search', async () => {
      const r = await search(`q=${encodeURIComponent('"Trump meets Petro"')}`);
      return r.total > 0 ? r : undefined;
    });
    expect(result.total).toBe(1);
    expect(result.items[0]).toMatchObject({ id, version: 2, title: 'Corrected: Trump meets Petro' });
    expect(await countRows(id)).toBe(1);

    const article = (await (await fetch(`${url}/v1/articles/${id}`)).json()) as EnrichedArticle;
    expect(article.version).toBe(2);
    expect(article.title).toBe('Corrected: Trump meets Petro');
  });

  it('a document the engine rejects goes to the DLQ with the engine’s reason while its batch-mates are indexed', async () => {
    const good = Array.from({ length: 9 }, () => randomUUID());
    const badId = randomUUID();
    const events = good.map((id, i) =>
      enriched(fixture.replace('Trump meets with', `Batch ${i} Trump meets with`), id, 1, {
        title: `Batchmate ${i} of the rejected one`,
      }),
    );
    // Postgres keeps the document as JSON and takes it; the engine's date mapping cannot.
    events.splice(4, 0, enriched(fixture, badId, 1, { enrichedAt: 'sometime on Tuesday' }));
    await publisher.publish(events.map((envelope) => ({ topic: environment.topics.enriched, envelope })));

    const dead = await readTopic(kafka, deadLetterTopic(environment.topics.enriched), {
      until: (r) => r.some((m) => m.key === badId),
      timeoutMs: 60000,
    });
    const letter = JSON.parse(dead.find((m) => m.key === badId)!.value!) as DeadLetterPayload;
    expect(letter.errorCode).toBe('document-rejected');
    expect(letter.reason).toMatch(/enrichedAt/);

    const result = await waitFor(
      'all nine batch-mates searchable',
      async () => {
        const r = await search(`q=Batchmate&size=50`);
        return r.total === 9 ? r : undefined;
      },
      { timeoutMs: 30000 },
    );
    expect(result.items.map((i) => i.id).sort()).toEqual([...good].sort());
    expect(await countRows(badId)).toBe(1); // Postgres keeps it; only the engine refused it
  });

  it('indexes an article whose derived fields are far over their limits instead of dead-lettering it', async () => {
    const id = randomUUID();
    const neighbour = randomUUID();
    const organisation = 'Alpha Beta Gamma Delta '.repeat(180).trim(); // ~4 KB run of capitalised words
    const sourceName = 'Oversized Source '.repeat(241).trim(); // ~4 KB
    const summary = `${'Numbat '.repeat(5715)}.`; // ~40 KB, one sentence
    expect([organisation.length, sourceName.length, summary.length].every((n) => n >= 4000)).toBe(true);
    const oversized = enriched(fixture.replace('Trump meets with', 'Numbat sighting: Trump meets with'), id, 1, {
      title: 'Numbat sighting with oversized fields',
      source: { id: sourceName.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name: sourceName },
      summary,
      keywords: ['numbat', 'k'.repeat(4096)],
      entities: {
        people: [{ name: 'Gustavo Petro', count: 2 }],
        places: [{ name: 'Bogotá', count: 1 }],
        organizations: [
          { name: organisation, count: 1 },
          { name: 'Numbat Trust', count: 1 },
        ],
      },
      quotes: [{ text: 'We saw it.', speaker: 'S'.repeat(4096) }] as EnrichedArticle['quotes'],
    });
    await publisher.publish([
      { topic: environment.topics.enriched, envelope: oversized },
      {
        topic: environment.topics.enriched,
        envelope: enriched(fixture, neighbour, 1, { title: 'Neighbour of the numbat' }),
      },
    ]);
    const found = await waitFor(
      'the oversized article searchable',
      async () => {
        const r = await search('q=numbat&size=10');
        return r.items.some((i) => i.id === id) && r.items.some((i) => i.id === neighbour) ? r : undefined;
      },
      { timeoutMs: 60000 },
    );
    const hit = found.items.find((i) => i.id === id)!;
    expect(hit.summary.length).toBeLessThanOrEqual(FIELD_LIMITS.summary);
    expect(hit.source.name!.length).toBeLessThanOrEqual(FIELD_LIMITS.sourceName);
    expect((await search('organization=Numbat%20Trust')).items.map((i) => i.id)).toEqual([id]);
    expect((await search('person=Gustavo%20Petro&q=numbat')).items.map((i) => i.id)).toContain(id);
    // Stored whole in Postgres (the document), with only the entity names its index can take.
    expect(await countRows(id)).toBe(1);
    const names = (await dataSource.query(
      `SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = $1 ORDER BY e.name`,
      [id],
    )) as { name: string }[];
    expect(names.map((n) => n.name)).toEqual(['Bogotá', 'Gustavo Petro', 'Numbat Trust']);
    const dead = await readTopic(kafka, deadLetterTopic(environment.topics.enriched), {
      toEnd: true,
      timeoutMs: 10000,
    });
    expect(dead.filter((m) => m.key === id)).toEqual([]);
  });

  it('a withdrawn version removes the article from search and answers 404', async () => {
    const id = randomUUID();
    await publisher.publish([
      {
        topic: environment.topics.enriched,
        envelope: enriched(fixture, id, 1, { title: 'Soon withdrawn story about Petro' }),
      },
    ]);
    await waitFor('the article in search', async () => ((await search('q=withdrawn')).total === 1 ? true : undefined));
    await publisher.publish([
      {
        topic: environment.topics.enriched,
        envelope: enriched(fixture, id, 2, { title: 'Soon withdrawn story about Petro', pubStatus: 'withdrawn' }),
      },
    ]);
    await waitFor('the article gone from search', async () =>
      (await search('q=withdrawn')).total === 0 ? true : undefined,
    );
    const res = await fetch(`${url}/v1/articles/${id}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('dead-letters an event with an impossible date before it reaches Postgres, and indexes the rest of its batch', async () => {
    const goodId = randomUUID();
    const badId = randomUUID();
    await publisher.publish([
      {
        topic: environment.topics.enriched,
        envelope: enriched(fixture, badId, 1, { publishedAt: 'not a date at all' }),
      },
      {
        topic: environment.topics.enriched,
        envelope: enriched(fixture, goodId, 1, { title: 'Neighbour of a malformed event' }),
      },
    ]);
    const dead = await readTopic(kafka, deadLetterTopic(environment.topics.enriched), {
      until: (r) => r.some((m) => m.key === badId),
      timeoutMs: 60000,
    });
    const letter = JSON.parse(dead.find((m) => m.key === badId)!.value!) as DeadLetterPayload;
    expect(letter).toMatchObject({ errorCode: 'malformed-event' });
    expect(letter.reason).toMatch(/publishedAt must be an ISO 8601 date-time/);
    await waitFor('the neighbour searchable', async () =>
      (await search('q=Neighbour')).total === 1 ? true : undefined,
    );
    expect(await countRows(badId)).toBe(0);
  });

  it('answers bad search parameters and unknown ids with problem+json', async () => {
    const tooBig = await fetch(`${url}/v1/search?q=x&size=1000`);
    expect(tooBig.status).toBe(400);
    expect(await tooBig.json()).toMatchObject({
      code: 'invalid-parameter',
      parameter: 'size',
      errors: [{ parameter: 'size' }],
    });
    const typo = await fetch(`${url}/v1/search?qq=x`);
    expect(typo.status).toBe(400);
    const weird = await fetch(`${url}/v1/search?q=${encodeURIComponent('"unclosed (AND OR -+ ~~~ ')}`);
    expect(weird.status).toBe(200);
    const unknown = await fetch(`${url}/v1/articles/${randomUUID()}`);
    expect(unknown.status).toBe(404);
  });
});
