/*
 * `npm run bench:scraped-text` — scores text-page cleaning on the scraped-text dev set (see build.ts).
 * Options: --build (re-flatten the pages into the cache first), --verbose (print dev-split misses),
 *          --field title|source|date|byline|body-miss|body-leak (only that kind of miss), --raw (score the
 *          uncleaned text, for reference), --html (score the pages' HTML instead of the flattened text), --html-bare
 *          (the HTML with its metadata tags and JSON-LD removed: the markup fallbacks, see bare-html.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTextPage } from '@wirestream/formats';
import { datasetsDir, repoRoot } from '../datasets';
import { htmlExtraction } from './bare-html';
import { buildScrapedTextSet, splitOf } from './build';
import { enrichedExtraction } from './extraction';
import type { ScrapedPage } from './page';
import { score, summaryRows, type ScrapedExtraction } from './score';

/** Where `--build` writes the flattened pages (git-ignored). */
export const CACHE_FILE = path.join(repoRoot, '.cache', 'scraped-text', 'pages.jsonl');

/** The pipeline under test: the ingestor's text-page parser, then the enricher. */
export function extractScrapedText(page: ScrapedPage): ScrapedExtraction {
  const item = parseTextPage(page.text, { url: page.url });
  return enrichedExtraction(item);
}

const rawExtraction = (page: ScrapedPage): ScrapedExtraction => ({
  title: null,
  source: null,
  date: null,
  byline: null,
  body: page.text,
});

export function loadScrapedTextSet(): ScrapedPage[] {
  return readFileSync(CACHE_FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ScrapedPage)
    .map((page) => ({ ...page, split: splitOf(page) })); // a cache built before the split changed reads the same
}

async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  const fieldIndex = argv.indexOf('--field');
  const field = fieldIndex >= 0 ? argv[fieldIndex + 1] : undefined;
  if (argv.includes('--build') || !existsSync(CACHE_FILE)) {
    const dir = datasetsDir('trafilatura-eval', 'htmldate-eval');
    const count = await buildScrapedTextSet(dir, CACHE_FILE);
    process.stderr.write(`scraped-text: ${count} pages flattened into ${path.relative(repoRoot, CACHE_FILE)}\n`);
  }
  const pages = loadScrapedTextSet();
  const started = Date.now();
  const html = argv.includes('--html-bare') ? 'bare' : argv.includes('--html') ? 'published' : null;
  const extract = argv.includes('--raw')
    ? rawExtraction
    : html
      ? htmlExtraction(datasetsDir('trafilatura-eval', 'htmldate-eval', 'readability-pages'), html === 'bare')
      : extractScrapedText;
  const result = score(pages, extract);
  const ms = Date.now() - started;
  if (verbose || field) {
    for (const m of result.misses)
      if (!field || m.field === field)
        process.stdout.write(`${m.field.padEnd(10)} ${m.id}\n  gold: ${m.gold}\n  got:  ${m.got.slice(0, 200)}\n`);
  }
  const langs = new Map<string, number>();
  for (const p of pages) langs.set(p.lang ?? '?', (langs.get(p.lang ?? '?') ?? 0) + 1);
  process.stdout.write(
    `scraped-text: ${pages.length} pages; languages ${[...langs]
      .sort((a, b) => b[1] - a[1])
      .map(([l, n]) => `${l} ${n}`)
      .join(', ')}; ${ms} ms\n`,
  );
  const columns = [summaryRows(result.dev), summaryRows(result.confirm), summaryRows(result.seen)];
  process.stdout.write(
    `${'metric'.padEnd(22)}${'dev'.padEnd(44)}${'confirm'.padEnd(44)}seen (dev before 2026-12-02)\n`,
  );
  columns[0]!.forEach(([label], i) =>
    process.stdout.write(
      `${label.padEnd(22)}${columns.map((rows, c) => (c < 2 ? rows[i]![1].padEnd(44) : rows[i]![1])).join('')}\n`,
    ),
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
