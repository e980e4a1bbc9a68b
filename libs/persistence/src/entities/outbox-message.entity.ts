import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Written in the same transaction as the raw article; the relay publishes it and marks it sent after the broker's ack. */
@Entity({ name: 'outbox' })
@Index('outbox_unsent_idx', ['id'], { where: 'sent_at IS NULL' })
/** BRIN: rows are sent in id (≈ time) order; the ops status counts sends by time windows. */
@Index('outbox_sent_brin', ['sentAt'], { type: 'brin' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  @Column({ type: 'jsonb' })
  envelope!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Set (with sent_at) when the broker refused the row for good and it went to the DLQ instead. */
  @Column({ name: 'dead_lettered_at', type: 'timestamptz', nullable: true })
  deadLetteredAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
