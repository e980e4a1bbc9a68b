import { trimChars } from './text-blocks';

/** Loose date parsing for the date lines scraped pages carry. Pure: the clock is never read. */

export interface LooseDate {
  /** ISO 8601 UTC, e.g. 2026-02-04T00:00:00.000Z. */
  iso: string;
  /** True when the text had no time of day (the ISO value is then midnight UTC). */
  dateOnly: boolean;
}

const MONTHS: Record<string, number> = {};
function addMonths(names: string[]): void {
  names.forEach((name, i) => {
    for (const variant of name.split('|')) MONTHS[variant] = i + 1;
  });
}
addMonths([
  'january|jan',
  'february|feb',
  'march|mar',
  'april|apr',
  'may',
  'june|jun',
  'july|jul',
  'august|aug',
  'september|sep|sept',
  'october|oct',
  'november|nov',
  'december|dec',
]);
addMonths([
  'enero|ene',
  'febrero',
  'marzo',
  'abril|abr',
  'mayo',
  'junio',
  'julio',
  'agosto|ago',
  'septiembre|setiembre|set',
  'octubre',
  'noviembre',
  'diciembre|dic',
]);
addMonths([
  'janvier|janv',
  'février|fevrier|févr|fevr',
  'mars',
  'avril|avr',
  'mai',
  'juin',
  'juillet|juil',
  'août|aout',
  'septembre',
  'octobre',
  'novembre',
  'décembre|decembre|déc',
]);
addMonths([
  'januar|jänner|jaenner',
  'februar',
  'märz|maerz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober|okt',
  'november',
  'dezember|dez',
]);
addMonths([
  'gennaio|gen',
  'febbraio',
  'marzo',
  'aprile',
  'maggio|mag',
  'giugno|giu',
  'luglio|lug',
  'agosto',
  'settembre|sett',
  'ottobre|ott',
  'novembre',
  'dicembre',
]);
addMonths([
  'janeiro',
  'fevereiro|fev',
  'março|marco',
  'abril',
  'maio',
  'junho',
  'julho',
  'agosto',
  'setembro',
  'outubro|out',
  'novembro',
  'dezembro|dez',
]);

const WEEKDAYS = new Set(
  [
    'monday mon tuesday tue tues wednesday wed thursday thu thurs friday fri saturday sat sunday sun',
    'lunes martes miércoles miercoles jueves viernes sábado sabado domingo',
    'lundi mardi mercredi jeudi vendredi samedi dimanche',
    'montag dienstag mittwoch donnerstag freitag samstag sonntag',
    'lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica',
    'segunda-feira terça-feira terca-feira quarta-feira quinta-feira sexta-feira',
  ]
    .join(' ')
    .split(' '),
);

/** Fixed-offset abbreviations, in minutes east of UTC. US zones without S/D are resolved by the US DST rule. */
const ZONE_OFFSETS: Record<string, number> = {
  z: 0,
  utc: 0,
  gmt: 0,
  wet: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  bst: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mez: 60,
  mesz: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  pkt: 300,
  ist: 330,
  sgt: 480,
  hkt: 480,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
};
const US_GENERIC_ZONES: Record<string, number> = { et: -300, ct: -360, mt: -420, pt: -480 };
/** Local-time words of the EU's zones (winter offset; summer time by the EU rule), spaces removed. */
const EU_LOCAL_ZONES: Record<string, number> = {
  heuredeparis: 60,
  heurefrançaise: 60,
  heurefrancaise: 60,
  horapeninsular: 60,
  horademadrid: 60,
  oraitaliana: 60,
  horadelisboa: 0,
  horadeportugal: 0,
};
/** A zone after a time: an abbreviation, a UTC offset, or a local-time phrase ("heure de Paris", "hora de Lisboa"). */
const ZONE = String.raw`\(?(heure de paris|heure fran[çc]aise|hora peninsular|hora de madrid|ora italiana|hora de lisboa|hora de portugal|[a-z]{1,5}|(?:utc|gmt)? ?[+-]\d{1,2}(?::?\d{2})?)\)?`;

