/**
 * `wirestream reenrich` over the real pipeline: the ingestor, enricher and indexer as service processes on the real
 * Kafka, Postgres and search engine. A stored article whose document an "older enricher" left stale gets the
 * current enrichment at the same version, in Postgres and in search; a newer version, or a kill, arriving while a
 * re-enrichment is in flight is never overwritten; a run stopped by --limit or Ctrl-C resumes from its position.
 */
import type { EnrichedArticle, IngestResponse, SearchResponse } from '@wirestream/contracts';
import { uuidV5, WIRESTREAM_ARTICLE_NAMESPACE } from '@wirestream/formats';
import { createKafka, EventPublisher } from '@wirestream/kafka';
import { createDataSource, ReenrichmentStore, type DataSource, type RawArticleHead } from '@wirestream/persistence';
import { createLogger } from '@wirestream/platform';
import { createArticleSearchEngine, toArticleDocument, type ArticleSearchEngine } from '@wirestream/search';
import {
  allocatePort,
  createIsolatedEnvironment,
  ServiceProcess,
  waitFor,
  type IsolatedEnvironment,
} from '@wirestream/testing';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../cli-command';
import { reenrichCommand, reenrichmentEvent } from './reenrich';

function captureIo(env: Record<string, string>): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { stdout, stderr, env: { ...process.env, ...env }, out: () => out, err: () => err };
}

/** A ninjs item: the format with explicit versions and kills. `token` is a word only this article contains. */
function ninjs(uri: string, version: number, headline: string, token: string, pubstatus = 'usable'): string {
  const body = [
    `The harbour authority in Porto confirmed on Monday that the ${token} ferry line will resume service next month after a two-year pause.`,
    `Officials said the route, which links the old town with the southern bank, carried more than a million passengers a year before repairs began.`,
    `"We expect the first crossings to be full," said Ana Silva, who leads the authority, adding that fares would stay at their former level.`,
    `Local businesses along the quay welcomed the decision and said the closure had cut their takings by almost a third.`,
  ].join('\n\n');
  return JSON.stringify({
    uri,
    version,
    pubstatus,
    headline,
    body_text: body,
    firstcreated: '2026-03-01T09:00:00Z',
    versioncreated: `2026-03-0${version}T10:00:00Z`,
  });
}

