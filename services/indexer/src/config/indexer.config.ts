import { commonEnvSchema, loadConfig, portSchema, searchEnvSchema, SERVICE_CONFIG } from '@wirestream/platform';
import { z } from 'zod';

export const indexerEnvSchema = commonEnvSchema.extend(searchEnvSchema.shape).extend({
  PORT: portSchema(3003),
  INDEXER_GROUP_ID: z.string().min(1).default('wirestream-indexer'),
  INDEXER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** Upper bound of bytes fetched per partition per poll, which bounds one bulk request. */
  INDEXER_MAX_BATCH_BYTES: z.coerce.number().int().min(64 * 1024).max(64 * 1024 * 1024).default(5 * 1024 * 1024),
  /** How long a poll may wait to fill a batch (the bulk linger). */
  INDEXER_LINGER_MS: z.coerce.number().int().min(0).max(10000).default(50),
});

export type IndexerConfig = z.infer<typeof indexerEnvSchema>;

export const INDEXER_CONFIG = SERVICE_CONFIG;

export function loadIndexerConfig(env: NodeJS.ProcessEnv = process.env): IndexerConfig {
  return loadConfig('indexer', indexerEnvSchema, env);
}
