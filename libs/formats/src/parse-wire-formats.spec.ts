import type { ParsedItem } from '@wirestream/contracts';
import {
  EmptyFeedError,
  InvalidEncodingError,
  InvalidItemsError,
  JsonTooDeepError,
  MalformedJsonError,
  MalformedXmlError,
  XmlDtdForbiddenError,
  type FormatError,
} from './errors';
import { articleIdentity } from './identity';
import { NATIVE_ARTICLE_OPENAPI_SCHEMA, validateNativeArticle } from './native-article';
import { parseIngestBody, type IngestBody } from './parse-ingest-body';
import { readSample } from './sample-path.fixture';

const NOW = new Date('2026-02-10T12:00:00Z');
const parse = (body: Omit<IngestBody, 'now'>) => parseIngestBody({ now: NOW, ...body });
const sample = (name: string, contentType: string | null = null) => parse({ bytes: readSample(name), contentType });
const only = (items: ParsedItem[]): ParsedItem => {
  expect(items).toHaveLength(1);
  return items[0]!;
};

function thrown(fn: () => unknown): FormatError {
  try {
    fn();
  } catch (error) {
    return error as FormatError;
  }
  throw new Error('expected a throw');
}

describe('RSS 2.0', () => {
  const result = sample('rss-3-items.xml', 'application/rss+xml; charset=utf-8');

  it('gives one item per <item>, the channel title as source', () => {
    expect(result.format).toBe('rss');
    expect(result.items).toHaveLength(3);
    expect(result.indexes).toEqual([0, 1, 2]);
    expect(result.errors).toEqual([]);
    expect(result.items.every((i) => i.sourceName === 'Harbourside Courier & Gazette' && i.language === 'en-gb')).toBe(
      true,
    );
  });

  it('reads content:encoded (CDATA, HTML entities), dc:creator, guid isPermaLink=false, categories and zoned pubDate', () => {
    const [first] = result.items;
    expect(first).toMatchObject({
      externalId: 'courier-2026-0203-ferry',
      url: 'https://courier.example.org/news/2026/02/03/night-ferry-pilot?utm_source=rss',
      title: 'Night ferry pilot approved after “lively” council debate',
      subtitle: 'Councillors voted 7–4 for a six-month trial of late-night crossings.',
      byline: 'Maren Alvik',
      publishedAt: '2026-02-03T13:05:00.000Z',
      contentType: 'html',
      wire: { subjects: ['Transport', 'Local government'] },
    });
    expect(first!.content).toMatch(/^<p>HARBOURSIDE &mdash; Councillors/);
  });

  it('reads an escaped-HTML description, an author e-mail, a permalink guid and a two-digit-year EST date', () => {
    expect(result.items[1]).toMatchObject({
      externalId: 'https://courier.example.org/news/2026/02/02/gull-rock-rescue',
      byline: 'Tomasz Reyes',
      publishedAt: '2026-02-02T23:20:00.000Z',
      contentType: 'html',
    });
    expect(result.items[1]!.content).toContain('<b>unharmed</b>');
  });

  it('falls back to dc:date, joins several dc:creator, keeps a plain-text description as text', () => {
    expect(result.items[2]).toMatchObject({
      externalId: null,
      byline: 'Ines Oduya, Paul Brennan',
      publishedAt: '2026-02-01T13:15:00.000Z',
      contentType: 'text',
      title: 'Bakery\'s sourdough wins regional prize — "a surprise", owner says',
      wire: { subjects: ['Food & Drink'] },
    });
  });

  it('refuses a feed with zero items', () => {
    const error = thrown(() => sample('rss-empty.xml'));
    expect(error).toBeInstanceOf(EmptyFeedError);
    expect(error.code).toBe('empty-feed');
  });

  it('keeps the good items and reports a bad one by index', () => {
    const rss =
      '<rss version="2.0"><channel><title>T</title><item><title>Good one</title><description>Body.</description></item><item><link>https://x.example/no-content</link></item><item><title>Also good</title></item></channel></rss>';
    const r = parse({ bytes: Buffer.from(rss) });
    expect(r.items.map((i) => i.title)).toEqual(['Good one', 'Also good']);
    expect(r.indexes).toEqual([0, 2]);
    expect(r.errors).toEqual([{ index: 1, code: 'missing-content', detail: expect.stringContaining('item 1') }]);
  });
});

