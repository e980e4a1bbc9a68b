import { extractKeywords, withoutPossessive } from './keywords';

describe('withoutPossessive', () => {
  it.each([
    ['Colombia’s', 'Colombia'],
    ["Petro's", 'Petro'],
    ['news', 'news'],
    ['s', 's'],
    ["'s", ''],
    ['bus’', 'bus’'],
    ['it’S', 'it’S'],
  ])('%s → %s', (word, expected) => {
    expect(withoutPossessive(word)).toBe(expected);
  });
});

describe('extractKeywords', () => {
  it('gives the same keywords whichever language was asked before', () => {
    const paragraphs = ['Petro’s government and Petro said the pipeline would open in Bogotá, die Stadt der Zukunft.'];
    const first = extractKeywords('Pipeline plan', paragraphs, null);
    extractKeywords('Pipeline plan', paragraphs, 'de');
    extractKeywords('Pipeline plan', paragraphs, 'en');
    expect(extractKeywords('Pipeline plan', paragraphs, null)).toEqual(first);
    expect(first).toContain('Petro');
    expect(first).not.toContain('der');
  });
});
