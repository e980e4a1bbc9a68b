import type { ParsedItem } from '@wirestream/contracts';
import { decodeHtmlEntities } from './html-entities';
import { extractHtmlDates, type HtmlDates } from './html-date';
import { elementText, parseHtmlDocument, readMetaTags, toArray, type DomDocument, type DomElement } from './html-dom';
import { flattenedText } from './html-flatten';
import { emptyParsedItem } from './parsed-item';
import type { PageParseOptions } from './parse-text-page';
import { normaliseSpaces } from './text-blocks';
import { analyzeTextPageLayout, type TextPageLayout } from './text-page-layout';
import { foldedKey, nameFitsHost, pageHost } from './text-page-host';

const ARTICLE_TYPES = new Set([
  'newsarticle',
  'article',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'blogposting',
  'report',
  'webpage',
  'liveblogposting',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'scholarlyarticle',
  'techarticle',
]);

export interface HtmlPageOptions extends PageParseOptions {
  /** ISO date/time of "now": dates after it are not taken as the publication date. */
  now?: string | null;
  /**
   * `html` already parsed by parseHtmlDocument, when the caller has it (it is only read here): a caller that goes on
   * to enrich the page passes the same document to enrichArticle, so the page is parsed once.
   */
  document?: DomDocument;
}

export interface HtmlPageMetadata {
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  language: string | null;
  dates: HtmlDates;
}

/**
 * An HTML page → one ParsedItem: title, subtitle, byline, dates, language, site name and canonical URL from
 * JSON-LD, Open Graph / meta tags and the markup (see html-date.ts for the date rules). `content` stays the raw
 * HTML; main-text extraction belongs to the enricher.
 */
export function parseHtmlPage(html: string, options: HtmlPageOptions = {}): ParsedItem {
  const doc = options.document ?? parseHtmlDocument(html);
  const meta = readHtmlMetadata(doc, { url: options.url ?? null, now: options.now ?? null });
  const item = emptyParsedItem('html', 'html', html);
  item.title = meta.title;
  item.subtitle = meta.subtitle;
  item.byline = meta.byline;
  item.publishedAt = meta.dates.published?.iso ?? null;
  item.updatedAt = meta.dates.modified?.iso ?? null;
  item.language = meta.language;
  item.sourceName = options.sourceName ?? meta.siteName;
  item.url = options.url ?? meta.canonicalUrl;
  return item;
}

