import { Inject, Injectable } from '@nestjs/common';
import { EventTypes, type TopicSet, type ArticleReceivedPayload, type IngestAcceptedItem, type ParsedItem, type WireFormat } from '@wirestream/contracts';
import { articleIdentity, InvalidItemsError, isFormatError, parseIngestBody, type FormatError, type ItemError } from '@wirestream/formats';
import { createEnvelope, TOPICS } from '@wirestream/kafka';
import { DATA_SOURCE, RawArticleStore, type DataSource } from '@wirestream/persistence';
import { MetricsRegistry, PermanentError, ROOT_LOGGER, type Logger } from '@wirestream/platform';
import { createHash } from 'node:crypto';

import { OutboxRelayService } from '../outbox/outbox-relay.service';

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
  private readonly store: RawArticleStore;
  private readonly log: Logger;
  private readonly counter;

  constructor(
    @Inject(DATA_SOURCE) dataSource: DataSource,
    private readonly relay: OutboxRelayService,
    @Inject(TOPICS) private readonly topics: TopicSet,
    @Inject(ROOT_LOGGER) logger: Logger,
    metrics: MetricsRegistry,
  ) {
    this.store = new RawArticleStore(dataSource);
    this.log = logger.child({ component: 'ingest' });
    this.counter = metrics.counter('wirestream_ingested_items_total', 'Items received by outcome', ['format', 'outcome']);
  }

  async ingest(request: IngestRequest): Promise<IngestResult> {
    let parsed: { format: string; items: ParsedItem[]; indexes: number[]; errors: ItemError[]; warnings: string[] };
    try {
      parsed = parseIngestBody({ bytes: request.bytes, contentType: request.contentType, url: request.url, sourceName: request.sourceName, format: request.format ?? null });
    } catch (error) {
      if (isFormatError(error)) throw toHttpProblem(error);
      throw error;
    }
    const receivedAt = new Date();
    // Items the parser refused (bad entry of a batch/feed) are reported by their index in the body.
    const result: IngestResult = { accepted: [], refused: parsed.errors.map((e) => ({ index: e.index, id: null, code: e.code, detail: e.detail })) };
    for (const [position, item] of parsed.items.entries()) {
      const index = parsed.indexes[position] ?? position;
      // Postgres cannot store U+0000 in text or jsonb: refuse it here, saying where, instead of failing the insert.
      const nul = nulCharacterAt(item);
      if (nul) {
        result.refused.push({ index, id: null, code: 'invalid-characters', detail: `item ${index}: ${nul} contains a NUL character (U+0000), which is not text and cannot be stored` });
        this.counter.inc({ format: item.format, outcome: 'refused' });
        continue;
      }
      const sourceName = request.sourceName ?? item.sourceName ?? hostOf(item.url ?? request.url);
      const source = { id: sourceIdFor(sourceName ?? 'unknown'), name: sourceName };
      const { id } = articleIdentity({ sourceId: source.id, item });
      const contentHash = createHash('sha256').update(item.content).digest('hex');
      const outcome = await this.store.accept(
        { id, wireVersion: item.version, sourceId: source.id, format: item.format, contentType: request.contentType ?? 'application/octet-stream', pubStatus: item.pubStatus, versionCreatedAt: item.versionCreatedAt, content: item.content, item, contentHash, receivedAt },
        (version) => {
          const payload: ArticleReceivedPayload = {
            source,
            format: item.format,
            contentType: request.contentType ?? 'application/octet-stream',
            receivedAt: receivedAt.toISOString(),
            rawRef: { table: 'raw_articles', id, version },
            item,
          };
          const envelope = createEnvelope({ type: EventTypes.articleReceived, articleId: id, version, payload, ...(request.traceId ? { traceId: request.traceId } : {}) });
          return { topic: this.topics.raw, key: id, envelope };
        },
      );
      this.counter.inc({ format: item.format, outcome: outcome.status });
      if (outcome.status === 'stale') {
        result.refused.push({ index, id, code: 'stale-version', detail: outcome.reason });
        continue;
      }
      result.accepted.push({ id, version: outcome.version, pubStatus: item.pubStatus, duplicate: outcome.status === 'duplicate', title: item.title });
    }
    if (result.accepted.some((a) => !a.duplicate)) this.relay.nudge();
    result.refused.sort((a, b) => a.index - b.index);
    if (parsed.warnings.length) result.warnings = parsed.warnings;
    this.log.info({ format: parsed.format, accepted: result.accepted.length, refused: result.refused.length, warnings: parsed.warnings }, 'ingest handled');
    return result;
  }
}

/** A source's id is a stable slug of its name: "Global Village Space" → "global-village-space". */
export function sourceIdFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''); // runs are already one dash each
  return slug || 'unknown';
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
  return new PermanentError(error.code, error.detail ?? error.message, STATUS_BY_CODE[error.code] ?? 400, extensions, { cause: error });
}


/** Where the first NUL character is in a parsed item (`field "title"`, `field "content" at character 42`), or null. */
function nulCharacterAt(item: ParsedItem): string | null {
  const visit = (value: unknown, path: string): string | null => {
    if (typeof value === 'string') {
      const at = value.indexOf('\u0000');
      if (at < 0) return null;
      return value.length > 200 ? `field "${path}" at character ${at}` : `field "${path}"`;
    }
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) {
        const found = visit(v, `${path}[${i}]`);
        if (found) return found;
      }
      return null;
    }
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const found = visit(v, path ? `${path}.${k}` : k);
        if (found) return found;
      }
    }
    return null;
  };
  return visit(item, '');
}
