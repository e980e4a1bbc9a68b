import { parseLooseDate } from './dates';

describe('parseLooseDate', () => {
  it.each([
    ['Wednesday, February 4, 2026', '2026-02-04T00:00:00.000Z', true],
    ['4 February 2026', '2026-02-04T00:00:00.000Z', true],
    ['4th Feb 2026', '2026-02-04T00:00:00.000Z', true],
    ['Feb. 4, 2026 10:31 AM EST', '2026-02-04T15:31:00.000Z', false],
    ['June 3, 2026 at 2:15 p.m. ET', '2026-06-03T18:15:00.000Z', false],
    ['2026-02-04', '2026-02-04T00:00:00.000Z', true],
    ['2026-02-04T10:31:00+05:00', '2026-02-04T05:31:00.000Z', false],
    ['2026-02-04T10:31:00.250Z', '2026-02-04T10:31:00.250Z', false],
    ['miércoles, 4 de febrero de 2026', '2026-02-04T00:00:00.000Z', true],
    ['4 de febrero de 2026, 18:05 CET', '2026-02-04T17:05:00.000Z', false],
    ['4. Februar 2026 um 10:31 Uhr', '2026-02-04T10:31:00.000Z', false],
    ['mercredi 4 février 2026', '2026-02-04T00:00:00.000Z', true],
  ])('%s → %s', (text, iso, dateOnly) => {
    expect(parseLooseDate(text)).toEqual({ iso, dateOnly });
  });

  it.each(['', 'February 30, 2026', 'Trump meets Petro', 'February 4, 2026 and more', '2026', 'Smarch 4, 2026'])('rejects %p', (text) => {
    expect(parseLooseDate(text)).toBeNull();
  });
});