describe('Atom 1.0', () => {
  const result = sample('atom-2-entries.xml');

  it('is sniffed from its root and namespace, one item per entry', () => {
    expect(result.format).toBe('atom');
    expect(result.items).toHaveLength(2);
    expect(result.items.every((i) => i.sourceName === 'The Valley Ledger')).toBe(true);
  });

  it('reads xhtml content, html titles, relative links against xml:base, zoned and fractional dates', () => {
    expect(result.items[0]).toMatchObject({
      externalId: 'tag:valley-ledger.example.net,2026:entry-1182',
      title: 'Water board sets drought tariff for summer',
      url: 'https://valley-ledger.example.net/2026/02/04/drought-tariff',
      byline: 'Lucía Fernández',
      publishedAt: '2026-02-04T05:30:00.000Z',
      updatedAt: '2026-02-04T07:45:12.500Z',
      versionCreatedAt: '2026-02-04T07:45:12.500Z',
      language: 'en',
      contentType: 'html',
      subtitle: 'Households above 150 litres a day will pay a higher rate from June.',
      wire: { subjects: ['Environment', 'utilities'] },
    });
    expect(result.items[0]!.content).toMatch(
      /^<p>The regional water board on Wednesday set a <strong>drought tariff<\/strong>/,
    );
    expect(result.items[0]!.content).not.toContain('xmlns');
  });

  it('takes xml:lang from the entry, the feed author when the entry has none, updated as published', () => {
    expect(result.items[1]).toMatchObject({
      language: 'es',
      byline: 'Valley Ledger Newsroom',
      publishedAt: '2026-02-03T21:00:00.000Z',
      contentType: 'html',
    });
  });

  it('refuses an Atom feed with no entries', () => {
    expect(
      thrown(() => parse({ bytes: Buffer.from('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>') }))
        .code,
    ).toBe('empty-feed');
  });
});

