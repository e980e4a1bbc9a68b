import type { EnrichedArticle } from './article';
import { ARTICLE_DIFF_FIELDS, diffArticleVersions } from './article-versions';

function article(overrides: Partial<EnrichedArticle> = {}): EnrichedArticle {
  return {
    id: 'a1',
    version: 1,
    pubStatus: 'usable',
    source: { id: 'gvs', name: 'Global Village Space' },
    url: 'https://example.org/a',
    canonicalUrl: 'https://example.org/a',
    title: 'Trump meets Petro',
    subtitle: null,
    byline: null,
    dateline: { place: 'WASHINGTON', date: null },
    publishedAt: '2026-02-04T10:00:00.000Z',
    updatedAt: null,
    language: 'en',
    body: 'One.\n\nTwo.',
    paragraphs: ['One.', 'Two.'],
    summary: 'One.',
    keywords: ['trump', 'petro'],
    entities: { people: [{ name: 'Donald Trump', count: 2 }], places: [], organizations: [] },
    quotes: [{ text: 'We got along very well', speaker: 'Donald Trump' }],
    relatedLinks: [],
    removed: [],
    wordCount: 2,
    readingTimeMinutes: 1,
    fingerprint: '5d2b63f1bcf0930d',
    contentHash: 'h1',
    edNote: null,
    ingestedAt: '2026-02-04T12:00:00.000Z',
    enrichedAt: '2026-02-04T12:00:01.000Z',
    ...overrides,
  };
}

describe('diffArticleVersions', () => {
  it('reports nothing for the first version', () => {
    expect(diffArticleVersions(null, article())).toEqual([]);
  });

  it('reports nothing when only bookkeeping and derived fields differ', () => {
    const next = article({
      version: 2,
      enrichedAt: '2026-02-05T00:00:00.000Z',
      ingestedAt: '2026-02-05T00:00:00.000Z',
      wordCount: 3,
      contentHash: 'h2',
      fingerprint: '0000000000000001',
      removed: [{ kind: 'banner', text: 'x' }],
    });
    expect(diffArticleVersions(article(), next)).toEqual([]);
  });

  it('reports a correction: title and edNote with before and after, in contract order', () => {
    const next = article({ version: 2, title: 'Corrected: Trump meets Petro', edNote: 'Corrects the headline.' });
    expect(diffArticleVersions(article(), next)).toEqual([
      { field: 'title', before: 'Trump meets Petro', after: 'Corrected: Trump meets Petro' },
      { field: 'edNote', before: null, after: 'Corrects the headline.' },
    ]);
  });

  it('reports a body change once (not paragraphs, wordCount, fingerprint) and entity kinds separately', () => {
    const next = article({
      body: 'One.\n\nTwo, changed.',
      paragraphs: ['One.', 'Two, changed.'],
      wordCount: 3,
      fingerprint: 'ffffffffffffffff',
      entities: {
        people: [{ name: 'Donald Trump', count: 2 }],
        places: [{ name: 'Bogota', count: 1 }],
        organizations: [],
      },
    });
    const changes = diffArticleVersions(article(), next);
    expect(changes.map((c) => c.field)).toEqual(['body', 'entities.places']);
    expect(changes[1]).toEqual({ field: 'entities.places', before: [], after: [{ name: 'Bogota', count: 1 }] });
  });

  it('compares objects by content, treats missing as null, and arrays by order', () => {
    const before = article({ dateline: { place: 'WASHINGTON', date: null } });
    const sameDifferentKeyOrder = article({ dateline: { date: null, place: 'WASHINGTON' } });
    expect(diffArticleVersions(before, sameDifferentKeyOrder)).toEqual([]);
    const withoutEdNote = { ...article() } as Partial<EnrichedArticle>;
    delete withoutEdNote.edNote;
    expect(diffArticleVersions(before, withoutEdNote as EnrichedArticle)).toEqual([]);
    expect(diffArticleVersions(before, article({ keywords: ['petro', 'trump'] })).map((c) => c.field)).toEqual([
      'keywords',
    ]);
  });

  it('covers withdrawal, dates, source and every listed field', () => {
    const next = article({
      pubStatus: 'withdrawn',
      updatedAt: '2026-02-05T08:00:00.000Z',
      source: { id: 'gvs', name: 'GVS' },
    });
    expect(diffArticleVersions(article(), next).map((c) => c.field)).toEqual(['pubStatus', 'source', 'updatedAt']);
    expect(ARTICLE_DIFF_FIELDS).toEqual(
      expect.arrayContaining([
        'title',
        'subtitle',
        'byline',
        'body',
        'summary',
        'publishedAt',
        'updatedAt',
        'pubStatus',
        'language',
        'url',
        'keywords',
        'entities.people',
      ]),
    );
  });
});
