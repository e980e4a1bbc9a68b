import { fnv1a32, halfOf } from './split';

describe('trafilatura-eval tune/confirm split', () => {
  it('hashes with FNV-1a 32 (reference vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('puts a URL in the same half every time, and about half the URLs in each', () => {
    const urls = Array.from({ length: 2000 }, (_, i) => `https://example.org/news/${i}.html`);
    expect(urls.map(halfOf)).toEqual(urls.map(halfOf));
    const tune = urls.filter((u) => halfOf(u) === 'tune').length;
    expect(tune).toBeGreaterThan(900);
    expect(tune).toBeLessThan(1100);
  });
});
