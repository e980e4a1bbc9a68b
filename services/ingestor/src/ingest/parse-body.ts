import type { WireFormat } from '@wirestream/contracts';
import { detectFormatDetailed, parseIngestBody, type ParsedIngestBody } from '@wirestream/formats';
import { PermanentError } from '@wirestream/platform';

/** What the parse step needs of a request: plain data, so it can be sent to a worker thread as is. */
export interface ParseBodyInput {
  bytes: Uint8Array;
  contentType: string | null;
  url: string | null;
  sourceName: string | null;
  format: WireFormat | 'auto' | null;
  /** INGEST_MAX_ITEMS: more items (good or refused) than this is 413 `too-many-items`. */
  maxItems: number;
}

/**
 * `parseIngestBody` plus the items-per-request limit. A feed whose start tags already show it is over the limit
 * is refused before the full parse: a 50,000-entry Atom feed costs ~10 ms to count and 1–1.6 s to parse (on the
 * 2-core dev machine), and the worker's result, tens of thousands of items, would only be thrown away.
 */
export function parseWithinLimits(input: ParseBodyInput): ParsedIngestBody {
  const counted = countFeedItems(input);
  if (counted !== null && counted > input.maxItems) throw tooManyItems(counted, input.maxItems);
  const parsed = parseIngestBody({
    bytes: input.bytes,
    contentType: input.contentType,
    url: input.url,
    sourceName: input.sourceName,
    format: input.format,
  });
  const itemCount = parsed.items.length + parsed.errors.length;
  if (itemCount > input.maxItems) throw tooManyItems(itemCount, input.maxItems);
  return parsed;
}

function tooManyItems(items: number, limit: number): PermanentError {
  return new PermanentError(
    'too-many-items',
    `the request carries ${items} items, over the limit of ${limit} per request (INGEST_MAX_ITEMS); send them in smaller batches`,
    413,
    { limit, items },
  );
}

const XML_FEEDS: ReadonlySet<string> = new Set(['rss', 'atom', 'newsml']);

/** The element that holds one item, by the local name of a feed's root element. */
const ITEM_TAG_BY_ROOT: Readonly<Record<string, string>> = {
  rss: 'item',
  RDF: 'item',
  feed: 'entry',
  newsMessage: 'newsItem',
};

const LT = 0x3c;

/**
 * Items of an XML feed counted from its bytes: start tags of the root's item element (unprefixed), outside
 * comments, CDATA and processing instructions: exact for well-formed UTF-8 or single-byte XML, where `<` cannot
 * appear anywhere else. Null when the body is not such a feed (or its format cannot be told): the full parse
 * counts then. A prefixed item element (`<atom:entry>`) or a UTF-16 body counts 0, never too many.
 */
export function countFeedItems(input: Pick<ParseBodyInput, 'bytes' | 'contentType' | 'format'>): number | null {
  let format: string;
  try {
    format =
      input.format && input.format !== 'auto'
        ? input.format
        : detectFormatDetailed({ contentType: input.contentType, bytes: input.bytes }).format;
  } catch {
    return null; // the parse reports it
  }
  if (!XML_FEEDS.has(format)) return null;
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  let itemTag: string | null = null;
  let count = 0;
  for (let at = bytes.indexOf(LT); at !== -1; at = bytes.indexOf(LT, at + 1)) {
    const next = bytes[at + 1];
    if (next === 0x21 /* ! */) {
      if (startsWith(bytes, at, '<!--')) at = skipPast(bytes, at, '-->');
      else if (startsWith(bytes, at, '<![CDATA[')) at = skipPast(bytes, at, ']]>');
      if (at === -1) break;
      continue;
    }
    if (next === 0x3f /* ? */) {
      at = skipPast(bytes, at, '?>');
      if (at === -1) break;
      continue;
    }
    if (next === 0x2f /* / */) continue;
    if (itemTag === null) {
      itemTag = ITEM_TAG_BY_ROOT[localName(bytes, at + 1)] ?? null;
      if (itemTag === null) return null;
      continue;
    }
    if (startsWith(bytes, at + 1, itemTag) && isNameEnd(bytes[at + 1 + itemTag.length])) count++;
  }
  return count;
}

function startsWith(bytes: Buffer, at: number, text: string): boolean {
  return bytes.toString('latin1', at, at + text.length) === text;
}

/** Offset of the last byte of the next `end` after `at`, or -1 when it never comes. */
function skipPast(bytes: Buffer, at: number, end: string): number {
  const found = bytes.indexOf(end, at + 2, 'latin1');
  return found === -1 ? -1 : found + end.length - 1;
}

/** Local name of the tag name starting at `at` (`rdf:RDF` → `RDF`), read up to 64 bytes. */
function localName(bytes: Buffer, at: number): string {
  let end = at;
  while (end < bytes.length && end - at < 64 && !isNameEnd(bytes[end])) end++;
  const name = bytes.toString('latin1', at, end);
  return name.slice(name.indexOf(':') + 1);
}

/** Whitespace, `>` or `/` (or the end of the body) ends a tag name. */
function isNameEnd(byte: number | undefined): boolean {
  return (
    byte === undefined ||
    byte === 0x20 ||
    byte === 0x09 ||
    byte === 0x0a ||
    byte === 0x0d ||
    byte === 0x3e ||
    byte === 0x2f
  );
}
