import { Test } from '@nestjs/testing';
import {
  EventTypes,
  topicsFor,
  type ArticleReceivedPayload,
  type EventEnvelope,
  type ParsedItem,
} from '@wirestream/contracts';
import { InvalidItemsError, UnsupportedFormatError, type ParsedIngestBody } from '@wirestream/formats';
import { TOPICS } from '@wirestream/kafka';
import {
  MAX_WIRE_VERSION,
  RawArticleStore,
  type AcceptOutcome,
  type BatchEntry,
  type OutboxEntry,
} from '@wirestream/persistence';
import {
  createLogger,
  MetricsRegistry,
  PermanentError,
  RetriableError,
  ROOT_LOGGER,
  toProblem,
} from '@wirestream/platform';
import { INGESTOR_CONFIG, loadIngestorConfig } from '../config/ingestor.config';
import { OutboxRelayService } from '../outbox/outbox-relay.service';
import { BodyParser } from './body-parser';
import { IngestService, type IngestRequest } from './ingest.service';

const TOPICS_UNDER_TEST = topicsFor('unit.');

function item(overrides: Partial<ParsedItem> = {}): ParsedItem {
  return {
    format: 'ninjs',
    externalId: 'urn:example:1',
    version: 1,
    versionCreatedAt: null,
    pubStatus: 'usable',
    url: 'https://www.example.org/story',
    title: 'A story',
    subtitle: null,
    byline: null,
    publishedAt: null,
    updatedAt: null,
    language: 'en',
    sourceName: null,
    contentType: 'text',
    content: 'One paragraph of text.',
    wire: { urgency: null, subjects: [], located: null, edNote: null },
    ...overrides,
  };
}

function body(items: ParsedItem[], extra: Partial<ParsedIngestBody> = {}): ParsedIngestBody {
  return { format: 'ninjs', items, indexes: items.map((_, i) => i), errors: [], warnings: [], ...extra };
}

/** The store's decision per item, scripted by the item's externalId; everything else is accepted at its wire version. */
class FakeRawArticleStore {
  readonly stored: { entry: BatchEntry; outbox: OutboxEntry | null }[] = [];
  outcomeFor = new Map<string, AcceptOutcome>();
  /** When set, the transaction fails with it (and stores nothing). */
  failWith: unknown = null;

  acceptBatch(entries: BatchEntry[]): Promise<AcceptOutcome[]> {
    if (this.failWith) return Promise.reject(this.failWith);
    return Promise.resolve(
      entries.map((entry) => {
        const item = entry.input.item as ParsedItem;
        const outcome = this.outcomeFor.get(item.externalId ?? '') ?? {
          status: 'accepted' as const,
          version: entry.input.wireVersion ?? 1,
        };
        const outbox = outcome.status === 'accepted' ? entry.buildOutbox(outcome.version) : null;
        this.stored.push({ entry, outbox });
        return outcome;
      }),
    );
  }
}

class FakeRelay {
  nudges = 0;
  nudge(): void {
    this.nudges++;
  }
}

const request = (extra: Partial<IngestRequest> = {}): IngestRequest => ({
  bytes: Buffer.from('{}'),
  contentType: 'application/json',
  url: null,
  sourceName: null,
  ...extra,
});

