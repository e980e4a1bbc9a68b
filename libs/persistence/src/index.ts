export * from './data-source';
export * from './transient-errors';
export * from './migrate';
export * from './stores/raw-article.store';
export * from './stores/outbox.store';
export * from './stores/processed-event.store';
export * from './stores/article.store';
export { ArticleEntity, ArticleVersionEntity, ProcessedEventEntity } from './entities/article.entity';
export { RawArticleEntity } from './entities/raw-article.entity';
export { OutboxMessageEntity } from './entities/outbox-message.entity';
export type { DataSource } from 'typeorm';
export * from './database.module';
export * from './store.providers';
export * from './stores/feed-source.store';
export { FeedSourceEntity } from './entities/feed-source.entity';
export {
  SourceEntity,
  NamedEntityEntity,
  ArticleEntityLinkEntity,
  QuoteEntity,
  StoryClusterEntity,
  FingerprintBandEntity,
} from './entities/story.entities';
export { ArticleFreshnessEntity, ReenrichmentRunEntity } from './entities/ops.entities';
export {
  simhashBands,
  fingerprintDistance,
  STORY_CLUSTER_MAX_DISTANCE,
  MIN_WORDS_FOR_CLUSTERING,
  BAND_COUNT,
  type FingerprintBand,
} from './clustering/simhash-bands';
export {
  minhashSignature,
  lshBandKeys,
  signatureSimilarity,
  shingleHashes,
  STORY_SIGNATURE,
  type StorySignatureOptions,
} from './clustering/minhash';
export {
  CANDIDATE_POSTINGS_PER_KEY,
  CANDIDATES_PER_PROBE,
  storySignature,
  signatureOfBody,
  signatureDistance,
  isStorySignature,
  STORY_MAX_SIGNATURE_DISTANCE,
  type StorySignature,
} from './clustering/story-signature';
export * from './stores/ops.store';
export * from './stores/reenrichment.store';
