import type { ParsedItem, WireFormat } from '@wirestream/contracts';
import { detectFormatDetailed } from './detect-format';
import {
  EmptyBodyError,
  InvalidEncodingError,
  UnsupportedCharsetError,
  UnsupportedFormatError,
  type ItemError,
} from './errors';
import { parseJsonSafely } from './json-safe';
import { parseMediaType } from './media-type';
import { parseNativeJsonValue } from './native-article';
import { parseAtomDocument } from './parse-atom';
import { parseHtmlPage } from './parse-html-page';
import { parseNewsMlDocument } from './parse-newsml';
import { looksLikeNinjs, parseNinjsValue } from './parse-ninjs';
import { parseNitfDocument } from './parse-nitf';
import { parseRssDocument } from './parse-rss';
import { parseTextPage } from './parse-text-page';
import { WireContext, type ParsedBatch } from './wire-context';
import { parseXml, type XmlElement } from './xml';

export interface IngestBody {
  bytes: Uint8Array;
  contentType?: string | null;
  url?: string | null;
  sourceName?: string | null;
  /** Forces a format (e.g. the CLI's --format); 'auto' or absent → detect from Content-Type / sniffing. */
  format?: WireFormat | 'auto' | null;
  /** Clock for the "date more than a day in the future" rule; defaults to now. */
  now?: Date;
}

/**
 * One parsed body. `items` are the good items; `errors` the refused ones by index (a batch with a bad item
 * still yields the good ones); `warnings` are non-fatal (dates nulled because unreadable or in the future).
 */
export interface ParsedIngestBody {
  format: WireFormat;
  items: ParsedItem[];
  /** The position in the body (0-based) of each good item: `indexes[k]` is where `items[k]` came from. */
  indexes: number[];
  errors: ItemError[];
  warnings: string[];
}

const XML_FORMATS: ReadonlySet<WireFormat> = new Set(['rss', 'atom', 'newsml', 'nitf']);
const JSON_FORMATS: ReadonlySet<WireFormat> = new Set(['ninjs', 'json']);

const XML_PARSERS: Record<'rss' | 'atom' | 'newsml' | 'nitf', (root: XmlElement, ctx: WireContext) => ParsedBatch> = {
  rss: parseRssDocument,
  atom: parseAtomDocument,
  newsml: parseNewsMlDocument,
  nitf: parseNitfDocument,
};

/** Root element local name → the XML format that parses it (a feed served with the wrong type still parses). */
const XML_ROOT_FORMAT: Readonly<Record<string, 'rss' | 'atom' | 'newsml' | 'nitf'>> = {
  rss: 'rss',
  feed: 'atom',
  entry: 'atom',
  newsItem: 'newsml',
  newsMessage: 'newsml',
  nitf: 'nitf',
};

/**
 * Decodes, detects and parses one ingest request body. Throws a FormatError subclass when the body as a whole
 * is bad (encoding, malformed, forbidden DTD, too deep, empty feed, every item refused).
 */
export function parseIngestBody({ bytes, contentType, url, sourceName, format, now }: IngestBody): ParsedIngestBody {
  if (bytes.length === 0) throw new EmptyBodyError('The request body is empty (0 bytes).');
  const forced = format && format !== 'auto' ? format : null;
  const detection = forced
    ? { format: forced, basis: 'declared' as const }
    : detectFormatDetailed({ contentType: contentType ?? null, bytes });
  const resolved = detection.format;

  const declaredCharset = parseMediaType(contentType)?.charset ?? null;
  const charset =
    declaredCharset ?? bomCharset(bytes) ?? (XML_FORMATS.has(resolved) ? xmlDeclaredEncoding(bytes) : null);
  const text = decodeBody(bytes, charset);
  if (!text.trim())
    throw new EmptyBodyError(`The request body has ${bytes.length} bytes but no text (only whitespace).`);

  const ctx = new WireContext({ url: url ?? null, sourceName: sourceName ?? null, ...(now ? { now } : {}) });
  if (resolved === 'text' || resolved === 'html') {
    const pageOptions = { url: url ?? null, sourceName: sourceName ?? null };
    const item =
      resolved === 'text'
        ? parseTextPage(text, { ...pageOptions, now: now ? now.toISOString() : null })
        : parseHtmlPage(text, { ...pageOptions, now: now ? now.toISOString() : null });
    item.publishedAt = ctx.checkFuture(item.publishedAt, 'publishedAt');
    item.updatedAt = ctx.checkFuture(item.updatedAt, 'updatedAt');
    return { format: resolved, items: [item], indexes: [0], errors: [], warnings: ctx.warnings };
  }

  if (XML_FORMATS.has(resolved)) {
    const root = parseXml(text);
    // Trust the document's root over a (often wrong) media type, unless the caller forced the format.
    const actual = forced
      ? (resolved as keyof typeof XML_PARSERS)
      : (XML_ROOT_FORMAT[root.local] ?? (resolved as keyof typeof XML_PARSERS));
    const batch = XML_PARSERS[actual](root, ctx);
    return { format: actual, ...batch };
  }

  if (JSON_FORMATS.has(resolved)) {
    const value = parseJsonSafely(text);
    const ninjs =
      detection.basis === 'declared' ? resolved === 'ninjs' : looksLikeNinjs(Array.isArray(value) ? value[0] : value);
    const batch = ninjs ? parseNinjsValue(value, ctx) : parseNativeJsonValue(value, ctx);
    return { format: ninjs ? 'ninjs' : 'json', ...batch };
  }
  throw new UnsupportedFormatError(`Format "${resolved}" has no parser.`);
}

/** UTF-16 / UTF-8 byte order marks name the encoding outright. */
function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The `encoding` of an XML declaration (`<?xml version="1.0" encoding="ISO-8859-1"?>`), lower-cased. */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return (
    /^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/u
      .exec(head)?.[1]
      ?.toLowerCase() ?? null
  );
}

/** Strict decode: a body we cannot read exactly is rejected rather than silently mangled with U+FFFD. */
export function decodeBody(bytes: Uint8Array, charset: string | null): string {
  const label = charset && charset !== 'utf8' ? charset : 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new UnsupportedCharsetError(`Content-Type charset "${charset}" is not a known text encoding.`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    if (decoder.encoding !== 'utf-8') {
      throw new InvalidEncodingError(`The body is not valid ${decoder.encoding}.`);
    }
    const offset = firstInvalidUtf8Offset(bytes);
    throw new InvalidEncodingError(
      offset === null
        ? 'The body is not valid UTF-8.'
        : `The body is not valid UTF-8: undecodable byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at byte offset ${offset}.`,
      offset,
    );
  }
}

/** Byte offset of the first ill-formed UTF-8 sequence (per the Unicode well-formedness table), or null. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let needed: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) needed = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      needed = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      needed = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= needed; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += needed + 1;
  }
  return null;
}
