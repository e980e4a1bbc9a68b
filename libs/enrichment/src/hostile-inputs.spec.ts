import { FIELD_LIMITS, type EnrichedArticle, type ParsedItem } from '@wirestream/contracts';
import {
  emptyParsedItem,
  HtmlTooDeepError,
  MAX_HTML_DEPTH,
  parseIngestBody,
  type ParsedIngestBody,
} from '@wirestream/formats';
import { fastestRun } from '@wirestream/testing';
import { enrichArticle } from './enrich-article';
import { sentences } from './text-units';

/**
 * Issue 9's hostile inputs, class by class: every example from the issue and siblings of its class, each through
 * enrichArticle and through the offline `enrich` command's path (parseIngestBody, then enrichArticle). Each must
 * return within 1 s with its output inside FIELD_LIMITS; scaling checks compare 200k against 50k characters.
 */

const NOW = '2026-01-01T00:00:00.000Z';
/**
 * Each of these inputs took 4–80 s before the fixes (quadratic or worse) and takes well under 1 s alone now; the
 * bound is 3 s so a loaded 2-core CI box (the whole unit tier runs in parallel) does not flake it. Linearity itself
 * is what the scaling checks below assert; the < 1 s acceptance figures come from `npm run bench:hostile`.
 */
const TIME_BOUND_MS = 3000;

function enrich(item: ParsedItem): EnrichedArticle {
  return enrichArticle({ id: 'id', version: 1, source: { id: 'src', name: null }, item, ingestedAt: NOW, now: NOW });
}

/** What `wirestream enrich FILE` does with a file's bytes. */
function enrichViaCli(content: string, contentType: string): EnrichedArticle[] {
  const { items } = parseIngestBody({
    bytes: Buffer.from(content),
    contentType,
    url: null,
    sourceName: null,
    format: 'auto',
  });
  return items.map(enrich);
}

const timed = <T>(run: () => T) => fastestRun(run, TIME_BOUND_MS);

function expectWithinLimits(article: EnrichedArticle): void {
  expect(article.summary.length).toBeLessThanOrEqual(FIELD_LIMITS.summary);
  expect(sentences(article.summary).length).toBeLessThanOrEqual(2);
  expect(article.title?.length ?? 0).toBeLessThanOrEqual(FIELD_LIMITS.title);
  for (const keyword of article.keywords) expect(keyword.length).toBeLessThanOrEqual(FIELD_LIMITS.keyword);
  const { people, places, organizations } = article.entities;
  for (const entity of [...people, ...places, ...organizations])
    expect(entity.name.length).toBeLessThanOrEqual(FIELD_LIMITS.entityName);
}

const capitalisedWords = (chars: number): string => {
  const names = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Omega', 'Kappa', 'Sigma'];
  const out: string[] = [];
  for (let length = 0, i = 0; length < chars; i++) {
    const word = names[i % names.length] as string;
    out.push(word);
    length += word.length + 1;
  }
  return out.join(' ');
};
const nested = (open: string, close: string, depth: number, inner: string): string =>
  `<html><body>${open.repeat(depth)}${inner}${close.repeat(depth)}</body></html>`;
const PROSE = 'The council said on Tuesday that the new harbour plan would go ahead after years of delay and dispute. ';
const LEAD = `<p>${PROSE.repeat(4)}</p>`;

type Case = [name: string, contentType: 'text/plain' | 'text/html', content: () => string];

