/**
 * The whole pipeline as real processes, with handles to break each dependency without touching the shared stack:
 * Postgres and the search engine behind TCP relays that can be cut, Kafka optionally a private broker that can be
 * killed, and any number of enricher and indexer instances in one group.
 */
import {
  allocatePort,
  createIsolatedEnvironment,
  PrivateKafka,
  ServiceProcess,
  TcpRelay,
  waitFor,
  type IsolatedEnvironment,
  type ServiceName,
} from '@wirestream/testing';

export interface FaultPipelineOptions {
  label: string;
  enrichers?: number;
  indexers?: number;
  /** A private Kafka the test may stop (an outage); otherwise the shared one. */
  privateKafka?: boolean;
  /** Extra environment for every service. */
  env?: Record<string, string>;
  /** Start the services now (default true). */
  start?: boolean;
}

export class FaultPipeline {
  readonly ingestor: ServiceProcess;
  readonly enrichers: ServiceProcess[];
  readonly indexers: ServiceProcess[];

  private constructor(
    readonly environment: IsolatedEnvironment,
    /** In front of the shared Postgres: every service's DATABASE_URL goes through it. */
    readonly postgres: TcpRelay,
    /** In front of the shared search engine: the indexer's SEARCH_URL goes through it. */
    readonly search: TcpRelay,
    readonly kafka: PrivateKafka | null,
    readonly env: Record<string, string>,
    options: FaultPipelineOptions,
  ) {
    this.ingestor = new ServiceProcess('ingestor', allocatePort(), env);
    this.enrichers = Array.from(
      { length: options.enrichers ?? 1 },
      () => new ServiceProcess('enricher', allocatePort(), env),
    );
    this.indexers = Array.from(
      { length: options.indexers ?? 1 },
      () => new ServiceProcess('indexer', allocatePort(), env),
    );
  }

  static async start(options: FaultPipelineOptions): Promise<FaultPipeline> {
    const kafka = options.privateKafka ? await PrivateKafka.start() : null;
    const environment = await createIsolatedEnvironment(options.label);
    const postgres = await TcpRelay.forUrl(environment.databaseUrl, 5432);
    const search = await TcpRelay.forUrl(environment.env['SEARCH_URL']!, 9200);
    const env = {
      ...environment.env,
      DATABASE_URL: postgres.url,
      SEARCH_URL: search.url,
      ...(kafka ? { KAFKA_BROKERS: kafka.brokers } : {}),
      ...options.env,
    };
    const pipeline = new FaultPipeline(environment, postgres.relay, search.relay, kafka, env, options);
    if (options.start ?? true) {
      // A service that does not come up must not leave the others (and the private Kafka) running.
      await pipeline.startAll().catch(async (error: unknown) => {
        await pipeline.dispose().catch(() => undefined);
        throw error;
      });
    }
    return pipeline;
  }

  get services(): ServiceProcess[] {
    return [this.ingestor, ...this.enrichers, ...this.indexers];
  }

  get enricher(): ServiceProcess {
    return this.enrichers[0]!;
  }

  get indexer(): ServiceProcess {
    return this.indexers[0]!;
  }

  /** The indexer first (it makes its topics), then the rest. */
  async startAll(): Promise<void> {
    await Promise.all(this.services.map((s) => s.start(90_000)));
  }

  /** SIGTERM every service, then the relays, the private Kafka and the isolated slice of the stack. */
  async dispose(): Promise<void> {
    await Promise.all(this.services.map((s) => s.kill('SIGTERM')));
    await this.postgres.close();
    await this.search.close();
    await this.kafka?.dispose();
    await this.environment.teardown();
  }

  /** What `/health/ready` answers: its status code and the checks that are down. */
  static async readiness(service: ServiceProcess): Promise<{ status: number; down: string[] }> {
    const res = await fetch(`${service.url}/health/ready`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
    if (!res) return { status: 0, down: ['no answer'] };
    const body = (await res.json().catch(() => ({}))) as { checks?: Record<string, { status: string }> };
    return {
      status: res.status,
      down: Object.entries(body.checks ?? {})
        .filter(([, c]) => c.status !== 'up')
        .map(([name]) => name),
    };
  }

  /** Waits until `/health/ready` answers `ready` (true → 200, false → 503); returns the down checks seen last. */
  static async waitForReadiness(service: ServiceProcess, ready: boolean, timeoutMs = 60_000): Promise<string[]> {
    return waitFor(
      `${service.name} on ${service.url} to report ${ready ? 'ready' : 'not ready'}`,
      async () => {
        const r = await FaultPipeline.readiness(service);
        return (ready ? r.status === 200 : r.status === 503) ? r.down : undefined;
      },
      { timeoutMs, intervalMs: 500 },
    );
  }
}

export function serviceLabel(service: { name: ServiceName; port: number }): string {
  return `${service.name}:${service.port}`;
}
