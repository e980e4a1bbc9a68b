import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `reenrichment_runs`: one row per `wirestream reenrich` run — its filter, how far it got (the keyset position: the
 * last article id whose event Kafka acknowledged) and when it finished — so an interrupted run resumes where it
 * stopped (`--resume`) instead of starting over. A handful of rows, written once per published chunk.
 */
export class ReenrichmentRuns1764870000000 implements MigrationInterface {
  name = 'ReenrichmentRuns1764870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reenrichment_runs (
        run_id text PRIMARY KEY,
        filter jsonb NOT NULL,
        after_id text,
        published integer NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reenrichment_runs`);
  }
}
