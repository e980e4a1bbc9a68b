import { Inject, Injectable } from '@nestjs/common';
import {
  EventTypes,
  sourceIdFor,
  type TopicSet,
  type ArticleReceivedPayload,
  type IngestAcceptedItem,
  type ParsedItem,
  type WireFormat,
} from '@wirestream/contracts';
import {
  articleIdentity,
  InvalidItemsError,
  isFormatError,
  type FormatError,
  type ParsedIngestBody,
} from '@wirestream/formats';
import { createEnvelope, TOPICS } from '@wirestream/kafka';
import { isTransientDatabaseError, RawArticleStore, type BatchEntry } from '@wirestream/persistence';
import {
  EventLoopPacer,
  MetricsRegistry,
  PermanentError,
  RetriableError,
  ROOT_LOGGER,
  WirestreamError,
  type Logger,
} from '@wirestream/platform';
import { createHash } from 'node:crypto';

import { INGESTOR_CONFIG, type IngestorConfig } from '../config/ingestor.config';
import { OutboxRelayService } from '../outbox/outbox-relay.service';
import { BodyParser } from './body-parser';
import { capSourceName, invalidCharacterAt, itemSizeProblem, versionProblem, type ItemProblem } from './item-checks';

export interface IngestRequest {
  bytes: Buffer;
  contentType: string | null;
  url: string | null;
  sourceName: string | null;
  traceId?: string;
  /** A feed source's configured format; absent or 'auto' → detected from Content-Type / sniffing. */
  format?: WireFormat | 'auto';
}

export interface RefusedItem {
  index: number;
  id: string | null;
  code: string;
  detail: string;
}

export interface IngestResult {
  accepted: IngestAcceptedItem[];
  refused: RefusedItem[];
  /** Non-fatal problems (e.g. a date dropped because unreadable or in the future), so senders can fix their feed. */
  warnings?: string[];
}

/** Parses what arrived, gives each item its identity and version, and stores it with its outbox event. */
@Injectable()
export class IngestService {
  private readonly log: Logger;
  private readonly counter;

  constructor(
    private readonly store: RawArticleStore,
    private readonly relay: OutboxRelayService,
    @Inject(TOPICS) private readonly topics: TopicSet,
    @Inject(ROOT_LOGGER) logger: Logger,
    metrics: MetricsRegistry,
    @Inject(INGESTOR_CONFIG) private readonly config: IngestorConfig,
    private readonly bodyParser: BodyParser,
  ) {
    this.log = logger.child({ component: 'ingest' });
    this.counter = metrics.counter('wirestream_ingested_items_total', 'Items received by outcome', [
      'format',
      'outcome',
    ]);
  }

