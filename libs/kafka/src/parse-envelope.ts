import type { EventEnvelope } from '@wirestream/contracts';
import { PermanentError } from '@wirestream/platform';
import type { IncomingMessage } from './reliable-consumer';

export class MalformedEventError extends PermanentError {
  constructor(detail: string) {
    super('malformed-event', detail, 400);
  }
}

/** Parses and checks the envelope; a message that is not one is poison and goes to the DLQ. */
export function parseEnvelope<T>(message: IncomingMessage, expectedType: string): EventEnvelope<T> {
  if (!message.value?.length) throw new MalformedEventError('message has no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    throw new MalformedEventError(`message value is not JSON: ${(error as Error).message}`);
  }
  const e = parsed as Partial<EventEnvelope<T>>;
  const missing = (['eventId', 'type', 'schemaVersion', 'articleId', 'version', 'payload'] as const).filter(
    (k) => e?.[k] === undefined || e?.[k] === null,
  );
  if (missing.length) throw new MalformedEventError(`envelope is missing ${missing.join(', ')}`);
  if (e.type !== expectedType)
    throw new MalformedEventError(`expected event type ${expectedType}, got ${String(e.type)}`);
  if (typeof e.version !== 'number' || !Number.isInteger(e.version) || e.version < 1)
    throw new MalformedEventError(`version must be a positive integer, got ${JSON.stringify(e.version)}`);
  if (message.key !== null && message.key !== e.articleId)
    throw new MalformedEventError(`message key ${message.key} does not match articleId ${String(e.articleId)}`);
  return e as EventEnvelope<T>;
}
