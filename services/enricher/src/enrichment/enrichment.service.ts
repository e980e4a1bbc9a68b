import { Inject, Injectable } from '@nestjs/common';
import { EventTypes, type TopicSet, type ArticleEnrichedPayload, type ArticleReceivedPayload, type EventEnvelope, type ParsedItem } from '@wirestream/contracts';
import { enrichArticle } from '@wirestream/enrichment';
import { uuidV5, WIRESTREAM_ARTICLE_NAMESPACE } from '@wirestream/formats';
import { createEnvelope, MalformedEventError, TOPICS, type OutgoingEvent } from '@wirestream/kafka';

/** Turns one `article.received` event into one `article.enriched` event. Pure apart from the clock. */
@Injectable()
export class EnrichmentService {
  constructor(@Inject(TOPICS) private readonly topics: TopicSet) {}

  enrich(event: EventEnvelope<ArticleReceivedPayload>, now: Date = new Date()): OutgoingEvent {
    const payload = validateReceivedPayload(event);
    const article = enrichArticle({
      id: event.articleId,
      version: event.version,
      source: payload.source,
      item: payload.item,
      ingestedAt: payload.receivedAt,
      now: now.toISOString(),
    });
    const envelope = createEnvelope<ArticleEnrichedPayload>({
      type: EventTypes.articleEnriched,
      articleId: event.articleId,
      version: event.version,
      payload: article,
      traceId: event.traceId,
      // Deterministic: a redelivered raw event yields the same enriched event id, so the indexer skips it.
      eventId: uuidV5(`enriched:${event.eventId}`, WIRESTREAM_ARTICLE_NAMESPACE),
    });
    return { topic: this.topics.enriched, envelope };
  }
}

function validateReceivedPayload(event: EventEnvelope<ArticleReceivedPayload>): ArticleReceivedPayload {
  const p = event.payload as Partial<ArticleReceivedPayload> | null;
  const problems: string[] = [];
  if (!p || typeof p !== 'object') throw new MalformedEventError('payload must be an object');
  if (!p.source || typeof p.source.id !== 'string') problems.push('payload.source.id must be a string');
  if (typeof p.receivedAt !== 'string') problems.push('payload.receivedAt must be a string');
  const item = p.item as Partial<ParsedItem> | undefined;
  if (!item || typeof item !== 'object') problems.push('payload.item must be an object');
  else {
    if (typeof item.content !== 'string') problems.push('payload.item.content must be a string');
    if (item.contentType !== 'html' && item.contentType !== 'text') problems.push('payload.item.contentType must be html or text');
  }
  if (problems.length) throw new MalformedEventError(problems.join('; '));
  return p as ArticleReceivedPayload;
}
