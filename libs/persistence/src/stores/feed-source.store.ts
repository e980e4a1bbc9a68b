import type { DataSource, QueryDeepPartialEntity, Repository } from 'typeorm';
import { FeedSourceEntity } from '../entities/feed-source.entity';
import { hydrate } from './hydrate';

/** A feed source as stored. `authHeadersSealed` is ciphertext; callers never return or log it. */
export interface FeedSourceRecord {
  id: string;
  name: string;
  url: string;
  format: string;
  pollIntervalSeconds: number;
  enabled: boolean;
  authHeadersSealed: string | null;
  authHeaderNames: string[];
  etag: string | null;
  lastModified: string | null;
  nextPollAt: Date;
  lastPolledAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorCode: string | null;
  lastErrorAt: Date | null;
  consecutiveFailures: number;
  itemsSeen: number;
  itemsNew: number;
  lastNewItemAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a caller gives to create a source: its configuration (the health and poll state start empty). */
export type NewFeedSource = Pick<
  FeedSourceRecord,
  'id' | 'name' | 'url' | 'format' | 'pollIntervalSeconds' | 'enabled' | 'authHeadersSealed' | 'authHeaderNames'
>;

export type FeedSourceChanges = Partial<Omit<NewFeedSource, 'id'>>;

export interface PollSuccess {
  etag: string | null;
  lastModified: string | null;
  itemsSeen: number;
  itemsNew: number;
}

/** The configuration a caller may change; anything else on a changes object is ignored. */
const CHANGEABLE: readonly (keyof FeedSourceChanges)[] = [
  'name',
  'url',
  'format',
  'pollIntervalSeconds',
  'enabled',
  'authHeadersSealed',
  'authHeaderNames',
];

/** CRUD through the `FeedSourceEntity` repository; the poll bookkeeping is one statement each (see below). */
export class FeedSourceStore {
  private readonly sources: Repository<FeedSourceEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.sources = dataSource.getRepository(FeedSourceEntity);
  }

  /** The row as stored, with the defaults Postgres filled in (health and poll state start empty). */
  async create(source: NewFeedSource): Promise<FeedSourceRecord> {
    await this.sources.insert({
      id: source.id,
      name: source.name,
      url: source.url,
      format: source.format,
      pollIntervalSeconds: source.pollIntervalSeconds,
      enabled: source.enabled,
      authHeadersSealed: source.authHeadersSealed,
      authHeaderNames: source.authHeaderNames,
    });
    return toRecord(await this.sources.findOneByOrFail({ id: source.id }));
  }

  async list(): Promise<FeedSourceRecord[]> {
    return (await this.sources.find({ order: { createdAt: 'ASC', id: 'ASC' } })).map(toRecord);
  }

  async get(id: string): Promise<FeedSourceRecord | null> {
    const source = await this.sources.findOneBy({ id });
    return source ? toRecord(source) : null;
  }

  /**
   * A changed URL drops the old validators (they belong to the old resource) and makes the source due now. The
   * update and the read back share a transaction, so the row returned is the one this update wrote.
   */
  async update(id: string, changes: FeedSourceChanges): Promise<FeedSourceRecord | null> {
    const set: QueryDeepPartialEntity<FeedSourceEntity> = { updatedAt: () => 'now()' };
    for (const key of CHANGEABLE) if (changes[key] !== undefined) Object.assign(set, { [key]: changes[key] });
    if (changes.url !== undefined) Object.assign(set, { etag: null, lastModified: null, nextPollAt: () => 'now()' });
    return this.dataSource.transaction(async (tx) => {
      const { affected } = await tx.update(FeedSourceEntity, { id }, set);
      if (!affected) return null;
      return toRecord(await tx.findOneByOrFail(FeedSourceEntity, { id }));
    });
  }

  async delete(id: string): Promise<boolean> {
    const { affected } = await this.sources.delete({ id });
    return (affected ?? 0) > 0;
  }

  /**
   * Claims up to `limit` enabled sources whose poll is due and pushes their next poll one interval ahead, in one
   * statement — so two ingestor replicas never poll the same source at the same time.
   */
  async claimDue(limit: number): Promise<FeedSourceRecord[]> {
    // Stays raw: claim and reschedule in one statement with FOR UPDATE SKIP LOCKED (no repository equivalent).
    const [rows] = (await this.dataSource.query(
      `UPDATE feed_sources s SET next_poll_at = now() + make_interval(secs => s.poll_interval_seconds), last_polled_at = now()
       WHERE s.id IN (SELECT id FROM feed_sources WHERE enabled AND next_poll_at <= now() ORDER BY next_poll_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING s.*`,
      [limit],
    )) as [Record<string, unknown>[], number];
    return rows.map((row) => toRecord(hydrate(this.dataSource, FeedSourceEntity, row)));
  }

  async recordSuccess(id: string, poll: PollSuccess): Promise<void> {
    // Stays raw: counters and validators change relative to the stored row in one statement (no read-modify-write).
    await this.dataSource.query(
      `UPDATE feed_sources SET last_success_at = now(), last_polled_at = now(), consecutive_failures = 0,
         etag = COALESCE($2, etag), last_modified = COALESCE($3, last_modified),
         items_seen = items_seen + $4, items_new = items_new + $5,
         last_new_item_at = CASE WHEN $5 > 0 THEN now() ELSE last_new_item_at END
       WHERE id = $1`,
      [id, poll.etag, poll.lastModified, poll.itemsSeen, poll.itemsNew],
    );
  }

  async recordFailure(id: string, code: string, message: string): Promise<void> {
    // Stays raw: the failure count is incremented in place, in one statement (no read-modify-write).
    await this.dataSource.query(
      `UPDATE feed_sources SET last_error = $2, last_error_code = $3, last_error_at = now(), last_polled_at = now(),
         consecutive_failures = consecutive_failures + 1
       WHERE id = $1`,
      [id, message.slice(0, 2000), code],
    );
  }
}

function toRecord(source: FeedSourceEntity): FeedSourceRecord {
  return {
    id: source.id,
    name: source.name,
    url: source.url,
    format: source.format,
    pollIntervalSeconds: source.pollIntervalSeconds,
    enabled: source.enabled,
    authHeadersSealed: source.authHeadersSealed,
    authHeaderNames: source.authHeaderNames ?? [],
    etag: source.etag,
    lastModified: source.lastModified,
    nextPollAt: source.nextPollAt,
    lastPolledAt: source.lastPolledAt,
    lastSuccessAt: source.lastSuccessAt,
    lastError: source.lastError,
    lastErrorCode: source.lastErrorCode,
    lastErrorAt: source.lastErrorAt,
    consecutiveFailures: source.consecutiveFailures,
    // bigint columns arrive as strings (exact beyond 2^53); these counters stay far below it.
    itemsSeen: Number(source.itemsSeen),
    itemsNew: Number(source.itemsNew),
    lastNewItemAt: source.lastNewItemAt,
    createdAt: source.createdAt,
    updatedAt: source.updatedAt,
  };
}
