import type { WireFormat } from '@wirestream/contracts';
import { UnsupportedFormatError } from './errors';
import { parseMediaType } from './media-type';

export interface DetectFormatInput {
  contentType?: string | null;
  bytes: Uint8Array;
}

interface FormatDetector {
  format: WireFormat;
  /** Media type essences that name this format outright. */
  mediaTypes: readonly string[];
  /** Looks at the start of the body (BOM and leading whitespace removed, lower-cased). */
  sniff: (head: string) => boolean;
}

/**
 * Extension point: a new wire format registers its media types and a sniffer here (and a parser in
 * parse-ingest-body.ts). Order matters for sniffing — more specific shapes first.
 */
const DETECTORS: readonly FormatDetector[] = [
  // Coming later: newsml (application/vnd.iptc.g2.newsitem+xml, `<newsitem`), nitf (`<nitf`),
  // rss (application/rss+xml, `<rss`), atom (application/atom+xml, `<feed`), ninjs / json (application/json, `{`).
  {
    format: 'html',
    mediaTypes: ['text/html', 'application/xhtml+xml'],
    sniff: (head) => /^(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>])/.test(head),
  },
  {
    format: 'text',
    mediaTypes: ['text/plain'],
    sniff: () => false,
  },
];

/** Recognised but not parsed yet; named in the error so the client knows it is a roadmap gap, not a typo. */
const KNOWN_UNSUPPORTED: ReadonlyArray<{ label: string; mediaTypes: readonly string[]; sniff: RegExp }> = [
  { label: 'RSS', mediaTypes: ['application/rss+xml'], sniff: /^<rss[\s>]/ },
  { label: 'Atom', mediaTypes: ['application/atom+xml'], sniff: /^<feed[\s>]/ },
  { label: 'NewsML-G2', mediaTypes: ['application/vnd.iptc.g2.newsitem+xml', 'application/vnd.iptc.g2.newsmessage+xml'], sniff: /^<(?:newsitem|newsmessage)[\s>]/ },
  { label: 'NITF', mediaTypes: ['application/nitf+xml'], sniff: /^<nitf[\s>]/ },
  { label: 'ninjs/JSON', mediaTypes: ['application/json', 'application/ninjs+json'], sniff: /^[{[]/ },
  { label: 'XML', mediaTypes: ['application/xml', 'text/xml'], sniff: /^<\?xml/ },
];

/** Content types that say nothing about the format, so the body decides. */
const UNSPECIFIC_MEDIA_TYPES = new Set(['application/octet-stream', 'binary/octet-stream', '*/*']);

const SNIFF_BYTES = 1024;

/**
 * Decides the wire format from the Content-Type, or by sniffing the body when the type is missing or generic.
 * A declared type wins over sniffing. Unlabelled bodies that are not markup are treated as flattened text.
 */
export function detectFormat({ contentType, bytes }: DetectFormatInput): WireFormat {
  const mediaType = parseMediaType(contentType);
  if (mediaType && !UNSPECIFIC_MEDIA_TYPES.has(mediaType.essence)) {
    const declared = DETECTORS.find((d) => d.mediaTypes.includes(mediaType.essence));
    if (declared) return declared.format;
    const roadmap = KNOWN_UNSUPPORTED.find((u) => u.mediaTypes.includes(mediaType.essence));
    throw new UnsupportedFormatError(
      roadmap
        ? `Content-Type "${mediaType.essence}" (${roadmap.label}) is not supported yet; supported: text/plain, text/html.`
        : `Content-Type "${mediaType.essence}" is not a supported format; supported: text/plain, text/html.`,
    );
  }

  const head = sniffHead(bytes);
  const sniffed = DETECTORS.find((d) => d.sniff(head));
  if (sniffed) return sniffed.format;
  const roadmap = KNOWN_UNSUPPORTED.find((u) => u.sniff.test(head));
  if (roadmap) {
    throw new UnsupportedFormatError(`The body looks like ${roadmap.label}, which is not supported yet; supported: text, html.`);
  }
  if (head.includes('\u0000')) {
    throw new UnsupportedFormatError('The body is binary (it contains NUL bytes) and no supported Content-Type was given.');
  }
  return 'text';
}

function sniffHead(bytes: Uint8Array): string {
  // Lenient decode: sniffing must not fail on a bad byte — encoding errors are reported by the parser.
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, SNIFF_BYTES));
  return text.replace(/^\uFEFF/, '').trimStart().toLowerCase();
}
