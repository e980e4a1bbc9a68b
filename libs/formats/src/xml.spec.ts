import { MalformedXmlError, XmlDtdForbiddenError, XmlTooDeepError } from './errors';
import { readSample } from './sample-path.fixture';
import { attr, element, elements, parseXml, serializeChildrenAsHtml, sniffXmlRoot, text } from './xml';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('parseXml', () => {
  it('parses elements, attributes, namespaces, CDATA and entities', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!-- c --><rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0"><channel>' +
        '<title>A &amp; B &#8212; &eacute;t&eacute;</title><dc:creator><![CDATA[<b>Jo</b> & co]]></dc:creator>' +
        "<x:unbound a='1'/></channel></rss>",
    );
    expect(root.local).toBe('rss');
    expect(attr(root, 'version')).toBe('2.0');
    const channel = element(root, 'channel')!;
    expect(text(element(channel, 'title'))).toBe('A & B — été');
    const creator = element(channel, 'creator', 'http://purl.org/dc/elements/1.1/')!;
    expect(creator.prefix).toBe('dc');
    expect(text(creator)).toBe('<b>Jo</b> & co');
    const unbound = elements(channel).find((e) => e.local === 'unbound')!;
    expect(unbound).toMatchObject({ prefix: 'x', ns: null });
  });

  it('serializes an XHTML subtree as HTML, re-escaping text and dropping prefixes', () => {
    const root = parseXml(
      '<w><h:div xmlns:h="http://www.w3.org/1999/xhtml"><h:p class="a">1 &lt; 2 &amp; 3</h:p><h:br/></h:div></w>',
    );
    expect(serializeChildrenAsHtml(element(root, 'div')!)).toBe('<p class="a">1 &lt; 2 &amp; 3</p><br>');
  });

  it('refuses a billion-laughs DOCTYPE before expanding anything', () => {
    const error = thrown(() => parseXml(readSample('billion-laughs.xml').toString('utf8')));
    expect(error).toBeInstanceOf(XmlDtdForbiddenError);
    expect(error).toMatchObject({ code: 'xml-dtd-forbidden', line: 3 });
  });

  it('refuses XXE (external and parameter entities) without fetching', () => {
    expect(thrown(() => parseXml(readSample('xxe.xml').toString('utf8')))).toMatchObject({ code: 'xml-dtd-forbidden' });
    expect(thrown(() => parseXml('<!DOCTYPE x [<!ENTITY % p SYSTEM "http://example.invalid/">]><x/>'))).toBeInstanceOf(
      XmlDtdForbiddenError,
    );
  });

  it('ignores a DOCTYPE that only references an external DTD, and one with no entity declarations', () => {
    expect(parseXml('<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd"><nitf/>').local).toBe('nitf');
    expect(parseXml('<!DOCTYPE a [<!ELEMENT a (#PCDATA)><!-- <!ENTITY in a comment> -->]><a>x</a>').local).toBe('a');
    expect(text(parseXml('<!DOCTYPE a><a>&undeclared; stays</a>'))).toBe('&undeclared; stays');
  });

  it('reports a truncated document with the line and column of its end and the open element', () => {
    const error = thrown(() => parseXml('<rss>\n  <channel>\n    <item><title>Half'));
    expect(error).toBeInstanceOf(MalformedXmlError);
    expect(error).toMatchObject({ code: 'malformed-xml', line: 3, column: 22 });
    expect((error as MalformedXmlError).detail).toMatch(/Truncated document.*<title> \(opened at line 3, column 11\)/);
    expect(thrown(() => parseXml('<a><b attr="x'))).toMatchObject({ code: 'malformed-xml' });
    expect(thrown(() => parseXml('<a><![CDATA[ never closed'))).toMatchObject({ code: 'malformed-xml' });
  });

  it('reports mismatched tags, text outside the root, a second root and bad attributes', () => {
    expect((thrown(() => parseXml('<a>\n<b></a>')) as MalformedXmlError).detail).toMatch(
      /<\/a> does not match <b> opened at line 2, column 1 \(line 2, column 4\)/,
    );
    expect(thrown(() => parseXml('<a/>trailing'))).toMatchObject({ code: 'malformed-xml', line: 1, column: 5 });
    expect(thrown(() => parseXml('<a/><b/>'))).toMatchObject({ code: 'malformed-xml' });
    expect(thrown(() => parseXml('<a x="1" x="2"/>'))).toMatchObject({ code: 'malformed-xml' });
    expect(thrown(() => parseXml('<a x="<"/>'))).toMatchObject({ code: 'malformed-xml' });
    expect(thrown(() => parseXml('   '))).toMatchObject({ code: 'malformed-xml' });
  });

  it('refuses nesting deeper than the limit without recursion', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    expect(thrown(() => parseXml(deep))).toBeInstanceOf(XmlTooDeepError);
    expect(thrown(() => parseXml(deep))).toMatchObject({ code: 'xml-too-deep' });
  });
});

describe('sniffXmlRoot', () => {
  it('finds the root past the declaration, comments and a DOCTYPE', () => {
    expect(sniffXmlRoot('\uFEFF<?xml version="1.0"?>\n<!-- x --><!DOCTYPE nitf SYSTEM "n.dtd"><nitf>')).toEqual({
      local: 'nitf',
      ns: null,
    });
    expect(sniffXmlRoot('<feed xmlns="http://www.w3.org/2005/Atom">')).toEqual({
      local: 'feed',
      ns: 'http://www.w3.org/2005/Atom',
    });
    expect(sniffXmlRoot('<g2:newsItem xmlns:g2="http://iptc.org/std/nar/2006-10-01/">')).toEqual({
      local: 'newsitem',
      ns: 'http://iptc.org/std/nar/2006-10-01/',
    });
    expect(sniffXmlRoot('plain text')).toBeNull();
  });

  it('refuses entity declarations already while sniffing', () => {
    expect(() => sniffXmlRoot(readSample('billion-laughs.xml').toString('utf8'))).toThrow(XmlDtdForbiddenError);
  });
});
