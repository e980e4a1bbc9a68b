import { EventTypes, topicsFor, type ArticleReceivedPayload, type EventEnvelope } from '@wirestream/contracts';
import { uuidV5, WIRESTREAM_ARTICLE_NAMESPACE } from '@wirestream/formats';
import {
  createEnvelope,
  createKafka,
  EventPublisher,
  splitIntoRequests,
  type OutgoingEvent,
  type PreparedMessage,
} from '@wirestream/kafka';
import {
  assertSchemaCurrent,
  createDataSource,
  ReenrichmentStore,
  type RawArticleHead,
  type ReenrichmentFilter,
  type ReenrichmentRun,
} from '@wirestream/persistence';
import { createLogger, PermanentError } from '@wirestream/platform';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CliUsageError, parseFlags, type CliCommand, type CliIo } from '../cli-command';
import { RunProgress } from './reenrich-progress';

/** Articles read from Postgres per keyset page (and, unthrottled, published per chunk). */
const PAGE_SIZE = 200;

export interface ReenrichOptions {
  filter: ReenrichmentFilter;
  /** Events per second at most; null = as fast as Kafka takes them. */
  throttle: number | null;
  /** Stop (resumably) after this many articles; null = all. */
  limit: number | null;
  resume: boolean;
  dryRun: boolean;
}

const RELATIVE = /^(\d{1,6})([smhd])$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseReenrichArgs(args: string[], now: Date = new Date()): ReenrichOptions {
  const { flags, positionals } = parseFlags(args, {
    values: ['since', 'source', 'throttle', 'limit'],
    booleans: ['resume', 'dry-run'],
  });
  if (positionals.length) throw new CliUsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  let since: Date | null = null;
  if (typeof flags['since'] === 'string') {
    const relative = RELATIVE.exec(flags['since']);
    since = relative
      ? new Date(now.getTime() - Number(relative[1]) * UNIT_MS[relative[2] as keyof typeof UNIT_MS])
      : new Date(flags['since']);
    if (Number.isNaN(since.getTime()))
      throw new CliUsageError(
        `--since must be an ISO 8601 date or date-time, or a duration like 24h or 7d; got ${JSON.stringify(flags['since'])}`,
      );
  }
  const source = flags['source'];
  if (source !== undefined && (typeof source !== 'string' || !source.trim()))
    throw new CliUsageError('--source needs a source id (e.g. global-village-space)');
  const positive = (name: string, integer: boolean): number | null => {
    const raw = flags[name];
    if (raw === undefined) return null;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value)))
      throw new CliUsageError(
        `--${name} must be a positive ${integer ? 'integer' : 'number'}; got ${JSON.stringify(raw)}`,
      );
    return value;
  };
  return {
    filter: { since, sourceId: typeof source === 'string' ? source.trim() : null },
    throttle: positive('throttle', false),
    limit: positive('limit', true),
    resume: flags['resume'] === true,
    dryRun: flags['dry-run'] === true,
  };
}

/**
 * The `article.received` event of a re-enrichment: what the ingestor published for this version, with an event id
 * of its own per run (the consumers' processed-event dedupe would skip the original id) — deterministic within the
 * run, so events re-sent after a resume are still deduplicated — and the run's marker, which lets the indexer
 * replace the stored document of the same version. A text page's stored layout hint is left out: the enricher reads
 * the page again with its current rules, which is what a re-enrichment is for.
 */
export function reenrichmentEvent(rawTopic: string, runId: string, head: RawArticleHead): OutgoingEvent {
  const { textLayout: _storedReading, ...item } = head.item;
  const payload: ArticleReceivedPayload = {
    source: { id: head.sourceId, name: head.sourceName ?? head.item.sourceName ?? null },
    format: head.format,
    contentType: head.contentType,
    receivedAt: head.receivedAt.toISOString(),
    rawRef: { table: 'raw_articles', id: head.id, version: head.version },
    item,
  };
  const envelope: EventEnvelope<ArticleReceivedPayload> = {
    ...createEnvelope({
      type: EventTypes.articleReceived,
      articleId: head.id,
      version: head.version,
      payload,
      eventId: uuidV5(`reenrich:${runId}:${head.id}:${head.version}`, WIRESTREAM_ARTICLE_NAMESPACE),
    }),
    reenrichment: { runId },
  };
  return { topic: rawTopic, envelope };
}

