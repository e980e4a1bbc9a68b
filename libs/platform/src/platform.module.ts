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
    return {
      module: PlatformModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: ROOT_LOGGER, useValue: options.logger },
        { provide: SERVICE_CONFIG, useValue: options.config },
        { provide: HealthRegistry, useValue: new HealthRegistry() },
        { provide: MetricsRegistry, useValue: new MetricsRegistry(options.service) },
      ],
      exports: [ROOT_LOGGER, SERVICE_CONFIG, HealthRegistry, MetricsRegistry],
    };
  }
}
