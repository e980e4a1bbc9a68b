import type { DataSource } from 'typeorm';

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

const COLUMNS: Record<keyof FeedSourceChanges, string> = {
  name: 'name',
  url: 'url',
  format: 'format',
  pollIntervalSeconds: 'poll_interval_seconds',
  enabled: 'enabled',
  authHeadersSealed: 'auth_headers_sealed',
  authHeaderNames: 'auth_header_names',
};

export class FeedSourceStore {
  constructor(private readonly dataSource: DataSource) {}

  async create(source: NewFeedSource): Promise<FeedSourceRecord> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO feed_sources (id, name, url, format, poll_interval_seconds, enabled, auth_headers_sealed, auth_header_names)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        source.id,
        source.name,
        source.url,
        source.format,
        source.pollIntervalSeconds,
        source.enabled,
        source.authHeadersSealed,
        source.authHeaderNames,
      ],
    )) as FeedSourceRow[];
    return toRecord(row!);
  }

  async list(): Promise<FeedSourceRecord[]> {
    return ((await this.dataSource.query('SELECT * FROM feed_sources ORDER BY created_at, id')) as FeedSourceRow[]).map(
      toRecord,
    );
  }

  async get(id: string): Promise<FeedSourceRecord | null> {
    const [row] = (await this.dataSource.query('SELECT * FROM feed_sources WHERE id = $1', [id])) as FeedSourceRow[];
    return row ? toRecord(row) : null;
  }

  /** A changed URL drops the old validators (they belong to the old resource) and makes the source due now. */
  async update(id: string, changes: FeedSourceChanges): Promise<FeedSourceRecord | null> {
    const keys = (Object.keys(changes) as (keyof FeedSourceChanges)[]).filter((k) => changes[k] !== undefined);
    const sets = keys.map((k, i) => `${COLUMNS[k]} = $${i + 2}`);
    if (changes.url !== undefined) sets.push('etag = NULL', 'last_modified = NULL', 'next_poll_at = now()');
    sets.push('updated_at = now()');
    const [rows] = (await this.dataSource.query(
      `UPDATE feed_sources SET ${sets.join(', ')} WHERE id = $1 RETURNING *`,
      [id, ...keys.map((k) => changes[k])],
    )) as [FeedSourceRow[], number];
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async delete(id: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query('DELETE FROM feed_sources WHERE id = $1', [id])) as [
      unknown,
      number,
    ];
    return count > 0;
  }

  /**
   * Claims up to `limit` enabled sources whose poll is due and pushes their next poll one interval ahead, in one
   * statement — so two ingestor replicas never poll the same source at the same time.
   */
  async claimDue(limit: number): Promise<FeedSourceRecord[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE feed_sources s SET next_poll_at = now() + make_interval(secs => s.poll_interval_seconds), last_polled_at = now()
       WHERE s.id IN (SELECT id FROM feed_sources WHERE enabled AND next_poll_at <= now() ORDER BY next_poll_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING s.*`,
      [limit],
    )) as [FeedSourceRow[], number];
    return rows.map(toRecord);
  }

  async recordSuccess(id: string, poll: PollSuccess): Promise<void> {
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
    await this.dataSource.query(
      `UPDATE feed_sources SET last_error = $2, last_error_code = $3, last_error_at = now(), last_polled_at = now(),
         consecutive_failures = consecutive_failures + 1
       WHERE id = $1`,
      [id, message.slice(0, 2000), code],
    );
  }
}

interface FeedSourceRow {
  id: string;
  name: string;
  url: string;
  format: string;
  poll_interval_seconds: number;
  enabled: boolean;
  auth_headers_sealed: string | null;
  auth_header_names: string[];
  etag: string | null;
  last_modified: string | null;
  next_poll_at: Date;
  last_polled_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  last_error_code: string | null;
  last_error_at: Date | null;
  consecutive_failures: number;
  items_seen: string;
  items_new: string;
  last_new_item_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

function toRecord(r: FeedSourceRow): FeedSourceRecord {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    format: r.format,
    pollIntervalSeconds: r.poll_interval_seconds,
    enabled: r.enabled,
    authHeadersSealed: r.auth_headers_sealed,
    authHeaderNames: r.auth_header_names ?? [],
    etag: r.etag,
    lastModified: r.last_modified,
    nextPollAt: r.next_poll_at,
    lastPolledAt: r.last_polled_at,
    lastSuccessAt: r.last_success_at,
    lastError: r.last_error,
    lastErrorCode: r.last_error_code,
    lastErrorAt: r.last_error_at,
    consecutiveFailures: r.consecutive_failures,
    itemsSeen: Number(r.items_seen),
    itemsNew: Number(r.items_new),
    lastNewItemAt: r.last_new_item_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
