import { FIELD_LIMITS, type EnrichedArticle, type EntityCount, type PubStatus } from '@wirestream/contracts';
import { truncateText } from './bounded-text';

/**
 * One article as the search index stores it: the searchable subset of an `EnrichedArticle`
 * plus the story cluster. Field names match `ARTICLE_MAPPINGS` exactly (the mapping is
 * `dynamic: 'strict'`, so a field added here without a mapping change is rejected per item).
 */
export interface ArticleDocument {
  id: string;
  version: number;
  pubStatus: PubStatus;
  source: { id: string; name: string | null };
  url: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  summary: string;
  body: string;
  language: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  ingestedAt: string;
  enrichedAt: string;
  keywords: string[];
  /** Canonical entity names only; counts stay in Postgres. */
  people: string[];
  places: string[];
  organizations: string[];
  /** Never null in the index: see `toArticleDocument`. */
  clusterId: string;
  /** 64-bit SimHash, hex. Stored for near-duplicate checks, not searchable. */
  fingerprint: string;
}

/**
 * Builds the index document for an enriched article.
 *
 * `clusterId` rule: an article that belongs to no story cluster gets its own id as clusterId.
 * Collapsing on `clusterId` (`collapse: 'cluster'`) needs a value on every document — a document
 * without one would be dropped from collapsed results — so the index never holds a null here.
 */
export function toArticleDocument(article: EnrichedArticle, clusterId: string | null): ArticleDocument {
  return {
    id: article.id,
    version: article.version,
    pubStatus: article.pubStatus,
    source: {
      id: article.source.id,
      name: article.source.name === null ? null : truncateText(article.source.name, FIELD_LIMITS.sourceName),
    },
    // The hit links to where the article was read from; the canonical URL is the fallback.
    url: article.url ?? article.canonicalUrl,
    title: article.title,
    subtitle: article.subtitle,
    byline: article.byline,
    summary: truncateText(article.summary ?? '', FIELD_LIMITS.summary),
    body: article.body,
    language: article.language,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    ingestedAt: article.ingestedAt,
    enrichedAt: article.enrichedAt,
    keywords: distinctNonEmpty(article.keywords ?? [], FIELD_LIMITS.keyword),
    people: entityNames(article.entities?.people),
    places: entityNames(article.entities?.places),
    organizations: entityNames(article.entities?.organizations),
    clusterId: clusterId ?? article.id,
    fingerprint: article.fingerprint,
  };
}

function entityNames(entities: readonly EntityCount[] | undefined): string[] {
  return distinctNonEmpty(
    (entities ?? []).map((entity) => entity.name),
    FIELD_LIMITS.entityName,
  );
}

/** Trimmed, at most `maxLength` characters (longer ones dropped), de-duplicated, in first-seen order (facet counts must count a document once). */
function distinctNonEmpty(values: readonly unknown[], maxLength: number): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const trimmed = value.trim();
    if (trimmed && trimmed.length <= maxLength) seen.add(trimmed);
  }
  return [...seen];
}
