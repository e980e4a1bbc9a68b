/**
 * Sizes every stage of the pipeline agrees on. The item limit is chosen so that the largest accepted item still
 * fits in every event it becomes: the enriched event carries the body twice (body + paragraphs) plus removed
 * chrome and quotes, so it can reach ~4.5× the serialized item; the topics allow 8 MiB per message.
 */

/** `max.message.bytes` set on every Wirestream topic (and the producer's own limit). Broker default is 1 MiB. */
export const EVENT_MAX_BYTES = 8 * 1024 * 1024;

/** Default per-item limit (`INGEST_MAX_ITEM_BYTES`), measured on the item as serialized JSON (escapes included). */
export const DEFAULT_INGEST_MAX_ITEM_BYTES = 1024 * 1024;

/** Default cap on items per request or feed poll (`INGEST_MAX_ITEMS`). */
export const DEFAULT_INGEST_MAX_ITEMS = 1000;

/** Caps on fields that end up in indexes (Postgres b-tree rows are limited to ~2.7 KB; engine keywords to 32 KB). */
export const FIELD_LIMITS = {
  /** Characters of a title kept. */
  title: 1000,
  /** Characters of a summary (at most two sentences). */
  summary: 600,
  /** Characters of an entity name (person, place, organisation) or keyword. */
  entityName: 200,
  keyword: 100,
  /** Characters of a source name, and of any query parameter value matched against a keyword field. */
  sourceName: 200,
  /** Any other keyword-indexed field (ids, urls, cluster ids). */
  keywordField: 1000,
} as const;
