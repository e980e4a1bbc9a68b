import { detectFormat } from './detect-format';
import { UnsupportedFormatError, XmlDtdForbiddenError } from './errors';
import { readSample } from './sample-path.fixture';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('detectFormat', () => {
  it('maps declared text and HTML content types, ignoring parameters and case', () => {
    expect(detectFormat({ contentType: 'text/plain; charset=utf-8', bytes: bytes('hello') })).toBe('text');
    expect(detectFormat({ contentType: 'Text/HTML', bytes: bytes('whatever') })).toBe('html');
    expect(detectFormat({ contentType: 'application/xhtml+xml', bytes: bytes('<html></html>') })).toBe('html');
  });

  it('sniffs HTML when the content type is missing or generic', () => {
    expect(detectFormat({ contentType: null, bytes: bytes('\uFEFF  <!DOCTYPE html><html><body></body></html>') })).toBe(
      'html',
    );
    expect(detectFormat({ contentType: 'application/octet-stream', bytes: bytes('<html lang="en">') })).toBe('html');
    expect(detectFormat({ bytes: bytes('<!-- generated --><html>') })).toBe('html');
  });

  it('treats unlabelled non-markup bodies as flattened text', () => {
    expect(detectFormat({ bytes: bytes('| Welcome to Some Site\n\nHeadline here') })).toBe('text');
  });

  it('throws UnsupportedFormatError for unknown types, unknown XML roots and binary bodies', () => {
    expect(() => detectFormat({ contentType: 'image/png', bytes: bytes('x') })).toThrow(UnsupportedFormatError);
    expect(() => detectFormat({ contentType: 'application/xml', bytes: bytes('<catalog/>') })).toThrow(
      /root element <catalog>/,
    );
    expect(() => detectFormat({ bytes: bytes('<?xml version="1.0"?><catalog></catalog>') })).toThrow(
      UnsupportedFormatError,
    );
    expect(() => detectFormat({ bytes: Buffer.from([0x89, 0x50, 0x00, 0x01]) })).toThrow(/binary/);
  });

  it('gives the error a stable code and marks it permanent', () => {
    try {
      detectFormat({ contentType: 'image/png', bytes: bytes('x') });
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(UnsupportedFormatError);
      expect((error as UnsupportedFormatError).code).toBe('unsupported-format');
      expect((error as UnsupportedFormatError).permanent).toBe(true);
      expect((error as UnsupportedFormatError).detail).toContain('image/png');
    }
  });

  it.each([
    ['application/rss+xml', 'rss'],
    ['application/atom+xml; charset=utf-8', 'atom'],
    ['application/vnd.iptc.g2.newsitem+xml', 'newsml'],
    ['application/vnd.iptc.g2.newsmessage+xml', 'newsml'],
    ['application/nitf+xml', 'nitf'],
    ['application/ninjs+json', 'ninjs'],
  ])('maps the declared type %s to %s without looking at the body', (contentType, format) => {
    expect(detectFormat({ contentType, bytes: bytes('anything') })).toBe(format);
  });

  it.each([
    ['rss-3-items.xml', 'rss'],
    ['atom-2-entries.xml', 'atom'],
    ['newsml-g2-v1.xml', 'newsml'],
    ['newsml-g2-message.xml', 'newsml'],
    ['nitf-3.6.xml', 'nitf'],
    ['ninjs-2-item.json', 'ninjs'],
    ['ninjs-1-item.json', 'ninjs'],
    ['native-article.json', 'json'],
    ['native-batch-one-bad.json', 'json'],
  ])('sniffs %s as %s with no type, a generic type, or octet-stream', (name, format) => {
    const body = readSample(name);
    const generic = name.endsWith('.json') ? 'application/json' : 'text/xml';
    for (const contentType of [null, generic, 'application/octet-stream'])
      expect(detectFormat({ contentType, bytes: body })).toBe(format);
  });

  it('needs the Atom namespace to call a <feed> Atom', () => {
    expect(() => detectFormat({ contentType: 'application/xml', bytes: bytes('<feed><entry/></feed>') })).toThrow(
      UnsupportedFormatError,
    );
    expect(detectFormat({ bytes: bytes('<?xml version="1.0"?>\n<entry xmlns="http://www.w3.org/2005/Atom"/>') })).toBe(
      'atom',
    );
  });

  it('sniffs XHTML served as generic XML as html', () => {
    expect(
      detectFormat({
        contentType: 'text/xml',
        bytes: bytes('<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"/>'),
      }),
    ).toBe('html');
  });

  it('refuses a DOCTYPE declaring entities already while sniffing', () => {
    expect(() => detectFormat({ bytes: readSample('billion-laughs.xml') })).toThrow(XmlDtdForbiddenError);
  });
});

describe('detectFormat: binary files sent without a specific type', () => {
  it.each([
    ['PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')],
    ['PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['gzip archive', Buffer.from([0x1f, 0x8b, 0x08, 0x00])],
  ])('refuses a %s as an unsupported format, naming it', (name, bytes) => {
    expect(() => detectFormat({ contentType: 'application/octet-stream', bytes })).toThrow(UnsupportedFormatError);
    expect(() => detectFormat({ contentType: null, bytes })).toThrow(name);
  });
});