describe('NewsML-G2', () => {
  it('reads guid, version, versionCreated/firstCreated, contentMeta and the inline XHTML body', () => {
    const result = sample('newsml-g2-v1.xml', 'application/vnd.iptc.g2.newsitem+xml');
    expect(result.format).toBe('newsml');
    const item = only(result.items);
    expect(item).toMatchObject({
      externalId: 'urn:newsml:wirestream-demo.example:20260203:lisbon-tram-0001',
      version: 1,
      pubStatus: 'usable',
      versionCreatedAt: '2026-02-03T14:05:00.000Z',
      publishedAt: '2026-02-03T14:05:00.000Z',
      title: 'Lisbon to restore the historic 24E tram line to Campolide',
      subtitle: 'City council approves €9 million track renewal',
      byline: 'By Ana Matos',
      language: 'en',
      sourceName: 'Wirestream Demo Wire',
      url: 'https://wire.example/stories/lisbon-tram-0001',
      contentType: 'html',
      wire: {
        urgency: 3,
        subjects: ['public transport', 'urban planning'],
        located: 'Lisbon',
        edNote: null,
        dateline: 'LISBON, Feb 3',
      },
    });
    expect(item.content).toMatch(/^<p>LISBON, Feb 3 \(Wirestream Demo\) — Lisbon city council/);
    expect(item.content).not.toMatch(/<html|<head|<body|xmlns/);
  });

  it('a version-2 correction keeps the guid (same article id), raises the version and carries the edNote', () => {
    const v1 = only(sample('newsml-g2-v1.xml').items);
    const v2 = only(sample('newsml-g2-v2-correction.xml').items);
    expect(v2.version).toBe(2);
    expect(v2.wire.edNote).toMatch(/^Corrects the year/);
    expect(v2.versionCreatedAt).toBe('2026-02-03T15:40:00.000Z');
    const id = (item: ParsedItem) => articleIdentity({ sourceId: 'wirestream-demo-wire', item }).id;
    expect(id(v2)).toBe(id(v1));
  });

  it('maps stat:canceled and stat:withheld to withdrawn', () => {
    const item = only(sample('newsml-g2-canceled.xml').items);
    expect(item).toMatchObject({ pubStatus: 'withdrawn', version: 3, wire: { urgency: 1 } });
    expect(item.wire.edNote).toMatch(/^KILL/);
    const withheld = readSample('newsml-g2-v1.xml').toString('utf8').replace('stat:usable', 'stat:withheld');
    expect(only(parse({ bytes: Buffer.from(withheld) }).items).pubStatus).toBe('withdrawn');
  });

  it('gives every newsItem of a newsMessage, with a basic-format versionCreated', () => {
    const result = sample('newsml-g2-message.xml', 'application/xml');
    expect(result.format).toBe('newsml');
    expect(result.items.map((i) => [i.externalId, i.version, i.language])).toEqual([
      ['urn:newsml:wirestream-demo.example:20260204:grain-0001', 1, 'en'],
      ['urn:newsml:wirestream-demo.example:20260204:chess-0002', 2, 'fr'],
    ]);
    expect(result.items[0]!.versionCreatedAt).toBe('2026-02-04T05:55:00.000Z');
    expect(result.items[1]!.publishedAt).toBe('2026-02-04T05:40:00.000Z');
  });

  it('reports a newsItem with a garbage version by index and keeps the others', () => {
    const xml = readSample('newsml-g2-message.xml').toString('utf8').replace('version="2"', 'version="two"');
    const result = parse({ bytes: Buffer.from(xml) });
    expect(result.items).toHaveLength(1);
    expect(result.errors).toEqual([{ index: 1, code: 'invalid-version', detail: expect.stringContaining('"two"') }]);
  });

  it('refuses a newsMessage without items', () => {
    expect(
      thrown(() =>
        parse({
          bytes: Buffer.from(
            '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/><itemSet/></newsMessage>',
          ),
        }),
      ).code,
    ).toBe('empty-feed');
  });
});

describe('NITF 3.x', () => {
  const item = only(sample('nitf-3.6.xml').items);

  it('is sniffed past its DOCTYPE, decoded from its declared ISO-8859-1 and read fully', () => {
    expect(item).toMatchObject({
      format: 'nitf',
      externalId: 'WSD-20260205-0042',
      version: 2,
      title: 'Glacier museum opens in Grindelwald with a tunnel into the ice',
      subtitle: 'Visitors walk 80 metres inside the Lower Grindelwald glacier',
      byline: 'By Helena Brügger, Wirestream Demo correspondent',
      publishedAt: '2026-02-05T08:00:00.000Z',
      updatedAt: '2026-02-05T08:15:00.000Z',
      language: 'en',
      url: 'https://wire.example/features/glacier-museum',
      pubStatus: 'usable',
      wire: {
        urgency: 5,
        located: 'GRINDELWALD',
        edNote: 'Adds visitor figures in paragraph 3.',
        dateline: 'GRINDELWALD, Switzerland, Feb. 5',
        copyright: '2026 Wirestream Demo Wire',
        subjects: ['arts, culture and entertainment', 'environmental issue', 'museums', 'glaciers'],
      },
    });
  });

  it('renders body.content as HTML: blocks unwrapped, inline markup kept as text, media dropped', () => {
    expect(item.contentType).toBe('html');
    expect(item.content).toContain('<p>“People need to see what is being lost,” said curator Jonas Aebi.</p>');
    expect(item.content).toContain('<h2>Record first week</h2>');
    expect(item.content).toContain('first week &amp; have');
    expect(item.content).not.toMatch(/<block|<media|<person|tagline/);
  });

  it('maps management-status canceled to withdrawn', () => {
    const xml = readSample('nitf-3.6.xml')
      .toString('latin1')
      .replace('management-status="usable"', 'management-status="canceled"');
    expect(
      only(parse({ bytes: Buffer.from(xml, 'latin1'), contentType: 'application/nitf+xml; charset=iso-8859-1' }).items)
        .pubStatus,
    ).toBe('withdrawn');
  });
});

