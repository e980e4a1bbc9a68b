import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The current version of each enriched article (the read API serves `document`). */
@Entity({ name: 'articles' })
@Index('articles_published_idx', ['publishedAt'])
@Index('articles_cluster_idx', ['clusterId'])
export class ArticleEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'pub_status', type: 'text' })
  pubStatus!: string;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;

  @Column({ name: 'source_name', type: 'text', nullable: true })
  sourceName!: string | null;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  language!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ name: 'cluster_id', type: 'text', nullable: true })
  clusterId!: string | null;

  /** `json`, not `jsonb`: written once per version and read whole (see migration 1764500000000). */
  @Column({ type: 'json' })
  document!: unknown;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  /** When the indexer first stored any version of it (breaks publishedAt ties for a cluster's lead). */
  @Column({ name: 'first_seen_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  firstSeenAt!: Date;
}

/**
 * Every enriched version, kept for `/versions`. `document` is NULL for the article's current version (stored once,
 * in `articles.document`); read it as `COALESCE(v.document, a.document)` joined on the same version.
 */
@Entity({ name: 'article_versions' })
export class ArticleVersionEntity {
  @PrimaryColumn({ name: 'article_id', type: 'text' })
  articleId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'json', nullable: true })
  document!: unknown;

  @Column({ type: 'jsonb', default: [] })
  changes!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}

/** Event ids already applied: redelivery of the same event is a no-op. */
@Entity({ name: 'processed_events' })
/** BRIN: ids arrive in time order; retention prunes by `processed_at` (migration 1764600000000). */
@Index('processed_events_processed_at_brin', ['processedAt'], { type: 'brin' })
export class ProcessedEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ type: 'text' })
  consumer!: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
