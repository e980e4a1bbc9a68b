import type { DataSource } from 'typeorm';
import { deleteInBatches } from './delete-in-batches';

/**
 * `processed_events` makes a redelivered event a no-op. An id only matters while its event can still arrive again
 * (the topic's retention, a DLQ replay): older ones are pruned. An event that comes back after that is still
 * harmless — every write is guarded by version — it just costs the work of finding that out.
 */
export class ProcessedEventStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Deletes the ids recorded before `olderThan`, in batches; returns how many. */
  async prune(olderThan: Date, batchSize = 5000): Promise<number> {
    return deleteInBatches(async (limit) => {
      // Stays raw: a bounded batch delete (by ctid), which a repository delete cannot limit.
      const [, deleted] = (await this.dataSource.query(
        `DELETE FROM processed_events WHERE ctid = ANY (ARRAY(SELECT ctid FROM processed_events WHERE processed_at < $1 LIMIT $2))`,
        [olderThan, limit],
      )) as [unknown, number];
      return deleted;
    }, batchSize);
  }
}
