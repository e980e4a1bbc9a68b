import { Test } from '@nestjs/testing';
import {
  FeedSourceStore,
  type FeedSourceChanges,
  type FeedSourceRecord,
  type NewFeedSource,
  type PollSuccess,
} from '@wirestream/persistence';
import {
  createLogger,
  MetricsRegistry,
  NotFoundError,
  PermanentError,
  RetriableError,
  ROOT_LOGGER,
} from '@wirestream/platform';
import { INGESTOR_CONFIG, loadIngestorConfig } from '../config/ingestor.config';
import { IngestService, type IngestRequest, type IngestResult } from '../ingest/ingest.service';
import { AuthHeaderSeal } from './auth-header-seal';
import { FeedFetcher, type FeedFetchRequest, type FeedFetchResult } from './feed-fetcher';
import { createSourceSchema } from './source-input';
import { healthOf, SourcesService } from './sources.service';

const SECRET = 'a-unit-test-secret-long-enough';

/** Feed sources in a map, with the poll bookkeeping the real store does in SQL reduced to what the service reads. */
class InMemoryFeedSourceStore {
  readonly rows = new Map<string, FeedSourceRecord>();
  readonly successes: { id: string; poll: PollSuccess }[] = [];
  readonly failures: { id: string; code: string; detail: string }[] = [];

  create(source: NewFeedSource): Promise<FeedSourceRecord> {
    const now = new Date('2026-01-01T00:00:00Z');
    const record: FeedSourceRecord = {
      ...source,
      etag: null,
      lastModified: null,
      nextPollAt: now,
      lastPolledAt: null,
      lastSuccessAt: null,
      lastError: null,
      lastErrorCode: null,
      lastErrorAt: null,
      consecutiveFailures: 0,
      itemsSeen: 0,
      itemsNew: 0,
      lastNewItemAt: null,
      createdAt: now,
      updatedAt: now,
    };
    this.rows.set(record.id, record);
    return Promise.resolve(record);
  }
  list(): Promise<FeedSourceRecord[]> {
    return Promise.resolve([...this.rows.values()]);
  }
  get(id: string): Promise<FeedSourceRecord | null> {
    return Promise.resolve(this.rows.get(id) ?? null);
  }
  update(id: string, changes: FeedSourceChanges): Promise<FeedSourceRecord | null> {
    const row = this.rows.get(id);
    if (!row) return Promise.resolve(null);
    Object.assign(row, changes);
    return Promise.resolve(row);
  }
  delete(id: string): Promise<boolean> {
    return Promise.resolve(this.rows.delete(id));
  }
  recordSuccess(id: string, poll: PollSuccess): Promise<void> {
    this.successes.push({ id, poll });
    return Promise.resolve();
  }
  recordFailure(id: string, code: string, detail: string): Promise<void> {
    this.failures.push({ id, code, detail });
    return Promise.resolve();
  }
}

