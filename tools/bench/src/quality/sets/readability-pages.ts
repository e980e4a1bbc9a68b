import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readHtmlGz } from '../../datasets';
import { fmt, type QualitySet } from '../quality-set';
import { shingleRecall } from '../shingles';

/** A page keeping less than this share of Readability's text is listed: usually a lost article body. */
export const LOW_RECALL = 0.8;

/**
 * Loss guard, readability-pages: per page, recall of the text Readability.js keeps (its test suite's expected
 * output) by 4-token shingles; the mean and every page under LOW_RECALL. Recall only: Readability's text holds chrome.
 */
export const qualitySet: QualitySet = {
  name: 'readability-pages',
  folder: 'readability-pages',
  order: 20,
  score: (ctx) => {
    const dir = path.join(ctx.dir, 'readability-pages');
    const expected = JSON.parse(readFileSync(path.join(dir, 'readability-expected.json'), 'utf8')) as Record<
      string,
      { readabilityText: string }
    >;
    const names = Object.keys(expected).sort().slice(0, ctx.limit);
    const ours: Array<{ name: string; recall: number }> = [];
    const baseline: number[] = [];
    const bar = ctx.progress('readability-pages (ours + Readability alone)', names.length);
    for (const name of names) {
      const reference = expected[name]?.readabilityText ?? '';
      const html = readHtmlGz(path.join(dir, `${name}.html.gz`));
      const url = `https://${name}.example/`;
      let text: string;
      try {
        text = ctx.ours(html, url);
      } catch {
        text = ''; // a page we fail on keeps nothing
      }
      ours.push({ name, recall: shingleRecall(text, reference) });
      if (ctx.readabilityAlone) baseline.push(shingleRecall(ctx.readabilityAlone(html), reference));
      bar.tick();
    }
    bar.done();
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const low = ours.filter((p) => p.recall < LOW_RECALL).sort((a, b) => a.recall - b.recall);
    const lowBaseline = baseline.filter((r) => r < LOW_RECALL).length;
    return {
      rows: [
        {
          part: `all (${names.length} pages)`,
          metric: 'mean shingle recall',
          ours: fmt(mean(ours.map((p) => p.recall))),
          readability: baseline.length ? fmt(mean(baseline)) : '—',
          published: 'target ≥ 0.97',
        },
        {
          part: '',
          metric: `pages < ${LOW_RECALL}`,
          ours: String(low.length),
          readability: baseline.length ? String(lowBaseline) : '—',
          published: 'target ≤ 2',
        },
      ],
      notes: low.length
        ? [`readability-pages under ${LOW_RECALL}: ${low.map((p) => `${p.name} ${p.recall.toFixed(2)}`).join(', ')}`]
        : [],
    };
  },
};
