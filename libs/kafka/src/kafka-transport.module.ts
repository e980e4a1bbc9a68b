import { DynamicModule, Module, type InjectionToken, type ModuleMetadata } from '@nestjs/common';
import type { TopicSet } from '@wirestream/contracts';
import { HealthRegistry, MetricsRegistry, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import type { Kafka } from 'kafkajs';
import { EventPublisher } from './event-publisher';
import { KafkaBatchServer, type KafkaConsumersOptions } from './kafka-batch-server';
import { KAFKA, TOPICS } from './kafka.module';

export interface KafkaTransportOptions {
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  /** How each topic role an `@EventPattern` consumes is consumed (group, retries, batch sizing, start gate). */
  useFactory: (...deps: never[]) => KafkaConsumersOptions;
}

/**
 * Provides the service's `KafkaBatchServer` (over `KafkaModule`'s client, topics and publisher), for
 * `startHttpService({ transport: (app) => app.get(KafkaBatchServer) })`. Register it once per service.
 */
@Module({})
export class KafkaTransportModule {
  static register(options: KafkaTransportOptions): DynamicModule {
    const consumers = Symbol('KAFKA_CONSUMERS');
    return {
      module: KafkaTransportModule,
      imports: options.imports ?? [],
      providers: [
        { provide: consumers, inject: options.inject ?? [], useFactory: options.useFactory },
        {
          provide: KafkaBatchServer,
          inject: [KAFKA, TOPICS, EventPublisher, ROOT_LOGGER, MetricsRegistry, HealthRegistry, consumers],
          useFactory: (
            kafka: Kafka,
            topics: TopicSet,
            publisher: EventPublisher,
            logger: Logger,
            metrics: MetricsRegistry,
            health: HealthRegistry,
            consumerOptions: KafkaConsumersOptions,
          ) => new KafkaBatchServer({ kafka, topics, publisher, logger, metrics, health, consumers: consumerOptions }),
        },
      ],
      exports: [KafkaBatchServer],
    };
  }
}
