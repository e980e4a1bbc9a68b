import { decodeSearchCursor } from './search-cursor';
import type { ArticleSearchPlan } from './search-query';
import { HIGHLIGHT_MAX_CHARS, toSearchResponse, type RawSearchResponse } from './search-response';
import { FIELD_LIMITS } from '@wirestream/contracts';

const plan: ArticleSearchPlan = { size: 2, sort: 'newest', collapse: false, offset: 0 };

function hit(id: string, sort: (string | number)[], extra: object = {}) {
  return {
    _id: id,
    _source: {
      id,
      version: 2,
      title: `Title ${id}`,
      source: { id: 'reuters', name: 'Reuters' },
      url: `https://example.com/${id}`,
      publishedAt: '2025-03-10T09:00:00Z',
      language: 'en',
      summary: `Summary ${id}`,
      clusterId: `cluster-${id}`,
    },
    sort,
    ...extra,
  };
}

const raw: RawSearchResponse = {
  hits: {
    total: { value: 42, relation: 'eq' },
    hits: [
      hit('a', [1741600800000, 'a'], {
        highlight: { title: ['<em>Title</em> a'], body: ['x <em>y</em>'], summary: ['ignored'] },
      }),
      hit('b', [1741500000000, 'b']),
    ],
  },
  aggregations: {
    sources: {
      buckets: [
        { key: 'Reuters', doc_count: 40 },
        { key: 'AP', doc_count: 2 },
      ],
    },
    languages: { buckets: [{ key: 'en', doc_count: 42 }] },
    people: { buckets: [] },
    places: { buckets: [{ key: 'Frankfurt', doc_count: 3 }] },
    organizations: { buckets: [] },
    published: { buckets: [{ key: 1741564800000, key_as_string: '2025-03-10', doc_count: 42 }] },
  },
};

describe('toSearchResponse', () => {
  it('maps hits, facets and total to the public contract', () => {
    const response = toSearchResponse(raw, plan);
    expect(response.total).toBe(42);
    expect(response.items[0]).toEqual({
      id: 'a',
      version: 2,
      title: 'Title a',
      source: { id: 'reuters', name: 'Reuters' },
      url: 'https://example.com/a',
      publishedAt: '2025-03-10T09:00:00Z',
      language: 'en',
      summary: 'Summary a',
      clusterId: 'cluster-a',
      highlights: { title: ['<em>Title</em> a'], body: ['x <em>y</em>'] },
    });
    expect(response.items[1]?.highlights).toEqual({});
    expect(response.facets).toEqual({
      sources: [
        { value: 'Reuters', count: 40 },
        { value: 'AP', count: 2 },
      ],
      languages: [{ value: 'en', count: 42 }],
      people: [],
      places: [{ value: 'Frankfurt', count: 3 }],
      organizations: [],
      published: [{ value: '2025-03-10', count: 42 }],
    });
  });

  it('gives a cursor after a full page, built from the last hit sort values', () => {
    const { nextCursor } = toSearchResponse(raw, plan);
    expect(decodeSearchCursor(nextCursor ?? '', 'newest')).toEqual({ sort: 'newest', after: [1741500000000, 'b'] });
  });

  it('gives no cursor after a short page or a facets-only search', () => {
    expect(toSearchResponse(raw, { ...plan, size: 3 }).nextCursor).toBeNull();
    expect(toSearchResponse({ hits: { hits: [] } }, { ...plan, size: 0 }).nextCursor).toBeNull();
  });

  it('counts clusters and pages by offset when collapsed', () => {
    const collapsed = toSearchResponse(
      { ...raw, aggregations: { ...raw.aggregations, clusters: { value: 7 } } },
      { ...plan, collapse: true, offset: 4 },
    );
    expect(collapsed.total).toBe(7);
    expect(decodeSearchCursor(collapsed.nextCursor ?? '', 'newest')).toEqual({ sort: 'newest', offset: 6 });
  });

  it('stops offset paging at the result window', () => {
    expect(toSearchResponse(raw, { ...plan, collapse: true, offset: 9_997 }).nextCursor).toBeNull();
  });

  it('tolerates missing aggregations and numeric totals', () => {
    const response = toSearchResponse({ hits: { total: 0, hits: [] } }, plan);
    expect(response.total).toBe(0);
    expect(response.facets.published).toEqual([]);
  });

  it('bounds summary, title and highlight fragments whatever the index holds', () => {
    const long = hit('a', [1, 'a'], {
      highlight: { title: [`<em>${'T'.repeat(5000)}</em>`], body: [`<em>quokka</em> ${'x '.repeat(20_000)}`] },
    });
    long._source.summary = 'word '.repeat(8004);
    long._source.title = 'T'.repeat(5000);
    const [item] = toSearchResponse({ hits: { total: 1, hits: [long] } }, plan).items;
    expect(item!.summary.length).toBeLessThanOrEqual(FIELD_LIMITS.summary);
    expect(item!.summary.endsWith('…')).toBe(true);
    expect(item!.title!.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
    expect(item!.highlights['title']![0]!.length).toBeLessThanOrEqual(FIELD_LIMITS.title + '<em></em>'.length);
    expect(item!.highlights['body']![0]!.length).toBeLessThanOrEqual(HIGHLIGHT_MAX_CHARS.body + '<em></em>'.length);
    expect(item!.highlights['body']![0]).toMatch(/^<em>quokka<\/em> x x .*…$/);
  });
});
