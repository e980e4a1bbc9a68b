import { EVENT_MAX_BYTES } from '@wirestream/contracts';
import { PermanentError, sleep } from '@wirestream/platform';
import {
  ConfigResourceTypes,
  ConfigSource,
  Kafka,
  logLevel as KafkaLogLevel,
  type Admin,
  type ITopicConfig,
  type LogEntry,
} from 'kafkajs';
import type { Logger } from 'pino';

/** Partitions of a Wirestream topic when `KAFKA_TOPIC_PARTITIONS` is not set: room for 12 instances per service. */
export const DEFAULT_TOPIC_PARTITIONS = 12;

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Partitions `ensureTopics` gives (or grows) the topics of this client to (`KAFKA_TOPIC_PARTITIONS`). */
  topicPartitions?: number;
}

/** What `ensureTopics` needs to know about the client it is handed (kafkajs' Kafka has no room for it). */
const topicSettings = new WeakMap<Kafka, { partitions: number; logger: Logger }>();

/** kafkajs logs through our pino logger, at warn and above (its info level is chatty). */
export function createKafka({ brokers, clientId, logger, topicPartitions }: KafkaSettings): Kafka {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  const kafka = new Kafka({
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
  topicSettings.set(kafka, {
    partitions: topicPartitions ?? DEFAULT_TOPIC_PARTITIONS,
    logger: logger.child({ component: 'kafka-topics' }),
  });
  return kafka;
}

export interface TopicSpec {
  topic: string;
  /** Overrides the client's `topicPartitions`. */
  partitions?: number;
}

/** A topic whose settings the pipeline cannot run with, and that this client could not fix. Permanent. */
export class TopicConfigError extends PermanentError {
  constructor(message: string) {
    super('topic-config', message, 500);
  }
}

const MAX_MESSAGE_BYTES = 'max.message.bytes';

/**
 * Creates missing topics with the client's partition count and `max.message.bytes` = EVENT_MAX_BYTES; on
 * existing topics raises the partition count (never lowers it: that would move keys between partitions, so only a
 * warning) and a lower `max.message.bytes`. Ends with `assertTopicsAcceptEvents`, so a service never starts on
 * topics that would refuse its largest event. Safe to call from every service at start-up.
 */
export async function ensureTopics(kafka: Kafka, topics: TopicSpec[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ensureTopicsOnce(kafka, topics);
    } catch (error) {
      if (!isTopicCreationRace(error) || attempt >= TOPIC_RACE_ATTEMPTS) throw error;
      await sleep(Math.min(3000, 200 * 2 ** (attempt - 1)));
    }
  }
}

const TOPIC_RACE_ATTEMPTS = 8;

/**
 * Services start together and each ensures the same topics: a topic another process has just created is listed
 * before the broker serves its partitions, so metadata, partition and config requests answer "unknown topic or
 * partition" / "leader not available" for a moment (12 partitions take longer than 3 did). Such answers are retried.
 */
function isTopicCreationRace(error: unknown): boolean {
  const { type, cause } = (error ?? {}) as { type?: unknown; cause?: unknown };
  if (cause && isTopicCreationRace(cause)) return true;
  return (
    typeof type === 'string' &&
    [
      'UNKNOWN_TOPIC_OR_PARTITION',
      'LEADER_NOT_AVAILABLE',
      'NOT_LEADER_FOR_PARTITION',
      'NOT_CONTROLLER',
      'REQUEST_TIMED_OUT',
    ].includes(type)
  );
}

async function ensureTopicsOnce(kafka: Kafka, topics: TopicSpec[]): Promise<void> {
  const settings = topicSettings.get(kafka) ?? { partitions: DEFAULT_TOPIC_PARTITIONS, logger: null };
  const wanted = new Map(topics.map((t) => [t.topic, t.partitions ?? settings.partitions]));
  const admin: Admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing: ITopicConfig[] = [...wanted]
      .filter(([topic]) => !existing.has(topic))
      .map(([topic, numPartitions]) => ({
        topic,
        numPartitions,
        replicationFactor: 1,
        configEntries: [{ name: MAX_MESSAGE_BYTES, value: String(EVENT_MAX_BYTES) }],
      }));
    if (missing.length) {
      await admin.createTopics({ topics: missing, waitForLeaders: true }).catch((error: { type?: string }) => {
        // Another service created it between our list and create.
        if (error?.type !== 'TOPIC_ALREADY_EXISTS') throw error;
      });
    }
    const present = [...wanted.keys()].filter((topic) => existing.has(topic));
    if (present.length) {
      await growPartitions(admin, present, wanted, settings.logger);
      await raiseMessageSize(admin, present, settings.logger);
    }
    await assertTopicsAcceptEvents(admin, [...wanted.keys()]);
  } finally {
    await admin.disconnect();
  }
}

