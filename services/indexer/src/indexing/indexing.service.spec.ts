import { Test } from '@nestjs/testing';
import {
  EventTypes,
  topicsFor,
  type ArticleIndexedPayload,
  type EnrichedArticle,
  type EventEnvelope,
} from '@wirestream/contracts';
import {
  createEnvelope,
  EventPublisher,
  MalformedEventError,
  TOPICS,
  type IncomingMessage,
  type OutgoingEvent,
} from '@wirestream/kafka';
import { ArticleStore, type ArticleWrite, type BatchResult, type CurrentArticle } from '@wirestream/persistence';
import {
  createLogger,
  isRetriable,
  MetricsRegistry,
  PermanentError,
  RetriableError,
  type Logger,
} from '@wirestream/platform';
import {
  syntheticArticles,
  type ArticleDocument,
  type BulkDeleteResult,
  type BulkIndexResult,
  type BulkItemFailure,
  type BulkWriteOptions,
} from '@wirestream/search';
import { FreshnessRecorder } from '../ops/freshness-recorder';
import { ARTICLE_SEARCH_ENGINE } from '../search-engine/search-engine.module';
import { DocumentRejectedError, IndexingService, SearchEngineUnavailableError } from './indexing.service';

const TOPICS_UNDER_TEST = topicsFor('unit.');
const log: Logger = createLogger('indexer', 'silent');

/**
 * The store's version guard in memory: a seen event id or a version not above the stored one changes nothing (a
 * re-enrichment may replace its own version). Articles listed in `refuse` make any write holding them fail.
 */
class InMemoryArticleStore {
  readonly current = new Map<string, CurrentArticle>();
  readonly seenEvents = new Set<string>();
  readonly writeCalls: string[][] = [];
  refuse = new Map<string, Error>();

  write(writes: ArticleWrite[]): Promise<BatchResult> {
    this.writeCalls.push(writes.map((w) => w.article.id));
    const refused = writes.find((w) => this.refuse.has(w.article.id));
    if (refused) return Promise.reject(this.refuse.get(refused.article.id)!);
    const result: BatchResult = { changed: new Set(), current: new Map() };
    for (const write of writes) {
      if (this.seenEvents.has(write.eventId)) continue;
      this.seenEvents.add(write.eventId);
      const stored = this.current.get(write.article.id)?.article;
      const supersedes =
        !stored ||
        write.article.version > stored.version ||
        (write.reenrichment === true && write.article.version === stored.version && stored.pubStatus !== 'withdrawn');
      if (!supersedes) continue;
      const current = { article: write.article, clusterId: write.clusterId };
      this.current.set(write.article.id, current);
      result.changed.add(write.article.id);
      result.current.set(write.article.id, current);
    }
    return Promise.resolve(result);
  }

  findCurrent(ids: string[]): Promise<Map<string, CurrentArticle>> {
    return Promise.resolve(new Map(ids.flatMap((id) => (this.current.has(id) ? [[id, this.current.get(id)!]] : []))));
  }
}

/** An engine that takes every document unless told to fail it; keeps what it holds by id. */
class FakeEngine {
  readonly documents = new Map<string, ArticleDocument>();
  readonly deleted: string[] = [];
  readonly writeOptions: (BulkWriteOptions | undefined)[] = [];
  failures = new Map<string, Omit<BulkItemFailure, 'id'>>();

  bulkIndex(docs: readonly ArticleDocument[], options?: BulkWriteOptions): Promise<BulkIndexResult> {
    this.writeOptions.push(options);
    const result: BulkIndexResult = { indexed: [], stale: [], failed: [] };
    for (const doc of docs) {
      const failure = this.failures.get(doc.id);
      if (failure) result.failed.push({ id: doc.id, ...failure });
      else {
        this.documents.set(doc.id, doc);
        result.indexed.push(doc.id);
      }
    }
    return Promise.resolve(result);
  }

