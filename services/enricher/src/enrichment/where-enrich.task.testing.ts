/**
 * Worker task module for tests: says which thread enriched an item (`title` is "main" or "worker"), and throws an
 * error with a code for an item whose text contains `FAIL-WITH-CODE`.
 */
import type { EnrichedArticle } from '@wirestream/contracts';
import type { EnrichArticleInput } from '@wirestream/enrichment';
import { isMainThread } from 'node:worker_threads';

export const FAIL_MARKER = 'FAIL-WITH-CODE';

export default function whereEnrichTask(input: EnrichArticleInput): EnrichedArticle {
  if (input.item.content.includes(FAIL_MARKER))
    throw Object.assign(new RangeError('the test task refused it'), { code: 'test-refused' });
  return { id: input.id, title: isMainThread ? 'main' : 'worker' } as unknown as EnrichedArticle;
}
