import fc from 'fast-check';
import { FIELD_LIMITS, type EnrichedArticle, type ParsedItem } from '@wirestream/contracts';
import { emptyParsedItem } from '@wirestream/formats';
import { fastestRun } from '@wirestream/testing';
import { enrichArticle } from './enrich-article';

/**
 * Property-based: any text or HTML item — built from runs of the characters and tags the hostile-input classes are
 * made of — enriches without throwing, within a time linear in its size, and inside FIELD_LIMITS.
 */

const NOW = '2026-01-01T00:00:00.000Z';
/** A fixed allowance plus a per-character rate, generous for a shared CI machine; the real cost is far below it. */
const budgetMs = (chars: number): number => 1500 + chars * 0.02;

function enrich(item: ParsedItem): EnrichedArticle {
  return enrichArticle({ id: 'id', version: 1, source: { id: 'src', name: null }, item, ingestedAt: NOW, now: NOW });
}

const PIECES = [
  '!',
  '.',
  '?',
  '…',
  '“',
  '”',
  '"',
  '«',
  '»',
  '(',
  ')',
  ' ',
  '\n',
  '\n\n',
  ',',
  ':',
  '—',
  '-',
  '&',
  "'",
  '’',
  'a',
  'A',
  '1',
  'Mr.',
  'U.S.',
  'Alpha',
  'Beta',
  'and',
  'of',
  'said',
  'Welcome to ',
  'NAIROBI',
  'Read more: ',
  'the council said on Tuesday that ',
  'Reporting by ',
  '|',
  '©',
  '¡',
  'é',
  '😀',
];
/** A piece repeated: runs are what make a backtracking regex or a nested scan blow up. */
const run = fc
  .record({
    piece: fc.constantFrom(...PIECES),
    times: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 100, max: 3000 })),
  })
  .map(({ piece, times }) => piece.repeat(times));
const text = fc.array(run, { minLength: 1, maxLength: 12 }).map((runs) => runs.join(''));

const TAGS = [
  'div',
  'p',
  'span',
  'ul',
  'li',
  'table',
  'td',
  'blockquote',
  'a',
  'b',
  'article',
  'nav',
  'h1',
  'script',
  'br',
];
const nesting = fc.record({
  tag: fc.constantFrom(...TAGS),
  depth: fc.integer({ min: 1, max: 1500 }),
  close: fc.boolean(),
});
const html = fc.tuple(fc.array(nesting, { minLength: 1, maxLength: 3 }), text).map(([levels, inner]) => {
  const open = levels.map((l) => `<${l.tag} class="x">`.repeat(l.depth)).join('');
  const close = [...levels]
    .reverse()
    .map((l) => (l.close ? `</${l.tag}>`.repeat(l.depth) : ''))
    .join('');
  return `<html><head><title>${inner.slice(0, 50)}</title></head><body>${open}<p>${inner}</p>${close}</body></html>`;
});

function expectWithinLimits(article: EnrichedArticle): void {
  expect(article.summary.length).toBeLessThanOrEqual(FIELD_LIMITS.summary);
  expect(article.title?.length ?? 0).toBeLessThanOrEqual(FIELD_LIMITS.title);
  for (const keyword of article.keywords) expect(keyword.length).toBeLessThanOrEqual(FIELD_LIMITS.keyword);
  for (const entity of [...article.entities.people, ...article.entities.places, ...article.entities.organizations]) {
    expect(entity.name.length).toBeLessThanOrEqual(FIELD_LIMITS.entityName);
  }
}

function checkItem(item: ParsedItem): void {
  const budget = budgetMs(item.content.length);
  const { result: article, ms } = fastestRun(() => enrich(item), budget);
  expect(ms).toBeLessThan(budget);
  expectWithinLimits(article);
}

beforeAll(() => {
  enrich(emptyParsedItem('text', 'text', 'Warm-up. The council met.')); // first-call compilation is not the input's cost
});

describe('enrichArticle on arbitrary input', () => {
  it('text items: no throw, linear time, capped output', () => {
    fc.assert(
      fc.property(
        text,
        fc.option(
          text.map((t) => t.slice(0, 3000)),
          { nil: null },
        ),
        (content, title) => {
          const item = emptyParsedItem('text', 'text', content);
          item.title = title;
          checkItem(item);
        },
      ),
      // Shrinking re-runs slow cases many times over: the first counterexample is reported as found.
      { numRuns: 50, endOnFailure: true },
    );
  });

  it('HTML items: no throw, linear time, capped output', () => {
    fc.assert(
      fc.property(html, (content) => checkItem(emptyParsedItem('html', 'html', content))),
      { numRuns: 25, endOnFailure: true },
    );
  });
});
