import { isRetriable } from '@wirestream/platform';

/**
 * Postgres SQLSTATEs of failures outside the statement: the connection, the server's capacity or state, or a
 * conflict with a concurrent transaction. The same work can succeed when retried.
 */
const TRANSIENT_SQLSTATES = new Set([
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '53300', // too_many_connections
  '55P03', // lock_not_available
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);

/** node-postgres' own messages for a pool that could not hand out a connection in time, or one that died. */
const TRANSIENT_DRIVER_MESSAGE =
  /^(timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error)/;

/**
 * Whether a database failure is about the database's availability rather than the work: worth another try, and
 * for an HTTP client a 503. A missing table, a constraint or a type error is not (it would fail the same way again).
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (isRetriable(error)) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && TRANSIENT_SQLSTATES.has(code)) return true;
  return typeof message === 'string' && TRANSIENT_DRIVER_MESSAGE.test(message);
}
