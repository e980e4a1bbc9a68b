import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParsedItem } from '@wirestream/contracts';
import { parseHtmlPage, parseTextPage } from '@wirestream/formats';
import { enrichArticle, withDatelinePlace } from './enrich-article';
import { HARBOUR_PAGE, LEDGER_PAGE, SPANISH_PAGE } from './sample-pages.fixture';

// The sample article in the repo's examples/ (a pure lib may not import libs/testing, which owns the helper).
const GLOBAL_VILLAGE_EXAMPLE = path.resolve(__dirname, '../../../examples/global-village-space-trump-petro.txt');

const NOW = '2026-02-04T12:00:01.000Z';

function enrich(item: ParsedItem, sourceName: string | null = null) {
  return enrichArticle({
    id: 'id-1',
    version: 1,
    source: { id: 'src', name: sourceName },
    item,
    ingestedAt: '2026-02-04T12:00:00.000Z',
    now: NOW,
  });
}

const occurrences = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

describe('enrichArticle — Global Village Space fixture', () => {
  const text = readFileSync(GLOBAL_VILLAGE_EXAMPLE, 'utf8');
  const article = enrich(parseTextPage(text, {}));
  const lead =
    'US President Donald Trump held talks with Colombian President Gustavo Petro in the White House on Tuesday';

  it('extracts the metadata', () => {
    expect(article.title).toBe('Trump meets with Colombia’s Petro after diplomatic row over cartels');
    expect(article.publishedAt?.startsWith('2026-02-04')).toBe(true);
    expect(article.publishedAt).toBe('2026-02-04T00:00:00.000Z');
    expect(article.source).toEqual({ id: 'src', name: 'Global Village Space' });
    expect(article.language).toBe('en');
    expect(article.dateline).toEqual({ place: null, date: '2026-02-04' });
    expect(article.enrichedAt).toBe(NOW);
  });

  it('cleans the body', () => {
    expect(occurrences(article.body, lead)).toBe(1);
    expect(article.body.startsWith(lead)).toBe(true);
    expect(article.body).not.toContain('Welcome to');
    expect(article.body).not.toContain('Read more:');
    expect(article.body).not.toContain('Trump meets with Colombia’s Petro');
    expect(article.body.trimEnd().endsWith('Global Village Space')).toBe(false);
    expect(article.body).toBe(article.paragraphs.join('\n\n'));
    expect(article.paragraphs).toHaveLength(7);
  });

  it('moves cross-links to relatedLinks', () => {
    expect(article.relatedLinks).toEqual([
      {
        title: 'US shoots down Iranian drone that ‘aggressively’ approached an aircraft carrier, military says',
        url: null,
      },
      {
        title: 'The last US-Russian nuclear pact is about to expire, ending a half-century of arms control',
        url: null,
      },
    ]);
  });

  it('records what was removed', () => {
    const kinds = article.removed.map((r) => r.kind);
    expect(kinds).toEqual([
      'banner',
      'dateline',
      'headline',
      'duplicate-paragraph',
      'related-link',
      'related-link',
      'footer',
    ]);
    expect(article.removed.find((r) => r.kind === 'banner')?.text).toBe('| Welcome to Global Village Space');
    expect(article.removed.find((r) => r.kind === 'duplicate-paragraph')?.text.startsWith(lead)).toBe(true);
    expect(article.removed.find((r) => r.kind === 'footer')?.text).toBe('Global Village Space');
  });

  it('computes summary, keywords, counts and hashes', () => {
    const summarySentences = article.summary.match(/[.!?]["”’)]?(?=\s|$)/g) ?? [];
    expect(summarySentences.length).toBeGreaterThanOrEqual(1);
    expect(summarySentences.length).toBeLessThanOrEqual(2);
    expect(article.summary).toMatch(/[.!?]["”’)]?$/);
    expect(article.summary.startsWith('US President Donald Trump held talks')).toBe(true);
    expect(article.keywords.length).toBeLessThanOrEqual(10);
    expect(article.keywords.slice(0, 2)).toEqual(expect.arrayContaining(['Petro', 'Trump']));
    expect(article.wordCount).toBeGreaterThan(250);
    expect(article.readingTimeMinutes).toBe(Math.max(1, Math.ceil(article.wordCount / 230)));
    expect(article.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds people with merged surname mentions, places, organisations and quotes', () => {
    const people = Object.fromEntries(article.entities.people.map((p) => [p.name, p.count]));
    expect(people['Gustavo Petro']).toBeGreaterThanOrEqual(5);
    expect(people['Donald Trump']).toBeGreaterThanOrEqual(4);
    expect(people['Nicolas Maduro']).toBe(2);
    expect(Object.keys(people)).not.toContain('Petro');
    expect(Object.keys(people).some((name) => /President/.test(name))).toBe(false);
    expect(article.entities.places.map((p) => p.name)).toEqual(
      expect.arrayContaining(['US', 'Venezuela', 'Washington']),
    );
    expect(article.entities.organizations.map((o) => o.name)).toContain('BBC');
    expect(article.quotes).toEqual([
      expect.objectContaining({ speaker: 'Donald Trump', text: expect.stringMatching(/^He and I weren’t exactly/) }),
      expect.objectContaining({ speaker: 'Gustavo Petro', text: expect.stringMatching(/^We may be very different/) }),
    ]);
  });

  it('meets the issue-4 entity, quote and language acceptance', () => {
    const people = article.entities.people.map((p) => p.name);
    for (const name of ['Donald Trump', 'Gustavo Petro', 'Nicolas Maduro', 'Cilia Flores'])
      expect(people.filter((p) => p === name)).toHaveLength(1);
    expect(people.some((p) => /^(?:Trump|Petro|Maduro|Flores)$/.test(p))).toBe(false);
    expect(article.entities.places.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Colombia', 'Venezuela', 'Caracas', 'Washington', 'New York', 'Caribbean']),
    );
    expect(article.entities.organizations.map((o) => o.name)).toEqual(expect.arrayContaining(['White House', 'BBC']));
    expect(article.entities.places.map((p) => p.name)).not.toContain('White House');
    expect(article.entities.organizations.map((o) => o.name)).not.toContain('Oval Office');
    expect(article.quotes).toEqual(
      expect.arrayContaining([
        { speaker: 'Donald Trump', text: expect.stringContaining('weren’t exactly the best of friends') },
        { speaker: 'Gustavo Petro', text: expect.stringContaining('love of freedom') },
      ]),
    );
    expect(article.language).toBe('en');
  });

  it('is deterministic', () => {
    expect(enrich(parseTextPage(text, {}))).toEqual(article);
  });

  it('gives near-identical bodies close fingerprints', () => {
    const edited = enrich(parseTextPage(text.replace('last month', 'in January'), {}));
    const distance = [...(BigInt(`0x${edited.fingerprint}`) ^ BigInt(`0x${article.fingerprint}`)).toString(2)].filter(
      (b) => b === '1',
    ).length;
    expect(distance).toBeLessThan(12);
    expect(edited.contentHash).not.toBe(article.contentHash);
  });
});

describe('enrichArticle — other page shapes', () => {
  it('cleans a masthead/crumbs/byline page with wire dateline, share bar, ads, newsletter, cookies and copyright', () => {
    const article = enrich(parseTextPage(LEDGER_PAGE, {}));
    expect(article.title).toBe('Kenya reopens northern border crossing after six-month closure');
    expect(article.source.name).toBe('The Daily Ledger');
    expect(article.byline).toBe('Ana Ruiz and Tom Hale');
    expect(article.publishedAt).toBe('2026-02-04T15:31:00.000Z');
    expect(article.dateline).toEqual({ place: 'Nairobi', date: '2026-02-04' });
    expect(article.paragraphs).toHaveLength(3);
    expect(article.paragraphs[0]).toMatch(/^NAIROBI, Feb 4 \(Reuters\) - Kenya reopened/);
    expect(article.relatedLinks).toEqual([{ title: 'Ethiopia and Kenya sign new power-trade agreement', url: null }]);
    expect(article.removed.map((r) => r.kind)).toEqual([
      'banner',
      'navigation',
      'headline',
      'dateline',
      'share-bar',
      'advertisement',
      'related-link',
      'newsletter',
      'cookie-notice',
      'footer',
    ]);
    expect(article.quotes).toEqual([expect.objectContaining({ speaker: 'Kipchumba Murkomen' })]);
    expect(article.entities.people.map((p) => p.name)).toContain('Kipchumba Murkomen');
    // The dateline city is a place of the article, although text analysis skips the dateline itself.
    expect(article.entities.places.map((p) => p.name)).toContain('Nairobi');
    expect(article.language).toBe('en');
  });

  it('cleans a Spanish page with "Lea también:" and detects Spanish', () => {
    const article = enrich(parseTextPage(SPANISH_PAGE, {}));
    expect(article.language).toBe('es');
    expect(article.source.name).toBe('Diario del Sur');
    expect(article.publishedAt).toBe('2026-02-04T00:00:00.000Z');
    expect(article.title).toBe('Bogotá aprueba un plan de movilidad para reducir el tráfico en el centro');
    expect(article.relatedLinks).toEqual([
      { title: 'El metro de Bogotá supera las pruebas de carga en su primer tramo', url: null },
    ]);
    expect(article.body).not.toMatch(/Lea también|Síguenos|derechos reservados|Bienvenidos/);
    expect(article.paragraphs).toHaveLength(3);
    expect(article.removed.map((r) => r.kind)).toEqual([
      'banner',
      'dateline',
      'headline',
      'related-link',
      'share-bar',
      'footer',
    ]);
    expect(article.summary).toMatch(/^La alcaldía de Bogotá aprobó/);
  });

  it('cleans a single-newline page with a pipe banner, ISO stamps and a trailing site name', () => {
    const article = enrich(parseTextPage(HARBOUR_PAGE, {}));
    expect(article.source.name).toBe('Harbour Times');
    expect(article.publishedAt).toBe('2026-03-12T08:15:00.000Z');
    expect(article.updatedAt).toBe('2026-03-12T10:00:00.000Z');
    expect(article.paragraphs).toHaveLength(3);
    expect(article.relatedLinks.map((l) => l.title)).toEqual(['Fishing quotas cut for the third year in a row']);
    expect(article.removed.map((r) => r.kind)).toEqual([
      'navigation',
      'banner',
      'headline',
      'dateline',
      'related-link',
      'share-bar',
      'footer',
    ]);
  });

  it('prefers the declared language when the text is ambiguous, and detects when it is not', () => {
    const item = parseTextPage('Headline here\n\nBerlin, Paris, Rome.', {});
    expect(enrich({ ...item, language: 'de-DE' }).language).toBe('de');
    const es = parseTextPage(SPANISH_PAGE, {});
    expect(enrich({ ...es, language: 'en' }).language).toBe('es');
  });

  it('copes with an empty body and with HTML', () => {
    const empty = enrich(parseTextPage('Just a headline', {}));
    expect(empty.body).toBe('');
    expect(empty.summary).toBe('');
    expect(empty.readingTimeMinutes).toBe(1);
    expect(empty.fingerprint).toMatch(/^[0-9a-f]{16}$/);

    const html = `<!doctype html><html lang="en"><head><title>Storm | Courier</title><meta property="og:title" content="Storm closes ports">
      <style>p{}</style><script>var x = "<p>not text</p>";</script></head><body><nav><a href="/">Home</a></nav>
      <article><h1>Storm closes ports</h1><p>Ports along the coast closed on Monday as a winter storm brought winds of more than 120 km/h.</p>
      <div class="share">Share this article</div><p>Ferries were cancelled &amp; flights delayed, officials said.</p>
      <p>Read more: <a href="https://courier.example/winter">Winter storms are getting stronger</a></p></article>
      <footer>© 2026 Coastal Courier</footer></body></html>`;
    const article = enrich(parseHtmlPage(html, {}));
    expect(article.title).toBe('Storm closes ports');
    expect(article.paragraphs).toEqual([
      'Ports along the coast closed on Monday as a winter storm brought winds of more than 120 km/h.',
      'Ferries were cancelled & flights delayed, officials said.',
    ]);
    expect(article.relatedLinks).toEqual([
      { title: 'Winter storms are getting stronger', url: 'https://courier.example/winter' },
    ]);
    expect(article.language).toBe('en');
  });

  it('passes edNote and wire fields through', () => {
    const item = parseTextPage(LEDGER_PAGE, {});
    const article = enrich({ ...item, wire: { ...item.wire, edNote: 'Corrects spelling of Moyale' } });
    expect(article.edNote).toBe('Corrects spelling of Moyale');
    expect(article.pubStatus).toBe('usable');
  });
});

describe('withDatelinePlace', () => {
  it('adds the dateline city once, or counts it once more when the text names it', () => {
    expect(withDatelinePlace([{ name: 'Kenya', count: 2 }], 'Nairobi')).toEqual([
      { name: 'Kenya', count: 2 },
      { name: 'Nairobi', count: 1 },
    ]);
    expect(
      withDatelinePlace(
        [
          { name: 'Kenya', count: 1 },
          { name: 'Nairobi', count: 1 },
        ],
        'Nairobi',
      ),
    ).toEqual([
      { name: 'Nairobi', count: 2 },
      { name: 'Kenya', count: 1 },
    ]);
  });

  it('keeps only the city of "City, State" and changes nothing without a dateline place', () => {
    expect(withDatelinePlace([], 'Los Angeles, Calif.')).toEqual([{ name: 'Los Angeles', count: 1 }]);
    const places = [{ name: 'Peru', count: 1 }];
    expect(withDatelinePlace(places, null)).toBe(places);
  });
});

describe('enrichArticle — a text page read once (the parser’s layout hint)', () => {
  const pages = [readFileSync(GLOBAL_VILLAGE_EXAMPLE, 'utf8'), HARBOUR_PAGE, LEDGER_PAGE, SPANISH_PAGE];

  it('cleans the page from the parser’s reading as it does reading the page again (English and Spanish pages)', () => {
    for (const page of pages) {
      const item = parseTextPage(page, { url: 'https://harbour.example/2026/02/04/story' });
      expect(item.textLayout).toEqual(expect.any(String));
      const { textLayout: _hint, ...reread } = item;

      const fromHint = enrich(item);
      const fromPage = enrich(reread);

      expect(fromHint.paragraphs).toEqual(fromPage.paragraphs);
      expect(fromHint.title).toBe(fromPage.title);
      expect(fromHint.removed.map((r) => r.text).sort()).toEqual(fromPage.removed.map((r) => r.text).sort());
    }
  });

  it('reads the page again when the hint does not fit it (another page’s, or garbage)', () => {
    const item = parseTextPage(HARBOUR_PAGE);
    const { textLayout: _hint, ...reread } = item;
    const expected = enrich(reread);
    for (const textLayout of ['b', 'zz', `${item.textLayout!}.`, 'b'.repeat(100_000)])
      expect(enrich({ ...item, textLayout })).toEqual(expected);
  });
});
