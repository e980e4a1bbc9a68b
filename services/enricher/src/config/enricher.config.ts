import { commonEnvSchema, loadConfig, portSchema, SERVICE_CONFIG } from '@wirestream/platform';
import { availableParallelism } from 'node:os';
import { z } from 'zod';

export const enricherEnvSchema = commonEnvSchema.extend({
  PORT: portSchema(3002),
  ENRICHER_GROUP_ID: z.string().min(1).default('wirestream-enricher'),
  /** Attempts for a transient failure (backoff doubling from 250 ms to 30 s: about 2.5 minutes for 10) before the message is dead-lettered. */
  ENRICHER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(10),
  /** Bytes fetched per partition per poll: bounds one batch (its enriched events are ~1–4.5× larger). */
  ENRICHER_MAX_BATCH_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  /** Worker threads that run `enrichArticle` (off the event loop); default one per available core. */
  ENRICHER_WORKERS: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
  /**
   * Wall-clock budget of one item in a worker; over it the worker is replaced and the item dead-lettered with
   * `enrich-timeout`. Wall, not CPU time: a thread stuck in one regex cannot measure itself (see EnrichPool).
   */
  ENRICH_ITEM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(5000),
  /**
   * Items whose content is shorter than this (characters) are enriched in-process, one per event-loop turn, not on
   * a worker: cheaper than the round trip, and short enough to hold the loop briefly (see EnrichPool). 0: all on workers.
   */
  ENRICH_INLINE_MAX_CHARS: z.coerce.number().int().min(0).max(65536).default(16384),
});

export type EnricherConfig = z.infer<typeof enricherEnvSchema>;

export const ENRICHER_CONFIG = SERVICE_CONFIG;

export function loadEnricherConfig(env: NodeJS.ProcessEnv = process.env): EnricherConfig {
  return loadConfig('enricher', enricherEnvSchema, env);
}
