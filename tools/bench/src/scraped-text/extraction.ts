import type { ParsedItem } from '@wirestream/contracts';
import { enrichArticle } from '@wirestream/enrichment';
import type { ScrapedExtraction } from './score';

const NOW = '2026-01-01T00:00:00.000Z';

/** A parsed page through the enricher, as the pipeline does it, reduced to the fields the set scores. */
export function enrichedExtraction(item: ParsedItem): ScrapedExtraction {
  const article = enrichArticle({
    id: 'bench',
    version: 1,
    source: { id: 'bench', name: null },
    item,
    ingestedAt: NOW,
    now: NOW,
  });
  return {
    title: article.title,
    source: article.source.name,
    date: article.publishedAt,
    byline: article.byline,
    body: article.body,
  };
}
