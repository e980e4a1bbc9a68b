import { parseIngestBody } from './parse-ingest-body';
import { feedPublicationName, splitWireHeadline, withWirePrefix } from './wire-context';

const NOW = new Date('2026-05-06T12:00:00Z');
const parseXml = (xml: string) => parseIngestBody({ bytes: Buffer.from(xml, 'utf8'), contentType: null, now: NOW });

describe('wire headline prefixes', () => {
  it('takes update, correction and urgency prefixes off the headline', () => {
    expect(splitWireHeadline('UPDATE 2-Kenya reopens border crossing')).toEqual({
      title: 'Kenya reopens border crossing',
      prefix: 'UPDATE 2',
      urgent: false,
    });
    expect(splitWireHeadline('CORRECTED-UPDATE 1-Oil falls on supply fears')).toEqual({
      title: 'Oil falls on supply fears',
      prefix: 'CORRECTED UPDATE 1',
      urgent: false,
    });
    expect(splitWireHeadline('FLASH: Central bank raises rates')).toEqual({
      title: 'Central bank raises rates',
      prefix: 'FLASH',
      urgent: true,
    });
    expect(splitWireHeadline('URGENT - Earthquake hits coast')).toEqual({
      title: 'Earthquake hits coast',
      prefix: 'URGENT',
      urgent: true,
    });
  });

  it("takes the desks' story labels off too", () => {
    const labelled: Array<[string, string]> = [
      ['EXCLUSIVE-Harbour operator weighs sale of port unit', 'EXCLUSIVE'],
      ['ANALYSIS-Why the port strike matters', 'ANALYSIS'],
      ['FACTBOX-What the port deal contains', 'FACTBOX'],
      ['RPT-INSIGHT-Dockers fear automation', 'RPT INSIGHT'],
    ];
    for (const [headline, prefix] of labelled) {
      expect(splitWireHeadline(headline)).toMatchObject({ prefix, urgent: false });
      expect(splitWireHeadline(headline).title).not.toMatch(/^[A-Z]+-/u);
    }
  });

  it('leaves ordinary headlines alone', () => {
    for (const headline of ['Update on the flood: river falls', 'Urgent care clinics close', 'UPDATE', 'FLASH-']) {
      expect(splitWireHeadline(headline)).toEqual({ title: headline, prefix: null, urgent: false });
    }
  });

  it('keeps the prefix as desk metadata beside the editors’ note', () => {
    expect(withWirePrefix('Corrects year in paragraph 2', 'CORRECTED')).toBe('CORRECTED. Corrects year in paragraph 2');
    expect(withWirePrefix(null, 'UPDATE 2')).toBe('UPDATE 2');
    expect(withWirePrefix('note', null)).toBe('note');
  });

  it('applies to NITF and NewsML-G2 headlines', () => {
    const nitf = parseXml(
      `<?xml version="1.0"?><nitf><head><docdata><doc-id id-string="n1"/></docdata></head><body><body.head><hedline><hl1>UPDATE 2-Port strike ends after deal</hl1></hedline></body.head><body.content><p>Dock workers returned on Wednesday.</p></body.content></body></nitf>`,
    ).items[0]!;
    expect(nitf.title).toBe('Port strike ends after deal');
    expect(nitf.wire.edNote).toBe('UPDATE 2');
    const g2 = parseXml(
      `<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1"><itemMeta><itemClass qcode="ninat:text"/><versionCreated>2026-05-05T10:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta><contentMeta><headline>FLASH: Central bank raises rates</headline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>The bank raised its main rate.</p></body></html></inlineXML></contentSet></newsItem>`,
    ).items[0]!;
    expect(g2.title).toBe('Central bank raises rates');
    expect(g2.wire.urgency).toBe(1);
    expect(g2.wire.edNote).toBe('FLASH');
  });

  it('applies to RSS, Atom and ninjs headlines', () => {
    const rss = parseXml(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Desk</title><item><title>UPDATE 2-Port strike ends after deal</title><description>Dock workers returned on Wednesday.</description></item></channel></rss>`,
    ).items[0]!;
    expect(rss.title).toBe('Port strike ends after deal');
    expect(rss.wire.edNote).toBe('UPDATE 2');
    const atom = parseXml(
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Desk</title><id>urn:f</id><updated>2026-05-05T10:00:00Z</updated><entry><id>urn:e</id><title>BREAKING: Central bank raises rates</title><updated>2026-05-05T10:00:00Z</updated><content type="text">The bank raised its main rate.</content></entry></feed>`,
    ).items[0]!;
    expect(atom.title).toBe('Central bank raises rates');
    expect(atom.wire.urgency).toBe(1);
    const ninjs = parseIngestBody({
      bytes: Buffer.from(
        JSON.stringify({ uri: 'urn:n', headline: 'CORRECTED-Port strike ends', body_text: 'Dock workers returned.' }),
      ),
      contentType: 'application/json',
      now: NOW,
    }).items[0]!;
    expect(ninjs.title).toBe('Port strike ends');
    expect(ninjs.wire.edNote).toBe('CORRECTED');
  });
});

describe('feed publication name', () => {
  it('is the channel title without its section', () => {
    expect(feedPublicationName('The Lakeshore Gazette – Local News')).toBe('The Lakeshore Gazette');
    expect(feedPublicationName('Harbour Times | Business')).toBe('Harbour Times');
    expect(feedPublicationName('Diario del Sur')).toBe('Diario del Sur');
    expect(feedPublicationName('Blog-Name')).toBe('Blog-Name');
  });

  it("is the part that spells the feed's host, wherever it stands", () => {
    expect(feedPublicationName('Politics | Example News', 'https://www.example-news.com/')).toBe('Example News');
    expect(feedPublicationName('Example News: Top Stories', 'https://www.example-news.com/')).toBe('Example News');
    expect(feedPublicationName('The Lakeshore Gazette – Local News', 'https://lakeshoregazette.example/')).toBe(
      'The Lakeshore Gazette',
    );
  });

  it("is the site, not the section, of a category archive's feed", () => {
    expect(feedPublicationName('Business Archives - Example News')).toBe('Example News');
    expect(feedPublicationName('Archives des Politique - Le Journal')).toBe('Le Journal');
    expect(feedPublicationName('Politik Archiv - Harbour Times')).toBe('Harbour Times');
  });

  it('applies to RSS items', () => {
    const rss = parseXml(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times – Business</title><link>https://harbour.example</link><item><title>Port expansion approved</title><link>https://harbour.example/a</link><description>The council approved it.</description></item></channel></rss>`,
    ).items[0]!;
    expect(rss.sourceName).toBe('Harbour Times');
  });
});
