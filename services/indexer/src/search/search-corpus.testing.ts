/** Handwritten articles for the search tests (words the synthetic corpus never uses). */
import type { EnrichedArticle } from '@wirestream/contracts';

export function articleFixtureFor(id: string, title: string, body: string): EnrichedArticle {
  return {
    id,
    version: 1,
    pubStatus: 'usable',
    source: { id: 'wildlife-wire', name: 'Wildlife Wire' },
    url: `https://wildlife.example/${id}`,
    canonicalUrl: null,
    title,
    subtitle: null,
    byline: null,
    dateline: null,
    publishedAt: '2025-06-15T10:00:00.000Z',
    updatedAt: null,
    language: 'en',
    body,
    paragraphs: [body],
    summary: body,
    keywords: [],
    entities: { people: [], places: [], organizations: [] },
    quotes: [],
    relatedLinks: [],
    removed: [],
    wordCount: body.split(/\s+/).length,
    readingTimeMinutes: 1,
    fingerprint: '0000000000000000',
    contentHash: `sha256:${id}`,
    edNote: null,
    ingestedAt: '2025-06-15T10:00:01.000Z',
    enrichedAt: '2025-06-15T10:00:02.000Z',
  };
}
