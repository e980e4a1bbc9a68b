import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A feed the ingestor polls. Auth headers are kept sealed (encrypted); only their names are readable. */
@Entity({ name: 'feed_sources' })
@Index('feed_sources_due_idx', ['nextPollAt'], { where: 'enabled' })
@Check('feed_sources_poll_interval_seconds_check', 'poll_interval_seconds > 0')
export class FeedSourceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text', default: 'auto' })
  format!: string;

  @Column({ name: 'poll_interval_seconds', type: 'integer' })
  pollIntervalSeconds!: number;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'auth_headers_sealed', type: 'text', nullable: true })
  authHeadersSealed!: string | null;

  @Column({ name: 'auth_header_names', type: 'text', array: true, default: () => "'{}'" })
  authHeaderNames!: string[];

  @Column({ type: 'text', nullable: true })
  etag!: string | null;

  @Column({ name: 'last_modified', type: 'text', nullable: true })
  lastModified!: string | null;

  @Column({ name: 'next_poll_at', type: 'timestamptz', default: () => 'now()' })
  nextPollAt!: Date;

  @Column({ name: 'last_polled_at', type: 'timestamptz', nullable: true })
  lastPolledAt!: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'last_error_code', type: 'text', nullable: true })
  lastErrorCode!: string | null;

  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true })
  lastErrorAt!: Date | null;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures!: number;

  @Column({ name: 'items_seen', type: 'bigint', default: 0 })
  itemsSeen!: string;

  @Column({ name: 'items_new', type: 'bigint', default: 0 })
  itemsNew!: string;

  @Column({ name: 'last_new_item_at', type: 'timestamptz', nullable: true })
  lastNewItemAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
