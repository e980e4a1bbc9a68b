import type { DataSource } from 'typeorm';
import { deleteInBatches } from './delete-in-batches';

export interface PendingOutboxMessage {
  id: string;
  topic: string;
  key: string;
  envelope: unknown;
}

export class OutboxStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the oldest unsent rows (skipping rows another relay holds), lets `publish` send them, and marks
   * them sent in the same transaction — only after `publish` resolved, i.e. after the broker acknowledged.
   * If `publish` throws, nothing is marked and the rows are retried on the next pass.
   */
  async relayBatch(limit: number, publish: (messages: PendingOutboxMessage[]) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      // `outbox.id`, not `id`: the bare name is the text output column, and text order put id 10 before id 2.
      const rows = (await tx.query(
        `SELECT id::text AS id, topic, message_key AS key, envelope FROM outbox
         WHERE sent_at IS NULL ORDER BY outbox.id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      )) as PendingOutboxMessage[];
      if (!rows.length) return 0;
      await publish(rows);
      await tx.query('UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  async recordFailure(error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = $1
       WHERE id = (SELECT id FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT 1)`,
      [error.slice(0, 2000)],
    );
  }

  /**
   * Deletes rows sent before `olderThan`, in batches (oldest ids first, where sent rows are); returns how many.
   * Unsent rows are never touched, however old.
   */
  async pruneSent(olderThan: Date, batchSize = 5000): Promise<number> {
    return deleteInBatches(async (limit) => {
      const [, deleted] = (await this.dataSource.query(
        `DELETE FROM outbox WHERE id = ANY (ARRAY(SELECT id FROM outbox WHERE sent_at < $1 ORDER BY id LIMIT $2))`,
        [olderThan, limit],
      )) as [unknown, number];
      return deleted;
    }, batchSize);
  }

  async pendingCount(): Promise<number> {
    const [row] = (await this.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL')) as { n: number }[];
    return row?.n ?? 0;
  }
}
