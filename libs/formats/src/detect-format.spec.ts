import { detectFormat } from './detect-format';
import { UnsupportedFormatError } from './errors';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('detectFormat', () => {
  it('maps declared text and HTML content types, ignoring parameters and case', () => {
    expect(detectFormat({ contentType: 'text/plain; charset=utf-8', bytes: bytes('hello') })).toBe('text');
    expect(detectFormat({ contentType: 'Text/HTML', bytes: bytes('whatever') })).toBe('html');
    expect(detectFormat({ contentType: 'application/xhtml+xml', bytes: bytes('<html></html>') })).toBe('html');
  });

  it('sniffs HTML when the content type is missing or generic', () => {
    expect(detectFormat({ contentType: null, bytes: bytes('\uFEFF  <!DOCTYPE html><html><body></body></html>') })).toBe('html');
    expect(detectFormat({ contentType: 'application/octet-stream', bytes: bytes('<html lang="en">') })).toBe('html');
    expect(detectFormat({ bytes: bytes('<!-- generated --><html>') })).toBe('html');
  });

  it('treats unlabelled non-markup bodies as flattened text', () => {
    expect(detectFormat({ bytes: bytes('| Welcome to Some Site\n\nHeadline here') })).toBe('text');
  });

  it('throws UnsupportedFormatError for unknown types, unknown XML roots and binary bodies', () => {
    expect(() => detectFormat({ contentType: 'image/png', bytes: bytes('x') })).toThrow(UnsupportedFormatError);
    expect(() => detectFormat({ contentType: 'application/xml', bytes: bytes('<catalog/>') })).toThrow(/root element <catalog>/);
    expect(() => detectFormat({ bytes: bytes('<?xml version="1.0"?><catalog></catalog>') })).toThrow(UnsupportedFormatError);
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
});
