import type { ReindexJob } from '@wirestream/contracts';

/** A job as it starts: nothing copied yet. */
export function newReindexJob(id: string, now: Date = new Date()): ReindexJob {
  return {
    id,
    state: 'running',
    phase: 'starting',
    total: 0,
    copied: 0,
    rejected: 0,
    caughtUp: 0,
    newIndex: null,
    oldIndices: [],
    startedAt: now.toISOString(),
    finishedAt: null,
    error: null,
    rejections: [],
  };
}