const WORD = '([\\p{L}]+)';
// The text is matched with its spaces collapsed to single " ", so " ?" is exact where "\s*" was written before;
// two adjacent "\s*" could trade characters and backtrack polynomially on a long run of spaces.
// "08h12", "8 h 12", "10.45am", "9:30 p.m. ET", "um 9 Uhr", "à 8h", "a las 10.45 horas", "alle ore 10:45": the hour
// alone is a time only with its unit (h, Uhr, horas) or am/pm, captured as the fifth group.
const TIME = String.raw`(?:,? ?(?:(?:at|à|a las|a la|um|alle ore|alle|ore|às|-|\|) ?)?(\d{1,2})(?:(?:[:.h]| h )(\d{2}))?(?::(\d{2}))? ?(?:([ap]\.? ?m\.?) ?)?(?:(hrs?\.?|uhr|hs|horas|h)(?![a-z]) ?)?(?:${ZONE})?)?`;

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(z|[+-]\d{2}:?\d{2}|utc|gmt)?)?$/i;
const MONTH_FIRST_RE = new RegExp(`^${WORD}\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})${TIME}$`, 'iu');
const DAY_FIRST_RE = new RegExp(
  `^(\\d{1,2})(?:st|nd|rd|th|er|\\.|º)? (?:de )?${WORD}\\.?,? (?:de |del )?(\\d{4})${TIME}$`,
  'iu',
);

/**
 * Parses a whole string as a date: ISO 8601, "Wednesday, February 4, 2026", "Feb. 4, 2026 10:31 AM EST",
 * "4 February 2026", "4 de febrero de 2026", "4. Februar 2026 um 10:31 Uhr". Returns null unless the entire
 * string (after trimming) is a date. Times without a zone are taken as UTC.
 */
export function parseLooseDate(text: string): LooseDate | null {
  const cleaned = stripWeekday(trimChars(text.trim(), '.,;', true, 'end').replace(/\s+/g, ' '));
  if (!cleaned) return null;

  const iso = ISO_RE.exec(cleaned);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
    const offset = h === undefined ? 0 : zoneOffsetMinutes(zone ?? null, Number(y), Number(mo), Number(d));
    if (offset === undefined) return null;
    return build(Number(y), Number(mo), Number(d), h, mi, s, null, offset, ms);
  }

  const monthFirst = MONTH_FIRST_RE.exec(cleaned);
  if (monthFirst) {
    const [, monthName = '', day, year, h, mi, s, meridiem, unit, zone] = monthFirst;
    const month = MONTHS[monthName.toLowerCase()];
    if (!month) return null;
    return withTime(Number(year), month, Number(day), h, minutes(mi, unit), s, meridiem ?? null, zone ?? null);
  }

  const dayFirst = DAY_FIRST_RE.exec(cleaned);
  if (dayFirst) {
    const [, day, monthName = '', year, h, mi, s, meridiem, unit, zone] = dayFirst;
    const month = MONTHS[monthName.toLowerCase()];
    if (!month) return null;
    return withTime(Number(year), month, Number(day), h, minutes(mi, unit), s, meridiem ?? null, zone ?? null);
  }
  return null;
}

/** The minutes of a time; an hour written with its unit alone ("8h", "9 Uhr") is on the hour. */
const minutes = (mi: string | undefined, unit: string | undefined): string | undefined =>
  mi ?? (unit ? '00' : undefined);

function stripWeekday(text: string): string {
  const match = /^([\p{L}-]+)\.?,?\s+/u.exec(text);
  if (match?.[1] && WEEKDAYS.has(match[1].toLowerCase())) return text.slice(match[0].length);
  return text;
}

function withTime(
  year: number,
  month: number,
  day: number,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  meridiem: string | null,
  zone: string | null,
): LooseDate | null {
  // A bare number after the date ("2026 10") is not a time; require minutes or am/pm.
  if (h !== undefined && mi === undefined && !meridiem) return null;
  const offset = h === undefined ? 0 : zoneOffsetMinutes(zone, year, month, day);
  if (offset === undefined) return null;
  return build(year, month, day, h, mi, s, meridiem, offset, 0);
}

function build(
  year: number,
  month: number,
  day: number,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  meridiem: string | null,
  offsetMinutes: number,
  ms: number,
): LooseDate | null {
  let hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    const pm = meridiem.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(local);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null; // e.g. 31 February
  return { iso: new Date(local - offsetMinutes * 60_000).toISOString(), dateOnly: h === undefined };
}

