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
  /**
   * Only on events of a re-enrichment run (`wirestream reenrich`): set on the `article.received` events it publishes
   * and carried by the enricher onto the `article.enriched` one, where it lets the indexer replace the stored
   * document of the same version (any other event of a stored version is a duplicate).
   */
  reenrichment?: Reenrichment;
}

export interface Reenrichment {
  /** The run that published the event (its resumable position is stored under this id). */
  runId: string;
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
