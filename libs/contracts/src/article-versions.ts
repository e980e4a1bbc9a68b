import type { EnrichedArticle } from './article';
import type { SearchHit } from './search-api';

/** One field that differs between a version and the one before it. `before`/`after` are the contract's JSON values. */
export interface FieldChange {
  field: ArticleDiffField;
  before: unknown;
  after: unknown;
}

/** `GET /v1/articles/:id/versions` */
export interface ArticleVersionsResponse {
  versions: ArticleVersionSummary[];
}

export interface ArticleVersionSummary {
  version: number;
  /** When this version was made: its `updatedAt`, else (first version) its `publishedAt`, else when the indexer stored it. */
  versionCreatedAt: string;
  edNote: string | null;
  /** What changed from the previous stored version; empty for the first one. */
  changes: FieldChange[];
}

/** `GET /v1/articles/:id/related` */
export interface RelatedArticlesResponse {
  id: string;
  clusterId: string;
  items: SearchHit[];
}

/**
 * The enriched-article fields a version diff reports, in contract order. Left out on purpose: identity and
 * bookkeeping (id, version, ingestedAt, enrichedAt), values derived from the body (paragraphs, wordCount,
 * readingTimeMinutes, fingerprint, contentHash) — a body change is reported once, as `body` — and `removed`
 * (provenance of stripped chrome, not content). Entities are reported per kind.
 */
export const ARTICLE_DIFF_FIELDS = [
  'pubStatus',
  'source',
  'url',
  'canonicalUrl',
  'title',
  'subtitle',
  'byline',
  'dateline',
  'publishedAt',
  'updatedAt',
  'language',
  'body',
  'summary',
  'keywords',
  'entities.people',
  'entities.places',
  'entities.organizations',
  'quotes',
  'relatedLinks',
  'edNote',
] as const;

export type ArticleDiffField = (typeof ARTICLE_DIFF_FIELDS)[number];

/**
 * Field-level diff of two versions of one article: every contract field whose value differs, with both values.
 * `previous` null (the first version) → no changes. Missing and null count as the same value; objects compare
 * by content whatever their key order; arrays compare in order (order is meaningful for paragraphs, quotes…).
 */
export function diffArticleVersions(previous: EnrichedArticle | null, next: EnrichedArticle): FieldChange[] {
  if (!previous) return [];
  const changes: FieldChange[] = [];
  for (const field of ARTICLE_DIFF_FIELDS) {
    const before = fieldValue(previous, field);
    const after = fieldValue(next, field);
    if (canonicalJson(before) !== canonicalJson(after)) changes.push({ field, before, after });
  }
  return changes;
}

function fieldValue(article: EnrichedArticle, field: ArticleDiffField): unknown {
  let value: unknown = article;
  for (const key of field.split('.'))
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value === undefined ? null : value;
}

function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
