import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox row the broker refuses for good (too large, invalid) is moved to the raw topic's DLQ and marked here,
 * so it stops blocking the rows behind it. `sent_at` is set too: the row has left the outbox (pending count,
 * partial index and retention treat it like a sent one); `dead_lettered_at` says it went to the DLQ instead.
 */
export class OutboxDeadLetters1764710000000 implements MigrationInterface {
  name = 'OutboxDeadLetters1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN dead_lettered_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN dead_lettered_at`);
  }
}
