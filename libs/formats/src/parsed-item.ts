import type { ParsedItem, WireFormat } from '@wirestream/contracts';

/** A ParsedItem with every optional field null, for parsers to fill in. */
export function emptyParsedItem(
  format: WireFormat,
  contentType: ParsedItem['contentType'],
  content: string,
): ParsedItem {
  return {
    format,
    externalId: null,
    version: null,
    versionCreatedAt: null,
    pubStatus: 'usable',
    url: null,
    title: null,
    subtitle: null,
    byline: null,
    publishedAt: null,
    updatedAt: null,
    language: null,
    sourceName: null,
    contentType,
    content,
    wire: { urgency: null, subjects: [], located: null, edNote: null },
  };
}
