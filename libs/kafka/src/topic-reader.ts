import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';

export interface TopicRecord {
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/**
 * Reads a topic from the beginning with a throwaway consumer group — for the CLI (`dlq list`) and tests.
 * Stops when `until` is satisfied by everything read so far, when `toEnd` is set and every partition has been
 * read up to the end it had when reading started, or when the timeout passes.
 */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  options: { until?: (records: TopicRecord[]) => boolean; toEnd?: boolean; timeoutMs?: number } = {},
): Promise<TopicRecord[]> {
  if (options.toEnd) {
    const ends = await partitionEnds(kafka, topic);
    const remaining = new Map([...ends].filter(([, end]) => end.high > end.low).map(([p, end]) => [p, end.high]));
    if (!remaining.size) return [];
    return readTopic(kafka, topic, {
      ...options,
      toEnd: false,
      until: (records) => {
        const last = records[records.length - 1]!;
        if (BigInt(last.offset) + 1n >= (remaining.get(last.partition) ?? 0n)) remaining.delete(last.partition);
        return remaining.size === 0 || (options.until?.(records) ?? false);
      },
    });
  }
  const records: TopicRecord[] = [];
  const deadline = Date.now() + (options.timeoutMs ?? 10000);
  const consumer = kafka.consumer({ groupId: `wirestream-reader-${randomUUID()}`, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    // The topic may not exist yet (its producer creates it on first use): until the deadline, that means "empty so far".
    for (;;) {
      try {
        await consumer.subscribe({ topic, fromBeginning: true });
        break;
      } catch (error) {
        if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION' || Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(v);
          records.push({
            partition,
            offset: message.offset,
            key: message.key?.toString('utf8') ?? null,
            value: message.value?.toString('utf8') ?? null,
            headers,
          });
          if (options.until?.(records)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

/** Tries at reading a topic's offsets while its partitions have no leader yet (~5.5 s in all). */
const OFFSET_ATTEMPTS = 10;

/**
 * A topic's offsets. Right after it is created its partitions may still be electing leaders ("This server is not
 * the leader for that topic-partition", retriable): the metadata is read again and the offsets asked again, for a
 * bounded time.
 */
async function fetchOffsetsOnceLed(admin: Admin, topic: string): ReturnType<Admin['fetchTopicOffsets']> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (error) {
      if (!(error as { retriable?: boolean }).retriable || attempt >= OFFSET_ATTEMPTS) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
      await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
    }
  }
}

async function partitionEnds(kafka: Kafka, topic: string): Promise<Map<number, { low: bigint; high: bigint }>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return new Map();
    const offsets = await fetchOffsetsOnceLed(admin, topic);
    return new Map(offsets.map((o) => [o.partition, { low: BigInt(o.low), high: BigInt(o.high) }]));
  } finally {
    await admin.disconnect();
  }
}

/** Removes topics (test clean-up); missing topics are ignored. */
export async function deleteTopics(kafka: Kafka, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((t) => existing.has(t));
    if (present.length) await admin.deleteTopics({ topics: present, timeout: 10000 });
  } finally {
    await admin.disconnect();
  }
}

/** Latest offsets summed over partitions: how many messages a topic holds (for checks and benchmarks). */
export async function topicMessageCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await fetchOffsetsOnceLed(admin, topic);
    return offsets.reduce((sum, p) => sum + Number(BigInt(p.high) - BigInt(p.low)), 0);
  } finally {
    await admin.disconnect();
  }
}
