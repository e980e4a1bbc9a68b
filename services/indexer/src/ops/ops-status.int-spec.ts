/** `GET /v1/ops/status`, `/ops` and the ops gauges against the real Kafka, Postgres and engine (in-process indexer). */
import { deadLetterTopic, type OpsStatus } from '@wirestream/contracts';
import { createEnvelope } from '@wirestream/kafka';
import { EXAMPLE_GLOBAL_VILLAGE, metricSamples, readExample, selectCount, waitFor } from '@wirestream/testing';
import { randomUUID } from 'node:crypto';
import {
  enrichedEvent,
  GLOBAL_VILLAGE,
  startInProcessIndexer,
  type InProcessIndexer,
} from '../testing/in-process-indexer.testing';

describe('ops status (integration)', () => {
  let indexer: InProcessIndexer;
  const fixture = readExample(EXAMPLE_GLOBAL_VILLAGE);

  beforeAll(async () => {
    indexer = await startInProcessIndexer('opsstatus');
  });

  afterAll(async () => {
    await indexer?.close();
  });

  const status = async (): Promise<OpsStatus> => {
    const res = await fetch(`${indexer.url}/v1/ops/status`);
    expect(res.status).toBe(200);
    return (await res.json()) as OpsStatus;
  };

  it('answers a first run (no data) completely, every dependency up', async () => {
    // On a busy machine the first answer can be partial while Kafka's admin client warms up (it then names Kafka in
    // `unavailable`, within OPS_TIMEOUT_MS); a complete one must follow (answers are cached for 2 s).
    const s = await waitFor(
      'a complete ops status',
      async () => {
        const answer = await status();
        return answer.unavailable.length === 0 ? answer : undefined;
      },
      { timeoutMs: 30000, intervalMs: 2500 },
    );
    expect(s.unavailable).toEqual([]);
    expect(s.health.postgres.status).toBe('up');
    expect(s.health.kafka.status).toBe('up');
    expect(s.health.search).toMatchObject({ status: 'up', documents: 0 });
    for (const stage of ['ingested', 'published', 'enriched', 'indexed', 'deadLettered'] as const) {
      expect(s.stages[stage]).toEqual({ last5m: 0, last1h: 0, perMinute5m: 0 });
      expect(s.throughput.stages[stage]).toHaveLength(60);
    }
    expect(s.throughput.minutes).toHaveLength(60);
    expect(s.freshness).toMatchObject({
      samples5m: 0,
      p50: null,
      p95: null,
      p99: null,
      sloSeconds: 5,
      oldestUnsearchableSeconds: null,
    });
    expect(s.outbox).toEqual({ pending: 0, oldestPendingSeconds: null });
    expect(s.sources).toEqual([]);
    expect(s.lag.map((l) => l.topic).sort()).toEqual(
      [indexer.environment.topics.enriched, indexer.environment.topics.raw].sort(),
    );
    expect(s.deadLetters.map((d) => [d.stage, d.size])).toEqual([
      ['raw', 0],
      ['enriched', 0],
    ]);
    expect(s.quietRule).toMatch(/more than 4× its median gap/);
  });

  it('counts indexed articles with their freshness, names the dead-lettered one, and flags a source gone quiet', async () => {
    const { dataSource, environment } = indexer;
    // A wire that delivered six items ten seconds apart, two hours ago, and nothing since; an outbox row still unsent.
    const twoHoursAgo = Date.now() - 2 * 3600_000;
    for (let i = 0; i < 6; i++) {
      await dataSource.query(
        `INSERT INTO raw_articles (id, version, source_id, format, content_type, pub_status, content, item, content_hash, received_at)
         VALUES ($1, 1, 'quiet-wire', 'text', 'text/plain', 'usable', 'x', '{}', 'h', $2)`,
        [randomUUID(), new Date(twoHoursAgo + i * 10_000)],
      );
    }
    await dataSource.query(
      `INSERT INTO outbox (topic, message_key, envelope, created_at) VALUES ('t', 'k', '{}', now() - interval '90 seconds')`,
    );

    const ids = Array.from({ length: 4 }, () => randomUUID());
    const ingestedAt = new Date(Date.now() - 2000).toISOString();
    const events = ids.map((id, i) =>
      enrichedEvent(fixture.replace('Trump meets with', `Ops ${i} Trump meets with`), id, 1, GLOBAL_VILLAGE, {
        ingestedAt,
        title: `Ops article ${i}`,
      }),
    );
    const broken = createEnvelope({
      type: 'article.enriched',
      articleId: 'broken-1',
      version: 1,
      payload: { id: 'broken-1' },
    });
    await indexer.publisher.publish(
      [...events, broken].map((envelope) => ({ topic: environment.topics.enriched, envelope })),
    );

    const s = await waitFor(
      'four articles searchable and one dead letter in the status',
      async () => {
        const current = await status();
        return current.stages.indexed.last5m === 4 &&
          current.deadLetters.find((d) => d.stage === 'enriched')?.latest.length === 1
          ? current
          : undefined;
      },
      { timeoutMs: 60000, intervalMs: 500 },
    );

    expect(s.unavailable).toEqual([]);
    expect(s.stages.enriched.last5m).toBe(5); // what the enriched topic received, the broken one included
    expect(s.stages.deadLettered).toMatchObject({ last5m: 1, last1h: 1 });
    expect(s.stages.indexed).toMatchObject({ last5m: 4, last1h: 4 });
    expect(s.throughput.stages.indexed.reduce((a, b) => a! + b!, 0)).toBe(4);
    expect(s.throughput.stages.enriched.reduce((a, b) => a! + b!, 0)).toBe(5);
    expect(s.freshness.samples5m).toBe(4);
    // Ingested two seconds before publishing: each took at least that, and (generously) less than a minute.
    expect(s.freshness.p50).toBeGreaterThanOrEqual(2);
    expect(s.freshness.p99).toBeLessThan(60);
    expect(s.freshness.p50! <= s.freshness.p95! && s.freshness.p95! <= s.freshness.p99!).toBe(true);
    // Searchable = acknowledged by the engine; a search (and the count) sees it after the next refresh, ≤ 1 s later.
    await waitFor(
      'the engine counting all four',
      async () => ((await status()).health.search.documents === 4 ? true : undefined),
      { timeoutMs: 10000 },
    );

    const dlq = s.deadLetters.find((d) => d.stage === 'enriched')!;
    expect(dlq).toMatchObject({ topic: deadLetterTopic(environment.topics.enriched), size: 1 });
    expect(dlq.latest[0]).toMatchObject({ articleId: 'broken-1', errorCode: 'malformed-event' });
    expect(dlq.latest[0]!.reason).toMatch(/source\.id must be a string/);
    expect(dlq.replayHint).toBe(
      'npm run cli -- dlq list --stage enriched   then   npm run cli -- dlq replay --stage enriched --all',
    );

    expect(s.outbox!.pending).toBe(1);
    expect(s.outbox!.oldestPendingSeconds).toBeGreaterThanOrEqual(90);
    // The six wire items were never indexed, but are older than the hour looked at.
    expect(s.freshness.oldestUnsearchableSeconds).toBeNull();

    const quiet = s.sources[0]!;
    expect(quiet).toMatchObject({
      id: 'quiet-wire',
      goneQuiet: true,
      failing: false,
      itemsLast24h: 6,
      usualIntervalSeconds: 10,
    });
    expect(quiet.silentSeconds).toBeGreaterThan(7000);
    expect(s.lag.find((l) => l.group === environment.env['INDEXER_GROUP_ID'])).toBeDefined();

    const metrics = await (await fetch(`${indexer.url}/metrics`)).text();
    expect(
      metricSamples(metrics, 'wirestream_ingest_to_searchable_seconds_count', { source: GLOBAL_VILLAGE.id }),
    ).toEqual([4]);
    expect(metricSamples(metrics, 'wirestream_dlq_messages', { topic: dlq.topic })).toEqual([1]);
    expect(metricSamples(metrics, 'wirestream_source_gone_quiet', { source: 'quiet-wire' })).toEqual([1]);
    expect(metricSamples(metrics, 'wirestream_outbox_oldest_pending_seconds')[0]).toBeGreaterThanOrEqual(90);
    expect(metricSamples(metrics, 'wirestream_ready')).toEqual([1]);
  });

  it('a replayed version is not counted twice', async () => {
    const id = randomUUID();
    const event = enrichedEvent(fixture, id, 1, GLOBAL_VILLAGE, {
      ingestedAt: new Date().toISOString(),
      title: 'Replayed ops article',
    });
    await indexer.publishEnriched(event);
    await waitFor('indexed', async () => ((await status()).stages.indexed.last1h === 5 ? true : undefined), {
      timeoutMs: 60000,
      intervalMs: 500,
    });
    await indexer.publishEnriched({ ...event, eventId: randomUUID() });
    await waitFor(
      'the replay consumed',
      async () => (await status()).lag.find((l) => l.topic === indexer.environment.topics.enriched)?.total === 0,
      { timeoutMs: 60000, intervalMs: 500 },
    );
    expect(
      await selectCount(indexer.dataSource, 'SELECT count(*)::int AS n FROM article_freshness WHERE article_id = $1', [
        id,
      ]),
    ).toBe(1);
  });

  it('serves the ops page, its chart library from node_modules, and documents the status in OpenAPI', async () => {
    const page = await fetch(`${indexer.url}/ops`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('/ops/assets/uplot.iife.min.js');
    expect(html).toContain('/v1/ops/status');
    const js = await fetch(`${indexer.url}/ops/assets/uplot.iife.min.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await js.text()).toMatch(/uPlot/);
    expect((await fetch(`${indexer.url}/ops/assets/uplot.min.css`)).status).toBe(200);
    const missing = await fetch(`${indexer.url}/ops/assets/..%2Fpackage.json`);
    expect(missing.status).toBe(404);
    const openapi = (await (await fetch(`${indexer.url}/docs/openapi.json`)).json()) as {
      paths: Record<
        string,
        { get?: { responses: Record<string, { content?: Record<string, { schema?: { properties?: object } }> }> } }
      >;
    };
    const documented =
      openapi.paths['/v1/ops/status']?.get?.responses['200']?.content?.['application/json']?.schema?.properties;
    expect(Object.keys(documented ?? {})).toEqual(
      expect.arrayContaining([
        'unavailable',
        'stages',
        'throughput',
        'lag',
        'outbox',
        'deadLetters',
        'freshness',
        'health',
        'sources',
        'quietRule',
      ]),
    );
  });
});
