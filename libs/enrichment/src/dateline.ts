import type { EnrichedArticle } from '@wirestream/contracts';
import { parseLooseDate } from '@wirestream/formats';

/**
 * Wire datelines at the start of the lead: "NAIROBI, June 10 (Reuters) -", "WASHINGTON (AP) —",
 * "BOGOTÁ, Colombia —". The place is upper-case (optionally followed by a region), then an optional date and
 * agency, then a dash.
 */
const WIRE_DATELINE_RE =
  /^((?:\p{Lu}[\p{Lu}.'’-]*)(?:\s+\p{Lu}[\p{Lu}.'’-]*){0,3})(?:,\s*(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2}))?(?:,\s*(\p{L}+\.?\s+\d{1,2}))?\s*(?:\(([^)]{2,30})\)\.?\s*)?[-–—]{1,2}\s+/u;
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
  if (match?.[1]) {
    const place = titleCase(match[1]) + (match[2] ? `, ${match[2]}` : '');
    let date: string | null = null;
    if (match[3]) {
      const year = (publishedAt ?? now).slice(0, 4);
      date = parseLooseDate(`${match[3]}, ${year}`)?.iso.slice(0, 10) ?? null;
    }
    return { place, date: date ?? publishedAt?.slice(0, 10) ?? null };
  }
  return publishedAt ? { place: null, date: publishedAt.slice(0, 10) } : null;
}

/** The lead without its wire dateline ("NAIROBI, June 10 (Reuters) - "), so summaries and entities skip it. */
export function stripWireDateline(leadParagraph: string): string {
  const match = matchWireDateline(leadParagraph);
  return match ? leadParagraph.slice(match[0].length) : leadParagraph;
}

function matchWireDateline(leadParagraph: string | undefined): RegExpExecArray | null {
  const match = leadParagraph ? WIRE_DATELINE_RE.exec(leadParagraph.slice(0, MAX_DATELINE_CHARS)) : null;
  // Needs an all-caps place of 3+ letters, so "US —" or "I -" are not datelines.
  if (!match?.[1] || match[1].replace(/[^\p{Lu}]/gu, '').length < 3 || match[1] !== match[1].toUpperCase()) return null;
  return match;
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
