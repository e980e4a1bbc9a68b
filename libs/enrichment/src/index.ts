export { enrichArticle, type EnrichArticleInput, type EnrichArticleOptions } from './enrich-article';
export { cleanTextPage, cleanHtmlPage, paragraphKey, type CleanedBody, type CleanOptions } from './chrome';
export { detectLanguage } from './language';
export { SUPPORTED_LANGUAGES, type SupportedLanguage } from './stopwords';
export { summarize } from './summary';
export { extractKeywords } from './keywords';
export { simhash64, fnv1a64, hammingDistance64, contentHash } from './fingerprint';
export { extractDateline, type Dateline } from './dateline';
export {
  extractEntities,
  extractEntityMentions,
  type EntityResult,
  type EntityMention,
  type EntityOptions,
  type PersonMention,
} from './entities';
export { extractQuotes } from './quotes';
export { sentences, words } from './text-units';
export { extractHtmlCandidates, chooseCandidate, mergeWithClassifier, type HtmlCandidates } from './html-extract';
export type { HtmlBlock } from './html-blocks';
