import type { EntityType } from '@wirestream/contracts';
import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { STORY_SIGNATURE } from '../clustering/minhash';

/** A source as articles name it, upserted as they arrive (the ingestor's configured feeds are `feed_sources`). */
@Entity({ name: 'sources' })
export class SourceEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ name: 'first_seen_at', type: 'timestamptz', default: () => 'now()' })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;
}

/** A person, place or organisation by canonical name; one row per (type, name). */
@Entity({ name: 'entities' })
@Unique('entities_type_name_key', ['type', 'name'])
@Check('entities_type_check', "type IN ('person', 'place', 'organization')")
export class NamedEntityEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  type!: EntityType;

  @Column({ type: 'text' })
  name!: string;
}

/** How often the current version of an article mentions an entity; replaced when a newer version lands. */
@Entity({ name: 'article_entities' })
@Index('article_entities_entity_idx', ['entityId'])
@Check('article_entities_count_check', 'count >= 1')
export class ArticleEntityLinkEntity {
  @PrimaryColumn({ name: 'article_id', type: 'text' })
  articleId!: string;

  @PrimaryColumn({ name: 'entity_id', type: 'bigint' })
  entityId!: string;

  @Column({ type: 'integer' })
  count!: number;
}

/** Direct quotes of the current version, in order. */
@Entity({ name: 'quotes' })
@Check('quotes_ordinal_check', 'ordinal >= 0')
export class QuoteEntity {
  @PrimaryColumn({ name: 'article_id', type: 'text' })
  articleId!: string;

  @PrimaryColumn({ type: 'integer' })
  ordinal!: number;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  speaker!: string | null;
}

/** Near-duplicate articles (same story). `id` is the id of the article that started it; the lead is the earliest member. */
@Entity({ name: 'story_clusters' })
@Check('story_clusters_size_check', 'size >= 1')
export class StoryClusterEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'lead_article_id', type: 'text' })
  leadArticleId!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ type: 'integer' })
  size!: number;
}

/**
 * Story signature of each clusterable article's current version (see `clustering/minhash.ts`): one row per article,
 * its 64 LSH `keys`, the 128-value MinHash `signature` candidates are checked on, and when it was banded (`seen`,
 * shared by its postings in `fingerprint_band_keys`).
 */
@Entity({ name: 'fingerprint_bands' })
@Check('fingerprint_bands_keys_size', `cardinality(keys) = ${STORY_SIGNATURE.bands}`)
@Check('fingerprint_bands_signature_size', `cardinality(signature) = ${STORY_SIGNATURE.hashes}`)
export class FingerprintBandEntity {
  @PrimaryColumn({ name: 'article_id', type: 'text' })
  articleId!: string;

  @Column({ type: 'integer', array: true })
  keys!: number[];

  @Column({ type: 'integer', array: true })
  signature!: number[];

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  seen!: Date;
}

/**
 * The band index as postings: one row per (LSH key, article), its primary key read backwards per key (newest first),
 * so a candidate lookup reads a bounded number of rows however many articles share a key (migration 1765000000000).
 */
@Entity({ name: 'fingerprint_band_keys' })
export class FingerprintBandKeyEntity {
  @PrimaryColumn({ type: 'integer' })
  key!: number;

  @PrimaryColumn({ type: 'timestamptz' })
  seen!: Date;

  @PrimaryColumn({ name: 'article_id', type: 'text' })
  articleId!: string;
}

export const STORY_ENTITIES = [
  SourceEntity,
  NamedEntityEntity,
  ArticleEntityLinkEntity,
  QuoteEntity,
  StoryClusterEntity,
  FingerprintBandEntity,
  FingerprintBandKeyEntity,
];