  bulkDelete(ids: readonly string[]): Promise<BulkDeleteResult> {
    const result: BulkDeleteResult = { deleted: [], failed: [] };
    for (const id of ids) {
      const failure = this.failures.get(id);
      if (failure) result.failed.push({ id, ...failure });
      else {
        this.documents.delete(id);
        this.deleted.push(id);
        result.deleted.push(id);
      }
    }
    return Promise.resolve(result);
  }
}

class FakePublisher {
  readonly published: OutgoingEvent[] = [];
  publish(events: OutgoingEvent[]): Promise<void> {
    this.published.push(...events);
    return Promise.resolve();
  }
}

class FakeFreshness {
  readonly recorded: EnrichedArticle[] = [];
  record(articles: EnrichedArticle[]): Promise<void> {
    this.recorded.push(...articles);
    return Promise.resolve();
  }
}

const articles = [...syntheticArticles(6, { seed: 7, republishedShare: 0 })].map((a) => a.article);
let offset = 0;

function message(envelope: unknown, key: string | null = (envelope as { articleId?: string }).articleId ?? null) {
  return {
    topic: TOPICS_UNDER_TEST.enriched,
    partition: 0,
    offset: String(offset++),
    key,
    value: Buffer.from(JSON.stringify(envelope)),
    headers: {},
    traceId: null,
  } satisfies IncomingMessage;
}

function enriched(article: EnrichedArticle, extra: Partial<EventEnvelope<unknown>> = {}): IncomingMessage {
  return message({
    ...createEnvelope({
      type: EventTypes.articleEnriched,
      articleId: article.id,
      version: article.version,
      payload: article,
    }),
    ...extra,
  });
}

const version = (article: EnrichedArticle, v: number, over: Partial<EnrichedArticle> = {}): EnrichedArticle => ({
  ...article,
  version: v,
  ...over,
});

