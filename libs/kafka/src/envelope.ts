import { randomBytes, randomUUID } from 'node:crypto';
import { SCHEMA_VERSION, type EventEnvelope } from '@wirestream/contracts';

export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

/** W3C trace context header; a new span id per hop, the trace id carried through the pipeline. */
export function traceparent(traceId: string): string {
  return `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
}

export function traceIdFromTraceparent(value: string | undefined): string | null {
  const match = value?.match(/^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/);
  return match ? match[1]! : null;
}

export function createEnvelope<T>(input: {
  type: string;
  articleId: string;
  version: number;
  payload: T;
  traceId?: string;
  eventId?: string;
  occurredAt?: string;
}): EventEnvelope<T> {
  return {
    eventId: input.eventId ?? randomUUID(),
    type: input.type,
    schemaVersion: SCHEMA_VERSION,
    occurredAt: input.occurredAt ?? new Date().toISOString(),
    traceId: input.traceId ?? newTraceId(),
    articleId: input.articleId,
    version: input.version,
    payload: input.payload,
  };
}