describe('wirestream reenrich (integration, real pipeline)', () => {
  let environment: IsolatedEnvironment;
  let services: ServiceProcess[];
  let ingestor: ServiceProcess;
  let indexer: ServiceProcess;
  let ds: DataSource;
  let engine: ArticleSearchEngine;
  let publisher: EventPublisher;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('reenrich');
    ingestor = new ServiceProcess('ingestor', allocatePort(), environment.env);
    indexer = new ServiceProcess('indexer', allocatePort(), environment.env);
    services = [ingestor, new ServiceProcess('enricher', allocatePort(), environment.env), indexer];
    // One after the other: services starting together race to create the same topics.
    for (const service of services) await service.start(90000);
    ds = createDataSource(environment.databaseUrl, { poolSize: 2, applicationName: 'reenrich-int-spec' });
    await ds.initialize();
    engine = await createArticleSearchEngine({
      url: environment.env['SEARCH_URL']!,
      engine: 'auto',
      indexPrefix: environment.indexPrefix,
    });
    publisher = new EventPublisher(
      createKafka({
        brokers: environment.env['KAFKA_BROKERS']!.split(','),
        clientId: 'reenrich-int-spec',
        logger: createLogger('test', 'silent'),
      }),
    );
  }, 180000);

  afterAll(async () => {
    await publisher?.disconnect();
    await engine?.close();
    await ds?.destroy().catch(() => undefined);
    await Promise.all((services ?? []).map((s) => s.kill()));
    await environment?.teardown();
  });

  async function ingest(body: string, source: string): Promise<string> {
    const res = await fetch(`${ingestor.url}/v1/ingest?source=${encodeURIComponent(source)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'test-key' },
      body,
    });
    const answer = (await res.json()) as IngestResponse;
    expect({ status: res.status, accepted: answer.accepted.length }).toEqual({ status: 202, accepted: 1 });
    return answer.accepted[0]!.id;
  }

  async function getArticle(id: string): Promise<{ status: number; article: EnrichedArticle }> {
    const res = await fetch(`${indexer.url}/v1/articles/${id}`);
    return { status: res.status, article: (await res.json()) as EnrichedArticle };
  }

  const stored = (id: string, until: (a: EnrichedArticle) => boolean, what: string) =>
    waitFor(
      what,
      async () => {
        const { status, article } = await getArticle(id);
        return status === 200 && until(article) ? article : undefined;
      },
      { timeoutMs: 90000, intervalMs: 300 },
    );

  async function search(token: string): Promise<SearchResponse['items']> {
    const res = await fetch(`${indexer.url}/v1/search?q=${token}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as SearchResponse).items;
  }

  /** What an older enricher left: a wrong title and a body without the article's token, in Postgres and in the index. */
  async function makeStale(id: string): Promise<void> {
    const { article } = await getArticle(id);
    const stale: EnrichedArticle = {
      ...article,
      title: 'Stale title from an older enricher',
      body: 'Stale body.',
      paragraphs: ['Stale body.'],
      summary: 'Stale body.',
    };
    await ds.query('UPDATE articles SET title = $2, document = $3::json WHERE id = $1', [
      id,
      stale.title,
      JSON.stringify(stale),
    ]);
    const [row] = (await ds.query('SELECT cluster_id FROM articles WHERE id = $1', [id])) as { cluster_id: string }[];
    expect(
      (await engine.bulkIndex([toArticleDocument(stale, row!.cluster_id)], { refresh: 'wait_for' })).failed,
    ).toEqual([]);
  }

  const run = async (args: string[]) => {
    const io = captureIo(environment.env);
    const code = await reenrichCommand.run(args, io);
    return { code, out: io.out(), err: io.err() };
  };

  /** Whether the indexer has consumed the enriched event that the enricher makes of this raw event. */
  const indexedEvent = async (rawEventId: string) =>
    (
      (await ds.query(`SELECT 1 FROM processed_events WHERE consumer = 'indexer' AND event_id = $1`, [
        uuidV5(`enriched:${rawEventId}`, WIRESTREAM_ARTICLE_NAMESPACE),
      ])) as unknown[]
    ).length > 0;

  it('replaces a stale stored document with the current enrichment at the same version; a newer version and a kill stay', async () => {
    const source = 'Desk A';
    const ids = {
      fresh: await ingest(
        ninjs('urn:reenrich:a', 1, 'Porto ferry line returns after two years', 'zephyrfield'),
        source,
      ),
      updated: await ingest(ninjs('urn:reenrich:b', 1, 'Porto ferry fares unchanged', 'quillmarsh'), source),
      killed: await ingest(ninjs('urn:reenrich:c', 1, 'Porto ferry story to be killed', 'brackenvolt'), source),
    };
    for (const id of Object.values(ids)) await stored(id, (a) => a.version === 1, `article ${id} v1 stored`);
    const original = (await getArticle(ids.fresh)).article;
    expect(original.title).toBe('Porto ferry line returns after two years');
    await makeStale(ids.fresh);
    expect((await getArticle(ids.fresh)).article.title).toBe('Stale title from an older enricher');
    expect((await search('zephyrfield')).map((h) => h.id)).not.toContain(ids.fresh);

    // A re-enrichment run read these pages before v2 and the kill arrived; their events reach the indexer after them.
    const before = await new ReenrichmentStore(ds).readHeads({ since: null, sourceId: 'desk-a' }, null, 10);
    const pageRead = (id: string) => before.find((h) => h.id === id) as RawArticleHead;
    expect(before.map((h) => h.version)).toEqual([1, 1, 1]);
    await ingest(ninjs('urn:reenrich:b', 2, 'Porto ferry fares rise after all', 'quillmarsh'), source);
    await ingest(ninjs('urn:reenrich:c', 2, 'Porto ferry story to be killed', 'brackenvolt', 'canceled'), source);
    await stored(ids.updated, (a) => a.version === 2, 'the update (v2) stored');
    await waitFor('the kill stored', async () => (await getArticle(ids.killed)).status === 404, {
      timeoutMs: 90000,
      intervalMs: 300,
    });

    const dry = await run(['--source', 'desk-a', '--dry-run']);
    expect(dry).toMatchObject({ code: 0, out: 'would re-enrich 2 article(s) (source desk-a)\n' });
    const result = await run(['--source', 'desk-a']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /^reenrich done: 2 article\(s\) published to t\.\S+articles\.raw\.v1 in run [0-9a-f-]{36};/,
    );
    expect(result.err).toMatch(/reenrich \[#+\] 2\/2 [\d.]+\/s ETA 0s/);
    const late = [
      reenrichmentEvent(environment.topics.raw, 'late-run', pageRead(ids.updated)),
      reenrichmentEvent(environment.topics.raw, 'late-run', pageRead(ids.killed)),
    ];
    await publisher.publish(late);

    // The fresh enrichment, same version, in Postgres and in search; no new version row.
    const refreshed = await stored(ids.fresh, (a) => a.title === original.title, 'the re-enriched document');
    expect(refreshed).toMatchObject({
      version: 1,
      title: original.title,
      body: original.body,
      summary: original.summary,
      entities: original.entities,
      fingerprint: original.fingerprint,
    });
    expect(
      ((await ds.query('SELECT version FROM article_versions WHERE article_id = $1', [ids.fresh])) as unknown[]).length,
    ).toBe(1);
    const hits = await waitFor(
      'the re-enriched document in search',
      async () => (await search('zephyrfield')).find((h) => h.id === ids.fresh),
      { timeoutMs: 30000, intervalMs: 300 },
    );
    expect(hits).toMatchObject({ version: 1, title: original.title });

    // The late re-enrichments of v1 changed nothing: v2 stays, the kill stays.
    for (const event of late)
      await waitFor(`late event ${event.envelope.articleId} consumed`, () => indexedEvent(event.envelope.eventId), {
        timeoutMs: 90000,
        intervalMs: 300,
      });
    expect((await getArticle(ids.updated)).article).toMatchObject({
      version: 2,
      title: 'Porto ferry fares rise after all',
    });
    expect((await getArticle(ids.killed)).status).toBe(404);
    expect(
      (await ds.query('SELECT version, pub_status FROM articles WHERE id = $1', [ids.killed])) as unknown[],
    ).toEqual([{ version: 2, pub_status: 'withdrawn' }]);
    expect((await search('brackenvolt')).map((h) => h.id)).not.toContain(ids.killed);
  }, 240000);

  it('a run stopped by --limit or Ctrl-C resumes from its stored position', async () => {
    const source = 'Desk B';
    const ids: string[] = [];
    for (const [n, token] of ['larkspindle', 'morrowvane', 'thistlecrag'].entries())
      ids.push(await ingest(ninjs(`urn:reenrich:resume-${n}`, 1, `Porto ferry note ${n}`, token), source));
    for (const id of ids) await stored(id, (a) => a.version === 1, `article ${id} stored`);
    const originals = new Map<string, string>();
    for (const id of ids) originals.set(id, (await getArticle(id)).article.title!);
    for (const id of ids) await makeStale(id);
    const inIdOrder = [...ids].sort();

    const first = await run(['--source', 'desk-b', '--limit', '1']);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^reenrich stopped: 1 article\(s\) published .* Continue with: npm run -s cli -- reenrich --source desk-b --resume\n$/,
    );
    const [position] = (await ds.query(
      `SELECT run_id, after_id, published, finished_at FROM reenrichment_runs WHERE filter->>'sourceId' = 'desk-b'`,
    )) as { run_id: string; after_id: string; published: number; finished_at: Date | null }[];
    expect(position).toMatchObject({ after_id: inIdOrder[0], published: 1, finished_at: null });
    expect((await run(['--source', 'desk-b', '--resume', '--dry-run'])).out).toBe(
      `would re-enrich 2 article(s) (source desk-b) after run ${position!.run_id}'s position (1 already published)\n`,
    );

    const resumed = await run(['--source', 'desk-b', '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.err).toContain(`resuming reenrich run ${position!.run_id}: 2 article(s) to publish`);
    expect(resumed.out).toContain(`reenrich done: 2 article(s) published`);
    expect(
      (await ds.query(
        `SELECT published, finished_at IS NOT NULL AS finished FROM reenrichment_runs WHERE run_id = $1`,
        [position!.run_id],
      )) as unknown[],
    ).toEqual([{ published: 3, finished: true }]);
    for (const id of ids) await stored(id, (a) => a.title === originals.get(id), `article ${id} re-enriched`);
    expect((await run(['--source', 'desk-b', '--resume'])).code).toBe(1);

    // Ctrl-C during a throttled run: it stops after the chunk in flight, exit 130, and --resume finishes the rest.
    const interrupted = run(['--source', 'desk-b', '--throttle', '1']);
    await waitFor(
      'the first chunk published',
      async () => {
        const rows = (await ds.query(
          `SELECT 1 FROM reenrichment_runs WHERE filter->>'sourceId' = 'desk-b' AND finished_at IS NULL AND published >= 1`,
        )) as unknown[];
        return rows.length > 0;
      },
      { timeoutMs: 30000, intervalMs: 50 },
    );
    process.emit('SIGINT');
    const stopped = await interrupted;
    expect(stopped.code).toBe(130);
    expect(stopped.out).toMatch(/^reenrich stopped: [12] article\(s\) published/);
    const finish = await run(['--source', 'desk-b', '--resume']);
    expect(finish.code).toBe(0);
    expect(finish.out).toMatch(/reenrich done: [12] article\(s\) published/);
    const runs = (await ds.query(
      `SELECT published, finished_at IS NOT NULL AS finished FROM reenrichment_runs WHERE filter->>'sourceId' = 'desk-b' ORDER BY started_at`,
    )) as unknown[];
    expect(runs).toEqual([
      { published: 3, finished: true },
      { published: 3, finished: true },
    ]);
  }, 240000);
});
