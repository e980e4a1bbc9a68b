import { Inject, Injectable, BeforeApplicationShutdown } from '@nestjs/common';
import {
  deadLetterTopic,
  OPS_STAGES,
  sourceIdFor,
  type DeadLetterPayload,
  type OpsConsumerLag,
  type OpsDeadLetterTopic,
  type OpsDependency,
  type OpsDependencyHealth,
  type OpsSource,
  type OpsStage,
  type OpsStageCounts,
  type OpsStatus,
  type TopicSet,
} from '@wirestream/contracts';
import { KAFKA, KafkaOpsReader, TOPICS, type Kafka } from '@wirestream/kafka';
import { OpsStore } from '@wirestream/persistence';
import { ROOT_LOGGER, type Logger } from '@wirestream/platform';
import type { ArticleSearchEngine } from '@wirestream/search';
import { INDEXER_CONFIG, type IndexerConfig } from '../config/indexer.config';
import { ARTICLE_SEARCH_ENGINE } from '../search-engine/search-engine.module';
import { describeQuietRule, isGoneQuiet, type QuietRule } from './gone-quiet';

const MINUTE_MS = 60_000;
const CHART_MINUTES = 60;
/** Dead letters shown per DLQ topic (the latest, per partition first, then the newest overall). */
const LATEST_DEAD_LETTERS = 5;
/** A status at most this old is served again: any number of open pages cost one gathering per interval. */
const STATUS_CACHE_MS = 2000;

type Gathered<T> = { ok: true; value: T } | { ok: false; error: string };

interface PostgresPart {
  counts: Awaited<ReturnType<OpsStore['stageCounts']>>;
  perMinute: Awaited<ReturnType<OpsStore['throughputPerMinute']>>;
  freshness: Awaited<ReturnType<OpsStore['freshnessPercentiles']>>;
  oldestUnsearchableSeconds: number | null;
  outbox: Awaited<ReturnType<OpsStore['outboxBacklog']>>;
  sources: Awaited<ReturnType<OpsStore['sourceActivity']>>;
  failingFeeds: Awaited<ReturnType<OpsStore['failingFeeds']>>;
  latencyMs: number;
}

interface KafkaPart {
  enriched: { last5m: number; last1h: number; perMinute: number[] };
  deadLettered: { last5m: number; last1h: number; perMinute: number[] };
  lag: OpsConsumerLag[];
  deadLetters: OpsDeadLetterTopic[];
}

interface EnginePart {
  health: OpsDependencyHealth;
}

/**
 * Gathers `GET /v1/ops/status` from Postgres, Kafka and the engine directly — not from the other services, which
 * may run elsewhere — each within OPS_TIMEOUT_MS, answering with whatever arrived and naming the rest.
 */
@Injectable()
export class OpsStatusService implements BeforeApplicationShutdown {
  private readonly kafkaReader: KafkaOpsReader;
  private readonly quietRule: QuietRule;
  private cached: { at: number; status: Promise<OpsStatus> } | null = null;

  constructor(
    private readonly store: OpsStore,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(TOPICS) private readonly topics: TopicSet,
    @Inject(ARTICLE_SEARCH_ENGINE) private readonly engine: ArticleSearchEngine,
    @Inject(INDEXER_CONFIG) private readonly config: IndexerConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.kafkaReader = new KafkaOpsReader(kafka);
    this.quietRule = {
      factor: config.OPS_QUIET_FACTOR,
      minSilentSeconds: config.OPS_QUIET_MIN_SECONDS,
      minItems: config.OPS_QUIET_MIN_ITEMS,
    };
  }

