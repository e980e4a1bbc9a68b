import type { PubStatus, SourceRef } from './article';

export interface FacetBucket {
  value: string;
  count: number;
}

export interface SearchHit {
  id: string;
  version: number;
  title: string | null;
  source: SourceRef;
  url: string | null;
  publishedAt: string | null;
  language: string | null;
  summary: string;
  clusterId: string | null;
  highlights: Record<string, string[]>;
}

export interface SearchResponse {
  total: number;
  items: SearchHit[];
  facets: {
    sources: FacetBucket[];
    languages: FacetBucket[];
    people: FacetBucket[];
    places: FacetBucket[];
    organizations: FacetBucket[];
    published: FacetBucket[];
  };
  nextCursor: string | null;
}

export interface IngestAcceptedItem {
  id: string;
  version: number;
  pubStatus: PubStatus;
  duplicate: boolean;
  title: string | null;
}

export interface IngestResponse {
  accepted: IngestAcceptedItem[];
}
