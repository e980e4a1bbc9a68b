import { parseHtmlDocument } from './html-dom';
import { parseHtmlPage } from './parse-html-page';

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