async function growPartitions(
  admin: Admin,
  topics: string[],
  wanted: Map<string, number>,
  logger: Logger | null,
): Promise<void> {
  const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
  const grow = [];
  for (const { name, partitions } of metadata) {
    const count = wanted.get(name)!;
    if (partitions.length < count) grow.push({ topic: name, count });
    else if (partitions.length > count)
      logger?.warn(
        { topic: name, partitions: partitions.length, configured: count },
        'topic has more partitions than configured; partitions are never removed (keys would move), leaving it',
      );
  }
  if (!grow.length) return;
  await admin.createPartitions({ topicPartitions: grow }).catch((error: { type?: string }) => {
    // Another instance grew it first.
    if (error?.type !== 'INVALID_PARTITIONS') throw error;
  });
  logger?.info({ topics: grow }, 'topic partitions increased');
}

async function raiseMessageSize(admin: Admin, topics: string[], logger: Logger | null): Promise<void> {
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
  });
  for (const resource of resources) {
    const current = resource.configEntries.find((entry) => entry.configName === MAX_MESSAGE_BYTES);
    if (current && Number(current.configValue) >= EVENT_MAX_BYTES) continue;
    // AlterConfigs (the only one kafkajs speaks) replaces the topic's whole override set: carry the others over.
    const overrides = resource.configEntries
      .filter(
        (entry) =>
          entry.configSource === ConfigSource.TOPIC_CONFIG &&
          !entry.isSensitive &&
          entry.configName !== MAX_MESSAGE_BYTES,
      )
      .map((entry) => ({ name: entry.configName, value: entry.configValue }));
    try {
      await admin.alterConfigs({
        validateOnly: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: resource.resourceName,
            configEntries: [...overrides, { name: MAX_MESSAGE_BYTES, value: String(EVENT_MAX_BYTES) }],
          },
        ],
      });
      logger?.info(
        { topic: resource.resourceName, from: current?.configValue, to: EVENT_MAX_BYTES },
        'topic max.message.bytes raised',
      );
    } catch (error) {
      // Not allowed here (ACLs, managed cluster): the check below says what to change.
      logger?.warn({ topic: resource.resourceName, err: error }, 'could not raise topic max.message.bytes');
    }
  }
}

/**
 * Start-up check: every topic accepts a message of EVENT_MAX_BYTES (its effective `max.message.bytes`, whether set
 * on the topic or inherited from the broker). Throws a TopicConfigError naming each topic and the fix otherwise.
 */
export async function assertTopicsAcceptEvents(admin: Admin, topics: string[]): Promise<void> {
  if (!topics.length) return;
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
  });
  const tooSmall = resources
    .map((resource) => ({
      topic: resource.resourceName,
      bytes: Number(resource.configEntries.find((entry) => entry.configName === MAX_MESSAGE_BYTES)?.configValue ?? NaN),
    }))
    .filter(({ bytes }) => !(bytes >= EVENT_MAX_BYTES));
  if (!tooSmall.length) return;
  throw new TopicConfigError(
    `Kafka topic(s) ${tooSmall.map(({ topic, bytes }) => `${topic} (max.message.bytes=${Number.isNaN(bytes) ? 'unknown' : bytes})`).join(', ')} refuse events the pipeline accepts ` +
      `(EVENT_MAX_BYTES=${EVENT_MAX_BYTES}). Set max.message.bytes=${EVENT_MAX_BYTES} on them, e.g. ` +
      `kafka-configs.sh --alter --entity-type topics --entity-name <topic> --add-config max.message.bytes=${EVENT_MAX_BYTES}`,
  );
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
