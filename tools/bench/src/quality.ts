/*
 * `npm run bench:quality` — scores the enricher against the evaluation sets with the metrics in
 * docs/datasets.md and prints each figure beside the published ones.
 *   main text: trafilatura-eval (with/without snippets over the extracted body)
 *   dates:     htmldate-eval (eval_default.json + eval_mediacloud_2020.json, exact YYYY-MM-DD)
 *   entities:  wikigold (exact span match per type; MISC ignored)
 * Options: --only text|dates|entities (repeatable), --limit N (first N items of each set, for quick runs),
 *          --verbose (print misses).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { enrichArticle, extractEntityMentions } from '@wirestream/enrichment';
import { extractHtmlDates, parseHtmlDocument, parseHtmlPage } from '@wirestream/formats';
import { datasetsDir, progress, readHtmlGz, type DatasetName } from './datasets';

/** The data set each --only task scores against. */
const TASK_DATASETS: Record<string, DatasetName> = { text: 'trafilatura-eval', dates: 'htmldate-eval', entities: 'wikigold' };

interface Options {
  only: Set<string>;
  limit: number;
  verbose: boolean;
}

function parseArgs(argv: string[]): Options {
  const only = new Set<string>();
  let limit = Infinity;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--only') only.add(argv[++i] ?? '');
    else if (arg === '--limit') limit = Number(argv[++i]);
    else if (arg === '--verbose') verbose = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return { only, limit, verbose };
}

const norm = (text: string): string => text.replace(/\s+/gu, ' ').trim();
const f1 = (tp: number, fp: number, fn: number): number => (2 * tp) / Math.max(1, 2 * tp + fp + fn);
const ratio = (a: number, b: number): number => a / Math.max(1, b);
const fmt = (n: number): string => n.toFixed(3);

interface Row {
  task: string;
  metric: string;
  ours: string;
  published: string;
}

const NOW = '2026-01-01T00:00:00.000Z';

function scoreMainText(dir: string, opts: Options, rows: Row[]): void {
  const gold = JSON.parse(readFileSync(path.join(dir, 'trafilatura-eval', 'evaldata.json'), 'utf8')) as Record<string, { file: string; with?: string[]; without?: string[] }>;
  const entries = Object.entries(gold).slice(0, opts.limit);
  let tp = 0, fp = 0, fn = 0, tn = 0, failed = 0;
  const bar = progress('main text (trafilatura-eval)', entries.length);
  for (const [url, entry] of entries) {
    let text = '';
    try {
      const html = readHtmlGz(path.join(dir, 'trafilatura-eval', 'html', `${entry.file}.gz`));
      const item = parseHtmlPage(html, { url, now: NOW });
      text = norm(enrichArticle({ id: 'bench', version: 1, source: { id: 'bench', name: null }, item, ingestedAt: NOW, now: NOW }).body);
    } catch (error) {
      failed += 1;
      if (opts.verbose) process.stderr.write(`\n${entry.file}: ${(error as Error).message}\n`);
    }
    for (const snippet of entry.with ?? []) {
      if (text.includes(norm(snippet))) tp += 1;
      else {
        fn += 1;
        if (opts.verbose) process.stderr.write(`\nMISS ${entry.file}: ${norm(snippet).slice(0, 100)}\n`);
      }
    }
    for (const snippet of entry.without ?? []) {
      if (text.includes(norm(snippet))) {
        fp += 1;
        if (opts.verbose) process.stderr.write(`\nLEAK ${entry.file}: ${norm(snippet).slice(0, 100)}\n`);
      } else tn += 1;
    }
    bar.tick();
  }
  bar.done();
  rows.push(
    { task: `main text (${entries.length} pages${failed ? `, ${failed} failed` : ''})`, metric: 'precision', ours: fmt(ratio(tp, tp + fp)), published: 'trafilatura 2.2.0: 0.906' },
    { task: '', metric: 'recall', ours: fmt(ratio(tp, tp + fn)), published: 'trafilatura 2.2.0: 0.943' },
    { task: '', metric: 'accuracy', ours: fmt(ratio(tp + tn, tp + tn + fp + fn)), published: '' },
    { task: '', metric: 'tp/fp/fn', ours: `${tp}/${fp}/${fn}`, published: '' },
    { task: '', metric: 'F1', ours: fmt(f1(tp, fp, fn)), published: 'trafilatura 0.924 · news-please 0.836 · readability-lxml 0.826 · goose3 0.810 · newspaper4k 0.801' },
  );
}

