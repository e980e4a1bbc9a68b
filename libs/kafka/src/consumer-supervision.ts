import type { Logger } from 'pino';

/** How long a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10000;

/**
 * `ReliableConsumer`'s `onGiveUp` for a service: the consumer could not rejoin its group, so the process ends
 * non-zero and its supervisor (systemd, Kubernetes, the demo runner) starts a fresh one. SIGTERM first, so Nest
 * closes cleanly (uncommitted work is redelivered to the next process); exit code 1 if that takes too long.
 */
export function exitForSupervisor(logger: Logger, error: unknown): void {
  logger.fatal(
    { error: error instanceof Error ? error.message : String(error) },
    'a Kafka consumer gave up rejoining its group; exiting so the supervisor restarts the service',
  );
  process.exitCode = 1;
  setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
  process.kill(process.pid, 'SIGTERM');
}
