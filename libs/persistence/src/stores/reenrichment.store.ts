import type { ParsedItem, WireFormat } from '@wirestream/contracts';
import { IsNull, Raw, type DataSource, type Repository } from 'typeorm';
import { ReenrichmentRunEntity } from '../entities/ops.entities';

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
const storedFilter = (f: ReenrichmentFilter): ReenrichmentRunEntity['filter'] => ({
  since: f.since?.toISOString() ?? null,
  sourceId: f.sourceId,
});

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
  private readonly runs: Repository<ReenrichmentRunEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.runs = dataSource.getRepository(ReenrichmentRunEntity);
  }

  /** How many articles the filter covers after `afterId` (all of them when null). */
  async countHeads(filter: ReenrichmentFilter, afterId: string | null = null): Promise<number> {
    // Stays raw: the heads are an anti-join (NOT EXISTS a higher version) with optional filters, see HEADS.
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n ${HEADS}`, [
      filter.since,
      filter.sourceId,
      afterId,
    ])) as { n: number }[];
    return row?.n ?? 0;
  }

  /** The next page of current versions after `afterId`, in id order. */
  async readHeads(filter: ReenrichmentFilter, afterId: string | null, limit: number): Promise<RawArticleHead[]> {
    // Stays raw: the HEADS anti-join keyset page, with the source name from two tables (correlated subqueries).
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
    await this.runs.insert({ runId, filter: storedFilter(filter) });
    return toRun(await this.runs.findOneByOrFail({ runId }));
  }

  /** The latest unfinished run with this filter: what `--resume` continues. */
  async findResumable(filter: ReenrichmentFilter): Promise<ReenrichmentRun | null> {
    const run = await this.runs.findOne({
      where: {
        filter: Raw((column) => `${column} = CAST(:filter AS jsonb)`, { filter: JSON.stringify(storedFilter(filter)) }),
        finishedAt: IsNull(),
      },
      order: { startedAt: 'DESC', runId: 'ASC' },
    });
    return run ? toRun(run) : null;
  }

  async findRun(runId: string): Promise<ReenrichmentRun | null> {
    const run = await this.runs.findOneBy({ runId });
    return run ? toRun(run) : null;
  }

  /** Called once Kafka acknowledged the events up to `afterId`. */
  async savePosition(runId: string, afterId: string, published: number): Promise<void> {
    await this.runs.update({ runId }, { afterId, published, updatedAt: () => 'now()' });
  }

  async finishRun(runId: string): Promise<void> {
    await this.runs.update({ runId }, { finishedAt: () => 'now()', updatedAt: () => 'now()' });
  }
}

function toRun(run: ReenrichmentRunEntity): ReenrichmentRun {
  return {
    runId: run.runId,
    filter: { since: run.filter.since ? new Date(run.filter.since) : null, sourceId: run.filter.sourceId },
    afterId: run.afterId,
    published: run.published,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}
