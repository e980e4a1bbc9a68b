/**
 * Worker task module for tests: an item whose text contains `SPIN-FOREVER` keeps its worker busy in synchronous
 * code forever (as a catastrophic regex would); anything else is enriched by the production task.
 */
import type { EnrichArticleInput } from '@wirestream/enrichment';
import enrichTask from './enrich.task';

export const SPIN_MARKER = 'SPIN-FOREVER';

export default function spinningEnrichTask(input: EnrichArticleInput) {
  if (input.item.content.includes(SPIN_MARKER)) {
    for (;;) {
      // never returns: only terminating the worker ends it
    }
  }
  return enrichTask(input);
}