/** Minutes east of UTC for a zone token; undefined when the token is not a zone we know. */
export function zoneOffsetMinutes(zone: string | null, year: number, month: number, day: number): number | undefined {
  if (!zone) return 0;
  const token = zone.toLowerCase().replace(/\s/g, '');
  if (token in ZONE_OFFSETS) return ZONE_OFFSETS[token];
  if (token in US_GENERIC_ZONES) return (US_GENERIC_ZONES[token] ?? 0) + (isUsDaylightTime(year, month, day) ? 60 : 0);
  if (token in EU_LOCAL_ZONES) return (EU_LOCAL_ZONES[token] ?? 0) + (isEuSummerTime(year, month, day) ? 60 : 0);
  const numeric = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(token);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return undefined;
}

/** EU summer time: last Sunday of March to last Sunday of October (date granularity is enough here). */
function isEuSummerTime(year: number, month: number, day: number): boolean {
  const lastSunday = (m: number): number => {
    const last = new Date(Date.UTC(year, m, 0));
    return last.getUTCDate() - last.getUTCDay();
  };
  if (month < 3 || month > 10) return false;
  if (month > 3 && month < 10) return true;
  if (month === 3) return day >= lastSunday(3);
  return day < lastSunday(10);
}

/** US daylight time: second Sunday of March to first Sunday of November (date granularity is enough here). */
function isUsDaylightTime(year: number, month: number, day: number): boolean {
  const nthSunday = (m: number, n: number): number => {
    const firstDow = new Date(Date.UTC(year, m - 1, 1)).getUTCDay();
    return 1 + ((7 - firstDow) % 7) + (n - 1) * 7;
  };
  if (month < 3 || month > 11) return false;
  if (month > 3 && month < 11) return true;
  if (month === 3) return day >= nthSunday(3, 2);
  return day < nthSunday(11, 1);
}

export interface DateTextContext {
  /** The clock for relative dates ("3 hours ago"); without it they are not read. */
  now?: string | null;
  /** The page's language: settles "05/04/2026" when no weekday does (en → month first, others day first). */
  language?: string | null;
}

