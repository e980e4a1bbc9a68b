import { Inject, Injectable } from '@nestjs/common';
import { FeedSourceStore, type FeedSourceRecord } from '@wirestream/persistence';
import {
  MetricsRegistry,
  NotFoundError,
  PermanentError,
  ROOT_LOGGER,
  WirestreamError,
  type Logger,
} from '@wirestream/platform';
import { randomUUID } from 'node:crypto';
import { INGESTOR_CONFIG, type IngestorConfig } from '../config/ingestor.config';
import { IngestService } from '../ingest/ingest.service';
import { AuthHeaderSeal } from './auth-header-seal';
import { FeedFetcher } from './feed-fetcher';
import type { CreateSourceInput, UpdateSourceInput } from './source-input';

export interface SourceHealth {
  status: 'never-polled' | 'ok' | 'failing';
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: { code: string | null; detail: string; at: string | null } | null;
  consecutiveFailures: number;
  itemsSeen: number;
  itemsNew: number;
  lastNewItemAt: string | null;
  nextPollAt: string;
}

/** What the API shows of a source: auth header names only, values always redacted. */
export interface SourceView {
  id: string;
  name: string;
  url: string;
  format: string;
  pollIntervalSeconds: number;
  enabled: boolean;
  authHeaders: Record<string, '[redacted]'>;
  createdAt: string;
  updatedAt: string;
  health: SourceHealth;
}

export interface PollOutcome {
  sourceId: string;
  status: 'not-modified' | 'fetched' | 'failed';
  itemsSeen: number;
  itemsNew: number;
  duplicates: number;
  refused: { index: number; code: string; detail: string }[];
  error: { code: string; detail: string } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Feed sources: registration, and one poll of one source (fetch → the same ingest path as a push → health). */
@Injectable()
export class SourcesService {
  private readonly seal: AuthHeaderSeal;
  private readonly log: Logger;
  private readonly polls;

  constructor(
    private readonly store: FeedSourceStore,
    private readonly fetcher: FeedFetcher,
    @Inject(INGESTOR_CONFIG) config: IngestorConfig,
    private readonly ingestService: IngestService,
    @Inject(ROOT_LOGGER) logger: Logger,
    metrics: MetricsRegistry,
  ) {
    this.log = logger.child({ component: 'sources' });
    if (!config.SOURCE_SECRETS_KEY)
      this.log.warn('SOURCE_SECRETS_KEY is not set: feed auth headers are sealed with the development key');
    this.seal = new AuthHeaderSeal(config.SOURCE_SECRETS_KEY);
    this.polls = metrics.counter('wirestream_feed_polls_total', 'Feed polls by outcome', ['outcome']);
  }

  async create(input: CreateSourceInput): Promise<SourceView> {
    const record = await this.store.create({
      id: randomUUID(),
      name: input.name ?? new URL(input.url).hostname.replace(/^www\./, ''),
      url: input.url,
      format: input.format,
      pollIntervalSeconds: input.pollIntervalSeconds,
      enabled: input.enabled,
      ...this.sealed(input.authHeaders ?? null),
    });
    this.log.info(
      { sourceId: record.id, url: record.url, authHeaders: record.authHeaderNames },
      'feed source registered',
    );
    return toView(record);
  }

  async list(): Promise<SourceView[]> {
    return (await this.store.list()).map(toView);
  }

  async get(id: string): Promise<SourceView> {
    return toView(await this.record(id));
  }

