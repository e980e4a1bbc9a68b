import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry';
import { MetricsController, MetricsRegistry } from './metrics/metrics';

/** Injection token of the root pino logger; features derive child loggers from it. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
/** Injection token of the service's validated configuration object. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: { service: string; logger: Logger; config: object }): DynamicModule {
    const health = new HealthRegistry();
    const metrics = new MetricsRegistry(options.service);
    // What /health/ready answers, for Prometheus (the "service not ready" alert): checked at scrape time.
    metrics.gauge(
      'wirestream_ready',
      '1 when every dependency the service needs answers (what /health/ready reports), else 0',
      [],
      async (gauge) => {
        gauge.set((await health.report()).status === 'ok' ? 1 : 0);
      },
    );
    return {
      module: PlatformModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: ROOT_LOGGER, useValue: options.logger },
        { provide: SERVICE_CONFIG, useValue: options.config },
        { provide: HealthRegistry, useValue: health },
        { provide: MetricsRegistry, useValue: metrics },
      ],
      exports: [ROOT_LOGGER, SERVICE_CONFIG, HealthRegistry, MetricsRegistry],
    };
  }
}
