import { FIELD_LIMITS } from '@wirestream/contracts';
import { toArticleDocument } from './article-document';
import { ARTICLE_MAPPINGS } from './article-mapping';
import { articleFixture } from './article-fixture.testing';

const article = articleFixture({
  id: 'reuters-ecb-rates',
  version: 3,
  title: 'ECB raises rates',
  keywords: ['rates', ' rates ', 'inflation', ''],
  entities: {
    people: [
      { name: 'Christine Lagarde', count: 3 },
      { name: 'Christine Lagarde', count: 1 },
    ],
    places: [{ name: 'Frankfurt', count: 1 }],
    organizations: [{ name: 'European Central Bank', count: 2 }],
  },
});

describe('toArticleDocument', () => {
  it('keeps the searchable fields and flattens entities to distinct canonical names', () => {
    expect(toArticleDocument(article, 'cluster-1')).toEqual({
      id: 'reuters-ecb-rates',
      version: 3,
      pubStatus: 'usable',
      source: { id: 'reuters', name: 'Reuters' },
      url: 'https://example.com/news/reuters-ecb-rates',
      title: 'ECB raises rates',
      subtitle: null,
      byline: 'By Jane Doe',
      summary: article.summary,
      body: article.body,
      language: 'en',
      publishedAt: '2025-03-10T09:00:00Z',
      updatedAt: null,
      ingestedAt: '2025-03-10T09:00:05Z',
      enrichedAt: '2025-03-10T09:00:06Z',
      keywords: ['rates', 'inflation'],
      people: ['Christine Lagarde'],
      places: ['Frankfurt'],
      organizations: ['European Central Bank'],
      clusterId: 'cluster-1',
      fingerprint: 'a1b2c3d4e5f60718',
    });
  });

  it('bounds derived fields: over-long entity names and keywords dropped, source name and summary cut', () => {
    const capitalised = 'Alpha Beta Gamma Delta '.repeat(200).trim(); // ~4.6 KB, one "organisation" to a naive tagger
    const doc = toArticleDocument(
      articleFixture({
        id: 'oversize-fields',
        keywords: ['rates', 'k'.repeat(4096)],
        summary: 'Word '.repeat(8000),
        source: { id: 'wire', name: 'Wire '.repeat(800) },
        entities: {
          people: [{ name: 'P'.repeat(FIELD_LIMITS.entityName), count: 1 }],
          places: [],
          organizations: [
            { name: capitalised, count: 1 },
            { name: 'ECB', count: 1 },
          ],
        },
      }),
      null,
    );
    expect(doc.keywords).toEqual(['rates']);
    expect(doc.organizations).toEqual(['ECB']);
    expect(doc.people).toEqual(['P'.repeat(FIELD_LIMITS.entityName)]); // at the limit: kept
    expect(doc.summary.length).toBeLessThanOrEqual(FIELD_LIMITS.summary);
    expect(doc.source.name!.length).toBeLessThanOrEqual(FIELD_LIMITS.sourceName);
    expect(doc.source.name).toMatch(/^Wire Wire .*…$/);
  });

  it('gives an unclustered article its own id as clusterId, so collapsing never drops it', () => {
    expect(toArticleDocument(article, null).clusterId).toBe('reuters-ecb-rates');
  });

  it('falls back to the canonical URL', () => {
    expect(toArticleDocument({ ...article, url: null, canonicalUrl: 'https://example.com/c' }, null).url).toBe(
      'https://example.com/c',
    );
  });

  it('produces exactly the fields the strict mapping knows', () => {
    const doc = toArticleDocument(article, null);
    expect(Object.keys(doc).sort()).toEqual(Object.keys(ARTICLE_MAPPINGS.properties).sort());
    expect(Object.keys(doc.source).sort()).toEqual(Object.keys(ARTICLE_MAPPINGS.properties.source.properties).sort());
  });
});