export function readHtmlMetadata(
  doc: DomDocument,
  options: { url?: string | null; now?: string | null } = {},
): HtmlPageMetadata {
  const meta = readMetaTags(doc, { skipBlank: true });
  const ld = readJsonLdArticle(doc);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const canonicalUrl = absoluteUrl(
    firstText(canonical, meta.get('og:url'), typeof ld?.url === 'string' ? ld.url : undefined),
    options.url ?? null,
  );
  const h1 = doc.querySelector('article h1') ?? doc.querySelector('h1');
  const declaredTitle = firstText(meta.get('og:title'), ld?.headline, meta.get('twitter:title'));
  const declaredSite = firstText(
    meta.get('og:site_name'),
    authorName(ld?.publisher),
    meta.get('application-name'),
    meta.get('publisher'),
  );
  // A page without metadata (older markup, small sites) is read as its text reads: the headline, byline and site
  // name lines of the text-page layout.
  let layout: TextPageLayout | null | undefined;
  const textLayout = (): TextPageLayout | null => {
    if (layout === undefined)
      layout = doc.body ? analyzeTextPageLayout(flattenedText(doc.body), { url: options.url ?? null }) : null;
    return layout;
  };
  const titleTagText = doc.querySelector('title')?.textContent ?? null;
  const titleTag = stripSiteSuffix(titleTagText);
  const h1Text = elementText(h1);
  // The h1 of many templates is the site's logo: then the headline is the layout's, then the <title>'s.
  const fallbackTitle = (): string | null => {
    const site = textLayout()?.siteName;
    const h1IsSite = site !== null && site !== undefined && h1Text.toLowerCase() === site.toLowerCase();
    return firstText(h1IsSite ? null : h1Text, textLayout()?.title, titleTag);
  };
  const title = withoutSiteSuffix(declaredTitle, declaredSite, options.url) ?? fallbackTitle();
  return {
    title,
    subtitle: firstText(
      ld?.alternativeHeadline,
      elementText(
        doc.querySelector(
          '[class*="subtitle"],[class*="standfirst"],[class*="subheadline"],[class*="sub-headline"],[class*="dek"],[itemprop="alternativeHeadline"]',
        ),
      ),
    ),
    // The layout costs ~4 ms a page: read for the byline only where the metadata is missing anyway.
    byline: readByline(doc, meta, ld) ?? (declaredTitle && declaredSite ? null : firstText(textLayout()?.byline)),
    siteName: declaredSite ?? undeclaredSiteName(textLayout()?.siteName ?? null, titleTagText, title, options.url),
    canonicalUrl,
    language: normaliseLanguage(
      doc.documentElement?.getAttribute('lang') ??
        doc.documentElement?.getAttribute('xml:lang') ??
        (typeof ld?.inLanguage === 'string' ? ld.inLanguage : null) ??
        meta.get('og:locale') ??
        meta.get('content-language') ??
        meta.get('language') ??
        null,
    ),
    dates: withPrintedDate(
      extractHtmlDates(doc, { url: options.url ?? canonicalUrl, now: options.now ?? null }),
      // Only where the layout is read anyway (see above): it costs ~4 ms a page.
      declaredTitle && declaredSite ? null : (textLayout()?.publishedAt ?? null),
      options.now ?? null,
    ),
  };
}

type JsonLdArticle = Record<string, unknown> & {
  headline?: string;
  alternativeHeadline?: string;
  inLanguage?: unknown;
  url?: unknown;
  author?: unknown;
  publisher?: unknown;
};

function readJsonLdArticle(doc: DomDocument): JsonLdArticle | null {
  let fallback: JsonLdArticle | null = null;
  for (const el of toArray(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(el.textContent ?? '');
    } catch {
      continue; // Broken JSON-LD is common on real pages; the meta tags may still carry what we need.
    }
    const found = findArticleNode(parsed, 0);
    if (found && !/^webpage$/iu.test(String(found['@type']))) return found;
    fallback ??= found;
  }
  return fallback;
}

function findArticleNode(node: unknown, depth: number): JsonLdArticle | null {
  if (depth > 4) return null;
  if (Array.isArray(node)) {
    let page: JsonLdArticle | null = null;
    for (const child of node) {
      const found = findArticleNode(child, depth + 1);
      if (found && !/^webpage$/iu.test(String(found['@type']))) return found;
      page ??= found;
    }
    return page;
  }
  if (!node || typeof node !== 'object') return null;
  const record = node as Record<string, unknown>;
  const types = ([] as unknown[]).concat(record['@type'] ?? []).map((t) => String(t).toLowerCase());
  if (types.some((t) => ARTICLE_TYPES.has(t) && t !== 'webpage')) return record as JsonLdArticle;
  const inGraph = findArticleNode(record['@graph'] ?? null, depth + 1);
  if (inGraph) return inGraph;
  return types.includes('webpage') ? (record as JsonLdArticle) : null;
}

function readByline(doc: DomDocument, meta: Map<string, string>, ld: JsonLdArticle | null): string | null {
  const metaAuthor = [
    meta.get('author'),
    meta.get('article:author'),
    meta.get('dc.creator'),
    meta.get('byl'),
    meta.get('parsely-author'),
    meta.get('sailthru.author'),
  ].find((v) => v && !/^https?:/iu.test(v.trim()));
  const fromMarkup = (): string | undefined => {
    const el: DomElement | null = doc.querySelector(
      '[itemprop="author"] [itemprop="name"],[rel="author"],[class*="byline__name"],[class*="author-name"],[class~="author"],[itemprop="author"],[class*="byline"]',
    );
    const text = elementText(el).replace(/^(?:by|von|por|par|di)\s+/iu, '');
    return text && text.length <= 80 ? text : undefined;
  };
  return firstText(authorName(ld?.author), metaAuthor, fromMarkup());
}

