/**
 * `POST /v1/admin/reindex` against the real stack: the index is rebuilt from Postgres into the next index and the
 * alias swapped while a client keeps searching (no search fails or comes back empty) and while the indexer keeps
 * taking new articles, corrections and withdrawals (none is lost).
 */
import type { INestApplication } from '@nestjs/common';
import { DEVELOPMENT_API_KEY, EventTypes, type EnrichedArticle, type SearchResponse } from '@wirestream/contracts';
import { createEnvelope, EventPublisher, createKafka, KafkaBatchServer } from '@wirestream/kafka';
import { createLogger, startHttpService } from '@wirestream/platform';
import { createArticleSearchEngine, syntheticArticles, type ArticleSearchEngine } from '@wirestream/search';
import { createIsolatedEnvironment, waitFor, type IsolatedEnvironment } from '@wirestream/testing';
import { AppModule } from '../app.module';
import { loadIndexerConfig } from '../config/indexer.config';
import type { ReindexJob } from '@wirestream/contracts';

describe('reindex (integration)', () => {
  let environment: IsolatedEnvironment;
  let app: INestApplication;
  let url: string;
  let publisher: EventPublisher;
  let engine: ArticleSearchEngine;

  beforeAll(async () => {
    environment = await createIsolatedEnvironment('reindex');
    // Small, throttled pages: the rebuild takes a few seconds, long enough for searches and writes to overlap it.
    const config = loadIndexerConfig({ ...environment.env, REINDEX_PAGE_SIZE: '25', REINDEX_THROTTLE_MS: '150' });
    const logger = createLogger('indexer', 'silent');
    app = await startHttpService({
      service: 'indexer',
      description: 'test',
      rootModule: AppModule.register(config, logger),
      logger,
      port: 0,
      transport: (app) => app.get(KafkaBatchServer),
      host: '127.0.0.1',
    });
    url = await app.getUrl();
    publisher = new EventPublisher(
      createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'reindex-int-spec', logger }),
    );
    engine = await createArticleSearchEngine({
      url: config.SEARCH_URL,
      engine: config.SEARCH_ENGINE,
      indexPrefix: environment.indexPrefix,
    });
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await engine?.close();
    await app?.close();
    await environment?.teardown();
  });

  const publish = (articles: EnrichedArticle[]) =>
    publisher.publish(
      articles.map((article) => ({
        topic: environment.topics.enriched,
        envelope: createEnvelope({
          type: EventTypes.articleEnriched,
          articleId: article.id,
          version: article.version,
          payload: article,
        }),
      })),
    );
  const search = async (query: string): Promise<SearchResponse> => {
    const res = await fetch(`${url}/v1/search?${query}`);
    if (res.status !== 200) throw new Error(`search answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as SearchResponse;
  };
  const admin = (path: string, method: 'GET' | 'POST', key: string | null = DEVELOPMENT_API_KEY) =>
    fetch(`${url}/v1/admin/reindex${path}`, { method, headers: key === null ? {} : { 'x-api-key': key } });

  it('rebuilds into a new index and swaps the alias while searches and writes go on', async () => {
    const corpus = [...syntheticArticles(300, { seed: 31 })].map((s) => s.article);
    await publish(corpus);
    await waitFor('the corpus searchable', async () => (await search('size=0')).total === 300, { timeoutMs: 90000 });
    const [firstIndex] = await engine.listArticleIndices();
    expect(firstIndex).toMatchObject({ name: `${environment.indexPrefix}articles-v1-000001`, aliased: true });

    // The key guard.
    expect((await admin('', 'POST', null)).status).toBe(401);
    const wrongKey = await admin('', 'POST', 'not-an-admin-key');
    expect(wrongKey.status).toBe(403);
    expect(wrongKey.headers.get('content-type')).toMatch(/problem\+json/);

    // A client that keeps searching, throughout.
    const searches = { done: 0, failed: [] as string[], empty: 0 };
    let searching = true;
    const client = (async () => {
      const queries = [
        'size=0',
        'q=the&size=5',
        `q=${encodeURIComponent(corpus[0]!.title!)}&size=3`,
        'sort=newest&size=20',
        'language=en&size=1',
      ];
      for (let i = 0; searching; i++) {
        try {
          const result = await search(queries[i % queries.length]!);
          if (result.total === 0) searches.empty++;
        } catch (error) {
          searches.failed.push((error as Error).message);
        }
        searches.done++;
      }
    })();

    const started = await admin('', 'POST');
    expect(started.status).toBe(202);
    const job = (await started.json()) as ReindexJob;
    expect(job.state).toBe('running');
    const again = await admin('', 'POST');
    expect(again.status).toBe(409);

    // Writes during the rebuild: new articles, a correction and a withdrawal.
    const arrivals = [...syntheticArticles(40, { seed: 32 })].map((s) => s.article);
    const corrected: EnrichedArticle = {
      ...corpus[10]!,
      version: corpus[10]!.version + 1,
      title: 'Corrected during the rebuild: platypus census',
    };
    const withdrawn: EnrichedArticle = { ...corpus[20]!, version: corpus[20]!.version + 1, pubStatus: 'withdrawn' };
    await publish(arrivals.slice(0, 20));
    await publish([corrected, withdrawn]);
    const midway = await waitFor('the rebuild to progress', async () => {
      const state = (await (await admin(`/${job.id}`, 'GET')).json()) as ReindexJob;
      return state.copied > 0 || state.state !== 'running' ? state : undefined;
    });
    await publish(arrivals.slice(20));

    const finished = await waitFor(
      'the reindex to end',
      async () => {
        const state = (await (await admin(`/${job.id}`, 'GET')).json()) as ReindexJob;
        return state.state === 'running' ? undefined : state;
      },
      { timeoutMs: 90000, intervalMs: 200 },
    );
    // Let the indexer settle the arrivals, then stop the searching client.
    const expectedTotal = 300 + 40 - 1;
    await waitFor(
      'arrivals, correction and withdrawal in search',
      async () => {
        const [all, fixed, gone] = await Promise.all([
          search('size=0'),
          search(`q=platypus`),
          search(`q=${encodeURIComponent(`"${withdrawn.title!}"`)}&source=${withdrawn.source.id}`),
        ]);
        return all.total === expectedTotal && fixed.total === 1 && !gone.items.some((i) => i.id === withdrawn.id);
      },
      { timeoutMs: 60000 },
    );
    searching = false;
    await client;

    expect(midway.state === 'running' || midway.state === 'succeeded').toBe(true);
    expect(finished).toMatchObject({
      state: 'succeeded',
      phase: 'done',
      total: 300,
      rejected: 0,
      newIndex: `${environment.indexPrefix}articles-v1-000002`,
      oldIndices: [firstIndex!.name],
    });
    expect(finished.copied).toBeGreaterThanOrEqual(300 - 1);
    expect(finished.caughtUp).toBeGreaterThan(0); // writes did arrive during the rebuild and were re-applied
    expect(await engine.listArticleIndices()).toEqual([
      { name: `${environment.indexPrefix}articles-v1-000002`, aliased: true, docs: expectedTotal },
    ]);
    expect(searches.failed).toEqual([]);
    expect(searches.empty).toBe(0);
    expect(searches.done).toBeGreaterThan(20);
    const fixed = await search('q=platypus');
    expect(fixed.items[0]).toMatchObject({ id: corrected.id, version: corrected.version });
    expect((await fetch(`${url}/v1/articles/${withdrawn.id}`)).status).toBe(404);
    expect((await admin('/00000000-0000-4000-8000-000000000000', 'GET')).status).toBe(404);
  });

  it('runs again into the next counter; writes straight into the live index still land', async () => {
    const started = await admin('', 'POST');
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as ReindexJob;
    const done = await waitFor(
      'the second reindex',
      async () => {
        const state = (await (await admin(`/${id}`, 'GET')).json()) as ReindexJob;
        return state.state === 'running' ? undefined : state;
      },
      { timeoutMs: 90000 },
    );
    expect(done).toMatchObject({ state: 'succeeded', newIndex: `${environment.indexPrefix}articles-v1-000003` });
    expect((await engine.listArticleIndices()).map((i) => i.name)).toEqual([
      `${environment.indexPrefix}articles-v1-000003`,
    ]);
    expect((await search('size=0')).total).toBe(339);
  });
});
