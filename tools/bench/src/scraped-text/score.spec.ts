import { sameSource } from './score';

describe('sameSource (bench:scraped-text source scoring)', () => {
  it('matches a name to its domain or a longer og:site_name, up to case and punctuation', () => {
    expect(sameSource('wdr.de', 'WDR')).toBe(true);
    expect(sameSource('DATEV magazin', 'DATEV')).toBe(true);
    expect(sameSource('The Harbour Times', 'Harbour Times')).toBe(true);
  });

  it('reads a gold written as a web address from its host', () => {
    expect(sameSource('www.emotion.de', 'Emotion')).toBe(true);
    expect(sameSource('https://www.fr.de', 'FR')).toBe(false); // two letters: exact only
    expect(sameSource('https://www.fr.de', 'fr.de')).toBe(true);
    expect(sameSource('http://harbour-times.com', 'Harbour Times')).toBe(true);
  });

  it('does not match different names', () => {
    expect(sameSource('www.emotion.de', 'Motion Daily')).toBe(false);
    expect(sameSource('Harbour Times', 'Times of London')).toBe(false);
  });
});
