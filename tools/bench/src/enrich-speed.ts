/*
 * `npm run bench:enrich` — enrichment throughput on one core (this process, one thread) and peak memory.
 *   HTML pages: trafilatura-eval pages (parseHtmlPage + enrichArticle, the enricher's per-message work).
 *   Text/feed items: the sample article in examples/ plus synthetic text pages built from it.
 * Run with the enricher's heap flags (package.json bench:enrich = start:enricher: --max-old-space-size=192
 * --max-semi-space-size=4), so the peak RSS is the service's.
 * Each rate is printed twice: per second of wall time, and per second of the process's CPU time (user + system,
 * every thread: GC helpers included), which other processes on a shared host do not inflate.
 * Options: --pages N (HTML pages to load, default 400), --seconds S (minimum timed run per kind, default 5),
 * --baseline REF (a commit, branch or checkout path: runs this bench in REF's code and in the working tree in turn,
 * each in a fresh process, and prints both; --rounds N pairs, default 3). The baseline's checkout is a git worktree
 * kept in the temp directory for the next run (see baseline-tree.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ParsedItem } from '@wirestream/contracts';
import { enrichArticle } from '@wirestream/enrichment';
import { parseHtmlDocument, parseHtmlPage, parseTextPage, type DomDocument } from '@wirestream/formats';
import { baselineTree, copyBenchInto, runInTree } from './baseline-tree';
import { datasetsDir, decodeHtmlBytes, progress, repoRoot } from './datasets';

const NOW = '2026-01-01T00:00:00.000Z';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function stringArg(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}

function enrich(item: ParsedItem, htmlDocument?: DomDocument): number {
  return enrichArticle(
    { id: 'bench', version: 1, source: { id: 'bench', name: null }, item, ingestedAt: NOW, now: NOW },
    { htmlDocument },
  ).wordCount;
}

/**
 * Runs `work` over the inputs (cycling) until at least `seconds` of work time have passed; returns items per second.
 * `prepare` (decompressing a stored page — the service receives it as message bytes) is not timed. Warm-up first,
 * untimed: the first `warmUp.inputs` inputs, `warmUp.passes` times. V8 compiles a regex to native code on its second
 * execution, and the enricher's largest take 10–30 ms each (the speech-verb alternations; the first text-page layout
 * of an HTML run took 460 ms): a path few items take would otherwise compile inside the timed seconds, a start-up
 * cost a long-running enricher pays once.
 */
function timed<T, P>(
  label: string,
  inputs: T[],
  prepare: (input: T) => P,
  work: (input: P) => unknown,
  seconds: number,
  warmUp: { inputs: number; passes: number },
): { rate: number; cpuRate: number; count: number; elapsed: number } {
  const warming = progress(`${label}, warm-up`, Math.min(inputs.length, warmUp.inputs) * warmUp.passes);
  for (let pass = 0; pass < warmUp.passes; pass++) {
    for (const input of inputs.slice(0, Math.min(inputs.length, warmUp.inputs))) {
      work(prepare(input));
      warming.tick();
    }
  }
  warming.done();
  let elapsedNs = 0n;
  let cpuMicros = 0;
  let count = 0;
  const bar = progress(label, inputs.length);
  for (;;) {
    for (const input of inputs) {
      const prepared = prepare(input);
      const cpuStarted = process.cpuUsage();
      const started = process.hrtime.bigint();
      work(prepared);
      elapsedNs += process.hrtime.bigint() - started;
      const cpu = process.cpuUsage(cpuStarted);
      cpuMicros += cpu.user + cpu.system;
      count += 1;
      if (count <= inputs.length) bar.tick();
    }
    if (Number(elapsedNs) / 1e9 >= seconds) break;
  }
  bar.done();
  const elapsed = Number(elapsedNs) / 1e9;
  return { rate: count / elapsed, cpuRate: count / (cpuMicros / 1e6), count, elapsed };
}

function syntheticTextPages(fixture: string, count: number): string[] {
  const pages: string[] = [fixture];
  const places = ['Nairobi', 'Lima', 'Oslo', 'Hanoi', 'Quito', 'Dakar', 'Riga', 'Perth'];
  for (let i = 1; i < count; i++) {
    const place = places[i % places.length] ?? 'Lima';
    pages.push(
      [
        `| Welcome to Daily Wire ${i}`,
        `Monday, March ${(i % 28) + 1}, 2026`,
        `Officials in ${place} announce new transport plan number ${i}`,
        `${place.toUpperCase()}, March ${(i % 28) + 1} (Agency) - City officials in ${place} announced a transport plan on Monday that would add ${i % 40} new bus routes and a light-rail line, Mayor Ana Ruiz said.`,
        `“This plan will change how people move around the city for the next twenty years,” Ruiz told reporters at City Hall. She added that funding would come from the national government and the World Bank.`,
        'Read more: Fuel prices rise for the third month in a row',
        `Critics, including the Transport Workers Union, said the plan ignored the suburbs. “We have been asking for better service for a decade and we are still waiting,” said union leader Tom Hale.`,
        `The council will vote on the plan in April. Construction could begin as early as next year, according to the city’s planning department.`,
        'Share this article',
        `© 2026 Daily Wire ${i}`,
      ].join('\n\n'),
    );
  }
  return pages;
}

