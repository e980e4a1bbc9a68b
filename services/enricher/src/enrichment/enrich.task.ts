import type { EnrichedArticle } from '@wirestream/contracts';
import { enrichArticle, type EnrichArticleInput } from '@wirestream/enrichment';

/** One enrichment in a worker thread (run by WorkerTaskPool, which carries a thrown error back with its code). */
export default function enrichTask(input: EnrichArticleInput): EnrichedArticle {
  return enrichArticle(input);
}