/** At most `perSecond` events on average; waits before a chunk rather than after, and a stop signal cuts the wait short. */
export class Throttle {
  private sent = 0;
  private readonly started = Date.now();

  constructor(private readonly perSecond: number | null) {}

  /** Events per publish: about a fifth of a second's worth when throttled (smooth), a page otherwise. */
  get chunkSize(): number {
    return this.perSecond === null ? PAGE_SIZE : Math.max(1, Math.min(PAGE_SIZE, Math.floor(this.perSecond / 5)));
  }

  async take(count: number, signal: AbortSignal): Promise<void> {
    if (this.perSecond !== null) {
      const due = this.started + (this.sent / this.perSecond) * 1000;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait, undefined, { signal }).catch(() => undefined);
    }
    this.sent += count;
  }
}

function openKafka(env: NodeJS.ProcessEnv) {
  const brokers = (env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
  return createKafka({ brokers, clientId: 'wirestream-cli-reenrich', logger: createLogger('cli', 'silent') });
}

const describeFilter = (f: ReenrichmentFilter) =>
  [f.sourceId ? `source ${f.sourceId}` : '', f.since ? `received since ${f.since.toISOString()}` : '']
    .filter(Boolean)
    .join(', ') || 'all sources, all time';

/**
 * Re-runs the current enricher over stored raw articles: reads the current version of each (keyset pages from
 * Postgres) and publishes it to the raw topic as a re-enrichment; the enricher enriches it as usual, and the
 * indexer replaces the stored document of that version (see ArticleStore) — so versions, clusters and the index
 * stay as consistent as with any other event. The position is saved after every acknowledged chunk.
 */
export const reenrichCommand: CliCommand = {
  name: 'reenrich',
  summary: 're-run the current enricher over stored articles (through Kafka), so improvements reach the archive',
  usage:
    'Usage: wirestream reenrich [--since T] [--source S] [--throttle N] [--limit N] [--resume] [--dry-run]\n' +
    '  --since T      only articles whose current version was received at/after T (ISO 8601, or 30m / 24h / 7d ago)\n' +
    '  --source S     only articles of source id S (e.g. global-village-space)\n' +
    '  --throttle N   publish at most N articles per second (default: as fast as Kafka takes them)\n' +
    '  --limit N      stop after N articles, leaving a position to resume from\n' +
    '  --resume       continue the latest unfinished run with the same --since/--source from its stored position\n' +
    '  --dry-run      count what would be re-enriched, publish nothing\n' +
    '  Re-enriches the current version of each usable article (withdrawn ones stay as they are). Ctrl-C stops after\n' +
    '  the chunk in flight and keeps the position. Env: DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX (as the services).',
  async run(args, io) {
    const options = parseReenrichArgs(args);
    const dataSource = createDataSource(io.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/wirestream', {
      poolSize: 2,
      applicationName: 'wirestream-reenrich',
    });
    await dataSource.initialize();
    try {
      await assertSchemaCurrent(dataSource);
      const store = new ReenrichmentStore(dataSource);
      const resumed = options.resume ? await store.findResumable(options.filter) : null;
      if (options.resume && !resumed) {
        io.stderr.write(`no unfinished reenrich run for ${describeFilter(options.filter)} to resume\n`);
        return 1;
      }
      const remaining = await store.countHeads(options.filter, resumed?.afterId ?? null);
      if (options.dryRun) {
        const from = resumed ? ` after run ${resumed.runId}'s position (${resumed.published} already published)` : '';
        io.stdout.write(`would re-enrich ${remaining} article(s) (${describeFilter(options.filter)})${from}\n`);
        return 0;
      }
      const run = resumed ?? (await store.startRun(randomUUID(), options.filter));
      io.stderr.write(
        `${resumed ? 'resuming' : 'starting'} reenrich run ${run.runId}: ${remaining} article(s) to publish (${describeFilter(options.filter)})\n`,
      );
      return await publishRun(io, store, run, remaining, options);
    } finally {
      await dataSource.destroy();
    }
  },
};

