import { z } from 'zod';

export class ConfigValidationError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`${service}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Variables every service reads. Defaults point at the local stack (`npm run stack:up`). */
export const commonEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((v) =>
      v
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'each broker must be host:port')).min(1)),
  KAFKA_CLIENT_ID: z.string().optional(),
  /** Empty in production (topic names are a contract); tests isolate runs with a prefix. */
  /** How long a silent consumer keeps its partitions before the group hands them to another member. */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).max(300000).default(30000),
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'letters, digits, . _ - only')
    .default(''),
  /** Partitions per topic, applied by ensureTopics (increase-only): the most instances of one service that share work. */
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(12),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' })
    .default('postgres://postgres@127.0.0.1:5432/wirestream'),
});

/** Variables of a service that talks to the search engine. */
export const searchEnvSchema = z.object({
  SEARCH_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).default('http://127.0.0.1:9200'),
  SEARCH_ENGINE: z.enum(['auto', 'opensearch', 'elasticsearch']).default('auto'),
  SEARCH_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]*$/, 'lowercase letters, digits, _ and - only')
    .default(''),
});

export const portSchema = (defaultPort: number) => z.coerce.number().int().min(1).max(65535).default(defaultPort);

/**
 * Validates the environment once at start-up. Fails listing every bad variable, not just the first,
 * so an operator fixes a deployment in one go.
 */
export function loadConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const raw = issue.path.length ? env[String(issue.path[0])] : undefined;
    const shown = raw === undefined ? 'not set' : isSecretName(name) ? 'value redacted' : JSON.stringify(raw);
    return `${name}: ${issue.message} (${shown})`;
  });
  throw new ConfigValidationError(service, problems);
}

const SECRET_NAME = /(KEY|SECRET|TOKEN|PASSWORD)/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** For logging a loaded config: secrets and URL credentials are replaced. */
export function redactConfig(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => {
      if (isSecretName(key)) return [key, value === undefined || value === '' ? value : '[redacted]'];
      if (typeof value === 'string' && /^[a-z]+:\/\/[^/]*@/i.test(value)) return [key, redactUrlCredentials(value)];
      return [key, value];
    }),
  );
}

export function redactUrlCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