function main(): void {
  const dir = datasetsDir('trafilatura-eval');
  const pagesWanted = arg('pages', 400);
  const seconds = arg('seconds', 5);

  const gold = JSON.parse(readFileSync(path.join(dir, 'trafilatura-eval', 'evaldata.json'), 'utf8')) as Record<
    string,
    { file: string }
  >;
  const entries = Object.entries(gold).slice(0, pagesWanted);
  const load = progress('loading HTML pages', entries.length);
  // Pages stay gzipped in memory (as the enricher holds only the message in hand, not a corpus); each is decoded
  // just before its timed enrichment.
  const pages = entries.map(([url, entry]) => {
    load.tick();
    return { url, gz: readFileSync(path.join(dir, 'trafilatura-eval', 'html', `${entry.file}.gz`)) };
  });
  load.done();
  const sizes = new Map<string, number>();

  const fixture = readFileSync(path.join(repoRoot, 'examples', 'global-village-space-trump-petro.txt'), 'utf8');
  const texts = syntheticTextPages(fixture, 200);

  const html = timed(
    'HTML pages',
    pages,
    (p) => {
      const html = decodeHtmlBytes(gunzipSync(p.gz));
      sizes.set(p.url, html.length);
      return { url: p.url, html };
    },
    (p) => {
      // Parsed once: the page parser reads the document, then enrichment takes it over.
      const document = parseHtmlDocument(p.html);
      return enrich(parseHtmlPage(p.html, { url: p.url, now: NOW, document }), document);
    },
    seconds,
    { inputs: pages.length, passes: 1 },
  );
  const text = timed(
    'text items',
    texts,
    (t) => t,
    (t) => enrich(parseTextPage(t, {})),
    seconds,
    { inputs: texts.length, passes: 2 },
  );
  const totalBytes = [...sizes.values()].reduce((n, v) => n + v, 0);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;

  const row = (a: string, b: string, c: string): string => `${a.padEnd(34)}${b.padStart(12)}  ${c}\n`;
  process.stdout.write(
    `\nWirestream enricher speed — ${new Date().toISOString().slice(0, 10)}, one core, Node ${process.version}\n\n`,
  );
  process.stdout.write(row('measure', 'ours', 'target'));
  process.stdout.write(row('-'.repeat(32), '-'.repeat(10), '------'));
  process.stdout.write(
    row(
      `HTML pages/s (${pages.length} pages, avg ${(totalBytes / pages.length / 1024).toFixed(0)} KB)`,
      html.rate.toFixed(1),
      '≥ 40',
    ),
  );
  process.stdout.write(row(`text/feed items/s (${texts.length} items)`, text.rate.toFixed(1), '≥ 500'));
  process.stdout.write(row('HTML pages per CPU second', html.cpuRate.toFixed(1), '≥ 40'));
  process.stdout.write(row('text/feed items per CPU second', text.cpuRate.toFixed(1), '≥ 500'));
  process.stdout.write(row('peak RSS (MB)', maxRssMb.toFixed(0), '< 300'));
  process.stdout.write(
    `\n(HTML: ${html.count} enrichments in ${html.elapsed.toFixed(1)} s; text: ${text.count} in ${text.elapsed.toFixed(1)} s; warm-up (every HTML page once, every text item twice) and page decompression excluded; node flags: ${process.execArgv.filter((a) => a.startsWith('--max')).join(' ') || 'none'})\n`,
  );
}

interface SpeedFigures {
  htmlPagesPerSecond: number;
  textItemsPerSecond: number;
  peakRssMb: number;
  /** Per second of the process's CPU time (null in tables printed before these rows existed). */
  htmlPagesPerCpuSecond: number | null;
  textItemsPerCpuSecond: number | null;
}

