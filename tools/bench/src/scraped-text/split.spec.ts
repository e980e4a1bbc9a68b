import { halfOf } from '../quality/split';
import { splitOf } from './build';

describe('scraped-text splits', () => {
  const urls = Array.from({ length: 200 }, (_, i) => `https://news${i}.example/story-${i * 7}`);
  const traf = (url: string, i: number) => ({
    id: `trafilatura-eval/page-${i}`,
    dataset: 'trafilatura-eval' as const,
    url,
  });

  it("a trafilatura-eval page's text is dev exactly when its HTML is in bench:quality's tune half", () => {
    const splits = urls.map((url, i) => [halfOf(url), splitOf(traf(url, i))] as const);
    for (const [half, split] of splits) expect(split === 'dev').toBe(half === 'tune');
    // The confirm half splits into held-out pages and pages seen as dev before; both occur.
    const confirmHalf = new Set(splits.filter(([half]) => half === 'confirm').map(([, split]) => split));
    expect([...confirmHalf].sort()).toEqual(['confirm', 'seen']);
  });

  it('other pages keep the fixed hash split, about three tenths confirm, and never "seen"', () => {
    const splits = urls.map((url, i) => splitOf({ id: `readability-pages/p${i}`, dataset: 'readability-pages', url }));
    expect(splits).not.toContain('seen');
    const confirm = splits.filter((s) => s === 'confirm').length;
    expect(confirm).toBeGreaterThan(40);
    expect(confirm).toBeLessThan(80);
    expect(splitOf({ id: 'htmldate-eval/x', dataset: 'htmldate-eval', url: null })).toBe(
      splitOf({ id: 'htmldate-eval/x', dataset: 'htmldate-eval', url: 'https://a.example/' }),
    );
  });
});
