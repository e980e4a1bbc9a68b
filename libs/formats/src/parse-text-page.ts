import type { ParsedItem } from '@wirestream/contracts';
import { emptyParsedItem } from './parsed-item';
import { analyzeTextPageLayout } from './text-page-layout';
import { encodeTextLayout } from './text-page-layout-hint';

export interface PageParseOptions {
  url?: string | null;
  sourceName?: string | null;
  /** The clock for relative dates on the page ("3 hours ago"); they are left unread without it. */
  now?: string | null;
}

/**
 * A flattened text page → one ParsedItem. Title, date, byline and site name come from the page's header and
 * footer lines; `content` keeps the full original text (the enricher does the cleaning).
 */
export function parseTextPage(text: string, options: PageParseOptions = {}): ParsedItem {
  const layout = analyzeTextPageLayout(text, {
    sourceName: options.sourceName ?? null,
    now: options.now ?? null,
    url: options.url ?? null,
  });
  const item = emptyParsedItem('text', 'text', text);
  item.url = options.url ?? null;
  item.title = layout.title;
  item.byline = layout.byline;
  item.publishedAt = layout.publishedAt;
  item.updatedAt = layout.updatedAt;
  item.sourceName = options.sourceName ?? layout.siteName;
  // The enricher cleans the page from this reading instead of a second one (its chrome lines, by block).
  const hint = encodeTextLayout(layout);
  if (hint !== null) item.textLayout = hint;
  return item;
}
