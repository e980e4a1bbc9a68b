/** Topic names carry the schema version; a breaking payload change gets a new topic, never an in-place edit. */
export const Topics = {
  raw: 'articles.raw.v1',
  enriched: 'articles.enriched.v1',
  indexed: 'articles.indexed.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export type TopicSet = { [K in keyof typeof Topics]: string };

/**
 * The topic names a deployment uses. The prefix is empty in production (the names above are the contract);
 * tests give each run its own prefix so runs never read each other's events.
 */
export function topicsFor(prefix = ''): TopicSet {
  return { raw: prefix + Topics.raw, enriched: prefix + Topics.enriched, indexed: prefix + Topics.indexed };
}

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

export const EventTypes = {
  articleReceived: 'article.received',
  articleEnriched: 'article.enriched',
  articleIndexed: 'article.indexed',
  deadLetter: 'message.dead-lettered',
} as const;
