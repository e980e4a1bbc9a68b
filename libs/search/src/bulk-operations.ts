/** Bulk request lines and per-item result classification, shared by both engines (same wire format). */
import type { ArticleDocument } from './article-document';
import { describeErrorCause, engineErrorMessage, engineErrorStatus, type EngineErrorCause } from './engine-errors';

export interface BulkItemFailure {
  id: string;
  /** The item's HTTP status; 0 when the request never got an answer. */
  status: number;
  reason: string;
  /** True for throttling (429), engine trouble (5xx), no answer, or a missing alias: the same document may succeed later. */
  retriable: boolean;
}

export interface BulkIndexResult {
  indexed: string[];
  /** The index already holds an equal-or-newer version: nothing was written and nothing is to be retried. */
  stale: string[];
  failed: BulkItemFailure[];
}

export interface BulkDeleteResult {
  /** Includes ids that were not in the index: a delete is idempotent. */
  deleted: string[];
  failed: BulkItemFailure[];
}

export interface BulkWriteOptions {
  /** `wait_for`: resolve once the writes are searchable (tests, CLI). Default: no refresh, the index's 1s interval applies. */
  refresh?: boolean | 'wait_for';
  /** A concrete index (a rebuild target) instead of the alias. */
  index?: string;
}

/** One item of a bulk answer, keyed by the action (`index`, `delete`, ...). */
export type RawBulkItem = Partial<
  Record<string, { status: number; error?: EngineErrorCause | undefined; _id?: string | null | undefined }>
>;

/** An action line or the document that follows an index action. */
export type BulkLine = Record<string, unknown> | ArticleDocument;

export function bulkIndexLines(alias: string, docs: readonly ArticleDocument[]): BulkLine[] {
  // The index itself refuses an older version than it holds, even if two indexer instances race
  // (or a rebuild and the indexer); equal versions may rewrite (clusterId can change for the same version).
  return docs.flatMap((doc) => [directBulkAction(alias, doc), doc]);
}

/** The action line `bulkIndexLines` writes, for the client's bulk helper (which adds the document itself). */
export function directBulkAction(index: string, doc: ArticleDocument) {
  return { index: { _index: index, _id: doc.id, version: doc.version, version_type: 'external_gte' as const } };
}

export interface DirectBulkFailure {
  id: string;
  status: number;
  reason: string;
}

export function bulkDeleteLines(alias: string, ids: readonly string[]): BulkLine[] {
  return ids.map((id) => ({ delete: { _index: alias, _id: id } }));
}

/** Bulk items come back in request order, so position — not `_id` — ties each to its document. */
export function classifyBulkIndexItems(ids: readonly string[], items: readonly RawBulkItem[]): BulkIndexResult {
  const result: BulkIndexResult = { indexed: [], stale: [], failed: [] };
  ids.forEach((id, position) => {
    const item = firstAction(items[position]);
    if (!item) {
      result.failed.push({ id, status: 0, reason: 'no result for this item in the bulk answer', retriable: true });
    } else if (item.status >= 200 && item.status < 300) {
      result.indexed.push(id);
    } else if (item.status === 409 && item.error?.type === 'version_conflict_engine_exception') {
      result.stale.push(id);
    } else {
      result.failed.push(itemFailure(id, item.status, item.error));
    }
  });
  return result;
}

export function classifyBulkDeleteItems(ids: readonly string[], items: readonly RawBulkItem[]): BulkDeleteResult {
  const result: BulkDeleteResult = { deleted: [], failed: [] };
  ids.forEach((id, position) => {
    const item = firstAction(items[position]);
    if (!item) {
      result.failed.push({ id, status: 0, reason: 'no result for this item in the bulk answer', retriable: true });
    } else if ((item.status >= 200 && item.status < 300) || (item.status === 404 && item.error === undefined)) {
      // A 404 without an error is "document not found" — already gone. A 404 with an error is a missing index.
      result.deleted.push(id);
    } else {
      result.failed.push(itemFailure(id, item.status, item.error));
    }
  });
  return result;
}

/** When the whole bulk request fails (no answer, 429, 5xx, ...), every document fails the same way. */
export function failEveryItem(ids: readonly string[], error: unknown): BulkItemFailure[] {
  const status = engineErrorStatus(error) ?? 0;
  const reason = engineErrorMessage(error);
  return ids.map((id) => ({ id, status, reason, retriable: isRetriable(status, null) }));
}

function firstAction(item: RawBulkItem | undefined) {
  if (!item) return undefined;
  return Object.values(item).find((value) => value !== undefined);
}

function itemFailure(id: string, status: number, error: EngineErrorCause | undefined): BulkItemFailure {
  return {
    id,
    status,
    reason: error ? describeErrorCause(error) : `status ${status}`,
    retriable: isRetriable(status, error?.type ?? null),
  };
}

export function isRetriable(status: number, errorType: string | null): boolean {
  // require_alias makes a write before ensureIndex fail with index_not_found; it succeeds once the alias exists.
  return status === 0 || status === 429 || status >= 500 || errorType === 'index_not_found_exception';
}