function scoreDates(dir: string, opts: Options, rows: Row[]): void {
  const entries: Array<[string, { file: string; date: string | null }]> = [];
  for (const name of ['eval_default.json', 'eval_mediacloud_2020.json']) {
    // eval_mediacloud_2020.json marks pages without a publication date as NaN (not JSON): read them as null.
    const raw = readFileSync(path.join(dir, 'htmldate-eval', name), 'utf8').replace(/:\s*NaN\b/gu, ': null');
    const gold = JSON.parse(raw) as Record<string, { file: string; date: string | null }>;
    entries.push(...Object.entries(gold));
  }
  const selected = entries.slice(0, opts.limit);
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const sources = new Map<string, { right: number; wrong: number }>();
  const bar = progress('dates (htmldate-eval)', selected.length);
  for (const [url, entry] of selected) {
    let found: { date: string; source: string } | null = null;
    try {
      const html = readHtmlGz(path.join(dir, 'htmldate-eval', 'html', `${entry.file}.gz`));
      // The page's own calendar date (htmldate's output); publishedAt carries the same instant in UTC.
      found = extractHtmlDates(parseHtmlDocument(html), { url, now: NOW }).published;
    } catch (error) {
      if (opts.verbose) process.stderr.write(`\n${entry.file}: ${(error as Error).message}\n`);
    }
    if (!found && entry.date === null) tn += 1; // no date expected, none given
    else if (!found) {
      fn += 1;
      if (opts.verbose) process.stderr.write(`\nNONE ${entry.file} gold ${entry.date}\n`);
    } else {
      const stat = sources.get(found.source) ?? { right: 0, wrong: 0 };
      if (found.date === entry.date) {
        tp += 1;
        stat.right += 1;
      } else {
        fp += 1;
        stat.wrong += 1;
        if (opts.verbose) process.stderr.write(`\nWRONG ${entry.file} ${url} gold ${entry.date} got ${found.date} (${found.source})\n`);
      }
      sources.set(found.source.replace(/^meta:.*/u, 'meta'), stat);
    }
    bar.tick();
  }
  bar.done();
  if (opts.verbose) for (const [source, s] of sources) process.stderr.write(`  ${source}: ${s.right} right, ${s.wrong} wrong\n`);
  rows.push(
    { task: `dates (${selected.length} pages${tn ? `, ${tn} undated rightly left blank` : ''})`, metric: 'precision', ours: fmt(ratio(tp, tp + fp)), published: 'htmldate extensive: 0.908' },
    { task: '', metric: 'recall', ours: fmt(ratio(tp, tp + fn)), published: 'htmldate extensive: 0.993' },
    { task: '', metric: 'F1', ours: fmt(f1(tp, fp, fn)), published: 'htmldate ext. 0.949 · htmldate fast 0.925 · newspaper4k 0.810 · news-please 0.810 · goose3 0.706' },
  );
}

type EntityKind = 'PER' | 'LOC' | 'ORG';
const KIND_OF = { person: 'PER', place: 'LOC', organization: 'ORG' } as const;

interface ConllDoc {
  sentences: Array<Array<{ token: string; tag: string }>>;
}

function readWikigold(file: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let doc: ConllDoc = { sentences: [] };
  let sentence: Array<{ token: string; tag: string }> = [];
  const endSentence = (): void => {
    if (sentence.length) doc.sentences.push(sentence);
    sentence = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) {
      endSentence();
      continue;
    }
    const [token = '', tag = 'O'] = trimmed.split(/\s+/u);
    if (token === '-DOCSTART-') {
      endSentence();
      if (doc.sentences.length) docs.push(doc);
      doc = { sentences: [] };
      continue;
    }
    sentence.push({ token, tag });
  }
  endSentence();
  if (doc.sentences.length) docs.push(doc);
  return docs;
}

/** Tokens → text with ordinary spacing (no space before punctuation / after opening brackets), with each token's offset. */
function detokenize(tokens: string[]): { text: string; starts: number[]; ends: number[] } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let noSpaceNext = true;
  tokens.forEach((token) => {
    const attach = noSpaceNext || /^(?:[.,;:!?)\]}%]|'s|'|n't|'re|'ve|'ll|'d|'m)$/u.test(token);
    if (!attach) text += ' ';
    starts.push(text.length);
    text += token;
    ends.push(text.length);
    noSpaceNext = /^[([{$]$/u.test(token);
  });
  return { text, starts, ends };
}

function goldSpans(sentence: Array<{ tag: string }>): Array<{ kind: EntityKind; start: number; end: number }> {
  const spans: Array<{ kind: EntityKind; start: number; end: number }> = [];
  let current: { kind: string; start: number } | null = null;
  sentence.forEach(({ tag }, i) => {
    const kind = tag.replace(/^[IB]-/u, '');
    const begins = tag.startsWith('B-') || !current || current.kind !== kind;
    if (current && (tag === 'O' || begins)) {
      if (current.kind !== 'MISC') spans.push({ kind: current.kind as EntityKind, start: current.start, end: i });
      current = null;
    }
    if (tag !== 'O' && !current) current = { kind, start: i };
  });
  if (current) {
    const last = current as { kind: string; start: number };
    if (last.kind !== 'MISC') spans.push({ kind: last.kind as EntityKind, start: last.start, end: sentence.length });
  }
  return spans;
}