/** The figures of one run's printed table (the lines this bench has printed since its first version). */
export function readSpeedFigures(output: string): SpeedFigures {
  const optionalFigure = (label: RegExp): number | null => {
    const line = output.split('\n').find((text) => label.test(text));
    if (line === undefined) return null;
    // The figure is the column before the target ("≥ 40", "< 300").
    const columns = line.trim().split(/\s+/u);
    const value = columns[columns.findIndex((column) => column === '≥' || column === '<') - 1];
    return value === undefined || Number.isNaN(Number(value)) ? null : Number(value);
  };
  const figure = (label: RegExp): number => {
    const value = optionalFigure(label);
    if (value === null) throw new Error(`no ${label.source} figure in the bench output:\n${output}`);
    return value;
  };
  return {
    htmlPagesPerSecond: figure(/^HTML pages\/s/u),
    textItemsPerSecond: figure(/^text\/feed items\/s/u),
    peakRssMb: figure(/^peak RSS/u),
    htmlPagesPerCpuSecond: optionalFigure(/^HTML pages per CPU second/u),
    textItemsPerCpuSecond: optionalFigure(/^text\/feed items per CPU second/u),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * The baseline in the same run: each round runs the bench in the baseline's code, then in the working tree's, each in
 * a fresh process with the same node flags, so both see the same machine load and neither inherits the other's JIT
 * or heap. Both run this bench's own code (copied into the baseline's checkout), so only the enricher differs.
 */
function compareWithBaseline(ref: string): void {
  const baseline = baselineTree(ref);
  const rounds = arg('rounds', 3);
  const args = ['--pages', String(arg('pages', 400)), '--seconds', String(arg('seconds', 5))];
  const env = { ...process.env, WIRESTREAM_DATASETS_DIR: datasetsDir('trafilatura-eval') };
  const script = path.join('tools', 'bench', 'src', 'enrich-speed.ts');
  const baselineScript = copyBenchInto(baseline.dir, ['enrich-speed.ts', 'datasets.ts', 'baseline-tree.ts']);
  const ours: SpeedFigures[] = [];
  const theirs: SpeedFigures[] = [];
  const show = (who: string, f: SpeedFigures): string =>
    `${who}: HTML ${f.htmlPagesPerSecond} pages/s, text ${f.textItemsPerSecond} items/s, ${f.peakRssMb} MB`;
  for (let round = 1; round <= rounds; round++) {
    process.stderr.write(`round ${round}/${rounds}: baseline (${baseline.label})…\n`);
    theirs.push(readSpeedFigures(runInTree(baseline.dir, baselineScript, args, env)));
    process.stderr.write(
      `  ${show('baseline', theirs.at(-1) as SpeedFigures)}\nround ${round}/${rounds}: working tree…\n`,
    );
    ours.push(readSpeedFigures(runInTree(repoRoot, script, args, env)));
    process.stderr.write(`  ${show('working tree', ours.at(-1) as SpeedFigures)}\n`);
  }
  const values = (runs: SpeedFigures[], key: keyof SpeedFigures): number[] => runs.map((f) => f[key] ?? Number.NaN);
  const cell = (runs: SpeedFigures[], key: keyof SpeedFigures): string =>
    `${median(values(runs, key))} (${values(runs, key).join(', ')})`;
  const row = (a: string, b: string, c: string, d: string): string =>
    `${a.padEnd(22)}${b.padEnd(36)}${c.padEnd(36)}${d}\n`;
  process.stdout.write(
    `\nWirestream enricher speed — ${new Date().toISOString().slice(0, 10)}, one core, Node ${process.version}; ` +
      `${rounds} rounds, baseline ${baseline.label} and working tree in turn\n\n`,
  );
  process.stdout.write(row('measure', 'working tree: median (runs)', `baseline: median (runs)`, 'target'));
  process.stdout.write(row('-'.repeat(20), '-'.repeat(34), '-'.repeat(34), '------'));
  process.stdout.write(
    row('HTML pages/s', cell(ours, 'htmlPagesPerSecond'), cell(theirs, 'htmlPagesPerSecond'), '≥ 40'),
  );
  process.stdout.write(
    row('text/feed items/s', cell(ours, 'textItemsPerSecond'), cell(theirs, 'textItemsPerSecond'), '≥ 500'),
  );
  process.stdout.write(
    row('HTML pages/CPU s', cell(ours, 'htmlPagesPerCpuSecond'), cell(theirs, 'htmlPagesPerCpuSecond'), '≥ 40'),
  );
  process.stdout.write(
    row('text/feed items/CPU s', cell(ours, 'textItemsPerCpuSecond'), cell(theirs, 'textItemsPerCpuSecond'), '≥ 500'),
  );
  process.stdout.write(row('peak RSS (MB)', cell(ours, 'peakRssMb'), cell(theirs, 'peakRssMb'), '< 300'));
  const ratio = (key: keyof SpeedFigures): string =>
    (median(values(ours, key)) / median(values(theirs, key))).toFixed(3);
  process.stdout.write(
    `\nworking tree / baseline (medians): HTML ${ratio('htmlPagesPerSecond')}, text ${ratio('textItemsPerSecond')}, ` +
      `peak RSS ${ratio('peakRssMb')}; by CPU time (steadier on a shared host: other processes' load does not ` +
      `count): HTML ${ratio('htmlPagesPerCpuSecond')}, text ${ratio('textItemsPerCpuSecond')}\n`,
  );
}

if (require.main === module) {
  const baselineRef = stringArg('baseline');
  if (baselineRef) compareWithBaseline(baselineRef);
  else main();
}