  status(): Promise<OpsStatus> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > STATUS_CACHE_MS) this.cached = { at: now, status: this.gather(now) };
    return this.cached.status;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.kafkaReader.close();
  }

  private async gather(now: number): Promise<OpsStatus> {
    const [postgres, kafka, search] = await Promise.all([
      this.bounded('postgres', () => this.fromPostgres()),
      this.bounded('kafka', () => this.fromKafka(now)),
      this.bounded('search', () => this.fromEngine()),
    ]);
    const unavailable: OpsDependency[] = [];
    if (!postgres.ok) unavailable.push('postgres');
    if (!kafka.ok) unavailable.push('kafka');
    if (!search.ok) unavailable.push('search');
    const pg = postgres.ok ? postgres.value : null;
    const kf = kafka.ok ? kafka.value : null;

    const minuteStarts = chartMinutes(now);
    const fromPostgres = (stage: 'ingested' | 'published' | 'indexed'): (number | null)[] => {
      const counts = new Map((pg?.perMinute[stage] ?? []).map((m) => [m.minute, m.count]));
      return minuteStarts.map((m) => (pg ? (counts.get(m / 1000) ?? 0) : null));
    };
    const fromKafka = (stage: 'enriched' | 'deadLettered') => (kf ? kf[stage].perMinute : minuteStarts.map(() => null));
    const stages = {} as Record<OpsStage, OpsStageCounts>;
    for (const stage of OPS_STAGES) {
      const window = stage === 'enriched' || stage === 'deadLettered' ? kf?.[stage] : pg?.counts[stage];
      stages[stage] = window
        ? { last5m: window.last5m, last1h: window.last1h, perMinute5m: round(window.last5m / 5) }
        : { last5m: null, last1h: null, perMinute5m: null };
    }

    return {
      generatedAt: new Date(now).toISOString(),
      unavailable,
      stages,
      throughput: {
        minutes: minuteStarts.map((m) => m / 1000),
        stages: {
          ingested: fromPostgres('ingested'),
          published: fromPostgres('published'),
          enriched: fromKafka('enriched'),
          indexed: fromPostgres('indexed'),
          deadLettered: fromKafka('deadLettered'),
        },
      },
      lag: kf?.lag ?? [],
      outbox: pg
        ? { pending: pg.outbox.pending, oldestPendingSeconds: roundOrNull(pg.outbox.oldestPendingSeconds) }
        : null,
      deadLetters: kf?.deadLetters ?? [],
      freshness: {
        samples5m: pg?.freshness.samples ?? 0,
        p50: roundOrNull(pg?.freshness.p50 ?? null),
        p95: roundOrNull(pg?.freshness.p95 ?? null),
        p99: roundOrNull(pg?.freshness.p99 ?? null),
        sloSeconds: this.config.FRESHNESS_SLO_SECONDS,
        oldestUnsearchableSeconds: roundOrNull(pg?.oldestUnsearchableSeconds ?? null),
      },
      health: {
        postgres: postgres.ok
          ? { status: 'up', latencyMs: postgres.value.latencyMs }
          : { status: 'down', detail: postgres.error },
        kafka: kafka.ok ? { status: 'up' } : { status: 'down', detail: kafka.error },
        search: search.ok ? search.value.health : { status: 'down', detail: search.error },
      },
      sources: pg ? this.sources(pg, now) : [],
      quietRule: describeQuietRule(this.quietRule),
    };
  }

  private async bounded<T>(what: OpsDependency, work: () => Promise<T>): Promise<Gathered<T>> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const value = await Promise.race([
        work(),
        new Promise<never>(
          (_, reject) =>
            (timer = setTimeout(
              () => reject(new Error(`no answer within ${this.config.OPS_TIMEOUT_MS} ms`)),
              this.config.OPS_TIMEOUT_MS,
            )),
        ),
      ]);
      return { ok: true, value };
    } catch (error) {
      this.logger.debug({ err: error, dependency: what }, 'ops status: dependency unavailable');
      return { ok: false, error: (error as Error).message.slice(0, 300) };
    } finally {
      clearTimeout(timer);
    }
  }

  private async fromPostgres(): Promise<PostgresPart> {
    const started = Date.now();
    const [counts, perMinute, freshness, oldestUnsearchableSeconds, outbox, sources, failingFeeds] = await Promise.all([
      this.store.stageCounts(),
      this.store.throughputPerMinute(),
      this.store.freshnessPercentiles(300),
      this.store.oldestUnsearchableSeconds(3600),
      this.store.outboxBacklog(),
      this.store.sourceActivity(),
      this.store.failingFeeds(),
    ]);
    return {
      counts,
      perMinute,
      freshness,
      oldestUnsearchableSeconds,
      outbox,
      sources,
      failingFeeds,
      latencyMs: Date.now() - started,
    };
  }

  private async fromKafka(now: number): Promise<KafkaPart> {
    const existing = await this.kafkaReader.topics();
    const minuteStarts = chartMinutes(now);
    const dlqs = [
      { stage: 'raw' as const, topic: deadLetterTopic(this.topics.raw) },
      { stage: 'enriched' as const, topic: deadLetterTopic(this.topics.enriched) },
    ];
    // Windows: the chart's minutes, then the last hour split at "5 minutes ago".
    const countsOf = async (topic: string) => {
      if (!existing.has(topic)) return { last5m: 0, last1h: 0, perMinute: minuteStarts.map(() => 0) };
      const [perMinute, windows] = await Promise.all([
        this.kafkaReader.countsSince(topic, minuteStarts, now),
        this.kafkaReader.countsSince(topic, [now - 60 * MINUTE_MS, now - 5 * MINUTE_MS], now),
      ]);
      return { last5m: windows[1]!, last1h: windows[0]! + windows[1]!, perMinute };
    };
    const lagOf = async (group: string, topic: string): Promise<OpsConsumerLag> => {
      const partitions = existing.has(topic) ? await this.kafkaReader.groupLag(group, topic) : [];
      return { group, topic, total: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
    };
    const [enriched, dlqCounts, lag, deadLetters] = await Promise.all([
      countsOf(this.topics.enriched),
      Promise.all(dlqs.map((d) => countsOf(d.topic))),
      Promise.all([
        lagOf(this.config.ENRICHER_GROUP_ID, this.topics.raw),
        lagOf(this.config.INDEXER_GROUP_ID, this.topics.enriched),
      ]),
      Promise.all(dlqs.map((d) => this.deadLetterTopic(d.stage, d.topic, existing.has(d.topic)))),
    ]);
    const deadLettered = {
      last5m: dlqCounts.reduce((s, c) => s + c.last5m, 0),
      last1h: dlqCounts.reduce((s, c) => s + c.last1h, 0),
      perMinute: minuteStarts.map((_, i) => dlqCounts.reduce((s, c) => s + c.perMinute[i]!, 0)),
    };
    return { enriched, deadLettered, lag, deadLetters };
  }

  private async deadLetterTopic(
    stage: 'raw' | 'enriched',
    topic: string,
    exists: boolean,
  ): Promise<OpsDeadLetterTopic> {
    const replayHint = `npm run cli -- dlq list --stage ${stage}   then   npm run cli -- dlq replay --stage ${stage} --all`;
    if (!exists) return { topic, stage, size: 0, latest: [], replayHint };
    const size = await this.kafkaReader.size(topic);
    const records = size
      ? await this.kafkaReader.latestMessages(
          topic,
          LATEST_DEAD_LETTERS,
          Math.max(500, this.config.OPS_TIMEOUT_MS - 500),
        )
      : [];
    const latest = records
      .flatMap((r) => {
        try {
          const letter = JSON.parse(r.value ?? '') as DeadLetterPayload;
          return [
            {
              partition: r.partition,
              offset: r.offset,
              articleId: r.key,
              errorCode: String(letter.errorCode),
              reason: String(letter.reason).slice(0, 500),
              failedAt: String(letter.failedAt),
            },
          ];
        } catch {
          return [
            {
              partition: r.partition,
              offset: r.offset,
              articleId: r.key,
              errorCode: 'unreadable',
              reason: 'the dead letter is not JSON',
              failedAt: '',
            },
          ];
        }
      })
      .sort((a, b) => b.failedAt.localeCompare(a.failedAt))
      .slice(0, LATEST_DEAD_LETTERS);
    return { topic, stage, size, latest, replayHint };
  }

  private async fromEngine(): Promise<EnginePart> {
    const started = Date.now();
    const health = await this.engine.health();
    if (!health.ok) throw new Error(`search engine is ${health.status}${health.detail ? `: ${health.detail}` : ''}`);
    const documents = await this.engine.documentCount({ timeoutMs: this.config.OPS_TIMEOUT_MS });
    return { health: { status: 'up', detail: health.status, documents, latencyMs: Date.now() - started } };
  }

  private sources(pg: PostgresPart, now: number): OpsSource[] {
    const failing = new Map(pg.failingFeeds.map((f) => [sourceIdFor(f.name), f]));
    const rows: OpsSource[] = pg.sources.map((s) => {
      const silentSeconds = Math.max(0, (now - s.lastItemAt.getTime()) / 1000);
      const feed = failing.get(s.id);
      failing.delete(s.id);
      return {
        id: s.id,
        name: s.name ?? feed?.name ?? null,
        lastItemAt: s.lastItemAt.toISOString(),
        itemsLast24h: s.itemsLast24h,
        usualIntervalSeconds: roundOrNull(s.medianGapSeconds),
        silentSeconds: Math.round(silentSeconds),
        goneQuiet: isGoneQuiet(
          { items: s.recentItems, medianGapSeconds: s.medianGapSeconds, silentSeconds },
          this.quietRule,
        ),
        failing: !!feed,
        lastError: feed?.lastError ?? null,
      };
    });
    // Feeds failing before they ever delivered an item.
    for (const [id, feed] of failing) {
      rows.push({
        id,
        name: feed.name,
        lastItemAt: null,
        itemsLast24h: 0,
        usualIntervalSeconds: null,
        silentSeconds: null,
        goneQuiet: false,
        failing: true,
        lastError: feed.lastError,
      });
    }
    const flagged = (s: OpsSource) => (s.goneQuiet || s.failing ? 0 : 1);
    return rows.sort(
      (a, b) =>
        flagged(a) - flagged(b) || (b.lastItemAt ?? '').localeCompare(a.lastItemAt ?? '') || a.id.localeCompare(b.id),
    );
  }
}

/** Epoch ms of the start of each of the last 60 minutes, the current (partial) minute last. */
function chartMinutes(now: number): number[] {
  const current = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  return Array.from({ length: CHART_MINUTES }, (_, i) => current - (CHART_MINUTES - 1 - i) * MINUTE_MS);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round(value);
}
