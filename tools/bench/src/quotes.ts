/*
 * `npm run bench:quotes` — speaker accuracy on the hand-built quote set (tools/bench/data/quotes.json): each page
 * is read from the datasets, run through enrichArticle, and every gold quote is looked up among its quotes.
 * Accuracy = quotes found with the gold speaker ÷ all gold quotes (a missed quote counts as wrong). Pages come from
 * trafilatura-eval, readability-pages and htmldate-eval.
 * Each split is reported whole, per language, and on batch 1 alone (the quotes the set began with), so the confirm
 * figure stays comparable with runs before the set grew; the whole confirm split is the held-out figure.
 * Options: --split tune|confirm (default: both), --verbose (print the misses of the tune split; of the confirm split only
 * with an explicit `--split confirm`, so rule work never reads the held-out misses by accident).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { enrichArticle } from '@wirestream/enrichment';
import { parseHtmlDocument, parseHtmlPage } from '@wirestream/formats';
import { datasetsDir, readHtmlGz } from './datasets';
import { addOutcome, emptyTally, scoreQuote, type GoldQuote, type PredictedQuote, type Tally } from './quotes-score';

const NOW = '2026-01-01T00:00:00.000Z';

function parseArgs(argv: string[]): { split: string | null; verbose: boolean } {
  let split: string | null = null;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--split') split = argv[++i] ?? null;
    else if (arg === '--verbose') verbose = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return { split, verbose };
}

function pageQuotes(dir: string, gold: GoldQuote, urls: Map<string, string>): PredictedQuote[] {
  const file =
    gold.dataset === 'readability-pages'
      ? path.join(dir, 'readability-pages', `${gold.page}.html.gz`)
      : path.join(dir, gold.dataset, 'html', `${gold.page}.gz`);
  const url = urls.get(gold.page) ?? `https://example.com/${gold.page}`;
  const html = readHtmlGz(file);
  const document = parseHtmlDocument(html);
  const item = parseHtmlPage(html, { url, now: NOW, document });
  return enrichArticle(
    { id: 'bench', version: 1, source: { id: 'bench', name: null }, item, ingestedAt: NOW, now: NOW },
    { htmlDocument: document },
  ).quotes;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const dir = datasetsDir('trafilatura-eval');
  if (!existsSync(path.join(dir, 'readability-pages'))) {
    process.stderr.write(`${dir} lacks readability-pages/ (the quote set reads pages from it)\n`);
    process.exit(2);
  }
  const evaldata = JSON.parse(readFileSync(path.join(dir, 'trafilatura-eval', 'evaldata.json'), 'utf8')) as Record<
    string,
    { file: string }
  >;
  const urls = new Map(Object.entries(evaldata).map(([url, entry]) => [entry.file, url]));
  // htmldate-eval pages (gold dates keyed by URL; the mediacloud file writes a missing date as NaN).
  for (const name of ['eval_default.json', 'eval_mediacloud_2020.json']) {
    const file = path.join(dir, 'htmldate-eval', name);
    if (!existsSync(file)) continue;
    const dates = JSON.parse(readFileSync(file, 'utf8').replace(/\bNaN\b/gu, 'null')) as Record<
      string,
      { file: string }
    >;
    for (const [url, entry] of Object.entries(dates)) urls.set(entry.file, url);
  }
  const set = JSON.parse(readFileSync(path.join(__dirname, '..', 'data', 'quotes.json'), 'utf8')) as {
    quotes: GoldQuote[];
  };
  const golds = set.quotes.filter((q) => opts.split === null || q.split === opts.split);

  const tallies = new Map<string, Tally>();
  const tally = (key: string): Tally => {
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = emptyTally()));
    return t;
  };
  const cache = new Map<string, PredictedQuote[]>();
  const started = Date.now();
  for (const gold of golds) {
    const key = `${gold.dataset}:${gold.page}`;
    let predicted = cache.get(key);
    if (!predicted) cache.set(key, (predicted = pageQuotes(dir, gold, urls)));
    const { outcome, found } = scoreQuote(gold, predicted);
    const keys = [gold.split, `${gold.split} ${gold.language}`];
    if (gold.batch === undefined) keys.push(`${gold.split} batch 1`);
    for (const k of keys) addOutcome(tally(k), outcome);
    const showMiss = opts.verbose && outcome !== 'right' && (gold.split === 'tune' || opts.split === 'confirm');
    if (showMiss) {
      process.stderr.write(
        `${gold.split.padEnd(8)}${outcome.padEnd(13)} ${key} | gold ${gold.speaker} | got ${found?.speaker ?? '-'} | ${gold.quote.slice(0, 70)}\n`,
      );
    }
  }

  const pct = (a: number, b: number): string => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  process.stdout.write(`\nQuote speakers — ${golds.length} quotes from ${cache.size} pages\n\n`);
  process.stdout.write(
    `${'set'.padEnd(15)} ${'quotes'.padStart(6)}  ${'speaker acc'.padStart(11)}  ${'found'.padStart(6)}  wrong  none  missed\n`,
  );
  for (const key of [...tallies.keys()].sort()) {
    const t = tally(key);
    process.stdout.write(
      `${key.padEnd(15)} ${String(t.total).padStart(6)}  ${pct(t.right, t.total).padStart(11)}  ${pct(t.total - t.notFound, t.total).padStart(6)}  ${String(t.wrongSpeaker).padStart(5)}  ${String(t.noSpeaker).padStart(4)}  ${String(t.notFound).padStart(6)}\n`,
    );
  }
  process.stdout.write(`\n(${((Date.now() - started) / 1000).toFixed(1)} s; datasets: ${dir})\n`);
}

main();
