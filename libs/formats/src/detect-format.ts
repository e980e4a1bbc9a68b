import type { WireFormat } from '@wirestream/contracts';
import { UnsupportedFormatError } from './errors';
import { parseMediaType } from './media-type';
import { ATOM_NS } from './parse-atom';
import { sniffXmlRoot } from './xml';

export interface DetectFormatInput {
  contentType?: string | null;
  bytes: Uint8Array;
}

/** How a format was decided: named outright by its media type, or sniffed from the bytes. */
export interface FormatDetection {
  format: WireFormat;
  /** 'declared': a format-specific media type; 'sniffed': no type, a generic one (octet-stream, XML, JSON). */
  basis: 'declared' | 'sniffed';
}

/** Media types that name one format outright. */
const DECLARED: ReadonlyArray<{ format: WireFormat; mediaTypes: readonly string[] }> = [
  { format: 'rss', mediaTypes: ['application/rss+xml'] },
  { format: 'atom', mediaTypes: ['application/atom+xml'] },
  { format: 'newsml', mediaTypes: ['application/vnd.iptc.g2.newsitem+xml', 'application/vnd.iptc.g2.newsmessage+xml'] },
  { format: 'nitf', mediaTypes: ['application/nitf+xml', 'application/vnd.iptc.nitf+xml', 'text/vnd.iptc.nitf'] },
  { format: 'ninjs', mediaTypes: ['application/ninjs+json', 'application/vnd.iptc.ninjs+json'] },
  { format: 'json', mediaTypes: ['application/vnd.wirestream.article+json'] },
  { format: 'html', mediaTypes: ['text/html', 'application/xhtml+xml'] },
  { format: 'text', mediaTypes: ['text/plain'] },
];

/** Content types that say nothing about the format, so the body decides. */
const UNSPECIFIC_MEDIA_TYPES = new Set(['application/octet-stream', 'binary/octet-stream', '*/*']);
const GENERIC_XML = new Set(['application/xml', 'text/xml']);
const GENERIC_JSON = new Set(['application/json', 'text/json']);

const SUPPORTED_TYPES =
  'application/rss+xml, application/atom+xml, application/vnd.iptc.g2.newsitem+xml, application/nitf+xml, application/ninjs+json, application/json, application/xml, text/html, text/plain';

/** Root element (lower-cased local name) → format. Atom also needs its namespace. */
const XML_ROOTS: Readonly<Record<string, WireFormat>> = {
  rss: 'rss',
  feed: 'atom',
  entry: 'atom',
  newsitem: 'newsml',
  newsmessage: 'newsml',
  nitf: 'nitf',
  html: 'html',
};

/** Enough to get past an XML declaration, comments and a modest DOCTYPE to the root start tag. */
const SNIFF_CHARS = 64 * 1024;

/**
 * Decides the wire format from the Content-Type, or by sniffing the body when the type is missing or generic
 * (root element rss / feed (Atom) / newsItem / newsMessage / nitf / html; JSON shape ninjs vs native).
 * A format-specific type wins over sniffing. Unlabelled bodies that are not markup or JSON are flattened text.
 * A DOCTYPE declaring entities throws `xml-dtd-forbidden` here already.
 */
export function detectFormat(input: DetectFormatInput): WireFormat {
  return detectFormatDetailed(input).format;
}

export function detectFormatDetailed({ contentType, bytes }: DetectFormatInput): FormatDetection {
  const mediaType = parseMediaType(contentType);
  const essence = mediaType?.essence ?? null;
  if (essence && !UNSPECIFIC_MEDIA_TYPES.has(essence)) {
    const declared = DECLARED.find((d) => d.mediaTypes.includes(essence));
    if (declared) return { format: declared.format, basis: 'declared' };
    const xmlType = GENERIC_XML.has(essence) || essence.endsWith('+xml');
    const jsonType = GENERIC_JSON.has(essence) || essence.endsWith('+json');
    if (!xmlType && !jsonType) {
      throw new UnsupportedFormatError(
        `Content-Type "${essence}" is not a supported format; supported: ${SUPPORTED_TYPES}.`,
      );
    }
    const head = sniffHead(bytes);
    if (jsonType) return { format: sniffJsonShape(head), basis: 'sniffed' };
    const root = sniffXmlRoot(head);
    const format = root ? xmlRootFormat(root.local, root.ns) : null;
    if (format) return { format, basis: 'sniffed' };
    throw new UnsupportedFormatError(
      root
        ? `Content-Type "${essence}" with root element <${root.local}> is not a supported XML format (expected rss, feed, newsItem, newsMessage or nitf).`
        : `Content-Type "${essence}" but the body does not start with an XML element.`,
    );
  }

  const binary = knownBinaryType(bytes);
  if (binary)
    throw new UnsupportedFormatError(
      `The body is a ${binary} file, not an article in a supported format; supported: ${SUPPORTED_TYPES}.`,
    );
  const head = sniffHead(bytes);
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return { format: sniffJsonShape(trimmed), basis: 'sniffed' };
  if (trimmed.startsWith('<')) {
    const root = sniffXmlRoot(trimmed);
    const format = root ? xmlRootFormat(root.local, root.ns) : null;
    if (format) return { format, basis: 'sniffed' };
    if (/^<\?xml\b/iu.test(trimmed)) {
      throw new UnsupportedFormatError(
        root
          ? `The body is XML with root element <${root.local}>, which is not a supported format (expected rss, feed, newsItem, newsMessage or nitf).`
          : 'The body starts like XML but no root element was found.',
      );
    }
    if (/^(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>])/iu.test(trimmed))
      return { format: 'html', basis: 'sniffed' };
  }
  if (head.includes('\u0000')) {
    throw new UnsupportedFormatError(
      'The body is binary (it contains NUL bytes) and no supported Content-Type was given.',
    );
  }
  return { format: 'text', basis: 'sniffed' };
}

/** Magic numbers of files people send by mistake; named so the 415 says what arrived. */
const BINARY_SIGNATURES: readonly [string, readonly number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive (or Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
];

function knownBinaryType(bytes: Uint8Array): string | null {
  const match = BINARY_SIGNATURES.find(([, magic]) => magic.every((b, i) => bytes[i] === b));
  return match ? match[0] : null;
}

function xmlRootFormat(local: string, ns: string | null): WireFormat | null {
  const format = XML_ROOTS[local] ?? null;
  if (format === 'atom' && ns !== ATOM_NS) return null;
  return format;
}

/** ninjs when the head shows a ninjs `$schema`, or `uri` plus a ninjs-only field; else the native article. */
function sniffJsonShape(head: string): WireFormat {
  if (/"\$schema"\s*:\s*"[^"]*ninjs/iu.test(head)) return 'ninjs';
  if (
    /"uri"\s*:/u.test(head) &&
    /"(?:versioncreated|firstcreated|pubstatus|headlines|bodies|body_html|body_text|ednote|mimetype)"\s*:/u.test(head)
  )
    return 'ninjs';
  return 'json';
}

function sniffHead(bytes: Uint8Array): string {
  // Lenient decode: sniffing must not fail on a bad byte — encoding errors are reported by the parser.
  const label =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  const text = new TextDecoder(label).decode(bytes.subarray(0, SNIFF_CHARS));
  return text.replace(/^\uFEFF/u, '');
}
