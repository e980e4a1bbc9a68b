import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every version the ingestor accepted, exactly as received (the item's text) plus what the parser read from it. */
@Entity({ name: 'raw_articles' })
@Index('raw_articles_source_idx', ['sourceId', 'receivedAt'])
/** BRIN: rows arrive in `received_at` order; the ops status counts by time windows (migration 1764800000000). */
@Index('raw_articles_received_brin', ['receivedAt'], { type: 'brin' })
@Check('raw_articles_version_check', 'version > 0')
@Check('raw_articles_pub_status_check', "pub_status IN ('usable', 'withdrawn')")
export class RawArticleEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;

  @Column({ type: 'text' })
  format!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ name: 'pub_status', type: 'text' })
  pubStatus!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'jsonb' })
  item!: unknown;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
