/**
 * Error analysis for bench:quality: lists the main-text misses and leaks and the wrong dates by category, so a rule
 * change can be aimed at the biggest bucket. Reads the datasets in place (never copies them).
 *
 *   node -r @swc-node/register tools/bench/src/quality-diff.ts text  [--limit N] [--list CATEGORY]
 *   node -r @swc-node/register tools/bench/src/quality-diff.ts dates [--limit N] [--list CATEGORY]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  chooseCandidate,
  enrichArticle,
  extractHtmlCandidates,
  mergeWithClassifier,
  type HtmlBlock,
} from '@wirestream/enrichment';
import {
  collectHtmlDateCandidates,
  extractHtmlDates,
  parseHtmlDocument,
  parseHtmlPage,
  type DateCandidate,
} from '@wirestream/formats';
import { datasetsDir, readHtmlGz } from './datasets';

const NOW = '2026-01-01T00:00:00.000Z';
const norm = (text: string): string => text.replace(/\s+/gu, ' ').trim();

interface Finding {
  category: string;
  file: string;
  detail: string;
}

function parseArgs(argv: string[]): { mode: string; limit: number; list: string | null } {
  const mode = argv[0] ?? 'text';
  let limit = Infinity;
  let list: string | null = null;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--limit') limit = Number(argv[++i]);
    else if (argv[i] === '--list') list = argv[++i] ?? null;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return { mode, limit, list };
}

const joined = (blocks: HtmlBlock[]): string => norm(blocks.map((b) => b.text).join(' '));
/** The block holding (the start of) a snippet, for its tag. */
function blockOf(blocks: HtmlBlock[], snippet: string): HtmlBlock | undefined {
  const head = snippet.slice(0, 40);
  return (
    blocks.find((b) => b.text.includes(head)) ??
    blocks.find((b) => head.includes(b.text.slice(0, 30)) && b.text.length > 10)
  );
}

function analyseText(dir: string, limit: number): Finding[] {
  const gold = JSON.parse(readFileSync(path.join(dir, 'trafilatura-eval', 'evaldata.json'), 'utf8')) as Record<
    string,
    { file: string; with?: string[]; without?: string[] }
  >;
  const findings: Finding[] = [];
  for (const [url, entry] of Object.entries(gold).slice(0, limit)) {
    const html = readHtmlGz(path.join(dir, 'trafilatura-eval', 'html', `${entry.file}.gz`));
    const document = parseHtmlDocument(html);
    const item = parseHtmlPage(html, { url, now: NOW, document });
    const body = enrichArticle(
      { id: 'diff', version: 1, source: { id: 'diff', name: null }, item, ingestedAt: NOW, now: NOW },
      { htmlDocument: document },
    ).body;
    const finalText = norm(body);
    const finalParas = body.split('\n\n');
    const raw = norm(parseHtmlDocument(html).body?.textContent ?? '');
    const c = extractHtmlCandidates(html);
    const choice = chooseCandidate(c.readability, c.density, c.fallback);
    const chosen = joined(
      choice.method === 'readability' ? mergeWithClassifier(choice.blocks, c.body, c.keep) : choice.blocks,
    );
    const other = joined(choice.method === 'readability' ? c.density : c.readability);
    const bodyText = joined(c.body);
    for (const s of (entry.with ?? []).map(norm)) {
      if (finalText.includes(s)) continue;
      const block = blockOf(c.body, s);
      const tag = block ? `${block.tag}${c.keep[c.body.indexOf(block)] ? '+kept' : ''}` : '?';
      let category: string;
      if (!raw.includes(s)) category = 'miss:not-in-page-text';
      else if (!bodyText.includes(s)) category = 'miss:prepass';
      else if (chosen.includes(s)) category = 'miss:trimmed';
      else if (other.includes(s)) category = `miss:other-candidate(${choice.method})`;
      else category = `miss:neither-candidate`;
      findings.push({ category, file: entry.file, detail: `[${tag}] ${s.slice(0, 110)}` });
    }
    for (const s of (entry.without ?? []).map(norm)) {
      if (!finalText.includes(s)) continue;
      const index = finalParas.findIndex((p) => norm(p).includes(s.slice(0, 40)));
      const where =
        index < 0
          ? 'span'
          : index === 0
            ? 'first'
            : index >= finalParas.length - 3
              ? 'tail'
              : index <= 2
                ? 'head'
                : 'middle';
      const inOther = other.includes(s);
      findings.push({
        category: `leak:${where}${inOther ? '' : `:only-${choice.method}`}`,
        file: entry.file,
        detail: `[${index}/${finalParas.length}] ${s.slice(0, 110)}`,
      });
    }
  }
  return findings;
}

function analyseDates(dir: string, limit: number): Finding[] {
  const entries: Array<[string, { file: string; date: string | null }]> = [];
  for (const name of ['eval_default.json', 'eval_mediacloud_2020.json']) {
    const raw = readFileSync(path.join(dir, 'htmldate-eval', name), 'utf8').replace(/:\s*NaN\b/gu, ': null');
    entries.push(...Object.entries(JSON.parse(raw) as Record<string, { file: string; date: string | null }>));
  }
  const findings: Finding[] = [];
  for (const [url, entry] of entries.slice(0, limit)) {
    const html = readHtmlGz(path.join(dir, 'htmldate-eval', 'html', `${entry.file}.gz`));
    const doc = parseHtmlDocument(html);
    const got = extractHtmlDates(doc, { url, now: NOW }).published;
    if (got?.date === entry.date || (!got && entry.date === null)) continue;
    const candidates: DateCandidate[] = collectHtmlDateCandidates(doc, { url, now: NOW });
    const days = got && entry.date ? Math.round((Date.parse(got.date) - Date.parse(entry.date)) / 86_400_000) : null;
    const goldSources = candidates.filter((k) => k.date === entry.date).map((k) => k.source);
    const category = !got
      ? 'dates:none'
      : Math.abs(days ?? 99) === 1
        ? `dates:one-day-off(${got.source.replace(/^meta:.*/u, 'meta')})`
        : goldSources.length
          ? `dates:gold-among-candidates(${got.source.replace(/^meta:.*/u, 'meta')})`
          : `dates:wrong(${got.source.replace(/^meta:.*/u, 'meta')})`;
    const list = candidates.map((k) => `${k.source}=${k.raw ?? k.date}${k.date === entry.date ? '✓' : ''}`).join(' | ');
    findings.push({
      category,
      file: entry.file,
      detail: `${url}\n      gold ${entry.date} got ${got?.date ?? '-'} (${got?.source ?? ''})\n      ${list.slice(0, 600)}`,
    });
  }
  return findings;
}

function main(): void {
  const { mode, limit, list } = parseArgs(process.argv.slice(2));
  const dir = datasetsDir(mode === 'dates' ? 'htmldate-eval' : 'trafilatura-eval');
  const findings = mode === 'dates' ? analyseDates(dir, limit) : analyseText(dir, limit);
  const byCategory = new Map<string, Finding[]>();
  for (const f of findings) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
  const sorted = [...byCategory.entries()].sort((a, b) => b[1].length - a[1].length);
  for (const [category, items] of sorted) process.stdout.write(`${String(items.length).padStart(4)}  ${category}\n`);
  for (const [category, items] of sorted) {
    if (list && !category.startsWith(list)) continue;
    process.stdout.write(`\n== ${category}\n`);
    for (const f of items) process.stdout.write(`  ${f.file}: ${f.detail}\n`);
  }
}

main();
