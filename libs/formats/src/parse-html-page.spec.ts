import { parseHtmlDocument } from './html-dom';
import { parseHtmlPage, titleSiteSegment, withoutSiteSuffix } from './parse-html-page';

describe('parseHtmlPage', () => {
  it('reads og: meta, JSON-LD and the canonical link', () => {
    const html = `<!doctype html><html lang="en-GB"><head>
      <title>Fallback | Site</title>
      <meta property="og:title" content="Storm closes ports &amp; airports">
      <meta property="og:site_name" content="Coastal Courier">
      <link rel="canonical" href="https://courier.example/storm">
      <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","headline":"LD headline","datePublished":"2026-01-15T06:30:00+01:00","author":[{"@type":"Person","name":"Mia Lund"}]}]}</script>
      </head><body><p>Body</p></body></html>`;
    const item = parseHtmlPage(html);
    expect(item.title).toBe('Storm closes ports & airports');
    expect(item.sourceName).toBe('Coastal Courier');
    expect(item.publishedAt).toBe('2026-01-15T05:30:00.000Z');
    expect(item.byline).toBe('Mia Lund');
    expect(item.language).toBe('en');
    expect(item.url).toBe('https://courier.example/storm');
    expect(item.contentType).toBe('html');
    expect(item.content).toBe(html);
  });

  it('survives broken JSON-LD and a bare page', () => {
    const item = parseHtmlPage(
      '<html><head><script type="application/ld+json">{broken</script><title> Only title </title></head></html>',
    );
    expect(item.title).toBe('Only title');
    expect(item.publishedAt).toBeNull();
  });

  it('keeps the article of a page that pastes a second whole document into its body', () => {
    const html =
      '<!DOCTYPE html><html><head><title>Wolves in South Tyrol</title></head><body><div class="content">' +
      '<html><head><title>inner</title></head><body><p>A pack of seven wolves surrounded the dog near Folgaria, the owner said.</p></body></html>' +
      '<p>Tags: wolves</p></div></body></html>';
    const document = parseHtmlDocument(html);
    expect(document.body?.textContent).toContain('A pack of seven wolves surrounded the dog near Folgaria');
    expect(document.body?.textContent).toContain('Tags: wolves');
    expect(document.body?.textContent).not.toContain('inner');
  });
});

describe('parseHtmlPage without metadata (older markup)', () => {
  const page = (h1: string): string => `<html><head>
    <title>Valley Herald Online - Local News - Mill fire destroys historic warehouse</title></head>
    <body><table><tr><td>${h1}<a href="/">Home</a><br><a href="/local/">Local News</a><br><a href="/sports/">Sports</a></td>
    <td><font face="Georgia" size="5"><b>Mill fire destroys historic warehouse</b></font><br>
    <font size="2"><i>By Robert Hale, Herald Staff Writer</i><br>Published: Tuesday, March 14, 2006 10:42 PM EST</font>
    <p>MILLBROOK - A fire that started late Monday night destroyed the 140-year-old Harmon Mill warehouse on River Street, the town's fire chief said Tuesday.</p>
    <p>No one was injured, but the building, which had been empty since the mill closed in 1998, collapsed shortly after 2 a.m. as crews from four towns fought the blaze.</p>
    <p>The state fire marshal's office is investigating the cause. The fire chief said the fire did not appear suspicious to his crews.</p>
    </td></tr><tr><td colspan="2">Copyright &copy; 2006 Valley Herald. All rights reserved.</td></tr></table></body></html>`;

  it('reads the headline, byline and site name from the text as a reader sees it', () => {
    const item = parseHtmlPage(page(''), { url: 'https://www.valleyherald.example/local/story.php?id=4411' });
    expect(item.title).toBe('Mill fire destroys historic warehouse');
    expect(item.byline).toBe('Robert Hale');
    expect(item.sourceName).toBe('Valley Herald');
  });

  it('prefers an h1 to the layout, unless the h1 is the site name', () => {
    expect(parseHtmlPage(page('<h1>Mill fire razes warehouse</h1>')).title).toBe('Mill fire razes warehouse');
    expect(parseHtmlPage(page('<h1>Valley Herald</h1>')).title).toBe('Mill fire destroys historic warehouse');
  });
});

describe('titleSiteSegment', () => {
  it('takes the end of the <title> that is not the headline', () => {
    expect(titleSiteSegment('Storm closes ports | Coastal Courier', 'Storm closes ports', null)).toBe(
      'Coastal Courier',
    );
    expect(titleSiteSegment('Le Petit Journal - La grève continue', 'La grève continue', null)).toBe(
      'Le Petit Journal',
    );
    expect(titleSiteSegment('Neue Brücke eröffnet – Mix 107.3 KIOW', 'Neue Brücke eröffnet', null)).toBe(
      'Mix 107.3 KIOW',
    );
  });

  it('prefers the segment spelling the host to a section', () => {
    const title = 'Productor fumigó con glifosato | la diaria | Uruguay';
    expect(titleSiteSegment(title, 'Productor fumigó con glifosato', 'https://ladiaria.com.uy/x')).toBe('la diaria');
    const wicked = 'Vote delayed again - News - Wicked Local Upton - Upton, MA';
    expect(titleSiteSegment(wicked, 'Vote delayed again', 'https://upton.wickedlocal.com/x')).toBe(
      'Wicked Local Upton',
    );
  });

  it('leaves out a lone section word, a byline and a headline-only title', () => {
    const url = 'https://www.fr.example/politik/x.html';
    expect(titleSiteSegment('Kim ist zurück | Politik', 'Kim ist zurück', url)).toBeNull();
    expect(titleSiteSegment('La escuela rural | Sociedad', 'La escuela rural', url)).toBeNull();
    expect(titleSiteSegment('The Great Big Lie | by John Welch', 'The Great Big Lie', null)).toBeNull();
    expect(titleSiteSegment('Mill fire destroys warehouse', 'Mill fire destroys warehouse', null)).toBeNull();
    expect(titleSiteSegment('Alpha | Beta', 'Something else entirely', null)).toBeNull();
  });
});

