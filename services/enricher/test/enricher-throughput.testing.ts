/**
 * End-to-end enricher throughput: N raw events (default 2,000; `--count N`) are published to an isolated raw
 * topic first, then the enricher is started as a real process (`npm run start:enricher`'s flags); the time from its
 * readiness until every enriched event is on the output topic is the result.
 *
 *   node -r @swc-node/register services/enricher/test/enricher-throughput.testing.ts [--count 2000]
 */
import { EventTypes, type ArticleReceivedPayload } from '@wirestream/contracts';
import { parseIngestBody } from '@wirestream/formats';
import { createEnvelope, createKafka, ensureTopics, EventPublisher, topicMessageCount } from '@wirestream/kafka';
import { createLogger } from '@wirestream/platform';
import {
  allocatePort,
  createIsolatedEnvironment,
  EXAMPLE_GLOBAL_VILLAGE,
  readExample,
  ServiceProcess,
  waitFor,
} from '@wirestream/testing';
import { randomUUID } from 'node:crypto';

async function main(): Promise<void> {
  const countArg = process.argv.indexOf('--count');
  const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 2000;
  const environment = await createIsolatedEnvironment('enrichbench');
  const logger = createLogger('enricher-throughput', 'warn');
  const kafka = createKafka({
    brokers: environment.env['KAFKA_BROKERS']!.split(','),
    clientId: 'enricher-throughput',
    logger,
  });
  const publisher = new EventPublisher(kafka);
  const enricher = new ServiceProcess('enricher', allocatePort(), { ...environment.env, LOG_LEVEL: 'warn' });
  try {
    await ensureTopics(kafka, [{ topic: environment.topics.raw }, { topic: environment.topics.enriched }]);
    const base = readExample(EXAMPLE_GLOBAL_VILLAGE);
    const paragraphs = base.split('\n\n');
    for (let start = 0; start < count; start += 200) {
      const events = Array.from({ length: Math.min(200, count - start) }, (_, j) => {
        const i = start + j;
        // Varied text: paragraphs rotated per item, so no two items are the same.
        const text = [
          ...paragraphs.slice(i % paragraphs.length),
          ...paragraphs.slice(0, i % paragraphs.length),
          `Item ${i}.`,
        ].join('\n\n');
        const [item] = parseIngestBody({ bytes: Buffer.from(text), contentType: 'text/plain' }).items;
        const articleId = randomUUID();
        const payload: ArticleReceivedPayload = {
          source: { id: 'bench', name: 'Bench' },
          format: 'text',
          contentType: 'text/plain',
          receivedAt: new Date().toISOString(),
          rawRef: { table: 'raw_articles', id: articleId, version: 1 },
          item: item!,
        };
        return {
          topic: environment.topics.raw,
          envelope: createEnvelope({ type: EventTypes.articleReceived, articleId, version: 1, payload }),
        };
      });
      await publisher.publish(events);
    }
    await enricher.start();
    const started = Date.now();
    await waitFor(
      'every enriched event on the output topic',
      async () => (await topicMessageCount(kafka, environment.topics.enriched)) >= count,
      { timeoutMs: Number(process.env['BENCH_TIMEOUT_MS'] ?? 600000), intervalMs: 200 },
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}\n--- enricher output ---\n${enricher.logTail(60)}`);
    });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`${JSON.stringify({ count, seconds, perSecond: Math.round(count / seconds) })}\n`);
  } finally {
    await enricher.kill();
    await publisher.disconnect();
    await environment.teardown();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
