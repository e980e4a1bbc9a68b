import type { ParsedItem } from '@wirestream/contracts';
import { parseLooseDate } from './dates';
import { decodeHtmlEntities } from './html-entities';
import { emptyParsedItem } from './parsed-item';
import type { PageParseOptions } from './parse-text-page';
import { normaliseSpaces } from './text-blocks';

const ARTICLE_TYPES = new Set(['newsarticle', 'article', 'reportagenewsarticle', 'analysisnewsarticle', 'blogposting', 'report']);

/**
 * Minimal HTML page reader: metadata from <title>, Open Graph / article: meta tags and JSON-LD; `content` is the
 * raw HTML (body extraction belongs to the enricher). A full extractor comes later.
 */
export function parseHtmlPage(html: string, options: PageParseOptions = {}): ParsedItem {
  const meta = readMetaTags(html);
  const ld = readJsonLdArticle(html);
  const item = emptyParsedItem('html', 'html', html);

  const titleTag = /<title[^>]*>([\s\S]*?)<\/title>/iu.exec(html)?.[1];
  item.title = firstText(meta.get('og:title'), ld?.headline, titleTag);
  item.subtitle = null;
  item.byline = firstText(meta.get('author'), meta.get('article:author'), authorName(ld?.author));
  item.publishedAt = firstDate(meta.get('article:published_time'), meta.get('datepublished'), ld?.datePublished, meta.get('date'));
  item.updatedAt = firstDate(meta.get('article:modified_time'), meta.get('datemodified'), ld?.dateModified);
  item.language = normaliseLanguage(/<html[^>]*\slang=["']?([a-z]{2,3}(?:-[a-z0-9]+)?)/iu.exec(html)?.[1] ?? ld?.inLanguage ?? meta.get('og:locale') ?? null);
  item.sourceName = options.sourceName ?? firstText(meta.get('og:site_name'), authorName(ld?.publisher));
  const canonical = /<link[^>]+rel=["']canonical["'][^>]*>/iu.exec(html)?.[0];
  item.url = options.url ?? firstText(canonical ? attribute(canonical, 'href') : undefined, meta.get('og:url'), ld?.url);
  return item;
}

type JsonLdArticle = Record<string, unknown> & {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  inLanguage?: string;
  url?: string;
  author?: unknown;
  publisher?: unknown;
};

function readMetaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/giu)) {
    const key = (attribute(tag, 'property') ?? attribute(tag, 'name') ?? attribute(tag, 'itemprop'))?.toLowerCase();
    const content = attribute(tag, 'content');
    if (key && content !== undefined && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'iu').exec(tag);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value === undefined ? undefined : decodeHtmlEntities(value);
}

function readJsonLdArticle(html: string): JsonLdArticle | null {
  for (const [, json] of html.matchAll(/<script[^>]+type=["']application\/ld\+json["'][^>]*>([\s\S]*?)<\/script>/giu)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json ?? '');
    } catch {
      continue; // Broken JSON-LD is common on real pages; the meta tags may still carry what we need.
    }
    const found = findArticleNode(parsed);
    if (found) return found;
  }
  return null;
}

function findArticleNode(node: unknown): JsonLdArticle | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findArticleNode(child);
      if (found) return found;
    }
    return null;
  }
  if (!node || typeof node !== 'object') return null;
  const record = node as Record<string, unknown>;
  const types = ([] as unknown[]).concat(record['@type'] ?? []).map((t) => String(t).toLowerCase());
  if (types.some((t) => ARTICLE_TYPES.has(t))) return record as JsonLdArticle;
  return findArticleNode(record['@graph'] ?? null);
}

function authorName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const names = value.map(authorName).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : undefined;
  }
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return (value as { name: string }).name;
  return undefined;
}

function firstText(...values: Array<string | undefined | null>): string | null {
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const text = normaliseSpaces(decodeHtmlEntities(value));
    if (text) return text;
  }
  return null;
}

function firstDate(...values: Array<string | undefined | null>): string | null {
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const parsed = parseLooseDate(value);
    if (parsed) return parsed.iso;
  }
  return null;
}

function normaliseLanguage(tag: string | null): string | null {
  const primary = tag?.split(/[-_]/u)[0]?.toLowerCase();
  return primary && /^[a-z]{2}$/u.test(primary) ? primary : null;
}
