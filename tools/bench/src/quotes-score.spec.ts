import { addOutcome, emptyTally, findPredicted, normalizeForMatch, scoreQuote, type GoldQuote } from './quotes-score';

const gold = (quote: string, speaker: string): GoldQuote => ({
  dataset: 'trafilatura-eval',
  page: 'p',
  language: 'en',
  split: 'tune',
  quote,
  speaker,
});

describe('quote scoring', () => {
  it('normalises case, accents and punctuation but keeps the words', () => {
    expect(normalizeForMatch('  „Grenzschutz ist Menschenschutz.“ ')).toBe('grenzschutz ist menschenschutz');
    expect(normalizeForMatch('Céline Dion')).toBe('celine dion');
  });

  it('finds the predicted quote that contains the gold span, or is contained in it', () => {
    const predicted = [
      { text: 'Unrelated words here entirely', speaker: null },
      { text: 'I went into a very dark place as well. I wanted to be there for her.', speaker: 'Harry' },
    ];
    expect(findPredicted(gold('I went into a very dark place as well.', 'Harry'), predicted)).toBe(predicted[1]);
    expect(findPredicted(gold('Something never extracted at all', 'Harry'), predicted)).toBeNull();
  });

  it('classifies each gold quote as right, wrong speaker, no speaker or not found', () => {
    const g = gold('A cancer patient in Gaza dies three times', 'Sobhi Skaik');
    expect(scoreQuote(g, [{ text: g.quote, speaker: 'Sobhi Skaik' }]).outcome).toBe('right');
    expect(scoreQuote(g, [{ text: g.quote, speaker: 'SOBHI SKAIK' }]).outcome).toBe('right');
    expect(scoreQuote(g, [{ text: g.quote, speaker: 'Skaik' }]).outcome).toBe('wrong-speaker');
    expect(scoreQuote(g, [{ text: g.quote, speaker: null }]).outcome).toBe('no-speaker');
    expect(scoreQuote(g, []).outcome).toBe('not-found');
  });

  it('tallies outcomes', () => {
    const t = emptyTally();
    for (const o of ['right', 'right', 'wrong-speaker', 'no-speaker', 'not-found'] as const) addOutcome(t, o);
    expect(t).toEqual({ total: 5, right: 2, wrongSpeaker: 1, noSpeaker: 1, notFound: 1 });
  });
});
