import type { EnrichedArticle } from '@wirestream/contracts';
import { parseLooseDate } from '@wirestream/formats';

/**
 * Wire datelines at the start of the lead: "NAIROBI, June 10 (Reuters) -", "WASHINGTON (AP) —", "BOGOTÁ, Colombia —",
 * "MADRID, 5 may (EFE).-", "SÃO PAULO, 5 de maio (Reuters) -", "PARIS, 5 mai (AFP) -". The place is upper-case
 * (optionally followed by a region), then an optional date (month first or day first) and agency, then a dash.
 */
const WIRE_DATELINE_RE =
  /^((?:\p{Lu}[\p{Lu}.'’-]*)(?:\s+\p{Lu}[\p{Lu}.'’-]*){0,3})(?:,\s*(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2}))?(?:,\s*(\p{L}+\.?\s+\d{1,2}|\d{1,2}\.?\s+(?:de\s+)?\p{L}+\.?))?\s*(?:\(([^)]{2,30})\)\.?\s*)?[-–—]{1,2}\s+/u;
/**
 * A place written in title case is a dateline only with its agency: "Frankfurt/Main (dpa) -", "Genf, 5. Mai (AFP) -"
 * (German agencies' style); without one, "Washington — The Senate …" may be a sentence's subject.
 */
const AGENCY_DATELINE_RE =
  /^(?!(?:The|A|An|Der|Die|Das|Ein|Eine|Le|La|Les|Un|Une|El|Los|Las|Una|O|Os|As|Um|Uma|Il|Lo|Gli|I) )(\p{Lu}[\p{Ll}'’-]+(?:[\s/-](?:am |an der |im )?\p{Lu}[\p{Ll}'’.-]*){0,2})(?:,\s*(\d{1,2}\.?\s+\p{L}+\.?|\p{L}+\.?\s+\d{1,2}))?\s*\(([\p{L}/-]{2,20})\)\.?\s*[-–—]{1,2}\s+/u;
/** A dateline is a place, a date and an agency: the pattern only ever looks at this many leading characters. */
const MAX_DATELINE_CHARS = 200;

export type Dateline = NonNullable<EnrichedArticle['dateline']>;

/**
 * The wire dateline of the lead paragraph (place title-cased; date as YYYY-MM-DD using the publication year),
 * else a date-only dateline from publishedAt, else null.
 */
export function extractDateline(
  leadParagraph: string | undefined,
  publishedAt: string | null,
  now: string,
): Dateline | null {
  const match = matchWireDateline(leadParagraph);
  if (match) {
    const place = (match.cased ? match.place : titleCase(match.place)) + (match.region ? `, ${match.region}` : '');
    let date: string | null = null;
    if (match.date) {
      const year = (publishedAt ?? now).slice(0, 4);
      // "June 10, 2026" and "10 de junio 2026" both read.
      const written = /^\d/u.test(match.date) ? `${match.date} ${year}` : `${match.date}, ${year}`;
      date = parseLooseDate(written)?.iso.slice(0, 10) ?? null;
    }
    return { place, date: date ?? publishedAt?.slice(0, 10) ?? null };
  }
  return publishedAt ? { place: null, date: publishedAt.slice(0, 10) } : null;
}

/** The lead without its wire dateline ("NAIROBI, June 10 (Reuters) - "), so summaries and entities skip it. */
export function stripWireDateline(leadParagraph: string): string {
  const match = matchWireDateline(leadParagraph);
  return match ? leadParagraph.slice(match.length) : leadParagraph;
}

interface DatelineMatch {
  place: string;
  region: string | null;
  date: string | null;
  /** The place is written in title case already (kept as printed: "Frankfurt/Main"). */
  cased: boolean;
  /** Characters of the lead the dateline takes, with its dash and spaces. */
  length: number;
}

function matchWireDateline(leadParagraph: string | undefined): DatelineMatch | null {
  if (!leadParagraph) return null;
  const head = leadParagraph.slice(0, MAX_DATELINE_CHARS);
  const wire = WIRE_DATELINE_RE.exec(head);
  // Needs an all-caps place of 3+ letters, so "US —" or "I -" are not datelines.
  if (wire?.[1] && wire[1].replace(/[^\p{Lu}]/gu, '').length >= 3 && wire[1] === wire[1].toUpperCase())
    return { place: wire[1], region: wire[2] ?? null, date: wire[3] ?? null, cased: false, length: wire[0].length };
  const agency = AGENCY_DATELINE_RE.exec(head);
  if (agency?.[1])
    return { place: agency[1], region: null, date: agency[2] ?? null, cased: true, length: agency[0].length };
  return null;
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s'’-])(\p{L}+)/gu, (whole: string, sep: string, word: string) =>
    // Particles inside a place name stay lower case: "Stockton-on-Tees", "La Roche-sur-Yon", "Frankfurt am Main".
    sep && PLACE_PARTICLES.has(word) ? whole : sep + word.charAt(0).toUpperCase() + word.slice(1),
  );
}
const PLACE_PARTICLES = new Set([
  'of',
  'on',
  'upon',
  'under',
  'sur',
  'sous',
  'lès',
  'les',
  'en',
  'de',
  'del',
  'do',
  'da',
  'di',
  'am',
  'im',
  'an',
  'der',
  'la',
  'le',
]);
