/**
 * Naming and alias arithmetic for rebuilding the article index (pure; both engines).
 *
 * Concrete indices are `<alias>-v<mappingVersion>-<counter>` (counter zero-padded to 6 digits).
 * A rebuild creates the next counter with the current mapping, fills it, then moves the alias
 * in one `_aliases` request — both engines apply the actions of one request atomically, so a
 * search never sees the alias on zero or on two indices.
 */
import { ARTICLE_MAPPING_VERSION, type ArticleIndexNames } from './article-mapping';

export interface ArticleIndexInfo {
  name: string;
  /** The alias points at this index. */
  aliased: boolean;
  /** Documents the index holds (deleted ones excluded); null when the engine did not say. */
  docs: number | null;
}

/** `{ mappingVersion, counter }` of a concrete index of these names, or null for anything else. */
export function parseIndexName(
  names: ArticleIndexNames,
  index: string,
): { mappingVersion: number; counter: number } | null {
  const prefix = `${names.alias}-v`;
  if (!index.startsWith(prefix)) return null;
  const match = /^(\d+)-(\d+)$/.exec(index.slice(prefix.length));
  if (!match) return null;
  return { mappingVersion: Number(match[1]), counter: Number(match[2]) };
}

/**
 * The next concrete index: the highest counter in use (whatever its mapping version) plus one, under the
 * current mapping version — so a name is never reused, even after a failed rebuild left an index behind.
 */
export function nextIndexName(
  names: ArticleIndexNames,
  existing: readonly string[],
  mappingVersion = ARTICLE_MAPPING_VERSION,
): string {
  const highest = existing.reduce((max, index) => Math.max(max, parseIndexName(names, index)?.counter ?? 0), 0);
  return `${names.alias}-v${mappingVersion}-${String(highest + 1).padStart(6, '0')}`;
}

export type AliasAction =
  { remove: { index: string; alias: string } } | { add: { index: string; alias: string; is_write_index: true } };

/** One `_aliases` request body: off every old index, onto the new one (as the write index). */
export function aliasSwapActions(alias: string, from: readonly string[], to: string): AliasAction[] {
  if (from.includes(to)) throw new Error(`the alias ${alias} already points at ${to}`);
  return [
    ...from.map((index) => ({ remove: { index, alias } })),
    { add: { index: to, alias, is_write_index: true as const } },
  ];
}

/** Splits a list into runs of at most `size` (one bulk request each). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`chunk size must be a positive integer, not ${size}`);
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Splits documents into bulk requests bounded by count and by (approximate, JSON-serialised) bytes. A single
 * document larger than `maxBytes` still goes, alone: the engine decides whether it is too large.
 */
export function splitForBulk<T>(
  docs: readonly T[],
  maxDocs: number,
  maxBytes: number,
  sizeOf: (doc: T) => number = jsonBytes,
): T[][] {
  if (!Number.isInteger(maxDocs) || maxDocs < 1) throw new Error(`maxDocs must be a positive integer, not ${maxDocs}`);
  const requests: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const doc of docs) {
    const size = sizeOf(doc);
    if (current.length > 0 && (current.length >= maxDocs || bytes + size > maxBytes)) {
      requests.push(current);
      current = [];
      bytes = 0;
    }
    current.push(doc);
    bytes += size;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