const TIME_FIRST_RE = new RegExp(
  String.raw`^(\d{1,2})(?:[:.h]| h )(\d{2})(?::(\d{2}))? ?(?:([ap]\.? ?m\.?) ?)?(?:(?:uhr|h) ?)?(?:${ZONE})?,? (?:(?:on|le|el|am|il|em) )?`,
  'iu',
);
const NUMERIC_DATE_RE = new RegExp(
  String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:,? (?:(?:um|à|a las|at|às|alle ore|alle|ore|-) )?(\d{1,2})(?:(?:[:.h]| h )(\d{2}))?(?::(\d{2}))? ?([ap]\.? ?m\.?)? ?(?:(uhr|horas|h)(?![a-z]))? ?(?:${ZONE})?)?$`,
  'iu',
);
const RELATIVE_RE =
  /^(?:(?:vor|il y a|hace|há|ha) (\d{1,3}|an?|une?|ein(?:em|er|en)?|una?|uma?) (\p{L}+)|(\d{1,3}|an?) (\p{L}+) (?:ago|fa))$/iu;
const RELATIVE_UNITS: Record<string, number> = {
  minute: 60_000,
  minutes: 60_000,
  min: 60_000,
  mins: 60_000,
  minuten: 60_000,
  minute_de: 60_000,
  minutos: 60_000,
  minuti: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  stunde: 3_600_000,
  stunden: 3_600_000,
  heure: 3_600_000,
  heures: 3_600_000,
  hora: 3_600_000,
  horas: 3_600_000,
  ora: 3_600_000,
  ore: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
  tag: 86_400_000,
  tagen: 86_400_000,
  jour: 86_400_000,
  jours: 86_400_000,
  día: 86_400_000,
  días: 86_400_000,
  dia: 86_400_000,
  dias: 86_400_000,
  giorno: 86_400_000,
  giorni: 86_400_000,
};
/** Labels before a date: "Updated", "Stand:", "Publié le", "Aktualisiert am"… (the caller reads whether it is an update). */
const DATE_LABEL_RE =
  /^(?:last updated|updated|published|posted|modified|date|stand|zuletzt aktualisiert|aktualisiert|veröffentlicht|erschienen|publié|mis à jour|publicado|actualizado|atualizado|pubblicato|aggiornato)(?: (?:on|at|am|um|le|el|em|il(?! y a )|a las|às))? ?:? ?/iu;
const WEEKDAY_INDEX: Record<string, number> = {};
[
  'sunday sun domingo dimanche sonntag domenica so dim',
  'monday mon lunes lundi montag lunedì lunedi segunda-feira mo lun seg',
  'tuesday tue tues martes mardi dienstag martedì martedi terça-feira terca-feira di ter',
  'wednesday wed miércoles miercoles mercredi mittwoch mercoledì mercoledi quarta-feira mi mer mié mie qua',
  'thursday thu thurs jueves jeudi donnerstag giovedì giovedi quinta-feira do jeu jue gio qui',
  'friday fri viernes vendredi freitag venerdì venerdi sexta-feira fr ven vie sex',
  'saturday sat sábado sabado samedi samstag sabato sa sam sáb sab',
].forEach((names, day) => names.split(' ').forEach((name) => (WEEKDAY_INDEX[name] = day)));
// (The abbreviations of the other languages are read before a date only — "Di., 05.05.2026", "jeu. 5 mai" —; "mar"
// is March as often as martes/mardi/martedì and is not among them.)

/** "Yesterday at 5:30 PM", "Heute, 09:30 Uhr", "Hier à 17h30", "Ayer a las 17:30", "Ontem às 17h30", "Oggi alle 9:30". */
const RELATIVE_DAY_RE =
  /^(today|yesterday|heute|gestern|aujourd['’]hui|hier|hoy|ayer|hoje|ontem|oggi|ieri),? (?:(?:at|um|à|a las|às|alle|alle ore) )?/iu;
const RELATIVE_DAY_BACK: Record<string, number> = {
  today: 0,
  heute: 0,
  "aujourd'hui": 0,
  'aujourd’hui': 0,
  hoy: 0,
  hoje: 0,
  oggi: 0,
  yesterday: 1,
  gestern: 1,
  hier: 1,
  ayer: 1,
  ontem: 1,
  ieri: 1,
};

/** A relative day and a time, against `now`'s day (UTC); the time as printed. */
function relativeDayTime(text: string, now: string | null): LooseDate | null {
  if (!now) return null;
  const day = RELATIVE_DAY_RE.exec(text);
  if (!day) return null;
  const time = TIME_FIRST_RE.exec(`${text.slice(day[0].length)} `);
  const clock = Date.parse(now);
  const back = RELATIVE_DAY_BACK[day[1]!.toLowerCase()];
  if (!time || back === undefined || Number.isNaN(clock)) return null;
  const date = new Date(clock - back * 86_400_000);
  return withTime(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    time[1],
    time[2],
    time[3],
    time[4] ?? null,
    time[5] ?? null,
  );
}

/**
 * A date as sites print it, beyond `parseLooseDate`: a label first ("Updated", "Stand:"), the time before the date
 * ("09:30 BST, 5 May 2026"), numeric dates with a time ("05.05.2026, 09:30 Uhr", "5/4/2026 3:10 pm"), the
 * day/month order of "05/04/2026" settled by the weekday, else the language; relative dates ("3 hours ago",
 * "vor 3 Stunden", "il y a 3 heures", "hace 3 horas", "há 3 horas", "3 ore fa") against `now`.
 */
export function parseDateText(text: string, context: DateTextContext = {}): LooseDate | null {
  let rest = trimChars(text.replace(/\s+/gu, ' ').trim(), '.,;', true, 'end');
  const label = DATE_LABEL_RE.exec(rest);
  if (label) rest = rest.slice(label[0].length);
  const weekdayMatch = /^([\p{L}-]+)\.?,? /u.exec(rest);
  const weekday = weekdayMatch ? WEEKDAY_INDEX[weekdayMatch[1]!.toLowerCase()] : undefined;
  if (weekday !== undefined) rest = rest.slice(weekdayMatch![0].length);
  const loose = parseLooseDate(rest);
  if (loose) return loose;

  const timeFirst = TIME_FIRST_RE.exec(rest);
  if (timeFirst && timeFirst[0].length < rest.length) {
    const date =
      parseLooseDate(rest.slice(timeFirst[0].length)) ?? numericDate(rest.slice(timeFirst[0].length), weekday, context);
    if (date?.dateOnly) {
      const [y, mo, d] = date.iso.slice(0, 10).split('-').map(Number) as [number, number, number];
      return withTime(y, mo, d, timeFirst[1], timeFirst[2], timeFirst[3], timeFirst[4] ?? null, timeFirst[5] ?? null);
    }
  }
  const numeric = numericDate(rest, weekday, context);
  if (numeric) return numeric;
  return relativeDate(rest, context.now ?? null) ?? relativeDayTime(rest, context.now ?? null);
}

/**
 * Whether a date parseDateText reads (without a clock) can start with this word: a digit, a month or weekday name, or
 * a date label's first word ("Updated", "Stand:", "Publié"). A cheap test for callers that look for a date among a
 * line's words, so they try a reading only where one can start.
 */
export function mayStartDate(word: string): boolean {
  if (/^\d/u.test(word)) return true;
  // `in`, as the tables are looked up by plain property access.
  const letters = /^[\p{L}-]+/u.exec(word)?.[0].toLowerCase() ?? '';
  return letters in MONTHS || letters in WEEKDAY_INDEX || WEEKDAYS.has(letters) || DATE_LABEL_START_RE.test(word);
}
/** The first words of DATE_LABEL_RE's labels, as prefixes (the label may run into the date: "Posted5 May 2026"). */
const DATE_LABEL_START_RE =
  /^(?:last|updated|published|posted|modified|date|stand|zuletzt|aktualisiert|veröffentlicht|erschienen|publié|mis|publicado|actualizado|atualizado|pubblicato|aggiornato)/iu;

const SHORT_YEAR_RE = new RegExp(`^(\\d{1,2})(?:er|\\.|º)? (?:de )?${WORD}\\.?,? (?:de )?(\\d{2})${TIME}$`, 'iu');

/**
 * A day, a month name and a two-digit year ("27 mars 20 à 9h21", "14 Gennaio 20"), read as 20yy. Only for text
 * known to be a date (after a "Published"/"Publié le" label): "3 May 20" alone may be a count.
 */
export function parseShortYearDate(text: string): LooseDate | null {
  const m = SHORT_YEAR_RE.exec(trimChars(text.replace(/\s+/gu, ' ').trim(), '.,;', true, 'end'));
  if (!m) return null;
  const [, day, monthName = '', year = '', h, mi, s, meridiem, unit, zone] = m;
  const month = MONTHS[monthName.toLowerCase()];
  if (!month) return null;
  return withTime(2000 + Number(year), month, Number(day), h, minutes(mi, unit), s, meridiem ?? null, zone ?? null);
}

function numericDate(text: string, weekday: number | undefined, context: DateTextContext): LooseDate | null {
  const m = NUMERIC_DATE_RE.exec(text);
  if (!m) return null;
  const [, a = '', sep, b = '', y = '', h, mi, s, meridiem, unit, zone] = m;
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  const first = Number(a);
  const second = Number(b);
  // Dots are day-first everywhere; slashes and dashes depend on the writer.
  let dayFirst = sep === '.' || first > 12 || !(context.language ?? '').toLowerCase().startsWith('en');
  if (second > 12) dayFirst = false;
  else if (first <= 12 && weekday !== undefined) {
    const asDayFirst = new Date(Date.UTC(year, second - 1, first)).getUTCDay();
    const asMonthFirst = new Date(Date.UTC(year, first - 1, second)).getUTCDay();
    if (asDayFirst === weekday && asMonthFirst !== weekday) dayFirst = true;
    else if (asMonthFirst === weekday && asDayFirst !== weekday) dayFirst = false;
  }
  const [day, month] = dayFirst ? [first, second] : [second, first];
  return withTime(year, month, day, h, minutes(mi, unit), s, meridiem ?? null, zone ?? null);
}

function relativeDate(text: string, now: string | null): LooseDate | null {
  if (!now) return null;
  const m = RELATIVE_RE.exec(text);
  if (!m) return null;
  const countText = (m[1] ?? m[3] ?? '').toLowerCase();
  const unit = RELATIVE_UNITS[(m[2] ?? m[4] ?? '').toLowerCase()];
  const count = /^\d+$/u.test(countText) ? Number(countText) : 1;
  const clock = Date.parse(now);
  if (unit === undefined || Number.isNaN(clock)) return null;
  return { iso: new Date(clock - count * unit).toISOString(), dateOnly: unit >= 86_400_000 };
}
