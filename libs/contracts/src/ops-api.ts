/** `GET /v1/ops/status` (indexer): the pipeline on one page, gathered from Postgres, Kafka and the engine directly. */

/** The pipeline's stages, in order. `deadLettered` counts messages sent to either DLQ topic. */
export const OPS_STAGES = ['ingested', 'published', 'enriched', 'indexed', 'deadLettered'] as const;
export type OpsStage = (typeof OPS_STAGES)[number];

/** What the status could not reach (its parts that depend on it are null or empty). */
export type OpsDependency = 'postgres' | 'kafka' | 'search';

export interface OpsStageCounts {
  /** Items in the last 5 minutes and the last hour; null when the stage's source was unreachable. */
  last5m: number | null;
  last1h: number | null;
  /** Items per minute over the last 5 minutes. */
  perMinute5m: number | null;
}

/** Items per stage per minute over the last hour, oldest first; `minutes` are epoch seconds of each minute's start. */
export interface OpsThroughput {
  minutes: number[];
  stages: Record<OpsStage, (number | null)[]>;
}

export interface OpsPartitionLag {
  partition: number;
  lag: number;
}

export interface OpsConsumerLag {
  group: string;
  topic: string;
  total: number;
  partitions: OpsPartitionLag[];
}

export interface OpsDeadLetterReason {
  partition: number;
  offset: string;
  articleId: string | null;
  errorCode: string;
  reason: string;
  failedAt: string;
}

export interface OpsDeadLetterTopic {
  topic: string;
  /** The stage the CLI names it by (`npm run cli -- dlq list --stage raw|enriched`). */
  stage: 'raw' | 'enriched';
  /** Messages the topic retains. */
  size: number;
  /** The most recent dead letters, newest first (at most 5). */
  latest: OpsDeadLetterReason[];
  /** The command that replays them. */
  replayHint: string;
}

export interface OpsFreshness {
  /** Ingest → searchable latency in seconds of articles that became searchable in the last 5 minutes. */
  samples5m: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  sloSeconds: number;
  /** Age in seconds of the oldest article version accepted (within the last hour) and not stored by the indexer yet; null when none. */
  oldestUnsearchableSeconds: number | null;
}

export interface OpsOutbox {
  /** Accepted articles not yet published to Kafka. */
  pending: number;
  oldestPendingSeconds: number | null;
}

export interface OpsDependencyHealth {
  status: 'up' | 'down';
  /** Cluster status for the engine (green/yellow/red/unreachable). */
  detail?: string;
  /** Searchable documents behind the alias (the engine), when it answered. */
  documents?: number;
  latencyMs?: number;
}

export interface OpsSource {
  id: string;
  name: string | null;
  lastItemAt: string | null;
  itemsLast24h: number;
  /** Median gap in seconds between its last (up to 50) items; null with fewer than two. */
  usualIntervalSeconds: number | null;
  silentSeconds: number | null;
  /** See `quietRule` in the response. */
  goneQuiet: boolean;
  /** A polled feed whose last fetches failed (consecutive failures > 0), with its last error. */
  failing: boolean;
  lastError: string | null;
}

export interface OpsStatus {
  generatedAt: string;
  /** Dependencies that did not answer within the time limit: their parts are null/empty, the rest is current. */
  unavailable: OpsDependency[];
  stages: Record<OpsStage, OpsStageCounts>;
  throughput: OpsThroughput;
  lag: OpsConsumerLag[];
  outbox: OpsOutbox | null;
  deadLetters: OpsDeadLetterTopic[];
  freshness: OpsFreshness;
  health: Record<OpsDependency, OpsDependencyHealth>;
  /** Quiet or failing sources first, then by last item (most recent first). */
  sources: OpsSource[];
  /** The gone-quiet rule in words, with this deployment's numbers. */
  quietRule: string;
}
