import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  EmptyBodyError,
  FormatError,
  InvalidEncodingError,
  UnsupportedCharsetError,
  UnsupportedFormatError,
} from './errors';
import { firstInvalidUtf8Offset, parseIngestBody } from './parse-ingest-body';

// The sample article in the repo's examples/ (a pure lib may not import libs/testing, which owns the helper).
const GLOBAL_VILLAGE_EXAMPLE = path.resolve(__dirname, '../../../examples/global-village-space-trump-petro.txt');

describe('parseIngestBody', () => {
  it('parses the fixture as one text item', () => {
    const bytes = readFileSync(GLOBAL_VILLAGE_EXAMPLE);
    const result = parseIngestBody({
      bytes,
      contentType: 'text/plain; charset=utf-8',
      url: 'https://www.globalvillagespace.com/x',
    });
    expect(result.format).toBe('text');
    expect(result.items).toHaveLength(1);
    expect(result.items[0]?.title).toBe('Trump meets with Colombia’s Petro after diplomatic row over cartels');
    expect(result.items[0]?.url).toBe('https://www.globalvillagespace.com/x');
  });

  it('dispatches HTML by sniffing', () => {
    const html =
      '<!doctype html><html lang="en"><head><title>T</title><meta property="og:title" content="Real title"></head><body><p>Hi</p></body></html>';
    const result = parseIngestBody({ bytes: Buffer.from(html) });
    expect(result.format).toBe('html');
    expect(result.items[0]?.title).toBe('Real title');
  });

  it('honours a forced format', () => {
    const result = parseIngestBody({ bytes: Buffer.from('<html><title>x</title></html>'), format: 'text' });
    expect(result.format).toBe('text');
  });

  it('rejects invalid UTF-8 with the byte offset', () => {
    const bytes = Buffer.concat([Buffer.from('Headline\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait')]);
    expect(() => parseIngestBody({ bytes, contentType: 'text/plain' })).toThrow(InvalidEncodingError);
    try {
      parseIngestBody({ bytes, contentType: 'text/plain' });
    } catch (error) {
      const e = error as InvalidEncodingError;
      expect(e).toBeInstanceOf(FormatError);
      expect(e.code).toBe('invalid-encoding');
      expect(e.byteOffset).toBe(13);
      expect(e.detail).toMatch(/0xe9 at byte offset 13/);
    }
  });

  it('decodes a declared legacy charset instead of rejecting it', () => {
    const bytes = Buffer.from([0x43, 0x61, 0x66, 0xe9]); // "Café" in Latin-1
    const result = parseIngestBody({ bytes, contentType: 'text/plain; charset=iso-8859-1' });
    expect(result.items[0]?.content).toBe('Café');
    expect(() => parseIngestBody({ bytes, contentType: 'text/plain; charset=klingon' })).toThrow(
      UnsupportedCharsetError,
    );
  });

  it('rejects empty and whitespace-only bodies', () => {
    expect(() => parseIngestBody({ bytes: Buffer.alloc(0), contentType: 'text/plain' })).toThrow(EmptyBodyError);
    expect(() => parseIngestBody({ bytes: Buffer.from(' \n\t\n'), contentType: 'text/plain' })).toThrow(EmptyBodyError);
    try {
      parseIngestBody({ bytes: Buffer.alloc(0) });
    } catch (error) {
      expect((error as EmptyBodyError).code).toBe('empty-body');
    }
  });

  it('rejects a body its declared or forced format cannot read', () => {
    expect(() => parseIngestBody({ bytes: Buffer.from('<rss></rss>'), contentType: 'application/rss+xml' })).toThrow(
      UnsupportedFormatError,
    );
    expect(() => parseIngestBody({ bytes: Buffer.from('<nitf><head/></nitf>'), format: 'rss' })).toThrow(
      /Expected an RSS document/,
    );
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('finds overlongs, surrogates and truncated sequences', () => {
    expect(firstInvalidUtf8Offset(Buffer.from('ok ✓ ok'))).toBeNull();
    expect(firstInvalidUtf8Offset(Buffer.from([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Offset(Buffer.from([0x41, 0x42, 0xe2, 0x9c]))).toBe(2);
  });
});
