import { parseTextPage } from './parse-text-page';
import { analyzeTextPageLayout } from './text-page-layout';
import { betterSlugHeadline, slugHeadline, slugMatch, slugWords, stripLeadingMark } from './text-page-slug';

describe('slugWords', () => {
  it('takes the path segment with the most words, without ids and extensions', () => {
    expect(
      slugWords('https://news.example.com/world/2026/05/04/harbour-strike-ends-after-three-weeks-90871.html'),
    ).toEqual(['harbour', 'strike', 'ends', 'after', 'three', 'weeks']);
  });

  it('folds accents, ß and the ae/oe/ue spellings of umlauts', () => {
    expect(slugWords('https://example.de/stadt/gruenflaeche-am-fluss-wird-groesser/')).toEqual([
      'grunflache',
      'am',
      'fluss',
      'wird',
      'grosser',
    ]);
    const slug = new Set(slugWords('https://example.de/stadt/gruenflaeche-am-fluss-wird-groesser/'));
    expect(slugMatch('Grünfläche am Fluss wird größer', slug).recall).toBe(1);
  });

  it('is empty for section names, bare ids and bad addresses', () => {
    expect(slugWords('https://example.org/politik/')).toEqual([]);
    expect(slugWords('https://example.org/news/news_lang.php?ArtNr=335614')).toEqual([]);
    expect(slugWords('not a url')).toEqual([]);
    expect(slugWords(null)).toEqual([]);
    // A stray "%" keeps the segment as written instead of throwing.
    expect(slugWords('https://example.org/tram-line-opens-%E0%A4%A')).toEqual([
      'tram',
      'line',
      'opens',
      'e0',
      'a4',
      'a',
    ]);
  });
});

describe('slugHeadline', () => {
  const url = 'https://www.example.com/local/city-council-approves-new-tram-line-to-airport/';
  const blocks = [
    'Example Times — Local',
    'Home | Local | Sport | Weather',
    'Tram line',
    'City council approves new tram line to airport',
    'The vote ends a decade of argument over the route, which will run through the old market district.',
  ];

  it('finds the line that spells the slug', () => {
    expect(slugHeadline(blocks, url)?.index).toBe(3);
  });

  it('skips lines the caller rejects, and lines sharing fewer than two words', () => {
    expect(slugHeadline(blocks, url, (_, i) => i === 3)).toBeNull();
    expect(slugHeadline(['Airport', 'Council'], url)).toBeNull();
  });

  it('replaces a headline only when it covers clearly more of the slug', () => {
    expect(betterSlugHeadline(blocks, url, 'Example Times — Local')).toBe(3);
    expect(betterSlugHeadline(blocks, url, null)).toBe(3);
    // A longer headline covering the whole slug stays.
    expect(
      betterSlugHeadline(blocks, url, 'City council approves new tram line to airport after long debate'),
    ).toBeNull();
  });

  it('takes the neighbour of a two-line stack that spells the slug more closely, however small the gain', () => {
    const stack = [
      'Kultur',
      '26.10.2023',
      'Der Begriff Imperialismus hat heute keinen Wert',
      'Das Imperialismus-Phantom',
    ];
    const address = 'https://zeitung.example/artikel/diskussion-begriff-imperialismus-das-phantom';
    expect(betterSlugHeadline(stack, address, stack[2] ?? null, undefined, 2)).toBe(3);
    // Not next to the headline: the quarter margin applies.
    expect(
      betterSlugHeadline([...stack.slice(0, 3), 'Mehr', stack[3] ?? ''], address, stack[2] ?? null, undefined, 2),
    ).toBeNull();
    const english = ['Opinion', 'Why the harbour deal was never about jobs', 'Harbour deal myths'];
    const link = 'https://courier.example/opinion/debate-over-harbour-deal-myths';
    expect(betterSlugHeadline(english, link, english[1] ?? null, undefined, 1)).toBe(2);
    expect(betterSlugHeadline(english, link, english[1] ?? null)).toBeNull();
  });

  it('drops crumb markers glued before a heading', () => {
    expect(stripLeadingMark('› Tram line reaches the airport')).toBe('Tram line reaches the airport');
    expect(stripLeadingMark('|Tram line')).toBe('Tram line');
    expect(stripLeadingMark('»Quoted headline«')).toBe('»Quoted headline«');
  });
});

describe('parseTextPage with a slug', () => {
  it('takes the headline the address spells over a teaser before the body', () => {
    const page = [
      'The Valley Courier — Region',
      'Home | Region | Sport | Culture | Contact',
      'Bakery on Mill Street celebrates its hundredth year',
      '4 May 2026',
      'Most read',
      'Flood defences along the river to be raised by a metre',
      'The regional authority said on Monday that construction would start in the autumn and last two years.',
      'Residents of the lower town had asked for higher walls since the floods of last spring damaged forty homes.',
      'Engineers expect the work to cost about twelve million euros, shared between the region and the state.',
    ].join('\n\n');
    const item = parseTextPage(page, {
      url: 'https://valley-courier.example/region/bakery-on-mill-street-celebrates-hundredth-year/',
    });
    expect(item.title).toBe('Bakery on Mill Street celebrates its hundredth year');
    expect(item.publishedAt?.slice(0, 10)).toBe('2026-05-04');
  });

  it('leaves the headline alone when the address has no slug', () => {
    const page = [
      'Flood defences along the river to be raised by a metre',
      'The regional authority said on Monday that construction would start in the autumn and last two years.',
      'Residents of the lower town had asked for higher walls since the floods of last spring damaged forty homes.',
    ].join('\n\n');
    const item = parseTextPage(page, { url: 'https://valley-courier.example/article.php?id=5512' });
    expect(item.title).toBe('Flood defences along the river to be raised by a metre');
  });
});

describe('a headline printed again under paragraphs of the body', () => {
  const paragraphs = [
    'The regional authority said on Monday that construction would start in the autumn and last two years.',
    'Residents of the lower town had asked for higher walls since the floods of last spring damaged forty homes.',
    'Engineers expect the work to cost about twelve million euros, shared between the region and the state.',
  ];
  const more = [
    'The first section, along the old harbour, is to be finished before the winter storms of next year.',
    'A public meeting on the plans is to be held in the town hall on the first Thursday of June.',
  ];
  const page = (copy: string): string =>
    [
      'The Valley Courier',
      'Home | Region | Sport | Culture | Contact',
      'Flood walls along the river will be raised',
      '4 May 2026',
      'By Jane Doe',
      ...paragraphs,
      copy,
      '14 photos',
      ...more,
    ].join('\n\n');
  const url = 'https://valley-courier.example/region/photo-gallery-flood-walls-along-the-river-raised-by-a-metre/';

  it('is not the headline the address spells: a gallery heading does not cut the paragraphs above it off', () => {
    const layout = analyzeTextPageLayout(page('Photo gallery: flood walls along the river raised by a metre'), {
      url,
    });
    expect(layout.title).toBe('Flood walls along the river will be raised');
    expect(layout.span.start).toBeLessThanOrEqual(5);
    expect(layout.chrome.some((line) => line.text === paragraphs[0])).toBe(false);
  });

  it('is taken out of the body when it repeats the headline', () => {
    const layout = analyzeTextPageLayout(page('Flood walls along the river will be raised'), { url });
    expect(layout.title).toBe('Flood walls along the river will be raised');
    expect(layout.chrome.filter((line) => line.text === 'Flood walls along the river will be raised')).toEqual([
      expect.objectContaining({ index: 2, kind: 'headline' }),
      expect.objectContaining({ index: 8, kind: 'boilerplate' }),
    ]);
  });
});
