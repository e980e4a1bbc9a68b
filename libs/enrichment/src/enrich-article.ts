import {
  FIELD_LIMITS,
  type EnrichedArticle,
  type EntityCount,
  type ParsedItem,
  type SourceRef,
} from '@wirestream/contracts';
import { parseLooseDate, type DomDocument } from '@wirestream/formats';
import { cleanHtmlPage, cleanTextPage, type CleanedBody } from './chrome';
import { extractDateline, stripWireDateline } from './dateline';
import { extractEntities } from './entities';
import { contentHash, simhash64OfLowerCaseWords } from './fingerprint';
import { extractKeywords } from './keywords';
import { detectLanguageOfLowerCaseWords } from './language';
import { extractQuotes } from './quotes';
import { summarize, truncateAtWord } from './summary';
import { wordCountFromLowerCaseWords, words } from './text-units';

export interface EnrichArticleInput {
  id: string;
  version: number;
  source: SourceRef;
  item: ParsedItem;
  ingestedAt: string;
  /** The enrichment clock, passed in so the function stays pure. */
  now: string;
}

/** What a caller in the same thread may hand over besides the input (never sent to a worker: a DOM does not clone). */
export interface EnrichArticleOptions {
  /**
   * An HTML item's `content` already parsed by parseHtmlDocument (e.g. the document given to parseHtmlPage), so the
   * page is parsed once. Enrichment changes it: nothing may read it afterwards. Without it the page is parsed here.
   */
  htmlDocument?: DomDocument;
}

const WORDS_PER_MINUTE = 230;

/** Raw parsed item → the enriched-article contract (ARCHITECTURE.md): clean body, metadata, language, entities… */
export function enrichArticle(input: EnrichArticleInput, options: EnrichArticleOptions = {}): EnrichedArticle {
  const { item } = input;
  let cleaned: CleanedBody;
  let title = capTitle(item.title);
  let publishedAt = toIsoUtc(item.publishedAt);
  let byline = item.byline;
  let pageSiteName: string | null = null;

  if (item.contentType === 'text') {
    const page = cleanTextPage(item.content, {
      title: item.title,
      siteName: item.sourceName ?? input.source.name,
      url: item.url,
      byline: item.byline,
      layoutHint: item.textLayout ?? null,
      publishedAt: item.publishedAt,
    });
    cleaned = page;
    // The parser normally set these; re-reading the page covers items from producers that did not.
    title ??= capTitle(page.layout.title);
    publishedAt ??= page.layout.publishedAt;
    byline ??= page.layout.byline;
    pageSiteName = page.layout.siteName;
  } else {
    cleaned = cleanHtmlPage(item.content, {
      title: item.title,
      siteName: item.sourceName ?? input.source.name,
      url: item.url,
      document: options.htmlDocument,
    });
  }

  const { paragraphs, removed, relatedLinks } = cleaned;
  const body = paragraphs.join('\n\n');
  // One lower-cased tokenisation of the body serves language detection, the word count and the fingerprint.
  const lowerCaseWords = words(body.toLowerCase());
  const language = detectLanguageOfLowerCaseWords(lowerCaseWords, item.language);
  // Text analysis skips the wire dateline so "NAIROBI" and "(Reuters)" are not taken for content.
  const analysed = paragraphs.map((p, i) => (i === 0 ? stripWireDateline(p) : p));
  const entities = extractEntities(analysed, { title, language });
  const dateline = extractDateline(paragraphs[0], publishedAt, input.now);
  const wordCount = wordCountFromLowerCaseWords(body, lowerCaseWords);

  return {
    id: input.id,
    version: input.version,
    pubStatus: item.pubStatus,
    source: { id: input.source.id, name: item.sourceName ?? input.source.name ?? pageSiteName },
    url: item.url,
    canonicalUrl: item.url,
    title,
    subtitle: item.subtitle,
    byline,
    dateline,
    publishedAt,
    updatedAt: toIsoUtc(item.updatedAt),
    language,
    body,
    paragraphs,
    summary: summarize(analysed),
    keywords: extractKeywords(title, analysed, language),
    entities: {
      people: entities.people,
      places: withDatelinePlace(entities.places, dateline?.place ?? null),
      organizations: entities.organizations,
    },
    quotes: extractQuotes(analysed, entities, language),
    relatedLinks,
    removed,
    wordCount,
    readingTimeMinutes: Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE)),
    fingerprint: simhash64OfLowerCaseWords(lowerCaseWords),
    contentHash: contentHash(body),
    edNote: item.wire.edNote,
    ingestedAt: input.ingestedAt,
    enrichedAt: input.now,
  };
}

/** Titles are indexed: at most FIELD_LIMITS.title characters, cut at a word. */
function capTitle(title: string | null): string | null {
  return title === null ? null : truncateAtWord(title, FIELD_LIMITS.title);
}

function toIsoUtc(value: string | null): string | null {
  if (!value) return null;
  return parseLooseDate(value)?.iso ?? null;
}

/**
 * The dateline's city ("MILWAUKEE, March 18 (Lakeshore Wire) -") is where the story was filed: a place of the article,
 * though text analysis skips the dateline. Counted once more if the text names it too; a state or country after the
 * comma is left out ("Calif.").
 */
export function withDatelinePlace(places: EntityCount[], datelinePlace: string | null): EntityCount[] {
  const city = datelinePlace?.split(',')[0]?.trim();
  if (!city) return places;
  const known = places.find((p) => p.name.toLowerCase() === city.toLowerCase());
  const merged = known
    ? places.map((p) => (p === known ? { ...p, count: p.count + 1 } : p))
    : [...places, { name: city, count: 1 }];
  return merged.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
