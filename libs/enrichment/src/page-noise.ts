/**
 * Page text that names platforms and places without being about them: share and follow lines, navigation rows,
 * postcodes. The entity tagger skips these so "Facebook" from a share bar or "SW1A 1AA" from an address is not
 * taken for an organisation. Word lookups only; each paragraph is read once.
 */

const PLATFORMS = new Set(
  'facebook twitter x whatsapp linkedin pinterest reddit telegram messenger flipboard instagram youtube tiktok threads bluesky mastodon xing email e-mail mail print rss snapchat tumblr vk line viber'.split(
    ' ',
  ),
);
const SHARE_WORDS = new Set(
  'share shares sharing tweet teilen partager compartir compartilhar condividi follow folgen suivez suivre síguenos siga-nos seguici copy link kopieren copier copiar on us auf sur en em su via this article page story the and und et y e or oder ou o with mit avec con com us uns nous nos in im'.split(
    ' ',
  ),
);
const FIRST_WORD_RE = /[^\s|•·,:;/()–—-]+/u;

/** Longest line still read as a share, follow or navigation line. */
const MAX_NOISE_LINE = 240;

/**
 * "Share on Facebook | Share on Twitter", "Follow us on Facebook, Twitter and Instagram", "Teilen: WhatsApp
 * Facebook E-Mail": every word is a platform or a share/follow word, and at least one platform and one such verb
 * (or two platforms) appear.
 */
export function isShareLine(paragraph: string): boolean {
  if (paragraph.length > MAX_NOISE_LINE) return false;
  // Most paragraphs fail on their first word: checked before splitting the whole line.
  const first = FIRST_WORD_RE.exec(paragraph)?.[0]?.toLowerCase() ?? '';
  if (!PLATFORMS.has(first) && !SHARE_WORDS.has(first)) return false;
  let platforms = 0;
  let verbs = 0;
  for (const raw of paragraph.toLowerCase().split(/[\s|•·,:;/()–—-]+/u)) {
    if (!raw) continue;
    if (PLATFORMS.has(raw)) platforms++;
    else if (SHARE_WORDS.has(raw)) verbs++;
    else return false;
  }
  return platforms >= 2 || (platforms >= 1 && verbs >= 1);
}

const NAV_SEPARATOR_RE = /\s[|•·›»/]\s/u;

/** "Home | News | Sport | Business": four or more short items between separators. */
export function isNavigationLine(paragraph: string): boolean {
  if (paragraph.length > MAX_NOISE_LINE || !NAV_SEPARATOR_RE.test(paragraph)) return false;
  const items = paragraph.split(/\s[|•·›»/]\s/u);
  return items.length >= 4 && items.every((item) => item.trim().split(/\s+/u).length <= 3);
}

const OUTWARD_RE = /^\p{Lu}{1,2}\d[\p{Lu}\d]?$/u; // SW1A, EC2V, M5V
const INWARD_RE = /^\d\p{Lu}(?:\p{Lu}|\d)$/u; // 1AA, 2T6

/**
 * How many tokens at the end of a capitalised run are a postcode: a UK or Canadian outward + inward code
 * ("SW1A 1AA", "M5V 2T6", with a province or state code before it: "ON M5V 2T6"), or a US state code before a
 * ZIP ("NY 10118"). `after` is the text right after the run.
 */
export function postcodeTail(tokens: readonly string[], after: string): number {
  const n = tokens.length;
  const last = tokens[n - 1] ?? '';
  if (n >= 2 && INWARD_RE.test(last) && OUTWARD_RE.test(tokens[n - 2] ?? '')) {
    return n >= 3 && /^\p{Lu}{2}$/u.test(tokens[n - 3] ?? '') ? 3 : 2;
  }
  if (/^\p{Lu}{2}$/u.test(last) && /^,?\s\d{5}(?:-\d{4})?(?!\d)/u.test(after)) return 1;
  return 0;
}
