import type { EnrichedArticle, ParsedItem, SourceRef, WireFormat } from './article';

/** `articles.raw.v1` payload. `content` of the item is the received text for that item. */
export interface ArticleReceivedPayload {
  source: SourceRef;
  format: WireFormat;
  contentType: string;
  receivedAt: string;
  /** Where the received bytes are kept in Postgres. */
  rawRef: { table: 'raw_articles'; id: string; version: number };
  item: ParsedItem;
}

export type ArticleEnrichedPayload = EnrichedArticle;

export interface ArticleIndexedPayload {
  id: string;
  version: number;
  indexedAt: string;
  clusterId: string | null;
  pubStatus: EnrichedArticle['pubStatus'];
}

export const SCHEMA_VERSION = 1;
