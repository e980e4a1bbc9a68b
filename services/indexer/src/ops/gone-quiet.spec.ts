import { describeQuietRule, isGoneQuiet } from './gone-quiet';

describe('gone quiet', () => {
  const rule = { factor: 4, minSilentSeconds: 1800, minItems: 5 };

  it('flags a source silent for more than 4× its median gap and more than 30 min', () => {
    expect(isGoneQuiet({ items: 50, medianGapSeconds: 600, silentSeconds: 2401 }, rule)).toBe(true);
    expect(isGoneQuiet({ items: 50, medianGapSeconds: 600, silentSeconds: 2399 }, rule)).toBe(false);
  });

  it('needs both: a fast source silent for 20 min is not quiet, a slow one silent for 5 h is not either', () => {
    expect(isGoneQuiet({ items: 50, medianGapSeconds: 10, silentSeconds: 1200 }, rule)).toBe(false);
    expect(isGoneQuiet({ items: 50, medianGapSeconds: 7200, silentSeconds: 5 * 3600 }, rule)).toBe(false);
    expect(isGoneQuiet({ items: 50, medianGapSeconds: 7200, silentSeconds: 9 * 3600 }, rule)).toBe(true);
  });

  it('never flags a source without a usual rhythm (fewer than 5 items, or no gap)', () => {
    expect(isGoneQuiet({ items: 4, medianGapSeconds: 1, silentSeconds: 86400 }, rule)).toBe(false);
    expect(isGoneQuiet({ items: 5, medianGapSeconds: null, silentSeconds: 86400 }, rule)).toBe(false);
    expect(isGoneQuiet({ items: 5, medianGapSeconds: 0, silentSeconds: 1801 }, rule)).toBe(true);
  });

  it('states the rule with its numbers', () => {
    expect(describeQuietRule(rule)).toBe(
      'a source with at least 5 items is gone quiet when silent for more than 4× its median gap (over its last 50 items) and more than 30 min',
    );
    expect(describeQuietRule({ ...rule, minSilentSeconds: 5 })).toMatch(/more than 5 s$/);
  });
});
