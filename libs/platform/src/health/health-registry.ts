/** A check resolves when its dependency is usable (optionally with details worth showing), and throws when it is not. */
export type HealthCheck = () => Promise<void | Record<string, unknown>>;

export interface HealthCheckResult {
  status: 'up' | 'down';
  error?: string;
  /** What the check knows about its subject (e.g. a consumer's state, member id and last batch time). */
  details?: Record<string, unknown>;
}

export interface HealthReport {
  status: 'ok' | 'error';
  checks: Record<string, HealthCheckResult>;
}

/** A failed check that still reports the state it saw, so `/health/ready` shows why it is down. */
export class HealthCheckError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HealthCheckError';
  }
}

/** Readiness = every registered dependency answers. Features register their own checks. */
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  async report(timeoutMs = 3000): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, HealthCheckResult]> => {
        try {
          const details = await withTimeout(check(), timeoutMs, name);
          return [name, details ? { status: 'up', details } : { status: 'up' }];
        } catch (error) {
          const down: HealthCheckResult = { status: 'down', error: (error as Error).message };
          if (error instanceof HealthCheckError) down.details = error.details;
          return [name, down];
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    return { status: entries.every(([, r]) => r.status === 'up') ? 'ok' : 'error', checks };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name} did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
