import type { ArticleVersionSummary, EnrichedArticle, FieldChange } from '@wirestream/contracts';
import type { DataSource } from 'typeorm';
import { lockBandKeys, recordVersion, writeCurrentVersion } from './story-model.writer';

export interface ArticleWrite {
  eventId: string;
  article: EnrichedArticle;
  clusterId: string | null;
}

export type StoredVersion = ArticleVersionSummary;

export interface CurrentArticle {
  article: EnrichedArticle;
  clusterId: string | null;
}

/**
 * Version-guarded upserts: an event with a version lower than or equal to the stored one changes nothing,
 * and an event id seen before is skipped — so replays and redeliveries are no-ops.
 */
export class ArticleStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consumerName: string,
  ) {}

  /**
   * Applies a batch in one transaction; returns the ids whose stored row changed. With the article row go its
   * version (and diff), and — when the event's version became the current one — its source, entity counts,
   * quotes, fingerprint bands and story cluster (see `story-model.writer.ts`).
   */
  async applyBatch(writes: ArticleWrite[]): Promise<Set<string>> {
    if (!writes.length) return new Set();
    return this.dataSource.transaction(async (tx) => {
      const changed = new Set<string>();
      await lockBandKeys(tx, writes.map((w) => w.article));
      for (const { eventId, article, clusterId } of writes) {
        const fresh = (await tx.query('INSERT INTO processed_events (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id', [eventId, this.consumerName])) as unknown[];
        if (!fresh.length) continue;
        const doc = JSON.stringify(article);
        await recordVersion(tx, article, doc);
        const updated = (await tx.query(
          `INSERT INTO articles (id, version, pub_status, source_id, source_name, title, language, published_at, fingerprint, cluster_id, document, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
           ON CONFLICT (id) DO UPDATE SET
             version = EXCLUDED.version, pub_status = EXCLUDED.pub_status, source_id = EXCLUDED.source_id,
             source_name = EXCLUDED.source_name, title = EXCLUDED.title, language = EXCLUDED.language,
             published_at = EXCLUDED.published_at, fingerprint = EXCLUDED.fingerprint,
             cluster_id = COALESCE(articles.cluster_id, EXCLUDED.cluster_id), document = EXCLUDED.document, updated_at = now()
           WHERE articles.version < EXCLUDED.version
           RETURNING id, cluster_id`,
          [article.id, article.version, article.pubStatus, article.source.id, article.source.name, article.title, article.language, article.publishedAt, article.fingerprint, clusterId, doc],
        )) as { id: string; cluster_id: string | null }[];
        if (!updated.length) continue;
        changed.add(article.id);
        await writeCurrentVersion(tx, article, updated[0]!.cluster_id);
      }
      return changed;
    });
  }

  /** Every stored version, oldest first, with its diff from the previous one. Empty for an unknown id. */
  async findVersions(id: string): Promise<StoredVersion[]> {
    const rows = (await this.dataSource.query(
      `SELECT version, document->>'edNote' AS ed_note, document->>'updatedAt' AS updated_at, document->>'publishedAt' AS published_at, created_at, changes
       FROM article_versions WHERE article_id = $1 ORDER BY version`,
      [id],
    )) as { version: number; ed_note: string | null; updated_at: string | null; published_at: string | null; created_at: Date; changes: FieldChange[] }[];
    return rows.map((r, i) => ({
      version: r.version,
      // The contract has no versionCreated field; a version's own updatedAt is the closest, the first one's publishedAt next.
      versionCreatedAt: r.updated_at ?? (i === 0 ? r.published_at : null) ?? r.created_at.toISOString(),
      edNote: r.ed_note,
      changes: r.changes,
    }));
  }

  async findCurrent(ids: string[]): Promise<Map<string, CurrentArticle>> {
    if (!ids.length) return new Map();
    const rows = (await this.dataSource.query('SELECT id, document, cluster_id FROM articles WHERE id = ANY($1::text[])', [ids])) as { id: string; document: EnrichedArticle; cluster_id: string | null }[];
    return new Map(rows.map((r) => [r.id, { article: r.document, clusterId: r.cluster_id }]));
  }

  async findOne(id: string): Promise<CurrentArticle | null> {
    return (await this.findCurrent([id])).get(id) ?? null;
  }

  async count(): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT count(*)::int AS n FROM articles')) as { n: number }[];
    return row?.n ?? 0;
  }
}