async function publishRun(
  io: CliIo,
  store: ReenrichmentStore,
  run: ReenrichmentRun,
  remaining: number,
  options: ReenrichOptions,
): Promise<number> {
  const rawTopic = topicsFor(io.env['KAFKA_TOPIC_PREFIX'] ?? '').raw;
  const publisher = new EventPublisher(openKafka(io.env));
  const stop = new AbortController();
  let signals = 0;
  // The first Ctrl-C stops after the chunk in flight (its position saved); a second one exits at once, which is
  // safe too: the saved position only ever covers acknowledged events.
  const onSigint = () => {
    if (++signals > 1) process.exit(130);
    io.stderr.write('\nstopping after the chunk in flight (Ctrl-C again to quit now)\n');
    stop.abort();
  };
  process.on('SIGINT', onSigint);
  const progress = new RunProgress(io.stderr, run.published + remaining, 'reenrich', run.published);
  const throttle = new Throttle(options.throttle);
  let { afterId, published } = run;
  let left = options.limit ?? Number.POSITIVE_INFINITY;
  let skipped = 0;
  try {
    while (!stop.signal.aborted && left > 0) {
      const page = await store.readHeads(options.filter, afterId, Math.min(PAGE_SIZE, left));
      if (!page.length) break;
      for (let i = 0; i < page.length && !stop.signal.aborted; i += throttle.chunkSize) {
        const chunk = page.slice(i, i + throttle.chunkSize);
        await throttle.take(chunk.length, stop.signal);
        if (stop.signal.aborted) break;
        const prepared: PreparedMessage[] = [];
        for (const head of chunk) {
          try {
            prepared.push(publisher.prepare(reenrichmentEvent(rawTopic, run.runId, head)));
          } catch (error) {
            // Refused before sending (too large for the topics now): the stored document stays as it is.
            if (!(error instanceof PermanentError)) throw error;
            skipped++;
            io.stderr.write(`\nskipped ${head.id} v${head.version}: ${error.message}\n`);
          }
        }
        for (const request of splitIntoRequests(prepared)) await publisher.sendPrepared(request);
        published += chunk.length;
        left -= chunk.length;
        afterId = chunk[chunk.length - 1]!.id;
        await store.savePosition(run.runId, afterId, published);
        progress.update(published);
      }
    }
  } finally {
    process.off('SIGINT', onSigint);
    progress.finish();
    await publisher.disconnect();
  }
  const more = stop.signal.aborted || (left <= 0 && (await store.countHeads(options.filter, afterId)) > 0);
  const summary = `${published - run.published} article(s) published to ${rawTopic} in run ${run.runId}${skipped ? ` (${skipped} skipped as too large)` : ''}`;
  if (more) {
    io.stdout.write(
      `reenrich stopped: ${summary}; ${published} done in total. Continue with: npm run -s cli -- reenrich ${resumeArgs(options)} --resume\n`,
    );
    return stop.signal.aborted ? 130 : 0;
  }
  await store.finishRun(run.runId);
  io.stdout.write(`reenrich done: ${summary}; the enricher and the indexer apply them as they consume the topic\n`);
  return 0;
}

function resumeArgs(options: ReenrichOptions): string {
  return [
    options.filter.since ? `--since ${options.filter.since.toISOString()}` : '',
    options.filter.sourceId ? `--source ${options.filter.sourceId}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
