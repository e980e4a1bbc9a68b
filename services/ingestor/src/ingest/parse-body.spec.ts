import { MalformedXmlError } from '@wirestream/formats';
import { PermanentError } from '@wirestream/platform';
import { countFeedItems, parseWithinLimits } from './parse-body';

const atom = (inner: string) =>
  Buffer.from(
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:f</id>${inner}</feed>`,
  );
const entry = (i: number) =>
  `<entry><id>urn:e:${i}</id><title>E ${i}</title><updated>2026-02-04T10:00:00Z</updated><summary>s ${i}</summary></entry>`;
const count = (bytes: Buffer, contentType = 'application/atom+xml') =>
  countFeedItems({ bytes, contentType, format: null });

describe('countFeedItems', () => {
  it('counts Atom entries and RSS items by their start tags', () => {
    expect(count(atom([1, 2, 3].map(entry).join('')))).toBe(3);
    const rss = Buffer.from(
      '<rss version="2.0"><channel><title>t</title><item><title>a</title></item><item ><title>b</title></item><items/></channel></rss>',
    );
    expect(count(rss, 'application/rss+xml')).toBe(2);
  });

  it('skips comments, CDATA and processing instructions, where `<entry` is only text', () => {
    expect(count(atom(`<!-- <entry> --><?pi <entry ?>${entry(1)}<summary><![CDATA[<entry><entry>]]></summary>`))).toBe(
      1,
    );
  });

  it('never over-counts what it cannot read: prefixed entries count 0, non-feeds are null', () => {
    expect(count(Buffer.from('<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry/><a:entry/></a:feed>'))).toBe(0);
    expect(count(Buffer.from('[{"id":"a"}]'), 'application/json')).toBeNull();
    expect(count(Buffer.from('<html><body><entry></entry></body></html>'), 'text/html')).toBeNull();
    expect(count(Buffer.from('x'), 'image/png')).toBeNull();
  });
});

describe('parseWithinLimits', () => {
  const input = (bytes: Buffer, maxItems: number) => ({
    bytes,
    contentType: 'application/atom+xml',
    url: null,
    sourceName: null,
    format: null,
    maxItems,
  });

  it('refuses a feed over the limit from its count, before parsing it (a broken tail is never reached)', () => {
    const body = atom(`${[1, 2, 3].map(entry).join('')}<entry><title>broken</titel></entry>`);
    expect(() => parseWithinLimits(input(body, 3))).toThrow(
      expect.objectContaining({
        code: 'too-many-items',
        status: 413,
        extensions: { limit: 3, items: 4 },
      }) as unknown as Error,
    );
    expect(() => parseWithinLimits(input(body, 4))).toThrow(MalformedXmlError);
  });

  it('parses a feed at the limit', () => {
    const parsed = parseWithinLimits(input(atom([1, 2].map(entry).join('')), 2));
    expect(parsed.items.map((i) => i.title)).toEqual(['E 1', 'E 2']);
  });

  it('counts after parsing what it could not count before (a JSON batch)', () => {
    const body = Buffer.from(
      JSON.stringify([1, 2, 3].map((i) => ({ id: `n${i}`, title: `T ${i}`, body: 'Some text of the article.' }))),
    );
    const thrown = (() => {
      try {
        parseWithinLimits({ ...input(body, 2), contentType: 'application/json' });
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(PermanentError);
    expect(thrown).toMatchObject({ code: 'too-many-items', extensions: { items: 3, limit: 2 } });
  });
});
