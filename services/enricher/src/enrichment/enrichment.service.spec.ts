import { Test } from '@nestjs/testing';
import {
  EVENT_MAX_BYTES,
  EventTypes,
  topicsFor,
  type ArticleEnrichedPayload,
  type ArticleReceivedPayload,
  type EnrichedArticle,
  type EventEnvelope,
  type ParsedItem,
} from '@wirestream/contracts';
import type { EnrichArticleInput } from '@wirestream/enrichment';
import {
  createEnvelope,
  EventPublisher,
  EventTooLargeError,
  MalformedEventError,
  MAX_MESSAGES_PER_REQUEST,
  TOPICS,
  type IncomingMessage,
  type OutgoingEvent,
  type PreparedMessage,
} from '@wirestream/kafka';
import { createLogger, isRetriable, MetricsRegistry, PermanentError, RetriableError } from '@wirestream/platform';
import { syntheticArticles } from '@wirestream/search';
import { EnrichPool } from './enrich-pool';
import { EnrichmentService } from './enrichment.service';

const TOPICS_UNDER_TEST = topicsFor('unit.');
const log = createLogger('enricher', 'silent');
const template = [...syntheticArticles(1, { seed: 3 })][0]!.article;

/**
 * Enriches by copying the item into a realistic article. Items whose content names a failure fail like the real
 * pool does (permanent, with its code); `settleAfter` makes later items finish first, as parallel workers may.
 */
class FakeEnrichPool {
  readonly inputs: EnrichArticleInput[] = [];
  warmedUp = 0;
  closed = 0;

  async enrich(input: EnrichArticleInput): Promise<EnrichedArticle> {
    this.inputs.push(input);
    const ticks = Number(/settle:(\d+)/.exec(input.item.content)?.[1] ?? 0);
    for (let i = 0; i < ticks; i++) await Promise.resolve();
    if (input.item.content.includes('timeout'))
      throw new PermanentError('enrich-timeout', 'enrichment took longer than 5000 ms', 422);
    const body = input.item.content.includes('huge') ? 'x'.repeat(EVENT_MAX_BYTES) : input.item.content;
    return {
      ...template,
      id: input.id,
      version: input.version,
      source: input.source,
      title: input.item.title,
      body,
      paragraphs: [body],
      ingestedAt: input.ingestedAt,
      enrichedAt: input.now,
    };
  }

  warmUp(): Promise<void> {
    this.warmedUp++;
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.closed++;
    return Promise.resolve();
  }
}

/** Serializes and size-checks like the real publisher; sends are recorded, and the send numbered `failSend` fails. */
class FakePublisher {
  readonly requests: PreparedMessage[][] = [];
  failSend: { at: number; error: Error } | null = null;

  prepare(event: OutgoingEvent): PreparedMessage {
    const value = JSON.stringify(event.envelope);
    const bytes = Buffer.byteLength(value);
    if (bytes > EVENT_MAX_BYTES) throw new EventTooLargeError(event.topic, event.envelope.articleId, bytes);
    return { topic: event.topic, message: { key: event.envelope.articleId, value, headers: {} }, bytes };
  }

  sendPrepared(messages: PreparedMessage[]): Promise<void> {
    if (this.failSend?.at === this.requests.length) {
      this.requests.push([]);
      return Promise.reject(this.failSend.error);
    }
    this.requests.push(messages);
    return Promise.resolve();
  }

  sentEnvelopes(): EventEnvelope<ArticleEnrichedPayload>[] {
    return this.requests.flat().map((m) => JSON.parse(m.message.value) as EventEnvelope<ArticleEnrichedPayload>);
  }
}

function item(content: string): ParsedItem {
  return {
    format: 'ninjs',
    externalId: null,
    version: 1,
    versionCreatedAt: null,
    pubStatus: 'usable',
    url: null,
    title: `Title of ${content.slice(0, 20)}`,
    subtitle: null,
    byline: null,
    publishedAt: null,
    updatedAt: null,
    language: 'en',
    sourceName: null,
    contentType: 'text',
    content,
    wire: { urgency: null, subjects: [], located: null, edNote: null },
  };
}

let sequence = 0;

