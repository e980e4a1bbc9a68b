import { MoreThan, type DataSource } from 'typeorm';
import { FeedSourceEntity } from '../entities/feed-source.entity';
import { deleteInBatches } from './delete-in-batches';

export interface SearchableArticle {
  articleId: string;
  version: number;
  sourceId: string;
  ingestedAt: Date;
  searchableAt: Date;
}

export interface WindowCounts {
  last5m: number;
  last1h: number;
}

export interface FreshnessPercentiles {
  samples: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface SourceActivity {
  id: string;
  name: string | null;
  lastItemAt: Date;
  itemsLast24h: number;
  /** Items among its most recent ones (at most `recentItems`): enough to tell "usually delivers". */
  recentItems: number;
  /** Median gap between its recent items, in seconds; null with fewer than two. */
  medianGapSeconds: number | null;
}

export interface FeedHealth {
  name: string;
  consecutiveFailures: number;
  lastError: string | null;
}

/** Per-minute counts over the last hour: `minute` is the epoch second the minute starts at. */
export interface MinuteCount {
  minute: number;
  count: number;
}

/** Columns counted per stage; each has a BRIN index (migration OpsFreshness). */
const STAGE_TIME_COLUMNS = {
  ingested: { table: 'raw_articles', column: 'received_at' },
  published: { table: 'outbox', column: 'sent_at' },
  indexed: { table: 'article_freshness', column: 'searchable_at' },
} as const;

export type PostgresStage = keyof typeof STAGE_TIME_COLUMNS;

/**
 * Read-only questions the ops status asks Postgres (plus the indexer's freshness rows). Every query is bounded by a
 * time window on a BRIN-indexed column, or by a small table (sources, feed sources).
 */
export class OpsStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One append per batch: the article versions the engine acknowledged. Returns the ones recorded now — a version
   * already recorded (a replay, a batch retried after a partial failure) is not recorded or counted twice.
   */
  async recordSearchable(rows: SearchableArticle[]): Promise<SearchableArticle[]> {
    if (!rows.length) return [];
    // Stays raw: unnest multi-row insert, ON CONFLICT DO NOTHING RETURNING what was recorded now.
    const inserted = (await this.dataSource.query(
      `INSERT INTO article_freshness (article_id, version, source_id, ingested_at, searchable_at)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::timestamptz[], $5::timestamptz[])
       ON CONFLICT (article_id, version) DO NOTHING
       RETURNING article_id, version`,
      [
        rows.map((r) => r.articleId),
        rows.map((r) => r.version),
        rows.map((r) => r.sourceId),
        rows.map((r) => r.ingestedAt),
        rows.map((r) => r.searchableAt),
      ],
    )) as { article_id: string; version: number }[];
    const recorded = new Set(inserted.map((r) => `${r.version}:${r.article_id}`));
    return rows.filter((r) => recorded.has(`${r.version}:${r.articleId}`));
  }

