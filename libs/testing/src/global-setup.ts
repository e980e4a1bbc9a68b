/**
 * Jest globalSetup for the integration and e2e tiers: makes sure a real Kafka, Postgres and search engine
 * answer, and publishes where they are through the environment contract (KAFKA_BROKERS, DATABASE_URL, SEARCH_URL).
 * - A Docker engine answers → testcontainers (Kafka KRaft, Elasticsearch 9, Postgres), stopped in global-teardown.
 * - Otherwise → the stack tool (`npm run stack:up`, idempotent): Kafka + the search engine on the JDK, local Postgres.
 *   The engine is OpenSearch, or Elasticsearch with SEARCH_ENGINE=elasticsearch, at SEARCH_URL (`npm run test:int:es`
 *   puts it on 9201 so the OpenSearch run's engine on 9200 can stay up).
 * WIRESTREAM_TEST_STACK=local|containers forces one way.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../..');

function dockerEngineAnswers(): boolean {
  const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'ignore', timeout: 10000 });
  return result.status === 0;
}

async function startContainers(): Promise<void> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { ElasticsearchContainer } = await import('@testcontainers/elasticsearch');
  const [postgres, kafka, search] = await Promise.all([
    new PostgreSqlContainer('postgres:17')
      .withDatabase('wirestream_test')
      .withUsername('postgres')
      .withPassword('postgres')
      .start(),
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
    new ElasticsearchContainer('docker.elastic.co/elasticsearch/elasticsearch:9.2.0')
      .withEnvironment({ 'xpack.security.enabled': 'false', ES_JAVA_OPTS: '-Xms1g -Xmx1g' })
      .start(),
  ]);
  process.env['DATABASE_URL'] = postgres.getConnectionUri();
  process.env['KAFKA_BROKERS'] = `${kafka.getHost()}:${kafka.getMappedPort(9093)}`;
  process.env['SEARCH_URL'] = `http://${search.getHost()}:${search.getMappedPort(9200)}`;
  (globalThis as Record<string, unknown>)['__WIRESTREAM_CONTAINERS__'] = [postgres, kafka, search];
}

export default async function globalSetup(): Promise<void> {
  const mode = process.env['WIRESTREAM_TEST_STACK'] ?? (dockerEngineAnswers() ? 'containers' : 'local');
  if (mode === 'containers') {
    process.stdout.write(
      '\n[test stack] Docker engine found: starting Kafka, Elasticsearch and Postgres with testcontainers\n',
    );
    await startContainers();
    return;
  }
  const engine = process.env['SEARCH_ENGINE'] === 'elasticsearch' ? 'Elasticsearch' : 'OpenSearch';
  process.stdout.write(
    `\n[test stack] no Docker engine: using the stack tool (Kafka + ${engine} on the JDK, Postgres)\n`,
  );
  // Same Node binary as the tests (Node 24), so the stack tool's TypeScript runs natively.
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'tools/stack/stack.ts'), 'up'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, STACK_NO_DOCKER: '1' },
  });
  process.env['DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/wirestream_test';
}
