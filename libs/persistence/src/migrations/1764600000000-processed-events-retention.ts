import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The indexer prunes `processed_events` older than its retention (PROCESSED_EVENTS_RETENTION_DAYS). Rows arrive in
 * time order, so a BRIN index on `processed_at` finds the old ones for a few pages of index and costs next to nothing
 * per insert (a b-tree would add an entry per event on the indexer's hot path).
 */
export class ProcessedEventsRetention1764600000000 implements MigrationInterface {
  name = 'ProcessedEventsRetention1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX processed_events_processed_at_brin ON processed_events USING brin (processed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX processed_events_processed_at_brin`);
  }
}
