/*
 * `npm run bench:quality` — scores the enricher on every dev set in ./quality/sets, side by side with a
 * Readability-alone baseline (@mozilla/readability on the raw page, run here on the same pages) and the published
 * anchors (datasets README for the metrics):
 *   trafilatura-eval   main text, on the fixed tune and confirm halves (quality/split.ts) and the whole set
 *   readability-pages  loss guard: mean 4-token shingle recall of Readability's text, pages under 0.8 listed
 *   htmldate-eval      dates
 *   wikigold           entities
 * A set is one file in quality/sets exporting `qualitySet` (quality/quality-set.ts); a set whose folder is missing
 * from the datasets directory is skipped with a note.
 * Options: --only <set name> (repeatable; also text|dates|entities), --limit N (first N items of each set),
 *          --half tune|confirm (trafilatura-eval: that half only; rules are chosen on tune), --no-baseline (skip
 *          Readability alone, for quicker tuning runs), --verbose (misses, leaks, wrong dates).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { datasetsDir, progress } from './datasets';
import { oursMainText, readabilityAloneText } from './quality/extractors';
import type { QualityResult, QualityRow, QualitySet } from './quality/quality-set';

const USAGE = `usage: npm run bench:quality [-- options]
  --only <set>        score this set only (repeatable): trafilatura-eval, readability-pages, htmldate-eval, wikigold,
                      … (every file in tools/bench/src/quality/sets); aliases text, dates, entities
  --limit N           the first N items of each set
  --half tune|confirm trafilatura-eval: that half only (rules are chosen on tune, confirmed on confirm)
  --no-baseline       skip the Readability-alone baseline (quicker tuning runs)
  --verbose           list misses, leaks and wrong dates
Datasets are read from WIRESTREAM_DATASETS_DIR (default ../shared/datasets).
`;

/** Old --only names. */
const ALIASES: Record<string, string> = { text: 'trafilatura-eval', dates: 'htmldate-eval', entities: 'wikigold' };

interface Options {
  only: Set<string>;
  limit: number;
  verbose: boolean;
  half: 'tune' | 'confirm' | null;
  baseline: boolean;
}

function parseArgs(argv: string[]): Options {
  const only = new Set<string>();
  let limit = Infinity;
  let verbose = false;
  let half: Options['half'] = null;
  let baseline = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--only') {
      const name = argv[++i] ?? '';
      only.add(ALIASES[name] ?? name);
    } else if (arg === '--limit') limit = Number(argv[++i]);
    else if (arg === '--verbose') verbose = true;
    else if (arg === '--no-baseline') baseline = false;
    else if (arg === '--half') {
      const value = argv[++i];
      if (value !== 'tune' && value !== 'confirm') throw new Error('--half takes tune or confirm');
      half = value;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}; ${USAGE}`);
  }
  return { only, limit, verbose, half, baseline };
}

/** Every set file in quality/sets (one file per set, nothing to register elsewhere). */
function loadSets(): QualitySet[] {
  const dir = path.join(__dirname, 'quality', 'sets');
  const files = readdirSync(dir).filter((f) => /\.ts$/u.test(f) && !/\.(?:spec|d)\.ts$/u.test(f));
  // Sets are found by listing the folder, so they are required by path.
  const sets = files
    .map((f) => (require(path.join(dir, f)) as { qualitySet?: QualitySet }).qualitySet)
    .filter((s): s is QualitySet => s !== undefined);
  return sets.sort((a, b) => a.order - b.order);
}

function printTable(sections: Array<{ set: string; result: QualityResult }>): void {
  const rows: Array<QualityRow & { set: string }> = sections.flatMap(({ set, result }) =>
    result.rows.map((r, i) => ({ ...r, set: i === 0 ? set : '' })),
  );
  const header = {
    set: 'set',
    part: 'part',
    metric: 'metric',
    ours: 'ours',
    readability: 'Readability alone',
    published: 'published',
  };
  const all = [header, ...rows];
  const width = (key: 'set' | 'part' | 'metric' | 'ours' | 'readability'): number =>
    Math.max(...all.map((r) => r[key].length));
  const w = {
    set: width('set'),
    part: width('part'),
    metric: width('metric'),
    ours: width('ours'),
    readability: width('readability'),
  };
  const line = (r: typeof header): string =>
    `${r.set.padEnd(w.set)}  ${r.part.padEnd(w.part)}  ${r.metric.padEnd(w.metric)}  ${r.ours.padEnd(w.ours)}  ${r.readability.padEnd(w.readability)}  ${r.published}`.trimEnd();
  process.stdout.write(`\nWirestream enricher quality — ${new Date().toISOString().slice(0, 10)}\n\n`);
  process.stdout.write(`${line(header)}\n`);
  process.stdout.write(
    `${line({ set: '-'.repeat(w.set), part: '-'.repeat(w.part), metric: '-'.repeat(w.metric), ours: '-'.repeat(w.ours), readability: '-'.repeat(w.readability), published: '-'.repeat(9) })}\n`,
  );
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
  const notes = sections.flatMap(({ result }) => result.notes);
  if (notes.length) process.stdout.write(`\n${notes.join('\n')}\n`);
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const sets = loadSets().filter((s) => opts.only.size === 0 || opts.only.has(s.name));
  const unknown = [...opts.only].filter((name) => !sets.some((s) => s.name === name));
  if (unknown.length)
    throw new Error(
      `unknown set ${unknown.join(', ')}; sets: ${loadSets()
        .map((s) => s.name)
        .join(', ')}`,
    );
  // At least one set must be there; a set whose folder is missing is skipped (a set another change has not built yet).
  const dir = datasetsDir();
  const present = sets.filter((s) => existsSync(path.join(dir, s.folder)));
  const skipped = sets.filter((s) => !present.includes(s));
  if (present.length === 0) {
    process.stderr.write(
      `No dev set found in ${dir} (WIRESTREAM_DATASETS_DIR, default ../shared/datasets); expected ${sets.map((s) => `${s.folder}/`).join(', ')}. See docs/datasets.md.\n`,
    );
    process.exit(2);
  }
  const started = Date.now();
  const sections: Array<{ set: string; result: QualityResult }> = [];
  for (const set of present) {
    const result = set.score({
      dir,
      limit: opts.limit,
      verbose: opts.verbose,
      half: opts.half,
      ours: oursMainText,
      readabilityAlone: opts.baseline ? readabilityAloneText : null,
      progress,
    });
    sections.push({ set: set.name, result });
  }
  for (const set of skipped)
    sections.push({
      set: set.name,
      result: { rows: [], notes: [`${set.name}: skipped, ${path.join(dir, set.folder)} not found`] },
    });
  printTable(sections);
  process.stdout.write(`\n(${((Date.now() - started) / 1000).toFixed(1)} s; datasets: ${dir})\n`);
}

main();
