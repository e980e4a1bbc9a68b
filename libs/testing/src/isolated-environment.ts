import { topicsFor, deadLetterTopic, type TopicSet } from '@wirestream/contracts';
import { createKafka, deleteTopics } from '@wirestream/kafka';
import { dropDatabase, migrate } from '@wirestream/persistence';
import { createLogger } from '@wirestream/platform';
import { createArticleSearchEngine } from '@wirestream/search';
import { randomBytes } from 'node:crypto';
import { stackConnection } from './stack-connection';

/**
 * A private slice of the real stack for one test file: its own Postgres database, Kafka topic prefix and
 * search index prefix. Runs never see each other's data, and teardown removes all three.
 */
export interface IsolatedEnvironment {
  runId: string;
  databaseUrl: string;
  topicPrefix: string;
  indexPrefix: string;
  topics: TopicSet;
  /** Environment for a service process or `loadXConfig(env)`. */
  env: Record<string, string>;
  teardown(): Promise<void>;
}

export async function createIsolatedEnvironment(label: string): Promise<IsolatedEnvironment> {
  const connection = stackConnection();
  const runId = `${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 12)}${randomBytes(4).toString('hex')}`;
  const dbUrl = new URL(connection.databaseUrl);
  dbUrl.pathname = `/wstest_${runId}`;
  const databaseUrl = dbUrl.toString();
  await migrate(databaseUrl);
  const topicPrefix = `t.${runId}.`;
  const indexPrefix = `t_${runId}_`;
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'warn',
    KAFKA_BROKERS: connection.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    KAFKA_SESSION_TIMEOUT_MS: '8000',
    DATABASE_URL: databaseUrl,
    SEARCH_URL: connection.searchUrl,
    SEARCH_ENGINE: process.env['SEARCH_ENGINE'] ?? 'auto',
    SEARCH_INDEX_PREFIX: indexPrefix,
    ENRICHER_GROUP_ID: `enricher-${runId}`,
    INDEXER_GROUP_ID: `indexer-${runId}`,
    API_KEYS: 'test-key',
  };
  const topics = topicsFor(topicPrefix);
  return {
    runId,
    databaseUrl,
    topicPrefix,
    indexPrefix,
    topics,
    env,
    async teardown() {
      const logger = createLogger('test-teardown', 'silent');
      const kafka = createKafka({ brokers: connection.kafkaBrokers.split(','), clientId: 'test-teardown', logger });
      const all = Object.values(topics).flatMap((t) => [t, deadLetterTopic(t)]);
      await deleteTopics(kafka, all).catch(() => undefined);
      const engine = await createArticleSearchEngine({ url: connection.searchUrl, engine: 'auto', indexPrefix });
      await engine.dropAll().catch(() => undefined);
      await engine.close();
      await dropDatabase(databaseUrl);
    },
  };
}
