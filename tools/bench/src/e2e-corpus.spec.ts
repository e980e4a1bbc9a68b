import { articleIdentity, parseIngestBody } from '@wirestream/formats';
import { buildCorpus, buildSingles, CORPUS_MIX } from './e2e-corpus';

const parse = (r: ReturnType<typeof buildCorpus>[number]) => {
  const params = new URLSearchParams(r.query);
  return parseIngestBody({
    bytes: r.body,
    contentType: r.contentType,
    url: params.get('url'),
    sourceName: params.get('source'),
  });
};

describe('bench:e2e corpus', () => {
  const corpus = buildCorpus(400, { tag: 'spec', seed: 7 });

  it('is the same for the same seed and different for another', () => {
    const again = buildCorpus(400, { tag: 'spec', seed: 7 });
    expect(again.map((r) => r.body.toString('latin1'))).toEqual(corpus.map((r) => r.body.toString('latin1')));
    const other = buildCorpus(400, { tag: 'spec', seed: 8 });
    expect(other[0]!.body.equals(corpus[0]!.body)).toBe(false);
  });

  it('holds N articles in the mix proportions, HTML pages as their own group', () => {
    const byFormat = new Map<string, number>();
    for (const r of corpus) byFormat.set(r.format, (byFormat.get(r.format) ?? 0) + r.items);
    expect([...byFormat.values()].reduce((a, b) => a + b, 0)).toBe(400);
    for (const mix of CORPUS_MIX.slice(1)) expect(byFormat.get(mix.format)).toBe(Math.floor(mix.share * 400));
    expect(corpus.every((r) => (r.group === 'html') === (r.format === 'html'))).toBe(true);
  });

  it('parses without refusals into distinct articles of ~5 KB each', () => {
    const ids = new Set<string>();
    let items = 0;
    for (const r of corpus) {
      const parsed = parse(r);
      expect({ format: r.format, errors: parsed.errors, warnings: parsed.warnings }).toEqual({
        format: r.format,
        errors: [],
        warnings: [],
      });
      expect(parsed.items).toHaveLength(r.items);
      for (const item of parsed.items) {
        items += 1;
        ids.add(articleIdentity({ sourceId: item.sourceName ?? 'none', item }).id);
        expect(item.content.length).toBeGreaterThan(4500);
        expect(item.content.length).toBeLessThan(9000);
      }
    }
    expect(ids.size).toBe(items);
  });

  it('gives single-article requests one second apart in publishedAt, under the requested source', () => {
    const singles = buildSingles(8, {
      tag: 'lat',
      seed: 3,
      sourceName: 'Bench Latency',
      publishedFromMs: Date.parse('2025-03-01T00:00:00Z'),
    });
    expect(new Set(singles.map((r) => r.format))).toEqual(new Set(['json', 'rss', 'newsml', 'nitf']));
    singles.forEach((r, k) => {
      const [item] = parse(r).items;
      expect(r.query).toContain('source=Bench+Latency');
      expect(Date.parse(item!.publishedAt!)).toBe(Date.parse('2025-03-01T00:00:00Z') + k * 1000);
    });
  });
});
