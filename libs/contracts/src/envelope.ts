/** Every event on every topic is wrapped in this envelope; the Kafka key is always `articleId`. */
export interface EventEnvelope<TPayload> {
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  traceId: string;
  articleId: string;
  version: number;
  payload: TPayload;
}

/** Payload of a `<topic>.dlq` message. */
export interface DeadLetterPayload {
  originalTopic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The original message value, as UTF-8 text (it may not be valid JSON — that can be the reason it is here). */
  value: string | null;
  headers: Record<string, string>;
  errorClass: string;
  errorCode: string;
  message: string;
  reason: string;
  attempts: number;
  failedAt: string;
}
