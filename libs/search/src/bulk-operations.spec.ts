import { toArticleDocument } from './article-document';
import { articleFixture } from './article-fixture.testing';
import {
  bulkDeleteLines,
  bulkIndexLines,
  classifyBulkDeleteItems,
  classifyBulkIndexItems,
  failEveryItem,
} from './bulk-operations';

describe('bulk lines', () => {
  it('index each document through the alias with external_gte versioning', () => {
    const doc = toArticleDocument(articleFixture({ id: 'a', version: 4 }), null);
    expect(bulkIndexLines('articles', [doc])).toEqual([
      { index: { _index: 'articles', _id: 'a', version: 4, version_type: 'external_gte' } },
      doc,
    ]);
  });

  it('delete by id through the alias', () => {
    expect(bulkDeleteLines('articles', ['a', 'b'])).toEqual([
      { delete: { _index: 'articles', _id: 'a' } },
      { delete: { _index: 'articles', _id: 'b' } },
    ]);
  });
});

describe('classifyBulkIndexItems', () => {
  it('separates indexed, stale, retriable and rejected items by position', () => {
    const result = classifyBulkIndexItems(
      ['ok', 'older', 'throttled', 'bad', 'broken-engine', 'no-alias', 'missing'],
      [
        { index: { status: 201 } },
        {
          index: {
            status: 409,
            error: { type: 'version_conflict_engine_exception', reason: 'current version [3] is higher' },
          },
        },
        { index: { status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } } },
        {
          index: {
            status: 400,
            error: {
              type: 'document_parsing_exception',
              reason: 'failed to parse field [publishedAt] of type [date]',
              caused_by: { type: 'illegal_argument_exception', reason: 'failed to parse date field [not-a-date]' },
            },
          },
        },
        {
          index: {
            status: 503,
            error: { type: 'unavailable_shards_exception', reason: 'primary shard is not active' },
          },
        },
        { index: { status: 404, error: { type: 'index_not_found_exception', reason: 'no such index [articles]' } } },
      ],
    );
    expect(result.indexed).toEqual(['ok']);
    expect(result.stale).toEqual(['older']);
    expect(result.failed).toEqual([
      { id: 'throttled', status: 429, reason: 'es_rejected_execution_exception: queue full', retriable: true },
      {
        id: 'bad',
        status: 400,
        reason:
          'document_parsing_exception: failed to parse field [publishedAt] of type [date] (illegal_argument_exception: failed to parse date field [not-a-date])',
        retriable: false,
      },
      {
        id: 'broken-engine',
        status: 503,
        reason: 'unavailable_shards_exception: primary shard is not active',
        retriable: true,
      },
      { id: 'no-alias', status: 404, reason: 'index_not_found_exception: no such index [articles]', retriable: true },
      { id: 'missing', status: 0, reason: 'no result for this item in the bulk answer', retriable: true },
    ]);
  });
});

describe('classifyBulkDeleteItems', () => {
  it('counts a not-found document as deleted, a missing index as a failure', () => {
    const result = classifyBulkDeleteItems(
      ['gone', 'never-there', 'no-index'],
      [
        { delete: { status: 200 } },
        { delete: { status: 404 } },
        { delete: { status: 404, error: { type: 'index_not_found_exception', reason: 'no such index' } } },
      ],
    );
    expect(result.deleted).toEqual(['gone', 'never-there']);
    expect(result.failed).toEqual([
      { id: 'no-index', status: 404, reason: 'index_not_found_exception: no such index', retriable: true },
    ]);
  });
});

describe('failEveryItem', () => {
  it('fails every id the way the whole request failed', () => {
    const throttled = {
      meta: { statusCode: 429, body: { error: { type: 'circuit_breaking_exception', reason: 'too much data' } } },
    };
    expect(failEveryItem(['a', 'b'], throttled)).toEqual([
      { id: 'a', status: 429, reason: 'circuit_breaking_exception: too much data', retriable: true },
      { id: 'b', status: 429, reason: 'circuit_breaking_exception: too much data', retriable: true },
    ]);
    expect(failEveryItem(['a'], new Error('connect ECONNREFUSED'))).toEqual([
      { id: 'a', status: 0, reason: 'connect ECONNREFUSED', retriable: true },
    ]);
    const tooLarge = { meta: { statusCode: 413, body: 'Request Entity Too Large' }, message: 'x' };
    expect(failEveryItem(['a'], tooLarge)[0]).toMatchObject({ status: 413, retriable: false });
  });
});
