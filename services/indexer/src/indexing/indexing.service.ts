import { Inject, Injectable } from '@nestjs/common';
import {
  EventTypes,
  type TopicSet,
  type ArticleEnrichedPayload,
  type ArticleIndexedPayload,
  type EnrichedArticle,
  type EventEnvelope,
} from '@wirestream/contracts';
import {
  createEnvelope,
  EventPublisher,
  MalformedEventError,
  parseEnvelope,
  TOPICS,
  type IncomingMessage,
} from '@wirestream/kafka';
import { ArticleStore, type ArticleWrite, type CurrentArticle } from '@wirestream/persistence';
import { isRetriable, MetricsRegistry, PermanentError, RetriableError, type Logger } from '@wirestream/platform';
import { toArticleDocument, type ArticleSearchEngine, type BulkItemFailure } from '@wirestream/search';
import { FreshnessRecorder } from '../ops/freshness-recorder';
import { ARTICLE_SEARCH_ENGINE } from '../search-engine/search-engine.module';

/** The engine refused the document for its content: retrying the same document cannot help. */
export class DocumentRejectedError extends PermanentError {
  constructor(failure: BulkItemFailure) {
    super(
      'document-rejected',
      `search engine rejected document ${failure.id} (HTTP ${failure.status}): ${failure.reason}`,
      422,
      { engineStatus: failure.status },
    );
  }
}

export class SearchEngineUnavailableError extends RetriableError {
  constructor(failure: BulkItemFailure) {
    super(
      'search-unavailable',
      `search engine could not take document ${failure.id} (HTTP ${failure.status}): ${failure.reason}`,
    );
  }
}

/**
 * One batch of `article.enriched` events: version-guarded upsert into Postgres, then the current version of
 * every touched article goes to the engine (withdrawn ones are deleted). Re-running a batch is harmless:
 * Postgres skips seen event ids and older versions, the engine refuses older versions (external_gte). A
 * re-enrichment of the stored version replaces it in both (external_gte takes the same version again).
 */
@Injectable()
export class IndexingService {
  private readonly stageSeconds;

  constructor(
    private readonly store: ArticleStore,
    @Inject(ARTICLE_SEARCH_ENGINE) private readonly engine: ArticleSearchEngine,
    private readonly publisher: EventPublisher,
    @Inject(TOPICS) private readonly topics: TopicSet,
    metrics: MetricsRegistry,
    private readonly freshness: FreshnessRecorder,
  ) {
    this.stageSeconds = metrics.histogram(
      'wirestream_index_stage_seconds',
      'Time per indexing batch in each stage (postgres, engine, publish)',
      ['stage'],
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    );
  }

  async indexBatch(
    messages: IncomingMessage[],
    log: Logger,
    options: { refresh?: boolean } = {},
  ): Promise<Map<IncomingMessage, unknown>> {
    const failures = new Map<IncomingMessage, unknown>();
    const events = new Map<IncomingMessage, EventEnvelope<ArticleEnrichedPayload>>();
    for (const message of messages) {
      try {
        const event = parseEnvelope<ArticleEnrichedPayload>(message, EventTypes.articleEnriched);
        validateArticle(event);
        events.set(message, event);
      } catch (error) {
        failures.set(message, error);
      }
    }
    if (!events.size) return failures;

    const postgresTimer = this.stageSeconds.startTimer({ stage: 'postgres' });
    const written = await this.applyToPostgres(events, failures);
    if (!events.size) return failures;
    // What the batch itself made current is known; only the others (replays, older versions) are read back.
    const ids = [...new Set([...events.values()].map((e) => e.articleId))];
    const current = new Map([...written, ...(await this.store.findCurrent(ids.filter((id) => !written.has(id))))]);
    const postgresSeconds = postgresTimer();
    const usable = [...current.values()].filter((c) => c.article.pubStatus === 'usable');
    const withdrawn = [...current.values()].filter((c) => c.article.pubStatus === 'withdrawn').map((c) => c.article.id);

    const engineTimer = this.stageSeconds.startTimer({ stage: 'engine' });
    const indexed = await this.engine.bulkIndex(
      usable.map((c) => toArticleDocument(c.article, c.clusterId ?? c.article.id)),
      options.refresh ? { refresh: 'wait_for' } : {},
    );
    const deleted = withdrawn.length
      ? await this.engine.bulkDelete(withdrawn, options.refresh ? { refresh: 'wait_for' } : {})
      : { deleted: [], failed: [] };
    const engineSeconds = engineTimer();
    const searchableAt = new Date();
    const failedById = new Map<string, unknown>();
    for (const f of [...indexed.failed, ...deleted.failed])
      failedById.set(f.id, f.retriable ? new SearchEngineUnavailableError(f) : new DocumentRejectedError(f));

    const done: EventEnvelope<ArticleEnrichedPayload>[] = [];
    for (const [message, event] of events) {
      const error = failedById.get(event.articleId);
      if (error) failures.set(message, error);
      else done.push(event);
    }
    // Each version's first acknowledged write (also after a retried batch, whose Postgres write was a no-op).
    const acknowledged = new Set(indexed.indexed);
    const madeSearchable = done
      .map((e) => current.get(e.articleId)?.article)
      .filter((a): a is EnrichedArticle => !!a && acknowledged.has(a.id) && a.pubStatus === 'usable');
    await this.freshness.record([...new Map(madeSearchable.map((a) => [a.id, a])).values()], searchableAt, log);
    const publishTimer = this.stageSeconds.startTimer({ stage: 'publish' });
    await this.publisher.publish(
      done.map((event) => {
        const stored = current.get(event.articleId);
        const payload: ArticleIndexedPayload = {
          id: event.articleId,
          version: stored?.article.version ?? event.version,
          indexedAt: new Date().toISOString(),
          clusterId: stored?.clusterId ?? event.articleId,
          pubStatus: stored?.article.pubStatus ?? event.payload.pubStatus,
        };
        return {
          topic: this.topics.indexed,
          envelope: createEnvelope({
            type: EventTypes.articleIndexed,
            articleId: event.articleId,
            version: payload.version,
            payload,
            traceId: event.traceId,
          }),
        };
      }),
    );
    const publishSeconds = publishTimer();
    log.info(
      {
        events: events.size,
        indexed: indexed.indexed.length,
        stale: indexed.stale.length,
        deleted: deleted.deleted.length,
        failed: failures.size,
        stageMs: {
          postgres: Math.round(postgresSeconds * 1000),
          engine: Math.round(engineSeconds * 1000),
          publish: Math.round(publishSeconds * 1000),
        },
      },
      'batch indexed',
    );
    return failures;
  }

