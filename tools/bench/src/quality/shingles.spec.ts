import { shingleCounts, shingleRecall } from './shingles';

describe('shingleRecall', () => {
  it('is 1 when the candidate holds the reference, whatever else it holds', () => {
    const ref = 'The quick brown fox jumps over the lazy dog.';
    expect(shingleRecall(`Menu Home News\n\n${ref}\n\nFooter links`, ref)).toBe(1);
  });

  it('counts shingles as a multiset: a repeated shingle kept once counts once', () => {
    const para = 'one two three four';
    // reference shingles: 1234, 2341, 3412, 4123, 1234 — the candidate has one of the two 1234s
    expect(shingleRecall(para, `${para} ${para}`)).toBeCloseTo(1 / 5);
    expect(shingleRecall(`${para} x ${para}`, `${para} ${para}`)).toBeCloseTo(2 / 5);
  });

  it('is the share of reference shingles kept when the candidate lost the end', () => {
    expect(shingleRecall('a b c d e', 'a b c d e f g h')).toBeCloseTo(2 / 5);
  });

  it('reads words in any script, ignoring punctuation and spacing', () => {
    expect([...shingleCounts('Größe—über  «Straße» früh!').keys()]).toEqual(['Größe über Straße früh']);
    expect(shingleRecall('нет', '')).toBe(1);
    expect(shingleRecall('', 'три слова тут')).toBe(0);
  });
});
