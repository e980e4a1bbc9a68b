import { extractHtmlDates, urlDate } from './html-date';
import { parseHtmlDocument } from './html-dom';

const page = (head: string, body = ''): ReturnType<typeof parseHtmlDocument> =>
  parseHtmlDocument(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);

describe('extractHtmlDates', () => {
  it("takes the article node's datePublished from JSON-LD, not another node's date", () => {
    const ld = JSON.stringify({
      '@graph': [
        { '@type': 'WebPage', dateCreated: '2015-01-01T00:00:00Z' },
        {
          '@type': 'NewsArticle',
          dateCreated: '2019-03-01T08:00:00Z',
          datePublished: '2019-03-02T08:00:00Z',
          dateModified: '2019-04-01T08:00:00Z',
        },
      ],
    });
    const dates = extractHtmlDates(page(`<script type="application/ld+json">${ld}</script>`));
    expect(dates.published?.date).toBe('2019-03-02');
    expect(dates.modified?.date).toBe('2019-04-01');
  });

  it('prefers datePublished over an earlier dateCreated in broken JSON-LD', () => {
    const dates = extractHtmlDates(
      page(
        '<script type="application/ld+json">{"dateCreated":"2020-01-17T15:11:01+08:00", "datePublished":"2020-01-20T01:00:00Z",</script>',
      ),
    );
    expect(dates.published?.date).toBe('2020-01-20');
  });

  it('reads a published_at key from inline script data', () => {
    const dates = extractHtmlDates(
      page(
        '<script>window.__STATE__={"product":{"published_at":"2019-03-02T06:22:28+01:00"}}</script>',
        '<p>No date here.</p>',
      ),
    );
    expect(dates.published).toMatchObject({ date: '2019-03-02', source: 'script' });
  });

  it('reads a date whose year runs into the next label ("26. Januar 2022Ausgabejahr")', () => {
    const dates = extractHtmlDates(
      page(
        '',
        '<ul class="info"><li><span>Datum:</span>26. Januar 2022</li><li><span>Ausgabejahr:</span>2022</li></ul>',
      ),
    );
    expect(dates.published?.date).toBe('2022-01-26');
  });

  it('reads Russian, Ukrainian and Arabic month names', () => {
    expect(extractHtmlDates(page('', '<p class="meta">Германия 15 августа 2016, 13:43</p>')).published?.date).toBe(
      '2016-08-15',
    );
    expect(extractHtmlDates(page('', '<p>Київ, 3 жовтня 2021</p>')).published?.date).toBe('2021-10-03');
    expect(extractHtmlDates(page('', '<p>القاهرة: الأربعاء، 07 أكتوبر 2020 12:19 م</p>')).published?.date).toBe(
      '2020-10-07',
    );
  });

  it('finds the date of a page whose <body> comes after stray scripts or inside a wrapper <div>', () => {
    const late = parseHtmlDocument(
      "<!doctype html><html><head><title>t</title></head><script>var a=1;</script><body class='b'><h2 class='date-header'>Dienstag, 28. April 2020</h2><p>Text.</p></body></html>",
    );
    expect(late.body?.getAttribute('class')).toBe('b');
    expect(extractHtmlDates(late).published?.date).toBe('2020-04-28');
    const wrapped = parseHtmlDocument(
      '<!doctype html><html><head><title>t</title></head><div class="wrap"><body><p>Reporter | 2020-03-04 16:52:59</p></body></div></html>',
    );
    expect(wrapped.body?.textContent).toContain('Reporter');
    expect(extractHtmlDates(wrapped).published?.date).toBe('2020-03-04');
  });

  it('uses the copyright year only as a bound, never as the date', () => {
    expect(extractHtmlDates(page('', '<p>Hello</p><footer>© 2020 Example</footer>')).published).toBeNull();
    const dates = extractHtmlDates(
      page('', '<p>Posted 12 March 2020</p>\n<p>See our 2009-05-01 archive</p>\n<footer>© 2020 Example</footer>'),
    );
    expect(dates.published?.date).toBe('2020-03-12');
  });

  it("dates a UTC time stamp by the page's own calendar when the page states its offset elsewhere", () => {
    const dates = extractHtmlDates(
      page(
        '<meta property="article:published_time" content="2023-11-09T06:35:29+00:00">',
        '<time datetime="2023-11-08T22:35:29-08:00">10:35 PM</time>',
      ),
    );
    expect(dates.published?.date).toBe('2023-11-08');
    expect(dates.published?.iso).toBe('2023-11-09T06:35:29.000Z');
    // Only UTC on the page: the UTC date stays.
    expect(
      extractHtmlDates(page('<meta property="article:published_time" content="2023-11-09T06:35:29Z">')).published?.date,
    ).toBe('2023-11-09');
  });

  it('takes the modified date when the page shows it and not the first publication date', () => {
    const ld = JSON.stringify({
      '@type': 'NewsArticle',
      datePublished: '2019-06-17T00:00:00+00:00',
      dateModified: '2020-06-04T16:41:46+00:00',
    });
    const shown = extractHtmlDates(
      page(`<script type="application/ld+json">${ld}</script>`, '<p class="post-date">June 4, 2020</p><p>Text.</p>'),
    );
    expect(shown.published?.date).toBe('2020-06-04');
    const notShown = extractHtmlDates(
      page(`<script type="application/ld+json">${ld}</script>`, '<p class="post-date">June 17, 2019</p><p>Text.</p>'),
    );
    expect(notShown.published?.date).toBe('2019-06-17');
  });

  it('ranks a generic meta "date" below the date shown in the byline', () => {
    const dates = extractHtmlDates(
      page(
        '<meta name="dcterms.date" content="2021-12-20T11:02:44+01:00">',
        '<div class="news-date">27.01.2022</div><p>Text.</p>',
      ),
    );
    expect(dates.published?.date).toBe('2022-01-27');
    expect(
      extractHtmlDates(page('<meta name="dcterms.date" content="2021-12-20T11:02:44+01:00">', '<p>Text.</p>')).published
        ?.date,
    ).toBe('2021-12-20');
  });

  it('reads the machine date of an hAtom element, CJK dates, and the title when the body has none', () => {
    expect(
      extractHtmlDates(page('', "<abbr class='published' title='2020-04-28T21:11:00+02:00'>21:11</abbr>")).published
        ?.date,
    ).toBe('2020-04-28');
    expect(extractHtmlDates(page('', '<p>2019年6月24日 NHK</p>')).published?.date).toBe('2019-06-24');
    expect(
      extractHtmlDates(page('<title>Elephants in Guinea | DW | 23.05.2011</title>', '<p>No date.</p>')).published,
    ).toMatchObject({ date: '2011-05-23', source: 'head' });
  });

  it('finds the body of a page that never opens <body> or has server noise before the doctype', () => {
    const noBody = parseHtmlDocument(
      '<!DOCTYPE html><html><head><title>T</title></head><p><span class="_publishingdate">07.11.2023</span></p></html>',
    );
    expect(extractHtmlDates(noBody).published?.date).toBe('2023-11-07');
    const noisy = parseHtmlDocument(
      `<b>Warning</b>: ${'x'.repeat(5000)}<!DOCTYPE html><html><head></head><body><p>⋅ November 22, 2011 ⋅</p></body></html>`,
    );
    expect(noisy.body?.textContent).toContain('November 22, 2011');
    expect(extractHtmlDates(noisy).published?.date).toBe('2011-11-22');
  });

  it('reads a full date from the URL, not a slug that starts with a number', () => {
    expect(urlDate('https://example.org/2019/12/09/title/')?.date).toBe('2019-12-09');
    expect(urlDate('https://blog.example.de/2023/10/3-fragen-an-tina/')).toBeNull();
  });
});
