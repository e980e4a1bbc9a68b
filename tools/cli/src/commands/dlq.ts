import { deadLetterTopic, topicsFor, type DeadLetterPayload } from '@wirestream/contracts';
import { createKafka, EventPublisher, readTopic, type TopicRecord } from '@wirestream/kafka';
import { createLogger } from '@wirestream/platform';
import { CliUsageError, parseFlags, type CliCommand, type CliIo } from '../cli-command';
import { ProgressBar } from '../progress-bar';

interface DeadLetter {
  offset: string;
  partition: number;
  payload: DeadLetterPayload;
}

const STAGES = ['raw', 'enriched'] as const;

/** The DLQ topics of this deployment (KAFKA_TOPIC_PREFIX applies, as for the services). */
function dlqTopic(env: NodeJS.ProcessEnv, stage: string): string {
  if (!STAGES.includes(stage as (typeof STAGES)[number]))
    throw new CliUsageError(`--stage must be one of ${STAGES.join(', ')}`);
  return deadLetterTopic(topicsFor(env['KAFKA_TOPIC_PREFIX'] ?? '')[stage as (typeof STAGES)[number]]);
}

function kafkaFor(env: NodeJS.ProcessEnv) {
  const brokers = (env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
  return createKafka({ brokers, clientId: 'wirestream-cli', logger: createLogger('cli', 'silent') });
}

/** Reads the whole DLQ (it is small by nature: only what could not be processed). */
async function readDeadLetters(io: CliIo, topic: string): Promise<DeadLetter[]> {
  const records: TopicRecord[] = await readTopic(kafkaFor(io.env), topic, {
    toEnd: true,
    timeoutMs: Number(io.env['WIRESTREAM_DLQ_READ_MS'] ?? 30000),
  });
  return records.flatMap((r) => {
    try {
      return [{ offset: r.offset, partition: r.partition, payload: JSON.parse(r.value ?? '') as DeadLetterPayload }];
    } catch {
      return [];
    }
  });
}

async function list(io: CliIo, topic: string, json: boolean): Promise<number> {
  const letters = await readDeadLetters(io, topic);
  if (json) {
    io.stdout.write(
      `${JSON.stringify(
        letters.map((l) => ({ dlq: `${l.partition}:${l.offset}`, ...l.payload, value: undefined })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  io.stdout.write(`${letters.length} dead letter(s) in ${topic}\n`);
  for (const l of letters) {
    io.stdout.write(
      `${l.partition}:${l.offset}  ${l.payload.failedAt}  ${l.payload.key ?? '-'}  ${l.payload.errorCode}  ${l.payload.reason.slice(0, 160)}\n`,
    );
  }
  return 0;
}

async function show(io: CliIo, topic: string, ref: string): Promise<number> {
  const letter = (await readDeadLetters(io, topic)).find(
    (l) => `${l.partition}:${l.offset}` === ref || l.payload.key === ref,
  );
  if (!letter) {
    io.stderr.write(`no dead letter ${ref} in ${topic} (use partition:offset or the article id from \`dlq list\`)\n`);
    return 1;
  }
  io.stdout.write(`${JSON.stringify(letter.payload, null, 2)}\n`);
  return 0;
}

/** Re-publishes originals to the topic they failed on; consumers are idempotent, so replaying twice is harmless. */
async function replay(io: CliIo, topic: string, refs: string[], all: boolean): Promise<number> {
  const letters = (await readDeadLetters(io, topic)).filter(
    (l) =>
      all || refs.includes(`${l.partition}:${l.offset}`) || (l.payload.key !== null && refs.includes(l.payload.key)),
  );
  if (!letters.length) {
    io.stderr.write(`nothing to replay in ${topic}\n`);
    return 1;
  }
  const publisher = new EventPublisher(kafkaFor(io.env));
  const progress = new ProgressBar(io.stderr, letters.length, 'replay');
  try {
    for (const l of letters) {
      await publisher.publishRaw(l.payload.originalTopic, [
        {
          key: l.payload.key,
          value: l.payload.value ?? '',
          headers: { ...l.payload.headers, 'x-replayed-from': `${topic}/${l.partition}/${l.offset}` },
        },
      ]);
      progress.tick(l.payload.key ?? '');
    }
  } finally {
    progress.finish();
    await publisher.disconnect();
  }
  io.stdout.write(`replayed ${letters.length} message(s) from ${topic}\n`);
  return 0;
}

export const dlqCommand: CliCommand = {
  name: 'dlq',
  summary: 'list, show or replay dead-lettered messages',
  usage: [
    'Usage: wirestream dlq list   [--stage raw|enriched] [--json]',
    '       wirestream dlq show   [--stage raw|enriched] PARTITION:OFFSET|ARTICLE_ID',
    '       wirestream dlq replay [--stage raw|enriched] (--all | PARTITION:OFFSET|ARTICLE_ID...)',
    '  --stage raw reads articles.raw.v1.dlq (enricher failures), enriched reads articles.enriched.v1.dlq (indexer failures); default raw.',
    '  Env: KAFKA_BROKERS (default 127.0.0.1:9092), KAFKA_TOPIC_PREFIX.',
  ].join('\n'),
  async run(args, io) {
    const [action, ...rest] = args;
    const { flags, positionals } = parseFlags(rest, { values: ['stage'], booleans: ['json', 'all'] });
    const topic = dlqTopic(io.env, typeof flags['stage'] === 'string' ? flags['stage'] : 'raw');
    if (action === 'list') return list(io, topic, flags['json'] === true);
    if (action === 'show' && positionals.length === 1) return show(io, topic, positionals[0]!);
    if (action === 'replay' && (flags['all'] === true || positionals.length))
      return replay(io, topic, positionals, flags['all'] === true);
    throw new CliUsageError(action ? `cannot ${action} with those arguments` : 'missing action');
  },
};
