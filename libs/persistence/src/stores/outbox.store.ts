import { IsNull, Not, type DataSource, type Repository } from 'typeorm';
import { OutboxMessageEntity } from '../entities/outbox-message.entity';
import { deleteInBatches } from './delete-in-batches';

export interface PendingOutboxMessage {
  id: string;
  topic: string;
  key: string;
  envelope: unknown;
}

/** What a relay pass did with the rows it was handed (by id); `failure` stopped it before the rest. */
export interface RelayOutcome {
  sent: string[];
  deadLettered: { id: string; error: string }[];
  failure?: unknown;
}

export class OutboxStore {
  private readonly messages: Repository<OutboxMessageEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.messages = dataSource.getRepository(OutboxMessageEntity);
  }

  /**
   * Claims the oldest unsent rows (skipping rows another relay holds) and lets `relay` publish them; then, in the
   * same transaction, marks the rows it reports sent (only after the broker acknowledged) and the rows it
   * dead-lettered. Rows it reports neither way stay unsent and come back on the next pass; if `relay` throws,
   * nothing is marked.
   */
  async relayBatch(
    limit: number,
    relay: (messages: PendingOutboxMessage[]) => Promise<RelayOutcome>,
  ): Promise<RelayOutcome & { claimed: number }> {
    return this.dataSource.transaction(async (tx) => {
      // `outbox.id`, not `id`: the bare name is the text output column, and text order put id 10 before id 2.
      // Stays raw: FOR UPDATE SKIP LOCKED, so concurrent relays claim different rows.
      const rows = (await tx.query(
        `SELECT id::text AS id, topic, message_key AS key, envelope FROM outbox
         WHERE sent_at IS NULL ORDER BY outbox.id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      )) as PendingOutboxMessage[];
      if (!rows.length) return { sent: [], deadLettered: [], claimed: 0 };
      const outcome = await relay(rows);
      if (outcome.sent.length) {
        // Stays raw: one batch update of the sent ids (= ANY array), counting the attempt in place.
        await tx.query('UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])', [
          outcome.sent,
        ]);
      }
      if (outcome.deadLettered.length) {
        // Stays raw: one batch update from unnest (each row its own error).
        await tx.query(
          `UPDATE outbox SET sent_at = now(), dead_lettered_at = now(), attempts = attempts + 1, last_error = refused.error
           FROM unnest($1::bigint[], $2::text[]) AS refused(id, error) WHERE outbox.id = refused.id`,
          [outcome.deadLettered.map((r) => r.id), outcome.deadLettered.map((r) => r.error.slice(0, 2000))],
        );
      }
      return { ...outcome, claimed: rows.length };
    });
  }

  async recordFailure(error: string): Promise<void> {
    // Stays raw: the oldest unsent row found and its attempts incremented in one statement.
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
      // Stays raw: a bounded batch delete (oldest ids first), which a repository delete cannot limit.
      const [, deleted] = (await this.dataSource.query(
        `DELETE FROM outbox WHERE id = ANY (ARRAY(SELECT id FROM outbox WHERE sent_at < $1 ORDER BY id LIMIT $2))`,
        [olderThan, limit],
      )) as [unknown, number];
      return deleted;
    }, batchSize);
  }

  async deadLetteredCount(): Promise<number> {
    return this.messages.countBy({ deadLetteredAt: Not(IsNull()) });
  }

  async pendingCount(): Promise<number> {
    return this.messages.countBy({ sentAt: IsNull() });
  }
}
