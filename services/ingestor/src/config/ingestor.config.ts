import { apiKeyHashesSchema, commonEnvSchema, loadConfig, portSchema, SERVICE_CONFIG } from '@wirestream/platform';
import { DEFAULT_INGEST_MAX_ITEM_BYTES, DEFAULT_INGEST_MAX_ITEMS, EVENT_MAX_BYTES } from '@wirestream/contracts';
import { z } from 'zod';

export const ingestorEnvSchema = commonEnvSchema
  .extend({
    PORT: portSchema(3001),
    /** Comma-separated API keys (kept only as SHA-256 hashes in memory). */
    API_KEYS: z.string().optional(),
    /** Comma-separated SHA-256 hex digests of API keys, for deployments that never hand the service a plaintext key. */
    API_KEY_HASHES: apiKeyHashesSchema,
    INGEST_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    /** Per-item limit on the item serialized as JSON (what goes into its event); larger items are refused with 413. */
    INGEST_MAX_ITEM_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_INGEST_MAX_ITEM_BYTES),
    /** Items per request or feed poll; more is refused with 413 `too-many-items`. */
    INGEST_MAX_ITEMS: z.coerce.number().int().min(1).max(100000).default(DEFAULT_INGEST_MAX_ITEMS),
    /**
     * Bodies of at least this many bytes are parsed on a worker thread, so the event loop keeps answering health
     * checks and other requests; smaller ones inline, where a worker round trip would cost more than the parse.
     */
    INGEST_PARSE_IN_WORKER_BYTES: z.coerce
      .number()
      .int()
      .min(0)
      .default(64 * 1024),
    /** Worker threads parsing large bodies; one leaves the other core to the enricher on a 2-core host. */
    INGEST_PARSE_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    /** Wall-clock budget of one body's parse in a worker; over it the worker is replaced and the request refused with 422 `parse-timeout`. */
    INGEST_PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(10000),
    OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60000).default(250),
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(10000).default(500),
    /** Sent outbox rows (each holds a copy of its raw article) are deleted once older than this, hourly; 0 keeps them. Unsent rows are never deleted. */
    OUTBOX_RETENTION_HOURS: z.coerce
      .number()
      .min(0)
      .max(24 * 365)
      .default(24),
    /** How often the poller looks for due feed sources; 0 turns background polling off (manual polls still work). */
    FEED_POLL_TICK_MS: z.coerce.number().int().min(0).max(3600000).default(5000),
    FEED_FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).max(300000).default(15000),
    FEED_FETCH_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    FEED_FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
    /** Comma-separated host names / IP literals the fetcher may reach on loopback, private or link-local addresses. */
    FEED_FETCH_ALLOWED_HOSTS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((h) =>
            h
              .trim()
              .toLowerCase()
              .replace(/^\[|\]$/g, ''),
          )
          .filter(Boolean),
      ),
    /** Secret the feed sources' auth headers are encrypted with (AES-256-GCM, key derived with HKDF). */
    SOURCE_SECRETS_KEY: z.string().min(16, 'at least 16 characters').optional(),
  })
  .superRefine((env, ctx) => {
    if (enrichedEventBytesFor(env.INGEST_MAX_ITEM_BYTES) > EVENT_MAX_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['INGEST_MAX_ITEM_BYTES'],
        message: `an item this large can become an enriched event of ~${enrichedEventBytesFor(env.INGEST_MAX_ITEM_BYTES)} bytes, over the ${EVENT_MAX_BYTES}-byte event limit; at most ${maxItemBytesForEvents()}`,
      });
    }
    if (env.NODE_ENV === 'production' && !env.API_KEYS && !env.API_KEY_HASHES) {
      ctx.addIssue({
        code: 'custom',
        path: ['API_KEYS'],
        message: 'an API key (API_KEYS or API_KEY_HASHES) is required outside development',
      });
    }
    if (env.NODE_ENV === 'production' && !env.SOURCE_SECRETS_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['SOURCE_SECRETS_KEY'],
        message: "a key for the feed sources' auth headers is required outside development",
      });
    }
  });

/**
 * The enriched event carries an item's text up to ~4.5 times (libs/contracts limits.ts) plus the envelope and
 * enrichment fields; the item limit must leave that room under EVENT_MAX_BYTES.
 */
const ENRICHED_EVENT_GROWTH = 4.5;
const EVENT_OVERHEAD_BYTES = 64 * 1024;

export function enrichedEventBytesFor(itemBytes: number): number {
  return Math.ceil(itemBytes * ENRICHED_EVENT_GROWTH) + EVENT_OVERHEAD_BYTES;
}

export function maxItemBytesForEvents(): number {
  return Math.floor((EVENT_MAX_BYTES - EVENT_OVERHEAD_BYTES) / ENRICHED_EVENT_GROWTH);
}

export type IngestorConfig = z.infer<typeof ingestorEnvSchema>;

export const INGESTOR_CONFIG = SERVICE_CONFIG;

export function loadIngestorConfig(env: NodeJS.ProcessEnv = process.env): IngestorConfig {
  return loadConfig('ingestor', ingestorEnvSchema, env);
}
