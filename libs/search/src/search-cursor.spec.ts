import { decodeSearchCursor, encodeSearchCursor, InvalidSearchCursorError } from './search-cursor';

describe('search cursors', () => {
  it('round-trip sort values as URL-safe text', () => {
    const encoded = encodeSearchCursor({ sort: 'relevance', after: [1.2345678, 1741600800000, 'id/with+chars'] });
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSearchCursor(encoded, 'relevance')).toEqual({
      sort: 'relevance',
      after: [1.2345678, 1741600800000, 'id/with+chars'],
    });
  });

  it('refuses cursors whose sort values the engine would choke on (wrong count or types)', () => {
    const forged = (after: unknown[]) =>
      Buffer.from(JSON.stringify({ sort: 'relevance', after })).toString('base64url');
    expect(() => decodeSearchCursor(forged(['x', 'y', 'z']), 'relevance')).toThrow(InvalidSearchCursorError);
    expect(() => decodeSearchCursor(forged([1, 2, 'a', 'b']), 'relevance')).toThrow(InvalidSearchCursorError);
    expect(() => decodeSearchCursor(forged([1, 2.5, 'a']), 'relevance')).toThrow(InvalidSearchCursorError);
    expect(() => decodeSearchCursor(forged([1, 2, { a: 1 }]), 'relevance')).toThrow(InvalidSearchCursorError);
    expect(() => decodeSearchCursor(encodeSearchCursor({ sort: 'newest', after: [1, 2, 'a'] }), 'newest')).toThrow(
      InvalidSearchCursorError,
    );
    expect(decodeSearchCursor(encodeSearchCursor({ sort: 'oldest', after: [-62135596800000, 'a'] }), 'oldest')).toEqual(
      { sort: 'oldest', after: [-62135596800000, 'a'] },
    );
  });
});
