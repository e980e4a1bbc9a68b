import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';

describe('search cursors', () => {
  it('round-trip sort values as URL-safe text', () => {
    const encoded = encodeSearchCursor({ sort: 'relevance', after: [1.2345678, 1741600800000, 'id/with+chars'] });
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSearchCursor(encoded, 'relevance')).toEqual({ sort: 'relevance', after: [1.2345678, 1741600800000, 'id/with+chars'] });
  });

});
