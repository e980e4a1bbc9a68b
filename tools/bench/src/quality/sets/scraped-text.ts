import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../datasets';
import { CACHE_FILE, extractScrapedText, loadScrapedTextSet } from '../../scraped-text/main';
import { bodyF1, score, type SplitScore } from '../../scraped-text/score';
import { fmt, type QualityRow, type QualitySet } from '../quality-set';

const pct = (right: number, scored: number): string => `${((100 * right) / Math.max(1, scored)).toFixed(1)}%`;

/** One split's rows; issue 12's targets apply to the confirm split. */
function rows(part: string, s: SplitScore, targets: boolean): QualityRow[] {
  const row = (metric: string, ours: string, target: string): QualityRow => ({
    part: '',
    metric,
    ours,
    readability: '—',
    published: targets ? target : '',
  });
  return [
    { ...row('title exact', pct(s.title.right, s.title.scored), 'target ≥ 90%'), part: `${part} (${s.pages} pages)` },
    row('source', pct(s.source.right, s.source.scored), 'target ≥ 80%'),
    row('date', pct(s.date.right, s.date.scored), 'target ≥ 90%'),
    row('byline', pct(s.byline.right, s.byline.scored), ''),
    row('body F1 (snippets)', fmt(bodyF1(s)), 'target ≥ 0.90'),
  ];
}

/**
 * Scraped text pages (issue 12): the dataset pages flattened as a scraper sees them (`npm run bench:scraped-text --
 * --build` makes the cache with headless Chromium), through the ingestor's text-page parser and the enricher. The
 * per-field misses and the HTML variants are in `npm run bench:scraped-text`.
 */
export const qualitySet: QualitySet = {
  name: 'scraped-text',
  folder: 'trafilatura-eval',
  order: 25,
  score: (ctx) => {
    if (!existsSync(CACHE_FILE))
      return {
        rows: [],
        notes: [
          `scraped-text: no ${path.relative(repoRoot, CACHE_FILE)}; \`npm run bench:scraped-text -- --build\` flattens the pages first (headless Chromium)`,
        ],
      };
    const pages = loadScrapedTextSet().slice(0, ctx.limit);
    const bar = ctx.progress('scraped-text', pages.length);
    const result = score(pages, (page) => {
      bar.tick();
      return extractScrapedText(page);
    });
    bar.done();
    return {
      rows: [...rows('dev', result.dev, false), ...rows('confirm', result.confirm, true)],
      notes: [
        `scraped-text: ${result.seen.pages} more pages are trafilatura-eval confirm pages that were dev before 2026-12-02, scored apart by bench:scraped-text`,
      ],
    };
  },
};
