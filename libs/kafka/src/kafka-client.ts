import { Kafka, logLevel as KafkaLogLevel, type Admin, type ITopicConfig, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  logger: Logger;
}

/** kafkajs logs through our pino logger, at warn and above (its info level is chatty). */
export function createKafka({ brokers, clientId, logger }: KafkaSettings): Kafka {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 10000 },
    logLevel: KafkaLogLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        // Our retries are bounded on purpose (the outbox and the consumers retry on their own terms, and every
        // consumer is idempotent), so this advice does not apply.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        if (level <= KafkaLogLevel.ERROR) kafkaLogger.error(extra, message);
        else if (level === KafkaLogLevel.WARN) kafkaLogger.warn(extra, message);
        else kafkaLogger.debug(extra, message);
      },
  });
}

export interface TopicSpec {
  topic: string;
  partitions?: number;
}

/** Creates missing topics; existing ones are left as they are. Safe to call from every service at start-up. */
export async function ensureTopics(kafka: Kafka, topics: TopicSpec[]): Promise<void> {
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing: ITopicConfig[] = topics
      .filter((t) => !existing.has(t.topic))
      .map((t) => ({ topic: t.topic, numPartitions: t.partitions ?? 3, replicationFactor: 1 }));
    if (missing.length) {
      await admin.createTopics({ topics: missing, waitForLeaders: true }).catch((error: { type?: string }) => {
        // Another service created it between our list and create.
        if (error?.type !== 'TOPIC_ALREADY_EXISTS') throw error;
      });
    }
  } finally {
    await admin.disconnect();
  }
}

/** Readiness probe: the cluster answers a metadata request. */
export async function pingKafka(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.describeCluster();
  } finally {
    await admin.disconnect();
  }
}

export type { Kafka } from 'kafkajs';