function authorName(value: unknown): string | undefined {
  if (typeof value === 'string') return /^https?:/iu.test(value) ? undefined : value;
  if (Array.isArray(value)) {
    const names = [...new Set(value.map(authorName).filter((n): n is string => !!n))];
    return names.length ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string')
    return (value as { name: string }).name;
  return undefined;
}

/**
 * html-date's sources that guess when a page has no metadata: dates anywhere in the text or the head, script data,
 * elements whose class says "date" and <time> elements not marked as the publication's (comments, sidebars).
 */
const GUESSED_DATE_SOURCES = new Set(['text', 'head', 'script', 'element', 'time']);

/**
 * A page without metadata prints its date by the headline ("Published: March 14, 2006"), where its reader looks;
 * html-date, without metadata, guesses from the dates anywhere in the text (a comment, a sidebar, the footer).
 */
function withPrintedDate(dates: HtmlDates, printed: string | null, now: string | null): HtmlDates {
  if (!printed || (dates.published && !GUESSED_DATE_SOURCES.has(dates.published.source))) return dates;
  const date = printed.slice(0, 10);
  // The same day from html-date may carry the time and zone the text leaves out.
  if ((now && date > now.slice(0, 10)) || dates.published?.date === date) return dates;
  return { ...dates, published: { date, iso: printed, source: 'layout' } };
}

/**
 * The site name of a page that declares none. The layout's falls back to the bare host when nothing printed names
 * the site; the <title>'s other segment ("Headline | Coastal Courier") names it as the site writes it.
 */
function undeclaredSiteName(
  layoutName: string | null,
  titleTag: string | null,
  headline: string | null,
  url: string | null | undefined,
): string | null {
  const host = pageHost(url);
  const onlyHost = layoutName === null || (host !== null && layoutName.toLowerCase() === host.host);
  return firstText((onlyHost ? titleSiteSegment(titleTag, headline, url) : null) ?? layoutName);
}

/** A site name is short: "Evening Standard", "Mix 107.3 KIOW", "Fandom powered by Wikia". */
const MAX_SITE_SEGMENT_CHARS = 50;
const MAX_SITE_SEGMENT_WORDS = 6;
/** "Headline | by Jane Roe | Site": the author's segment. */
const BYLINE_SEGMENT_RE = /^(?:by|von|por|par|di|da|door) /iu;

/**
 * The segment of "Headline | Site" or "Site - Headline" that is not the headline: the title must have a segment
 * the headline reads as, at one end. Of the other segments ("Headline | Site | Section", "Headline - Section -
 * Site") the one spelling the host names the site, else the far end; a lone word not spelling the host is a
 * section ("Politik", "Sociedad"), not the site.
 */
export function titleSiteSegment(
  titleTag: string | null,
  headline: string | null,
  url: string | null | undefined,
): string | null {
  if (!titleTag || !headline) return null;
  const parts = splitTitle(titleTag);
  if (parts.length < 2) return null;
  const headlineKey = foldedKey(headline);
  const isHeadline = (part: string): boolean => {
    const key = foldedKey(part);
    return key.length >= 8 && (headlineKey.includes(key) || key.includes(headlineKey));
  };
  const rest = isHeadline(parts[0] ?? '')
    ? parts.slice(1).reverse()
    : isHeadline(parts[parts.length - 1] ?? '')
      ? parts.slice(0, -1)
      : [];
  const host = pageHost(url);
  const spellsHost = (part: string): boolean => host !== null && nameFitsHost(part, host);
  const candidates = rest.filter(
    (part) => !isHeadline(part) && looksLikeSiteName(part) && (part.includes(' ') || spellsHost(part)),
  );
  return candidates.find(spellsHost) ?? candidates[0] ?? null;
}

function looksLikeSiteName(part: string): boolean {
  return (
    part.length <= MAX_SITE_SEGMENT_CHARS &&
    part.split(' ').length <= MAX_SITE_SEGMENT_WORDS &&
    /\p{L}/u.test(part) &&
    !BYLINE_SEGMENT_RE.test(part) &&
    !/\d{1,2}[./]\d{1,2}[./]\d{2,4}/u.test(part)
  );
}

function splitTitle(title: string): string[] {
  // Spaces collapsed first: a split on /\s+[|]\s+/ is retried along every run of spaces (quadratic).
  return title
    .replace(/\s+/gu, ' ')
    .trim()
    .split(/ [|–—·•»-] /u);
}

/** A separator between a title's headline and the site's name. */
const TITLE_SEPARATOR_RE = / [|–—·•»-] /gu;
/** A headline left after its site suffix is cut is no shorter than this ("Villa Galaxy" stays whole). */
const MIN_HEADLINE_CHARS = 15;

/**
 * The declared title without the site's name many sites append to it ("Storm closes ports | Coastal Courier",
 * "Storm closes ports - Courier.de"): from the first segment that is the declared site name or spells the host.
 */
export function withoutSiteSuffix(
  title: string | null,
  siteName: string | null,
  url: string | null | undefined,
): string | null {
  if (!title) return title;
  const text = title.replace(/\s+/gu, ' ').trim();
  const siteKey = siteName ? foldedKey(siteName) : '';
  const host = pageHost(url);
  const namesSite = (segment: string): boolean => {
    const key = foldedKey(segment);
    if (key.length < 2) return false;
    if (
      siteKey &&
      (key === siteKey || (key.length >= 4 && siteKey.length >= 4 && (siteKey.includes(key) || key.includes(siteKey))))
    )
      return true;
    return host !== null && nameFitsHost(segment, host);
  };
  const separators = [...text.matchAll(TITLE_SEPARATOR_RE)];
  const segmentAfter = (i: number): string =>
    text.slice((separators[i]?.index ?? 0) + (separators[i]?.[0].length ?? 0), separators[i + 1]?.index ?? text.length);
  for (let i = 0; i < separators.length; i++) {
    if ((separators[i]?.index ?? 0) < MIN_HEADLINE_CHARS) continue;
    const segment = segmentAfter(i);
    if (!looksLikeSiteName(segment) || !namesSite(segment)) continue;
    // Ratings and ornaments between the headline and the name ("Headline » ☆☆☆☆☆ - Site") go with the name.
    let cut = i;
    while (cut > 0 && (separators[cut - 1]?.index ?? 0) >= MIN_HEADLINE_CHARS && !/\p{L}/u.test(segmentAfter(cut - 1)))
      cut -= 1;
    return text.slice(0, separators[cut]?.index ?? text.length);
  }
  return text;
}

/** "Storm closes ports | Coastal Courier" → "Storm closes ports" (only for the <title> fallback). */
function stripSiteSuffix(title: string | null): string | null {
  if (!title) return null;
  const parts = splitTitle(title);
  return parts.length > 1 && (parts[0] ?? '').length >= 15 ? (parts[0] ?? title) : title;
}

function absoluteUrl(url: string | null, base: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url, base ?? undefined).toString();
  } catch {
    return /^https?:\/\//iu.test(url) ? url : null;
  }
}

function firstText(...values: Array<string | undefined | null>): string | null {
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const text = normaliseSpaces(decodeHtmlEntities(value));
    if (text) return text;
  }
  return null;
}

function normaliseLanguage(tag: string | null): string | null {
  const primary = tag?.split(/[-_]/u)[0]?.toLowerCase();
  return primary && /^[a-z]{2}$/u.test(primary) ? primary : null;
}