describe('ninjs', () => {
  it('reads a 2.x item (headlines, bodies, by, subjects) detected from its $schema', () => {
    const result = sample('ninjs-2-item.json');
    expect(result.format).toBe('ninjs');
    expect(only(result.items)).toMatchObject({
      externalId: 'http://wire.example/ninjs/2026/02/05/solar-ferry-0019',
      version: 2,
      pubStatus: 'usable',
      versionCreatedAt: '2026-02-05T10:20:00.000Z',
      publishedAt: '2026-02-05T09:02:00.000Z',
      title: 'Solar-powered ferry completes first winter crossing of Lake Constance',
      subtitle: 'Operator says batteries held 38% charge on arrival',
      byline: 'By Katrin Vogel',
      language: 'en',
      contentType: 'html',
      sourceName: 'Wirestream Demo Wire',
      wire: {
        urgency: 4,
        located: 'Friedrichshafen',
        subjects: ['transport', 'renewable energy'],
        edNote: 'Updates with battery figures in paragraph 2.',
      },
    });
  });

  it('reads a 1.x item (headline, body_html, byline, subject) sent as generic application/json, by shape', () => {
    const result = sample('ninjs-1-item.json', 'application/json');
    expect(result.format).toBe('ninjs');
    expect(only(result.items)).toMatchObject({
      version: 1,
      title: 'Farol da Ponta Negra volta a funcionar após restauro',
      byline: 'Por Beatriz Sousa',
      language: 'pt',
      wire: { urgency: 6, subjects: ['cultura'], located: 'Lagos' },
    });
  });

  it('maps canceled and withheld to withdrawn', () => {
    for (const pubstatus of ['canceled', 'withheld']) {
      const body = JSON.stringify({ uri: 'urn:x:1', version: '4', pubstatus, headline: 'Killed' });
      expect(only(parse({ bytes: Buffer.from(body), contentType: 'application/ninjs+json' }).items)).toMatchObject({
        pubStatus: 'withdrawn',
        version: 4,
      });
    }
  });
});

