import type { ParsedItem } from '@wirestream/contracts';
import { UnsupportedFormatError } from './errors';
import { decodeHtmlEntities } from './html-entities';
import { emptyParsedItem } from './parsed-item';
import {
  feedPublicationName,
  htmlToPlainText,
  ItemProblem,
  looksLikeHtml,
  type ParsedBatch,
  splitWireHeadline,
  uniqueStrings,
  WireContext,
  type WireParseOptions,
  withWirePrefix,
} from './wire-context';
import { attr, element, elements, parseXml, text, textContent, type XmlElement } from './xml';

export const RSS_NS = {
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  atom: 'http://www.w3.org/2005/Atom',
} as const;

/** An RSS 2.0 feed → one item per `<item>`; the channel title is the source name. */
export function parseRssFeed(xml: string, options: WireParseOptions = {}): ParsedBatch {
  return parseRssDocument(parseXml(xml), new WireContext(options));
}

export function parseRssDocument(root: XmlElement, ctx: WireContext): ParsedBatch {
  if (root.local !== 'rss') throw new UnsupportedFormatError(`Expected an RSS document (<rss>), found <${root.name}>.`);
  const channel = element(root, 'channel');
  if (!channel) throw new UnsupportedFormatError('The RSS document has no <channel>.');
  const sourceName =
    ctx.options.sourceName ??
    feedPublicationName(text(element(channel, 'title', null)), text(element(channel, 'link', null)));
  const language = text(element(channel, 'language', null)) ?? text(prefixed(channel, 'language', 'dc'));
  const items = elements(channel, 'item');
  items.forEach((item, index) => ctx.attempt(index, () => rssItem(item, index, ctx, sourceName, language)));
  return ctx.finish(true, 'The RSS feed has no <item> elements.');
}

function rssItem(
  item: XmlElement,
  index: number,
  ctx: WireContext,
  sourceName: string | null,
  language: string | null,
): ParsedItem {
  const where = `item ${index}`;
  const encoded = textContent(prefixed(item, 'encoded', 'content')).trim();
  const description = textContent(element(item, 'description', null)).trim();
  const rawTitle = textContent(element(item, 'title', null));
  const title = rawTitle.trim() ? htmlToPlainText(rawTitle, decodeHtmlEntities) || null : null;
  if (!title && !encoded && !description) {
    throw new ItemProblem('missing-content', `${where}: has no <title>, <description> or <content:encoded>`);
  }

  const content = encoded || description;
  const parsed = emptyParsedItem('rss', encoded || looksLikeHtml(description) ? 'html' : 'text', content);
  // Wire desks' feeds keep their prefixes ("UPDATE 2-", "EXCLUSIVE-"): desk metadata, as in NewsML and NITF.
  const headline = splitWireHeadline(title);
  parsed.title = headline.title;
  parsed.wire.edNote = withWirePrefix(null, headline.prefix);
  if (headline.urgent) parsed.wire.urgency = 1;
  if (encoded && description) {
    const summary = htmlToPlainText(description, decodeHtmlEntities);
    parsed.subtitle = summary && summary.length <= 500 ? summary : null;
  }

  const guidEl = element(item, 'guid', null);
  const guid = text(guidEl);
  parsed.externalId = guid;
  const link = text(element(item, 'link', null));
  const guidIsLink = guid && attr(guidEl, 'isPermaLink')?.toLowerCase() !== 'false' && /^https?:\/\//iu.test(guid);
  parsed.url = link ?? (guidIsLink ? guid : null);

  const creators = prefixedAll(item, 'creator', 'dc').map((c) => text(c));
  parsed.byline = uniqueStrings(creators).join(', ') || authorName(text(element(item, 'author', null)));

  const pubDate = text(element(item, 'pubDate', null));
  const dcDate = text(prefixed(item, 'date', 'dc'));
  parsed.publishedAt = ctx.date(pubDate ?? dcDate, `${where} ${pubDate ? 'pubDate' : 'dc:date'}`);
  const updated = text(element(item, 'updated', RSS_NS.atom)) ?? text(prefixed(item, 'modified', 'dc'));
  parsed.updatedAt = ctx.date(updated, `${where} updated`);
  parsed.versionCreatedAt = parsed.updatedAt ?? parsed.publishedAt;

  parsed.language = text(prefixed(item, 'language', 'dc')) ?? language;
  parsed.sourceName = sourceName;
  parsed.wire.subjects = uniqueStrings(
    [...elements(item, 'category', null), ...prefixedAll(item, 'subject', 'dc')].map((c) => text(c)),
  );
  return parsed;
}

/** "jane@example.org (Jane Doe)" → "Jane Doe"; a bare e-mail stays as written. */
function authorName(author: string | null): string | null {
  if (!author) return null;
  // As /\(([^)]+)\)\s*$/ would, without retrying from every "(" of a long run: the text in the last parentheses.
  const text = author.trimEnd();
  if (!text.endsWith(')')) return author;
  const open = text.indexOf('(', text.lastIndexOf(')', text.length - 2) + 1);
  return open !== -1 && open < text.length - 2 ? text.slice(open + 1, -1).trim() : author;
}

const PREFIX_NS: Record<string, string> = { content: RSS_NS.content, dc: RSS_NS.dc };

/** A namespaced child, also matched by its conventional prefix when the feed forgot to declare it. */
function prefixed(el: XmlElement, local: string, prefix: 'content' | 'dc'): XmlElement | null {
  return prefixedAll(el, local, prefix)[0] ?? null;
}

function prefixedAll(el: XmlElement, local: string, prefix: 'content' | 'dc'): XmlElement[] {
  return elements(el, local).filter((c) => c.ns === PREFIX_NS[prefix] || (c.ns === null && c.prefix === prefix));
}
