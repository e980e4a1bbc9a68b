import { Test } from '@nestjs/testing';
import type { SearchResponse } from '@wirestream/contracts';
import { createLogger, isRetriable, PermanentError, ROOT_LOGGER } from '@wirestream/platform';
import { buildArticleSearch, SearchEngineFailedError, type ArticleSearchQuery } from '@wirestream/search';
import type { Response } from 'express';
import { ARTICLE_SEARCH_ENGINE } from '../search-engine/search-engine.module';
import { SearchController } from './search.controller';

const EMPTY: SearchResponse = {
  total: 0,
  items: [],
  facets: { sources: [], languages: [], people: [], places: [], organizations: [], published: [] },
  nextCursor: null,
};

/**
 * The engine's transport replaced, its query building kept: the search is built by `buildArticleSearch` as the real
 * engines do (so its refusals are the real ones), then answered from `answer` instead of a cluster.
 */
class FakeSearchEngine {
  readonly built: { query: ArticleSearchQuery; search: ReturnType<typeof buildArticleSearch> }[] = [];
  answer: { response: SearchResponse; tookMs: number | null } | Error = { response: EMPTY, tookMs: 7 };

  searchWithTiming(query: ArticleSearchQuery): Promise<{ response: SearchResponse; tookMs: number | null }> {
    try {
      this.built.push({ query, search: buildArticleSearch(query) });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return this.answer instanceof Error ? Promise.reject(this.answer) : Promise.resolve(this.answer);
  }
}

class FakeResponse {
  readonly headers = new Map<string, string>();
  setHeader(name: string, value: string): this {
    this.headers.set(name, value);
    return this;
  }
}

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe('SearchController (unit: engine transport replaced)', () => {
  let controller: SearchController;
  let engine: FakeSearchEngine;
  let res: FakeResponse;

  beforeEach(async () => {
    engine = new FakeSearchEngine();
    res = new FakeResponse();
    const moduleRef = await Test.createTestingModule({
      controllers: [SearchController],
      providers: [
        { provide: ARTICLE_SEARCH_ENGINE, useValue: engine },
        { provide: ROOT_LOGGER, useValue: createLogger('indexer', 'silent') },
      ],
    }).compile();
    controller = moduleRef.get(SearchController);
  });

  const search = (query: Record<string, unknown>) => controller.search(query, res as unknown as Response);
  const problemOf = (query: Record<string, unknown>) =>
    search(query).then(
      () => null,
      (error: unknown) => error,
    );

  it('answers with the engine response and its own time in Server-Timing', async () => {
    expect(await search({ q: 'ferry strike' })).toEqual(EMPTY);
    expect(res.headers.get('Server-Timing')).toBe('engine;dur=7');

    engine.answer = { response: EMPTY, tookMs: null };
    res = new FakeResponse();
    await search({});
    expect(res.headers.has('Server-Timing')).toBe(false);
  });

  it('hands the engine the parsed parameters: lists split and trimmed, numbers and dates checked', async () => {
    await search({
      q: '"night ferry" -strike',
      source: ['reuters, ap', 'afp'],
      language: 'en',
      from: '2025-03-01',
      to: '2025-03-31T23:00:00Z',
      sort: 'newest',
      collapse: 'cluster',
      size: '25',
    });

    expect(engine.built[0]!.query).toEqual({
      q: '"night ferry" -strike',
      source: ['reuters', 'ap', 'afp'],
      language: ['en'],
      from: '2025-03-01',
      to: '2025-03-31T23:00:00Z',
      sort: 'newest',
      collapse: 'cluster',
      size: 25,
    });
    const { body } = engine.built[0]!.search;
    expect(body.size).toBe(25);
    expect(body.collapse).toEqual({ field: 'clusterId' });
    expect(body.highlight).toBeDefined();
  });

  it('refuses bad parameters with one invalid-parameter problem naming each, before the engine is asked', async () => {
    const error = await problemOf({
      sise: '10',
      size: '1e1',
      sort: 'best',
      from: '2025-02-30',
      q: ['a', 'b'],
      person: 'x'.repeat(5000),
    });

    expect(error).toBeInstanceOf(PermanentError);
    expect(error).toMatchObject({ code: 'invalid-parameter', status: 400, extensions: { parameter: 'sise' } });
    const named = (error as PermanentError).extensions['errors'] as { parameter: string }[];
    expect(named.map((p) => p.parameter).sort()).toEqual(['from', 'person', 'q', 'sise', 'size', 'sort']);
    expect(engine.built).toEqual([]);
  });

  it('refuses a date range that ends before it starts', async () => {
    expect(await problemOf({ from: '2025-03-02', to: '2025-03-01' })).toMatchObject({
      code: 'invalid-parameter',
      extensions: { parameter: 'to' },
    });
  });

  describe('cursors', () => {
    it('continues a sorted search after the cursor the previous page gave', async () => {
      const after = [1_741_600_000_000, 'article-9'];
      await search({ sort: 'newest', cursor: cursor({ sort: 'newest', after }) });
      expect(engine.built[0]!.search.body.search_after).toEqual(after);
    });

    it('continues a collapsed search from its offset', async () => {
      await search({ collapse: 'cluster', size: '10', cursor: cursor({ sort: 'relevance', offset: 20 }) });
      expect(engine.built[0]!.search.body.from).toBe(20);
    });

    it('answers invalid-parameter on cursor for a forged, foreign or mismatched cursor', async () => {
      const refusals = [
        { cursor: 'not-base64-json' },
        { sort: 'oldest', cursor: cursor({ sort: 'newest', after: [1, 'a'] }) },
        { sort: 'newest', cursor: cursor({ sort: 'newest', after: ['not-a-date', 'a'] }) },
        // An offset cursor belongs to a collapsed search.
        { sort: 'newest', cursor: cursor({ sort: 'newest', offset: 10 }) },
      ];
      for (const query of refusals)
        expect(await problemOf(query)).toMatchObject({
          code: 'invalid-parameter',
          status: 400,
          extensions: { parameter: 'cursor' },
        });
    });
  });

  it('turns engine failures into our own problems: refused → 400 search-refused, unavailable → 503 to retry', async () => {
    engine.answer = new SearchEngineFailedError({
      meta: { statusCode: 400, body: { error: { type: 'too_many_clauses', reason: 'index wirestream-1 internals' } } },
    });
    const refused = await problemOf({ q: 'a*' });
    expect(refused).toMatchObject({ code: 'search-refused', status: 400 });
    expect((refused as Error).message).not.toContain('wirestream-1');

    engine.answer = new SearchEngineFailedError({ meta: { statusCode: 503, body: {} } });
    const unavailable = await problemOf({ q: 'a' });
    expect(unavailable).toMatchObject({ code: 'search-unavailable', status: 503 });
    expect(isRetriable(unavailable)).toBe(true);
  });

  it('lets an unexpected error through as it is', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    engine.answer = bug;
    expect(await problemOf({ q: 'a' })).toBe(bug);
  });
});