const CLASSES: Record<string, Case[]> = {
  'runs of one punctuation character (sentence splitting)': [
    ['issue: a paragraph of 100k "!"', 'text/plain', () => `A headline\n\n${'!'.repeat(100_000)}`],
    ['100k "."', 'text/plain', () => `A headline\n\n${'.'.repeat(100_000)}`],
    ['100k "?" after prose', 'text/plain', () => `${PROSE}${'?'.repeat(100_000)}`],
    ['100k "…" then a capital', 'text/plain', () => `${PROSE}${'…'.repeat(100_000)} Next`],
    ['50k "!?" then closing quotes', 'text/plain', () => `${PROSE}${'!?'.repeat(50_000)}${'”'.repeat(1000)}x`],
  ],
  'a banner line running into punctuation': [
    ['issue: "welcome to a" + 100k "!"', 'text/plain', () => `welcome to a${'!'.repeat(100_000)}`],
    ['"Welcome to a" + 100k "."', 'text/plain', () => `Welcome to a${'.'.repeat(100_000)}`],
    ['"| Welcome to" + 100k "|"', 'text/plain', () => `| Welcome to ${'|'.repeat(100_000)}`],
  ],
  'deep nesting': [
    ['issue: <div> 1,000 deep around one <p>', 'text/html', () => nested('<div>', '</div>', 1000, LEAD)],
    ['<div> 5,000 deep (was a stack overflow)', 'text/html', () => nested('<div>', '</div>', 4900, LEAD)],
    ['<div> 10,000 deep', 'text/html', () => nested('<div>', '</div>', 10_000, LEAD)],
    [
      '<span> 4,000 deep inside a <p>',
      'text/html',
      () => `<html><body><p>${'<span>'.repeat(4000)}${PROSE.repeat(4)}${'</span>'.repeat(4000)}</p></body></html>`,
    ],
    ['<ul><li> 2,400 deep', 'text/html', () => nested('<ul><li>', '</li></ul>', 2400, LEAD)],
    ['<blockquote> 4,900 deep', 'text/html', () => nested('<blockquote>', '</blockquote>', 4900, LEAD)],
    ['<table><tr><td> 3,000 deep', 'text/html', () => nested('<table><tr><td>', '</td></tr></table>', 3000, LEAD)],
    ['<div> 4,900 deep, never closed', 'text/html', () => `<html><body>${'<div>'.repeat(4900)}${LEAD}`],
  ],
  'many elements': [
    ['200k <p>', 'text/html', () => `<html><body>${LEAD}${'<p>word word word.</p>'.repeat(200_000)}</body></html>`],
    [
      '200k inline <b> in one paragraph',
      'text/html',
      () => `<html><body>${LEAD}<p>${'<b>x</b> '.repeat(200_000)}</p></body></html>`,
    ],
    ['50k links', 'text/html', () => `<html><body>${LEAD}${'<a href="/x">Read more</a>'.repeat(50_000)}</body></html>`],
  ],
  'long sentences (summary)': [
    [
      'issue: a 40,000-character first sentence',
      'text/plain',
      () => `The council said the plan would go ahead ${'and the people would wait '.repeat(1600)}until spring.`,
    ],
    ['100 KB without a space', 'text/plain', () => 'a'.repeat(100_000)],
    [
      'a 40,000-character sentence of comma-separated clauses',
      'text/plain',
      () => `${'officials said, '.repeat(2500)}end.`,
    ],
  ],
  'long runs of capitalised words (entities)': [
    [
      'issue: a 4 KB run of capitalised words',
      'text/plain',
      () => `Officials met the ${capitalisedWords(4096)} on Tuesday to discuss the plan for the city.`,
    ],
    [
      'a 100 KB run of capitalised words',
      'text/plain',
      () => `Officials met the ${capitalisedWords(100_000)} on Tuesday.`,
    ],
    [
      '"Alpha and Beta and …" for 100 KB',
      'text/plain',
      () => `Officials met ${capitalisedWords(100_000).replace(/ /gu, ' and ')} on Tuesday.`,
    ],
    [
      '100 KB of capitals and digits without a space',
      'text/plain',
      () => `Officials met ${'A1'.repeat(50_000)} on Tuesday.`,
    ],
    ['"Mr. " 20k times', 'text/plain', () => `${'Mr. '.repeat(20_000)}Smith said the plan would go ahead.`],
  ],
  quotes: [
    ['100k unclosed “', 'text/plain', () => `${PROSE}${'“'.repeat(100_000)}`],
    ['100k "', 'text/plain', () => `${PROSE}${'"a '.repeat(50_000)}`],
    ['100k «', 'text/plain', () => `${PROSE}${'« '.repeat(50_000)}`],
    ['a quote of 20k words', 'text/plain', () => `“${'word '.repeat(20_000)},” Jane Smith said.`],
  ],
  'datelines and tokens': [
    ['capitals then 100k spaces', 'text/plain', () => `NAIROBI${' '.repeat(100_000)}x`],
    ['100k capitals then a dash', 'text/plain', () => `${'A'.repeat(100_000)} — the story`],
    ['100k "x-"', 'text/plain', () => `${PROSE}${'x-'.repeat(50_000)}`],
  ],
};

beforeAll(() => {
  enrich(emptyParsedItem('text', 'text', PROSE)); // first-call compilation is not the input's cost
});

