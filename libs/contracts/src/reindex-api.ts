/** What a reindex job reports while it runs and after: `POST /v1/admin/reindex` and `GET /v1/admin/reindex/{id}` answer it as JSON. */
export type ReindexPhase = 'starting' | 'copying' | 'refreshing' | 'swapping' | 'catching-up' | 'cleaning-up' | 'done';

export interface ReindexJob {
  id: string;
  state: 'running' | 'succeeded' | 'failed';
  phase: ReindexPhase;
  /** Usable articles in Postgres when the copy started (the progress total). */
  total: number;
  copied: number;
  /** Documents the engine refused for their content (the indexer dead-letters the same documents). */
  rejected: number;
  /** Articles written while the copy ran, re-applied to the new index after the swap. */
  caughtUp: number;
  newIndex: string | null;
  oldIndices: string[];
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  /** The first few rejections, with the engine's reason. */
  rejections: { id: string; reason: string }[];
}
