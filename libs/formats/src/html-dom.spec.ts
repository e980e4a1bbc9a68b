import { collapsedLength, elementText, elementTextLength, parseHtmlDocument } from './html-dom';

describe('collapsedLength', () => {
  it('is the length of the text with its space runs collapsed and trimmed, for every kind of space', () => {
    const texts = [
      '',
      ' ',
      'word',
      '  two  words  ',
      '\tTab\nand\r\nnewlines\v\f',
      '\u00a0non-breaking\u00a0\u00a0space\u00a0',
      'ideographic\u3000space and\u2028line\u2029separators\ufeff',
      'thin\u2009hair\u200aspaces\u202f\u205f',
      'zero\u200bwidth is no space',
      '😀 emoji  日本語 ',
      '\u1680ogham\u180emongolian',
    ];
    for (const text of texts) expect(collapsedLength(text)).toBe(text.replace(/\s+/gu, ' ').trim().length);
  });
});

describe('elementTextLength', () => {
  it('is the length of elementText', () => {
    const doc = parseHtmlDocument(
      '<html><body><div id="a">\n  <p>One  <a href="/x">link\u00a0text</a></p>\n<p> two </p></div></body></html>',
    );
    const div = doc.querySelector('#a');
    expect(elementTextLength(div)).toBe(elementText(div).length);
    expect(elementTextLength(null)).toBe(0);
  });
});
