import type { SchemaObject } from '@nestjs/swagger';
import { OPS_STAGES } from '@wirestream/contracts';

/** OpenAPI schema of `OpsStatus` (libs/contracts/src/ops-api.ts): the contract is an interface, so it is written out here. */
const nullableNumber: SchemaObject = { type: 'number', nullable: true };
const nullableString: SchemaObject = { type: 'string', nullable: true };
const dependency: SchemaObject = { type: 'string', enum: ['postgres', 'kafka', 'search'] };
const perStage = (schema: SchemaObject): SchemaObject => ({
  type: 'object',
  properties: Object.fromEntries(OPS_STAGES.map((s) => [s, schema])),
  required: [...OPS_STAGES],
});

const stageCounts: SchemaObject = {
  type: 'object',
  description:
    'null when the source of the stage (Postgres for ingested/published/indexed, Kafka for enriched/deadLettered) did not answer',
  properties: { last5m: nullableNumber, last1h: nullableNumber, perMinute5m: nullableNumber },
};

const dependencyHealth: SchemaObject = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['up', 'down'] },
    detail: { type: 'string', description: 'engine cluster status, or why it is down' },
    documents: { type: 'integer', description: 'searchable documents behind the alias' },
    latencyMs: { type: 'integer' },
  },
  required: ['status'],
};

export const OPS_STATUS_SCHEMA: SchemaObject = {
  type: 'object',
  required: [
    'generatedAt',
    'unavailable',
    'stages',
    'throughput',
    'lag',
    'outbox',
    'deadLetters',
    'freshness',
    'health',
    'sources',
    'quietRule',
  ],
  properties: {
    generatedAt: { type: 'string', format: 'date-time' },
    unavailable: {
      type: 'array',
      items: dependency,
      description: 'dependencies that did not answer within OPS_TIMEOUT_MS',
    },
    stages: {
      ...perStage(stageCounts),
      description: 'items per stage in the last 5 minutes and hour, and per minute over the last 5',
    },
    throughput: {
      type: 'object',
      description: 'items per stage per minute over the last hour, oldest first (the current minute is partial)',
      properties: {
        minutes: { type: 'array', items: { type: 'integer' }, description: 'epoch seconds of each minute' },
        stages: perStage({ type: 'array', items: nullableNumber }),
      },
    },
    lag: {
      type: 'array',
      description:
        'messages not yet committed, per consumer group (enricher on the raw topic, indexer on the enriched topic)',
      items: {
        type: 'object',
        properties: {
          group: { type: 'string' },
          topic: { type: 'string' },
          total: { type: 'integer' },
          partitions: {
            type: 'array',
            items: { type: 'object', properties: { partition: { type: 'integer' }, lag: { type: 'integer' } } },
          },
        },
      },
    },
    outbox: {
      type: 'object',
      nullable: true,
      description: 'accepted articles not yet published to Kafka; null when Postgres did not answer',
      properties: { pending: { type: 'integer' }, oldestPendingSeconds: nullableNumber },
    },
    deadLetters: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          topic: { type: 'string' },
          stage: { type: 'string', enum: ['raw', 'enriched'] },
          size: { type: 'integer' },
          latest: {
            type: 'array',
            description: 'the most recent dead letters, newest first (at most 5)',
            items: {
              type: 'object',
              properties: {
                partition: { type: 'integer' },
                offset: { type: 'string' },
                articleId: nullableString,
                errorCode: { type: 'string' },
                reason: { type: 'string' },
                failedAt: { type: 'string' },
              },
            },
          },
          replayHint: { type: 'string', description: 'the CLI command that lists and replays them' },
        },
      },
    },
    freshness: {
      type: 'object',
      description:
        'ingest → searchable latency (seconds) of the articles made searchable in the last 5 minutes, against FRESHNESS_SLO_SECONDS',
      properties: {
        samples5m: { type: 'integer' },
        p50: nullableNumber,
        p95: nullableNumber,
        p99: nullableNumber,
        sloSeconds: { type: 'number' },
        oldestUnsearchableSeconds: {
          ...nullableNumber,
          description: 'age of the oldest version accepted in the last hour and not stored by the indexer yet',
        },
      },
    },
    health: {
      type: 'object',
      properties: { postgres: dependencyHealth, kafka: dependencyHealth, search: dependencyHealth },
      required: ['postgres', 'kafka', 'search'],
    },
    sources: {
      type: 'array',
      description: 'quiet or failing sources first, then by last item (most recent first)',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: nullableString,
          lastItemAt: { ...nullableString, format: 'date-time' },
          itemsLast24h: { type: 'integer' },
          usualIntervalSeconds: { ...nullableNumber, description: 'median gap between its last 50 items' },
          silentSeconds: nullableNumber,
          goneQuiet: { type: 'boolean', description: 'see quietRule' },
          failing: { type: 'boolean', description: 'a polled feed whose last fetches failed' },
          lastError: nullableString,
        },
      },
    },
    quietRule: { type: 'string', description: 'the gone-quiet rule with this deployment’s numbers' },
  },
};
