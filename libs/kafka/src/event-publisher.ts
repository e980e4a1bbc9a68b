import type { EventEnvelope } from '@wirestream/contracts';
import { CompressionTypes, Partitioners, type Kafka, type Producer } from 'kafkajs';
import { traceparent } from './envelope';

export interface OutgoingEvent {
  topic: string;
  envelope: EventEnvelope<unknown>;
}

/**
 * Idempotent producer (no duplicates from its own retries) with acks from all in-sync replicas.
 * The message key is always the article id, so all versions of an article stay in order on one partition.
 */
export class EventPublisher {
  private readonly producer: Producer;
  private connected = false;

  constructor(kafka: Kafka) {
    // The Java-compatible partitioner: the same key lands on the same partition whichever client produced it.
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  async publish(events: OutgoingEvent[]): Promise<void> {
    if (!events.length) return;
    await this.connect();
    const byTopic = new Map<string, OutgoingEvent[]>();
    for (const event of events) byTopic.set(event.topic, [...(byTopic.get(event.topic) ?? []), event]);
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map(({ envelope }) => ({
          key: envelope.articleId,
          value: JSON.stringify(envelope),
          headers: { eventId: envelope.eventId, traceparent: traceparent(envelope.traceId), type: envelope.type },
        })),
      })),
    });
  }

  /** Raw publish for dead letters, whose value may not be an envelope. */
  async publishRaw(topic: string, messages: { key: string | null; value: string; headers: Record<string, string> }[]): Promise<void> {
    await this.connect();
    await this.producer.send({ topic, acks: -1, messages });
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    this.connected = false;
    await this.producer.disconnect();
  }
}