function received(
  content: string,
  extra: Omit<Partial<EventEnvelope<unknown>>, 'payload'> = {},
  payload: Partial<ArticleReceivedPayload> = {},
): EventEnvelope<ArticleReceivedPayload> {
  const articleId = `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`;
  return {
    ...createEnvelope<ArticleReceivedPayload>({
      type: EventTypes.articleReceived,
      articleId,
      version: 1,
      payload: {
        source: { id: 'example', name: 'Example' },
        format: 'ninjs',
        contentType: 'application/json',
        receivedAt: '2026-01-01T00:00:00.000Z',
        rawRef: { table: 'raw_articles', id: articleId, version: 1 },
        item: item(content),
        ...payload,
      },
    }),
    ...extra,
  };
}

function message(envelope: unknown): IncomingMessage {
  return {
    topic: TOPICS_UNDER_TEST.raw,
    partition: 0,
    offset: String(sequence),
    key: (envelope as { articleId?: string }).articleId ?? null,
    value: Buffer.from(JSON.stringify(envelope)),
    headers: {},
    traceId: null,
  };
}

describe('EnrichmentService (unit: worker pool and publisher replaced)', () => {
  let service: EnrichmentService;
  let pool: FakeEnrichPool;
  let publisher: FakePublisher;

  beforeEach(async () => {
    pool = new FakeEnrichPool();
    publisher = new FakePublisher();
    const moduleRef = await Test.createTestingModule({
      providers: [
        EnrichmentService,
        { provide: EnrichPool, useValue: pool },
        { provide: EventPublisher, useValue: publisher },
        { provide: TOPICS, useValue: TOPICS_UNDER_TEST },
        { provide: MetricsRegistry, useValue: new MetricsRegistry('enricher') },
      ],
    }).compile();
    service = moduleRef.get(EnrichmentService);
  });

  describe('one event', () => {
    it('enriches the item with its identity, source and receipt time, onto the enriched topic', async () => {
      const event = received('One paragraph.', { traceId: 'trace-9' });
      const out = await service.enrich(event, new Date('2026-02-01T00:00:00Z'));

      expect(pool.inputs).toEqual([
        {
          id: event.articleId,
          version: 1,
          source: { id: 'example', name: 'Example' },
          item: event.payload.item,
          ingestedAt: '2026-01-01T00:00:00.000Z',
          now: '2026-02-01T00:00:00.000Z',
        },
      ]);
      expect(out.topic).toBe(TOPICS_UNDER_TEST.enriched);
      expect(out.envelope).toMatchObject({
        type: EventTypes.articleEnriched,
        articleId: event.articleId,
        version: 1,
        traceId: 'trace-9',
      });
      expect(out.envelope).not.toHaveProperty('reenrichment');
    });

    it('gives a redelivered raw event the same enriched event id, and another event another one', async () => {
      const event = received('Same event twice.');
      const first = await service.enrich(event);
      const again = await service.enrich(event);
      const other = await service.enrich(received('Same event twice.'));

      expect(again.envelope.eventId).toBe(first.envelope.eventId);
      expect(other.envelope.eventId).not.toBe(first.envelope.eventId);
      expect(first.envelope.eventId).not.toBe(event.eventId);
    });

    it('carries a re-enrichment marker downstream and refuses a malformed one', async () => {
      const marked = await service.enrich(received('Again.', { reenrichment: { runId: 'run-7' } }));
      expect(marked.envelope).toMatchObject({ reenrichment: { runId: 'run-7' } });

      for (const reenrichment of [{ runId: '' }, { runId: 7 }, 'run-7', { runId: 'r'.repeat(101) }])
        await expect(service.enrich(received('Again.', { reenrichment } as never))).rejects.toBeInstanceOf(
          MalformedEventError,
        );
      expect(pool.inputs).toHaveLength(1);
    });

    it('refuses a payload it cannot enrich, saying every problem, without using a worker', async () => {
      const event = received('x', {}, { source: undefined as never, receivedAt: 7 as never });
      (event.payload.item as Partial<ParsedItem>).contentType = 'pdf' as never;

      const error = await service.enrich(event).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(MalformedEventError);
      expect((error as Error).message).toBe(
        'payload.source.id must be a string; payload.receivedAt must be a string; payload.item.contentType must be html or text',
      );
      expect(pool.inputs).toEqual([]);
    });

    it('passes a text page’s layout hint on to the enrichment, and refuses one that is not a string', async () => {
      const hinted = received('Banner\n\nBody.');
      (hinted.payload.item as Partial<ParsedItem>).textLayout = 'b.';
      await service.enrich(hinted);
      expect(pool.inputs.at(-1)?.item.textLayout).toBe('b.');

      const wrong = received('Banner\n\nBody.');
      (wrong.payload.item as Partial<ParsedItem>).textLayout = ['b', '.'] as never;
      const error = await service.enrich(wrong).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MalformedEventError);
      expect((error as Error).message).toBe('payload.item.textLayout must be a string when present');
      expect(pool.inputs).toHaveLength(1);
    });
  });

  describe('a batch', () => {
    it('publishes every result in offset order, whatever order the workers finish in', async () => {
      const batch = [received('first settle:30'), received('second settle:10'), received('third')].map(message);
      const failures = await service.enrichBatch(batch, log);

      expect(failures.size).toBe(0);
      expect(publisher.requests).toHaveLength(1);
      expect(publisher.sentEnvelopes().map((e) => e.payload.body)).toEqual([
        'first settle:30',
        'second settle:10',
        'third',
      ]);
    });

    it('dead-letters a poison message alone (permanent) while its batch-mates go through', async () => {
      const notJson = { ...message(received('a')), value: Buffer.from('{') };
      const wrongType = message({ ...received('b'), type: EventTypes.articleEnriched });
      const timesOut = message(received('this one hits the timeout'));
      const tooLarge = message(received('huge'));
      const good = [message(received('good one')), message(received('good two'))];
      const batch = [good[0]!, notJson, wrongType, timesOut, tooLarge, good[1]!];

      const failures = await service.enrichBatch(batch, log);

      expect([...failures.keys()].sort((x, y) => batch.indexOf(x) - batch.indexOf(y))).toEqual([
        notJson,
        wrongType,
        timesOut,
        tooLarge,
      ]);
      expect(failures.get(notJson)).toBeInstanceOf(MalformedEventError);
      expect(failures.get(wrongType)).toBeInstanceOf(MalformedEventError);
      expect(failures.get(timesOut)).toMatchObject({ code: 'enrich-timeout' });
      expect(failures.get(tooLarge)).toBeInstanceOf(EventTooLargeError);
      for (const error of failures.values()) expect(isRetriable(error)).toBe(false);
      expect(publisher.sentEnvelopes().map((e) => e.payload.body)).toEqual(['good one', 'good two']);
    });

    it(`splits what it publishes into requests of at most ${MAX_MESSAGES_PER_REQUEST} messages and EVENT_MAX_BYTES`, async () => {
      const many = Array.from({ length: 2 * MAX_MESSAGES_PER_REQUEST + 50 }, (_, i) => message(received(`item ${i}`)));
      expect((await service.enrichBatch(many, log)).size).toBe(0);
      expect(publisher.requests.map((r) => r.length)).toEqual([MAX_MESSAGES_PER_REQUEST, MAX_MESSAGES_PER_REQUEST, 50]);

      publisher.requests.length = 0;
      // The text is in the body and its paragraph: each event is just over a third of the limit, so two fit in a request.
      const third = 'y'.repeat(Math.ceil(EVENT_MAX_BYTES / 6));
      const large = [received(third), received(third), received(third)].map(message);
      expect((await service.enrichBatch(large, log)).size).toBe(0);
      expect(publisher.requests.map((r) => r.length)).toEqual([2, 1]);
      expect(publisher.requests.every((r) => r.reduce((n, m) => n + m.bytes, 0) <= EVENT_MAX_BYTES)).toBe(true);
    });

    it('fails a failed send and every later one with its (transient) error, so no newer version overtakes an older', async () => {
      const many = Array.from({ length: 2 * MAX_MESSAGES_PER_REQUEST + 50 }, (_, i) => message(received(`item ${i}`)));
      const brokerAway = new RetriableError('kafka-unavailable', 'no leader for partition');
      publisher.failSend = { at: 1, error: brokerAway };

      const failures = await service.enrichBatch(many, log);

      expect(publisher.requests.map((r) => r.length)).toEqual([MAX_MESSAGES_PER_REQUEST, 0]);
      expect([...failures.keys()]).toEqual(many.slice(MAX_MESSAGES_PER_REQUEST));
      expect(new Set(failures.values())).toEqual(new Set([brokerAway]));
      expect(isRetriable(brokerAway)).toBe(true);
    });
  });

  it('warms the pool up on start and closes it on close', async () => {
    await service.start();
    await service.close();
    expect([pool.warmedUp, pool.closed]).toEqual([1, 1]);
  });
});