describe('native JSON article', () => {
  it('parses one article', () => {
    const result = sample('native-article.json', 'application/json');
    expect(result.format).toBe('json');
    expect(only(result.items)).toMatchObject({
      externalId: 'partner-2026-0207-0042',
      version: 1,
      title: 'Community orchard plants 300 heritage apple trees',
      publishedAt: '2026-02-07T08:30:00.000Z',
      sourceName: 'Greenfield Partner News',
      contentType: 'html',
      wire: { urgency: 5, subjects: ['environment', 'community'], located: 'Greenfield' },
    });
  });

  it('accepts the good items of a batch and reports the bad one by index, with its fields', () => {
    const result = sample('native-batch-one-bad.json');
    expect(result.items.map((i) => i.externalId)).toEqual(['partner-2026-0208-0001', 'partner-2026-0208-0003']);
    expect(result.indexes).toEqual([0, 2]);
    expect(result.items[1]).toMatchObject({ version: 2, publishedAt: '2026-02-08T10:15:00.000Z', contentType: 'html' });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      index: 1,
      code: 'invalid-article',
      fields: [
        { path: '/title', message: 'is required' },
        { path: '/urgency', message: expect.stringContaining('1 to 9') },
      ],
    });
  });

  it('refuses a single invalid article with its own code, and an all-bad batch as no-valid-items', () => {
    const single = thrown(() =>
      parse({ bytes: Buffer.from('{"title": 5, "body": ""}'), contentType: 'application/json' }),
    );
    expect(single).toBeInstanceOf(InvalidItemsError);
    expect(single.code).toBe('invalid-article');
    expect(single.detail).toMatch(/\/title must be a string, found a number; \/body must not be empty/);
    const batch = thrown(() => parse({ bytes: Buffer.from('[1, {"title":"x"}]') })) as InvalidItemsError;
    expect(batch.code).toBe('no-valid-items');
    expect(batch.errors.map((e) => [e.index, e.code])).toEqual([
      [0, 'invalid-article'],
      [1, 'invalid-article'],
    ]);
    expect(thrown(() => parse({ bytes: Buffer.from('[]') })).code).toBe('empty-feed');
  });

  it('validates each field with a clear message', () => {
    expect(
      validateNativeArticle({
        title: 'T',
        body: 'B',
        url: 'ftp://x',
        language: 'english!',
        pubStatus: 'dead',
        version: 0,
        subjects: ['a', ''],
        contentType: 'md',
        id: 'a',
        externalId: 'b',
      }),
    ).toEqual([
      { path: '/externalId', message: 'differs from id; send one of them' },
      { path: '/version', message: 'must be an integer >= 1, found 0' },
      { path: '/pubStatus', message: 'must be one of usable, withdrawn, canceled, withheld, found "dead"' },
      { path: '/url', message: 'must be an absolute http(s) URL' },
      { path: '/language', message: 'must be a language code like "en" or "pt-BR", found "english!"' },
      { path: '/contentType', message: 'must be "html" or "text", found "md"' },
      { path: '/subjects/1', message: 'must be a non-empty string' },
    ]);
    expect(validateNativeArticle([])).toEqual([{ path: '', message: 'expected a JSON object, found an array' }]);
  });

  it('exports an OpenAPI 3.1 schema with the same required fields', () => {
    expect(NATIVE_ARTICLE_OPENAPI_SCHEMA).toMatchObject({ type: 'object', required: ['title', 'body'] });
    expect(Object.keys(NATIVE_ARTICLE_OPENAPI_SCHEMA.properties)).toEqual(
      expect.arrayContaining([
        'id',
        'externalId',
        'version',
        'pubStatus',
        'url',
        'title',
        'subtitle',
        'byline',
        'publishedAt',
        'updatedAt',
        'language',
        'source',
        'body',
        'contentType',
        'urgency',
        'subjects',
        'located',
        'edNote',
      ]),
    );
    for (const example of NATIVE_ARTICLE_OPENAPI_SCHEMA.examples) expect(validateNativeArticle(example)).toEqual([]);
  });
});

describe('dates in the future or unreadable', () => {
  it('keeps the item, nulls the date and records a warning', () => {
    const rss = `<rss version="2.0"><channel><title>T</title>
      <item><title>Future</title><pubDate>Sat, 14 Feb 2026 10:00:00 GMT</pubDate></item>
      <item><title>Soon</title><pubDate>Wed, 11 Feb 2026 06:00:00 GMT</pubDate></item>
      <item><title>Garbage</title><pubDate>sometime last week</pubDate></item></channel></rss>`;
    const result = parse({ bytes: Buffer.from(rss) });
    expect(result.items.map((i) => i.publishedAt)).toEqual([null, '2026-02-11T06:00:00.000Z', null]);
    expect(result.warnings).toEqual([
      'item 0 pubDate: "Sat, 14 Feb 2026 10:00:00 GMT" is more than a day in the future; set to null',
      'item 2 pubDate: "sometime last week" is not a date we can read; set to null',
    ]);
  });

  it('applies to native JSON too', () => {
    const result = parse({
      bytes: Buffer.from('{"title":"T","body":"B","publishedAt":"2027-01-01T00:00:00Z","updatedAt":"31/02/2026"}'),
    });
    expect(only(result.items)).toMatchObject({ publishedAt: null, updatedAt: null });
    expect(result.warnings).toHaveLength(2);
  });
});

