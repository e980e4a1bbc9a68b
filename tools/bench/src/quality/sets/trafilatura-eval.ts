import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readHtmlGz } from '../../datasets';
import { f1, fmt, normSpaces, ratio, type QualityRow, type QualitySet } from '../quality-set';
import { halfOf, type Half } from '../split';

interface Gold {
  file: string;
  with?: string[];
  without?: string[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  pages: number;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0, pages: 0 });

/** Adds one page's with/without snippets, scored against `text`, to `counts`; returns the misses and leaks. */
function scorePage(text: string, entry: Gold, counts: Counts): string[] {
  const found: string[] = [];
  counts.pages += 1;
  for (const snippet of entry.with ?? []) {
    if (text.includes(normSpaces(snippet))) counts.tp += 1;
    else {
      counts.fn += 1;
      found.push(`MISS ${entry.file}: ${normSpaces(snippet).slice(0, 100)}`);
    }
  }
  for (const snippet of entry.without ?? []) {
    if (text.includes(normSpaces(snippet))) {
      counts.fp += 1;
      found.push(`LEAK ${entry.file}: ${normSpaces(snippet).slice(0, 100)}`);
    } else counts.tn += 1;
  }
  return found;
}

const summary = (c: Counts): string =>
  `${fmt(f1(c.tp, c.fp, c.fn))} (P ${fmt(ratio(c.tp, c.tp + c.fp))}, R ${fmt(ratio(c.tp, c.tp + c.fn))})`;

/**
 * Main text, trafilatura-eval: with/without snippets over the extracted text (datasets README), on the fixed tune and
 * confirm halves (split.ts) and on the whole set, which the published figures are for.
 */
export const qualitySet: QualitySet = {
  name: 'trafilatura-eval',
  folder: 'trafilatura-eval',
  order: 10,
  score: (ctx) => {
    const dir = path.join(ctx.dir, 'trafilatura-eval');
    const gold = JSON.parse(readFileSync(path.join(dir, 'evaldata.json'), 'utf8')) as Record<string, Gold>;
    const entries = Object.entries(gold)
      .filter(([url]) => ctx.half === null || halfOf(url) === ctx.half)
      .slice(0, ctx.limit);
    const ours: Record<Half, Counts> = { tune: zero(), confirm: zero() };
    const baseline: Record<Half, Counts> = { tune: zero(), confirm: zero() };
    const notes: string[] = [];
    let failed = 0;
    const bar = ctx.progress('trafilatura-eval (ours + Readability alone)', entries.length);
    for (const [url, entry] of entries) {
      const half = halfOf(url);
      let text = '';
      let readability = '';
      try {
        const html = readHtmlGz(path.join(dir, 'html', `${entry.file}.gz`));
        text = normSpaces(ctx.ours(html, url));
        readability = ctx.readabilityAlone ? normSpaces(ctx.readabilityAlone(html)) : '';
      } catch (error) {
        failed += 1;
        notes.push(`trafilatura-eval: ${entry.file} failed: ${(error as Error).message}`);
      }
      const found = scorePage(text, entry, ours[half]);
      scorePage(readability, entry, baseline[half]);
      if (ctx.verbose) notes.push(...found.map((line) => `${half} ${line}`));
      bar.tick();
    }
    bar.done();
    const sum = (a: Counts, b: Counts): Counts => ({
      tp: a.tp + b.tp,
      fp: a.fp + b.fp,
      fn: a.fn + b.fn,
      tn: a.tn + b.tn,
      pages: a.pages + b.pages,
    });
    const all = sum(ours.tune, ours.confirm);
    const allBaseline = sum(baseline.tune, baseline.confirm);
    const rows: QualityRow[] = [];
    const part = (label: string, c: Counts, b: Counts, published: string): void => {
      if (c.pages === 0) return;
      rows.push(
        {
          part: `${label} (${c.pages} pages)`,
          metric: 'F1 (P, R)',
          ours: summary(c),
          readability: ctx.readabilityAlone ? summary(b) : '—',
          published,
        },
        {
          part: '',
          metric: 'tp/fp/fn',
          ours: `${c.tp}/${c.fp}/${c.fn}`,
          readability: ctx.readabilityAlone ? `${b.tp}/${b.fp}/${b.fn}` : '—',
          published: '',
        },
      );
    };
    part('tune', ours.tune, baseline.tune, '');
    part('confirm', ours.confirm, baseline.confirm, '');
    part(
      `all${failed ? `, ${failed} failed` : ''}`,
      all,
      allBaseline,
      'trafilatura 2.2.0 0.924 (P 0.906, R 0.943) · news-please 0.836 · readability-lxml 0.826 · goose3 0.810 · newspaper4k 0.801',
    );
    return { rows, notes };
  },
};
