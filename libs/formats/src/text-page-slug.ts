import { archivedAddress, foldLetters, foldUmlautSpellings } from './text-page-host';

/**
 * The page address as a witness for the headline: most sites build the last path segment from the headline
 * ("/2026/05/04/harbour-strike-ends-after-three-weeks/"), so the line whose words best cover that slug is the
 * headline, wherever the scraper put it (after a long menu, under a banner, beside a teaser list). Words are
 * compared without case, accents and the ae/oe/ue spellings of umlauts, so "Grünfläche" meets "gruenflaeche".
 */

/** A slug needs this many words to say anything (shorter ones are section names: "/politik/", "/about-us/"). */
const MIN_SLUG_WORDS = 3;
/** Lines longer than this are paragraphs, not headlines. */
const MAX_HEADLINE_CHARS = 250;
/** Lines whose words are mostly not in the slug, or that cover too little of it, are not taken. */
const MIN_MATCH_F1 = 0.5;
/** Word tokens (not numbers) a line must share with the slug. */
const MIN_SHARED_WORDS = 2;
/** A file extension at the end of the slug is not a word of it. */
const EXTENSION_RE = /\.(?:s?html?|php\d?|aspx?|jsp|cms)$/iu;

/** Case-, accent- and umlaut-spelling-insensitive word key ("Grüße" and "gruesse" → "grusse"). */
function wordKey(word: string): string {
  return foldUmlautSpellings(foldLetters(word));
}

function words(text: string): string[] {
  return wordKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Ids in slugs ("c_1125597921", "01hdgzyyg1b1", "90871") are not headline words; short numbers ("2026", "5") are. */
const isIdToken = (token: string): boolean => /\d/u.test(token) && token.length > 4;

/**
 * The headline words of an address: the path segment with the most words (the last of equals), without ids and
 * file extensions. Empty when the address has no segment of at least three words.
 */
export function slugWords(url: string | null | undefined): string[] {
  if (!url) return [];
  let path: string;
  try {
    path = new URL(archivedAddress(url) ?? url).pathname;
  } catch {
    return [];
  }
  let best: string[] = [];
  for (const raw of path.split('/')) {
    let segment = raw;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      // a stray "%" leaves the segment as written
    }
    const tokens = words(segment.replace(EXTENSION_RE, '')).filter((t) => !isIdToken(t));
    if (tokens.length >= best.length) best = tokens;
  }
  return best.length >= MIN_SLUG_WORDS ? best : [];
}

export interface SlugMatch {
  /** Share of the slug's distinct words the line has. */
  recall: number;
  /** Harmonic mean of recall and the share of the line's words that are in the slug. */
  f1: number;
  /** Distinct non-numeric words shared. */
  shared: number;
}

const NO_MATCH: SlugMatch = { recall: 0, f1: 0, shared: 0 };

/** How well a line spells the slug (see SlugMatch). */
export function slugMatch(line: string, slug: ReadonlySet<string>): SlugMatch {
  if (slug.size === 0 || line.length > MAX_HEADLINE_CHARS) return NO_MATCH;
  const tokens = words(line);
  if (!tokens.length) return NO_MATCH;
  let inSlug = 0;
  const distinct = new Set<string>();
  for (const token of tokens) {
    if (!slug.has(token)) continue;
    inSlug += 1;
    if (!/^\d+$/u.test(token)) distinct.add(token);
  }
  const precision = inSlug / tokens.length;
  const recall = distinct.size / slug.size;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { recall, f1, shared: distinct.size };
}

/** Crumb and list markers a scraper leaves before a heading ("| Title", "› Title", "» Title"). */
const LEADING_MARK_RE = /^(?:[|›>•·]|» )+\s*/u;

/** A heading without the crumb marker glued before it. */
export function stripLeadingMark(line: string): string {
  return line.replace(LEADING_MARK_RE, '');
}

/**
 * The block that best spells the page address's slug, with its match; null when the address has no slug or no
 * line matches well enough. `skip` rejects blocks that cannot be headlines (date lines, …).
 */
export function slugHeadline(
  blocks: readonly string[],
  url: string | null | undefined,
  skip: (block: string, index: number) => boolean = () => false,
): { index: number; match: SlugMatch } | null {
  const slug = new Set(slugWords(url));
  if (slug.size === 0) return null;
  let best: { index: number; match: SlugMatch } | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const block = stripLeadingMark(blocks[i] ?? '');
    if (block.length > MAX_HEADLINE_CHARS) continue;
    const match = slugMatch(block, slug);
    if (match.shared < MIN_SHARED_WORDS || match.f1 < MIN_MATCH_F1) continue;
    if (best && match.f1 <= best.match.f1) continue;
    if (skip(block, i)) continue;
    best = { index: i, match };
  }
  return best;
}

/** The slug line replaces the headline found by layout only when it covers this much more of the slug. */
const SLUG_RECALL_MARGIN = 0.25;

/**
 * The index of a block that spells the address's slug clearly better than `current` (the headline the layout
 * found, or null): it must cover at least a quarter more of the slug's words. A headline that already covers
 * the slug as well ("Golf on TV: …" for "/golf-on-tv/") stays, however many words it adds. The block next to
 * `currentIndex` needs only to beat it on both recall and F1.
 */
export function betterSlugHeadline(
  blocks: readonly string[],
  url: string | null | undefined,
  current: string | null,
  skip?: (block: string, index: number) => boolean,
  currentIndex?: number,
): number | null {
  const found = slugHeadline(blocks, url, skip);
  if (!found) return null;
  const slug = new Set(slugWords(url));
  const currentMatch = current ? slugMatch(stripLeadingMark(current), slug) : NO_MATCH;
  if (found.match.recall >= currentMatch.recall + SLUG_RECALL_MARGIN) return found.index;
  // Two-line stacks (a kicker over the headline, a headline over its subtitle): of the two neighbours, the one
  // spelling the slug more closely and more fully is the headline, however small the gain.
  const neighbour = currentIndex !== undefined && currentIndex >= 0 && Math.abs(found.index - currentIndex) === 1;
  return neighbour && found.match.recall > currentMatch.recall && found.match.f1 > currentMatch.f1 ? found.index : null;
}
