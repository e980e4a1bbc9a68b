export { FormatError, UnsupportedFormatError, InvalidEncodingError, UnsupportedCharsetError, EmptyBodyError, isFormatError } from './errors';
export { detectFormat, type DetectFormatInput } from './detect-format';
export { parseMediaType, type MediaType } from './media-type';
export { parseLooseDate, type LooseDate } from './dates';
export { splitTextBlocks, normaliseSpaces } from './text-blocks';
export {
  analyzeTextPageLayout,
  bannerName,
  copyrightHolder,
  looksLikeHeadline,
  parseBylineLine,
  parseDateLine,
  type DateLine,
  type TextPageLayout,
  type TextPageLayoutOptions,
  type TextPageLine,
  type TextPageLineKind,
} from './text-page-layout';
export { parseTextPage, type PageParseOptions } from './parse-text-page';
export { parseHtmlPage } from './parse-html-page';
export { decodeHtmlEntities } from './html-entities';
export { emptyParsedItem } from './parsed-item';
export {
  articleIdentity,
  canonicalizeUrl,
  resolveVersion,
  type ArticleIdentity,
  type ArticleIdentityInput,
  type IdentityBasis,
} from './identity';
export { uuidV5, WIRESTREAM_ARTICLE_NAMESPACE } from './uuid-v5';
export { parseIngestBody, decodeBody, firstInvalidUtf8Offset, type IngestBody, type ParsedIngestBody } from './parse-ingest-body';
export { parseHtmlDocument, elementText, isElement, toArray, ELEMENT_NODE, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './html-dom';
export { extractHtmlDates, findDateInText, urlDate, type DateHit, type HtmlDates, type HtmlDateOptions } from './html-date';
export { readHtmlMetadata, type HtmlPageMetadata, type HtmlPageOptions } from './parse-html-page';
