import type { Admin, Kafka } from 'kafkajs';
import type { MetricsRegistry } from '@wirestream/platform';

type Gauge = ReturnType<MetricsRegistry['gauge']>;

export interface PartitionLag {
  partition: number;
  lag: number;
}

/**
 * Messages per partition the group has not committed yet: the partition's end offset minus the group's committed
 * offset. A partition the group never committed on (offset -1) counts everything it still retains.
 */
export function partitionLags(
  ends: { partition: number; high: string; low: string }[],
  committed: { partition: number; offset: string }[],
): PartitionLag[] {
  const byPartition = new Map(committed.map((c) => [c.partition, BigInt(c.offset)]));
  return ends
    .map(({ partition, high, low }) => {
      const end = BigInt(high);
      const done = byPartition.get(partition) ?? -1n;
      const from = done < 0n ? BigInt(low) : done;
      return { partition, lag: Number(end > from ? end - from : 0n) };
    })
    .sort((a, b) => a.partition - b.partition);
}

const LAG_SOURCES = new WeakMap<MetricsRegistry, Set<ConsumerLagMetric>>();

/** How long a scrape may wait for the broker before it serves the previous values. */
const LAG_QUERY_TIMEOUT_MS = 2000;

/**
 * `wirestream_consumer_lag{group,topic,partition}`, read from the broker at scrape time (committed offsets against
 * end offsets), so it keeps growing while a consumer is stuck or gone — the case a dashboard must show.
 */
export class ConsumerLagMetric {
  private admin: Admin | null = null;
  private connecting: Promise<void> | null = null;

  constructor(
    private readonly kafka: Kafka,
    /** Null: only `read()` is used (e.g. by a readiness check), nothing is exported. */
    private readonly metrics: MetricsRegistry | null,
    private readonly groupId: string,
    private readonly topic: string,
  ) {
    if (!metrics) return;
    // One gauge per registry, fed by every consumer of the process (a registry keeps the first collect it is given).
    let sources = LAG_SOURCES.get(metrics);
    if (!sources) {
      const registered = new Set<ConsumerLagMetric>();
      LAG_SOURCES.set(metrics, registered);
      metrics.gauge(
        'wirestream_consumer_lag',
        'Messages not yet committed by the consumer group, per partition (end offset − committed offset)',
        ['group', 'topic', 'partition'],
        async (gauge) => {
          await Promise.all([...registered].map((source) => source.collect(gauge)));
        },
      );
      sources = registered;
    }
    sources.add(this);
  }

  private async collect(gauge: Gauge): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const lags = await Promise.race([
        this.read(),
        new Promise<never>(
          (_, reject) =>
            (timer = setTimeout(() => reject(new Error('consumer lag query timed out')), LAG_QUERY_TIMEOUT_MS)),
        ),
      ]);
      for (const { partition, lag } of lags)
        gauge.set({ group: this.groupId, topic: this.topic, partition: String(partition) }, lag);
    } catch {
      // Broker unreachable: the scrape serves the last values; the health checks report the broker.
    } finally {
      clearTimeout(timer);
    }
  }

  /** Lag per partition, now. */
  async read(): Promise<PartitionLag[]> {
    const admin = await this.connectedAdmin();
    const [ends, offsets] = await Promise.all([
      admin.fetchTopicOffsets(this.topic),
      admin.fetchOffsets({ groupId: this.groupId, topics: [this.topic] }),
    ]);
    return partitionLags(ends, offsets.find((o) => o.topic === this.topic)?.partitions ?? []);
  }

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.connecting = admin.connect().catch((error: unknown) => {
        this.admin = null;
        throw error;
      });
      this.admin = admin;
    }
    await this.connecting;
    return this.admin!;
  }

  async close(): Promise<void> {
    if (this.metrics) LAG_SOURCES.get(this.metrics)?.delete(this);
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect().catch(() => undefined);
  }
}
