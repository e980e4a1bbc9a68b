/**
 * Opaque page cursors. A cursor is base64url JSON naming the sort it belongs to and either the last
 * hit's sort values (`search_after`) or, for collapsed searches, an offset — both engines reject
 * `search_after` combined with `collapse` unless the sort is on the collapse field.
 */
import type { ArticleSortOrder } from './search-query-types';

export type SortValue = string | number | boolean | null;

export type SearchCursor = { sort: ArticleSortOrder; after: SortValue[] } | { sort: ArticleSortOrder; offset: number };

/** A cursor the caller cannot have got from us (or one from a different sort); HTTP layers answer 400. */
export class InvalidSearchCursorError extends Error {
  override readonly name = 'InvalidSearchCursorError';
}

export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeSearchCursor(encoded: string, expectedSort: ArticleSortOrder): SearchCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidSearchCursorError('cursor is not one this API issued');
  }
  if (typeof parsed !== 'object' || parsed === null)
    throw new InvalidSearchCursorError('cursor is not one this API issued');
  const candidate = parsed as Record<string, unknown>;
  if (candidate['sort'] !== expectedSort) {
    throw new InvalidSearchCursorError(`cursor belongs to sort "${String(candidate['sort'])}", not "${expectedSort}"`);
  }
  const after = candidate['after'];
  if (Array.isArray(after) && matchesSortShape(after, expectedSort)) {
    return { sort: expectedSort, after: after as SortValue[] };
  }
  const offset = candidate['offset'];
  if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0) {
    return { sort: expectedSort, offset };
  }
  throw new InvalidSearchCursorError('cursor is not one this API issued');
}

/**
 * The sort values the engine answers for each sort (see SORTS in search-query): relevance = [score, publishedAt
 * millis, id], newest/oldest = [publishedAt millis, id]. Anything else would make the engine fail the search
 * (a 500 to the caller), so a forged or stale-format cursor is refused here instead.
 */
const SORT_SHAPES: Record<ArticleSortOrder, ('score' | 'millis' | 'id')[]> = {
  relevance: ['score', 'millis', 'id'],
  newest: ['millis', 'id'],
  oldest: ['millis', 'id'],
};

function matchesSortShape(after: unknown[], sort: ArticleSortOrder): boolean {
  const shape = SORT_SHAPES[sort];
  if (!shape || after.length !== shape.length) return false;
  return shape.every((kind, position) => {
    const value = after[position];
    if (kind === 'score') return typeof value === 'number' && Number.isFinite(value);
    if (kind === 'millis') return typeof value === 'number' && Number.isSafeInteger(value);
    return typeof value === 'string' && value.length > 0 && value.length <= 512;
  });
}