describe('parseHtmlPage site name without metadata', () => {
  it("names the site by the <title>'s other segment when nothing printed names it", () => {
    const html = `<html><head><title>Harbour dredging starts in May | Coastal Courier</title></head><body>
      <h1>Harbour dredging starts in May</h1>
      <p>The harbour authority said on Monday that dredging of the main channel would start in May and last six weeks.</p>
      <p>Ferries will keep to their timetable, though the fishing fleet will moor at the north quay meanwhile.</p>
      </body></html>`;
    expect(parseHtmlPage(html, { url: 'https://www.cc-news.example/a/1' }).sourceName).toBe('Coastal Courier');
  });
});

describe('parseHtmlPage date without metadata', () => {
  const page = (dateLine: string, elsewhere: string): string => `<html><head><title>Harbour news</title></head><body>
    <table><tr><td><a href="/">Home</a><br><a href="/local/">Local</a></td><td>
    <font size="5"><b>Harbour dredging starts in May</b></font><br><font size="2">${dateLine}</font>
    <p>The harbour authority said on Monday that dredging of the main channel would start in May and last six weeks.</p>
    <p>Ferries will keep to their timetable, though the fishing fleet will moor at the north quay meanwhile.</p>
    <p>The authority said the work had been put off twice because of storms and a shortage of dredgers.</p>
    </td><td>${elsewhere}</td></tr></table></body></html>`;

  it.each([
    ['Published: Tuesday, March 14, 2006', '2006-03-14'],
    ['Veröffentlicht am 14. März 2006', '2006-03-14'],
    ['Publié le 14 mars 2006', '2006-03-14'],
    ['Publicado el 14 de marzo de 2006', '2006-03-14'],
  ])('takes the date printed by the headline (%s) over a sidebar date', (dateLine, expected) => {
    const sidebar = '<div class="date">02.09.2011</div><p>Most read</p>';
    expect(parseHtmlPage(page(dateLine, sidebar), { now: '2026-01-01' }).publishedAt?.slice(0, 10)).toBe(expected);
  });

  it("keeps html-date's time of day when the printed date is the same day", () => {
    const html = page('Published: March 14, 2006', '<time datetime="2006-03-14T15:30:00+02:00">15:30</time>');
    expect(parseHtmlPage(html, { now: '2026-01-01' }).publishedAt).toBe('2006-03-14T13:30:00.000Z');
  });

  it('keeps a declared date, and a date marked as the publication date', () => {
    const declared = page('Published: March 14, 2006', '').replace(
      '<title>',
      '<meta property="article:published_time" content="2006-03-15T08:00:00Z"><title>',
    );
    expect(parseHtmlPage(declared, { now: '2026-01-01' }).publishedAt?.slice(0, 10)).toBe('2006-03-15');
    const marked = page('Published: March 14, 2006', '<time pubdate datetime="2006-03-15">Wed</time>');
    expect(parseHtmlPage(marked, { now: '2026-01-01' }).publishedAt?.slice(0, 10)).toBe('2006-03-15');
  });
});

describe('withoutSiteSuffix', () => {
  it('cuts the site name a declared title ends with', () => {
    expect(withoutSiteSuffix('Storm closes ports | Coastal Courier', 'Coastal Courier', null)).toBe(
      'Storm closes ports',
    );
    expect(withoutSiteSuffix('Tempête sur les ports - Le Courrier', 'Le Courrier', null)).toBe('Tempête sur les ports');
    expect(withoutSiteSuffix('Sturm schließt die Häfen – kuesten-bote.de', null, 'https://kuesten-bote.de/a')).toBe(
      'Sturm schließt die Häfen',
    );
    expect(
      withoutSiteSuffix('Tormenta cierra los puertos | El Faro | Sociedad', 'El Faro', 'https://elfaro.example/x'),
    ).toBe('Tormenta cierra los puertos');
  });

  it("gives a page's declared title without its site suffix", () => {
    const html = `<html><head><meta property="og:title" content="Storm closes ports | Coastal Courier">
      <meta property="og:site_name" content="Coastal Courier"></head><body><h1>Storm closes ports</h1></body></html>`;
    expect(parseHtmlPage(html).title).toBe('Storm closes ports');
  });

  it('takes ornaments between the headline and the name along', () => {
    expect(withoutSiteSuffix('Harbour reopens » ☆☆☆☆☆ - Coastal Courier', 'Coastal Courier', null)).toBe(
      'Harbour reopens',
    );
  });

  it('keeps a title without the site name, a short headline and a long segment naming the site', () => {
    expect(withoutSiteSuffix('Storm closes ports - what we know', 'Coastal Courier', null)).toBe(
      'Storm closes ports - what we know',
    );
    expect(withoutSiteSuffix('Villa Galaxy - Courier', 'Courier', null)).toBe('Villa Galaxy - Courier');
    expect(
      withoutSiteSuffix(
        'UN climate talks in Glasgow - DRK: more and more people need help because of climate change',
        null,
        'https://www.drk.de/x',
      ),
    ).toBe('UN climate talks in Glasgow - DRK: more and more people need help because of climate change');
  });
});
