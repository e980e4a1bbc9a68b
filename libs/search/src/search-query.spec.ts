import { encodeSearchCursor, InvalidSearchCursorError } from './search-cursor';
import {
  buildArticleSearch,
  InvalidSearchQueryError,
  UNDATED_SORTS_AS_NEWEST_FIRST,
  UNDATED_SORTS_AS_OLDEST_FIRST,
  type JsonObject,
} from './search-query';

function boolOf(query: JsonObject): JsonObject {
  return query['bool'] as JsonObject;
}

describe('buildArticleSearch', () => {
  it('without q: match everything usable, newest relevance tiebreaks, no highlight', () => {
    const { body, plan } = buildArticleSearch({});
    expect(boolOf(body.query)).toEqual({ filter: [], must_not: [{ term: { pubStatus: 'withdrawn' } }] });
    expect(body.highlight).toBeUndefined();
    expect(body.size).toBe(10);
    expect(body.track_total_hits).toBe(true);
    expect(body.sort).toEqual([
      { _score: { order: 'desc' } },
      { publishedAt: { order: 'desc', missing: UNDATED_SORTS_AS_NEWEST_FIRST } },
      { id: { order: 'asc' } },
    ]);
    expect(plan).toEqual({ size: 10, sort: 'relevance', collapse: false, offset: 0 });
    expect(body._source.includes).not.toContain('body');
  });

  it('searches q with simple_query_string over boosted fields, AND by default, and highlights', () => {
    const { body } = buildArticleSearch({ q: '  "rate hike" -bitcoin  ' });
    expect(boolOf(body.query)['must']).toEqual([
      {
        simple_query_string: {
          query: '"rate hike" -bitcoin',
          fields: ['title^3', 'summary^2', 'body'],
          default_operator: 'and',
          lenient: true,
        },
      },
    ]);
    expect(body.highlight).toMatchObject({
      pre_tags: ['<em>'],
      post_tags: ['</em>'],
      encoder: 'html',
      fields: { title: { number_of_fragments: 0 }, body: { fragment_size: 150, number_of_fragments: 2 } },
    });
  });

  it('treats a blank q as no q', () => {
    expect(boolOf(buildArticleSearch({ q: '   ' }).body.query)['must']).toBeUndefined();
  });

  it('puts every filter in filter context and always excludes withdrawn articles', () => {
    const { body } = buildArticleSearch({
      source: ['reuters', ' '],
      language: ['en', 'fr'],
      person: ['Christine Lagarde'],
      place: ['Frankfurt'],
      organization: ['European Central Bank'],
      cluster: 'c-1',
      from: '2025-03-01',
      to: '2025-03-10T12:00:00Z',
    });
    expect(boolOf(body.query)).toEqual({
      filter: [
        {
          bool: {
            should: [{ terms: { 'source.id': ['reuters'] } }, { terms: { 'source.name': ['reuters'] } }],
            minimum_should_match: 1,
          },
        },
        { terms: { language: ['en', 'fr'] } },
        { terms: { people: ['Christine Lagarde'] } },
        { terms: { places: ['Frankfurt'] } },
        { terms: { organizations: ['European Central Bank'] } },
        { term: { clusterId: 'c-1' } },
        {
          range: {
            publishedAt: { format: 'strict_date_optional_time', gte: '2025-03-01', lte: '2025-03-10T12:00:00.000Z' },
          },
        },
      ],
      must_not: [{ term: { pubStatus: 'withdrawn' } }],
    });
  });

  it('makes a bare `to` date include that whole day', () => {
    const filter = boolOf(buildArticleSearch({ to: '2024-12-31' }).body.query)['filter'] as JsonObject[];
    expect(filter).toEqual([{ range: { publishedAt: { format: 'strict_date_optional_time', lt: '2025-01-01' } } }]);
  });

  it('ignores empty filter lists', () => {
    expect(boolOf(buildArticleSearch({ language: [], person: [''] }).body.query)['filter']).toEqual([]);
  });

  it.each([
    'not-a-date',
    '2025-13-45',
    '10/03/2025',
    '2025-03-10 12:00',
    '2026-02-29',
    '2026-04-31T10:00Z',
    '2026-02-28T10:00',
  ])('rejects the date %p', (value) => {
    expect(() => buildArticleSearch({ from: value })).toThrow(InvalidSearchQueryError);
    expect(() => buildArticleSearch({ to: value })).toThrow(expect.objectContaining({ field: 'to' }));
  });

  it('sends date-times as their UTC instant and refuses a `to` before `from`', () => {
    const filter = boolOf(buildArticleSearch({ from: '2026-02-28T10:00+01:00', to: '2026-02-28' }).body.query)[
      'filter'
    ] as JsonObject[];
    expect(filter).toEqual([
      {
        range: {
          publishedAt: { format: 'strict_date_optional_time', gte: '2026-02-28T09:00:00.000Z', lt: '2026-03-01' },
        },
      },
    ]);
    expect(() => buildArticleSearch({ from: '2026-03-01', to: '2026-02-28' })).toThrow(
      expect.objectContaining({ field: 'to' }),
    );
    expect(() => buildArticleSearch({ from: '2026-02-28T10:00Z', to: '2026-02-28T09:59Z' })).toThrow(
      expect.objectContaining({ field: 'to' }),
    );
    expect(buildArticleSearch({ from: '2026-02-28T23:59:59.999Z', to: '2026-02-28' }).body.query).toBeDefined();
  });

  it('defaults size to 10, caps it at 100, allows 0 (facets only), rejects negatives', () => {
    expect(buildArticleSearch({ size: 500 }).body.size).toBe(100);
    expect(buildArticleSearch({ size: 0 }).body.size).toBe(0);
    expect(buildArticleSearch({ size: 7.9 }).body.size).toBe(7);
    expect(() => buildArticleSearch({ size: -1 })).toThrow(InvalidSearchQueryError);
  });

  it('sorts newest/oldest on publishedAt with id as tiebreaker, undated last', () => {
    expect(buildArticleSearch({ sort: 'newest' }).body.sort).toEqual([
      { publishedAt: { order: 'desc', missing: UNDATED_SORTS_AS_NEWEST_FIRST } },
      { id: { order: 'asc' } },
    ]);
    expect(buildArticleSearch({ sort: 'oldest' }).body.sort).toEqual([
      { publishedAt: { order: 'asc', missing: UNDATED_SORTS_AS_OLDEST_FIRST } },
      { id: { order: 'asc' } },
    ]);
  });

  it('rejects an unknown sort', () => {
    expect(() => buildArticleSearch({ sort: 'random' as never })).toThrow(InvalidSearchQueryError);
  });

  it('asks for every facet, the published one as a daily histogram', () => {
    const { aggs } = buildArticleSearch({}).body;
    expect(Object.keys(aggs)).toEqual(['sources', 'languages', 'people', 'places', 'organizations', 'published']);
    expect(aggs['sources']).toEqual({ terms: { field: 'source.name', size: 10 } });
    expect(aggs['published']).toMatchObject({
      date_histogram: { field: 'publishedAt', calendar_interval: 'day', format: 'yyyy-MM-dd', min_doc_count: 1 },
    });
  });

  it('collapses on clusterId and counts clusters when asked', () => {
    const { body, plan } = buildArticleSearch({ collapse: 'cluster' });
    expect(body.collapse).toEqual({ field: 'clusterId' });
    expect(body.aggs['clusters']).toEqual({ cardinality: { field: 'clusterId', precision_threshold: 3000 } });
    expect(plan.collapse).toBe(true);
  });

  it('sorts undated articles last with real dates, so their sort values round-trip through a cursor', () => {
    expect(new Date(UNDATED_SORTS_AS_NEWEST_FIRST).toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(new Date(UNDATED_SORTS_AS_OLDEST_FIRST).toISOString()).toBe('9999-12-31T23:59:59.999Z');
    expect(
      Number.isSafeInteger(UNDATED_SORTS_AS_NEWEST_FIRST) && Number.isSafeInteger(UNDATED_SORTS_AS_OLDEST_FIRST),
    ).toBe(true);
  });

  it('turns a search_after cursor into search_after', () => {
    const cursor = encodeSearchCursor({ sort: 'newest', after: [1741600800000, 'a-1'] });
    expect(buildArticleSearch({ sort: 'newest', cursor }).body.search_after).toEqual([1741600800000, 'a-1']);
  });

  it('turns an offset cursor into from for collapsed searches', () => {
    const cursor = encodeSearchCursor({ sort: 'relevance', offset: 20 });
    const { body, plan } = buildArticleSearch({ collapse: 'cluster', cursor });
    expect(body.from).toBe(20);
    expect(body.search_after).toBeUndefined();
    expect(plan.offset).toBe(20);
  });

  it('rejects a cursor of another sort, another collapse setting, or garbage', () => {
    const newest = encodeSearchCursor({ sort: 'newest', after: [1, 'a'] });
    expect(() => buildArticleSearch({ sort: 'oldest', cursor: newest })).toThrow(InvalidSearchCursorError);
    expect(() => buildArticleSearch({ sort: 'newest', collapse: 'cluster', cursor: newest })).toThrow(
      InvalidSearchQueryError,
    );
    expect(() => buildArticleSearch({ cursor: 'not base64 json!' })).toThrow(InvalidSearchCursorError);
    expect(() => buildArticleSearch({ cursor: Buffer.from('{"sort":"relevance"}').toString('base64url') })).toThrow(
      InvalidSearchCursorError,
    );
  });
});
