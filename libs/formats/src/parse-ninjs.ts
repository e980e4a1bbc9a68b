import type { ParsedItem } from '@wirestream/contracts';
import { emptyParsedItem } from './parsed-item';
import {
  ItemProblem,
  looksLikeHtml,
  type ParsedBatch,
  splitWireHeadline,
  uniqueStrings,
  WireContext,
  type WireParseOptions,
  wireUrgency,
  wireVersion,
  withWirePrefix,
} from './wire-context';
import { parseJsonSafely } from './json-safe';

type Json = Record<string, unknown>;

/** Fields only ninjs has; with `uri` (or a ninjs `$schema`) they tell ninjs apart from the native JSON article. */
const NINJS_FIELDS = [
  'versioncreated',
  'firstcreated',
  'pubstatus',
  'headlines',
  'bodies',
  'body_html',
  'body_text',
  'headline',
  'ednote',
  'mimetype',
  'renditions',
  'associations',
  'subject',
  'subjects',
  'copyrightnotice',
];

/** True for an object shaped like an IPTC ninjs 1.x/2.x item. */
export function looksLikeNinjs(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (typeof value['$schema'] === 'string' && /ninjs/iu.test(value['$schema'])) return true;
  return typeof value['uri'] === 'string' && NINJS_FIELDS.some((f) => f in value);
}

/** IPTC ninjs 1.x / 2.x JSON: one item, or an array of items (batch). */
export function parseNinjs(json: string, options: WireParseOptions = {}): ParsedBatch {
  return parseNinjsValue(parseJsonSafely(json), new WireContext(options));
}

export function parseNinjsValue(value: unknown, ctx: WireContext): ParsedBatch {
  if (Array.isArray(value)) {
    value.forEach((entry, index) => ctx.attempt(index, () => ninjsItem(entry, index, ctx, false)));
    return ctx.finish(true, 'The ninjs batch is an empty array.');
  }
  ctx.attempt(0, () => ninjsItem(value, 0, ctx, true));
  return ctx.finish(false, 'The ninjs item is empty.');
}

function ninjsItem(value: unknown, index: number, ctx: WireContext, single: boolean): ParsedItem {
  const where = single ? 'ninjs item' : `ninjs item ${index}`;
  if (!isObject(value))
    throw new ItemProblem('invalid-item', `${where}: expected a JSON object, found ${describe(value)}`);
  const pubstatus = str(value['pubstatus'])?.toLowerCase() ?? 'usable';
  const withdrawn = pubstatus === 'canceled' || pubstatus === 'cancelled' || pubstatus === 'withheld';

  const headlines = Array.isArray(value['headlines']) ? value['headlines'].filter(isObject) : [];
  const mainHeadline = headlines.find((h) => !/sub/iu.test(str(h['role']) ?? '')) ?? headlines[0];
  const subHeadline = headlines.find((h) => h !== mainHeadline && /sub/iu.test(str(h['role']) ?? ''));
  const title = str(value['headline']) ?? str(mainHeadline?.['value']);

  const { content, contentType } = ninjsBody(value);
  if (!content && !title && !withdrawn)
    throw new ItemProblem(
      'missing-content',
      `${where}: has no headline(s) and no body (body_html, body_text or bodies)`,
    );

  const item = emptyParsedItem('ninjs', contentType, content);
  item.externalId = str(value['uri']);
  item.version = wireVersion(typeof value['version'] === 'number' ? value['version'] : str(value['version']), where);
  item.pubStatus = withdrawn ? 'withdrawn' : 'usable';
  const headline = splitWireHeadline(title);
  item.title = headline.title;
  item.subtitle = str(subHeadline?.['value']) ?? str(value['description_text']) ?? null;
  item.byline =
    str(value['byline']) ??
    str(value['by']) ??
    (uniqueStrings(
      objects(value['people'])
        .filter((p) => /author|creator/iu.test(str(p['rel']) ?? ''))
        .map((p) => str(p['name'])),
    ).join(', ') ||
      null);
  item.versionCreatedAt = ctx.date(str(value['versioncreated']), `${where} versioncreated`);
  item.updatedAt = item.versionCreatedAt;
  item.publishedAt =
    ctx.date(str(value['firstcreated']) ?? str(value['contentcreated']), `${where} firstcreated`) ??
    item.versionCreatedAt;
  item.language = str(value['language']);
  const link = objects(value['renditions']).find((r) =>
    /html/iu.test(str(r['contenttype']) ?? str(r['mimetype']) ?? ''),
  );
  item.url = str(value['webUrl']) ?? str(link?.['href']) ?? (single ? (ctx.options.url ?? null) : null);
  item.sourceName = ctx.options.sourceName ?? firstName(value['infosources']) ?? str(value['copyrightholder']) ?? null;
  const places = objects(value['places'] ?? value['place']);
  item.wire = {
    urgency:
      wireUrgency(typeof value['urgency'] === 'number' ? value['urgency'] : str(value['urgency'])) ??
      (headline.urgent ? 1 : null),
    subjects: uniqueStrings(
      [...objects(value['subjects']), ...objects(value['subject'])].map(
        (s) => str(s['name']) ?? str(s['code']) ?? str(s['uri']),
      ),
    ),
    located: str(value['located']) ?? str(places[0]?.['name']) ?? null,
    edNote: withWirePrefix(str(value['ednote']), headline.prefix),
    dateline: null,
    copyright: str(value['copyrightnotice']),
  };
  return item;
}

/** ninjs 2.x `bodies` (HTML preferred), then 1.x body_html / body_text. */
function ninjsBody(value: Json): { content: string; contentType: 'html' | 'text' } {
  const bodies = objects(value['bodies']);
  const html = bodies.find((b) => /html/iu.test(str(b['contenttype']) ?? '')) ?? null;
  const htmlValue = str(value['body_html']) ?? str(html?.['value']);
  if (htmlValue) return { content: htmlValue, contentType: 'html' };
  const textValue = str(value['body_text']) ?? str(bodies[0]?.['value']);
  if (textValue) return { content: textValue, contentType: looksLikeHtml(textValue) && !!bodies[0] ? 'html' : 'text' };
  return { content: '', contentType: 'text' };
}

function firstName(value: unknown): string | null {
  return str(objects(value)[0]?.['name']);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objects(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
