import { truncateHighlight, truncateText } from './bounded-text';

describe('truncateText', () => {
  it('keeps short text and cuts long text at a word, ellipsis included in the limit', () => {
    expect(truncateText('short', 10)).toBe('short');
    expect(truncateText('one two three four five six', 20)).toBe('one two three four…');
    expect(truncateText('x'.repeat(40_016), 600)).toHaveLength(600);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncateText('😀'.repeat(10), 6);
    expect(cut).toBe('😀😀…');
    expect(cut).not.toMatch(/\p{Cs}/u);
  });
});

describe('truncateHighlight', () => {
  it('keeps tags and character references whole and closes an open <em>', () => {
    expect(truncateHighlight('a <em>quokka</em> b', 100)).toBe('a <em>quokka</em> b');
    expect(truncateHighlight('<em>quokka</em> &amp; friends', 10)).toBe('<em>quokka</em> &amp; …');
    expect(truncateHighlight('aa <em>quokkas</em> everywhere', 7)).toBe('aa <em>quo</em>…');
    expect(truncateHighlight('&lt;b&gt;tags&lt;/b&gt; in text here', 5)).toBe('&lt;b&gt;t…');
  });

  it('bounds a huge fragment in linear time', () => {
    const started = performance.now();
    const cut = truncateHighlight(`<em>x</em> ${'y'.repeat(1_000_000)}`, 300);
    expect(performance.now() - started).toBeLessThan(500);
    expect(cut.length).toBeLessThanOrEqual(300 + '<em></em>'.length);
    expect(cut.endsWith('…')).toBe(true);
  });
});
