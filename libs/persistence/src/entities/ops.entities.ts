import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per article version the indexer made searchable (the engine acknowledged it), with its ingest time: what
 * the ops status computes freshness percentiles and counts from. Append-only, pruned after FRESHNESS_RETENTION_DAYS
 * (migration 1764800000000).
 */
@Entity({ name: 'article_freshness' })
/** BRIN: rows arrive in `searchable_at` order; the status counts by time windows. */
@Index('article_freshness_searchable_brin', ['searchableAt'], { type: 'brin' })
export class ArticleFreshnessEntity {
  @PrimaryColumn({ name: 'article_id', type: 'text' })
  articleId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ name: 'source_id', type: 'text' })
  sourceId!: string;

  @Column({ name: 'ingested_at', type: 'timestamptz' })
  ingestedAt!: Date;

  @Column({ name: 'searchable_at', type: 'timestamptz' })
  searchableAt!: Date;
}

/** A `wirestream reenrich` run: its filter and keyset position, so an interrupted run resumes (`--resume`). */
@Entity({ name: 'reenrichment_runs' })
export class ReenrichmentRunEntity {
  @PrimaryColumn({ name: 'run_id', type: 'text' })
  runId!: string;

  /** `{ since: ISO string | null, sourceId: string | null }`, canonical so equal filters compare equal (`jsonb =`). */
  @Column({ type: 'jsonb' })
  filter!: { since: string | null; sourceId: string | null };

  /** The last article id whose event Kafka acknowledged (null before the first). */
  @Column({ name: 'after_id', type: 'text', nullable: true })
  afterId!: string | null;

  @Column({ type: 'integer', default: 0 })
  published!: number;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
