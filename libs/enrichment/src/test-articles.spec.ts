import type { ParsedItem } from '@wirestream/contracts';
import { parseHtmlPage, parseTextPage } from '@wirestream/formats';
import { enrichArticle } from './enrich-article';
import * as A from './test-articles.fixture';

const NOW = '2026-12-01T00:00:00.000Z';
const enrich = (item: ParsedItem) =>
  enrichArticle({ id: 'id', version: 1, source: { id: 'src', name: null }, item, ingestedAt: NOW, now: NOW });
const names = (list: Array<{ name: string }>) => list.map((e) => e.name);

describe('test articles in different shapes', () => {
  it('HTML with JSON-LD: metadata, UTC dates, byline, subtitle, canonical URL, quotes', () => {
    const a = enrich(parseHtmlPage(A.JSONLD_HTML));
    expect(a.title).toBe('Central bank holds rates steady as inflation cools');
    expect(a.subtitle).toBe('Policy makers signal cuts could come by summer');
    expect(a.publishedAt).toBe('2026-03-18T18:05:00.000Z');
    expect(a.updatedAt).toBe('2026-03-18T20:30:00.000Z');
    expect(a.byline).toBe('Priya Natarajan, Owen Clarke');
    expect(a.source.name).toBe('The Ledger');
    expect(a.canonicalUrl).toBe('https://ledger.example/markets/2026/rates-hold');
    expect(a.language).toBe('en');
    expect(a.paragraphs).toHaveLength(3);
    expect(a.body).not.toMatch(/Home|All rights reserved/);
    expect(names(a.entities.people)).toContain('Jerome Powell');
    expect(names(a.entities.organizations)).toContain('Federal Reserve');
    expect(names(a.entities.places)).toContain('Washington');
    expect(a.quotes).toEqual([
      { text: 'We are not in a hurry, and the economy is giving us the room to be patient', speaker: 'Jerome Powell' },
    ]);
  });

  it('HTML with a cookie wall, share bar, newsletter box, comments and related block', () => {
    const a = enrich(parseHtmlPage(A.COMMENTS_COOKIE_HTML, { url: 'https://dales.example/news/2026/05/bakery' }));
    expect(a.paragraphs).toEqual([
      expect.stringMatching(/^A family bakery in the village of Hawes/),
      expect.stringMatching(/^Owner Margaret Hill/),
      expect.stringMatching(/^The judges praised/),
    ]);
    expect(a.body).not.toMatch(/cookies|Share on|newsletter|Best bread|Congratulations|Tea room/);
    const kinds = new Set(a.removed.map((r) => r.kind));
    for (const kind of ['cookie-notice', 'share-bar', 'newsletter', 'comments', 'related-link'] as const)
      expect(kinds).toContain(kind);
    expect(a.relatedLinks).toEqual([
      {
        title: 'Farmers’ market returns to the square this spring',
        url: 'https://dales.example/news/2026/04/farmers-market-returns',
      },
    ]);
    expect(a.publishedAt).toBe('2026-05-02T09:00:00.000Z');
    expect(a.quotes[0]).toEqual({
      text: 'They get up at three every morning and never complain',
      speaker: 'Margaret Hill',
    });
  });

  it('Spanish HTML: language, <time> date with its zone, byline, people and places', () => {
    const a = enrich(parseHtmlPage(A.SPANISH_HTML));
    expect(a.language).toBe('es');
    expect(a.publishedAt).toBe('2026-07-20T13:00:00.000Z');
    expect(a.byline).toBe('Lucía Gómez');
    expect(a.source.name).toBe('Diario del Sur');
    expect(names(a.entities.people)).toEqual(expect.arrayContaining(['Carlos Fernando Galán', 'Gustavo Petro']));
    expect(names(a.entities.places)).toContain('Bogotá');
    expect(a.quotes[0]?.speaker).toBe('Carlos Fernando Galán');
    expect(a.body).not.toContain('Por Lucía');
  });

  it('French text page: language, date line, cross-link, footer', () => {
    const a = enrich(parseTextPage(A.FRENCH_TEXT));
    expect(a.language).toBe('fr');
    expect(a.title).toBe('Marseille inaugure un nouveau tramway vers le port');
    expect(a.publishedAt).toBe('2026-03-03T00:00:00.000Z');
    expect(a.source.name).toBe('Le Courrier du Midi');
    expect(a.relatedLinks).toEqual([{ title: 'Les prix de l’immobilier reculent à Lyon et à Paris', url: null }]);
    expect(a.paragraphs).toHaveLength(3);
    expect(names(a.entities.places)).toContain('Marseille');
    expect(names(a.entities.people)).toContain('Benoît Payan');
  });

  it('wire story with a dateline: place and date, summary and entities without the dateline', () => {
    const a = enrich({ ...parseTextPage(A.WIRE_DATELINE_TEXT), publishedAt: '2026-06-10T09:12:00Z' });
    expect(a.dateline).toEqual({ place: 'Nairobi', date: '2026-06-10' });
    expect(a.summary.startsWith('Kenya and Tanzania agreed on Wednesday')).toBe(true);
    expect(names(a.entities.places)).toEqual(expect.arrayContaining(['Kenya', 'Tanzania', 'Nairobi', 'Dar es Salaam']));
    expect(names(a.entities.people)).toContain('Lee Kinyanjui');
    expect(names(a.entities.organizations)).not.toContain('Agency');
    expect(a.quotes).toEqual([{ text: 'Our traders have waited long enough for this', speaker: 'Lee Kinyanjui' }]);
    expect(a.body).not.toContain('Reporting by');
  });

  it('nested quotes and pronoun attribution', () => {
    const a = enrich(parseTextPage(A.NESTED_QUOTES_TEXT));
    expect(a.quotes).toEqual([
      {
        text: expect.stringMatching(
          /^When the minister told us ‘this is the best we can do,’ our members heard a door closing/,
        ),
        speaker: 'Maria Lopez',
      },
      { text: expect.stringMatching(/^We have put more money on the table/), speaker: 'David Brennan' },
    ]);
    expect(names(a.entities.people)).toEqual(expect.arrayContaining(['Maria Lopez', 'David Brennan']));
    expect(names(a.entities.people).some((n) => /Minister/.test(n))).toBe(false);
  });

  it('HTML whose only date is in the URL, without <article>', () => {
    const a = enrich(parseHtmlPage(A.URL_DATE_HTML, { url: 'https://city.example/news/2026/02/24/library-hours' }));
    expect(a.publishedAt).toBe('2026-02-24T00:00:00.000Z');
    expect(a.url).toBe('https://city.example/news/2026/02/24/library-hours');
    expect(a.paragraphs).toHaveLength(2);
    expect(names(a.entities.people)).toContain('Janet Okafor');
  });

  it('blog post dated in its entry-meta line, with an archive sidebar', () => {
    const a = enrich(parseHtmlPage(A.BYLINE_DATE_HTML));
    expect(a.publishedAt).toBe('2026-03-03T00:00:00.000Z');
    expect(a.body).not.toMatch(/Archives|December 2025/);
    expect(a.paragraphs).toHaveLength(3);
    expect(names(a.entities.organizations)).toContain('North Wales Wildlife Trust');
  });

  it('text page with a repeated lead, a Related: link, an ad marker and a copyright footer', () => {
    const a = enrich(parseTextPage(A.DUPLICATE_LEAD_TEXT));
    expect(a.paragraphs).toHaveLength(3);
    expect(a.removed.map((r) => r.kind)).toEqual(
      expect.arrayContaining([
        'banner',
        'dateline',
        'headline',
        'duplicate-paragraph',
        'related-link',
        'advertisement',
        'footer',
      ]),
    );
    expect(a.relatedLinks).toEqual([{ title: 'Snow ploughs to run all night this week', url: null }]);
    expect(a.source.name).toBe('Metro Daily');
    expect(a.summary).toBe(
      'The city opened its first heated bus shelters on Sunday, a pilot project that officials say could be extended to every major stop by next winter.',
    );
    expect(a.readingTimeMinutes).toBe(1);
  });

  it('business story: organisations, places and a person behind a job title', () => {
    const a = enrich(parseTextPage(A.BUSINESS_TEXT));
    expect(names(a.entities.organizations)).toEqual(
      expect.arrayContaining(['Nordic Motors', 'United Auto Workers', 'Goldman Sachs']),
    );
    expect(names(a.entities.places)).toEqual(
      expect.arrayContaining(['Ohio', 'Michigan', 'United States', 'Stockholm']),
    );
    expect(names(a.entities.people)).toEqual(expect.arrayContaining(['Ingrid Larsen', 'Mike DeWine']));
    expect(a.keywords).toEqual(expect.arrayContaining(['Nordic', 'Motors']));
    expect(a.source.name).toBe('Business Desk');
    expect(a.wordCount).toBeGreaterThan(80);
  });

  it('German HTML: language, meta date, people and places without tagging every noun', () => {
    const a = enrich(parseHtmlPage(A.GERMAN_HTML));
    expect(a.language).toBe('de');
    expect(a.publishedAt).toBe('2026-03-12T00:00:00.000Z');
    expect(names(a.entities.places)).toContain('Hamburg');
    expect(names(a.entities.people)).toContain('Peter Tschentscher');
    expect(names(a.entities.people)).not.toContain('Die Stadt');
    expect(a.entities.organizations.length + a.entities.people.length).toBeLessThan(5);
  });
});
