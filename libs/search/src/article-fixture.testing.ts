/** Realistic enriched articles for this library's tests (not exported from the package). */
import type { EnrichedArticle } from '@wirestream/contracts';

export function articleFixture(overrides: Partial<EnrichedArticle> & Pick<EnrichedArticle, 'id'>): EnrichedArticle {
  const body = overrides.body ?? 'The first paragraph of the story.\n\nThe second paragraph of the story.';
  const paragraphs = body.split('\n\n');
  return {
    version: 1,
    pubStatus: 'usable',
    source: { id: 'reuters', name: 'Reuters' },
    url: `https://example.com/news/${overrides.id}`,
    canonicalUrl: null,
    title: `Story ${overrides.id}`,
    subtitle: null,
    byline: 'By Jane Doe',
    dateline: { place: 'FRANKFURT', date: null },
    publishedAt: '2025-03-10T09:00:00Z',
    updatedAt: null,
    language: 'en',
    body,
    paragraphs,
    summary: paragraphs[0] ?? '',
    keywords: [],
    entities: { people: [], places: [], organizations: [] },
    quotes: [],
    relatedLinks: [],
    removed: [],
    wordCount: body.split(/\s+/).length,
    readingTimeMinutes: 1,
    fingerprint: 'a1b2c3d4e5f60718',
    contentHash: 'sha256:0000',
    edNote: null,
    ingestedAt: '2025-03-10T09:00:05Z',
    enrichedAt: '2025-03-10T09:00:06Z',
    ...overrides,
  };
}
