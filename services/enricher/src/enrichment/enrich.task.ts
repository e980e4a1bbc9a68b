import { enrichArticle, type EnrichArticleInput } from '@wirestream/enrichment';
import type { EnrichTaskResult } from './enrich-pool';

/** One enrichment in a worker thread. Errors travel as data: a thrown Error would lose its code on the way back. */
export default function enrichTask(input: EnrichArticleInput): EnrichTaskResult {
  try {
    return { ok: true, article: enrichArticle(input) };
  } catch (error) {
    const e = error as { name?: unknown; message?: unknown; code?: unknown };
    return { ok: false, name: String(e?.name ?? 'Error'), code: typeof e?.code === 'string' ? e.code : 'enrich-failed', message: String(e?.message ?? error) };
  }
}
