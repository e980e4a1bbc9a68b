/**
 * Strict ISO 8601 dates for the search API's `from` / `to`. Two forms only:
 *
 * - a calendar date, `2026-02-04`;
 * - a date-time with a zone, `2026-02-04T10:00Z`, `2026-02-04T10:00:30.250+01:00` (seconds and a fraction of 1–9
 *   digits optional; the offset `Z`, `±hh:mm` or `±hhmm`, at most ±18:00).
 *
 * No rollover: every component is range-checked and the parsed instant must give back the same components, so
 * `2026-02-29` (2026 is not a leap year) and `2026-04-31` are refused instead of being read as 1 March / 1 May.
 * A date-time without a zone is refused too: the engine would read it as UTC and JavaScript as local time.
 * Patterns are fixed-length apart from the fraction (bounded), and the input length is checked first: linear time.
 */

export type IsoDate =
  | {
      kind: 'date';
      /** `YYYY-MM-DD` as given. */ canonical: string;
      /** Start of that UTC day. */ startMs: number;
      /** Start of the next UTC day. */ endMs: number;
    }
  | {
      kind: 'date-time';
      /** The instant in UTC, `toISOString()` form (millisecond precision). */ canonical: string;
      startMs: number;
      endMs: number;
    };

export type IsoDateResult = { ok: true; date: IsoDate } | { ok: false; reason: string };

/** Longest accepted form: `2026-02-04T10:00:30.123456789+01:00` is 35 characters. */
export const ISO_DATE_MAX_LENGTH = 35;

export const ISO_DATE_FORMS =
  'an ISO 8601 date (2026-02-04) or date-time with a zone (2026-02-04T10:00Z, 2026-02-04T10:00:00+01:00)';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_MS = 86_400_000;
/** 0001-01-01T00:00:00.000Z … 9999-12-31T23:59:59.999Z: four-digit years the engine's strict format can read back. */
const MIN_MS = -62_135_596_800_000;
const MAX_MS = 253_402_300_799_999;

export function parseIsoDate(input: string): IsoDateResult {
  const value = input.trim();
  if (value.length === 0) return fail('is empty');
  if (value.length > ISO_DATE_MAX_LENGTH)
    return fail(`is ${value.length} characters long; ${ISO_DATE_FORMS} is at most ${ISO_DATE_MAX_LENGTH}`);
  const dateOnly = DATE.exec(value);
  const dateTime = dateOnly ? null : DATE_TIME.exec(value);
  const parts = dateOnly ?? dateTime;
  if (!parts) {
    // A `+` in a query string is a space: `…T10:00+01:00` sent unencoded arrives as `…T10:00 01:00`.
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+ \d{2}:?\d{2}$/.test(value))
      return fail('has a space where its offset’s sign should be: send `+` as %2B in a URL');
    return fail(`must be ${ISO_DATE_FORMS}`);
  }
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (year < 1) return fail('has year 0000; years run from 0001 to 9999');
  if (month < 1 || month > 12) return fail(`has month ${parts[2]}; months run from 01 to 12`);
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
  if (day < 1 || day > daysInMonth)
    return fail(`has day ${parts[3]}, but ${MONTHS[month - 1]} ${parts[1]} has ${daysInMonth} days`);
  if (dateOnly) {
    const startMs = utcMs(year, month, day, 0, 0, 0, 0);
    return { ok: true, date: { kind: 'date', canonical: value, startMs, endMs: startMs + DAY_MS } };
  }

  const [hour, minute, second] = [Number(parts[4]), Number(parts[5]), Number(parts[6] ?? '0')];
  if (hour > 23) return fail(`has hour ${parts[4]}; hours run from 00 to 23`);
  if (minute > 59) return fail(`has minute ${parts[5]}; minutes run from 00 to 59`);
  if (second > 59) return fail(`has second ${parts[6]}; seconds run from 00 to 59`);
  const zone = parts[8];
  if (!zone) return fail('is a date-time without a zone: add Z (UTC) or an offset such as +01:00');
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const [, sign, hh, mm] = OFFSET.exec(zone)!;
    if (Number(mm) > 59) return fail(`has offset minutes ${mm}; they run from 00 to 59`);
    offsetMinutes = (Number(hh) * 60 + Number(mm)) * (sign === '-' ? -1 : 1);
    if (Math.abs(offsetMinutes) > 18 * 60) return fail(`has offset ${zone}; offsets run from -18:00 to +18:00`);
  }
  const millis = Number((parts[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = utcMs(year, month, day, hour, minute, second, millis);
  // Round trip: the components must come back unchanged (belt and braces over the range checks above).
  const back = new Date(local);
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() + 1 !== month ||
    back.getUTCDate() !== day ||
    back.getUTCHours() !== hour ||
    back.getUTCMinutes() !== minute ||
    back.getUTCSeconds() !== second
  ) {
    return fail(`must be ${ISO_DATE_FORMS}`);
  }
  const instant = local - offsetMinutes * 60_000;
  if (instant < MIN_MS || instant > MAX_MS) return fail('is outside 0001-01-01T00:00Z … 9999-12-31T23:59:59.999Z');
  return {
    ok: true,
    date: { kind: 'date-time', canonical: new Date(instant).toISOString(), startMs: instant, endMs: instant },
  };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not. */
function utcMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime();
}

function fail(reason: string): IsoDateResult {
  return { ok: false, reason };
}
