import type { ParsedItem } from '@wirestream/contracts';
import { UnsupportedFormatError } from './errors';
import { decodeHtmlEntities } from './html-entities';
import { emptyParsedItem } from './parsed-item';
import {
  feedPublicationName,
  htmlToPlainText,
  ItemProblem,
  type ParsedBatch,
  splitWireHeadline,
  uniqueStrings,
  WireContext,
  type WireParseOptions,
  withWirePrefix,
} from './wire-context';
import {
  attr,
  element,
  elements,
  parseXml,
  serializeChildrenAsHtml,
  text,
  textContent,
  xmlLang,
  type XmlElement,
} from './xml';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** An Atom 1.0 feed → one item per `<entry>`; the feed title is the source name. A lone `<entry>` works too. */
export function parseAtomFeed(xml: string, options: WireParseOptions = {}): ParsedBatch {
  return parseAtomDocument(parseXml(xml), new WireContext(options));
}

export function parseAtomDocument(root: XmlElement, ctx: WireContext): ParsedBatch {
  if (root.ns !== ATOM_NS || (root.local !== 'feed' && root.local !== 'entry')) {
    throw new UnsupportedFormatError(
      `Expected an Atom 1.0 <feed> in namespace ${ATOM_NS}, found <${root.name}>${root.ns ? ` in ${root.ns}` : ''}.`,
    );
  }
  if (root.local === 'entry') {
    ctx.attempt(0, () => atomEntry(root, feedContext(null), 0, ctx));
    return ctx.finish(false, 'The Atom entry is empty.');
  }
  const feed = feedContext(root);
  elements(root, 'entry', ATOM_NS).forEach((entry, index) =>
    ctx.attempt(index, () => atomEntry(entry, feed, index, ctx)),
  );
  return ctx.finish(true, 'The Atom feed has no <entry> elements.');
}

/**
 * What entries inherit from their feed, read once per document: looked up per entry, each lookup walks the feed's
 * children (every entry), which made a feed of entries without <author> quadratic.
 */
interface FeedContext {
  el: XmlElement | null;
  authors: XmlElement[];
  title: string | null;
  /** xml:base of the feed, else its alternate link: the base of relative entry links. */
  base: string | null;
}

function feedContext(feed: XmlElement | null): FeedContext {
  return {
    el: feed,
    authors: elements(feed, 'author', ATOM_NS),
    title: feed ? textConstruct(element(feed, 'title', ATOM_NS), 'text') : null,
    base:
      attr(feed, 'base', 'http://www.w3.org/XML/1998/namespace') ??
      attr(
        elements(feed, 'link', ATOM_NS).find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate'),
        'href',
      ),
  };
}

function atomEntry(entry: XmlElement, feed: FeedContext, index: number, ctx: WireContext): ParsedItem {
  const where = `entry ${index}`;
  const title = textConstruct(element(entry, 'title', ATOM_NS), 'text');
  const contentEl = element(entry, 'content', ATOM_NS);
  const summaryEl = element(entry, 'summary', ATOM_NS);
  const bodyEl = contentEl && textConstruct(contentEl, 'html') ? contentEl : summaryEl;
  const body = textConstruct(bodyEl, 'html');
  if (!title && !body) throw new ItemProblem('missing-content', `${where}: has no <title>, <content> or <summary>`);

  const item = emptyParsedItem('atom', body && constructType(bodyEl) !== 'text' ? 'html' : 'text', body ?? '');
  const headline = splitWireHeadline(title);
  item.title = headline.title;
  item.wire.edNote = withWirePrefix(null, headline.prefix);
  if (headline.urgent) item.wire.urgency = 1;
  if (bodyEl === contentEl && summaryEl) item.subtitle = textConstruct(summaryEl, 'text');
  item.externalId = text(element(entry, 'id', ATOM_NS));
  item.url = alternateLink(entry, feed);
  const authors = elements(entry, 'author', ATOM_NS);
  const names = (authors.length ? authors : feed.authors).map((a) => text(element(a, 'name', ATOM_NS)));
  item.byline = uniqueStrings(names).join(', ') || null;
  item.updatedAt = ctx.date(text(element(entry, 'updated', ATOM_NS)), `${where} updated`);
  item.publishedAt = ctx.date(text(element(entry, 'published', ATOM_NS)), `${where} published`) ?? item.updatedAt;
  item.versionCreatedAt = item.updatedAt;
  item.language = xmlLang(feed.el, entry, contentEl);
  item.sourceName = ctx.options.sourceName ?? feedPublicationName(feed.title, feed.base ?? item.url);
  item.wire.subjects = uniqueStrings(
    elements(entry, 'category', ATOM_NS).map((c) => attr(c, 'label') ?? attr(c, 'term')),
  );
  return item;
}

function constructType(el: XmlElement | null): 'text' | 'html' | 'xhtml' {
  const type = (attr(el, 'type') ?? 'text').toLowerCase();
  return type === 'html' || type === 'text/html'
    ? 'html'
    : type === 'xhtml' || type === 'application/xhtml+xml'
      ? 'xhtml'
      : 'text';
}

/** An Atom text construct as plain text (`want: 'text'`) or as its body (HTML for html/xhtml, text for text). */
function textConstruct(el: XmlElement | null, want: 'text' | 'html'): string | null {
  if (!el) return null;
  const type = constructType(el);
  let value: string;
  if (type === 'xhtml') {
    const div = elements(el).find((c) => c.local === 'div') ?? el;
    value = serializeChildrenAsHtml(div);
    if (want === 'text') value = htmlToPlainText(value, decodeHtmlEntities);
  } else if (type === 'html') {
    value = textContent(el);
    if (want === 'text') value = htmlToPlainText(value, decodeHtmlEntities);
  } else {
    value = textContent(el);
    if (want === 'text') value = value.replace(/\s+/gu, ' ');
  }
  return value.trim() || null;
}

function alternateLink(entry: XmlElement, feed: FeedContext): string | null {
  const links = elements(entry, 'link', ATOM_NS);
  const alternate =
    links.find(
      (l) => (attr(l, 'rel') ?? 'alternate') === 'alternate' && (attr(l, 'type') ?? 'text/html').includes('html'),
    ) ?? links.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const href = attr(alternate, 'href');
  if (!href) return null;
  const base = attr(entry, 'base', 'http://www.w3.org/XML/1998/namespace') ?? feed.base;
  try {
    return new URL(href, base ?? undefined).toString();
  } catch {
    return href;
  }
}
