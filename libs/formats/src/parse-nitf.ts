import type { ParsedItem } from '@wirestream/contracts';
import { UnsupportedFormatError } from './errors';
import { emptyParsedItem } from './parsed-item';
import {
  ItemProblem,
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
  xmlLang,
  type XmlElement,
} from './xml';

/** NITF-only body elements rendered as HTML: `block` is unwrapped, `hl2` becomes `h2`, media and notes are dropped. */
const NITF_BODY_RENAME: Readonly<Record<string, string | null>> = {
  block: null,
  hl2: 'h2',
  'nitf-table': null,
  'table-reference': null,
  chron: 'time',
  person: null,
  org: null,
  location: null,
  city: null,
  country: null,
  region: null,
  num: null,
  money: null,
  event: null,
  function: null,
  'object.title': null,
  virtloc: null,
  copyrite: null,
  classifier: null,
};
const NITF_BODY_DROP: ReadonlySet<string> = new Set(['media', 'ed-msg', 'note', 'bibliography']);

/** NITF 3.x → one item. */
export function parseNitf(xml: string, options: WireParseOptions = {}): ParsedBatch {
  return parseNitfDocument(parseXml(xml), new WireContext(options));
}

export function parseNitfDocument(root: XmlElement, ctx: WireContext): ParsedBatch {
  if (root.local !== 'nitf')
    throw new UnsupportedFormatError(`Expected an NITF document (<nitf>), found <${root.name}>.`);
  ctx.attempt(0, () => nitfItem(root, ctx));
  return ctx.finish(false, 'The NITF document is empty.');
}

function nitfItem(nitf: XmlElement, ctx: WireContext): ParsedItem {
  const head = element(nitf, 'head');
  const docdata = element(head, 'docdata');
  const body = element(nitf, 'body');
  const bodyHead = element(body, 'body.head');
  const bodyContent = element(body, 'body.content');

  const hedline = element(bodyHead, 'hedline');
  const headline = splitWireHeadline(text(element(hedline, 'hl1')) ?? text(element(head, 'title')));
  const title = headline.title;
  const content = bodyContent
    ? serializeChildrenAsHtml(bodyContent, { rename: NITF_BODY_RENAME, drop: NITF_BODY_DROP }).trim()
    : '';
  const status = (
    attr(docdata, 'management-status') ??
    text(element(docdata, 'management-status')) ??
    'usable'
  ).toLowerCase();
  const withdrawn = /^(?:canceled|cancelled|withdrawn|withheld|kill(?:ed)?)$/u.test(status);
  if (!content && !title && !withdrawn)
    throw new ItemProblem('missing-content', 'NITF document: has neither <hl1> nor <body.content>');

  const item = emptyParsedItem('nitf', 'html', content);
  item.externalId = attr(element(docdata, 'doc-id'), 'id-string')?.trim() || null;
  item.version = wireVersion(attr(element(docdata, 'du-key'), 'version'), 'NITF du-key');
  item.pubStatus = withdrawn ? 'withdrawn' : 'usable';
  item.title = title;
  item.subtitle = text(element(hedline, 'hl2'));
  item.byline = uniqueStrings(elements(bodyHead, 'byline').map((b) => text(b))).join(' ') || null;
  item.publishedAt =
    ctx.date(attr(element(docdata, 'date.release'), 'norm'), 'NITF date.release') ??
    ctx.date(attr(element(docdata, 'date.issue'), 'norm'), 'NITF date.issue');
  item.updatedAt = ctx.date(attr(element(docdata, 'date.issue'), 'norm'), 'NITF date.issue');
  item.versionCreatedAt = item.updatedAt ?? item.publishedAt;
  item.language = xmlLang(nitf, head) ?? xmlLang(nitf, body);
  const exRef = elements(head, 'pubdata')
    .map((p) => attr(p, 'ex-ref'))
    .find((r) => r && /^https?:\/\//iu.test(r));
  item.url = exRef ?? ctx.options.url ?? null;
  const copyright = element(docdata, 'doc.copyright');
  const holder = attr(copyright, 'holder');
  item.sourceName = ctx.options.sourceName ?? attr(element(docdata, 'doc-id'), 'regsrc') ?? holder ?? null;

  const dateline = element(bodyHead, 'dateline');
  const located =
    text(descendant(dateline, 'city')) ??
    text(descendant(dateline, 'location')) ??
    text(descendant(element(docdata, 'identified-content'), 'location'));
  item.wire = {
    urgency: wireUrgency(attr(element(docdata, 'urgency'), 'ed-urg')) ?? (headline.urgent ? 1 : null),
    subjects: uniqueStrings([
      ...elements(head, 'tobject').flatMap((t) =>
        elements(t, 'tobject.subject').map(
          (s) =>
            attr(s, 'tobject.subject.matter') ?? attr(s, 'tobject.subject.type') ?? attr(s, 'tobject.subject.refnum'),
        ),
      ),
      ...elements(element(docdata, 'key-list'), 'keyword').map((k) => attr(k, 'key')),
    ]),
    located,
    edNote: withWirePrefix(
      uniqueStrings(elements(docdata, 'ed-msg').map((m) => attr(m, 'info') ?? text(m))).join(' ') || null,
      headline.prefix,
    ),
    dateline: text(dateline),
    copyright: copyright
      ? (text(copyright) ?? ([attr(copyright, 'year'), holder].filter(Boolean).join(' ') || null))
      : null,
  };
  return item;
}