  async update(id: string, input: UpdateSourceInput): Promise<SourceView> {
    const { authHeaders, ...rest } = input;
    const record = await this.store.update(this.checkedId(id), {
      ...rest,
      ...(authHeaders !== undefined ? this.sealed(authHeaders) : {}),
    });
    if (!record) throw new NotFoundError(`Source ${id}`);
    return toView(record);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.store.delete(this.checkedId(id)))) throw new NotFoundError(`Source ${id}`);
  }

  async pollNow(id: string): Promise<PollOutcome> {
    return this.poll(await this.record(id));
  }

  /** Sources due now, claimed so no other replica polls them at the same time. */
  claimDue(limit: number): Promise<FeedSourceRecord[]> {
    return this.store.claimDue(limit);
  }

  /** One poll: never throws — every failure ends up in the source's health. */
  async poll(source: FeedSourceRecord): Promise<PollOutcome> {
    const outcome: PollOutcome = {
      sourceId: source.id,
      status: 'failed',
      itemsSeen: 0,
      itemsNew: 0,
      duplicates: 0,
      refused: [],
      error: null,
    };
    try {
      const headers = source.authHeadersSealed ? this.seal.open(source.authHeadersSealed) : {};
      const fetched = await this.fetcher.fetch({
        url: source.url,
        etag: source.etag,
        lastModified: source.lastModified,
        headers,
      });
      if (fetched.status === 'not-modified') {
        outcome.status = 'not-modified';
        await this.store.recordSuccess(source.id, { etag: null, lastModified: null, itemsSeen: 0, itemsNew: 0 });
      } else {
        outcome.status = 'fetched';
        await this.ingestFeed(source, fetched.body, fetched.contentType, fetched.url, outcome);
        await this.store.recordSuccess(source.id, {
          etag: fetched.etag,
          lastModified: fetched.lastModified,
          itemsSeen: outcome.itemsSeen,
          itemsNew: outcome.itemsNew,
        });
      }
    } catch (error) {
      const code = error instanceof WirestreamError ? error.code : 'poll-failed';
      const detail = error instanceof WirestreamError ? error.message : `unexpected error: ${(error as Error).message}`;
      outcome.status = 'failed';
      outcome.error = { code, detail };
      await this.store.recordFailure(source.id, code, detail);
      this.log.warn({ sourceId: source.id, url: source.url, code, detail }, 'feed poll failed');
    }
    this.polls.inc({ outcome: outcome.status });
    return outcome;
  }

  private async ingestFeed(
    source: FeedSourceRecord,
    body: Buffer,
    contentType: string | null,
    url: string,
    outcome: PollOutcome,
  ): Promise<void> {
    try {
      const result = await this.ingestService.ingest({
        bytes: body,
        contentType,
        url,
        sourceName: source.name,
        format: source.format as never,
      });
      outcome.itemsSeen = result.accepted.length + result.refused.length;
      outcome.itemsNew = result.accepted.filter((a) => !a.duplicate).length;
      outcome.duplicates = result.accepted.length - outcome.itemsNew;
      outcome.refused = result.refused.map(({ index, code, detail }) => ({ index, code, detail }));
    } catch (error) {
      // A feed with no items right now is a quiet feed, not a broken one.
      if (error instanceof PermanentError && error.code === 'empty-feed') return;
      throw error;
    }
  }

  private sealed(headers: Record<string, string> | null): {
    authHeadersSealed: string | null;
    authHeaderNames: string[];
  } {
    if (!headers || !Object.keys(headers).length) return { authHeadersSealed: null, authHeaderNames: [] };
    return { authHeadersSealed: this.seal.seal(headers), authHeaderNames: Object.keys(headers).sort() };
  }

  private async record(id: string): Promise<FeedSourceRecord> {
    const record = await this.store.get(this.checkedId(id));
    if (!record) throw new NotFoundError(`Source ${id}`);
    return record;
  }

  private checkedId(id: string): string {
    if (!UUID.test(id)) throw new NotFoundError(`Source ${id}`);
    return id;
  }
}

function toView(r: FeedSourceRecord): SourceView {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    format: r.format,
    pollIntervalSeconds: r.pollIntervalSeconds,
    enabled: r.enabled,
    authHeaders: Object.fromEntries(r.authHeaderNames.map((n) => [n, '[redacted]' as const])),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    health: healthOf(r),
  };
}

export function healthOf(r: FeedSourceRecord): SourceHealth {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const failing = r.lastErrorAt !== null && (r.lastSuccessAt === null || r.lastErrorAt > r.lastSuccessAt);
  return {
    status:
      r.lastPolledAt === null && r.lastSuccessAt === null && r.lastErrorAt === null
        ? 'never-polled'
        : failing
          ? 'failing'
          : 'ok',
    lastPolledAt: iso(r.lastPolledAt),
    lastSuccessAt: iso(r.lastSuccessAt),
    lastError: r.lastError ? { code: r.lastErrorCode, detail: r.lastError, at: iso(r.lastErrorAt) } : null,
    consecutiveFailures: r.consecutiveFailures,
    itemsSeen: r.itemsSeen,
    itemsNew: r.itemsNew,
    lastNewItemAt: iso(r.lastNewItemAt),
    nextPollAt: r.nextPollAt.toISOString(),
  };
}
