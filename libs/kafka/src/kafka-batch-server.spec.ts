import { Controller, UseFilters } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { topicsFor } from '@wirestream/contracts';
import { createLogger, HealthRegistry, MetricsRegistry, PermanentError, RetriableError } from '@wirestream/platform';
import type { Kafka } from 'kafkajs';
import { firstValueFrom, isObservable } from 'rxjs';
import type { EventPublisher } from './event-publisher';
import {
  KafkaBatchContext,
  KafkaBatchErrorsFilter,
  KafkaBatchServer,
  type BatchFailures,
  type KafkaConsumersOptions,
  type TopicRole,
} from './kafka-batch-server';
import type { IncomingMessage } from './reliable-consumer';

const logger = createLogger('kafka-batch-server-spec', 'silent');

function message(offset: string): IncomingMessage {
  return { topic: 't.articles.raw.v1', partition: 0, offset, key: offset, value: null, headers: {}, traceId: null };
}

const transient = new RetriableError('engine-down', 'the engine is restarting');

@Controller()
@UseFilters(KafkaBatchErrorsFilter)
class FilteredController {
  @EventPattern<TopicRole>('raw')
  handle(@Payload() messages: IncomingMessage[], @Ctx() context: KafkaBatchContext): Promise<BatchFailures> {
    if (context.getTopic() === 'fail-whole-batch') return Promise.reject(transient);
    return Promise.resolve(new Map([[messages[0]!, new PermanentError('bad', 'malformed')]]));
  }
}

@Controller()
class UnfilteredController {
  @EventPattern<TopicRole>('raw')
  handle(): Promise<BatchFailures> {
    return Promise.reject(transient);
  }
}

async function serverFor(
  controller: new () => unknown,
  consumers: KafkaConsumersOptions = { raw: { groupId: 'g' } },
): Promise<KafkaBatchServer> {
  const server = new KafkaBatchServer({
    kafka: {} as Kafka,
    topics: topicsFor('t.'),
    publisher: {} as EventPublisher,
    logger,
    metrics: new MetricsRegistry('test'),
    health: new HealthRegistry(),
    consumers,
  });
  const moduleRef = await Test.createTestingModule({ controllers: [controller] }).compile();
  moduleRef.useLogger(false);
  await moduleRef.createNestMicroservice({ strategy: server }).init();
  return server;
}

/** What the transport gets back from the registered handler: its value, or the error it fails with. */
async function outcome(server: KafkaBatchServer, topic: string, messages: IncomingMessage[]): Promise<unknown> {
  const handler = server.getHandlerByPattern('raw')!;
  try {
    const result: unknown = await handler(messages, new KafkaBatchContext([topic, [0], logger]));
    return isObservable(result) ? await firstValueFrom(result) : result;
  } catch (error) {
    return error;
  }
}

describe('KafkaBatchServer', () => {
  it('registers an @EventPattern handler whose failures map reaches the transport', async () => {
    const server = await serverFor(FilteredController);
    const first = message('1');
    const failures = (await outcome(server, 't.articles.raw.v1', [first, message('2')])) as BatchFailures;
    expect([...failures.keys()]).toEqual([first]);
    expect(failures.get(first)).toBeInstanceOf(PermanentError);
  });

  it('with KafkaBatchErrorsFilter, a thrown error arrives as thrown (so a transient one is retried)', async () => {
    const server = await serverFor(FilteredController);
    expect(await outcome(server, 'fail-whole-batch', [message('1')])).toBe(transient);
  });

  it("without the filter, Nest's replacement is what arrives — the reason the filter exists", async () => {
    const server = await serverFor(UnfilteredController);
    const replaced = await outcome(server, 't.articles.raw.v1', [message('1')]);
    expect(replaced).not.toBe(transient);
    expect(replaced).not.toBeInstanceOf(Error);
  });

  it('refuses to listen for a pattern that is not a topic role, or one without consumer options', async () => {
    const listen = (server: KafkaBatchServer) =>
      new Promise<unknown>((resolve) => server.listen((error) => resolve(error)));
    @Controller()
    class TypoController {
      @EventPattern<string>('articles.raw.v1')
      handle(): Promise<BatchFailures> {
        return Promise.resolve(new Map());
      }
    }
    expect(String(await listen(await serverFor(TypoController)))).toMatch(/not a topic role/);
    expect(String(await listen(await serverFor(FilteredController, {})))).toMatch(/no consumer options/);
  });
});