describe('hostile and broken input', () => {
  it('refuses billion laughs by sniffing and under every XML type, without expanding', () => {
    for (const contentType of [
      null,
      'application/xml',
      'text/xml',
      'application/rss+xml',
      'application/vnd.iptc.g2.newsitem+xml',
    ]) {
      const error = thrown(() => sample('billion-laughs.xml', contentType));
      expect(error).toBeInstanceOf(XmlDtdForbiddenError);
      expect(error.code).toBe('xml-dtd-forbidden');
    }
    expect(thrown(() => sample('billion-laughs-rss.xml')).code).toBe('xml-dtd-forbidden');
  });

  it('refuses XXE', () => {
    expect(thrown(() => sample('xxe.xml')).code).toBe('xml-dtd-forbidden');
    expect(thrown(() => sample('xxe.xml', 'application/vnd.iptc.g2.newsitem+xml')).code).toBe('xml-dtd-forbidden');
  });

  it('reports truncated XML as malformed-xml with line and column', () => {
    const cut = readSample('rss-3-items.xml').toString('utf8').slice(0, 1500);
    const error = thrown(() =>
      parse({ bytes: Buffer.from(cut), contentType: 'application/rss+xml' }),
    ) as MalformedXmlError;
    expect(error).toBeInstanceOf(MalformedXmlError);
    expect(error.code).toBe('malformed-xml');
    expect(error.line).toBeGreaterThan(1);
    expect(error.detail).toMatch(/^Unterminated CDATA section.*\(line 24, column 24\)$/);
    const atom = readSample('atom-2-entries.xml').toString('utf8');
    const cutAtom = thrown(() =>
      parse({ bytes: Buffer.from(atom.slice(0, atom.indexOf('</feed>'))) }),
    ) as MalformedXmlError;
    expect(cutAtom.detail).toMatch(
      /^Truncated document: it ends while <feed> \(opened at line 2, column 1\) is still open \(line \d+, column \d+\)$/,
    );
  });

  it('refuses deeply nested JSON quickly without a stack overflow', () => {
    const deep = Buffer.from('['.repeat(200_000) + ']'.repeat(200_000));
    const error = thrown(() => parse({ bytes: deep, contentType: 'application/json' }));
    expect(error).toBeInstanceOf(JsonTooDeepError);
    expect(error.code).toBe('json-too-deep');
  });

  it('reports malformed JSON with where', () => {
    const error = thrown(() =>
      parse({ bytes: Buffer.from('{"title": "T",\n "body": "B",}'), contentType: 'application/json' }),
    );
    expect(error).toBeInstanceOf(MalformedJsonError);
    expect(error).toMatchObject({ code: 'malformed-json', line: 2, column: 14 });
    expect(error.detail).toMatch(/expected a double-quoted property name, unexpected "}"/);
  });

  it('reports invalid UTF-8 in XML and JSON with the byte offset', () => {
    const xml = Buffer.concat([
      Buffer.from('<rss version="2.0"><channel><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from('</title></channel></rss>'),
    ]);
    const error = thrown(() => parse({ bytes: xml, contentType: 'application/rss+xml' })) as InvalidEncodingError;
    expect(error).toBeInstanceOf(InvalidEncodingError);
    expect(error.byteOffset).toBe(38);
    const json = Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xc3, 0x28]), Buffer.from('","body":"x"}')]);
    expect(thrown(() => parse({ bytes: json })).code).toBe('invalid-encoding');
  });

  it('trusts the root element over a wrong feed media type', () => {
    expect(sample('atom-2-entries.xml', 'application/rss+xml').format).toBe('atom');
  });
});
