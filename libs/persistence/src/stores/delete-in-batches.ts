/**
 * Runs `deleteBatch(limit)` until it deletes fewer than `limit` rows, so a large backlog goes in short
 * transactions (brief locks, bounded WAL per statement) instead of one long delete. Returns the total.
 */
export async function deleteInBatches(deleteBatch: (limit: number) => Promise<number>, limit = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch(limit);
    total += deleted;
    if (deleted < limit) return total;
  }
}
