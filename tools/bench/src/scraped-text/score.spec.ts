import { bylineMatches, sameSource, scorableByline, scorableDate, titleGoldNamesSite, titleKey } from './score';

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

  it('keeps a leading "the" when the other side glues it into a host', () => {
    expect(sameSource('The Harbour Courier', 'theharbourcourier.co.uk')).toBe(true);
    expect(sameSource('theharbourcourier.co.uk', 'The Harbour Courier')).toBe(true);
    expect(sameSource('The Harbour Courier', 'Harbour Courier')).toBe(true);
    expect(sameSource('The Harbour Courier', 'theatre-news.example')).toBe(false);
  });

  it('does not match different names', () => {
    expect(sameSource('www.emotion.de', 'Motion Daily')).toBe(false);
    expect(sameSource('Harbour Times', 'Times of London')).toBe(false);
  });
});

describe('titleGoldNamesSite (bench:scraped-text title scoring)', () => {
  const page = (dataset: 'trafilatura-eval' | 'htmldate-eval', title: string, source: string | null, url: string) => ({
    dataset,
    url,
    gold: { title, source, date: null, byline: null, with: null, without: null, readabilityText: null },
  });

  it('drops an h1 gold that is the site name or the host', () => {
    expect(titleGoldNamesSite(page('htmldate-eval', 'Harbour Notes', 'Harbour Notes', 'https://hn.example/a'))).toBe(
      true,
    );
    expect(titleGoldNamesSite(page('htmldate-eval', 'harbour.example', null, 'https://www.harbour.example/a'))).toBe(
      true,
    );
    expect(titleGoldNamesSite(page('htmldate-eval', 'Harbour', null, 'https://www.harbour.example/a'))).toBe(true);
  });

  it('keeps headlines, and every title a dataset gives', () => {
    expect(
      titleGoldNamesSite(page('htmldate-eval', 'Harbour strike ends', 'Harbour Notes', 'https://hn.example/a')),
    ).toBe(false);
    expect(
      titleGoldNamesSite(page('htmldate-eval', 'Harbour Notes today', 'Harbour Notes', 'https://hn.example/a')),
    ).toBe(false);
    expect(titleGoldNamesSite(page('trafilatura-eval', 'Harbour', 'Harbour', 'https://harbour.example/a'))).toBe(false);
  });
});

describe('golds no extraction can match', () => {
  it('leaves out a gold date that is not a calendar date', () => {
    expect(scorableDate('2022-25-10')).toBe(false);
    expect(scorableDate('2026-02-30')).toBe(false);
    expect(scorableDate('2026-02-28')).toBe(true);
    expect(scorableDate(null)).toBe(false);
  });

  it('leaves out a gold byline with no name in it, which bylineMatches can never accept', () => {
    expect(scorableByline('219.79.38.192')).toBe(false);
    expect(bylineMatches('219.79.38.192', '219.79.38.192')).toBe(false);
    expect(scorableByline('Jane Doe')).toBe(true);
    expect(scorableByline(null)).toBe(false);
  });
});

describe('scorer folding (bench:scraped-text, eleventh session)', () => {
  it('matches a name with umlauts or accents to the host that spells it in ASCII', () => {
    expect(sameSource('www.hafenstrasse.example', 'HAFENSTRASSE')).toBe(true);
    expect(sameSource('www.hafen-oesterreich.example', 'HAFEN ÖSTERREICH')).toBe(true);
    expect(sameSource('Quai Müller', 'quaimuller.example')).toBe(true);
    expect(sameSource('cafe-du-port.example', 'Café du Port')).toBe(true);
    expect(sameSource('www.hafen-oesterreich.example', 'HAFEN SCHWEIZ')).toBe(false);
  });

  it('reads a space before a colon or a question mark as spacing in titles', () => {
    expect(titleKey('Hafenstreik : Was jetzt kommt')).toBe(titleKey('Hafenstreik: Was jetzt kommt'));
    expect(titleKey('Pourquoi le port ferme-t-il ?')).toBe(titleKey('Pourquoi le port ferme-t-il?'));
    expect(titleKey('Harbour strike ends')).not.toBe(titleKey('Harbour strike ends soon'));
  });
});
