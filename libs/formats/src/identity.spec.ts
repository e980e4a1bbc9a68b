import { emptyParsedItem } from './parsed-item';
import { articleIdentity, canonicalizeUrl, resolveVersion } from './identity';
import { uuidV5 } from './uuid-v5';

const UUID_V5_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function item(overrides: Partial<ReturnType<typeof emptyParsedItem>>) {
  return {
    ...emptyParsedItem('text', 'text', 'Headline\n\nThe first paragraph of the story has more than eight words in it.'),
    ...overrides,
  };
}

describe('uuidV5', () => {
  it('matches the RFC test vector for www.example.com in the DNS namespace', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('articleIdentity', () => {
  it('is deterministic and a UUIDv5', () => {
    const a = articleIdentity({ sourceId: 'src', item: item({ externalId: 'urn:newsml:x:1' }) });
    const b = articleIdentity({ sourceId: 'src', item: item({ externalId: 'urn:newsml:x:1' }) });
    expect(a).toEqual(b);
    expect(a.id).toMatch(UUID_V5_RE);
    expect(a.basis).toBe('external-id');
  });

  it('scopes external ids by source', () => {
    const a = articleIdentity({ sourceId: 'reuters', item: item({ externalId: '123' }) });
    const b = articleIdentity({ sourceId: 'afp', item: item({ externalId: '123' }) });
    expect(a.id).not.toBe(b.id);
  });

  it('falls back to the canonical URL, ignoring tracking parameters and fragments', () => {
    const a = articleIdentity({
      sourceId: 's',
      item: item({ url: 'https://News.example.com/story/?utm_source=x&b=2&a=1#top' }),
    });
    const b = articleIdentity({ sourceId: 's', item: item({ url: 'https://news.example.com/story?a=1&b=2' }) });
    expect(a.basis).toBe('canonical-url');
    expect(a.id).toBe(b.id);
  });

  it('falls back to source + title + first paragraph, stable across whitespace, quotes and later edits', () => {
    const a = articleIdentity({
      sourceId: 's',
      item: item({
        title: 'Colombia’s plan',
        content:
          'Banner\n\nColombia’s plan\n\nThe first paragraph of the story has more than eight words in it.\n\nMore.',
      }),
    });
    const b = articleIdentity({
      sourceId: 's',
      item: item({
        title: "Colombia's  plan",
        content: 'The first paragraph of the story  has more than eight words in it.\n\nA later paragraph changed.',
      }),
    });
    const other = articleIdentity({ sourceId: 'other', item: item({ title: 'Colombia’s plan' }) });
    expect(a.basis).toBe('content');
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(other.id);
  });
});

describe('canonicalizeUrl', () => {
  it('rejects non-http URLs and garbage', () => {
    expect(canonicalizeUrl('ftp://x/y')).toBeNull();
    expect(canonicalizeUrl('not a url')).toBeNull();
  });
});

describe('resolveVersion', () => {
  it('uses the wire version, else 1', () => {
    expect(resolveVersion({ version: 3 })).toBe(3);
    expect(resolveVersion({ version: null })).toBe(1);
    expect(resolveVersion({ version: 0 })).toBe(1);
  });
});