describe('IndexingService (unit: store, engine, publisher and freshness replaced)', () => {
  let service: IndexingService;
  let store: InMemoryArticleStore;
  let engine: FakeEngine;
  let publisher: FakePublisher;
  let freshness: FakeFreshness;

  beforeEach(async () => {
    store = new InMemoryArticleStore();
    engine = new FakeEngine();
    publisher = new FakePublisher();
    freshness = new FakeFreshness();
    const moduleRef = await Test.createTestingModule({
      providers: [
        IndexingService,
        { provide: ArticleStore, useValue: store },
        { provide: ARTICLE_SEARCH_ENGINE, useValue: engine },
        { provide: EventPublisher, useValue: publisher },
        { provide: FreshnessRecorder, useValue: freshness },
        { provide: TOPICS, useValue: TOPICS_UNDER_TEST },
        { provide: MetricsRegistry, useValue: new MetricsRegistry('indexer') },
      ],
    }).compile();
    service = moduleRef.get(IndexingService);
  });

  const indexedEvents = () =>
    publisher.published.map((e) => {
      expect(e.topic).toBe(TOPICS_UNDER_TEST.indexed);
      expect(e.envelope.type).toBe(EventTypes.articleIndexed);
      return e.envelope.payload as ArticleIndexedPayload;
    });

  it('stores, indexes and announces a batch, one bulk write and one publish for all of it', async () => {
    const batch = articles.slice(0, 3).map((a) => enriched(a));
    const failures = await service.indexBatch(batch, log, { refresh: true });

    expect(failures.size).toBe(0);
    expect(store.writeCalls).toEqual([articles.slice(0, 3).map((a) => a.id)]);
    expect([...engine.documents.keys()].sort()).toEqual(
      articles
        .slice(0, 3)
        .map((a) => a.id)
        .sort(),
    );
    expect(engine.writeOptions).toEqual([{ refresh: 'wait_for' }]);
    expect(indexedEvents().map((p) => [p.id, p.version, p.pubStatus])).toEqual(
      articles.slice(0, 3).map((a) => [a.id, a.version, 'usable']),
    );
    // The cluster of an article nobody republished is itself.
    expect(indexedEvents().every((p) => p.clusterId === p.id)).toBe(true);
    expect(freshness.recorded.map((a) => a.id)).toEqual(articles.slice(0, 3).map((a) => a.id));
  });

  it('keeps the newest version: an older one arriving later changes nothing and the stored one is re-sent', async () => {
    const article = articles[0]!;
    await service.indexBatch([enriched(version(article, 3, { title: 'Third' }))], log);
    publisher.published.length = 0;
    freshness.recorded.length = 0;

    const failures = await service.indexBatch([enriched(version(article, 2, { title: 'Second' }))], log);

    expect(failures.size).toBe(0);
    expect(store.current.get(article.id)!.article.title).toBe('Third');
    expect(engine.documents.get(article.id)!.title).toBe('Third');
    expect(indexedEvents().map((p) => [p.id, p.version])).toEqual([[article.id, 3]]);
  });

  it('takes the highest of several versions of one article in the same batch', async () => {
    const article = articles[1]!;
    const failures = await service.indexBatch(
      [
        enriched(version(article, 1)),
        enriched(version(article, 4, { title: 'Fourth' })),
        enriched(version(article, 2)),
      ],
      log,
    );

    expect(failures.size).toBe(0);
    expect(engine.documents.get(article.id)!.title).toBe('Fourth');
    // One indexed event per consumed event, each naming what is now current.
    expect(indexedEvents().map((p) => p.version)).toEqual([4, 4, 4]);
  });

  it('deletes a withdrawn (killed) article from the engine instead of indexing it, and a later older version cannot revive it', async () => {
    const article = articles[2]!;
    await service.indexBatch([enriched(version(article, 1))], log);
    expect(engine.documents.has(article.id)).toBe(true);
    publisher.published.length = 0;
    freshness.recorded.length = 0;

    await service.indexBatch([enriched(version(article, 2, { pubStatus: 'withdrawn' }))], log);
    expect(engine.documents.has(article.id)).toBe(false);
    expect(engine.deleted).toEqual([article.id]);
    expect(indexedEvents()).toMatchObject([{ id: article.id, version: 2, pubStatus: 'withdrawn' }]);
    expect(freshness.recorded).toEqual([]);

    await service.indexBatch([enriched(version(article, 1))], log);
    expect(engine.documents.has(article.id)).toBe(false);
    expect(indexedEvents().at(-1)).toMatchObject({ version: 2, pubStatus: 'withdrawn' });
  });

  it('lets a re-enrichment replace the document of the stored version', async () => {
    const article = articles[3]!;
    await service.indexBatch([enriched(version(article, 2))], log);

    const rerun = enriched(version(article, 2, { title: 'Re-enriched' }), { reenrichment: { runId: 'run-1' } });
    const failures = await service.indexBatch([rerun], log);

    expect(failures.size).toBe(0);
    expect(engine.documents.get(article.id)!.title).toBe('Re-enriched');
  });

  it('fails a malformed or inconsistent event alone, as permanent, before anything is written', async () => {
    const [good, other] = articles;
    const notJson = { ...enriched(good!), value: Buffer.from('{not json') };
    const wrongType = message(
      createEnvelope({ type: EventTypes.articleReceived, articleId: other!.id, version: 1, payload: other }),
    );
    const mismatchedVersion = message(
      createEnvelope({
        type: EventTypes.articleEnriched,
        articleId: other!.id,
        version: 2,
        payload: version(other!, 1),
      }),
    );
    const badStatus = enriched(version(other!, 1, { pubStatus: 'embargoed' as never }));
    const badDate = enriched(version(other!, 1, { publishedAt: 'yesterday' }));
    const ok = enriched(good!);

    const failures = await service.indexBatch([notJson, wrongType, mismatchedVersion, badStatus, badDate, ok], log);

    expect([...failures.keys()]).toEqual([notJson, wrongType, mismatchedVersion, badStatus, badDate]);
    for (const error of failures.values()) {
      expect(error).toBeInstanceOf(MalformedEventError);
      expect(isRetriable(error)).toBe(false);
    }
    expect(String((failures.get(mismatchedVersion) as Error).message)).toContain('does not match envelope version');
    expect(String((failures.get(badDate) as Error).message)).toContain('payload.publishedAt');
    expect(store.writeCalls).toEqual([[good!.id]]);
    expect(indexedEvents().map((p) => p.id)).toEqual([good!.id]);
  });

  it('writes nothing when every event of a batch is malformed', async () => {
    const failures = await service.indexBatch([message({ nothing: true })], log);
    expect(failures.size).toBe(1);
    expect(store.writeCalls).toEqual([]);
    expect(publisher.published).toEqual([]);
  });

  it('splits a batch Postgres refuses for good into single events, so only the offender is dead-lettered', async () => {
    const [a, poison, c] = articles;
    store.refuse.set(poison!.id, new PermanentError('invalid-text', 'invalid byte sequence', 422));
    const batch = [enriched(a!), enriched(poison!), enriched(c!)];

    const failures = await service.indexBatch(batch, log);

    expect(store.writeCalls).toEqual([[a!.id, poison!.id, c!.id], [a!.id], [poison!.id], [c!.id]]);
    expect([...failures.keys()]).toEqual([batch[1]]);
    const error = failures.get(batch[1]!);
    expect(error).toMatchObject({ code: 'article-refused-by-database', status: 422 });
    expect(isRetriable(error)).toBe(false);
    expect([...engine.documents.keys()].sort()).toEqual([a!.id, c!.id].sort());
    expect(indexedEvents().map((p) => p.id)).toEqual([a!.id, c!.id]);
  });

  it('throws a transient Postgres failure for the whole batch, so it is retried, not dead-lettered', async () => {
    const [a, b] = articles;
    store.refuse.set(b!.id, new RetriableError('database-unavailable', 'connection terminated'));

    await expect(service.indexBatch([enriched(a!), enriched(b!)], log)).rejects.toBeInstanceOf(RetriableError);
    expect(store.writeCalls).toHaveLength(1);
    expect(engine.documents.size).toBe(0);
    expect(publisher.published).toEqual([]);
  });

  it('throws when the only event of a batch is refused, without splitting', async () => {
    const [a] = articles;
    store.refuse.set(a!.id, new PermanentError('invalid-text', 'invalid byte sequence', 422));
    await expect(service.indexBatch([enriched(a!)], log)).rejects.toMatchObject({ code: 'invalid-text' });
    expect(store.writeCalls).toHaveLength(1);
  });

  it('routes engine refusals: a rejected document is permanent, an unavailable engine transient; the rest is announced', async () => {
    const [rejected, throttled, fine] = articles;
    engine.failures.set(rejected!.id, { status: 400, reason: 'mapper_parsing_exception', retriable: false });
    engine.failures.set(throttled!.id, { status: 429, reason: 'es_rejected_execution_exception', retriable: true });
    const batch = [enriched(rejected!), enriched(throttled!), enriched(fine!)];

    const failures = await service.indexBatch(batch, log);

    expect(failures.get(batch[0]!)).toBeInstanceOf(DocumentRejectedError);
    expect(isRetriable(failures.get(batch[0]!))).toBe(false);
    expect(failures.get(batch[1]!)).toBeInstanceOf(SearchEngineUnavailableError);
    expect(isRetriable(failures.get(batch[1]!))).toBe(true);
    expect(failures.has(batch[2]!)).toBe(false);
    expect(indexedEvents().map((p) => p.id)).toEqual([fine!.id]);
    expect(freshness.recorded.map((a) => a.id)).toEqual([fine!.id]);
  });

  it('re-running a batch after a transient engine failure indexes what Postgres already holds', async () => {
    const [a] = articles;
    engine.failures.set(a!.id, { status: 503, reason: 'unavailable', retriable: true });
    const batch = [enriched(a!)];
    expect((await service.indexBatch(batch, log)).get(batch[0]!)).toBeInstanceOf(SearchEngineUnavailableError);

    engine.failures.clear();
    const failures = await service.indexBatch(batch, log);

    expect(failures.size).toBe(0);
    expect(engine.documents.has(a!.id)).toBe(true);
    expect(indexedEvents().map((p) => [p.id, p.version])).toEqual([[a!.id, a!.version]]);
    // Its first acknowledged write is still a freshness sample.
    expect(freshness.recorded.map((x) => x.id)).toEqual([a!.id]);
  });
});
