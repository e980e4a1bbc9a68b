/**
 * Opaque page cursors. A cursor is base64url JSON naming the sort it belongs to and either the last
 * hit's sort values (`search_after`) or, for collapsed searches, an offset — both engines reject
 * `search_after` combined with `collapse` unless the sort is on the collapse field.
 */
import type { ArticleSortOrder } from './search-query-types';

export type SortValue = string | number | boolean | null;

export type SearchCursor =
  | { sort: ArticleSortOrder; after: SortValue[] }
  | { sort: ArticleSortOrder; offset: number };

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
  if (typeof parsed !== 'object' || parsed === null) throw new InvalidSearchCursorError('cursor is not one this API issued');
  const candidate = parsed as Record<string, unknown>;
  if (candidate['sort'] !== expectedSort) {
    throw new InvalidSearchCursorError(`cursor belongs to sort "${String(candidate['sort'])}", not "${expectedSort}"`);
  }
  const after = candidate['after'];
  if (Array.isArray(after) && after.length > 0 && after.every(isSortValue)) {
    return { sort: expectedSort, after };
  }
  const offset = candidate['offset'];
  if (typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0) {
    return { sort: expectedSort, offset };
  }
  throw new InvalidSearchCursorError('cursor is not one this API issued');
}

function isSortValue(value: unknown): value is SortValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