  /**
   * One transaction for the batch; if Postgres refuses it for a reason retrying cannot fix, each event is
   * applied on its own so only the offending one fails (and is dead-lettered), not its batch-mates.
   */
  private async applyToPostgres(
    events: Map<IncomingMessage, EventEnvelope<ArticleEnrichedPayload>>,
    failures: Map<IncomingMessage, unknown>,
  ): Promise<Map<string, CurrentArticle>> {
    try {
      return (await this.store.write([...events.values()].map(toWrite))).current;
    } catch (error) {
      if (isRetriable(error) || events.size === 1) throw error;
    }
    const written = new Map<string, CurrentArticle>();
    for (const [message, event] of [...events]) {
      try {
        for (const [id, current] of (await this.store.write([toWrite(event)])).current) written.set(id, current);
      } catch (error) {
        if (isRetriable(error)) throw error;
        failures.set(
          message,
          new PermanentError(
            'article-refused-by-database',
            `Postgres refused article ${event.articleId}: ${(error as Error).message}`,
            422,
          ),
        );
        events.delete(message);
      }
    }
    return written;
  }
}

/** An event as the store takes it; a re-enrichment (`wirestream reenrich`) may replace the stored document of its version. */
function toWrite(event: EventEnvelope<ArticleEnrichedPayload>): ArticleWrite {
  return {
    eventId: event.eventId,
    article: event.payload,
    clusterId: null,
    ...(event.reenrichment ? { reenrichment: true } : {}),
  };
}

/**
 * Longest article id taken. Everything else an event carries that ends up in an index (entity names, keywords, source
 * names and ids, speakers) is derived, and bounded where it is written (`toArticleDocument`, the store's row helpers)
 * instead: an article is never dead-lettered for the size of a derived field.
 */
const MAX_ARTICLE_ID_LENGTH = 200;

function validateArticle(event: EventEnvelope<ArticleEnrichedPayload>): void {
  const a = event.payload as Partial<EnrichedArticle> | null;
  const problems: string[] = [];
  if (!a || typeof a !== 'object') throw new MalformedEventError('payload must be the enriched article object');
  if (a.id !== event.articleId)
    problems.push(
      `payload.id ${String(a.id).slice(0, 100)} does not match articleId ${String(event.articleId).slice(0, 100)}`,
    );
  // The id is the article's identity (a UUID from the ingestor) and keys every table: not derived, so refused, not cut.
  else if (typeof a.id !== 'string' || a.id.length > MAX_ARTICLE_ID_LENGTH)
    problems.push(`payload.id must be a string of at most ${MAX_ARTICLE_ID_LENGTH} characters`);
  if (a.version !== event.version)
    problems.push(`payload.version ${String(a.version)} does not match envelope version ${event.version}`);
  if (a.pubStatus !== 'usable' && a.pubStatus !== 'withdrawn')
    problems.push('payload.pubStatus must be usable or withdrawn');
  const marker = event.reenrichment as unknown;
  if (
    marker !== undefined &&
    marker !== null &&
    (typeof marker !== 'object' || typeof (marker as { runId?: unknown }).runId !== 'string')
  )
    problems.push('reenrichment must be an object with a runId string');
  if (!a.source || typeof a.source.id !== 'string') problems.push('payload.source.id must be a string');
  if (typeof a.body !== 'string') problems.push('payload.body must be a string');
  if (typeof a.fingerprint !== 'string') problems.push('payload.fingerprint must be a string');
  for (const field of ['publishedAt', 'updatedAt'] as const) {
    const value = a[field];
    if (value !== null && value !== undefined && (typeof value !== 'string' || Number.isNaN(Date.parse(value))))
      problems.push(`payload.${field} must be an ISO 8601 date-time or null, got ${JSON.stringify(value)}`);
  }
  if (problems.length) throw new MalformedEventError(problems.join('; '));
}
