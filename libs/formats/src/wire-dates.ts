import { parseLooseDate, zoneOffsetMinutes } from './dates';

/**
 * Dates as wire formats write them, to ISO 8601 UTC (or null when the text is not a date):
 * - ISO 8601 extended, with `Z`, `±hh:mm`, `±hhmm` or `±hh` (NewsML-G2, Atom, ninjs, dc:date), date-only too;
 * - ISO 8601 basic as NITF `norm` attributes write it: `20260203T140500+0100`, `20260203T1405Z`, `20260203`;
 * - RFC 822 / 1123 / 2822 / 850 (RSS pubDate): `Tue, 03 Feb 2026 14:05:00 +0100`, `3 Feb 26 14:05 EST`,
 *   `Tuesday, 03-Feb-26 14:05:00 GMT`, with or without weekday and seconds, named US/European zones;
 * - anything `parseLooseDate` reads ("February 3, 2026 10:31 AM EST").
 * A time without a zone is taken as UTC. Pure: the clock is never read.
 */
export function parseWireDate(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim().replace(/\s+/gu, ' ');
  if (!text) return null;

  const ext =
    /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)? ?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/u.exec(
      text,
    );
  if (ext) return build(ext[1], ext[2], ext[3], ext[4], ext[5], ext[6], ext[7], ext[8] ?? null);

  const basic = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?)?([Zz]|[+-]\d{2}:?\d{2})?$/u.exec(text);
  if (basic) return build(basic[1], basic[2], basic[3], basic[4], basic[5], basic[6], basic[7], basic[8] ?? null);

  const rfc =
    /^(?:[A-Za-z]{2,9}\.?,? ?)?(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{2}|\d{4}),?(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?(?: ?\(?([A-Za-z]{1,5}|[+-]\d{4}|[+-]\d{2}:\d{2})\)?)?$/u.exec(
      text,
    );
  if (rfc) {
    const month = MONTHS[rfc[2]!.slice(0, 3).toLowerCase()];
    if (!month) return null;
    let year = Number(rfc[3]);
    if (rfc[3]!.length === 2) year += year < 50 ? 2000 : 1900;
    return build(String(year), String(month), rfc[1], rfc[4], rfc[5], rfc[6], undefined, rfc[7] ?? null);
  }

  // "Feb 3, 2026 14:05 GMT", "February 3, 2026 10:31 AM EST", "3 février 2026"…
  return parseLooseDate(text)?.iso ?? null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** RFC 2822 §4.3: military single-letter zones are unreliable and are read as UTC ("-0000"). */
function zone(token: string | null, y: number, mo: number, d: number): number | undefined {
  if (!token) return 0;
  const t = token.toLowerCase();
  if (t === 'ut') return 0;
  if (/^[a-ik-z]$/u.test(t)) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/u.exec(t);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    if (Number(numeric[2]) > 14 || Number(numeric[3] ?? 0) > 59) return undefined;
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return zoneOffsetMinutes(t, y, mo, d);
}

function build(
  y: string | undefined,
  mo: string | undefined,
  d: string | undefined,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  frac: string | undefined,
  zoneToken: string | null,
): string | null {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Math.min(Number(s), 59); // a leap second is read as :59
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  if (year < 1800 || year > 2999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour > 24 || minute > 59 || (hour === 24 && (minute > 0 || second > 0))) return null;
  const offset = h === undefined ? 0 : zone(zoneToken, year, month, day);
  if (offset === undefined) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null; // 31 February
  return new Date(local - offset * 60_000).toISOString();
}
