import {
  apiKeyHashesSchema,
  commonEnvSchema,
  loadConfig,
  portSchema,
  searchEnvSchema,
  SERVICE_CONFIG,
} from '@wirestream/platform';
import { z } from 'zod';

export const indexerEnvSchema = commonEnvSchema
  .extend(searchEnvSchema.shape)
  .extend({
    /** Comma-separated keys for the admin endpoints (`POST /v1/admin/reindex`); held only as SHA-256 digests. */
    ADMIN_API_KEYS: z.string().optional(),
    /** Comma-separated SHA-256 hex digests of admin keys, for deployments that never hand the service a plaintext key. */
    ADMIN_API_KEY_HASHES: apiKeyHashesSchema,
    /** Articles read from Postgres and written per bulk request while rebuilding the index. */
    REINDEX_PAGE_SIZE: z.coerce.number().int().min(1).max(10000).default(1000),
    /** Pause between pages of a rebuild, to leave room for live traffic on a busy cluster. */
    REINDEX_THROTTLE_MS: z.coerce.number().int().min(0).max(60000).default(0),
    PORT: portSchema(3003),
    INDEXER_GROUP_ID: z.string().min(1).default('wirestream-indexer'),
    /** Attempts for a transient failure (engine or Postgres unavailable) before the DLQ: backoff 250 ms → 30 s, about 2.5 minutes for 10. */
    INDEXER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(10),
    /** Upper bound of bytes fetched per partition per poll, which bounds one bulk request. */
    INDEXER_MAX_BATCH_BYTES: z.coerce
      .number()
      .int()
      .min(64 * 1024)
      .max(64 * 1024 * 1024)
      .default(5 * 1024 * 1024),
    /** How long a poll may wait to fill a batch (the bulk linger). */
    INDEXER_LINGER_MS: z.coerce.number().int().min(0).max(10000).default(50),
    /** A batch larger than this many documents goes to the engine as several bulk requests. */
    INDEXER_MAX_BULK_DOCS: z.coerce.number().int().min(1).max(100000).default(2000),
    /**
     * Processed event ids (what makes a redelivery a no-op) are deleted once older than this, hourly; 0 keeps them.
     * Keep it above the topics' retention and the longest DLQ replay you expect (older events are still version-guarded).
     */
    PROCESSED_EVENTS_RETENTION_DAYS: z.coerce.number().min(0).max(3650).default(30),
    /** The freshness objective: ingest → searchable p95 over 5 minutes at most this (the ops page's SLO line, the alert). */
    FRESHNESS_SLO_SECONDS: z.coerce.number().positive().max(86400).default(5),
    /** Per-article freshness rows (what the status's percentiles and indexed counts read) are deleted once older than this; 0 keeps them. */
    FRESHNESS_RETENTION_DAYS: z.coerce.number().min(0).max(3650).default(7),
    /** The enricher's consumer group, whose lag `/v1/ops/status` reports next to the indexer's own. */
    ENRICHER_GROUP_ID: z.string().min(1).default('wirestream-enricher'),
    /** Each dependency gets this long to answer `/v1/ops/status`; what does not is named in `unavailable`. */
    OPS_TIMEOUT_MS: z.coerce.number().int().min(100).max(30000).default(2500),
    /** Gone quiet: silent for more than FACTOR × its median gap and more than MIN_SECONDS, having delivered at least MIN_ITEMS. */
    OPS_QUIET_FACTOR: z.coerce.number().min(1).max(1000).default(4),
    OPS_QUIET_MIN_SECONDS: z.coerce
      .number()
      .min(0)
      .max(30 * 86400)
      .default(1800),
    OPS_QUIET_MIN_ITEMS: z.coerce.number().int().min(2).max(50).default(5),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.ADMIN_API_KEYS && !env.ADMIN_API_KEY_HASHES) {
      ctx.addIssue({
        code: 'custom',
        path: ['ADMIN_API_KEYS'],
        message: 'an admin API key (ADMIN_API_KEYS or ADMIN_API_KEY_HASHES) is required outside development',
      });
    }
  });

export type IndexerConfig = z.infer<typeof indexerEnvSchema>;

export const INDEXER_CONFIG = SERVICE_CONFIG;

export function loadIndexerConfig(env: NodeJS.ProcessEnv = process.env): IndexerConfig {
  return loadConfig('indexer', indexerEnvSchema, env);
}
