import type { ParsedItem, WireFormat } from '@wirestream/contracts';
import type { DataSource } from 'typeorm';

/** Which stored articles a re-enrichment run covers. */
export interface ReenrichmentFilter {
  /** Only articles whose current version was received at or after this instant. */
  since: Date | null;
  /** Only articles of this source id. */
  sourceId: string | null;
}

/** The current (highest) version of a stored raw article, with what an `article.received` event carries. */
export interface RawArticleHead {
  id: string;
  version: number;
  sourceId: string;
  /** The name the pipeline knows the source by (the indexed article's, else the sources table's); null if none. */
  sourceName: string | null;
  format: WireFormat;
  contentType: string;
  receivedAt: Date;
  item: ParsedItem;
}

export interface ReenrichmentRun {
  runId: string;
  filter: ReenrichmentFilter;
  /** Keyset position: the last article id whose event was published (null before the first). */
  afterId: string | null;
  published: number;
  startedAt: Date;
  finishedAt: Date | null;
}

/** The filter as stored: a canonical JSON object, so equal filters compare equal in SQL (`jsonb =`). */
const filterJson = (f: ReenrichmentFilter) =>
  JSON.stringify({ since: f.since?.toISOString() ?? null, sourceId: f.sourceId });

/**
 * Current, usable versions only. Earlier versions are history (the indexer would refuse a re-enrichment of one
 * as stale), and a withdrawn article has nothing to enrich (the indexer never lets a re-enrichment revive it).
 * `NOT EXISTS` rather than `DISTINCT ON`: the filters then apply to each row before the head is picked, and the
 * scan follows the primary key (id, version) in id order, so a page is one index range.
 */
const HEADS = `
  FROM raw_articles r
  WHERE r.pub_status = 'usable'
    AND ($1::timestamptz IS NULL OR r.received_at >= $1)
    AND ($2::text IS NULL OR r.source_id = $2)
    AND ($3::text IS NULL OR r.id > $3)
    AND NOT EXISTS (SELECT 1 FROM raw_articles n WHERE n.id = r.id AND n.version > r.version)`;

/**
 * Reads stored raw articles for `wirestream reenrich` in keyset pages (by id: stable under concurrent ingestion, no
 * OFFSET rescans), and keeps each run's position so an interrupted run resumes where it stopped.
 */
export class ReenrichmentStore {
  constructor(private readonly dataSource: DataSource) {}

  /** How many articles the filter covers after `afterId` (all of them when null). */
  async countHeads(filter: ReenrichmentFilter, afterId: string | null = null): Promise<number> {
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n ${HEADS}`, [
      filter.since,
      filter.sourceId,
      afterId,
    ])) as { n: number }[];
    return row?.n ?? 0;
  }

  /** The next page of current versions after `afterId`, in id order. */
  async readHeads(filter: ReenrichmentFilter, afterId: string | null, limit: number): Promise<RawArticleHead[]> {
    const rows = (await this.dataSource.query(
      `SELECT r.id, r.version, r.source_id, r.format, r.content_type, r.received_at, r.item,
              COALESCE((SELECT a.source_name FROM articles a WHERE a.id = r.id), (SELECT s.name FROM sources s WHERE s.id = r.source_id)) AS source_name
       ${HEADS}
       ORDER BY r.id LIMIT $4`,
      [filter.since, filter.sourceId, afterId, limit],
    )) as {
      id: string;
      version: number;
      source_id: string;
      format: WireFormat;
      content_type: string;
      received_at: Date;
      item: ParsedItem;
      source_name: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      sourceId: r.source_id,
      sourceName: r.source_name,
      format: r.format,
      contentType: r.content_type,
      receivedAt: r.received_at,
      item: r.item,
    }));
  }

  async startRun(runId: string, filter: ReenrichmentFilter): Promise<ReenrichmentRun> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO reenrichment_runs (run_id, filter) VALUES ($1, $2::jsonb) RETURNING *`,
      [runId, filterJson(filter)],
    )) as RunRow[];
    return toRun(row!);
  }

  /** The latest unfinished run with this filter: what `--resume` continues. */
  async findResumable(filter: ReenrichmentFilter): Promise<ReenrichmentRun | null> {
    const [row] = (await this.dataSource.query(
      `SELECT * FROM reenrichment_runs WHERE filter = $1::jsonb AND finished_at IS NULL ORDER BY started_at DESC, run_id LIMIT 1`,
      [filterJson(filter)],
    )) as RunRow[];
    return row ? toRun(row) : null;
  }

  async findRun(runId: string): Promise<ReenrichmentRun | null> {
    const [row] = (await this.dataSource.query(`SELECT * FROM reenrichment_runs WHERE run_id = $1`, [
      runId,
    ])) as RunRow[];
    return row ? toRun(row) : null;
  }

  /** Called once Kafka acknowledged the events up to `afterId`. */
  async savePosition(runId: string, afterId: string, published: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE reenrichment_runs SET after_id = $2, published = $3, updated_at = now() WHERE run_id = $1`,
      [runId, afterId, published],
    );
  }

  async finishRun(runId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE reenrichment_runs SET finished_at = now(), updated_at = now() WHERE run_id = $1`,
      [runId],
    );
  }
}

interface RunRow {
  run_id: string;
  filter: { since: string | null; sourceId: string | null };
  after_id: string | null;
  published: number;
  started_at: Date;
  finished_at: Date | null;
}

function toRun(row: RunRow): ReenrichmentRun {
  return {
    runId: row.run_id,
    filter: { since: row.filter.since ? new Date(row.filter.since) : null, sourceId: row.filter.sourceId },
    afterId: row.after_id,
    published: row.published,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
