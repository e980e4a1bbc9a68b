import type { ParsedItem, PubStatus } from '@wirestream/contracts';
import { UnsupportedFormatError } from './errors';
import { emptyParsedItem } from './parsed-item';
import {
  ItemProblem,
  looksLikeHtml,
  splitWireHeadline,
  uniqueStrings,
  wireUrgency,
  wireVersion,
  withWirePrefix,
  WireContext,
  type ParsedBatch,
  type WireParseOptions,
} from './wire-context';
import {
  attr,
  descendant,
  element,
  elements,
  parseXml,
  serializeChildrenAsHtml,
  text,
  textContent,
  xmlLang,
  type XmlElement,
} from './xml';

export const NEWSML_G2_NS = 'http://iptc.org/std/nar/2006-10-01/';

/** IPTC NewsML-G2: a `newsItem` → one item; a `newsMessage` → one item per `newsItem` in its `itemSet`. */
export function parseNewsMl(xml: string, options: WireParseOptions = {}): ParsedBatch {
  return parseNewsMlDocument(parseXml(xml), new WireContext(options));
}

export function parseNewsMlDocument(root: XmlElement, ctx: WireContext): ParsedBatch {
  if (root.local === 'newsItem') {
    ctx.attempt(0, () => newsItem(root, 0, ctx, true));
    return ctx.finish(false, 'The newsItem is empty.');
  }
  if (root.local === 'newsMessage') {
    const items = elements(root, 'itemSet').flatMap((set) => elements(set, 'newsItem'));
    items.forEach((item, index) => ctx.attempt(index, () => newsItem(item, index, ctx, false)));
    return ctx.finish(true, 'The newsMessage has no newsItem in its itemSet.');
  }
  throw new UnsupportedFormatError(`Expected a NewsML-G2 <newsItem> or <newsMessage>, found <${root.name}>.`);
}

/** stat:usable → usable; stat:canceled / stat:withheld (qcode or full URI) → withdrawn. */
export function newsMlPubStatus(qcode: string | null): PubStatus {
  const code = (qcode ?? '').toLowerCase();
  return /(?:^|[:/])(?:canceled|cancelled|withheld)$/u.test(code) ? 'withdrawn' : 'usable';
}

function newsItem(el: XmlElement, index: number, ctx: WireContext, single: boolean): ParsedItem {
  const where = `newsItem ${index}`;
  const itemMeta = element(el, 'itemMeta');
  const contentMeta = element(el, 'contentMeta');
  const guid = attr(el, 'guid')?.trim() || null;
  const version = wireVersion(attr(el, 'version'), where);
  const pubStatus = newsMlPubStatus(attr(element(itemMeta, 'pubStatus'), 'qcode'));

  const headlines = elements(contentMeta, 'headline');
  const mainHeadline = headlines.find((h) => !/sub/iu.test(attr(h, 'role') ?? '')) ?? headlines[0] ?? null;
  const subHeadline =
    element(contentMeta, 'subheadline') ??
    headlines.find((h) => h !== mainHeadline && /sub/iu.test(attr(h, 'role') ?? '')) ??
    null;

  const { content, contentType } = newsMlBody(el);
  const headline = splitWireHeadline(text(mainHeadline));
  const title = headline.title;
  if (!content && !title && pubStatus === 'usable') {
    throw new ItemProblem('missing-content', `${where}: has neither a headline nor a body in contentSet`);
  }

  const item = emptyParsedItem('newsml', contentType, content);
  item.externalId = guid;
  item.version = version;
  item.pubStatus = pubStatus;
  item.title = title;
  item.subtitle = text(subHeadline);
  item.byline =
    text(element(contentMeta, 'by')) ??
    (uniqueStrings(elements(contentMeta, 'creator').map(nameOf)).join(', ') || null);
  item.versionCreatedAt = ctx.date(text(element(itemMeta, 'versionCreated')), `${where} versionCreated`);
  item.updatedAt = item.versionCreatedAt;
  item.publishedAt =
    ctx.date(text(element(itemMeta, 'firstCreated')), `${where} firstCreated`) ??
    ctx.date(text(element(contentMeta, 'contentCreated')), `${where} contentCreated`) ??
    item.versionCreatedAt;
  item.language = attr(element(contentMeta, 'language'), 'tag') ?? xmlLang(el);
  item.url = seeAlsoUrl(itemMeta) ?? (single ? (ctx.options.url ?? null) : null);
  item.sourceName =
    ctx.options.sourceName ??
    nameOf(element(itemMeta, 'provider')) ??
    nameOf(descendant(element(el, 'rightsInfo'), 'copyrightHolder'));
  item.wire = {
    urgency: wireUrgency(text(element(contentMeta, 'urgency'))) ?? (headline.urgent ? 1 : null),
    subjects: uniqueStrings(elements(contentMeta, 'subject').map(nameOf)),
    located: nameOf(element(contentMeta, 'located')),
    edNote: withWirePrefix(
      uniqueStrings(elements(itemMeta, 'edNote').map((n) => text(n))).join(' ') || null,
      headline.prefix,
    ),
    dateline: text(element(contentMeta, 'dateline')),
    copyright:
      text(descendant(element(el, 'rightsInfo'), 'copyrightNotice')) ??
      nameOf(descendant(element(el, 'rightsInfo'), 'copyrightHolder')),
  };
  return item;
}

/** A concept's display name: its `<name>` child, else `literal`, else `qcode`. */
function nameOf(el: XmlElement | null | undefined): string | null {
  if (!el) return null;
  return text(element(el, 'name')) ?? attr(el, 'literal') ?? attr(el, 'qcode') ?? text(el);
}

function seeAlsoUrl(itemMeta: XmlElement | null): string | null {
  const link = elements(itemMeta, 'link').find(
    (l) => /^https?:\/\//iu.test(attr(l, 'href') ?? '') && /html/iu.test(attr(l, 'contenttype') ?? 'text/html'),
  );
  return attr(link, 'href');
}

/** inlineXML (XHTML body → HTML) first, then inlineData (text, or HTML when its contenttype says so). */
function newsMlBody(item: XmlElement): { content: string; contentType: 'html' | 'text' } {
  const contentSet = element(item, 'contentSet');
  const inlineXml = elements(contentSet, 'inlineXML')[0];
  if (inlineXml) {
    const body = descendant(inlineXml, 'body');
    return { content: serializeChildrenAsHtml(body ?? inlineXml).trim(), contentType: 'html' };
  }
  const inlineData = elements(contentSet, 'inlineData')[0];
  if (inlineData) {
    const value = textContent(inlineData).trim();
    const html = /html/iu.test(attr(inlineData, 'contenttype') ?? '') || looksLikeHtml(value);
    return { content: value, contentType: html ? 'html' : 'text' };
  }
  return { content: '', contentType: 'text' };
}
