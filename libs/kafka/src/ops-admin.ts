import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import { partitionLags, type PartitionLag } from './consumer-lag';
import type { TopicRecord } from './topic-reader';

type PartitionOffsets = Map<number, bigint>;

/**
 * Offsets at a whole-minute timestamp older than this are final (no message can still arrive with an earlier time)
 * and cached; other timestamps (e.g. "now − 5 min", different on every call) are always asked.
 */
const SETTLED_AFTER_MS = 2 * 60_000;
const CACHE_LIFETIME_MS = 2 * 60 * 60_000;

/**
 * Read-only questions about topics and groups for the ops status: group lag, topic sizes, messages per time window
 * (from the broker's offset-by-timestamp index, so "enriched in the last 5 minutes" needs no consumer of its own) and
 * the last few messages of a topic. One admin connection, reopened after a failure; callers bound the time.
 */
export class KafkaOpsReader {
  private admin: Admin | null = null;
  private connecting: Promise<void> | null = null;
  private readonly offsetsAt = new Map<string, PartitionOffsets>();
  private readonly latest = new Map<string, { signature: string; records: TopicRecord[] }>();

  constructor(private readonly kafka: Kafka) {}

  async topics(): Promise<Set<string>> {
    return new Set(await this.run((admin) => admin.listTopics()));
  }

  /** Per partition: end offset minus the group's committed offset (everything retained if it never committed). */
  async groupLag(groupId: string, topic: string): Promise<PartitionLag[]> {
    return this.run(async (admin) => {
      const [ends, offsets] = await Promise.all([
        admin.fetchTopicOffsets(topic),
        admin.fetchOffsets({ groupId, topics: [topic] }),
      ]);
      return partitionLags(ends, offsets.find((o) => o.topic === topic)?.partitions ?? []);
    });
  }

  /** Messages the topic retains now, per partition low/high. */
  async partitionEnds(topic: string): Promise<{ partition: number; low: bigint; high: bigint }[]> {
    const offsets = await this.run((admin) => admin.fetchTopicOffsets(topic));
    return offsets.map((o) => ({ partition: o.partition, low: BigInt(o.low), high: BigInt(o.high) }));
  }

  async size(topic: string): Promise<number> {
    return (await this.partitionEnds(topic)).reduce((sum, p) => sum + Number(p.high - p.low), 0);
  }

  /**
   * How many messages the topic received in each window `[from[i], from[i+1])`, the last one up to now. Windows come
   * from the broker's time index (producer timestamps); offsets at settled timestamps are cached, so asking for the
   * last hour minute by minute every few seconds costs one or two broker round trips once warm.
   */
  async countsSince(topic: string, from: number[], now = Date.now()): Promise<number[]> {
    const [ends, ...at] = await Promise.all([
      this.partitionEnds(topic),
      ...from.map((t) => this.offsetsAtTime(topic, t, now)),
    ]);
    const high = new Map(ends.map((e) => [e.partition, e.high]));
    // A partition the time index knows nothing about (created since) counts as at its end.
    const total = (offsets: PartitionOffsets) =>
      [...high].reduce((sum, [partition, end]) => sum + (offsets.get(partition) ?? end), 0n);
    const highTotal = [...high.values()].reduce((sum, end) => sum + end, 0n);
    return at.map((offsets, i) => {
      const next = at[i + 1];
      const count = (next ? total(next) : highTotal) - total(offsets);
      return Number(count > 0n ? count : 0n);
    });
  }

  private async offsetsAtTime(topic: string, timestamp: number, now: number): Promise<PartitionOffsets> {
    const key = `${topic}@${timestamp}`;
    const cached = this.offsetsAt.get(key);
    if (cached) return cached;
    const offsets = await this.run((admin) => admin.fetchTopicOffsetsByTimestamp(topic, timestamp));
    const result: PartitionOffsets = new Map(offsets.map((o) => [o.partition, BigInt(o.offset)]));
    if (now - timestamp > SETTLED_AFTER_MS && timestamp % 60_000 === 0) {
      this.offsetsAt.set(key, result);
      for (const k of this.offsetsAt.keys())
        if (Number(k.slice(k.lastIndexOf('@') + 1)) < now - CACHE_LIFETIME_MS) this.offsetsAt.delete(k);
    }
    return result;
  }

  /**
   * The last `perPartition` messages of each partition (in no particular order across partitions), read with a throwaway consumer that seeks to
   * them. Read again only when the topic's end offsets moved (a DLQ rarely does), so polling costs one admin request.
   */
  async latestMessages(topic: string, perPartition: number, timeoutMs: number): Promise<TopicRecord[]> {
    const ends = (await this.partitionEnds(topic)).filter((e) => e.high > e.low);
    const signature = ends.map((e) => `${e.partition}:${e.high}`).join(',');
    const cached = this.latest.get(topic);
    if (cached?.signature === signature) return cached.records;
    if (!ends.length) return [];
    const starts = new Map(
      ends.map((e) => [e.partition, e.high - BigInt(perPartition) > e.low ? e.high - BigInt(perPartition) : e.low]),
    );
    const expected = ends.reduce((sum, e) => sum + Number(e.high - starts.get(e.partition)!), 0);
    const records: TopicRecord[] = [];
    const consumer = this.kafka.consumer({
      groupId: `wirestream-ops-${randomUUID()}`,
      allowAutoTopicCreation: false,
      sessionTimeout: 10000,
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: false });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const from = starts.get(partition);
            if (from === undefined || BigInt(message.offset) < from) return;
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(message.headers ?? {})) if (v !== undefined) headers[k] = String(v);
            records.push({
              partition,
              offset: message.offset,
              key: message.key?.toString('utf8') ?? null,
              value: message.value?.toString('utf8') ?? null,
              headers,
            });
            if (records.length >= expected) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
        for (const [partition, offset] of starts) consumer.seek({ topic, partition, offset: offset.toString() });
      });
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
    // A partial read (timeout) is returned but not cached: the next call tries again.
    if (records.length >= expected) this.latest.set(topic, { signature, records });
    return records;
  }

  private async run<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = await this.connectedAdmin();
    try {
      return await work(admin);
    } catch (error) {
      // A broker that went away leaves a dead connection: start over next time.
      if (this.admin === admin) await this.close();
      throw error;
    }
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin({ retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 500 } });
      this.connecting = admin.connect().catch((error: unknown) => {
        if (this.admin === admin) this.admin = null;
        throw error;
      });
      this.admin = admin;
    }
    await this.connecting;
    return this.admin!;
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect().catch(() => undefined);
  }
}
