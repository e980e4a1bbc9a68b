export type PubStatus = 'usable' | 'withdrawn';

export type WireFormat = 'text' | 'html' | 'rss' | 'atom' | 'newsml' | 'nitf' | 'ninjs' | 'json';

export const WIRE_FORMATS: readonly WireFormat[] = ['text', 'html', 'rss', 'atom', 'newsml', 'nitf', 'ninjs', 'json'];

export interface SourceRef {
  id: string;
  name: string | null;
}

/**
 * One article as a wire-format parser sees it: what the bytes say, before any cleaning.
 * Fields the format does not carry are null; `content` is what the enricher will clean.
 */
export interface ParsedItem {
  format: WireFormat;
  /** The wire item's own identifier (NewsML-G2 guid, ninjs uri, NITF doc-id, RSS guid, Atom id). */
  externalId: string | null;
  /** The wire item's version number, where the format has one. */
  version: number | null;
  /** versionCreated / updated, used to order versions when there is no number. ISO 8601. */
  versionCreatedAt: string | null;
  pubStatus: PubStatus;
  url: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  language: string | null;
  sourceName: string | null;
  /** `html` for HTML bodies (pages, content:encoded, NewsML inline XHTML), `text` for plain text. */
  contentType: 'html' | 'text';
  content: string;
  wire: WireMetadata;
  /**
   * A flattened text page's layout as the parser read it, one character per block of `content` (formats'
   * `encodeTextLayout`), so the enricher does not read the page again. Optional: without it (other producers, pages
   * of more than 2,000 blocks, re-enrichment, which reads pages with the current rules), the enricher reads the page.
   */
  textLayout?: string;
}

export interface WireMetadata {
  urgency: number | null;
  subjects: string[];
  located: string | null;
  edNote: string | null;
  /** The wire's dateline as written (NewsML-G2 `dateline`, NITF `dateline`), e.g. "LISBON, Feb 3". Optional: absent = unknown. */
  dateline?: string | null;
  /** Copyright notice or holder (NITF `doc.copyright`, NewsML-G2 `rightsInfo`, ninjs `copyrightnotice`). Optional. */
  copyright?: string | null;
}

export interface EnrichedArticle {
  id: string;
  version: number;
  pubStatus: PubStatus;
  source: SourceRef;
  url: string | null;
  canonicalUrl: string | null;
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  dateline: { place: string | null; date: string | null } | null;
  publishedAt: string | null;
  updatedAt: string | null;
  language: string | null;
  body: string;
  paragraphs: string[];
  summary: string;
  keywords: string[];
  entities: {
    people: EntityCount[];
    places: EntityCount[];
    organizations: EntityCount[];
  };
  quotes: Quote[];
  relatedLinks: RelatedLink[];
  removed: RemovedSpan[];
  wordCount: number;
  readingTimeMinutes: number;
  fingerprint: string;
  contentHash: string;
  edNote: string | null;
  ingestedAt: string;
  enrichedAt: string;
}

/** What a named entity is: the enricher tags mentions with it, Postgres stores it (a CHECK in the story-model migration). */
export type EntityType = 'person' | 'place' | 'organization';

export interface EntityCount {
  name: string;
  count: number;
}

export interface Quote {
  text: string;
  speaker: string | null;
}

export interface RelatedLink {
  title: string;
  /** Null when the page was flattened to text and the link target is lost. */
  url: string | null;
}

export type RemovedKind =
  | 'banner'
  | 'navigation'
  | 'share-bar'
  | 'cookie-notice'
  | 'advertisement'
  | 'newsletter'
  | 'related-link'
  | 'duplicate-paragraph'
  | 'footer'
  | 'dateline'
  | 'headline'
  | 'comments'
  | 'boilerplate';

export interface RemovedSpan {
  kind: RemovedKind;
  text: string;
}