describe('IngestService (unit: store, relay and parser replaced)', () => {
  let service: IngestService;
  let store: FakeRawArticleStore;
  let relay: FakeRelay;
  let parsed: ParsedIngestBody | Error;

  beforeEach(async () => {
    store = new FakeRawArticleStore();
    relay = new FakeRelay();
    parsed = body([item()]);
    const moduleRef = await Test.createTestingModule({
      providers: [
        IngestService,
        { provide: RawArticleStore, useValue: store },
        { provide: OutboxRelayService, useValue: relay },
        {
          provide: BodyParser,
          useValue: { parse: () => (parsed instanceof Error ? Promise.reject(parsed) : Promise.resolve(parsed)) },
        },
        { provide: TOPICS, useValue: TOPICS_UNDER_TEST },
        { provide: ROOT_LOGGER, useValue: createLogger('ingestor', 'silent') },
        { provide: MetricsRegistry, useValue: new MetricsRegistry('ingestor') },
        {
          provide: INGESTOR_CONFIG,
          useValue: loadIngestorConfig({
            NODE_ENV: 'test',
            DATABASE_URL: 'postgres://localhost/unit',
            KAFKA_BROKERS: '127.0.0.1:9092',
            INGEST_MAX_ITEM_BYTES: '4096',
          }),
        },
      ],
    }).compile();
    service = moduleRef.get(IngestService);
  });

  it('stores an accepted item with its outbox event on the raw topic, at the version the store gave, and nudges the relay', async () => {
    parsed = body([item({ version: 3 })]);
    const result = await service.ingest(request({ traceId: 'trace-1' }));

    expect(result.refused).toEqual([]);
    expect(result.accepted).toHaveLength(1);
    const [accepted] = result.accepted;
    expect(accepted).toMatchObject({ version: 3, duplicate: false, pubStatus: 'usable', title: 'A story' });
    const outbox = store.stored[0]!.outbox!;
    const envelope = outbox.envelope as EventEnvelope<ArticleReceivedPayload>;
    expect(outbox.topic).toBe(TOPICS_UNDER_TEST.raw);
    expect(outbox.key).toBe(accepted!.id);
    expect(envelope).toMatchObject({ type: EventTypes.articleReceived, articleId: accepted!.id, version: 3 });
    expect(envelope.traceId).toBe('trace-1');
    expect(envelope.payload.rawRef).toEqual({ table: 'raw_articles', id: accepted!.id, version: 3 });
    // No source name given: the host of the item's URL, without www.
    expect(envelope.payload.source.name).toBe('example.org');
    expect(relay.nudges).toBe(1);
  });

  it('refuses an item per problem, before anything is stored, and keeps its batch-mates', async () => {
    parsed = body([
      item({ externalId: 'ok-1' }),
      item({ externalId: 'nul', title: 'bad\u0000title' }),
      item({ externalId: 'surrogate', content: 'half a pair \ud800 here' }),
      item({ externalId: 'big', content: 'x'.repeat(5000) }),
      item({ externalId: 'zero', version: 0 }),
      item({ externalId: 'huge', version: MAX_WIRE_VERSION + 1 }),
      item({ externalId: 'fraction', version: 1.5 }),
      item({ externalId: 'ok-2' }),
    ]);
    const result = await service.ingest(request());

    expect(result.refused.map((r) => [r.index, r.code])).toEqual([
      [1, 'invalid-characters'],
      [2, 'invalid-characters'],
      [3, 'item-too-large'],
      [4, 'invalid-version'],
      [5, 'invalid-version'],
      [6, 'invalid-version'],
    ]);
    expect(result.refused.every((r) => r.id === null && r.detail.startsWith(`item ${r.index}: `))).toBe(true);
    expect(result.refused[0]!.detail).toContain('field "title"');
    expect(result.refused[2]!.detail).toContain('INGEST_MAX_ITEM_BYTES');
    expect(store.stored.map((s) => (s.entry.input.item as ParsedItem).externalId)).toEqual(['ok-1', 'ok-2']);
    expect(result.accepted).toHaveLength(2);
  });

  it('maps the store outcomes: stale and exhausted are refused with the item id, a duplicate is accepted as such', async () => {
    parsed = body([
      item({ externalId: 'stale', version: 2 }),
      item({ externalId: 'duplicate', version: 4 }),
      item({ externalId: 'exhausted', version: MAX_WIRE_VERSION }),
      item({ externalId: 'new', version: 1 }),
    ]);
    store.outcomeFor.set('stale', { status: 'stale', version: 2, currentVersion: 5, reason: 'version 2 is below 5' });
    store.outcomeFor.set('duplicate', { status: 'duplicate', version: 4 });
    store.outcomeFor.set('exhausted', {
      status: 'exhausted',
      version: null,
      currentVersion: MAX_WIRE_VERSION + 1,
      reason: 'no version left',
    });
    const result = await service.ingest(request());

    const idOf = (externalId: string) =>
      store.stored.find((s) => (s.entry.input.item as ParsedItem).externalId === externalId)!.entry.input.id;
    expect(result.refused).toEqual([
      { index: 0, id: idOf('stale'), code: 'stale-version', detail: 'version 2 is below 5' },
      { index: 2, id: idOf('exhausted'), code: 'version-exhausted', detail: 'no version left' },
    ]);
    expect(result.accepted.map((a) => [a.id, a.version, a.duplicate])).toEqual([
      [idOf('duplicate'), 4, true],
      [idOf('new'), 1, false],
    ]);
  });

  it('answers 503 storage-unavailable (retriable) when the store fails for a reason outside the request', async () => {
    for (const failure of [
      new Error('timeout exceeded when trying to connect'),
      Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' }),
    ]) {
      store.failWith = failure;
      const error = (await service.ingest(request()).catch((e: unknown) => e)) as RetriableError;
      expect(error).toBeInstanceOf(RetriableError);
      expect({ code: error.code, status: error.status, retriable: error.retriable, cause: error.cause }).toEqual({
        code: 'storage-unavailable',
        status: 503,
        retriable: true,
        cause: failure,
      });
      expect(toProblem(error)).toMatchObject({ status: 503, code: 'storage-unavailable' });
    }
    expect(relay.nudges).toBe(0);
  });

  it('keeps a store failure of the work itself (a missing table) a plain error: a 500, not a retry', async () => {
    const missing = Object.assign(new Error('relation "raw_articles" does not exist'), { code: '42P01' });
    store.failWith = missing;
    await expect(service.ingest(request())).rejects.toBe(missing);
  });

  it('passes a typed store error through as it is', async () => {
    store.failWith = new PermanentError('item-too-large', 'too large', 413);
    await expect(service.ingest(request())).rejects.toMatchObject({ code: 'item-too-large', status: 413 });
  });

  it('does not nudge the relay when nothing new was accepted', async () => {
    parsed = body([item({ externalId: 'again' }), item({ externalId: 'old' })]);
    store.outcomeFor.set('again', { status: 'duplicate', version: 1 });
    store.outcomeFor.set('old', { status: 'stale', version: 1, currentVersion: 2, reason: 'older' });
    const result = await service.ingest(request());

    expect(result.accepted).toHaveLength(1);
    expect(relay.nudges).toBe(0);
  });

  it('reports the parser-refused entries by their place in the body, in order with the others', async () => {
    parsed = body([item({ externalId: 'a' }), item({ externalId: 'b', version: -1 })], {
      indexes: [0, 2],
      errors: [{ index: 1, code: 'invalid-item', detail: 'item 1: body is missing' }],
    });
    const result = await service.ingest(request());

    expect(result.refused.map((r) => [r.index, r.code])).toEqual([
      [1, 'invalid-item'],
      [2, 'invalid-version'],
    ]);
    expect(result.accepted).toHaveLength(1);
  });

  it('passes the parser warnings through, and leaves them out when there are none', async () => {
    parsed = body([item()], { warnings: ['item 0: publishedAt is in the future; dropped'] });
    expect((await service.ingest(request())).warnings).toEqual(['item 0: publishedAt is in the future; dropped']);

    parsed = body([item()]);
    expect(await service.ingest(request())).not.toHaveProperty('warnings');
  });

  it('names the source from the request first, then the item, then the URL host', async () => {
    parsed = body([item({ externalId: 'from-item', sourceName: '  Wire Desk  ' })]);
    await service.ingest(request({ sourceName: 'Configured Feed' }));
    await service.ingest(request());
    const sources = store.stored.map(
      (s) => (s.outbox!.envelope as EventEnvelope<ArticleReceivedPayload>).payload.source.name,
    );
    expect(sources).toEqual(['Configured Feed', 'Wire Desk']);
    // Same item, another source: another article.
    expect(store.stored[0]!.entry.input.id).not.toBe(store.stored[1]!.entry.input.id);
  });

  it('turns a body the parsers refuse into a typed problem: 415 for an unsupported format, 400 otherwise', async () => {
    parsed = new UnsupportedFormatError('application/x-unknown');
    await expect(service.ingest(request())).rejects.toMatchObject({ code: 'unsupported-format', status: 415 });

    parsed = new InvalidItemsError([{ index: 0, code: 'invalid-item', detail: 'item 0: no body' }], true);
    const error = await service.ingest(request()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermanentError);
    expect(error).toMatchObject({
      code: 'no-valid-items',
      status: 400,
      extensions: { errors: [{ index: 0, code: 'invalid-item' }] },
    });
    expect(store.stored).toEqual([]);
  });
});