  async ingest(request: IngestRequest): Promise<IngestResult> {
    let parsed: ParsedIngestBody;
    try {
      parsed = await this.bodyParser.parse({
        bytes: request.bytes,
        contentType: request.contentType,
        url: request.url,
        sourceName: request.sourceName,
        format: request.format ?? null,
      });
    } catch (error) {
      if (isFormatError(error)) throw toHttpProblem(error);
      throw error;
    }
    const receivedAt = new Date();
    const contentType = request.contentType ?? 'application/octet-stream';
    // Items the parser refused (bad entry of a batch/feed) are reported by their index in the body.
    const result: IngestResult = {
      accepted: [],
      refused: parsed.errors.map((e) => ({ index: e.index, id: null, code: e.code, detail: e.detail })),
    };
    const candidates: { index: number; item: ParsedItem; id: string }[] = [];
    const entries: BatchEntry[] = [];
    // Checking, hashing and enveloping 1,000 items takes ~150 ms: done in slices so /health/live is still answered.
    const pacer = new EventLoopPacer();
    for (const [position, item] of parsed.items.entries()) {
      await pacer.pace();
      const index = parsed.indexes[position] ?? position;
      // Refused before anything is stored, so a bad item never leaves part of its request behind.
      const problem = this.problemWith(item);
      if (problem) {
        result.refused.push({ index, id: null, code: problem.code, detail: `item ${index}: ${problem.detail}` });
        this.counter.inc({ format: item.format, outcome: 'refused' });
        continue;
      }
      const sourceName = request.sourceName ?? capSourceName(item.sourceName) ?? hostOf(item.url ?? request.url);
      const source = { id: sourceIdFor(sourceName ?? 'unknown'), name: sourceName };
      const { id } = articleIdentity({ sourceId: source.id, item });
      const contentHash = createHash('sha256').update(item.content).digest('hex');
      candidates.push({ index, item, id });
      entries.push({
        input: {
          id,
          wireVersion: item.version,
          sourceId: source.id,
          format: item.format,
          contentType,
          pubStatus: item.pubStatus,
          versionCreatedAt: item.versionCreatedAt,
          content: item.content,
          item,
          contentHash,
          receivedAt,
        },
        buildOutbox: (version) => {
          const payload: ArticleReceivedPayload = {
            source,
            format: item.format,
            contentType,
            receivedAt: receivedAt.toISOString(),
            rawRef: { table: 'raw_articles', id, version },
            item,
          };
          const envelope = createEnvelope({
            type: EventTypes.articleReceived,
            articleId: id,
            version,
            payload,
            ...(request.traceId ? { traceId: request.traceId } : {}),
          });
          return { topic: this.topics.raw, key: id, envelope };
        },
      });
    }
    const outcomes = await this.acceptOrUnavailable(entries);
    for (const [n, outcome] of outcomes.entries()) {
      const { index, item, id } = candidates[n]!;
      this.counter.inc({ format: item.format, outcome: outcome.status === 'exhausted' ? 'stale' : outcome.status });
      if (outcome.status === 'stale' || outcome.status === 'exhausted') {
        result.refused.push({
          index,
          id,
          code: outcome.status === 'stale' ? 'stale-version' : 'version-exhausted',
          detail: outcome.reason,
        });
        continue;
      }
      result.accepted.push({
        id,
        version: outcome.version,
        pubStatus: item.pubStatus,
        duplicate: outcome.status === 'duplicate',
        title: item.title,
      });
    }
    if (result.accepted.some((a) => !a.duplicate)) this.relay.nudge();
    result.refused.sort((a, b) => a.index - b.index);
    if (parsed.warnings.length) result.warnings = parsed.warnings;
    this.log.info(
      {
        format: parsed.format,
        accepted: result.accepted.length,
        refused: result.refused.length,
        warnings: parsed.warnings,
      },
      'ingest handled',
    );
    return result;
  }

  /**
   * The store's one transaction for the request. When it fails for a reason outside the request (pool exhausted
   * under load, Postgres restarting, a serialization failure or deadlock with a concurrent request), it rolled back:
   * the client gets a 503 it may retry as it is (ingest is idempotent by identity), not an unexplained 500. Any other
   * failure (a missing table, a constraint) stays a 500 with its errorId: retrying would not help.
   */
  private async acceptOrUnavailable(
    entries: BatchEntry[],
  ): Promise<Awaited<ReturnType<RawArticleStore['acceptBatch']>>> {
    try {
      return await this.store.acceptBatch(entries);
    } catch (error) {
      if (error instanceof WirestreamError || !isTransientDatabaseError(error)) throw error;
      throw new RetriableError(
        'storage-unavailable',
        'The article store could not take this request; nothing of it was stored. Retry it as it is.',
        503,
        { cause: error },
      );
    }
  }

  /** What makes an item unstorable, whatever its format: its version, its characters, its size. */
  private problemWith(item: ParsedItem): ItemProblem | null {
    const version = versionProblem(item.version);
    if (version) return version;
    const characters = invalidCharacterAt(item);
    if (characters) return { code: 'invalid-characters', detail: characters };
    return itemSizeProblem(item, this.config.INGEST_MAX_ITEM_BYTES);
  }
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

const STATUS_BY_CODE: Record<string, number> = { 'unsupported-format': 415, 'unsupported-charset': 415 };

function toHttpProblem(error: FormatError): PermanentError {
  const extensions = error instanceof InvalidItemsError ? { errors: error.errors } : {};
  return new PermanentError(error.code, error.detail ?? error.message, STATUS_BY_CODE[error.code] ?? 400, extensions, {
    cause: error,
  });
}
