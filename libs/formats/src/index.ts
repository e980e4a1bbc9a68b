export {
  FormatError,
  UnsupportedFormatError,
  InvalidEncodingError,
  UnsupportedCharsetError,
  EmptyBodyError,
  MalformedXmlError,
  XmlDtdForbiddenError,
  XmlTooDeepError,
  HtmlTooDeepError,
  MalformedJsonError,
  JsonTooDeepError,
  EmptyFeedError,
  InvalidItemsError,
  isFormatError,
  type ItemError,
  type FieldError,
  type TextPosition,
} from './errors';
export { detectFormat, detectFormatDetailed, type DetectFormatInput, type FormatDetection } from './detect-format';
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
export { decodeTextLayout, encodeTextLayout, MAX_HINT_BLOCKS, type TextLayoutFields } from './text-page-layout-hint';
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
export {
  parseIngestBody,
  decodeBody,
  firstInvalidUtf8Offset,
  xmlDeclaredEncoding,
  type IngestBody,
  type ParsedIngestBody,
} from './parse-ingest-body';
export { parseWireDate } from './wire-dates';
export { FUTURE_DATE_TOLERANCE_MS, type ParsedBatch, type WireParseOptions } from './wire-context';
export { parseXml, type XmlElement, type XmlNode, type XmlAttribute, type XmlParseOptions } from './xml';
export { parseJsonSafely, DEFAULT_MAX_JSON_DEPTH } from './json-safe';
export { parseRssFeed } from './parse-rss';
export { parseAtomFeed, ATOM_NS } from './parse-atom';
export { parseNewsMl, newsMlPubStatus, NEWSML_G2_NS } from './parse-newsml';
export { parseNitf } from './parse-nitf';
export { parseNinjs, looksLikeNinjs } from './parse-ninjs';
export {
  parseNativeJson,
  validateNativeArticle,
  NATIVE_ARTICLE_OPENAPI_SCHEMA,
  NATIVE_ARTICLE_BODY_OPENAPI_SCHEMA,
  type NativeArticle,
} from './native-article';
export {
  MAX_HTML_DEPTH,
  BLOCK_TAGS,
  parseHtmlDocument,
  elementText,
  elementTextLength,
  collapsedLength,
  isElement,
  toArray,
  ELEMENT_NODE,
  TEXT_NODE,
  type DomDocument,
  type DomElement,
  type DomNode,
} from './html-dom';
export {
  extractHtmlDates,
  collectHtmlDateCandidates,
  findDateInText,
  urlDate,
  type DateHit,
  type DateCandidate,
  type HtmlDates,
  type HtmlDateOptions,
} from './html-date';
export { readHtmlMetadata, type HtmlPageMetadata, type HtmlPageOptions } from './parse-html-page';
