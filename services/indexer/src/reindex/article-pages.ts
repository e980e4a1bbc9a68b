import type { EnrichedArticle } from '@wirestream/contracts';
import type { DataSource } from '@wirestream/persistence';

export interface StoredArticle {
  id: string;
  article: EnrichedArticle;
  clusterId: string | null;
  pubStatus: string;
}

/**
 * Reads the current articles for a rebuild: keyset pages in id order (no OFFSET, no long-held cursor or
 * snapshot, so a rebuild of millions of rows neither slows down nor blocks vacuum).
 */
export class ArticlePages {
  constructor(private readonly dataSource: DataSource) {}

  async countUsable(): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM articles WHERE pub_status = 'usable'`,
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /**
   * The lower bound for "changed since the rebuild started": the start of the oldest transaction still open in this
   * database, or now. `articles.updated_at` is the writing transaction's `now()` (its start), so a write that commits
   * after this point cannot carry an older timestamp. (pg_stat_activity shows xact_start of sessions of the same
   * role — the indexer instances all connect as one — or of every session with pg_read_all_stats.)
   */
  async changeHorizon(): Promise<Date> {
    const [row] = (await this.dataSource.query(
      `SELECT least(now(), (SELECT min(xact_start) FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL)) AS since`,
    )) as { since: Date }[];
    return new Date(row!.since);
  }

  /** Usable articles with an id above `afterId`, in id order. */
  async usablePage(afterId: string, limit: number): Promise<StoredArticle[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, document, cluster_id, pub_status FROM articles WHERE pub_status = 'usable' AND id > $1 ORDER BY id LIMIT $2`,
      [afterId, limit],
    )) as Row[];
    return rows.map(toStored);
  }

  /** Every article (usable or withdrawn) written at or after `since`, in id order. */
  async changedPage(since: Date, afterId: string, limit: number): Promise<StoredArticle[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, document, cluster_id, pub_status FROM articles WHERE updated_at >= $1 AND id > $2 ORDER BY id LIMIT $3`,
      [since, afterId, limit],
    )) as Row[];
    return rows.map(toStored);
  }
}

interface Row {
  id: string;
  document: EnrichedArticle;
  cluster_id: string | null;
  pub_status: string;
}

function toStored(row: Row): StoredArticle {
  return { id: row.id, article: row.document, clusterId: row.cluster_id, pubStatus: row.pub_status };
}