describe.each(Object.entries(CLASSES))('hostile input class: %s', (_, cases) => {
  it.each(cases)('%s → enrichArticle returns within 1 s and within the field limits', (_name, contentType, content) => {
    const text = content();
    const item = emptyParsedItem(
      contentType === 'text/html' ? 'html' : 'text',
      contentType === 'text/html' ? 'html' : 'text',
      text,
    );
    const { result, ms } = timed(() => enrich(item));
    expect(ms).toBeLessThan(TIME_BOUND_MS);
    expectWithinLimits(result);
  });

  // The issue's example and two siblings of each class also go the CLI's way (the parse there is libs/formats' cost).
  it.each(cases.slice(0, 3))(
    '%s → the offline enrich path returns within its parse time + 1 s',
    (_name, contentType, content) => {
      const text = content();
      // The parse is libs/formats' work (timed in its own suite); the bound here is on the enrichment after it.
      let parsed: ParsedIngestBody;
      try {
        parsed = parseIngestBody({
          bytes: Buffer.from(text),
          contentType,
          url: null,
          sourceName: null,
          format: 'auto',
        });
      } catch (error) {
        // A whole page nested past MAX_HTML_DEPTH is refused by the parser with a typed 400 (html-too-deep).
        expect(error).toBeInstanceOf(HtmlTooDeepError);
        expect(text.split('<div').length - 1).toBeGreaterThan(MAX_HTML_DEPTH);
        return;
      }
      const { items } = parsed;
      const { result, ms } = timed(() => items.map(enrich));
      expect(ms).toBeLessThan(TIME_BOUND_MS);
      expect(result.length).toBe(items.length);
      for (const article of result) expectWithinLimits(article);
    },
  );
});

describe('enrichArticle scales linearly', () => {
  const bestOf3 = (item: ParsedItem): number => Math.min(...[0, 1, 2].map(() => timed(() => enrich(item)).ms));
  const generators: Array<[string, 'text' | 'html', (n: number) => string]> = [
    ['punctuation run', 'text', (n) => `A headline\n\n${'!'.repeat(n)}`],
    ['capitalised words', 'text', (n) => `Officials met the ${capitalisedWords(n)} on Tuesday.`],
    ['no space', 'text', (n) => 'a'.repeat(n)],
    ['unclosed quotes', 'text', (n) => `${PROSE}${'“'.repeat(n)}`],
    // Each role-only attribution looks for the person given that role: per quote a bounded look, not a re-read.
    [
      'role-only attributions',
      'text',
      (n) => `${PROSE}${'“x x x x x x x x x x”, advirtió la titular de Interior a los senadores. '.repeat(n / 72)}`,
    ],
    // Tail lists: headline-shaped lines, each with a date alone under it, read back from the end once.
    [
      'headlines over bare dates',
      'text',
      (n) => `${PROSE}\n\n${'Der Hafen bestellt eine neue Fähre für die Inselroute\n\n03/11/2025\n\n'.repeat(n / 66)}`,
    ],
    ['nested divs', 'html', (n) => nested('<div>', '</div>', n / 5, LEAD)],
    ['flat paragraphs', 'html', (n) => `<html><body>${LEAD}${'<p>word word.</p>'.repeat(n / 16)}</body></html>`],
  ];
  it.each(generators)('%s: 200k vs 50k characters < 8×', (_name, type, generate) => {
    const [small, large] = [
      emptyParsedItem(type, type, generate(50_000)),
      emptyParsedItem(type, type, generate(200_000)),
    ];
    // Under 100 ms for 200k, a GC or a scheduling stall moves the ratio (13.6× once at load 11 for "no space", whose
    // 200k run takes a few ms); a quadratic pass at that size takes seconds. A stall only ever raises a ratio, so the
    // lowest of up to three counts: a quadratic pass cannot measure under 8 on any try.
    let lowest = Infinity;
    for (let attempt = 0; attempt < 3 && lowest >= 8; attempt++) {
      const largeMs = bestOf3(large);
      lowest = Math.min(lowest, largeMs < 100 ? 0 : largeMs / Math.max(bestOf3(small), 1));
    }
    expect(lowest).toBeLessThan(8);
  });
});

describe('enrichViaCli', () => {
  it('enriches what parseIngestBody reads, as the CLI does', () => {
    const [article] = enrichViaCli(`A headline\n\n${PROSE.repeat(3)}`, 'text/plain');
    expect(article?.body).toContain('harbour plan');
  });
});
