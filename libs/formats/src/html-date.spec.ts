import { extractHtmlDates } from './html-date';
import { parseHtmlDocument } from './html-dom';

const page = (head: string, body = ''): ReturnType<typeof parseHtmlDocument> => parseHtmlDocument(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

describe('extractHtmlDates', () => {
  it("takes the article node's datePublished from JSON-LD, not another node's date", () => {
    const ld = JSON.stringify({ '@graph': [{ '@type': 'WebPage', dateCreated: '2015-01-01T00:00:00Z' }, { '@type': 'NewsArticle', dateCreated: '2019-03-01T08:00:00Z', datePublished: '2019-03-02T08:00:00Z', dateModified: '2019-04-01T08:00:00Z' }] });
    const dates = extractHtmlDates(page(`<script type="application/ld+json">${ld}</script>`));
    expect(dates.published?.date).toBe('2019-03-02');
    expect(dates.modified?.date).toBe('2019-04-01');
  });

  it('prefers datePublished over an earlier dateCreated in broken JSON-LD', () => {
    const dates = extractHtmlDates(page('<script type="application/ld+json">{"dateCreated":"2020-01-17T15:11:01+08:00", "datePublished":"2020-01-20T01:00:00Z",</script>'));
    expect(dates.published?.date).toBe('2020-01-20');
  });

  it('reads a published_at key from inline script data', () => {
    const dates = extractHtmlDates(page('<script>window.__STATE__={"product":{"published_at":"2019-03-02T06:22:28+01:00"}}</script>', '<p>No date here.</p>'));
    expect(dates.published).toMatchObject({ date: '2019-03-02', source: 'script' });
  });

  it('uses the copyright year only as a bound, never as the date', () => {
    expect(extractHtmlDates(page('', '<p>Hello</p><footer>© 2020 Example</footer>')).published).toBeNull();
    const dates = extractHtmlDates(page('', '<p>Posted 12 March 2020</p>\n<p>See our 2009-05-01 archive</p>\n<footer>© 2020 Example</footer>'));
    expect(dates.published?.date).toBe('2020-03-12');
  });
});
