import { ISO_DATE_MAX_LENGTH, parseIsoDate } from './iso-date';

const reason = (input: string) => {
  const result = parseIsoDate(input);
  if (result.ok) throw new Error(`${input} was accepted as ${result.date.canonical}`);
  return result.reason;
};
const canonical = (input: string) => {
  const result = parseIsoDate(input);
  if (!result.ok) throw new Error(`${input} was refused: ${result.reason}`);
  return result.date.canonical;
};

describe('parseIsoDate', () => {
  it('accepts a calendar date and a date-time with a zone, as the UTC instant', () => {
    expect(canonical('2026-02-04')).toBe('2026-02-04');
    expect(canonical(' 2026-02-04 ')).toBe('2026-02-04');
    expect(canonical('2024-02-29')).toBe('2024-02-29'); // leap year
    expect(canonical('2000-02-29')).toBe('2000-02-29'); // divisible by 400
    expect(canonical('2026-02-04T10:00Z')).toBe('2026-02-04T10:00:00.000Z');
    expect(canonical('2026-02-04T10:00:30Z')).toBe('2026-02-04T10:00:30.000Z');
    expect(canonical('2026-02-04T10:00:30.25Z')).toBe('2026-02-04T10:00:30.250Z');
    expect(canonical('2026-02-04T10:00:30.123456789Z')).toBe('2026-02-04T10:00:30.123Z');
    expect(canonical('2026-02-04T10:00+01:00')).toBe('2026-02-04T09:00:00.000Z');
    expect(canonical('2026-02-04T00:30-0230')).toBe('2026-02-04T03:00:00.000Z');
    expect(canonical('2026-12-31T23:59:59.999Z')).toBe('2026-12-31T23:59:59.999Z');
    expect(canonical('0001-01-01')).toBe('0001-01-01');
  });

  it('gives a date the whole UTC day and a date-time its instant', () => {
    expect(parseIsoDate('2026-02-28')).toEqual({
      ok: true,
      date: {
        kind: 'date',
        canonical: '2026-02-28',
        startMs: Date.parse('2026-02-28T00:00Z'),
        endMs: Date.parse('2026-03-01T00:00Z'),
      },
    });
    const instant = Date.parse('2026-02-28T10:00Z');
    expect(parseIsoDate('2026-02-28T10:00Z')).toEqual({
      ok: true,
      date: { kind: 'date-time', canonical: '2026-02-28T10:00:00.000Z', startMs: instant, endMs: instant },
    });
  });

  it('never rolls a day over into the next month', () => {
    expect(reason('2026-02-29')).toBe('has day 29, but February 2026 has 28 days');
    expect(reason('2026-02-30')).toBe('has day 30, but February 2026 has 28 days');
    expect(reason('2100-02-29')).toMatch(/February 2100 has 28 days/); // divisible by 100, not 400
    expect(reason('2026-04-31')).toMatch(/April 2026 has 30 days/);
    expect(reason('2026-04-31T10:00Z')).toMatch(/April 2026 has 30 days/);
    expect(reason('2026-01-00')).toMatch(/has day 00/);
    expect(reason('2026-01-32')).toMatch(/January 2026 has 31 days/);
  });

  it('range-checks every other component', () => {
    expect(reason('2025-13-01')).toMatch(/has month 13/);
    expect(reason('2025-00-10')).toMatch(/has month 00/);
    expect(reason('0000-01-01')).toMatch(/year 0000/);
    expect(reason('2026-02-28T25:00Z')).toMatch(/has hour 25/);
    expect(reason('2026-02-28T24:00Z')).toMatch(/has hour 24/);
    expect(reason('2026-02-28T10:60Z')).toMatch(/has minute 60/);
    expect(reason('2026-02-28T10:00:60Z')).toMatch(/has second 60/);
    expect(reason('2026-02-28T10:00+01:60')).toMatch(/offset minutes 60/);
    expect(reason('2026-02-28T10:00+19:00')).toMatch(/offset \+19:00/);
    expect(reason('9999-12-31T23:00-05:00')).toMatch(/outside/);
  });

  it('refuses other shapes, naming the accepted forms', () => {
    for (const input of [
      '0',
      '',
      'yesterday',
      '20260204',
      '2026-2-4',
      '2026-02-04T10Z',
      '2026-02-04T10:00:00.Z',
      '2026-02-04t10:00z',
      '2026-02-04T10:00:00.1234567890Z',
      '+2026-02-04',
      '1e3',
      '2026-02-04T10:00:00+1',
    ]) {
      expect([input, reason(input)]).toEqual([input, expect.stringMatching(/ISO 8601|empty|characters long/)]);
    }
    expect(reason('2026-02-04T10:00')).toMatch(/without a zone/);
    expect(reason('2026-02-04T10:00 01:00')).toMatch(/%2B/);
    expect(canonical(' 2026-02-04T10:00:00.000000000+01:00 ')).toBe('2026-02-04T09:00:00.000Z'); // trimmed before the length check
    expect(reason(`2026-02-04${' '.repeat(10)}x`)).toMatch(/ISO 8601/);
    expect(reason('2'.repeat(ISO_DATE_MAX_LENGTH + 1))).toMatch(/36 characters long/);
  });

  it('answers a huge input in linear time', () => {
    const started = performance.now();
    for (const input of [
      '2026-02-04T' + '1'.repeat(100_000),
      '9'.repeat(1_000_000),
      `2026-02-04T10:00${' '.repeat(100_000)}01:00`,
    ])
      expect(parseIsoDate(input).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