  /** Items per Postgres-timed stage in the last 5 minutes and hour. */
  async stageCounts(): Promise<Record<PostgresStage, WindowCounts>> {
    const parts = Object.entries(STAGE_TIME_COLUMNS).map(
      ([stage, { table, column }]) =>
        `SELECT '${stage}' AS stage, count(*) FILTER (WHERE ${column} > now() - interval '5 minutes')::int AS last5m, count(*)::int AS last1h
         FROM ${table} WHERE ${column} > now() - interval '1 hour'`,
    );
    // Stays raw: filtered counts over three tables' BRIN-indexed time windows in one round trip (UNION ALL).
    const rows = (await this.dataSource.query(parts.join(' UNION ALL '))) as {
      stage: PostgresStage;
      last5m: number;
      last1h: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.stage, { last5m: r.last5m, last1h: r.last1h }])) as Record<
      PostgresStage,
      WindowCounts
    >;
  }

  /** Items per minute over the last hour for each Postgres-timed stage (minutes without items are absent). */
  async throughputPerMinute(): Promise<Record<PostgresStage, MinuteCount[]>> {
    const parts = Object.entries(STAGE_TIME_COLUMNS).map(
      ([stage, { table, column }]) =>
        `SELECT '${stage}' AS stage, extract(epoch FROM date_trunc('minute', ${column}))::bigint AS minute, count(*)::int AS count
         FROM ${table} WHERE ${column} > date_trunc('minute', now()) - interval '59 minutes' GROUP BY 2`,
    );
    // Stays raw: per-minute GROUP BY date_trunc over three tables in one round trip (UNION ALL).
    const rows = (await this.dataSource.query(parts.join(' UNION ALL '))) as {
      stage: PostgresStage;
      minute: string;
      count: number;
    }[];
    const result: Record<PostgresStage, MinuteCount[]> = { ingested: [], published: [], indexed: [] };
    for (const r of rows) result[r.stage].push({ minute: Number(r.minute), count: r.count });
    return result;
  }

  /** Ingest → searchable latency percentiles (seconds) of the articles that became searchable in the last `seconds`. */
  async freshnessPercentiles(seconds = 300): Promise<FreshnessPercentiles> {
    // Stays raw: percentile_cont aggregates over a time window.
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS samples,
              percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM searchable_at - ingested_at)) AS p
       FROM article_freshness WHERE searchable_at > now() - make_interval(secs => $1)`,
      [seconds],
    )) as { samples: number; p: number[] | null }[];
    const [p50, p95, p99] = row?.p ?? [null, null, null];
    return { samples: row?.samples ?? 0, p50: p50 ?? null, p95: p95 ?? null, p99: p99 ?? null };
  }

  /**
   * Age of the oldest article version accepted in the last `windowSeconds` that the indexer has not stored at that
   * version or a later one. Only a window is looked at: a version that never gets there (dead-lettered) stops
   * counting once it leaves it — the DLQ reports it instead.
   */
  async oldestUnsearchableSeconds(windowSeconds = 3600): Promise<number | null> {
    // Stays raw: an aggregate over an anti-join (NOT EXISTS a stored version as high).
    const [row] = (await this.dataSource.query(
      `SELECT extract(epoch FROM now() - min(r.received_at))::float8 AS age FROM raw_articles r
       WHERE r.received_at > now() - make_interval(secs => $1)
         AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.id AND a.version >= r.version)`,
      [windowSeconds],
    )) as { age: number | null }[];
    return row?.age ?? null;
  }

  /** Unsent outbox rows (through its partial index) and the age of the oldest. */
  async outboxBacklog(): Promise<{ pending: number; oldestPendingSeconds: number | null }> {
    // Stays raw: count and oldest age in one aggregate over the partial index.
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending, extract(epoch FROM now() - min(created_at))::float8 AS age FROM outbox WHERE sent_at IS NULL`,
    )) as { pending: number; age: number | null }[];
    return { pending: row?.pending ?? 0, oldestPendingSeconds: row?.age ?? null };
  }

  /**
   * Every source that delivered (raw_articles, found by a loose index scan of its (source_id, received_at) index),
   * with its last item, items in the last 24 h and the median gap between its `recentItems` latest items.
   */
  async sourceActivity(options: { recentItems?: number; maxSources?: number } = {}): Promise<SourceActivity[]> {
    // Stays raw: a recursive loose index scan, window functions and a median per source.
    const rows = (await this.dataSource.query(
      `WITH RECURSIVE ids AS (
         (SELECT source_id FROM raw_articles ORDER BY source_id LIMIT 1)
         UNION ALL
         SELECT (SELECT r.source_id FROM raw_articles r WHERE r.source_id > ids.source_id ORDER BY r.source_id LIMIT 1) FROM ids WHERE ids.source_id IS NOT NULL
       )
       SELECT ids.source_id AS id, s.name, recent.last_at, recent.items,
              (SELECT count(*)::int FROM raw_articles r WHERE r.source_id = ids.source_id AND r.received_at > now() - interval '24 hours') AS last24h,
              recent.median_gap
       FROM ids
       LEFT JOIN sources s ON s.id = ids.source_id
       CROSS JOIN LATERAL (
         SELECT max(t.received_at) AS last_at, count(*)::int AS items,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY t.gap) AS median_gap
         FROM (
           SELECT received_at, extract(epoch FROM received_at - lag(received_at) OVER (ORDER BY received_at))::float8 AS gap
           FROM (SELECT received_at FROM raw_articles r WHERE r.source_id = ids.source_id ORDER BY received_at DESC LIMIT $1) last_items
         ) t
       ) recent
       WHERE ids.source_id IS NOT NULL
       LIMIT $2`,
      [options.recentItems ?? 50, options.maxSources ?? 500],
    )) as {
      id: string;
      name: string | null;
      last_at: Date;
      items: number;
      last24h: number;
      median_gap: number | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      lastItemAt: r.last_at,
      itemsLast24h: r.last24h,
      recentItems: r.items,
      medianGapSeconds: r.median_gap,
    }));
  }

  /** Polled feeds that are failing now (their name is what their items' source is named after). */
  async failingFeeds(): Promise<FeedHealth[]> {
    const feeds = await this.dataSource.getRepository(FeedSourceEntity).find({
      select: { name: true, consecutiveFailures: true, lastError: true },
      where: { enabled: true, consecutiveFailures: MoreThan(0) },
      order: { name: 'ASC' },
      take: 500,
    });
    return feeds.map((f) => ({ name: f.name, consecutiveFailures: f.consecutiveFailures, lastError: f.lastError }));
  }

  /** Freshness rows recorded before `olderThan`, deleted in batches; returns how many. */
  async pruneFreshness(olderThan: Date, batchSize = 5000): Promise<number> {
    return deleteInBatches(async (limit) => {
      // Stays raw: a bounded batch delete (by ctid), which a repository delete cannot limit.
      const [, deleted] = (await this.dataSource.query(
        `DELETE FROM article_freshness WHERE ctid = ANY (ARRAY(SELECT ctid FROM article_freshness WHERE searchable_at < $1 LIMIT $2))`,
        [olderThan, limit],
      )) as [unknown, number];
      return deleted;
    }, batchSize);
  }
}
