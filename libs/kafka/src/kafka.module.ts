import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { topicsFor } from '@wirestream/contracts';
import { HealthRegistry, ROOT_LOGGER, SERVICE_CONFIG, type Logger } from '@wirestream/platform';
import type { Kafka } from 'kafkajs';
import { EventPublisher } from './event-publisher';
import { createKafka, pingKafka } from './kafka-client';

export const KAFKA = Symbol('KAFKA');
/** The `TopicSet` this deployment uses (see `topicsFor`). */
export const TOPICS = Symbol('TOPICS');

interface KafkaServiceConfig {
  KAFKA_BROKERS: string[];
  KAFKA_CLIENT_ID?: string | undefined;
  KAFKA_TOPIC_PREFIX?: string | undefined;
  KAFKA_TOPIC_PARTITIONS?: number | undefined;
}

/** One Kafka client and one idempotent publisher per service, closed on shutdown. */
@Global()
@Module({})
export class KafkaModule implements OnApplicationShutdown {
  static forRoot(options: { clientId: string; readinessCheck: boolean }): DynamicModule {
    return {
      module: KafkaModule,
      providers: [
        {
          provide: KAFKA,
          inject: [SERVICE_CONFIG, ROOT_LOGGER, HealthRegistry],
          useFactory: (config: KafkaServiceConfig, logger: Logger, health: HealthRegistry): Kafka => {
            const kafka = createKafka({
              brokers: config.KAFKA_BROKERS,
              clientId: config.KAFKA_CLIENT_ID ?? options.clientId,
              logger,
              topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
            });
            if (options.readinessCheck) health.register('kafka', () => pingKafka(kafka));
            return kafka;
          },
        },
        {
          provide: EventPublisher,
          inject: [KAFKA, ROOT_LOGGER],
          useFactory: (kafka: Kafka, logger: Logger) =>
            new EventPublisher(kafka, logger.child({ component: 'event-publisher' })),
        },
        {
          provide: TOPICS,
          inject: [SERVICE_CONFIG],
          useFactory: (config: KafkaServiceConfig) => topicsFor(config.KAFKA_TOPIC_PREFIX ?? ''),
        },
      ],
      exports: [KAFKA, EventPublisher, TOPICS],
    };
  }

  constructor(@Inject(EventPublisher) private readonly publisher: EventPublisher) {}

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}
