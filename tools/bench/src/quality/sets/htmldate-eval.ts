import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractHtmlDates, parseHtmlDocument } from '@wirestream/formats';
import { readHtmlGz } from '../../datasets';
import { f1, fmt, ratio, type QualitySet } from '../quality-set';

const NOW = '2026-01-01T00:00:00.000Z';

/**
 * Dates, htmldate-eval (eval_default.json + eval_mediacloud_2020.json): right only when the page's YYYY-MM-DD equals
 * the gold. Right = TP, wrong = FP, none = FN; a page without a gold date left blank is a TN. No Readability baseline
 * (it extracts no dates).
 */
export const qualitySet: QualitySet = {
  name: 'htmldate-eval',
  folder: 'htmldate-eval',
  order: 30,
  score: (ctx) => {
    const dir = path.join(ctx.dir, 'htmldate-eval');
    const entries: Array<[string, { file: string; date: string | null }]> = [];
    for (const name of ['eval_default.json', 'eval_mediacloud_2020.json']) {
      // eval_mediacloud_2020.json marks pages without a publication date as NaN (not JSON): read them as null.
      const raw = readFileSync(path.join(dir, name), 'utf8').replace(/:\s*NaN\b/gu, ': null');
      entries.push(...Object.entries(JSON.parse(raw) as Record<string, { file: string; date: string | null }>));
    }
    const selected = entries.slice(0, ctx.limit);
    let tp = 0,
      fp = 0,
      fn = 0,
      tn = 0;
    const notes: string[] = [];
    const sources = new Map<string, { right: number; wrong: number }>();
    const bar = ctx.progress('htmldate-eval', selected.length);
    for (const [url, entry] of selected) {
      let found: { date: string; source: string } | null = null;
      try {
        const html = readHtmlGz(path.join(dir, 'html', `${entry.file}.gz`));
        // The page's own calendar date (htmldate's output); publishedAt carries the same instant in UTC.
        found = extractHtmlDates(parseHtmlDocument(html), { url, now: NOW }).published;
      } catch (error) {
        if (ctx.verbose) notes.push(`${entry.file}: ${(error as Error).message}`);
      }
      if (!found && entry.date === null) tn += 1;
      else if (!found) {
        fn += 1;
        if (ctx.verbose) notes.push(`NONE ${entry.file} gold ${entry.date}`);
      } else {
        const source = found.source.replace(/^meta:.*/u, 'meta');
        const stat = sources.get(source) ?? { right: 0, wrong: 0 };
        if (found.date === entry.date) {
          tp += 1;
          stat.right += 1;
        } else {
          fp += 1;
          stat.wrong += 1;
          if (ctx.verbose)
            notes.push(`WRONG ${entry.file} ${url} gold ${entry.date} got ${found.date} (${found.source})`);
        }
        sources.set(source, stat);
      }
      bar.tick();
    }
    bar.done();
    if (ctx.verbose) for (const [source, s] of sources) notes.push(`  ${source}: ${s.right} right, ${s.wrong} wrong`);
    return {
      rows: [
        {
          part: `all (${selected.length} pages${tn ? `, ${tn} undated rightly left blank` : ''})`,
          metric: 'F1 (P, R)',
          ours: `${fmt(f1(tp, fp, fn))} (P ${fmt(ratio(tp, tp + fp))}, R ${fmt(ratio(tp, tp + fn))})`,
          readability: '—',
          published:
            'htmldate ext. 0.949 (P 0.908, R 0.993) · htmldate fast 0.925 · newspaper4k 0.810 · news-please 0.810 · goose3 0.706',
        },
      ],
      notes,
    };
  },
};
