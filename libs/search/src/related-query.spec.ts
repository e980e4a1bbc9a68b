import { buildRelatedArticlesSearch, RELATED_LIKE_MAX_CHARS, type RelatedArticleSource } from './related-query';

const article: RelatedArticleSource = {
  id: 'a1',
  clusterId: 'c1',
  title: 'Trump meets with Colombia’s Petro',
  body: 'US President Donald Trump held talks with Colombian President Gustavo Petro.',
  keywords: ['petro', 'trump', 'petro'],
  people: ['Donald Trump', 'Gustavo Petro'],
  places: ['Colombia'],
  organizations: [],
};

describe('buildRelatedArticlesSearch', () => {
  it('asks more_like_this over title and body with the article’s own text', () => {
    const body = buildRelatedArticlesSearch(article);
    const should = (body.query['bool'] as { should: Record<string, unknown>[] }).should;
    expect(should[0]).toEqual({
      more_like_this: expect.objectContaining({
        fields: ['title', 'body'],
        like: `${article.title}\n\n${article.body}`,
        min_term_freq: 1,
        min_doc_freq: 1,
      }),
    });
  });

  it('boosts shared entities and keywords (deduplicated), skipping empty kinds', () => {
    const should = (
      buildRelatedArticlesSearch(article).query['bool'] as {
        should: Record<string, unknown>[];
        minimum_should_match: number;
      }
    ).should;
    expect(should.slice(1)).toEqual([
      { terms: { people: ['Donald Trump', 'Gustavo Petro'], boost: 2 } },
      { terms: { places: ['Colombia'], boost: 1 } },
      { terms: { keywords: ['petro', 'trump'], boost: 1 } },
    ]);
  });

  it('excludes the article itself, its whole story cluster and withdrawn articles', () => {
    const bool = buildRelatedArticlesSearch(article).query['bool'] as {
      must_not: unknown[];
      minimum_should_match: number;
    };
    expect(bool.minimum_should_match).toBe(1);
    expect(bool.must_not).toEqual([
      { ids: { values: ['a1'] } },
      { term: { pubStatus: 'withdrawn' } },
      { term: { clusterId: 'c1' } },
    ]);
  });

  it('sizes like a search (default 10, capped at 100), returns hit fields only and no facets', () => {
    expect(buildRelatedArticlesSearch(article).size).toBe(10);
    expect(buildRelatedArticlesSearch(article, { size: 5000 }).size).toBe(100);
    const body = buildRelatedArticlesSearch(article, { size: 3 });
    expect(body.size).toBe(3);
    expect(body.aggs).toEqual({});
    expect(body._source.includes).toEqual(expect.arrayContaining(['id', 'title', 'clusterId']));
    expect(body._source.includes).not.toContain('body');
    expect(body.sort[0]).toEqual({ _score: { order: 'desc' } });
  });

  it('cuts a very long text, and matches nothing when there is nothing to compare', () => {
    const long = buildRelatedArticlesSearch({ ...article, body: 'word '.repeat(10_000) });
    const mlt = (long.query['bool'] as { should: { more_like_this: { like: string } }[] }).should[0]!.more_like_this;
    expect(mlt.like.length).toBe(RELATED_LIKE_MAX_CHARS);
    const empty = buildRelatedArticlesSearch({
      ...article,
      title: null,
      body: '',
      keywords: [],
      people: [],
      places: [],
      organizations: [],
    });
    expect(empty.query).toEqual({ match_none: {} });
  });
});
