import { commonEnvSchema, loadConfig, portSchema, SERVICE_CONFIG } from '@wirestream/platform';
import { z } from 'zod';

export const enricherEnvSchema = commonEnvSchema.extend({
  PORT: portSchema(3002),
  ENRICHER_GROUP_ID: z.string().min(1).default('wirestream-enricher'),
  /** Attempts for a transient failure (backoff doubling from 250 ms to 30 s: about 2.5 minutes for 10) before the message is dead-lettered. */
  ENRICHER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(10),
});

export type EnricherConfig = z.infer<typeof enricherEnvSchema>;

export const ENRICHER_CONFIG = SERVICE_CONFIG;

export function loadEnricherConfig(env: NodeJS.ProcessEnv = process.env): EnricherConfig {
  return loadConfig('enricher', enricherEnvSchema, env);
}