function scoreEntities(dir: string, opts: Options, rows: Row[]): void {
  const docs = readWikigold(path.join(dir, 'wikigold', 'wikigold.conll.txt')).slice(0, opts.limit);
  const stats: Record<EntityKind, { tp: number; fp: number; fn: number }> = { PER: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 } };
  const bar = progress('entities (wikigold)', docs.length);
  for (const doc of docs) {
    const detok = doc.sentences.map((s) => detokenize(s.map((t) => t.token)));
    const mentions = extractEntityMentions(detok.map((d) => d.text));
    const predicted = new Set<string>();
    for (const m of mentions) {
      const d = detok[m.paragraph];
      if (!d) continue;
      const first = d.starts.findIndex((s, i) => s <= m.start && m.start < (d.ends[i] ?? 0));
      let last = -1;
      d.ends.forEach((e, i) => {
        if ((d.starts[i] ?? 0) < m.end && e >= m.end - 0) last = last < 0 ? i : last;
      });
      if (first < 0 || last < 0) continue;
      predicted.add(`${m.paragraph}:${first}:${last + 1}:${KIND_OF[m.type]}`);
    }
    const goldSet = new Set<string>();
    doc.sentences.forEach((s, si) => {
      for (const g of goldSpans(s)) goldSet.add(`${si}:${g.start}:${g.end}:${g.kind}`);
    });
    for (const key of predicted) {
      const kind = key.split(':')[3] as EntityKind;
      if (goldSet.has(key)) stats[kind].tp += 1;
      else {
        stats[kind].fp += 1;
        if (opts.verbose) {
          const [si, a, b] = key.split(':').map(Number);
          process.stderr.write(`FP ${kind}: ${doc.sentences[si ?? 0]?.slice(a, b).map((t) => `${t.token}/${t.tag}`).join(' ')}\n`);
        }
      }
    }
    for (const key of goldSet) {
      if (predicted.has(key)) continue;
      const kind = key.split(':')[3] as EntityKind;
      stats[kind].fn += 1;
      if (opts.verbose) {
        const [si, a, b] = key.split(':').map(Number);
        process.stderr.write(`FN ${kind}: ${doc.sentences[si ?? 0]?.slice(a, b).map((t) => t.token).join(' ')}\n`);
      }
    }
    bar.tick();
  }
  bar.done();
  const all = (['PER', 'LOC', 'ORG'] as const).reduce((acc, k) => ({ tp: acc.tp + stats[k].tp, fp: acc.fp + stats[k].fp, fn: acc.fn + stats[k].fn }), { tp: 0, fp: 0, fn: 0 });
  const published: Record<string, string> = { all: 'compromise-based: 0.43', PER: 'compromise-based: 0.53', LOC: 'compromise-based: 0.44', ORG: 'compromise-based: 0.27' };
  const line = (label: string, s: { tp: number; fp: number; fn: number }, key: string, first: boolean): Row => ({
    task: first ? `entities (${docs.length} docs)` : '',
    metric: `${label} F1 (P ${fmt(ratio(s.tp, s.tp + s.fp))}, R ${fmt(ratio(s.tp, s.tp + s.fn))})`,
    ours: fmt(f1(s.tp, s.fp, s.fn)),
    published: published[key] ?? '',
  });
  rows.push(line('overall', all, 'all', true), line('people', stats.PER, 'PER', false), line('places', stats.LOC, 'LOC', false), line('organisations', stats.ORG, 'ORG', false));
}

function printTable(rows: Row[]): void {
  const widths = [
    Math.max(4, ...rows.map((r) => r.task.length)),
    Math.max(6, ...rows.map((r) => r.metric.length)),
    Math.max(4, ...rows.map((r) => r.ours.length)),
  ];
  const out = (a: string, b: string, c: string, d: string): string => `${a.padEnd(widths[0] ?? 0)}  ${b.padEnd(widths[1] ?? 0)}  ${c.padStart(widths[2] ?? 0)}  ${d}\n`;
  process.stdout.write(`\nWirestream enricher quality — ${new Date().toISOString().slice(0, 10)}\n\n`);
  process.stdout.write(out('task', 'metric', 'ours', 'published'));
  process.stdout.write(out('-'.repeat(widths[0] ?? 0), '-'.repeat(widths[1] ?? 0), '-'.repeat(widths[2] ?? 0), '-'.repeat(9)));
  for (const r of rows) process.stdout.write(out(r.task, r.metric, r.ours, r.published));
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const want = (name: string): boolean => opts.only.size === 0 || opts.only.has(name);
  const dir = datasetsDir(...Object.entries(TASK_DATASETS).filter(([task]) => want(task)).map(([, set]) => set));
  const rows: Row[] = [];
  const started = Date.now();
  if (want('text')) scoreMainText(dir, opts, rows);
  if (want('dates')) scoreDates(dir, opts, rows);
  if (want('entities')) scoreEntities(dir, opts, rows);
  printTable(rows);
  process.stdout.write(`\n(${((Date.now() - started) / 1000).toFixed(1)} s; datasets: ${dir})\n`);
}

main();
