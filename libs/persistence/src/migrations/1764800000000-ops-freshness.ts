import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What `GET /v1/ops/status` and the ops page read, kept cheap to write and to ask:
 *
 * - `article_freshness`: one row per article version the indexer made searchable (the engine acknowledged its
 *   bulk write), with the article's ingest time. Append-only, written once per batch in one statement, pruned after
 *   FRESHNESS_RETENTION_DAYS. Keyed by version, so a replay or a retry
 *   after a failed batch records a version once, whichever instance indexed it. It lives in Postgres, not in one process's memory, so every indexer instance answers
 *   the same percentiles and counts. Not on `articles`: an extra UPDATE of that wide, hot row per article would
 *   cost more than an append here.
 * - BRIN indexes on the time columns the status counts by (`raw_articles.received_at`, `outbox.sent_at`,
 *   `article_freshness.searchable_at`): rows arrive in time order, so a few index pages find "the last hour" and an
 *   insert costs next to nothing (a b-tree would add an entry per row on the ingest and index paths).
 */
export class OpsFreshness1764800000000 implements MigrationInterface {
  name = 'OpsFreshness1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE article_freshness (
        article_id text NOT NULL,
        version integer NOT NULL,
        source_id text NOT NULL,
        ingested_at timestamptz NOT NULL,
        searchable_at timestamptz NOT NULL,
        PRIMARY KEY (article_id, version)
      )`);
    await q.query(`CREATE INDEX article_freshness_searchable_brin ON article_freshness USING brin (searchable_at)`);
    await q.query(`CREATE INDEX raw_articles_received_brin ON raw_articles USING brin (received_at)`);
    await q.query(`CREATE INDEX outbox_sent_brin ON outbox USING brin (sent_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outbox_sent_brin`);
    await q.query(`DROP INDEX raw_articles_received_brin`);
    await q.query(`DROP TABLE article_freshness`);
  }
}