describe('SourcesService (unit: store, fetcher and ingest replaced)', () => {
  let service: SourcesService;
  let store: InMemoryFeedSourceStore;
  let fetched: FeedFetchResult | Error;
  let fetchRequests: FeedFetchRequest[];
  let ingested: IngestResult | Error;
  let ingestRequests: IngestRequest[];

  beforeEach(async () => {
    store = new InMemoryFeedSourceStore();
    fetchRequests = [];
    ingestRequests = [];
    fetched = { status: 'not-modified', url: 'https://feeds.example.org/rss' };
    ingested = { accepted: [], refused: [] };
    const moduleRef = await Test.createTestingModule({
      providers: [
        SourcesService,
        { provide: FeedSourceStore, useValue: store },
        {
          provide: FeedFetcher,
          useValue: {
            fetch: (request: FeedFetchRequest) => {
              fetchRequests.push(request);
              return fetched instanceof Error ? Promise.reject(fetched) : Promise.resolve(fetched);
            },
          },
        },
        {
          provide: IngestService,
          useValue: {
            ingest: (request: IngestRequest) => {
              ingestRequests.push(request);
              return ingested instanceof Error ? Promise.reject(ingested) : Promise.resolve(ingested);
            },
          },
        },
        { provide: ROOT_LOGGER, useValue: createLogger('ingestor', 'silent') },
        { provide: MetricsRegistry, useValue: new MetricsRegistry('ingestor') },
        {
          provide: INGESTOR_CONFIG,
          useValue: loadIngestorConfig({
            NODE_ENV: 'test',
            DATABASE_URL: 'postgres://localhost/unit',
            KAFKA_BROKERS: '127.0.0.1:9092',
            SOURCE_SECRETS_KEY: SECRET,
          }),
        },
      ],
    }).compile();
    service = moduleRef.get(SourcesService);
  });

  const create = (body: Record<string, unknown>) => service.create(createSourceSchema.parse(body));

  describe('registration', () => {
    it('names a source after its host when no name is given, and starts it never polled', async () => {
      const view = await create({ url: 'https://www.example.org/feed.xml' });
      expect(view).toMatchObject({
        name: 'example.org',
        format: 'auto',
        pollIntervalSeconds: 300,
        enabled: true,
        authHeaders: {},
      });
      expect(view.health.status).toBe('never-polled');
      expect(await service.get(view.id)).toEqual(view);
      expect((await service.list()).map((s) => s.id)).toEqual([view.id]);
    });

    it('stores auth headers sealed and shows only their names, redacted', async () => {
      const view = await create({
        name: 'Private wire',
        url: 'https://wire.example.org/feed',
        authHeaders: { Authorization: 'Bearer s3cret', 'X-Api-Key': 'k3y' },
      });
      expect(view.authHeaders).toEqual({ Authorization: '[redacted]', 'X-Api-Key': '[redacted]' });
      expect(JSON.stringify(view)).not.toContain('s3cret');
      const row = store.rows.get(view.id)!;
      expect(row.authHeaderNames).toEqual(['Authorization', 'X-Api-Key']);
      expect(row.authHeadersSealed).not.toContain('s3cret');
      expect(new AuthHeaderSeal(SECRET).open(row.authHeadersSealed!)).toEqual({
        Authorization: 'Bearer s3cret',
        'X-Api-Key': 'k3y',
      });
    });

    it('changes only what an update names; authHeaders null removes them', async () => {
      const { id } = await create({ url: 'https://example.org/feed', authHeaders: { 'X-Api-Key': 'k' } });
      const updated = await service.update(id, { pollIntervalSeconds: 60 });
      expect(updated).toMatchObject({ pollIntervalSeconds: 60, authHeaders: { 'X-Api-Key': '[redacted]' } });
      const cleared = await service.update(id, { authHeaders: null });
      expect(cleared.authHeaders).toEqual({});
      expect(store.rows.get(id)!.authHeadersSealed).toBeNull();
    });

    it('answers not found for an unknown id and for one that is not a UUID', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      await expect(service.get(unknown)).rejects.toBeInstanceOf(NotFoundError);
      await expect(service.update(unknown, { enabled: false })).rejects.toBeInstanceOf(NotFoundError);
      await expect(service.delete(unknown)).rejects.toBeInstanceOf(NotFoundError);
      await expect(service.get("1' OR '1'='1")).rejects.toMatchObject({ status: 404 });
      await expect(service.pollNow('not-a-uuid')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('deletes a source once', async () => {
      const { id } = await create({ url: 'https://example.org/feed' });
      await service.delete(id);
      await expect(service.delete(id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await service.list()).toEqual([]);
    });
  });

  describe('one poll', () => {
    it('sends the stored validators and opened auth headers, and records a not-modified poll as a success', async () => {
      const { id } = await create({ url: 'https://feeds.example.org/rss', authHeaders: { Authorization: 'Basic x' } });
      Object.assign(store.rows.get(id)!, { etag: '"v1"', lastModified: 'Wed, 01 Jan 2026 00:00:00 GMT' });

      const outcome = await service.pollNow(id);

      expect(fetchRequests).toEqual([
        {
          url: 'https://feeds.example.org/rss',
          etag: '"v1"',
          lastModified: 'Wed, 01 Jan 2026 00:00:00 GMT',
          headers: { Authorization: 'Basic x' },
        },
      ]);
      expect(outcome).toMatchObject({ status: 'not-modified', itemsSeen: 0, itemsNew: 0, error: null });
      expect(ingestRequests).toEqual([]);
      expect(store.successes).toEqual([{ id, poll: { etag: null, lastModified: null, itemsSeen: 0, itemsNew: 0 } }]);
    });

    it('ingests a fetched feed as the source, counts new, duplicate and refused items, and keeps the new validators', async () => {
      const { id } = await create({ name: 'Example feed', url: 'https://feeds.example.org/rss', format: 'rss' });
      fetched = {
        status: 'fetched',
        url: 'https://feeds.example.org/rss?final',
        body: Buffer.from('<rss/>'),
        contentType: 'application/rss+xml',
        etag: '"v2"',
        lastModified: null,
      };
      ingested = {
        accepted: [
          { id: 'a', version: 1, pubStatus: 'usable', duplicate: false, title: 'A' },
          { id: 'b', version: 1, pubStatus: 'usable', duplicate: true, title: 'B' },
          { id: 'c', version: 2, pubStatus: 'usable', duplicate: false, title: 'C' },
        ],
        refused: [{ index: 3, id: null, code: 'invalid-characters', detail: 'item 3: NUL' }],
      };

      const outcome = await service.pollNow(id);

      expect(ingestRequests).toEqual([
        {
          bytes: Buffer.from('<rss/>'),
          contentType: 'application/rss+xml',
          url: 'https://feeds.example.org/rss?final',
          sourceName: 'Example feed',
          format: 'rss',
        },
      ]);
      expect(outcome).toEqual({
        sourceId: id,
        status: 'fetched',
        itemsSeen: 4,
        itemsNew: 2,
        duplicates: 1,
        refused: [{ index: 3, code: 'invalid-characters', detail: 'item 3: NUL' }],
        error: null,
      });
      expect(store.successes).toEqual([{ id, poll: { etag: '"v2"', lastModified: null, itemsSeen: 4, itemsNew: 2 } }]);
      expect(store.failures).toEqual([]);
    });

    it('takes a feed with no items for a quiet feed, not a failure', async () => {
      const { id } = await create({ url: 'https://feeds.example.org/rss' });
      fetched = {
        status: 'fetched',
        url: 'https://feeds.example.org/rss',
        body: Buffer.from('<rss><channel/></rss>'),
        contentType: 'application/rss+xml',
        etag: null,
        lastModified: null,
      };
      ingested = new PermanentError('empty-feed', 'The feed has no items', 400);

      const outcome = await service.pollNow(id);

      expect(outcome).toMatchObject({ status: 'fetched', itemsSeen: 0, error: null });
      expect(store.failures).toEqual([]);
      expect(store.successes).toHaveLength(1);
    });

    it('never throws: a typed error is recorded with its code, anything else as poll-failed', async () => {
      const { id } = await create({ url: 'https://feeds.example.org/rss' });

      fetched = new RetriableError('feed-unreachable', 'connection refused');
      expect(await service.pollNow(id)).toMatchObject({
        status: 'failed',
        error: { code: 'feed-unreachable', detail: 'connection refused' },
      });

      fetched = new TypeError('boom');
      expect(await service.pollNow(id)).toMatchObject({
        status: 'failed',
        error: { code: 'poll-failed', detail: 'unexpected error: boom' },
      });

      fetched = {
        status: 'fetched',
        url: 'https://feeds.example.org/rss',
        body: Buffer.from('garbage'),
        contentType: 'text/html',
        etag: null,
        lastModified: null,
      };
      ingested = new PermanentError('unsupported-format', 'not a feed', 415);
      expect(await service.pollNow(id)).toMatchObject({ status: 'failed', error: { code: 'unsupported-format' } });

      expect(store.failures.map((f) => f.code)).toEqual(['feed-unreachable', 'poll-failed', 'unsupported-format']);
      expect(store.successes).toEqual([]);
    });
  });

  describe('health', () => {
    const record = (over: Partial<FeedSourceRecord>): FeedSourceRecord => ({
      ...store.rows.values().next().value!,
      ...over,
    });
    const at = (iso: string) => new Date(iso);

    it('is failing while the last error is newer than the last success, ok otherwise', async () => {
      await create({ url: 'https://example.org/feed' });
      const polled = { lastPolledAt: at('2026-01-02T00:00:00Z') };
      expect(
        healthOf(
          record({
            ...polled,
            lastSuccessAt: at('2026-01-01T00:00:00Z'),
            lastErrorAt: at('2026-01-02T00:00:00Z'),
            lastError: 'timeout',
            lastErrorCode: 'feed-timeout',
          }),
        ),
      ).toMatchObject({ status: 'failing', lastError: { code: 'feed-timeout', detail: 'timeout' } });
      expect(
        healthOf(
          record({ ...polled, lastSuccessAt: at('2026-01-03T00:00:00Z'), lastErrorAt: at('2026-01-02T00:00:00Z') }),
        ).status,
      ).toBe('ok');
      expect(healthOf(record({ ...polled, lastErrorAt: at('2026-01-02T00:00:00Z') })).status).toBe('failing');
    });
  });
});
