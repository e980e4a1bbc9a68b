import { commonEnvSchema, loadConfig, portSchema, SERVICE_CONFIG } from '@wirestream/platform';
import { z } from 'zod';

export const ingestorEnvSchema = commonEnvSchema
  .extend({
    PORT: portSchema(3001),
    /** Comma-separated API keys (kept only as SHA-256 hashes in memory). */
    API_KEYS: z.string().optional(),
    /** Comma-separated SHA-256 hex digests of API keys, for deployments that never hand the service a plaintext key. */
    API_KEY_HASHES: z
      .string()
      .optional()
      .refine((v) => !v || v.split(',').every((h) => /^[0-9a-f]{64}$/i.test(h.trim())), 'each entry must be a 64-character SHA-256 hex digest'),
    INGEST_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
    OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60000).default(250),
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(10000).default(500),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.API_KEYS && !env.API_KEY_HASHES) {
      ctx.addIssue({ code: 'custom', path: ['API_KEYS'], message: 'an API key (API_KEYS or API_KEY_HASHES) is required outside development' });
    }
  });

export type IngestorConfig = z.infer<typeof ingestorEnvSchema>;

export const INGESTOR_CONFIG = SERVICE_CONFIG;

export function loadIngestorConfig(env: NodeJS.ProcessEnv = process.env): IngestorConfig {
  return loadConfig('ingestor', ingestorEnvSchema, env);
}
