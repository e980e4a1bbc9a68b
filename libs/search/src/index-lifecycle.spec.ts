import { articleIndexNames } from './article-mapping';
import { aliasSwapActions, chunk, nextIndexName, parseIndexName, splitForBulk } from './index-lifecycle';

describe('index lifecycle', () => {
  const names = articleIndexNames('t_ab12_');

  it('parses only this prefix’s concrete index names', () => {
    expect(parseIndexName(names, 't_ab12_articles-v1-000001')).toEqual({ mappingVersion: 1, counter: 1 });
    expect(parseIndexName(names, 't_ab12_articles-v3-000042')).toEqual({ mappingVersion: 3, counter: 42 });
    expect(parseIndexName(names, 'articles-v1-000001')).toBeNull();
    expect(parseIndexName(names, 't_ab12_articles-v1-000001-restored')).toBeNull();
    expect(parseIndexName(articleIndexNames(''), 't_ab12_articles-v1-000001')).toBeNull();
  });

  it('names the next index after the highest counter in use, under the current mapping version', () => {
    expect(nextIndexName(names, [])).toBe('t_ab12_articles-v1-000001');
    expect(nextIndexName(names, ['t_ab12_articles-v1-000001'])).toBe('t_ab12_articles-v1-000002');
    // A leftover of a failed rebuild (000003) is never reused; an older mapping version still counts.
    expect(nextIndexName(names, ['t_ab12_articles-v1-000003', 't_ab12_articles-v0-000002', 'other-index'], 2)).toBe(
      't_ab12_articles-v2-000004',
    );
  });

  it('moves the alias in one request: off every old index, onto the new one as the write index', () => {
    expect(aliasSwapActions('articles', ['articles-v1-000001'], 'articles-v1-000002')).toEqual([
      { remove: { index: 'articles-v1-000001', alias: 'articles' } },
      { add: { index: 'articles-v1-000002', alias: 'articles', is_write_index: true } },
    ]);
    expect(aliasSwapActions('articles', [], 'articles-v1-000001')).toEqual([
      { add: { index: 'articles-v1-000001', alias: 'articles', is_write_index: true } },
    ]);
    expect(() => aliasSwapActions('articles', ['articles-v1-000002'], 'articles-v1-000002')).toThrow(/already points/);
  });

  it('chunks lists', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow();
  });

  it('splits bulk requests by document count and bytes; an oversized document goes alone', () => {
    const size = (n: number) => n;
    expect(splitForBulk([1, 1, 1, 1, 1], 2, 100, size)).toEqual([[1, 1], [1, 1], [1]]);
    expect(splitForBulk([40, 40, 40, 10], 100, 100, size)).toEqual([
      [40, 40],
      [40, 10],
    ]);
    expect(splitForBulk([500, 10], 100, 100, size)).toEqual([[500], [10]]);
    expect(splitForBulk([], 10, 10, size)).toEqual([]);
    // Default sizing: JSON bytes.
    expect(splitForBulk([{ a: 'x'.repeat(50) }, { a: 'y'.repeat(50) }], 10, 80)).toHaveLength(2);
  });
});
