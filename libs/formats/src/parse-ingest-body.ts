import type { ParsedItem, WireFormat } from '@wirestream/contracts';
import { detectFormat } from './detect-format';
import { EmptyBodyError, InvalidEncodingError, UnsupportedCharsetError, UnsupportedFormatError } from './errors';
import { parseMediaType } from './media-type';
import { parseHtmlPage } from './parse-html-page';
import { parseTextPage, type PageParseOptions } from './parse-text-page';

export interface IngestBody {
  bytes: Uint8Array;
  contentType?: string | null;
  url?: string | null;
  sourceName?: string | null;
  /** Forces a format (e.g. the CLI's --format); 'auto' or absent → detect from Content-Type / sniffing. */
  format?: WireFormat | 'auto' | null;
}

export interface ParsedIngestBody {
  format: WireFormat;
  items: ParsedItem[];
}

type BodyParser = (text: string, options: PageParseOptions) => ParsedItem[];

/** Extension point: one parser per wire format. Feed formats return one item per entry. */
const PARSERS: Partial<Record<WireFormat, BodyParser>> = {
  text: (text, options) => [parseTextPage(text, options)],
  html: (text, options) => [parseHtmlPage(text, options)],
};

/** Decodes, detects and parses one ingest request body. Throws a FormatError subclass on bad input. */
export function parseIngestBody({ bytes, contentType, url, sourceName, format }: IngestBody): ParsedIngestBody {
  if (bytes.length === 0) throw new EmptyBodyError('The request body is empty (0 bytes).');
  const resolved = format && format !== 'auto' ? format : detectFormat({ contentType: contentType ?? null, bytes });
  const parser = PARSERS[resolved];
  if (!parser) throw new UnsupportedFormatError(`Format "${resolved}" is recognised but has no parser yet; supported: text, html.`);

  const text = decodeBody(bytes, parseMediaType(contentType)?.charset ?? null);
  if (!text.trim()) throw new EmptyBodyError(`The request body has ${bytes.length} bytes but no text (only whitespace).`);
  return { format: resolved, items: parser(text, { url: url ?? null, sourceName: sourceName ?? null }) };
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
